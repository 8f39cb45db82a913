"use client";

import { useChainId } from "wagmi";
import { deployedAddress } from "@/lib/contracts";

/** Address of a deployed contract on the chain the app is on now (connected or default). */
export function useDeployedAddress(name: string) {
  const chainId = useChainId();
  return deployedAddress(chainId, name);
}
