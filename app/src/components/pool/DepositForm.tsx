"use client";

import { useState, type FormEvent } from "react";
import type { Address } from "viem";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import type { PoolPosition } from "@/hooks/usePool";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { FormSubmit } from "../FormSubmit";

/**
 * Deposits stablecoin for shares. The amount is checked against the wallet balance before
 * anything is signed; the pool is approved for exactly the amount (only when needed), then
 * the deposit is sent. A failure leaves what was typed in place.
 */
export function DepositForm(props: {
  pool: Address;
  asset: Address;
  owner: Address;
  position: PoolPosition;
  token: TokenInfo;
}) {
  const { pool, asset, owner, position, token } = props;
  const [amount, setAmount] = useState("");
  const [problem, setProblem] = useState<string>();
  const { state, busy, write, approveIfShort } = useScaffoldWriteContract("FinancingPool", pool);
  const money = (v: bigint) => `${formatAmount(v, token.decimals)} ${token.symbol}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!position.canDeposit)
      return setProblem("Only wallets verified as investors can deposit; get verified on the KYC page.");
    const parsed = parseAmountInput(amount, token.decimals);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.value > position.walletBalance) {
      return setProblem(`Your balance is ${money(position.walletBalance)}; you cannot deposit ${money(parsed.value)}.`);
    }
    setProblem(undefined);
    if (!(await approveIfShort({ token: asset, owner, spender: pool, amount: parsed.value }))) return;
    const ok = await write({ functionName: "deposit", args: [parsed.value, owner] });
    if (ok) setAmount("");
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Deposit">
      <h3>Deposit</h3>
      <label className="field">
        <span>Amount to deposit ({token.symbol})</span>
        <input
          name="depositAmount"
          inputMode="decimal"
          value={amount}
          aria-describedby="deposit-help"
          onChange={(e) => setAmount(e.target.value)}
        />
        <small id="deposit-help" className="muted">
          Your wallet holds {money(position.walletBalance)}. You approve exactly this amount, then deposit.
        </small>
      </label>
      <FormSubmit label="Deposit" problem={problem} busy={busy} state={state} />
    </form>
  );
}
