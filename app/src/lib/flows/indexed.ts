import { type Hash, getAddress } from "viem";
import type { FlowKind, FlowParts, FlowRole, FlowRow } from "./model";

/** A row of the indexer's `flow` table (indexer/ponder.schema.ts), as @ponder/client returns it. */
export interface IndexedFlow {
  id: string;
  kind: string;
  cash: boolean;
  from: string;
  fromRole: string;
  to: string;
  toRole: string;
  amount: bigint;
  invoiceId: bigint | null;
  loanId: bigint | null;
  principal: bigint | null;
  income: bigint | null;
  fees: bigint | null;
  recovery: bigint | null;
  performanceFee: bigint | null;
  source: string;
  tx: string;
  blockNumber: bigint;
  logIndex: number;
  timestamp: bigint;
}

/**
 * The explorer's row for an indexed one: the indexer wrote it with the same rules (`rowsOf`), so
 * this only turns SQL nulls back into absent fields and addresses (stored lowercase) back into
 * their checksummed form, as the chain's logs give them.
 */
export function flowRowOf(r: IndexedFlow): FlowRow {
  const parts: FlowParts = {};
  if (r.principal !== null) parts.principal = r.principal;
  if (r.income !== null) parts.income = r.income;
  if (r.fees !== null) parts.fees = r.fees;
  if (r.recovery !== null) parts.recovery = r.recovery;
  if (r.performanceFee !== null) parts.performanceFee = r.performanceFee;
  return {
    id: r.id,
    kind: r.kind as FlowKind,
    cash: r.cash,
    from: getAddress(r.from),
    fromRole: r.fromRole as FlowRole,
    to: getAddress(r.to),
    toRole: r.toRole as FlowRole,
    amount: r.amount,
    ...(r.invoiceId !== null ? { invoiceId: r.invoiceId } : {}),
    ...(r.loanId !== null ? { loanId: r.loanId } : {}),
    ...(Object.keys(parts).length ? { parts } : {}),
    source: r.source,
    tx: r.tx as Hash,
    blockNumber: r.blockNumber,
    logIndex: r.logIndex,
    timestamp: Number(r.timestamp),
  };
}
