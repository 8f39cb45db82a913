"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Address } from "viem";
import { formatUnits } from "viem";
import { usePoolHistory } from "@/hooks/usePoolHistory";
import { formatAmount } from "@/lib/format";
import { formatDate } from "@/lib/time";

/** Redrawn on every block, so no animation. Tick labels: dates, or times of day under two days. */
function tickFormat(span: number) {
  return (t: number) =>
    span < 2 * 86_400
      ? new Date(t * 1000).toLocaleTimeString(undefined, {
          hour: "2-digit",
          minute: "2-digit",
          second: span < 2 * 3_600 ? "2-digit" : undefined,
        })
      : new Date(t * 1000).toLocaleDateString(undefined, { month: "short", day: "numeric" });
}

/** At least ±0.1 % around the prices, so rounding noise in the 6th decimal does not look like a swing. */
function priceDomain(prices: number[]): [number, number] {
  const lo = Math.min(...prices);
  const hi = Math.max(...prices);
  const pad = Math.max((hi - lo) * 0.1, hi * 0.001);
  return [lo - pad, hi + pad];
}

/** Share price and NAV over time, plus utilization, from the indexer's snapshots of the pool's views. */
export function PoolHistoryChart({ pool, decimals, symbol }: { pool: Address; decimals: number; symbol: string }) {
  const history = usePoolHistory(pool);
  const points = history.data ?? [];
  const data = points.map((p) => ({
    t: p.timestamp,
    price: Number(formatUnits(p.sharePrice, decimals)),
    nav: Number(formatUnits(p.netAssets, decimals)),
    utilization: p.utilizationBps / 100,
  }));
  const first = points[0];
  const last = points[points.length - 1];
  const day = tickFormat(first && last ? last.timestamp - first.timestamp : 0);
  return (
    <section className="card" aria-labelledby="pool-history">
      <h2 id="pool-history">Share price and NAV over time</h2>
      {history.isError ? (
        <p role="alert" className="error">
          Could not read the pool&apos;s history: {history.error?.message}
        </p>
      ) : history.isPending ? (
        <p className="muted">Reading the pool&apos;s history…</p>
      ) : points.length < 2 ? (
        <p className="muted">No deposits or financing yet: the chart starts with the first movement of money.</p>
      ) : (
        <>
          <p className="muted" data-testid="pool-history-summary">
            Share price {formatAmount(first.sharePrice, decimals, 6)} {symbol} on {formatDate(first.timestamp)} →{" "}
            {formatAmount(last.sharePrice, decimals, 6)} {symbol} on {formatDate(last.timestamp)}; net assets now{" "}
            {formatAmount(last.netAssets, decimals, 2)} {symbol}.
          </p>
          <div className="chart" data-testid="pool-history-chart" data-points={points.length}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={day} scale="time" />
                <YAxis
                  yAxisId="price"
                  domain={priceDomain(data.map((d) => d.price))}
                  width={64}
                  tickFormatter={(v: number) => v.toFixed(4)}
                />
                <YAxis
                  yAxisId="nav"
                  orientation="right"
                  width={72}
                  tickFormatter={(v: number) => v.toLocaleString("en-US", { notation: "compact" })}
                />
                <Tooltip
                  labelFormatter={(t) => formatDate(Number(t))}
                  formatter={(v, name) =>
                    name === "Share price"
                      ? `${Number(v).toFixed(6)} ${symbol}`
                      : `${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} ${symbol}`
                  }
                />
                <Legend />
                <Line
                  isAnimationActive={false}
                  yAxisId="price"
                  dataKey="price"
                  name="Share price"
                  stroke="#0b6e4f"
                  dot={{ r: 2 }}
                />
                <Line
                  isAnimationActive={false}
                  yAxisId="nav"
                  dataKey="nav"
                  name="Net assets"
                  stroke="#3b6fd8"
                  dot={{ r: 2 }}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
          <h3 className="chart-title">Utilization</h3>
          <div className="chart chart-small" data-testid="utilization-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={day} scale="time" />
                <YAxis domain={[0, 100]} width={40} tickFormatter={(v: number) => `${v}%`} />
                <Tooltip labelFormatter={(t) => formatDate(Number(t))} formatter={(v) => `${Number(v).toFixed(2)} %`} />
                <Line
                  isAnimationActive={false}
                  dataKey="utilization"
                  name="Utilization"
                  stroke="#b26b00"
                  dot={false}
                  type="stepAfter"
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}
