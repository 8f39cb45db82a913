"use client";

import Link from "next/link";
import { useLoanLedger, usePoolLedger } from "@/hooks/useLedgers";
import { usePoolFacts } from "@/hooks/usePool";
import { formatAmount } from "@/lib/format";
import { DashboardHeader, Shell, Kpi, LoadError, Loading, useMoney } from "./parts";

/** The auditor's first view: the totals every movement of money adds up to, and the way to the record. */
export function AuditorDashboard() {
  const m = useMoney();
  const { facts, isError, error } = usePoolFacts();
  const pool = usePoolLedger();
  const loans = useLoanLedger();
  const header = (
    <DashboardHeader
      title="Audit"
      question="Read-only: the totals rebuilt from the contracts' events, and the full fund-flow record."
      action={<Link href="/flows">Open the fund-flow record</Link>}
    />
  );
  if (isError)
    return (
      <Shell header={header}>
        <LoadError what="the pool" error={error} />
      </Shell>
    );
  if (pool.isError)
    return (
      <Shell header={header}>
        <LoadError what="the pool's events" error={pool.error} />
      </Shell>
    );
  if (loans.isError)
    return (
      <Shell header={header}>
        <LoadError what="the loans' events" error={loans.error} />
      </Shell>
    );
  if (!m || !facts || !pool.data || !loans.data)
    return (
      <Shell header={header}>
        <Loading what="the totals" />
      </Shell>
    );
  const t = pool.data.totals;
  const l = loans.data;
  const nav = facts.nav;
  return (
    <div className="stack">
      {header}
      <section className="card" aria-labelledby="audit-pool">
        <h2 id="audit-pool">Pool</h2>
        <dl className="kpis">
          <Kpi label="Deposits" testId="audit-deposits" raw={t.deposits} value={m.money(t.deposits)} />
          <Kpi label="Withdrawals" testId="audit-withdrawals" value={m.money(t.withdrawals)} />
          <Kpi label="Advanced to SMEs" testId="audit-advances" raw={t.advances} value={m.money(t.advances)} />
          <Kpi label="Collected from debtors" testId="audit-collected" value={m.money(t.collected)} />
          <Kpi label="Losses written off" testId="audit-losses" value={m.money(t.losses)} />
          <Kpi label="Fees paid" value={m.money(t.feesPaid)} />
          <Kpi
            label="Net asset value"
            testId="audit-nav"
            value={m.money(nav.netAssets)}
            note={`share price ${formatAmount(facts.sharePrice, m.decimals, 6)} ${m.symbol}`}
          />
          <Kpi label="Impaired (unrealized)" value={m.money(nav.impaired)} />
        </dl>
      </section>
      <section className="card" aria-labelledby="audit-loans">
        <h2 id="audit-loans">Loans</h2>
        <dl className="kpis">
          <Kpi label="Requested" testId="audit-loans-requested" value={l.requested} />
          <Kpi label="Funded by lenders" value={m.money(l.funded)} />
          <Kpi label="Drawn down" testId="audit-loans-drawn" raw={l.drawnDown} value={m.money(l.drawnDown)} />
          <Kpi label="Repaid" testId="audit-loans-repaid" value={m.money(l.repaid)} />
          <Kpi
            label="Defaulted"
            value={l.defaulted}
            note={l.defaulted ? `${m.money(l.defaultedPrincipal)} principal outstanding at default` : undefined}
          />
        </dl>
      </section>
    </div>
  );
}
