"use client";

import { formatAmount } from "@/lib/format";
import { formatPeriod, formatRate, scheduleKinds, statusHelp } from "@/lib/loans";
import { dueLabel, formatDate, relativeDays } from "@/lib/time";
import type { LoanView } from "@/hooks/useLoans";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { CopyAddress } from "../CopyAddress";

/** The head of a loan card: id, status, terms, funding progress and borrower. */
export function LoanFacts({
  loan,
  token,
  now,
  showBorrower,
}: {
  loan: LoanView;
  token: TokenInfo;
  now: number;
  showBorrower?: boolean;
}) {
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  const beforeDrawdown = ["Pending", "Offered", "Funding"].includes(loan.status);
  const maturity = loan.start + loan.count * loan.period;
  return (
    <>
      <div className="invoice-head">
        <strong className="invoice-number">Loan #{loan.id.toString()}</strong>
        <span
          className={`badge badge-${loan.status.toLowerCase()}`}
          title={statusHelp[loan.status]}
          data-testid="loan-status"
        >
          {loan.status}
          {loan.impaired ? " · impaired" : ""}
        </span>
      </div>
      <p className="muted">{statusHelp[loan.status]}</p>
      <dl className="facts">
        <div>
          <dt>Amount</dt>
          <dd>{money(loan.principal)}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd>{formatRate(loan.rateBps)} a year</dd>
        </div>
        <div>
          <dt>Schedule</dt>
          <dd>
            {loan.count} installment{loan.count === 1 ? "" : "s"}, {formatPeriod(loan.period)}
            <small className="muted"> · {scheduleKinds[loan.kind]?.label}</small>
          </dd>
        </div>
        {beforeDrawdown && (
          <>
            <div>
              <dt>Funded</dt>
              <dd data-testid="loan-funded">
                {money(loan.funded)} of {money(loan.principal)}
                {loan.funded < loan.principal && (
                  <small className="muted"> · {money(loan.principal - loan.funded)} to go</small>
                )}
              </dd>
            </div>
            <div>
              <dt>Funding deadline</dt>
              <dd>
                {formatDate(loan.fundingDeadline)}{" "}
                <small className="muted">
                  {loan.fundingDeadline > now ? relativeDays(loan.fundingDeadline, now) : "passed"}
                </small>
              </dd>
            </div>
          </>
        )}
        {loan.start > 0 && (
          <div>
            <dt>Drawn down</dt>
            <dd>
              {formatDate(loan.start)}
              {loan.status === "Active" && (
                <small className="muted"> · matures {dueLabel(maturity, now).replace("due ", "")}</small>
              )}
            </dd>
          </div>
        )}
        {loan.repaid > 0n && (
          <div>
            <dt>Repaid so far</dt>
            <dd>{money(loan.repaid)}</dd>
          </div>
        )}
        {showBorrower && (
          <div>
            <dt>Borrower</dt>
            <dd>
              <CopyAddress address={loan.borrower} />
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}
