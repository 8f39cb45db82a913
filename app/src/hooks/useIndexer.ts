"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { indexer, INDEXER_URL, readIndexerStatus } from "@/lib/indexer";

/** How often the dApp asks the indexer how far it has got. */
export const INDEXER_POLL_MS = 1_000;
/** An indexer that does not answer within this long counts as unreachable. */
export const INDEXER_TIMEOUT_MS = 3_000;

/**
 * The block the indexer has indexed, asked every second. Every indexed query is keyed on it, so
 * lists change when the indexer has the new block, not before (reading it on the chain's block
 * would race the indexer and show the old list).
 */
export function useIndexerStatus() {
  return useQuery({
    queryKey: ["indexer-status", INDEXER_URL],
    queryFn: ({ signal }) => readIndexerStatus(AbortSignal.any([signal, AbortSignal.timeout(INDEXER_TIMEOUT_MS)])),
    refetchInterval: INDEXER_POLL_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
}

type IndexerDb = typeof indexer.db;

export interface IndexedQueryOptions<T> {
  /** What the query reads; the indexed block is appended, so it re-runs when the indexer moves. */
  queryKey: readonly unknown[];
  enabled: boolean;
  /** Reads the indexer's tables; `atBlock` is the block they are complete up to. */
  queryFn: (db: IndexerDb, atBlock: bigint) => Promise<T>;
}

/**
 * A query over the indexer's tables that is re-run each time the indexer indexes a new block and
 * keeps showing the previous result meanwhile. While the indexer is unreachable it keeps the last
 * result it had (the banner says the lists may be out of date) and reports the error.
 */
export function useIndexedQuery<T>({ queryKey, enabled, queryFn }: IndexedQueryOptions<T>) {
  const status = useIndexerStatus();
  const atBlock = status.data?.block;
  const query = useQuery({
    queryKey: ["indexed", INDEXER_URL, ...queryKey, atBlock?.toString()],
    enabled: enabled && atBlock !== undefined,
    placeholderData: keepPreviousData,
    retry: 1,
    queryFn: () => queryFn(indexer.db, atBlock!),
  });
  const unreachable = status.isError && query.data === undefined;
  return {
    ...query,
    // Nothing to show and no way to get it: an error the page can explain, not an endless "loading".
    isError: query.isError || unreachable,
    error: query.error ?? (unreachable ? new IndexerUnreachable(status.error) : null),
    isPending: query.isPending && !unreachable,
    atBlock,
  };
}

/** The indexer did not answer; the page says what still works. */
export class IndexerUnreachable extends Error {
  constructor(cause: unknown) {
    super(`The indexer at ${INDEXER_URL} cannot be reached, so lists and histories cannot be shown.`, { cause });
    this.name = "IndexerUnreachable";
  }
}
