/** One reading of the pool's views at a past block. */
export interface HistoryPoint {
  blockNumber: bigint;
  timestamp: number;
  /** Assets per whole share, in the asset's base units. */
  sharePrice: bigint;
  netAssets: bigint;
  utilizationBps: number;
}

const YEAR = 365 * 86_400;

/**
 * Return and annualized yield between two share prices `seconds` apart: r = p1/p0 − 1 and
 * APY = (1 + r)^(year / seconds) − 1. The APY is undefined under a day (it would be noise).
 */
export function yieldBetween(p0: bigint, p1: bigint, seconds: number): { ret: number; apy?: number } {
  if (p0 === 0n) return { ret: 0 };
  const ret = Number(((p1 - p0) * 1_000_000_000n) / p0) / 1e9;
  if (seconds < 86_400) return { ret };
  return { ret, apy: Math.pow(1 + ret, YEAR / seconds) - 1 };
}

/** "4.25 %" */
export const formatPercent = (fraction: number) =>
  `${(fraction * 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`;

export interface DueItem {
  due: number;
  amount: bigint;
  kind: "invoice" | "installment";
}

export interface WeekBucket {
  label: string;
  start: number;
  invoices: number;
  installments: number;
}

const WEEK = 7 * 86_400;

/**
 * Amounts due per week for `weeks` weeks from `now` (weeks start at `now`), with everything already
 * past due gathered in a first "Late" bucket. Amounts are converted to whole units for charting.
 */
export function bucketByWeek(items: DueItem[], now: number, weeks: number, decimals: number): WeekBucket[] {
  const unit = 10 ** decimals;
  const buckets: WeekBucket[] = [{ label: "Late", start: 0, invoices: 0, installments: 0 }];
  for (let w = 0; w < weeks; w++) {
    const start = now + w * WEEK;
    const d = new Date(start * 1000);
    buckets.push({
      label: d.toLocaleDateString(undefined, { month: "short", day: "numeric" }),
      start,
      invoices: 0,
      installments: 0,
    });
  }
  for (const item of items) {
    const index = item.due < now ? 0 : 1 + Math.floor((item.due - now) / WEEK);
    if (index > weeks) continue;
    const key = item.kind === "invoice" ? "invoices" : "installments";
    buckets[index][key] += Number(item.amount) / unit;
  }
  return buckets;
}
