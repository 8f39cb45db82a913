"use client";

import Link from "next/link";
import { useConnection, useReadContract } from "wagmi";
import { CopyAddress } from "@/components/CopyAddress";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useHasRole } from "@/hooks/useIdentity";
import { useDaysLate, usePoolLedgers } from "@/hooks/useLedgers";
import { useLoans } from "@/hooks/useLoans";
import { usePools } from "@/hooks/usePools";
import { abis } from "@/lib/contracts";
import { formatRate, UNDERWRITER_ROLE } from "@/lib/loans";
import { documentHashOf } from "@/lib/receivables";
import { dueLabel } from "@/lib/time";
import { lateAssets } from "./LateInPool";
import { LateInvoiceAction, type InvoiceStep } from "./LateInvoiceAction";
import { LateLoanAction } from "./LateLoanAction";
import { DashboardHeader, Shell, Kpi, LoadError, Loading, useMoney } from "./parts";

const DAY = 86_400;

/**
 * The underwriter's first question: which requests wait for me, and which late assets need action,
 * in every pool (each invoice's next step by the policy of the pool that financed it).
 */
export function UnderwriterDashboard() {
  const now = useChainTime();
  const m = useMoney();
  const loans = useLoans(undefined, { statuses: ["Pending", "Offered", "Active"] });
  const manager = useDeployedAddress("LoanManager");
  const policy = useReadContract({ abi: abis.LoanManager, address: manager, functionName: "policy" });
  const active = (loans.data ?? []).filter((l) => l.status === "Active");
  const daysLate = useDaysLate(active.map((l) => l.id));
  const pools = usePools();
  const ledgers = usePoolLedgers();
  const { address } = useConnection();
  const isUnderwriter = useHasRole(UNDERWRITER_ROLE, address).data === true;

  const header = (
    <DashboardHeader
      title="Underwriting"
      question="Loan requests waiting for your decision, and late loans and invoices to impair or default."
      action={<Link href="/loans">Decide on the Loans page</Link>}
    />
  );
  if (loans.isError)
    return (
      <Shell header={header}>
        <LoadError what="the loans" error={loans.error} />
      </Shell>
    );
  if (ledgers.isError)
    return (
      <Shell header={header}>
        <LoadError what="the pools' ledgers" error={ledgers.error} />
      </Shell>
    );
  if (!m || !loans.data || !policy.data || !daysLate.data || !ledgers.data || now === undefined)
    return (
      <Shell header={header}>
        <Loading what="the decisions waiting" />
      </Shell>
    );

  const waiting = loans.data.filter((l) => l.status === "Pending").sort((a, b) => Number(a.id - b.id));
  const offered = loans.data.filter((l) => l.status === "Offered");
  const lateLoans = active
    .map((l) => ({ loan: l, days: daysLate.data.get(l.id) ?? 0 }))
    .filter((x) => x.days > 0)
    .sort((a, b) => b.days - a.days);
  const action = (days: number, impaired: boolean) =>
    days >= policy.data.defaultAfterDays
      ? "default"
      : days >= policy.data.impairAfterDays && !impaired
        ? "impair"
        : "watch";
  const toDefault = lateLoans.filter((x) => action(x.days, x.loan.impaired) === "default");
  const toImpair = lateLoans.filter((x) => action(x.days, x.loan.impaired) === "impair");
  const lateInvoices = ledgers.data
    .flatMap((l) => lateAssets(l.assets, now).map((a) => ({ ...a, policy: l.policy })))
    .sort((a, b) => a.dueDate - b.dueDate);
  const poolName = (address: string) => pools.find((p) => p.address === address)?.name ?? address;
  const invoiceAction = (a: (typeof lateInvoices)[number]): InvoiceStep =>
    now >= a.dueDate + a.policy.defaultDelay
      ? "write off"
      : now >= a.dueDate + a.policy.gracePeriod && a.status !== "Impaired"
        ? "impair"
        : "watch";

  return (
    <div className="stack">
      {header}
      <dl className="kpis">
        <Kpi
          label="Requests to decide"
          testId="uw-waiting"
          raw={waiting.length}
          value={waiting.length}
          note={`${offered.length} offers wait for borrowers`}
        />
        <Kpi
          label="Late loans"
          testId="uw-late"
          value={lateLoans.length}
          note={`${toImpair.length} to impair (≥ ${policy.data.impairAfterDays} days), ${toDefault.length} to default (≥ ${policy.data.defaultAfterDays} days)`}
        />
        <Kpi
          label="Late invoices in the pools"
          testId="uw-late-invoices"
          raw={lateInvoices.length}
          value={lateInvoices.length}
          note={`${lateInvoices.filter((a) => invoiceAction(a) !== "watch").length} ready for action`}
        />
      </dl>
      <section className="card" aria-labelledby="uw-requests">
        <h2 id="uw-requests">Waiting for a decision, oldest first</h2>
        {waiting.length === 0 ? (
          <p className="muted">No loan request is waiting.</p>
        ) : (
          <ul className="todo-list">
            {waiting.map((l) => (
              <li key={l.id.toString()} data-testid="uw-request" data-loan-id={l.id.toString()}>
                <Link href="/loans">Loan #{l.id.toString()}</Link>
                <CopyAddress address={l.borrower} />
                <span>
                  {m.money(l.principal)} at {formatRate(l.rateBps)}, {l.count} installments
                </span>
                <span className="muted">funding deadline {dueLabel(l.fundingDeadline, now).replace("due ", "")}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="uw-late-loans">
        <h2 id="uw-late-loans">Late loans, latest first</h2>
        {lateLoans.length === 0 ? (
          <p className="muted">Every active loan is on schedule.</p>
        ) : (
          <ul className="todo-list">
            {lateLoans.map(({ loan, days }) => (
              <li
                key={loan.id.toString()}
                data-testid="uw-late-loan"
                data-loan-id={loan.id.toString()}
                data-action={action(days, loan.impaired)}
                data-impaired={loan.impaired}
              >
                <Link href="/loans">Loan #{loan.id.toString()}</Link>
                <CopyAddress address={loan.borrower} />
                <span className="late">
                  {days} day{days === 1 ? "" : "s"} late{loan.impaired ? " · impaired" : ""}
                </span>
                <span>
                  {action(days, loan.impaired) === "watch" ? (
                    "watch"
                  ) : (
                    <strong>ready to {action(days, loan.impaired)}</strong>
                  )}
                </span>
                {isUnderwriter && <LateLoanAction loanId={loan.id} action={action(days, loan.impaired)} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="uw-late-invoices">
        <h2 id="uw-late-invoices">Late invoices in the pools, longest overdue first</h2>
        {lateInvoices.length === 0 ? (
          <p className="muted">No financed invoice is past its due date.</p>
        ) : (
          <ul className="todo-list">
            {lateInvoices.map((a) => {
              const next = invoiceAction(a);
              return (
                <li key={`${a.pool}-${a.tokenId}`} data-testid="uw-late-invoice" data-action={next} data-pool={a.pool}>
                  <Link href={`/invoices/${documentHashOf(a.tokenId)}`}>
                    Invoice {documentHashOf(a.tokenId).slice(0, 10)}…
                  </Link>
                  <span>
                    {m.money(a.advance)} advanced by {poolName(a.pool)}
                  </span>
                  <span className="late">
                    {Math.floor((now - a.dueDate) / DAY)} days late{a.status === "Impaired" ? " · impaired" : ""}
                  </span>
                  <span>{next === "watch" ? "watch" : <strong>ready to {next}</strong>}</span>
                  <LateInvoiceAction
                    pool={a.pool}
                    tokenId={a.tokenId}
                    step={next}
                    publicImpair={a.status !== "Impaired" && now >= a.dueDate + a.policy.publicImpairDelay}
                    keptBySme={a.attestedOwedBySme > 0n && now >= a.dueDate + a.policy.gracePeriod}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
