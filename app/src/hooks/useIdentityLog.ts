"use client";

import { usePublicClient } from "wagmi";
import type { Address, Hash } from "viem";
import { abis } from "@/lib/contracts";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

export interface PartyRecord {
  account: Address;
  entityId: Hash;
  roles: number;
  jurisdiction: number;
  expiry: number;
  provider: Address;
  revoked: boolean;
  /** The provider that wrote it is suspended by the admin: the identity no longer verifies (F-19). */
  providerSuspended: boolean;
  lastTx: Hash;
}

/**
 * Every party the registry ever saw, folded from its events (issue, update, revoke) in order, and
 * whether the provider that wrote it is suspended now (suspend and reinstate events).
 */
export function useIdentityLog() {
  const registry = useDeployedAddress("IdentityRegistry");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["identityLog", registry],
    enabled: Boolean(registry && client),
    queryFn: async () => {
      const logs = await client!.getContractEvents({
        abi: abis.IdentityRegistry,
        address: registry!,
        fromBlock: 0n,
      });
      const parties = new Map<Address, PartyRecord>();
      const suspended = new Set<Address>();
      for (const log of logs) {
        if (log.eventName === "IdentityIssued" || log.eventName === "IdentityUpdated") {
          const a = log.args;
          parties.set(a.account!, {
            account: a.account!,
            entityId: a.entityId!,
            roles: Number(a.roles),
            jurisdiction: Number(a.jurisdiction),
            expiry: Number(a.expiry),
            provider: a.provider!,
            revoked: false,
            providerSuspended: false,
            lastTx: log.transactionHash!,
          });
        } else if (log.eventName === "IdentityRevoked") {
          const existing = parties.get(log.args.account!);
          if (existing) parties.set(existing.account, { ...existing, revoked: true, lastTx: log.transactionHash! });
        } else if (log.eventName === "IdentityProviderSuspended") {
          suspended.add(log.args.provider!);
        } else if (log.eventName === "IdentityProviderReinstated") {
          suspended.delete(log.args.provider!);
        }
      }
      return [...parties.values()].map((p) => ({ ...p, providerSuspended: suspended.has(p.provider) }));
    },
  });
}
