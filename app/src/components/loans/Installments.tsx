"use client";

import { formatAmount } from "@/lib/format";
import { rowStatuses } from "@/lib/loans";
import { dueLabel, formatDate } from "@/lib/time";
import type { TokenInfo } from "@/hooks/useTokenInfo";

export interface InstallmentRow {
  dueDate: number;
  principal: bigint;
  interest: bigint;
  paid: bigint;
  status: number;
}

/** The loan's installment table from the lens: due date, parts, paid, and how late. */
export function Installments({ rows, token, now }: { rows: readonly InstallmentRow[]; token: TokenInfo; now: number }) {
  const money = (v: bigint) => formatAmount(v, token.decimals, 2);
  return (
    <div className="table-wrap">
      <table aria-label="Installments">
        <thead>
          <tr>
            <th>#</th>
            <th>Due</th>
            <th>Amount ({token.symbol})</th>
            <th>Paid</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const status = rowStatuses[r.status] ?? "Upcoming";
            return (
              <tr key={i} data-testid="installment-row" data-status={status}>
                <td>{i + 1}</td>
                <td>
                  {formatDate(r.dueDate)}
                  {status !== "Paid" && <small className="muted"> · {dueLabel(r.dueDate, now)}</small>}
                </td>
                <td>
                  {money(r.principal + r.interest)}
                  <small className="muted">
                    {" "}
                    ({money(r.principal)} + {money(r.interest)} interest)
                  </small>
                </td>
                <td>{money(r.paid)}</td>
                <td>{status}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
