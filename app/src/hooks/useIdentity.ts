"use client";

import type { Address } from "viem";
import { useScaffoldReadContract } from "./useScaffoldContract";

/** The stored identity of `account` and whether it is active now. */
export function useIdentity(account: Address | undefined) {
  return useScaffoldReadContract({
    contractName: "IdentityRegistry",
    functionName: "identityOf",
    args: account ? [account] : undefined,
    enabled: Boolean(account),
  });
}

/** Whether `account` holds AccessManager role `role` with no execution delay. */
export function useHasRole(role: bigint, account: Address | undefined) {
  const result = useScaffoldReadContract({
    contractName: "AccessManager",
    functionName: "hasRole",
    args: account ? [role, account] : undefined,
    enabled: Boolean(account),
  });
  return { ...result, data: result.data?.[0] };
}
