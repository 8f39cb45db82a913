"use client";

import { useReadContracts } from "wagmi";
import { type Address, erc20Abi } from "viem";

export interface TokenInfo {
  symbol: string;
  decimals: number;
}

/** Symbol and decimals of an ERC-20, read once and cached (they never change). */
export function useTokenInfo(token: Address | undefined): TokenInfo | undefined {
  const { data } = useReadContracts({
    allowFailure: false,
    contracts: [
      { abi: erc20Abi, address: token, functionName: "symbol" },
      { abi: erc20Abi, address: token, functionName: "decimals" },
    ],
    query: { enabled: Boolean(token), staleTime: Infinity },
  });
  return data ? { symbol: data[0], decimals: data[1] } : undefined;
}
