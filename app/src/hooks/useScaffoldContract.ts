"use client";

import { useMemo } from "react";
import { type UseReadContractReturnType, useReadContract } from "wagmi";
import { type Abi, type Address, type ContractFunctionArgs, type ContractFunctionName, zeroAddress } from "viem";
import type { ContractAbi, ContractName } from "@/lib/contracts";
import { useLatestBlock } from "./useBlockQuery";
import { type RunAction, type WriteFunctionArgs, type WriteFunctionName, useContractAction } from "./useContractAction";
import { useDeployedContract } from "./useDeployed";

type ReadMutability = "pure" | "view";
export type ReadFunctionName<abi extends Abi> = ContractFunctionName<abi, ReadMutability>;
export type ReadFunctionArgs<abi extends Abi, fn extends ReadFunctionName<abi>> = ContractFunctionArgs<
  abi,
  ReadMutability,
  fn
>;

export interface ScaffoldReadParameters<N extends ContractName, fn, args> {
  /** The deployment to read (Ignition future id): its ABI types the function and its arguments. */
  contractName: N;
  functionName: fn;
  /** Undefined while an argument is unknown; the read waits (as with `enabled: false`). */
  args?: args;
  /** Another deployment of the same contract (a second pool); default: the named deployment's address. */
  address?: Address;
  /** Re-read on every new block (default: read once, then on invalidation after a transaction). */
  watch?: boolean;
  enabled?: boolean;
  staleTime?: number;
}

/**
 * A typed read of a deployed contract, after scaffold-eth-2's `useScaffoldReadContract`: the
 * contract name picks the ABI from the generated file, which then decides which view functions
 * exist, which arguments each takes and what it returns; a wrong one fails the type check.
 */
export function useScaffoldReadContract<
  N extends ContractName,
  fn extends ReadFunctionName<ContractAbi<N>>,
  const args extends ReadFunctionArgs<ContractAbi<N>, fn>,
>(parameters: ScaffoldReadParameters<N, fn, args>): UseReadContractReturnType<ContractAbi<N>, fn, args>;
// One read of any ABI through wagmi; the signature above gives callers the ABI's types.
export function useScaffoldReadContract({
  contractName,
  functionName,
  args,
  address,
  watch = false,
  enabled = true,
  staleTime,
}: ScaffoldReadParameters<ContractName, ReadFunctionName<Abi>, ReadFunctionArgs<Abi, ReadFunctionName<Abi>>>) {
  const contract = useDeployedContract(contractName);
  const block = useLatestBlock(watch);
  const target = address ?? contract?.address;
  const abi: Abi | undefined = contract?.abi;
  return useReadContract({
    abi,
    address: target,
    functionName,
    args,
    blockNumber: watch ? block : undefined,
    query: { enabled: enabled && Boolean(target && abi) && (!watch || block !== undefined), staleTime },
  });
}

/**
 * Typed writes to a deployed contract, after scaffold-eth-2's `useScaffoldWriteContract`: the
 * contract name picks the ABI; `write({ functionName, args })` then only accepts that ABI's
 * state-changing functions with their arguments. Each write goes through `useContractAction`
 * (simulate, sign, receipt, refresh), whose state, `busy`, `approveIfShort` and `reset` it returns.
 */
export function useScaffoldWriteContract<N extends ContractName>(contractName: N, address?: Address) {
  const contract = useDeployedContract(contractName);
  const action = useContractAction();
  const { run } = action;
  const target = address ?? contract?.address;
  const write = useMemo(() => writer<N>(run, contract?.abi, target), [run, contract, target]);
  return { ...action, write };
}

/** `write` of useScaffoldWriteContract: typed by the ABI of deployment `N` for its callers. */
function writer<N extends ContractName>(run: RunAction, abi: Abi | undefined, target: Address | undefined) {
  function write<
    fn extends WriteFunctionName<ContractAbi<N>>,
    const args extends WriteFunctionArgs<ContractAbi<N>, fn>,
  >(call: { functionName: fn; args: args }): Promise<boolean>;
  // Any function of any ABI; the signature above is what callers see.
  function write(call: { functionName: WriteFunctionName<Abi>; args: WriteFunctionArgs<Abi, WriteFunctionName<Abi>> }) {
    // Without a deployment on this chain the simulation fails, and the action shows why.
    return run({ abi: abi ?? [], address: target ?? zeroAddress, ...call });
  }
  return write;
}
