"use client";

import { useState, type FormEvent } from "react";
import { useConnection } from "wagmi";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { checkFunding, refundable } from "@/lib/loans";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import type { LoanView } from "@/hooks/useLoans";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { useWalletBalance } from "@/hooks/useWalletBalance";
import { FormSubmit } from "../FormSubmit";
import { TxStatus } from "../TxStatus";

/**
 * Funds part or all of what a loan still needs: checked against the remaining amount, the
 * deadline and the lender's balance before signing; approves exactly the amount first.
 */
export function FundForm({ loan, token, now }: { loan: LoanView; token: TokenInfo; now: number }) {
  const { address } = useConnection();
  const manager = useDeployedAddress("LoanManager");
  const stablecoin = useDeployedAddress("Stablecoin");
  const remaining = loan.principal - loan.funded;
  const [amount, setAmount] = useState(formatAmount(remaining, token.decimals));
  const [problem, setProblem] = useState<string>();
  const { state, busy, write, approveIfShort } = useScaffoldWriteContract("LoanManager");
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  const balance = useWalletBalance(stablecoin);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = checkFunding(amount, loan, now, token.decimals, money);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (balance.data !== undefined && parsed.value > balance.data) {
      return setProblem(`Your balance is ${money(balance.data)}; that is not enough to lend ${money(parsed.value)}.`);
    }
    setProblem(undefined);
    const pull = { token: stablecoin!, owner: address!, spender: manager!, amount: parsed.value };
    if (!(await approveIfShort(pull))) return;
    await write({ functionName: "fund", args: [loan.id, parsed.value] });
  }

  return (
    <form onSubmit={submit} noValidate className="form inline-form" aria-label={`Fund loan ${loan.id}`}>
      <label className="field">
        <span>Lend ({token.symbol})</span>
        <input name="fundAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        <small className="muted">
          {money(remaining)} still needed
          {balance.data !== undefined && <> · your balance {money(balance.data)}</>}. You receive one note per unit lent
          and a pro-rata share of every repayment.
        </small>
      </label>
      <FormSubmit label="Fund" problem={problem} busy={busy} state={state} />
    </form>
  );
}

/** A lender's position in one loan: notes held, what is claimable, claim and refund. */
export function PositionActions({ loan, token, now }: { loan: LoanView; token: TokenInfo; now: number }) {
  const { state, busy, write } = useScaffoldWriteContract("LoanManager");
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  // A loan not drawn down by its deadline is expired by `refund` itself.
  const lapsed = ["Pending", "Offered", "Funding"].includes(loan.status) && now > loan.fundingDeadline;
  const canRefund = loan.notes > 0n && (refundable(loan.status) || lapsed);
  return (
    <div className="stack">
      <dl className="facts">
        <div>
          <dt>Your notes</dt>
          <dd data-testid="position-notes">
            {money(loan.notes)}
            {loan.principal > 0n && (
              <small className="muted">
                {" "}
                · {((Number(loan.notes) / Number(loan.principal)) * 100).toFixed(1)} % of the loan
              </small>
            )}
          </dd>
        </div>
        <div>
          <dt>Claimable now</dt>
          <dd data-testid="position-claimable">{money(loan.claimable)}</dd>
        </div>
      </dl>
      <div className="buttons">
        <button
          type="button"
          disabled={busy || loan.claimable === 0n}
          onClick={() => write({ functionName: "claim", args: [loan.id] })}
        >
          Claim {money(loan.claimable)}
        </button>
        {canRefund && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => write({ functionName: "refund", args: [loan.id] })}
          >
            Take back {money(loan.notes)}
          </button>
        )}
      </div>
      {lapsed && <p className="muted">The funding deadline passed before drawdown: you can take your money back.</p>}
      {loan.claimable === 0n && loan.status === "Active" && (
        <p className="muted">Your share of each repayment becomes claimable as the borrower pays.</p>
      )}
      <TxStatus state={state} />
    </div>
  );
}

/** An underwriter approves a pending request as asked, or offers a lower amount or another rate. */
export function ApproveForm({ loan, token }: { loan: LoanView; token: TokenInfo }) {
  const [amount, setAmount] = useState(formatAmount(loan.principal, token.decimals));
  const [rate, setRate] = useState(String(loan.rateBps / 100));
  const [problem, setProblem] = useState<string>();
  const { state, busy, write } = useScaffoldWriteContract("LoanManager");
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAmountInput(amount, token.decimals);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.value > loan.principal) return setProblem(`You can approve at most the ${money(loan.principal)} asked.`);
    if (!/^\d+(\.\d{1,2})?$/.test(rate.trim()) || Number(rate) > 100) {
      return setProblem("The annual rate is a percentage from 0 to 100 with at most two decimals.");
    }
    setProblem(undefined);
    await write({ functionName: "approve", args: [loan.id, parsed.value, Math.round(Number(rate) * 100)] });
  }

  return (
    <form onSubmit={submit} noValidate className="form inline-form" aria-label={`Approve loan ${loan.id}`}>
      <label className="field">
        <span>Approve amount ({token.symbol})</span>
        <input name="approveAmount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label className="field">
        <span>Annual rate (%)</span>
        <input name="approveRate" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
        <small className="muted">
          Same terms open the loan for funding at once; other terms go back to the borrower.
        </small>
      </label>
      <FormSubmit label="Approve" problem={problem} busy={busy} state={state} />
    </form>
  );
}
