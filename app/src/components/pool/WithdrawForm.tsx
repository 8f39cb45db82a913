"use client";

import { useState, type FormEvent } from "react";
import type { Address } from "viem";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import type { PoolPosition } from "@/hooks/usePool";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { FormSubmit } from "../FormSubmit";
import { FillableAmount } from "./FillableAmount";

/**
 * Withdraws at once, up to what the pool's free cash allows (maxWithdraw). Taking the whole
 * maximum redeems every share instead, so no dust of shares is left behind by rounding.
 */
export function WithdrawForm(props: { pool: Address; owner: Address; position: PoolPosition; token: TokenInfo }) {
  const { pool, owner, position, token } = props;
  const [amount, setAmount] = useState("");
  const [problem, setProblem] = useState<string>();
  const { state, busy, write } = useScaffoldWriteContract("FinancingPool", pool);
  const money = (v: bigint) => `${formatAmount(v, token.decimals)} ${token.symbol}`;
  const limited = position.maxWithdraw < position.value;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAmountInput(amount, token.decimals);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.value > position.maxWithdraw) {
      return setProblem(
        position.maxWithdraw === 0n
          ? "You cannot withdraw anything right now; request a redemption instead."
          : `You can withdraw at most ${money(position.maxWithdraw)} right now${limited ? " (the pool's free cash limits it; request a redemption for the rest)" : ""}.`,
      );
    }
    setProblem(undefined);
    const all = parsed.value === position.maxWithdraw && position.maxRedeem === position.shares;
    const ok = await write(
      all
        ? { functionName: "redeem", args: [position.shares, owner, owner] }
        : { functionName: "withdraw", args: [parsed.value, owner, owner] },
    );
    if (ok) setAmount("");
  }

  return (
    <form onSubmit={submit} noValidate className="form" aria-label="Withdraw">
      <h3>Withdraw now</h3>
      <FillableAmount
        label={`Amount to withdraw (${token.symbol})`}
        name="withdrawAmount"
        value={amount}
        onChange={setAmount}
        fill={{
          label: "Max",
          value: formatAmount(position.maxWithdraw, token.decimals),
          disabled: position.maxWithdraw === 0n,
        }}
      >
        <small className="muted" data-testid="max-withdraw">
          Up to {money(position.maxWithdraw)} now
          {limited && " — limited by the pool's free cash; request a redemption for the rest"}.
        </small>
      </FillableAmount>
      <FormSubmit label="Withdraw" problem={problem} busy={busy} state={state} />
    </form>
  );
}
