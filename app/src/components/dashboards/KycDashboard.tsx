"use client";

import Link from "next/link";
import { CopyAddress } from "@/components/CopyAddress";
import { useChainTime } from "@/hooks/useChainTime";
import { useKycSummary } from "@/hooks/useIdentityLog";
import { roleNames } from "@/lib/parties";
import { formatDate, relativeDays } from "@/lib/time";
import { DashboardHeader, Shell, Kpi, LoadError, Loading } from "./parts";

const DAY = 86_400;
const SOON_DAYS = 30;

/** The KYC provider's first question: whose verification runs out soon, or already has. */
export function KycDashboard() {
  const now = useChainTime();
  const log = useKycSummary(now, SOON_DAYS * DAY);
  const header = (
    <DashboardHeader
      title="Verified parties"
      question={`Whose verification has run out or runs out within ${SOON_DAYS} days: renew them before they are locked out.`}
      action={<Link href="/kyc">Verify or renew</Link>}
    />
  );
  if (log.isError)
    return (
      <Shell header={header}>
        <LoadError what="the identity registry" error={log.error} />
      </Shell>
    );
  if (!log.data || now === undefined)
    return (
      <Shell header={header}>
        <Loading what="the verified parties" />
      </Shell>
    );

  const { active, expiring, expired, revoked, attention } = log.data;

  return (
    <div className="stack">
      {header}
      <dl className="kpis">
        <Kpi label="Active" testId="kyc-active" value={active} />
        <Kpi label={`Expiring within ${SOON_DAYS} days`} testId="kyc-expiring" raw={expiring} value={expiring} />
        <Kpi label="Expired" testId="kyc-expired" value={expired} />
        <Kpi label="Revoked" value={revoked} />
      </dl>
      <section className="card" aria-labelledby="kyc-attention">
        <h2 id="kyc-attention">To renew, soonest first</h2>
        {attention.length === 0 ? (
          <p className="muted">No verification runs out in the next {SOON_DAYS} days.</p>
        ) : (
          <ul className="todo-list">
            {attention.map((p) => (
              <li key={p.account} data-testid="kyc-expiring-party" data-account={p.account}>
                <CopyAddress address={p.account} />
                <span className="muted">{roleNames(p.roles).join(", ")}</span>
                <span className={p.expiry <= now ? "late" : undefined}>
                  {p.expiry <= now ? "expired" : "expires"} {formatDate(p.expiry)} ({relativeDays(p.expiry, now)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
