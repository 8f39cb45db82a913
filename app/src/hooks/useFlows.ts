"use client";

import { and, asc, eq, inArray, lte, notLike, or } from "@ponder/client";
import { usePublicClient } from "wagmi";
import { type Address, erc20Abi } from "viem";
import { abis } from "@/lib/contracts";
import { flowRowOf } from "@/lib/flows/indexed";
import type { Balances } from "@/lib/flows/reconcile";
import { schema } from "@/lib/indexer";
import { readMetadata } from "@/lib/receivables";
import { useDeployedAddress } from "./useDeployed";
import { useIndexedQuery } from "./useIndexer";
import { useRedemptionQueue } from "./usePool";

type Client = NonNullable<ReturnType<typeof usePublicClient>>;

/** What the chain itself reports at `blockNumber`: the side of the reconciliation nobody can fake. */
async function readBalances(
  client: Client,
  pool: Address,
  escrow: Address,
  vault: Address,
  queue: Address,
  blockNumber: bigint,
): Promise<Balances & { asset: Address }> {
  const asset = await client.readContract({
    abi: abis.FinancingPool,
    address: pool,
    functionName: "asset",
    blockNumber,
  });
  const [poolStablecoin, escrowStablecoin, vaultStablecoin, queueStablecoin, nav] = await Promise.all([
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [pool], blockNumber }),
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [escrow], blockNumber }),
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [vault], blockNumber }),
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [queue], blockNumber }),
    client.readContract({ abi: abis.FinancingPool, address: pool, functionName: "navBreakdown", blockNumber }),
  ]);
  return {
    asset,
    poolStablecoin,
    escrowStablecoin,
    vaultStablecoin,
    queueStablecoin,
    poolBookedCash: nav.cash,
    poolPrincipal: nav.principalOutstanding,
  };
}

const { flow, invoice } = schema;

/**
 * Every movement of money one pool (default: the first) sees, from the indexer's flow table: the
 * pool's and its queue's rows, and every row of the receivable token, the loan manager and its
 * collateral vault (the same events the explorer once read from the chain itself). The balances
 * the reconciliation checks them against are read from the chain at the block the indexer has
 * indexed, and only rows up to that block are counted, so both sides describe the same state.
 */
export function useFlows(chosen?: Address) {
  const first = useDeployedAddress("FinancingPool");
  const pool = chosen ?? first;
  const token = useDeployedAddress("ReceivableToken");
  const escrow = useDeployedAddress("LoanManager");
  const vault = useDeployedAddress("CollateralVault");
  const queue = useRedemptionQueue(pool);
  const client = usePublicClient();
  const deployed = Boolean(pool && token && escrow && vault);
  const query = useIndexedQuery({
    queryKey: ["flows", client?.chain.id, pool, token, escrow, vault, queue],
    enabled: Boolean(deployed && queue && client),
    queryFn: async (db, atBlock) => {
      const seen = or(
        eq(flow.pool, pool!),
        and(notLike(flow.source, "FinancingPool.%"), notLike(flow.source, "RedemptionQueue.%")),
      );
      const indexed = await db
        .select()
        .from(flow)
        .where(and(seen, lte(flow.blockNumber, atBlock)))
        .orderBy(asc(flow.blockNumber), asc(flow.logIndex));
      const rows = indexed.map(flowRowOf);
      const ids = [...new Set(rows.flatMap((r) => (r.invoiceId === undefined ? [] : [r.invoiceId])))];
      const numbered = ids.length
        ? await db
            .select({ tokenId: invoice.tokenId, number: invoice.number, metadataURI: invoice.metadataURI })
            .from(invoice)
            .where(inArray(invoice.tokenId, ids))
        : [];
      const balances = await readBalances(client!, pool!, escrow!, vault!, queue!, atBlock);
      return {
        rows,
        balances,
        pool: pool!,
        escrow: escrow!,
        vault: vault!,
        queue: queue!,
        // As the SME wrote it (the metadata), not the canonical form the token keys on.
        invoiceNumbers: new Map(
          numbered.map((n) => [n.tokenId, readMetadata(n.metadataURI).invoiceNumber ?? n.number]),
        ),
        atBlock,
      };
    },
  });
  return { ...query, deployed };
}

export type FlowData = NonNullable<ReturnType<typeof useFlows>["data"]>;
