"use client";

import { useQuery } from "@tanstack/react-query";
import { useLatestBlock } from "@/hooks/useBlockQuery";
import { useIndexerStatus } from "@/hooks/useIndexer";
import { useIsClient } from "@/hooks/useIsClient";
import { INDEXER_URL } from "@/lib/indexer";

/**
 * A new block reaches the indexer within a second or two; only a lag that lasts longer is news.
 * (Exported for the test that holds the indexer back.)
 */
export const BEHIND_GRACE_MS = 6_000;

/**
 * How far the indexer is behind the chain, once the lag has lasted past the grace period. When
 * the lag began is the time a query first saw the indexer behind at its current block (a query's
 * result is computed once per key, not on each render); "now" is the last status answer.
 */
function useLag(indexed: bigint | undefined, head: bigint | undefined, answeredAt: number) {
  const behind = indexed !== undefined && head !== undefined && head > indexed ? head - indexed : 0n;
  const since = useQuery({
    queryKey: ["indexer-behind-since", indexed?.toString()],
    enabled: behind > 0n,
    queryFn: () => Date.now(),
    staleTime: Infinity,
  }).data;
  return behind > 0n && since !== undefined && answeredAt - since >= BEHIND_GRACE_MS ? behind : 0n;
}

/**
 * Says when the indexer (which serves every list, history and the fund flows) is unreachable or
 * behind the chain, and what still works: the item on screen and every transaction are read from
 * and sent to the chain directly.
 */
export function IndexerBanner() {
  const isClient = useIsClient();
  const status = useIndexerStatus();
  const head = useLatestBlock();
  const behind = useLag(status.data?.block, head, status.dataUpdatedAt);
  if (!isClient) return null;
  if (status.isError) {
    return (
      <div className="banner" role="status" data-testid="indexer-down">
        <p>
          <strong>The indexer is not answering</strong> ({INDEXER_URL}). Lists, histories, charts and the fund flows
          cannot be brought up to date; what they show is as of the last answer, if any. The invoice, loan or pool on
          screen is read from the chain and is current, and every transaction still works.
        </p>
      </div>
    );
  }
  if (behind > 0n) {
    return (
      <div className="banner" role="status" data-testid="indexer-behind">
        <p>
          <strong>
            The indexer is {behind.toString()} block{behind === 1n ? "" : "s"} behind the chain
          </strong>{" "}
          (indexed block {status.data!.block.toString()}, chain at {head!.toString()}). Lists and histories may miss the
          latest changes; the item on screen is read from the chain and is current.
        </p>
      </div>
    );
  }
  return null;
}
