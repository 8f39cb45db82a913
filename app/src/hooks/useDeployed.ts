"use client";

import { useMemo } from "react";
import { useChainId } from "wagmi";
import { type ContractName, deployedAddress, deployedContract } from "@/lib/contracts";

/** Address of a deployed contract on the chain the app is on now (connected or default). */
export function useDeployedAddress(name: ContractName) {
  const chainId = useChainId();
  return deployedAddress(chainId, name);
}

/** Address, ABI (as const) and deployment block of a deployed contract on the chain the app is on now. */
export function useDeployedContract<N extends ContractName>(name: N) {
  const chainId = useChainId();
  return useMemo(() => deployedContract(chainId, name), [chainId, name]);
}
