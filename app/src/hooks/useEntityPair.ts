"use client";

import { eq } from "@ponder/client";
import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import type { Hex } from "viem";
import { abis } from "@/lib/contracts";
import { schema } from "@/lib/indexer";
import { entityPairOf } from "@/lib/receivables";
import { type Receivable } from "@/lib/invoice";
import { useDeployedAddress } from "./useDeployed";
import { useIndexedQuery } from "./useIndexer";

const abi = abis.IReceivableToken;

/**
 * The entity pair an acknowledgement of `tokenId` must name: the issuer's and debtor's entities
 * as the registry had them when the invoice was tokenized. `receivable()` reports today's; after a
 * KYC re-key they differ, so they are read at the tokenization block, which the indexer's invoice
 * row records. Without that block (the indexer unreachable or not there yet) or without the
 * node's history at it (pruned), today's entities are used, which are right unless a party was
 * re-keyed since.
 */
export function useEntityPair(tokenId: bigint, current: Receivable): Hex {
  const address = useDeployedAddress("ReceivableToken");
  const client = usePublicClient();
  const now = entityPairOf(current);
  const created = useIndexedQuery({
    queryKey: ["invoice-created-block", tokenId.toString()],
    enabled: true,
    queryFn: async (db) => {
      const [row] = await db
        .select({ createdBlock: schema.invoice.createdBlock })
        .from(schema.invoice)
        .where(eq(schema.invoice.tokenId, tokenId));
      return row?.createdBlock ?? null;
    },
  });
  const block = created.data ?? undefined;
  const { data } = useQuery({
    queryKey: ["entity-pair", address, tokenId.toString(), block?.toString()],
    enabled: Boolean(address && client && block !== undefined),
    staleTime: Infinity, // what the registry said at a past block never changes
    queryFn: async (): Promise<Hex | null> => {
      try {
        const then = await client!.readContract({
          abi,
          address: address!,
          functionName: "receivable",
          args: [tokenId],
          blockNumber: block!,
        });
        return entityPairOf(then);
      } catch {
        return null;
      }
    },
  });
  return data ?? now;
}
