"use client";

import Link from "next/link";
import type { Address } from "viem";
import { isAddressEqual } from "viem";
import { formatAmount } from "@/lib/format";
import { documentHashOf, outstandingOf, settled } from "@/lib/receivables";
import { statusHelp } from "@/lib/invoice";
import { dueLabel, formatDate } from "@/lib/time";
import type { InvoiceRow } from "@/hooks/useReceivables";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { CopyAddress } from "../CopyAddress";

interface Props {
  rows: InvoiceRow[];
  token: TokenInfo;
  now: number;
  /** Which party to show in the counterparty column. */
  counterparty: "debtor" | "issuer";
  viewer: Address;
  actions?: (row: InvoiceRow) => React.ReactNode;
}

/** Invoices as cards on a phone and rows on a desktop (CSS switches); every amount in units. */
export function InvoiceTable({ rows, token, now, counterparty, viewer, actions }: Props) {
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  return (
    <ul className="invoice-list" aria-label="Invoices">
      {rows.map((row) => {
        const r = row.receivable;
        const open = r.status !== "Paid" && r.status !== "Cancelled";
        const heldElsewhere =
          row.holder !== undefined && !isAddressEqual(row.holder, viewer) && counterparty === "debtor";
        return (
          <li key={row.tokenId.toString()} className="invoice-item" data-testid="invoice-row" data-status={r.status}>
            <div className="invoice-head">
              <Link href={`/invoices/${documentHashOf(row.tokenId)}`} className="invoice-number">
                {row.invoiceNumber ?? "Invoice"}
              </Link>
              <span className={`badge badge-${r.status.toLowerCase()}`} title={statusHelp[r.status]}>
                {r.status}
              </span>
            </div>
            <dl className="facts">
              <div>
                <dt>Amount</dt>
                <dd>{money(r.faceValue)}</dd>
              </div>
              <div>
                <dt>Settled</dt>
                <dd>
                  {money(settled(r))}
                  {r.amountAttested > 0n && (
                    <small className="muted"> (incl. {money(r.amountAttested)} attested)</small>
                  )}
                </dd>
              </div>
              <div>
                <dt>Due</dt>
                <dd>
                  {formatDate(r.dueDate)}
                  {open && <small className="muted"> · {dueLabel(r.dueDate, now)}</small>}
                </dd>
              </div>
              <div>
                <dt>{counterparty === "debtor" ? "Debtor" : "From"}</dt>
                <dd>
                  <CopyAddress address={counterparty === "debtor" ? r.debtor : r.issuer} />
                </dd>
              </div>
              {heldElsewhere && (
                <div>
                  <dt>Held by</dt>
                  <dd>
                    <CopyAddress address={row.holder!} />
                  </dd>
                </div>
              )}
              {open && outstandingOf(r) !== r.faceValue && (
                <div>
                  <dt>Outstanding</dt>
                  <dd>{money(outstandingOf(r))}</dd>
                </div>
              )}
            </dl>
            {actions?.(row)}
          </li>
        );
      })}
    </ul>
  );
}
