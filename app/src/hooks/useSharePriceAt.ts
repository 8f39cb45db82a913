"use client";

import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import type { Address } from "viem";
import { abis } from "@/lib/contracts";

/** The pool's share price and the block's time at a past block (historical state of the node). */
export function useSharePriceAt(pool: Address | undefined, blockNumber: bigint | undefined) {
  const client = usePublicClient();
  return useQuery({
    queryKey: ["share-price-at", pool, blockNumber?.toString()],
    enabled: Boolean(pool && client && blockNumber !== undefined),
    staleTime: Infinity,
    queryFn: async () => {
      const [price, block] = await Promise.all([
        client!.readContract({ abi: abis.FinancingPool, address: pool!, functionName: "sharePrice", blockNumber }),
        client!.getBlock({ blockNumber }),
      ]);
      return { price, timestamp: Number(block.timestamp) };
    },
  });
}
