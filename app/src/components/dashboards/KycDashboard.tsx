"use client";

import Link from "next/link";
import { CopyAddress } from "@/components/CopyAddress";
import { useChainTime } from "@/hooks/useChainTime";
import { useIdentityLog } from "@/hooks/useIdentityLog";
import { roleNames } from "@/lib/parties";
import { formatDate, relativeDays } from "@/lib/time";
import { DashboardHeader, Shell, Kpi, LoadError, Loading } from "./parts";

const DAY = 86_400;
const SOON_DAYS = 30;

/** The KYC provider's first question: whose verification runs out soon, or already has. */
export function KycDashboard() {
  const now = useChainTime();
  const log = useIdentityLog();
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

  const live = log.data.filter((p) => !p.revoked);
  const expired = live.filter((p) => p.expiry <= now);
  const soon = live.filter((p) => p.expiry > now && p.expiry <= now + SOON_DAYS * DAY);
  const attention = [...expired, ...soon].sort((a, b) => a.expiry - b.expiry);

  return (
    <div className="stack">
      {header}
      <dl className="kpis">
        <Kpi label="Active" testId="kyc-active" value={live.length - expired.length} />
        <Kpi label={`Expiring within ${SOON_DAYS} days`} testId="kyc-expiring" raw={soon.length} value={soon.length} />
        <Kpi label="Expired" testId="kyc-expired" value={expired.length} />
        <Kpi label="Revoked" value={log.data.length - live.length} />
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
