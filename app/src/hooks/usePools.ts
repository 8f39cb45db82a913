"use client";

import { type Address, erc20Abi } from "viem";
import { useChainId, useReadContracts } from "wagmi";
import { deployedPools } from "@/lib/contracts";

export interface PoolEntry {
  address: Address;
  /** The pool's ERC-20 name ("SME Invoice Pool"), or its deployment id until that is read. */
  name: string;
}

/** Every pool deployed on the connected chain, first pool first, with the names the pools report. */
export function usePools(): PoolEntry[] {
  const pools = deployedPools(useChainId());
  const names = useReadContracts({
    allowFailure: true,
    contracts: pools.map((p) => ({ abi: erc20Abi, address: p.address, functionName: "name" }) as const),
    query: { enabled: pools.length > 0, staleTime: Infinity },
  });
  return pools.map((p, i) => ({ address: p.address, name: String(names.data?.[i]?.result ?? p.id) }));
}
