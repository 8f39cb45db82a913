import { type Address, type Hash, isAddressEqual } from "viem";
import type { FlowKind, FlowParts, FlowRole, FlowRow } from "./model.ts";

/**
 * Event → flow row, as one table. Every money-moving event the contracts emit has one entry
 * here; to follow a new event, add its contract and name to `flowRules` (the fetch reads the
 * events to request from this table, and their ABIs from the generated contract file).
 */

export type FlowContract = "FinancingPool" | "RedemptionQueue" | "ReceivableToken" | "LoanManager" | "CollateralVault";

/** A log already decoded against its contract's ABI. */
export interface FlowLog {
  contract: FlowContract;
  eventName: string;
  args: Record<string, unknown>;
  tx: Hash;
  blockNumber: bigint;
  logIndex: number;
  timestamp: number;
}

export interface FlowContext {
  pool: Address;
  /** The pool's ERC-7540 redemption queue: holds filled redemptions until their claim. */
  queue?: Address;
  escrow: Address;
  /** The loan manager's collateral vault: holder of pledged invoices, payer of their proceeds. */
  vault?: Address;
  /** All flow logs of the same transaction, in log order. */
  sameTx: FlowLog[];
  /** Loans defaulted by an earlier event: later repayments are recoveries. */
  defaultedLoans: Set<bigint>;
  /** SME and debtor of each financed invoice seen so far. */
  financed: Map<bigint, { sme: Address; debtor: Address }>;
  /** Borrower of each loan drawn down so far. */
  borrowers: Map<bigint, Address>;
}

type Draft = Omit<FlowRow, "id" | "source" | "tx" | "blockNumber" | "logIndex" | "timestamp">;

interface FlowRule {
  contract: FlowContract;
  event: string;
  rows: (a: Args, ctx: FlowContext, log: FlowLog) => Draft[];
}

/** Typed reads of decoded event arguments. */
class Args {
  constructor(private readonly raw: Record<string, unknown>) {}
  n(name: string): bigint {
    const v = this.raw[name];
    if (typeof v !== "bigint") throw new Error(`Event argument ${name} is not a number`);
    return v;
  }
  a(name: string): Address {
    const v = this.raw[name];
    if (typeof v !== "string") throw new Error(`Event argument ${name} is not an address`);
    return v as Address;
  }
}

const same = (x: Address, y: Address) => isAddressEqual(x, y);
const isVault = (ctx: FlowContext, x: Address) => ctx.vault !== undefined && same(x, ctx.vault);

function move(
  kind: FlowKind,
  from: Address,
  fromRole: FlowRole,
  to: Address,
  toRole: FlowRole,
  amount: bigint,
  ids: { invoiceId?: bigint; loanId?: bigint; parts?: FlowParts; cash?: boolean } = {},
): Draft {
  return { kind, cash: ids.cash ?? true, from, fromRole, to, toRole, amount, ...ids };
}

/** The pool's own booking of a debtor payment made in the same transaction, if any. */
function collectedIn(ctx: FlowContext, tokenId: bigint) {
  return ctx.sameTx.find(
    (l) => l.eventName === "ReceivablePaymentCollected" && l.contract === "FinancingPool" && l.args.tokenId === tokenId,
  );
}

function partsOf(collected: FlowLog | undefined): FlowParts | undefined {
  if (!collected) return undefined;
  const c = new Args(collected.args);
  return {
    principal: c.n("principal"),
    income: c.n("income"),
    recovery: c.n("recovery"),
    performanceFee: c.n("performanceFee"),
  };
}

/** The part of a collateral payment the vault sent on to the borrower, if any. */
function toBorrower(a: Args, ctx: FlowContext, ids: { invoiceId?: bigint; loanId: bigint }): Draft[] {
  const amount = a.n("toBorrower");
  if (amount === 0n || !ctx.vault) return [];
  return [move("collateralRelease", ctx.vault, "vault", a.a("borrower"), "sme", amount, ids)];
}

