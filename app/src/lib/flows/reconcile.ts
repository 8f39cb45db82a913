import { type Address, isAddressEqual } from "viem";
import type { FlowKind, FlowRow } from "./model.ts";

/**
 * Identities between sums rebuilt from events and what the contracts report. Each is shown
 * with both sides; any difference means a movement the events do not explain (or a bug).
 */

export interface Balances {
  /** Stablecoin held by the pool (ERC-20 balanceOf). */
  poolStablecoin: bigint;
  /** The pool's own book of its cash (navBreakdown().cash). */
  poolBookedCash: bigint;
  /** Advance principal the pool reports outstanding (navBreakdown().principalOutstanding). */
  poolPrincipal: bigint;
  /** Stablecoin held in the loan escrow (ERC-20 balanceOf of the LoanManager). */
  escrowStablecoin: bigint;
  /** Stablecoin held in the collateral vault (payments on pledged invoices not yet applied). */
  vaultStablecoin?: bigint;
  /** Stablecoin held by the redemption queue (filled redemptions not yet claimed). */
  queueStablecoin?: bigint;
}

export interface Term {
  label: string;
  sign: 1 | -1;
  amount: bigint;
}

export interface Identity {
  id: string;
  title: string;
  terms: Term[];
  rebuilt: bigint;
  onChainLabel: string;
  onChain: bigint;
  /** onChain − rebuilt: zero when the identity holds. */
  difference: bigint;
  ok: boolean;
}

const sum = (terms: Term[]) => terms.reduce((s, t) => s + BigInt(t.sign) * t.amount, 0n);

/** Cash in and out of `account`, one term per kind and direction that occurred, in the labels' order. */
export function cashTerms(rows: FlowRow[], account: Address, kindLabels: Record<FlowKind, string>): Term[] {
  const into = new Map<FlowKind, bigint>();
  const out = new Map<FlowKind, bigint>();
  for (const r of rows) {
    if (!r.cash) continue;
    if (isAddressEqual(r.to, account)) into.set(r.kind, (into.get(r.kind) ?? 0n) + r.amount);
    if (isAddressEqual(r.from, account)) out.set(r.kind, (out.get(r.kind) ?? 0n) + r.amount);
  }
  const terms: Term[] = [];
  for (const k of Object.keys(kindLabels) as FlowKind[]) {
    if (into.has(k)) terms.push({ label: `${kindLabels[k]} in`, sign: 1, amount: into.get(k)! });
    if (out.has(k)) terms.push({ label: `${kindLabels[k]} out`, sign: -1, amount: out.get(k)! });
  }
  return terms;
}

function identity(id: string, title: string, terms: Term[], onChainLabel: string, onChain: bigint): Identity {
  const rebuilt = sum(terms);
  return { id, title, terms, rebuilt, onChainLabel, onChain, difference: onChain - rebuilt, ok: onChain === rebuilt };
}

/** Principal the pool advanced, minus principal collected, minus principal written off. */
export function principalTerms(rows: FlowRow[], pool: Address): Term[] {
  let advanced = 0n;
  let collected = 0n;
  let writtenOff = 0n;
  for (const r of rows) {
    if (r.invoiceId === undefined) continue;
    if (r.kind === "advance" && isAddressEqual(r.from, pool)) advanced += r.amount;
    else if (r.kind === "writeOff" && isAddressEqual(r.from, pool)) writtenOff += r.parts?.principal ?? r.amount;
    else if (isAddressEqual(r.to, pool)) collected += r.parts?.principal ?? 0n;
  }
  return [
    { label: "Advanced", sign: 1, amount: advanced },
    { label: "Principal collected", sign: -1, amount: collected },
    { label: "Written off", sign: -1, amount: writtenOff },
  ];
}

export function reconcile(
  rows: FlowRow[],
  b: Balances,
  contracts: { pool: Address; escrow: Address; vault?: Address; queue?: Address },
  kindLabels: Record<FlowKind, string>,
): Identity[] {
  const { pool, escrow, vault, queue } = contracts;
  const queueCash =
    queue === undefined || b.queueStablecoin === undefined
      ? []
      : [
          identity(
            "queue-cash",
            "Stablecoin held by the redemption queue",
            cashTerms(rows, queue, kindLabels),
            "balanceOf(RedemptionQueue)",
            b.queueStablecoin,
          ),
        ];
  const poolCash = cashTerms(rows, pool, kindLabels);
  const vaultCash =
    vault === undefined || b.vaultStablecoin === undefined
      ? []
      : [
          identity(
            "vault-cash",
            "Stablecoin held in the collateral vault",
            cashTerms(rows, vault, kindLabels),
            "balanceOf(CollateralVault)",
            b.vaultStablecoin,
          ),
        ];
  return [
    identity("pool-cash", "Stablecoin held by the pool", poolCash, "balanceOf(pool)", b.poolStablecoin),
    identity("pool-book", "Cash in the pool's own books", poolCash, "navBreakdown().cash", b.poolBookedCash),
    identity(
      "pool-principal",
      "Advances outstanding",
      principalTerms(rows, pool),
      "navBreakdown().principalOutstanding",
      b.poolPrincipal,
    ),
    identity(
      "escrow-cash",
      "Stablecoin held in loan escrow",
      cashTerms(rows, escrow, kindLabels),
      "balanceOf(LoanManager)",
      b.escrowStablecoin,
    ),
    ...vaultCash,
    ...queueCash,
  ];
}
