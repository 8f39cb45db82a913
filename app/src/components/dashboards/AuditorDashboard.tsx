"use client";

import Link from "next/link";
import { useLoanLedger, usePoolLedger } from "@/hooks/useLedgers";
import { usePoolFacts } from "@/hooks/usePool";
import { type PoolEntry, usePools } from "@/hooks/usePools";
import { formatAmount } from "@/lib/format";
import { DashboardHeader, Shell, Kpi, LoadError, Loading, useMoney } from "./parts";

/** The auditor's first view: the totals every movement of money adds up to, and the way to the record. */
export function AuditorDashboard() {
  const m = useMoney();
  const pools = usePools();
  const loans = useLoanLedger();
  const header = (
    <DashboardHeader
      title="Audit"
      question="Read-only: the totals of every movement the indexer read from the contracts' events, and the full fund-flow record."
      action={<Link href="/flows">Open the fund-flow record</Link>}
    />
  );
  if (loans.isError)
    return (
      <Shell header={header}>
        <LoadError what="the loans' history" error={loans.error} />
      </Shell>
    );
  if (!m || !loans.data)
    return (
      <Shell header={header}>
        <Loading what="the totals" />
      </Shell>
    );
  const l = loans.data;
  return (
    <div className="stack">
      {header}
      {pools.length === 0 && <p className="muted">No pool is deployed on this chain.</p>}
      {pools.map((p) => (
        <PoolAudit key={p.address} pool={p} money={m.money} decimals={m.decimals} symbol={m.symbol} />
      ))}
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

/** One pool's totals from the indexer, beside the NAV its views report. */
function PoolAudit({
  pool,
  money,
  decimals,
  symbol,
}: {
  pool: PoolEntry;
  money: (v: bigint) => string;
  decimals: number;
  symbol: string;
}) {
  const { facts, isError, error } = usePoolFacts(pool.address);
  const ledger = usePoolLedger(pool.address);
  const id = `audit-pool-${pool.address}`;
  let body;
  if (isError) body = <LoadError what={pool.name} error={error} />;
  else if (ledger.isError) body = <LoadError what={`the ledger of ${pool.name}`} error={ledger.error} />;
  else if (!facts || !ledger.data) body = <p className="muted">Loading the totals…</p>;
  else {
    const t = ledger.data.totals;
    const nav = facts.nav;
    body = (
      <dl className="kpis">
        <Kpi label="Deposits" testId="audit-deposits" raw={t.deposits} value={money(t.deposits)} />
        <Kpi label="Withdrawals" testId="audit-withdrawals" value={money(t.withdrawals)} />
        <Kpi label="Advanced to SMEs" testId="audit-advances" raw={t.advances} value={money(t.advances)} />
        <Kpi label="Collected from debtors" testId="audit-collected" value={money(t.collected)} />
        <Kpi label="Losses written off" testId="audit-losses" value={money(t.losses)} />
        <Kpi label="Fees paid" value={money(t.feesPaid)} />
        <Kpi
          label="Net asset value"
          testId="audit-nav"
          value={money(nav.netAssets)}
          note={`share price ${formatAmount(facts.sharePrice, decimals, 6)} ${symbol}`}
        />
        <Kpi label="Impaired (unrealized)" value={money(nav.impaired)} />
      </dl>
    );
  }
  return (
    <section className="card" aria-labelledby={id} data-testid="audit-pool" data-pool={pool.address}>
      <div className="row">
        <h2 id={id}>{pool.name}</h2>
        <Link href={`/flows?pool=${pool.address}`}>Its fund flows</Link>
      </div>
      {body}
    </section>
  );
}
