import { pool, poolSnapshot, position, redemption } from "ponder:schema";
import { type Address, zeroAddress } from "viem";
import { abis } from "../../app/src/generated/deployedContracts";
import { isQueue, same } from "./protocol";
import { type AnyEvent, type Handler, arg, at } from "./types";

type Ctx = Parameters<Handler>[1];

async function addToPosition(
  context: Ctx,
  event: AnyEvent,
  poolAddress: Address,
  investor: Address,
  change: { shares?: bigint; queuedShares?: bigint; deposited?: bigint; withdrawn?: bigint },
) {
  const zero = { shares: 0n, queuedShares: 0n, deposited: 0n, withdrawn: 0n };
  await context.db
    .insert(position)
    .values({ pool: poolAddress, investor, ...zero, ...change, updatedBlock: event.block.number })
    .onConflictDoUpdate((row) => ({
      shares: row.shares + (change.shares ?? 0n),
      queuedShares: row.queuedShares + (change.queuedShares ?? 0n),
      deposited: row.deposited + (change.deposited ?? 0n),
      withdrawn: row.withdrawn + (change.withdrawn ?? 0n),
      updatedBlock: event.block.number,
    }));
}

/** The pool's own views at the event's block, once per pool and block. */
export const snapshot: Handler = async (event, context) => {
  const address = event.log.address;
  const key = { pool: address, blockNumber: event.block.number };
  if (await context.db.find(poolSnapshot, key)) return;
  const read = { abi: abis.FinancingPool, address } as const;
  const [nav, aging, totalSupply, sharePrice, utilizationBps] = await Promise.all([
    context.client.readContract({ ...read, functionName: "navBreakdown" }),
    context.client.readContract({ ...read, functionName: "aging" }),
    context.client.readContract({ ...read, functionName: "totalSupply" }),
    context.client.readContract({ ...read, functionName: "sharePrice" }),
    context.client.readContract({ ...read, functionName: "utilizationBps" }),
  ]);
  await context.db.insert(poolSnapshot).values({
    ...key,
    timestamp: event.block.timestamp,
    totalSupply,
    sharePrice,
    cash: nav.cash,
    principalOutstanding: nav.principalOutstanding,
    accruedIncome: nav.accruedIncome,
    impaired: nav.impaired,
    feesOwed: nav.feesOwed,
    grossAssets: nav.grossAssets,
    netAssets: nav.netAssets,
    pendingRedeemShares: nav.pendingRedeemShares,
    lockedIncome: nav.lockedIncome,
    agingHaircut: nav.agingHaircut,
    utilizationBps: Number(utilizationBps),
    current: aging.current,
    late1To30: aging.late1To30,
    late31To60: aging.late31To60,
    late61To90: aging.late61To90,
    late90Plus: aging.late90Plus,
    writtenOff: aging.writtenOff,
  });
};

const queueSet: Handler = async (event, context) => {
  const address = event.log.address;
  const read = { abi: abis.FinancingPool, address } as const;
  const [asset, name, symbol] = await Promise.all([
    context.client.readContract({ ...read, functionName: "asset" }),
    context.client.readContract({ ...read, functionName: "name" }),
    context.client.readContract({ ...read, functionName: "symbol" }),
  ]);
  const queue = arg(event).a("queue");
  await context.db
    .insert(pool)
    .values({ address, queue, asset, name, symbol, createdBlock: event.block.number })
    .onConflictDoUpdate({ queue });
};

/** Share moves. Moves into and out of the queue are the queue's events' business (per controller). */
const transfer: Handler = async (event, context) => {
  const a = arg(event);
  const from = a.a("from");
  const to = a.a("to");
  const value = a.n("value");
  const poolAddress = event.log.address;
  if (from !== zeroAddress && !isQueue(from))
    await addToPosition(context, event, poolAddress, from, { shares: -value });
  if (to !== zeroAddress && !isQueue(to)) await addToPosition(context, event, poolAddress, to, { shares: value });
};

/** The pool served by the queue that emitted `event`. */
async function poolOfQueue(context: Ctx, queue: Address): Promise<Address> {
  const rows = await context.db.sql.select().from(pool);
  const found = rows.find((r) => same(r.queue, queue));
  if (!found) throw new Error(`Queue ${queue} belongs to no indexed pool`);
  return found.address;
}

function queueRow(event: AnyEvent, controller: Address, kind: string, shares: bigint, more = {}) {
  return {
    id: event.id,
    queue: event.log.address,
    controller,
    kind,
    shares,
    ticket: null,
    assets: null,
    ...at(event),
    ...more,
  };
}

export const poolHandlers: Record<string, Handler> = {
  "FinancingPool:RedemptionQueueSet": queueSet,
  "FinancingPool:Transfer": transfer,
  "FinancingPool:Deposit": async (event, context) => {
    const a = arg(event);
    await addToPosition(context, event, event.log.address, a.a("owner"), { deposited: a.n("assets") });
  },
  "FinancingPool:Withdraw": async (event, context) => {
    const a = arg(event);
    await addToPosition(context, event, event.log.address, a.a("owner"), { withdrawn: a.n("assets") });
  },
  "RedemptionQueue:RedeemRequest": async (event, context) => {
    const a = arg(event);
    const controller = a.a("controller");
    const poolAddress = await poolOfQueue(context, event.log.address);
    await addToPosition(context, event, poolAddress, controller, { queuedShares: a.n("shares") });
    await context.db.insert(redemption).values(queueRow(event, controller, "request", a.n("shares")));
  },
  "RedemptionQueue:RedeemRequestFilled": async (event, context) => {
    const a = arg(event);
    const controller = a.a("controller");
    const poolAddress = await poolOfQueue(context, event.log.address);
    await addToPosition(context, event, poolAddress, controller, { queuedShares: -a.n("shares") });
    await context.db
      .insert(redemption)
      .values(queueRow(event, controller, "fill", a.n("shares"), { ticket: a.n("ticket"), assets: a.n("assets") }));
  },
  "RedemptionQueue:RedeemRequestCancelled": async (event, context) => {
    const a = arg(event);
    const controller = a.a("controller");
    const poolAddress = await poolOfQueue(context, event.log.address);
    // The shares come back by the Transfer from the queue, which the transfer handler counts.
    await addToPosition(context, event, poolAddress, controller, { queuedShares: -a.n("shares") });
    await context.db.insert(redemption).values(queueRow(event, controller, "cancel", a.n("shares")));
  },
  "RedemptionQueue:Withdraw": async (event, context) => {
    const a = arg(event);
    const controller = a.a("owner");
    const poolAddress = await poolOfQueue(context, event.log.address);
    await addToPosition(context, event, poolAddress, controller, { withdrawn: a.n("assets") });
    await context.db
      .insert(redemption)
      .values(queueRow(event, controller, "claim", a.n("shares"), { assets: a.n("assets") }));
  },
};
