"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { formatAmount } from "@/lib/format";

/** One headline number with a caption under it. */
export function Kpi({
  label,
  value,
  note,
  testId,
  raw,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId?: string;
  /** The exact number behind `value` (base units), for tests and copy-paste. */
  raw?: bigint | number;
}) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd data-testid={testId} data-value={raw?.toString()}>
        {value}
        {note && <small>{note}</small>}
      </dd>
    </div>
  );
}

/** The stablecoin's symbol and a formatter for its amounts, or undefined while loading. */
export function useMoney() {
  const token = useTokenInfo(useDeployedAddress("Stablecoin"));
  if (!token) return undefined;
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  return { ...token, money };
}

/** Title, the question the page answers, and a link to where the person acts. */
export function DashboardHeader({ title, question, action }: { title: string; question: string; action?: ReactNode }) {
  return (
    <div className="row">
      <div>
        <h1>{title}</h1>
        <p className="muted">{question}</p>
      </div>
      {action}
    </div>
  );
}

export function NeedWallet({ what }: { what: string }) {
  return (
    <section className="card">
      <p>
        Connect a wallet to see {what}. <Link href="/">Go to the Wallet page</Link>.
      </p>
    </section>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <section className="card" aria-busy="true">
      <p className="muted">Loading {what}…</p>
    </section>
  );
}

export function LoadError({ what, error }: { what: string; error: Error | null }) {
  return (
    <p role="alert" className="error">
      Could not read {what}: {error?.message ?? "unknown error"}
    </p>
  );
}

/** The page's header above whatever state it is in (no wallet, loading, error). */
export function Shell({ header, children }: { header: ReactNode; children: ReactNode }) {
  return (
    <div className="stack">
      {header}
      {children}
    </div>
  );
}
