"use client";

import { useState, type FormEvent } from "react";
import { useConnection } from "wagmi";
import { enumMember } from "@/lib/contracts";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { type LoanView, useLoanDetails } from "@/hooks/useLoans";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useWalletBalance } from "@/hooks/useWalletBalance";
import { TxStatus } from "../TxStatus";
import { Installments } from "./Installments";

/** What the borrower can do with one of its loans, by status. */
export function BorrowerActions({ loan, token, now }: { loan: LoanView; token: TokenInfo; now: number }) {
  const { state, busy, write } = useScaffoldWriteContract("LoanManager");
  const open = ["Pending", "Offered", "Funding"].includes(loan.status);
  const call = (functionName: "accept" | "drawdown" | "withdrawRequest") => write({ functionName, args: [loan.id] });
  const canDraw = loan.status === "Funding" && loan.funded === loan.principal && now <= loan.fundingDeadline;
  return (
    <div className="stack">
      {open && (
        <div className="buttons">
          {loan.status === "Offered" && (
            <button type="button" disabled={busy} onClick={() => call("accept")}>
              Accept the offer
            </button>
          )}
          {loan.status === "Funding" && (
            <button
              type="button"
              disabled={busy || !canDraw}
              onClick={() => call("drawdown")}
              title={canDraw ? undefined : "Possible once fully funded, before the deadline"}
            >
              Draw down
            </button>
          )}
          <button type="button" className="secondary" disabled={busy} onClick={() => call("withdrawRequest")}>
            Withdraw request
          </button>
        </div>
      )}
      {loan.status === "Funding" && !canDraw && (
        <p className="muted">You can draw down once lenders have funded the full amount.</p>
      )}
      <TxStatus state={state} />
      {(loan.status === "Active" || loan.status === "Defaulted") && <Repayment loan={loan} token={token} now={now} />}
    </div>
  );
}

/** Installments, what is due now, a repayment form (exact approval first) and the payoff. */
function Repayment({ loan, token, now }: { loan: LoanView; token: TokenInfo; now: number }) {
  const { address } = useConnection();
  const manager = useDeployedAddress("LoanManager");
  const stablecoin = useDeployedAddress("Stablecoin");
  const details = useLoanDetails(loan.id, true);
  const [amount, setAmount] = useState("");
  const [problem, setProblem] = useState<string>();
  const { state, busy, write, approveIfShort } = useScaffoldWriteContract("LoanManager");
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  const balance = useWalletBalance(stablecoin);

  if (details.isError) {
    return (
      <p role="alert" className="error">
        Could not read the installments: {details.error.message}
      </p>
    );
  }
  if (!details.data) return <p className="muted">Loading the installments…</p>;
  const { rows, due, quote } = details.data;
  const next = rows.find((r) => enumMember("ILoanLens.InstallmentStatus", r.status, undefined) !== "Paid");
  const nextAmount = next ? next.principal + next.interest - next.paid : 0n;
  const suggested = due > 0n ? due : nextAmount;

  async function pay(value: bigint) {
    if (balance.data !== undefined && value > balance.data) {
      return setProblem(`Your balance is ${money(balance.data)}; that is not enough to pay ${money(value)}.`);
    }
    setProblem(undefined);
    if (!(await approveIfShort({ token: stablecoin!, owner: address!, spender: manager!, amount: value }))) return;
    await write({ functionName: "repay", args: [loan.id, value] });
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parseAmountInput(amount || formatAmount(suggested, token.decimals), token.decimals);
    if (!parsed.ok) return setProblem(parsed.reason);
    if (parsed.value > quote.total) {
      return setProblem(`Only ${money(quote.total)} is needed to pay the loan off now; pay at most that.`);
    }
    await pay(parsed.value);
  }

  return (
    <div className="stack">
      <Installments rows={rows} token={token} now={now} />
      <dl className="facts">
        <div>
          <dt>Due now</dt>
          <dd data-testid="amount-due">{due > 0n ? money(due) : "Nothing overdue"}</dd>
        </div>
        {next && (
          <div>
            <dt>Next installment</dt>
            <dd>{money(nextAmount)}</dd>
          </div>
        )}
        <div>
          <dt>Pay off today</dt>
          <dd data-testid="payoff-quote">
            {money(quote.total)}
            <small className="muted">
              {" "}
              ({money(quote.principal)} principal + {money(quote.interest)} interest
              {quote.fees > 0n && <> + {money(quote.fees)} late fees</>})
            </small>
          </dd>
        </div>
      </dl>
      <form onSubmit={submit} noValidate className="form inline-form" aria-label={`Repay loan ${loan.id}`}>
        <label className="field">
          <span>Repay ({token.symbol})</span>
          <input
            name="repayAmount"
            inputMode="decimal"
            placeholder={formatAmount(suggested, token.decimals)}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <small className="muted">
            Leave empty to pay {due > 0n ? "what is due now" : "the next installment"} (
            {formatAmount(suggested, token.decimals, 2)})
            {balance.data !== undefined && <> · your balance {money(balance.data)}</>}. Fees first, then interest, then
            principal; anything beyond the running installment pays principal early.
          </small>
        </label>
        {problem && (
          <p role="alert" className="error">
            {problem}
          </p>
        )}
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {busy ? "Working…" : "Repay"}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || quote.total === 0n}
            onClick={() => pay(quote.total)}
          >
            Pay off {money(quote.total)}
          </button>
        </div>
        <TxStatus state={state} />
      </form>
    </div>
  );
}