export const flowRules: FlowRule[] = [
  {
    contract: "FinancingPool",
    event: "Deposit",
    rows: (a, ctx) => [move("deposit", a.a("sender"), "investor", ctx.pool, "pool", a.n("assets"))],
  },
  {
    contract: "FinancingPool",
    event: "Withdraw",
    // An instant exit; a queued one is paid by the queue (its own Withdraw, below).
    rows: (a, ctx) => [move("redemption", ctx.pool, "pool", a.a("receiver"), "investor", a.n("assets"))],
  },
  {
    contract: "FinancingPool",
    event: "RedemptionsFunded",
    rows: (a, ctx) => [move("queueFunding", ctx.pool, "pool", a.a("queue"), "queue", a.n("assets"))],
  },
  {
    contract: "RedemptionQueue",
    event: "Withdraw",
    rows: (a, ctx) => [
      move("redemption", ctx.queue ?? a.a("sender"), "queue", a.a("receiver"), "investor", a.n("assets")),
    ],
  },
  {
    contract: "FinancingPool",
    event: "ReceivableFinanced",
    rows: (a, ctx) => {
      ctx.financed.set(a.n("tokenId"), { sme: a.a("sme"), debtor: a.a("debtor") });
      return [move("advance", ctx.pool, "pool", a.a("sme"), "sme", a.n("advance"), { invoiceId: a.n("tokenId") })];
    },
  },
  {
    contract: "ReceivableToken",
    event: "ReceivablePaid",
    rows: (a, ctx) => {
      const tokenId = a.n("tokenId");
      const holder = a.a("holder");
      const toPool = same(holder, ctx.pool);
      const parts = toPool ? partsOf(collectedIn(ctx, tokenId)) : undefined;
      const kind = parts?.recovery ? "recovery" : "payment";
      // A pledged invoice is held by the collateral vault, which the payment reaches first.
      const toRole = toPool ? "pool" : isVault(ctx, holder) ? "vault" : "sme";
      return [
        move(kind, a.a("payer"), "debtor", holder, toRole, a.n("amount"), {
          invoiceId: tokenId,
          parts,
        }),
      ];
    },
  },
  {
    contract: "FinancingPool",
    event: "ReceivablePaymentCollected",
    // Booked inside a debtor's payment: that payment's row carries it. Alone: someone (the SME)
    // paid the pool directly through `repay`, which is a movement of its own.
    rows: (a, ctx) => {
      const tokenId = a.n("tokenId");
      const inPayment = ctx.sameTx.some(
        (l) =>
          l.eventName === "ReceivablePaid" && l.args.tokenId === tokenId && same(l.args.holder as Address, ctx.pool),
      );
      if (inPayment) return [];
      const parts: FlowParts = {
        principal: a.n("principal"),
        income: a.n("income"),
        recovery: a.n("recovery"),
        performanceFee: a.n("performanceFee"),
      };
      const amount = parts.principal! + parts.income! + parts.recovery! + parts.performanceFee!;
      const kind = parts.recovery ? "recovery" : "payment";
      return [move(kind, a.a("payer"), "sme", ctx.pool, "pool", amount, { invoiceId: tokenId, parts })];
    },
  },
  {
    contract: "FinancingPool",
    event: "ReceivablePaymentForwarded",
    rows: (a, ctx) => [
      move("split", ctx.pool, "pool", a.a("sme"), "sme", a.n("amount"), { invoiceId: a.n("tokenId") }),
    ],
  },
  {
    contract: "FinancingPool",
    event: "FeesPaid",
    rows: (a, ctx) => [move("fee", ctx.pool, "pool", a.a("treasury"), "treasury", a.n("amount"))],
  },
  {
    contract: "FinancingPool",
    event: "AssetWrittenOff",
    rows: (a, ctx) => {
      const tokenId = a.n("tokenId");
      const debtor = ctx.financed.get(tokenId)?.debtor ?? a.a("by");
      // NAV loses the principal and the accrued income impairment held out of the exit price.
      const parts = { principal: a.n("loss"), income: a.n("incomeLost") };
      const amount = parts.principal + parts.income;
      return [move("writeOff", ctx.pool, "pool", debtor, "debtor", amount, { invoiceId: tokenId, parts, cash: false })];
    },
  },
  {
    contract: "LoanManager",
    event: "LoanFunded",
    rows: (a, ctx) => {
      const lender = a.a("lender");
      const role = same(lender, ctx.pool) ? "pool" : "lender";
      return [move("loanFunding", lender, role, ctx.escrow, "escrow", a.n("amount"), { loanId: a.n("loanId") })];
    },
  },
  {
    contract: "LoanManager",
    event: "LoanDrawnDown",
    rows: (a, ctx) => {
      ctx.borrowers.set(a.n("loanId"), a.a("borrower"));
      return [
        move("disbursement", ctx.escrow, "escrow", a.a("borrower"), "sme", a.n("principal"), { loanId: a.n("loanId") }),
      ];
    },
  },
  {
    contract: "LoanManager",
    event: "LoanRepaid",
    rows: (a, ctx) => {
      const loanId = a.n("loanId");
      const parts: FlowParts = {
        fees: a.n("feesPaid"),
        income: a.n("interestPaid"),
        principal: a.n("principalPaid") + a.n("prepaid"),
      };
      const kind = ctx.defaultedLoans.has(loanId) ? "recovery" : "installment";
      const payer = a.a("payer");
      const fromRole = isVault(ctx, payer) ? "vault" : "sme";
      return [move(kind, payer, fromRole, ctx.escrow, "escrow", a.n("amount"), { loanId, parts })];
    },
  },
  {
    contract: "LoanManager",
    event: "LoanClaimed",
    rows: (a, ctx) => {
      const holder = a.a("holder");
      const role = same(holder, ctx.pool) ? "pool" : "lender";
      return [move("claim", ctx.escrow, "escrow", holder, role, a.n("amount"), { loanId: a.n("loanId") })];
    },
  },
  {
    contract: "LoanManager",
    event: "LoanRefunded",
    rows: (a, ctx) => {
      const holder = a.a("holder");
      const role = same(holder, ctx.pool) ? "pool" : "lender";
      return [move("refund", ctx.escrow, "escrow", holder, role, a.n("amount"), { loanId: a.n("loanId") })];
    },
  },
  {
    contract: "LoanManager",
    event: "LoanDefaulted",
    rows: (a, ctx) => {
      const loanId = a.n("loanId");
      ctx.defaultedLoans.add(loanId);
      // The lenders' loss (booked, nothing paid), on the borrower known from the drawdown.
      const borrower = ctx.borrowers.get(loanId) ?? a.a("by");
      return [
        move("writeOff", ctx.escrow, "escrow", borrower, "sme", a.n("principalOutstanding"), { loanId, cash: false }),
      ];
    },
  },
  {
    contract: "CollateralVault",
    event: "CollateralPaymentBooked",
    // What the loan did not need of a collateral payment goes on to the borrower (the part the
    // loan took is the vault's LoanRepaid in the same transaction).
    rows: (a, ctx) => toBorrower(a, ctx, { invoiceId: a.n("tokenId"), loanId: a.n("loanId") }),
  },
  {
    contract: "CollateralVault",
    event: "CollateralHeldReleased",
    // Payments held before drawdown: the loan's part is the vault's LoanRepaid; the rest is this.
    rows: (a, ctx) => toBorrower(a, ctx, { loanId: a.n("loanId") }),
  },
];

