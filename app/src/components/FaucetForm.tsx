"use client";

import { useState, type FormEvent } from "react";
import { useConnection, useReadContract } from "wagmi";
import { abis, deployedAddress } from "@/lib/contracts";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { useContractAction } from "@/hooks/useContractAction";
import { FormSubmit } from "./FormSubmit";
import { TxStatus } from "./TxStatus";

/** Local chain only: takes test dollars from the DemoUSD faucet, within its daily limit. */
export function FaucetForm() {
  const { address, chainId } = useConnection();
  const token = deployedAddress(chainId, "Stablecoin");
  const [amount, setAmount] = useState("1,000");
  const [problem, setProblem] = useState<string>();
  const { state, busy, run } = useContractAction();
  const available = useReadContract({
    abi: abis.DemoUSD,
    address: token,
    functionName: "faucetAvailable",
    args: address ? [address] : undefined,
    query: { enabled: Boolean(address && token) },
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!token) return;
    const parsed = parseAmountInput(amount, 6);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (available.data !== undefined && parsed.value > available.data) {
      return setProblem(`At most ${formatAmount(available.data, 6)} dUSD is left for you today.`);
    }
    setProblem(undefined);
    await run({ abi: abis.DemoUSD, address: token, functionName: "faucet", args: [parsed.value] });
  }

  if (!token) return null;
  return (
    <section className="card">
      <h2>Faucet</h2>
      <p className="muted">
        Test dollars for the local chain.{" "}
        {available.data !== undefined && <>Left for you today: {formatAmount(available.data, 6)} dUSD.</>}
      </p>
      <form onSubmit={submit} noValidate className="form">
        <label className="field">
          <span>Amount (dUSD)</span>
          <input
            name="amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            aria-invalid={Boolean(problem)}
            aria-describedby="faucet-problem"
          />
        </label>
        <FormSubmit label="Get test dollars" problem={problem} problemId="faucet-problem" busy={busy} />
      </form>
      <TxStatus state={state} />
    </section>
  );
}
