"use client";

import Link from "next/link";
import type { Address } from "viem";
import { CopyAddress } from "@/components/CopyAddress";
import { TxStatus } from "@/components/TxStatus";
import { useChainTime } from "@/hooks/useChainTime";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { type PoolLoan, usePoolLoans } from "@/hooks/usePoolLoans";

/**
 * The loans this pool funded: what it put in, what is still on its books, what came back, and
 * what the escrow owes it now, which anyone may collect into the pool (`claimLoan`).
 */
export function PoolLoansCard({ pool, money }: { pool: Address; money: (v: bigint) => string }) {
  const { data, isError, error } = usePoolLoans(pool);
  const now = useChainTime();
  return (
    <section className="card" aria-labelledby="pool-loans">
      <h2 id="pool-loans">Loans funded by this pool</h2>
      {isError ? (
        <p role="alert" className="error">
          Could not read the pool&apos;s loans: {error?.message}
        </p>
      ) : !data || now === undefined ? (
        <p className="muted">Loading the pool&apos;s loans…</p>
      ) : data.length === 0 ? (
        <p className="muted">
          This pool has funded no loan. The pool manager can fund one from the <Link href="/loans">Loans</Link> page.
        </p>
      ) : (
        <ul className="todo-list">
          {data.map((l) => (
            <PoolLoanRow key={`${l.manager}-${l.loanId}`} pool={pool} loan={l} now={now} money={money} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PoolLoanRow({
  pool,
  loan,
  now,
  money,
}: {
  pool: Address;
  loan: PoolLoan;
  now: number;
  money: (v: bigint) => string;
}) {
  const { state, busy, write } = useScaffoldWriteContract("FinancingPool", pool);
  const p = loan.position;
  // Before drawdown the escrow still holds the pool's money: a cancelled or lapsed loan refunds it.
  const lapsed = ["Pending", "Offered", "Funding"].includes(loan.loanStatus) && now > loan.fundingDeadline;
  const refund = p.principal > 0n && (loan.loanStatus === "Cancelled" || loan.loanStatus === "Expired" || lapsed);
  const collectable = refund ? p.principal : loan.claimable;
  return (
    <li data-testid="pool-loan" data-loan-id={loan.loanId.toString()} data-claimable={loan.claimable.toString()}>
      <Link href="/loans">Loan #{loan.loanId.toString()}</Link>
      <CopyAddress address={loan.borrower} />
      <span>
        {loan.loanStatus} · {money(p.funded)} funded, {money(p.principal)} on the books
        {p.status === "Impaired" ? " (impaired)" : p.status === "WrittenOff" ? " (written off)" : ""}
      </span>
      <span data-testid="pool-loan-received">
        back so far: {money(p.principalReceived)} principal, {money(p.income)} income
      </span>
      {collectable > 0n && (
        <button
          type="button"
          disabled={busy}
          onClick={() => write({ functionName: "claimLoan", args: [loan.manager, loan.loanId] })}
        >
          {refund ? `Take back ${money(collectable)} into the pool` : `Collect ${money(collectable)} into the pool`}
        </button>
      )}
      <TxStatus state={state} />
    </li>
  );
}