/** The event names to request from each contract: exactly those the table maps. */
export function eventsOf(contract: FlowContract): string[] {
  return flowRules.filter((r) => r.contract === contract).map((r) => r.event);
}

const ruleIndex = new Map(flowRules.map((r) => [`${r.contract}.${r.event}`, r]));

/**
 * The rows one log makes (none for an event that moves no money), given its transaction's logs
 * and what earlier events established. The indexer calls this per event; `decodeFlows` per pass.
 */
export function rowsOf(log: FlowLog, ctx: FlowContext): FlowRow[] {
  const rule = ruleIndex.get(`${log.contract}.${log.eventName}`);
  if (!rule) return [];
  return rule.rows(new Args(log.args), ctx, log).map((draft, i) => ({
    ...draft,
    // One event → one row today; the suffix keeps ids unique if a rule returns more.
    id: `${log.tx}-${log.logIndex}${i ? `-${i}` : ""}`,
    source: `${log.contract}.${log.eventName}`,
    tx: log.tx,
    blockNumber: log.blockNumber,
    logIndex: log.logIndex,
    timestamp: log.timestamp,
  }));
}

/**
 * Turns logs (in chain order) into flow rows, oldest first. State that spans events (which
 * loans defaulted, who a financed invoice's debtor is) is carried through the pass.
 */
export function decodeFlows(
  logs: FlowLog[],
  addresses: { pool: Address; escrow: Address; vault?: Address; queue?: Address },
): FlowRow[] {
  const ordered = [...logs].sort((x, y) =>
    x.blockNumber === y.blockNumber ? x.logIndex - y.logIndex : x.blockNumber < y.blockNumber ? -1 : 1,
  );
  const byTx = new Map<Hash, FlowLog[]>();
  for (const l of ordered) byTx.set(l.tx, [...(byTx.get(l.tx) ?? []), l]);
  const defaultedLoans = new Set<bigint>();
  const financed = new Map<bigint, { sme: Address; debtor: Address }>();
  const borrowers = new Map<bigint, Address>();
  const rows: FlowRow[] = [];
  for (const log of ordered) {
    const ctx: FlowContext = { ...addresses, sameTx: byTx.get(log.tx)!, defaultedLoans, financed, borrowers };
    rows.push(...rowsOf(log, ctx));
  }
  return rows;
}
