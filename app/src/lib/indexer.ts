import { createClient } from "@ponder/client";
import * as schema from "../../../indexer/ponder.schema";

/**
 * The protocol's indexer (indexer/, Ponder): every list, history and money flow the dApp shows
 * comes from its tables over SQL-over-HTTP. The chain is read only for the current state of the
 * item on screen, for writes, and to check the indexer's numbers at the block it reports.
 */
export const INDEXER_URL = (process.env.NEXT_PUBLIC_INDEXER_URL ?? "http://127.0.0.1:42069").replace(/\/$/, "");

export { schema };

export const indexer = createClient(`${INDEXER_URL}/sql`, { schema });

/** The block the indexer has indexed for this deployment's chain, or why it cannot say. */
export interface IndexerStatus {
  block: bigint;
  timestamp: number;
}

/** Ponder's `/status`: one entry per chain it indexes; ours is named "protocol" in ponder.config.ts. */
export async function readIndexerStatus(signal?: AbortSignal): Promise<IndexerStatus> {
  const res = await fetch(`${INDEXER_URL}/status`, { signal, cache: "no-store" });
  if (!res.ok) throw new Error(`the indexer answered ${res.status} ${res.statusText}`);
  const status = (await res.json()) as Record<string, { block?: { number: number; timestamp: number } | null }>;
  const block = status.protocol?.block;
  if (!block) throw new Error("the indexer has not indexed a block yet");
  return { block: BigInt(block.number), timestamp: block.timestamp };
}
