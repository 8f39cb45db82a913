"use client";

import Link from "next/link";
import { CopyAddress } from "@/components/CopyAddress";
import type { FinancedAsset } from "@/hooks/useLedgers";
import { documentHashOf } from "@/lib/receivables";
import { dueLabel } from "@/lib/time";

/** Financed invoices past their due date that the pool still carries (active or impaired). */
export function lateAssets(assets: FinancedAsset[], now: number) {
  return assets
    .filter((a) => (a.status === "Active" || a.status === "Impaired") && a.dueDate < now)
    .sort((a, b) => a.dueDate - b.dueDate);
}

export function LateInPool({
  assets,
  now,
  money,
  title = "Late in the pool",
}: {
  assets: FinancedAsset[];
  now: number;
  money: (v: bigint) => string;
  title?: string;
}) {
  const late = lateAssets(assets, now);
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {late.length === 0 ? (
        <p className="muted">No financed invoice is past its due date.</p>
      ) : (
        <ul className="todo-list">
          {late.map((a) => (
            <li key={a.tokenId.toString()} data-testid="late-asset" data-status={a.status}>
              <Link href={`/invoices/${documentHashOf(a.tokenId)}`}>
                Invoice {documentHashOf(a.tokenId).slice(0, 10)}…
              </Link>
              <span>
                debtor <CopyAddress address={a.debtor} />
              </span>
              <span>{money(a.advance)} advanced</span>
              <span className="late">
                {dueLabel(a.dueDate, now)}
                {a.status === "Impaired" ? " · impaired" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
