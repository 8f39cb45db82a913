"use client";

import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUnits } from "viem";
import type { PoolFacts } from "@/hooks/usePool";

const colors = ["#0b6e4f", "#e0a100", "#e07b00", "#d35400", "#b42318", "#7a1b12", "#5d6b7a"];

/** Financed principal by lateness bucket, as the pool's aging() view reports it. */
export function AgingChart({
  aging,
  decimals,
  symbol,
}: {
  aging: PoolFacts["aging"];
  decimals: number;
  symbol: string;
}) {
  const rows: [string, bigint][] = [
    ["Current", aging.current],
    ["1–30", aging.late1To30],
    ["31–60", aging.late31To60],
    ["61–90", aging.late61To90],
    ["90+", aging.late90Plus],
    ["Impaired", aging.impaired],
    ["Written off", aging.writtenOff],
  ];
  if (rows.every(([, v]) => v === 0n)) return <p className="muted">Nothing financed, nothing late.</p>;
  const data = rows.map(([bucket, v]) => ({ bucket, amount: Number(formatUnits(v, decimals)) }));
  return (
    <div className="chart" data-testid="aging-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bucket" interval={0} tick={{ fontSize: 11 }} />
          <YAxis width={64} tickFormatter={(v: number) => v.toLocaleString("en-US", { notation: "compact" })} />
          <Tooltip formatter={(v) => `${Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 })} ${symbol}`} />
          <Bar isAnimationActive={false} dataKey="amount" name="Principal (days late)">
            {data.map((d, i) => (
              <Cell key={d.bucket} fill={colors[i]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
