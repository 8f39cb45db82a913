"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useBlockNumber } from "wagmi";

/**
 * The latest block number, followed as the node produces blocks: the one place the dApp watches
 * for new blocks. Reads that pass it as their `blockNumber` (or key) are re-read on every block.
 * `follow: false` (for a hook that watches only on request) reads and watches nothing.
 */
export function useLatestBlock(follow = true): bigint | undefined {
  return useBlockNumber({ watch: follow, query: { enabled: follow } }).data;
}

export interface BlockQueryOptions<T> {
  /** What the query reads; the latest block is appended, so it is re-run on every new block. */
  queryKey: readonly unknown[];
  enabled: boolean;
  /** Receives the block the key names (undefined until the first is known, unless `needsBlock`). */
  queryFn: (block: bigint | undefined) => Promise<T>;
  /** Wait for the first block number before running (for queries that read at that block). */
  needsBlock?: boolean;
}

/**
 * A query over chain state that is re-run on every new block and keeps showing the previous
 * block's result while the new one loads (no flicker back to "loading").
 */
export function useBlockQuery<T>({ queryKey, enabled, queryFn, needsBlock = false }: BlockQueryOptions<T>) {
  const block = useLatestBlock();
  return useQuery({
    queryKey: [...queryKey, block?.toString()],
    enabled: enabled && (!needsBlock || block !== undefined),
    placeholderData: keepPreviousData,
    queryFn: () => queryFn(block),
  });
}
