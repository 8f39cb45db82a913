"use client";

import { useChainId, useReadContract, useReadContracts } from "wagmi";
import { type Address, erc20Abi } from "viem";
import { abis, deployedPools } from "@/lib/contracts";
import type { PoolPolicy } from "@/lib/pool";
import { useLatestBlock } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

const abi = abis.FinancingPool;
const queueAbi = abis.RedemptionQueue;

/** The pool's books as its views report them; re-read on every new block. Default: the first pool. */
export function usePoolFacts(chosen?: Address) {
  const first = useDeployedAddress("FinancingPool");
  const pool = chosen ?? first;
  const block = useLatestBlock();
  const query = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi, address: pool, functionName: "navBreakdown" },
      { abi, address: pool, functionName: "sharePrice" },
      { abi, address: pool, functionName: "utilizationBps" },
      { abi, address: pool, functionName: "idleCash" },
      { abi, address: pool, functionName: "instantLiquidity" },
      { abi, address: pool, functionName: "aging" },
      { abi, address: pool, functionName: "policy" },
      { abi, address: pool, functionName: "asset" },
      { abi, address: pool, functionName: "decimals" },
      { abi, address: pool, functionName: "totalSupply" },
      { abi, address: pool, functionName: "symbol" },
    ],
    blockNumber: block,
    query: { enabled: Boolean(pool), placeholderData: (previous) => previous },
  });
  const d = query.data;
  const facts = d
    ? {
        pool: pool!,
        nav: d[0],
        sharePrice: d[1],
        utilizationBps: d[2],
        idleCash: d[3],
        instantLiquidity: d[4],
        aging: d[5],
        // uint32 durations decode as numbers, so the ABI's struct is a PoolPolicy as it comes.
        policy: d[6] satisfies PoolPolicy,
        asset: d[7],
        shareDecimals: d[8],
        totalSupply: d[9],
        shareSymbol: d[10],
      }
    : undefined;
  return { ...query, pool, facts };
}

export type PoolFacts = NonNullable<ReturnType<typeof usePoolFacts>["facts"]>;

/** The pool's ERC-7540 redemption queue, as the pool names it (fixed once deployed). */
export function useRedemptionQueue(pool: Address | undefined) {
  return useReadContract({
    abi,
    address: pool,
    functionName: "redemptionQueue",
    query: { enabled: Boolean(pool), staleTime: Infinity },
  }).data;
}

/** The connected investor's side of the pool: shares, their value, limits, queue, wallet. */
export function usePoolPosition(pool: Address | undefined, asset: Address | undefined, owner: Address | undefined) {
  const block = useLatestBlock();
  const queue = useRedemptionQueue(pool);
  const enabled = Boolean(pool && asset && owner && queue);
  const args = owner ? ([owner] as const) : undefined;
  const query = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi, address: pool, functionName: "balanceOf", args },
      { abi, address: pool, functionName: "maxWithdraw", args },
      { abi, address: pool, functionName: "maxRedeem", args },
      { abi, address: pool, functionName: "maxDeposit", args },
      { abi: queueAbi, address: queue, functionName: "pendingRedeemRequest", args: owner ? [0n, owner] : undefined },
      { abi: queueAbi, address: queue, functionName: "claimableRedeemRequest", args: owner ? [0n, owner] : undefined },
      { abi: queueAbi, address: queue, functionName: "maxWithdraw", args },
      { abi: erc20Abi, address: asset, functionName: "balanceOf", args },
    ],
    blockNumber: block,
    query: { enabled, placeholderData: (previous) => previous },
  });
  const d = query.data;
  // Value of the shares at the exit price; a second read because it depends on the first.
  const value = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi, address: pool, functionName: "convertToAssets", args: d ? [d[0]] : undefined },
      { abi, address: pool, functionName: "convertToAssets", args: d ? [d[4]] : undefined },
    ],
    blockNumber: block,
    query: { enabled: Boolean(d && pool), placeholderData: (previous) => previous },
  });
  const position =
    d && value.data && queue
      ? {
          queue,
          shares: d[0],
          value: value.data[0],
          maxWithdraw: d[1],
          maxRedeem: d[2],
          canDeposit: d[3] > 0n,
          pendingShares: d[4],
          pendingValue: value.data[1],
          claimableShares: d[5],
          claimableAssets: d[6],
          walletBalance: d[7],
        }
      : undefined;
  return { ...query, isPending: query.isPending || (Boolean(d) && value.isPending), position };
}

export type PoolPosition = NonNullable<ReturnType<typeof usePoolPosition>["position"]>;

export interface Holding {
  pool: Address;
  /** What the investor's shares, pending and claimable redemptions are worth at the exit price. */
  value: bigint;
  shares: bigint;
}

/** The connected investor's holding in every deployed pool, first pool first, in one read per block. */
export function useHoldings(owner: Address | undefined) {
  const pools = deployedPools(useChainId());
  const block = useLatestBlock();
  const args = owner ? ([owner] as const) : undefined;
  // Each pool's redemption queue: fixed once deployed, read once.
  const queues: readonly Address[] | undefined = useReadContracts({
    allowFailure: false,
    contracts: pools.map((p) => ({ abi, address: p.address, functionName: "redemptionQueue" }) as const),
    query: { enabled: pools.length > 0, staleTime: Infinity },
  }).data;
  const held = useReadContracts({
    allowFailure: false,
    contracts: pools.flatMap((p, i) => [
      { abi, address: p.address, functionName: "balanceOf", args } as const,
      {
        abi: queueAbi,
        address: queues?.[i],
        functionName: "pendingRedeemRequest",
        args: owner ? [0n, owner] : undefined,
      } as const,
      { abi: queueAbi, address: queues?.[i], functionName: "maxWithdraw", args } as const,
    ]),
    blockNumber: block,
    query: { enabled: Boolean(owner && queues) && pools.length > 0, placeholderData: (previous) => previous },
  });
  // balanceOf, pendingRedeemRequest and maxWithdraw per pool: all uint256 (two ABIs defeat inference).
  const d = held.data as readonly bigint[] | undefined;
  // Valued as usePoolPosition values them (shares and pending shares apart), so the numbers agree.
  const value = useReadContracts({
    allowFailure: false,
    contracts: pools.flatMap((p, i) => [
      { abi, address: p.address, functionName: "convertToAssets", args: d ? [d[3 * i]] : undefined } as const,
      { abi, address: p.address, functionName: "convertToAssets", args: d ? [d[3 * i + 1]] : undefined } as const,
    ]),
    blockNumber: block,
    query: { enabled: Boolean(d), placeholderData: (previous) => previous },
  });
  const v = value.data;
  const holdings: Holding[] | undefined =
    d && v && v.length === 2 * pools.length
      ? pools.map((p, i) => ({ pool: p.address, shares: d[3 * i], value: v[2 * i] + v[2 * i + 1] + d[3 * i + 2] }))
      : undefined;
  return { holdings, isError: held.isError || value.isError, error: held.error ?? value.error };
}
