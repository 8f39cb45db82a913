"use client";

import { useReadContract } from "wagmi";
import type { Address } from "viem";
import { abis } from "@/lib/contracts";
import { useDeployedAddress } from "./useDeployed";

/** The stored identity of `account` and whether it is active now. */
export function useIdentity(account: Address | undefined) {
  const registry = useDeployedAddress("IdentityRegistry");
  return useReadContract({
    abi: abis.IdentityRegistry,
    address: registry,
    functionName: "identityOf",
    args: account ? [account] : undefined,
    query: { enabled: Boolean(account && registry) },
  });
}

/** Whether `account` holds AccessManager role `role` with no execution delay. */
export function useHasRole(role: bigint, account: Address | undefined) {
  const manager = useDeployedAddress("AccessManager");
  const result = useReadContract({
    abi: abis.AccessManager,
    address: manager,
    functionName: "hasRole",
    args: account ? [role, account] : undefined,
    query: { enabled: Boolean(account && manager) },
  });
  return { ...result, data: result.data?.[0] };
}
