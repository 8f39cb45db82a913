"use client";

import { and, asc, eq, lte } from "@ponder/client";
import type { Address } from "viem";
import { usePublicClient } from "wagmi";
import { abis } from "@/lib/contracts";
import type { HistoryPoint } from "@/lib/history";
import { schema } from "@/lib/indexer";
import { useIndexedQuery } from "./useIndexer";

const { poolSnapshot } = schema;
type Client = NonNullable<ReturnType<typeof usePublicClient>>;

/** The pool's views at the indexed block: the chart's last point, so it ends now, not at the last event. */
async function readNow(client: Client, pool: Address, blockNumber: bigint): Promise<HistoryPoint> {
  const read = { abi: abis.FinancingPool, address: pool, blockNumber } as const;
  const [sharePrice, nav, utilization, block] = await Promise.all([
    client.readContract({ ...read, functionName: "sharePrice" }),
    client.readContract({ ...read, functionName: "navBreakdown" }),
    client.readContract({ ...read, functionName: "utilizationBps" }),
    client.getBlock({ blockNumber }),
  ]);
  return {
    blockNumber,
    timestamp: Number(block.timestamp),
    sharePrice,
    netAssets: nav.netAssets,
    utilizationBps: Number(utilization),
  };
}

/**
 * Evenly thinned to at most `max` points, always keeping the first and the last, so a long history
 * still draws its whole span.
 */
export function thinPoints<T>(points: T[], max: number): T[] {
  if (points.length <= max) return points;
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(Math.round((i * (points.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => points[i]);
}

/**
 * Share price, NAV and utilization over time, from the indexer's `pool_snapshot` table: the pool's
 * own views read by the indexer after each block that changed its books, up to the indexed block,
 * and the pool's views at that block from the chain as the last point (the fees accrued since).
 */
export function usePoolHistory(pool: Address | undefined, maxPoints = 60) {
  const client = usePublicClient();
  return useIndexedQuery({
    queryKey: ["pool-history", client?.chain.id, pool, maxPoints],
    enabled: Boolean(pool && client),
    queryFn: async (db, atBlock): Promise<HistoryPoint[]> => {
      const rows = await db
        .select({
          blockNumber: poolSnapshot.blockNumber,
          timestamp: poolSnapshot.timestamp,
          sharePrice: poolSnapshot.sharePrice,
          netAssets: poolSnapshot.netAssets,
          utilizationBps: poolSnapshot.utilizationBps,
        })
        .from(poolSnapshot)
        .where(and(eq(poolSnapshot.pool, pool!), lte(poolSnapshot.blockNumber, atBlock)))
        .orderBy(asc(poolSnapshot.blockNumber));
      // Nothing moved yet: no history, and no point in reading the views of an empty pool.
      if (rows.length === 0) return [];
      const points: HistoryPoint[] = rows.map((r) => ({ ...r, timestamp: Number(r.timestamp) }));
      if (rows[rows.length - 1].blockNumber < atBlock) points.push(await readNow(client!, pool!, atBlock));
      return thinPoints(points, maxPoints);
    },
  });
}
