"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { bucketByWeek, type DueItem } from "@/lib/history";

/**
 * What falls due per week for the next `weeks` weeks, invoices and loan installments side by side, with
 * everything already past due in a first "Late" bar.
 */
export function DueByWeekChart({
  items,
  now,
  decimals,
  symbol,
  weeks = 12,
  title,
  names = { invoice: "Invoices", installment: "Loan installments" },
}: {
  items: DueItem[];
  now: number;
  decimals: number;
  symbol: string;
  weeks?: number;
  title: string;
  names?: { invoice: string; installment: string };
}) {
  const data = bucketByWeek(items, now, weeks, decimals);
  const hasInvoices = items.some((i) => i.kind === "invoice");
  const hasInstallments = items.some((i) => i.kind === "installment");
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="muted">Nothing falls due in the next {weeks} weeks.</p>
      ) : (
        <div className="chart" data-testid="due-by-week-chart" data-items={items.length}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} />
              <YAxis width={64} tickFormatter={(v: number) => v.toLocaleString("en-US", { notation: "compact" })} />
              <Tooltip
                labelFormatter={(l) => (l === "Late" ? "Already late" : `Week of ${String(l)}`)}
                formatter={(v) => `${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} ${symbol}`}
              />
              <Legend />
              {hasInvoices && <Bar isAnimationActive={false} dataKey="invoices" name={names.invoice} fill="#3b6fd8" />}
              {hasInstallments && (
                <Bar isAnimationActive={false} dataKey="installments" name={names.installment} fill="#0b6e4f" />
              )}
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
