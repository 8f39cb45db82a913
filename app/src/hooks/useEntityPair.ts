"use client";

import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import type { Hex } from "viem";
import { abis } from "@/lib/contracts";
import { entityPairOf } from "@/lib/receivables";
import { type Receivable } from "@/lib/invoice";
import { useDeployedAddress } from "./useDeployed";

const abi = abis.IReceivableToken;

/**
 * The entity pair an acknowledgement of `tokenId` must name: the issuer's and debtor's entities
 * as the registry had them when the invoice was tokenized. `receivable()` reports today's; after a
 * KYC re-key they differ, so they are read at the tokenization block. A node without that
 * history (pruned) falls back to today's entities, which are right unless a party was re-keyed.
 */
export function useEntityPair(tokenId: bigint, current: Receivable): Hex {
  const address = useDeployedAddress("ReceivableToken");
  const client = usePublicClient();
  const now = entityPairOf(current);
  const { data } = useQuery({
    queryKey: ["entity-pair", address, tokenId.toString()],
    enabled: Boolean(address && client),
    staleTime: Infinity, // what the registry said at a past block never changes
    queryFn: async (): Promise<Hex | null> => {
      const [log] = await client!.getContractEvents({
        abi,
        address: address!,
        eventName: "ReceivableTokenized",
        args: { tokenId },
        fromBlock: 0n,
      });
      if (!log?.blockNumber) return null;
      try {
        const then = await client!.readContract({
          abi,
          address: address!,
          functionName: "receivable",
          args: [tokenId],
          blockNumber: log.blockNumber,
        });
        return entityPairOf(then);
      } catch {
        return null;
      }
    },
  });
  return data ?? now;
}
