"use client";

import Link from "next/link";
import { useState } from "react";
import { formatAmount } from "@/lib/format";
import type { FlowRecord } from "@/lib/flows/records";
import { documentHashOf } from "@/lib/receivables";
import { relativeTime } from "@/lib/flows/time";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { PartyLabel } from "./PartyLabel";
import { TxLink } from "./TxLink";

export const ROWS_PER_PAGE = 25;

function Row({ r, token, now }: { r: FlowRecord; token: TokenInfo; now?: number }) {
  const row = r.row;
  return (
    <tr data-testid="flow-row" data-kind={row.kind} data-amount={row.amount.toString()} data-tx={row.tx}>
      <td data-label="Date">
        {new Date(row.timestamp * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
        {now !== undefined && <div className="muted">{relativeTime(row.timestamp, now)}</div>}
      </td>
      <td data-label="Kind">
        <span className={`badge flow-${row.kind}`}>{r.kind}</span>
        {!row.cash && <div className="muted">booking, no cash moved</div>}
      </td>
      <td data-label="From">
        <PartyLabel address={r.from} name={r.fromName} />
      </td>
      <td data-label="To">
        <PartyLabel address={r.to} name={r.toName} />
      </td>
      <td data-label="Amount" className="num" data-testid="flow-amount">
        {formatAmount(row.amount, token.decimals, 2)} {token.symbol}
      </td>
      <td data-label="Invoice / loan">
        {row.invoiceId !== undefined && (
          <Link href={`/invoices/${documentHashOf(row.invoiceId)}`} data-testid="flow-invoice">
            {r.invoice}
          </Link>
        )}
        {row.loanId !== undefined && (
          <Link href={`/flows?loan=${row.loanId}`} data-testid="flow-loan" title="Every movement of this loan">
            Loan {r.loan}
          </Link>
        )}
      </td>
      <td data-label="Transaction">
        <TxLink hash={row.tx} />
      </td>
    </tr>
  );
}

/** The selected movements, newest first, a page at a time. */
export function FlowTable({ records, token, now }: { records: FlowRecord[]; token: TokenInfo; now?: number }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(records.length / ROWS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = records.slice(current * ROWS_PER_PAGE, (current + 1) * ROWS_PER_PAGE);
  if (records.length === 0) {
    return (
      <p className="muted" data-testid="flows-empty">
        No movement of money matches these filters.
      </p>
    );
  }
  return (
    <>
      <div className="table-wrap">
        <table className="flow-table" aria-label="Movements of money">
          <thead>
            <tr>
              <th>Date</th>
              <th>Kind</th>
              <th>From</th>
              <th>To</th>
              <th className="num">Amount</th>
              <th>Invoice / loan</th>
              <th>Transaction</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <Row key={r.row.id} r={r} token={token} now={now} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav className="row" aria-label="Pages of movements">
          <button type="button" className="secondary" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Newer
          </button>
          <span className="muted" data-testid="flow-page">
            {current * ROWS_PER_PAGE + 1}–{current * ROWS_PER_PAGE + shown.length} of {records.length}
          </span>
          <button
            type="button"
            className="secondary"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Older
          </button>
        </nav>
      )}
    </>
  );
}
