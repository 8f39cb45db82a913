"use client";

import { useConnection, useReadContract } from "wagmi";
import { type Address, erc20Abi } from "viem";

/** The connected wallet's balance of an ERC-20; idle until both the wallet and the token are known. */
export function useWalletBalance(token: Address | undefined) {
  const { address } = useConnection();
  return useReadContract({
    abi: erc20Abi,
    address: token,
    functionName: "balanceOf",
    args: address ? [address] : undefined,
    query: { enabled: Boolean(address && token) },
  });
}
