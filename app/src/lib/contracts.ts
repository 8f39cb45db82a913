import type { Abi, Address } from "viem";
import { getAddress, isAddress, isAddressEqual } from "viem";
import deployedContracts, { abis, constants, enums, partyNames } from "@/generated/deployedContracts";

export { abis, constants, enums };

type Deployments = typeof deployedContracts;
type ChainKey = keyof Deployments & number;
/** What one chain's entry holds, whichever chain. */
type ChainContracts = Deployments[ChainKey];

/** A deployment's name (the Ignition future id: "Stablecoin", "FinancingPool", "ShortTenorPool", …) on any chain. */
export type ContractName = ChainContracts extends infer C ? (C extends unknown ? keyof C & string : never) : never;

/** The ABI (`as const`) of the deployment named `N`. */
export type ContractAbi<N extends ContractName> = ChainContracts extends infer C
  ? C extends { [K in N]: { abi: infer A extends Abi } }
    ? A
    : never
  : never;

/** A custom error any of the protocol's contracts (or the npm contracts it builds) can revert with. */
export type ContractErrorName = {
  [K in keyof typeof abis]: Extract<(typeof abis)[K][number], { type: "error" }>["name"];
}[keyof typeof abis];

/** Member names of a Solidity enum, in declaration order ("IReceivableToken.Status", …). */
export type EnumName = keyof typeof enums;
export type EnumMember<E extends EnumName> = (typeof enums)[E][number];

/** The member name of enum `E` that a contract returned as its index; `fallback` when out of range. */
export function enumMember<E extends EnumName, F>(name: E, index: number | bigint, fallback: F): EnumMember<E> | F {
  const members: readonly (EnumMember<E> | undefined)[] = enums[name];
  return members[Number(index)] ?? fallback;
}

export interface DeployedContract<N extends ContractName> {
  address: Address;
  abi: ContractAbi<N>;
  deployedOnBlock: number;
}

/** Chain ids that have a recorded Ignition deployment. */
export const deployedChainIds: number[] = Object.keys(deployedContracts).map(Number);

// The same entries, looked up by a chain id known only at run time.
const byChainId: Partial<Record<number, Record<string, { address: Address; abi: Abi; deployedOnBlock: number }>>> =
  deployedContracts;

function chainEntry(chainId: number | undefined) {
  return (chainId === undefined ? undefined : byChainId[chainId]) ?? {};
}

/** The deployment named `name` on `chainId`, or undefined when that chain has no such deployment. */
export function deployedContract<N extends ContractName>(
  chainId: number | undefined,
  name: N,
): DeployedContract<N> | undefined {
  const entry = chainEntry(chainId)[name];
  if (!entry) return undefined;
  // The generated file pairs each name with its own ABI; the lookup by a runtime chain id loses that pairing.
  return {
    address: getAddress(entry.address),
    abi: entry.abi as ContractAbi<N>,
    deployedOnBlock: entry.deployedOnBlock,
  };
}

/** The deployment at `address` on `chainId` (its name and ABI), for decoding what it emitted or was sent. */
export function deploymentAt(chainId: number | undefined, address: Address): { name: string; abi: Abi } | undefined {
  const found = Object.entries(chainEntry(chainId)).find(([, d]) => isAddressEqual(d.address, address));
  return found && { name: found[0], abi: found[1].abi };
}

/** Address of the deployment named `name` on `chainId`, or undefined when that chain has no such deployment. */
export function deployedAddress(chainId: number | undefined, name: ContractName): Address | undefined {
  return deployedContract(chainId, name)?.address;
}

export type { ChainKey };

/** The demo name of a local party ("Acme Tools Ltd"), if the seed gave it one. */
export function partyName(address: string): string | undefined {
  return isAddress(address) ? partyNames[getAddress(address)] : undefined;
}

/** Every FinancingPool deployed on `chainId` (Ignition future id and address), first pool first. */
export function deployedPools(chainId: number | undefined): { id: string; address: Address }[] {
  return (
    Object.entries(chainEntry(chainId))
      // The generator gives every deployment of one contract the very same ABI object.
      .filter(([, d]) => d.abi === abis.FinancingPool)
      .map(([id, d]) => ({ id, address: getAddress(d.address) }))
      .sort((a, b) => (a.id === "FinancingPool" ? -1 : b.id === "FinancingPool" ? 1 : a.id.localeCompare(b.id)))
  );
}
