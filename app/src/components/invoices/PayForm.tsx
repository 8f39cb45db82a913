"use client";

import { useState, type FormEvent } from "react";
import { useConnection } from "wagmi";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { outstandingOf } from "@/lib/receivables";
import { type Receivable } from "@/lib/invoice";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { useWalletBalance } from "@/hooks/useWalletBalance";
import { FormSubmit } from "../FormSubmit";

/**
 * Pays part or all of an invoice. The money goes to whoever holds the token now (the SME, or
 * the pool that financed it); the amount is checked against what is still owed and the payer's
 * balance before anything is signed. Approves exactly the amount first when needed.
 */
export function PayForm({ tokenId, receivable, token }: { tokenId: bigint; receivable: Receivable; token: TokenInfo }) {
  const { address } = useConnection();
  const receivables = useDeployedAddress("ReceivableToken");
  const outstanding = outstandingOf(receivable);
  const [amount, setAmount] = useState(formatAmount(outstanding, token.decimals));
  const [problem, setProblem] = useState<string>();
  const { state, busy, write, approveIfShort } = useScaffoldWriteContract("ReceivableToken");
  const balance = useWalletBalance(receivable.currency);
  const money = (v: bigint) => `${formatAmount(v, token.decimals)} ${token.symbol}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAmountInput(amount, token.decimals);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.value > outstanding) return setProblem(`Only ${money(outstanding)} is still owed on this invoice.`);
    if (balance.data !== undefined && parsed.value > balance.data) {
      return setProblem(`Your balance is ${money(balance.data)}; that is not enough to pay ${money(parsed.value)}.`);
    }
    setProblem(undefined);
    const pull = { token: receivable.currency, owner: address!, spender: receivables!, amount: parsed.value };
    if (!(await approveIfShort(pull))) return;
    await write({ functionName: "pay", args: [tokenId, parsed.value] });
  }

  return (
    <form onSubmit={submit} noValidate className="form inline-form" aria-label="Pay invoice">
      <label className="field">
        <span>Pay ({token.symbol})</span>
        <input name="payAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <small className="muted">
          Owed {money(outstanding)}
          {balance.data !== undefined && <> · your balance {money(balance.data)}</>}
        </small>
      </label>
      <FormSubmit label="Pay" problem={problem} busy={busy} state={state} />
    </form>
  );
}
