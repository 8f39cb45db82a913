import type { Address } from "viem";
import { getAddress, isAddress } from "viem";
import { abis, deployments, partyNames } from "@/generated/deployedContracts";

export { abis };

export type ContractName = keyof typeof abis;
type Deployments = typeof deployments;
type ChainKey = keyof Deployments & string;

/** Chain ids that have a recorded Ignition deployment. */
export const deployedChainIds: number[] = Object.keys(deployments).map(Number);

/**
 * Address of the deployment named `name` (the Ignition future id, e.g. "Stablecoin") on
 * `chainId`, or undefined when that chain has no such deployment.
 */
export function deployedAddress(chainId: number | undefined, name: string): Address | undefined {
  if (chainId === undefined) return undefined;
  const chain = (deployments as Record<string, Record<string, { address: string }>>)[String(chainId)];
  return chain?.[name]?.address as Address | undefined;
}

export type { ChainKey };

/** The demo name of a local party ("Acme Tools Ltd"), if the seed gave it one. */
export function partyName(address: string): string | undefined {
  return isAddress(address) ? partyNames[getAddress(address)] : undefined;
}

/** Every FinancingPool deployed on `chainId` (Ignition future id and address), first pool first. */
export function deployedPools(chainId: number | undefined): { id: string; address: Address }[] {
  if (chainId === undefined) return [];
  const chain = (deployments as Record<string, Record<string, { address: string; contract: string }>>)[String(chainId)];
  return Object.entries(chain ?? {})
    .filter(([, d]) => d.contract === "FinancingPool")
    .map(([id, d]) => ({ id, address: getAddress(d.address) }))
    .sort((a, b) => (a.id === "FinancingPool" ? -1 : b.id === "FinancingPool" ? 1 : a.id.localeCompare(b.id)));
}
