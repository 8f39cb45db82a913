"use client";

import { usePublicClient } from "wagmi";
import type { Address } from "viem";
import { abis } from "@/lib/contracts";
import { type HistoryPoint, sampleBlocks } from "@/lib/history";
import { useBlockQuery } from "./useBlockQuery";

const abi = abis.FinancingPool;
type Client = NonNullable<ReturnType<typeof usePublicClient>>;

// Past blocks never change: each point is read once per page load.
const pointCache = new Map<string, Promise<HistoryPoint | undefined>>();

async function readPoint(client: Client, pool: Address, blockNumber: bigint): Promise<HistoryPoint | undefined> {
  try {
    const [price, nav, utilization, block] = await Promise.all([
      client.readContract({ abi, address: pool, functionName: "sharePrice", blockNumber }),
      client.readContract({ abi, address: pool, functionName: "navBreakdown", blockNumber }),
      client.readContract({ abi, address: pool, functionName: "utilizationBps", blockNumber }),
      client.getBlock({ blockNumber }),
    ]);
    return {
      blockNumber,
      timestamp: Number(block.timestamp),
      sharePrice: price,
      netAssets: nav.netAssets,
      utilizationBps: Number(utilization),
    };
  } catch {
    // Before the pool existed its views have no code to run: no point there.
    return undefined;
  }
}

/**
 * Share price, NAV and utilization over time, read from the pool's own views at past blocks (the
 * node serves historical state): every block where money moved in or out of the pool, plus evenly
 * spaced blocks in between so the fee accrual between events shows, plus the latest block.
 */
export function usePoolHistory(pool: Address | undefined, maxPoints = 60) {
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["pool-history", pool, maxPoints],
    enabled: Boolean(pool && client),
    needsBlock: true,
    queryFn: async (latest): Promise<HistoryPoint[]> => {
      const logs = await client!.getContractEvents({ abi, address: pool!, fromBlock: 0n });
      const moved = logs
        .filter(
          (l) => l.eventName !== "Approval" && l.eventName !== "PolicyUpdated" && l.eventName !== "AuthorityUpdated",
        )
        .map((l) => l.blockNumber!);
      const blocks = sampleBlocks(moved, latest!, maxPoints);
      const points = await Promise.all(
        blocks.map((n) => {
          const key = `${pool}:${n}`;
          if (n !== latest && pointCache.has(key)) return pointCache.get(key)!;
          const p = readPoint(client!, pool!, n);
          if (n !== latest) pointCache.set(key, p);
          return p;
        }),
      );
      return points.filter((p): p is HistoryPoint => p !== undefined);
    },
  });
}
