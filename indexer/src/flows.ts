import { flow, invoice, loan, pool } from "ponder:schema";
import type { Address } from "viem";
import { abis } from "../../app/src/generated/deployedContracts";
import { type FlowContext, type FlowLog, eventsOf, rowsOf } from "../../app/src/lib/flows/decode";
import { decodeReceipt, escrow, isPool, isQueue, pools, same, vault } from "./protocol";
import type { Handler } from "./types";

type Ctx = Parameters<Handler>[1];

export const flowContracts = [
  "FinancingPool",
  "RedemptionQueue",
  "ReceivableToken",
  "LoanManager",
  "CollateralVault",
] as const;

/** Every event a flow rule maps, as "Contract:Event". */
export const flowEvents = flowContracts.flatMap((c) => eventsOf(c).map((e) => `${c}:${e}`));

const loanCurrency = new Map<Address, Address>();

/** The token a movement is in: the pool's asset, the payment's currency, or the loan manager's asset. */
async function currencyOf(context: Ctx, log: FlowLog, poolAsset: Address | undefined): Promise<Address> {
  if (typeof log.args.currency === "string") return log.args.currency as Address;
  if (log.contract !== "LoanManager" && log.contract !== "CollateralVault" && poolAsset) return poolAsset;
  let asset = loanCurrency.get(escrow!);
  if (!asset) {
    asset = await context.client.readContract({ abi: abis.LoanManager, address: escrow!, functionName: "asset" });
    loanCurrency.set(escrow!, asset);
  }
  return asset;
}

// Events of one transaction come one after another: its receipt is fetched once for all of them.
let lastTx: { hash: string; logs: FlowLog[] } | undefined;

/** The protocol's decoded logs of a transaction (Ponder's receipts carry no logs). */
async function logsOfTx(context: Ctx, hash: `0x${string}`, blockNumber: bigint, timestamp: number) {
  if (lastTx?.hash !== hash) {
    const receipt = await context.client.getTransactionReceipt({ hash });
    lastTx = { hash, logs: decodeReceipt(receipt.logs, hash, blockNumber, timestamp) };
  }
  return lastTx.logs;
}

/** The pool a movement belongs to: the emitter if a pool, a queue's pool, else a pool named in it. */
async function poolFor(context: Ctx, log: FlowLog, emitter: Address): Promise<Address> {
  if (isPool(emitter)) return emitter;
  if (isQueue(emitter)) {
    const rows = await context.db.sql.select().from(pool);
    const found = rows.find((r) => same(r.queue, emitter));
    if (found) return found.address;
  }
  const named = Object.values(log.args).find((v) => typeof v === "string" && isPool(v as Address));
  return (named as Address | undefined) ?? pools[0]!;
}

/**
 * The rows of one money-moving event, by the same rules the dApp's explorer applies (the rule
 * table in app/src/lib/flows/decode.ts): the transaction's other logs come from its receipt, and
 * what earlier events established (an invoice's SME and debtor, a loan's borrower and default)
 * from the invoice and loan tables.
 */
export const recordFlow: Handler = async (event, context, name) => {
  const [contract] = name.split(":") as [FlowLog["contract"]];
  const timestamp = Number(event.block.timestamp);
  const sameTx = await logsOfTx(context, event.transaction.hash, event.block.number, timestamp);
  const log = sameTx.find((l) => l.logIndex === event.log.logIndex);
  if (!log) throw new Error(`${event.id}: ${name} is not in its own transaction's receipt`);
  const poolAddress = await poolFor(context, log, event.log.address);
  const poolRow = await context.db.find(pool, { address: poolAddress });
  const ctx: FlowContext = {
    pool: poolAddress,
    queue: (isQueue(event.log.address) ? event.log.address : poolRow?.queue) ?? undefined,
    escrow: escrow!,
    vault,
    sameTx,
    defaultedLoans: new Set(),
    financed: new Map(),
    borrowers: new Map(),
  };
  const ids = log.args as { tokenId?: bigint; loanId?: bigint };
  if (typeof ids.tokenId === "bigint") {
    const inv = await context.db.find(invoice, { tokenId: ids.tokenId });
    if (inv?.pool) ctx.financed.set(ids.tokenId, { sme: inv.issuer, debtor: inv.debtor });
  }
  if (typeof ids.loanId === "bigint") {
    const ln = await context.db.find(loan, { loanId: ids.loanId });
    if (ln?.drawnAt) ctx.borrowers.set(ids.loanId, ln.borrower);
    if (ln?.defaulted) ctx.defaultedLoans.add(ids.loanId);
  }
  const currency = await currencyOf(context, log, poolRow?.asset);
  const loanSide = contract === "LoanManager" || contract === "CollateralVault";
  for (const row of rowsOf(log, ctx)) {
    await context.db.insert(flow).values({
      id: row.id,
      kind: row.kind,
      cash: row.cash,
      from: row.from,
      fromRole: row.fromRole,
      to: row.to,
      toRole: row.toRole,
      amount: row.amount,
      currency,
      // A loan's movements belong to a pool only when the pool is the lender.
      pool: loanSide ? (isPool(row.from) ? row.from : isPool(row.to) ? row.to : null) : poolAddress,
      invoiceId: row.invoiceId ?? null,
      loanId: row.loanId ?? null,
      principal: row.parts?.principal ?? null,
      income: row.parts?.income ?? null,
      fees: row.parts?.fees ?? null,
      recovery: row.parts?.recovery ?? null,
      performanceFee: row.parts?.performanceFee ?? null,
      source: row.source,
      tx: row.tx,
      blockNumber: row.blockNumber,
      logIndex: row.logIndex,
      timestamp: BigInt(row.timestamp),
    });
  }
};
