/**
 * Financing terms as the pool computes them (contracts/libraries/DiscountMath.sol and
 * PoolBook._terms): the discount fee rounded up, the advance rounded down, and the same policy
 * checks in the same order, so the offer shown before signing is what the contract pays.
 */
export const BPS = 10_000n;
const DAY = 86_400;
const YEAR = 365n * 86_400n;

export interface PoolPolicy {
  advanceRateBps: number;
  discountRateBps: number;
  managementFeeBps: number;
  performanceFeeBps: number;
  maxTenor: number;
  gracePeriod: number;
  publicImpairDelay: number;
  defaultDelay: number;
  requireVerifiedDebtor: boolean;
  minTicket: bigint;
  maxTicket: bigint;
  maxDebtorExposure: bigint;
  maxSmeExposure: bigint;
  minRedeemRequest: bigint;
  /** Exit-price haircut of overdue principal: 1-30, 31-60, 61-90, 90+ days late, after grace. */
  agingHaircutBps: readonly [number, number, number, number];
}

/** "12 %", "0.5 %" from basis points. */
export function formatBps(bps: number | bigint): string {
  const value = Number(bps) / 100;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
}

/** "180 days" from seconds. */
export function formatDays(seconds: number): string {
  const days = Math.round(seconds / DAY);
  return `${days} day${days === 1 ? "" : "s"}`;
}

const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;

/** ceil(face * rateBps * tenor / (BPS * YEAR)) — DiscountMath.feeUp. */
export function feeUp(face: bigint, rateBps: number, tenor: bigint): bigint {
  return ceilDiv(face * BigInt(rateBps) * tenor, BPS * YEAR);
}

/** floor(face * advanceRateBps / BPS) - fee, or zero — DiscountMath.advanceDown. */
export function advanceDown(face: bigint, advanceRateBps: number, fee: bigint): bigint {
  const gross = (face * BigInt(advanceRateBps)) / BPS;
  return gross > fee ? gross - fee : 0n;
}

export interface FinanceTerms {
  /** What is still owed on chain: the part of the invoice the pool buys. */
  face: bigint;
  /** face × advance rate, before the fee. */
  gross: bigint;
  fee: bigint;
  advance: bigint;
  /** What the pool forwards to the SME when the debtor pays in full. */
  remainder: bigint;
  /** Seconds the fee is charged for: until the due date's UTC day begins. */
  tenor: number;
}

export type TermsResult = { ok: true; terms: FinanceTerms } | { ok: false; reason: string };

/**
 * The offer for `face` due at `dueDate`, priced at chain time `now`. The fee only shrinks as
 * time passes, so the advance at the moment the transaction lands is at least this one.
 */
export function financeTerms(
  face: bigint,
  dueDate: number,
  now: number,
  policy: PoolPolicy,
  money: (v: bigint) => string,
): TermsResult {
  if (dueDate - (dueDate % DAY) <= now) {
    return { ok: false, reason: "The pool only finances invoices due after today (UTC); this one is due too soon." };
  }
  const tenor = dueDate - now;
  if (tenor > policy.maxTenor) {
    return {
      ok: false,
      reason: `The invoice is due in ${formatDays(tenor)}; the pool finances invoices due within ${formatDays(policy.maxTenor)}.`,
    };
  }
  if (face < policy.minTicket || face > policy.maxTicket) {
    return {
      ok: false,
      reason: `The pool finances invoices between ${money(policy.minTicket)} and ${money(policy.maxTicket)}; ${money(face)} is outside.`,
    };
  }
  // PoolBook._terms: the fee runs to the start of the due date's UTC day, the period it accrues over.
  const feeDays = dueDate - (dueDate % DAY) - now;
  const fee = feeUp(face, policy.discountRateBps, BigInt(feeDays));
  const advance = advanceDown(face, policy.advanceRateBps, fee);
  if (advance === 0n) return { ok: false, reason: "The discount fee would eat the whole advance." };
  const gross = (face * BigInt(policy.advanceRateBps)) / BPS;
  return { ok: true, terms: { face, gross, fee, advance, remainder: face - advance - fee, tenor: feeDays } };
}
