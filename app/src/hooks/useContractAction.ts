"use client";

import { useCallback, useMemo, useState } from "react";
import { type ResolvedRegister, useConfig } from "wagmi";
import {
  type SimulateContractParameters,
  readContract,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "wagmi/actions";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  erc20Abi,
} from "viem";
import { explainError } from "@/lib/errors";
import { invalidateAfter } from "@/lib/refresh";

export type TxState =
  | { status: "idle" }
  | { status: "simulating" }
  | { status: "signing" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash; blockNumber: bigint }
  | { status: "failed"; message: string; hash?: Hash };

/** State-changing functions: the ones a transaction can call. */
export type WriteMutability = "nonpayable" | "payable";
export type WriteFunctionName<abi extends Abi> = ContractFunctionName<abi, WriteMutability>;
export type WriteFunctionArgs<abi extends Abi, fn extends WriteFunctionName<abi>> = ContractFunctionArgs<
  abi,
  WriteMutability,
  fn
>;

/**
 * One contract call: the ABI (as const) decides which function names exist and which arguments
 * each takes, so a misspelled function or a wrong argument fails the type check.
 */
export type ActionRequest<
  abi extends Abi,
  fn extends WriteFunctionName<abi>,
  args extends WriteFunctionArgs<abi, fn>,
> = SimulateContractParameters<abi, fn, args, AppConfig, undefined>;

type AppConfig = ResolvedRegister["config"];

/** Simulates, signs and follows one call; true once its receipt is in and succeeded. */
export type RunAction = ReturnType<typeof actionRunner>;

interface Pull {
  token: Address;
  owner: Address;
  spender: Address;
  amount: bigint;
}

/**
 * The runner behind `useContractAction().run`: typed for its callers by the ABI they pass (the
 * first signature); inside, a request of any ABI goes through wagmi's own simulate → write →
 * receipt sequence (the implementation signature), which TypeScript cannot follow generically.
 */
function actionRunner(config: AppConfig, queryClient: QueryClient, setState: (state: TxState) => void) {
  async function run<
    const abi extends Abi,
    fn extends WriteFunctionName<abi>,
    const args extends WriteFunctionArgs<abi, fn>,
  >(request: ActionRequest<abi, fn, args>): Promise<boolean>;
  async function run(
    request: SimulateContractParameters<Abi, string, readonly unknown[], AppConfig>,
  ): Promise<boolean> {
    let hash: Hash | undefined;
    try {
      setState({ status: "simulating" });
      const { request: prepared } = await simulateContract(config, request);
      setState({ status: "signing" });
      hash = await writeContract(config, prepared);
      setState({ status: "pending", hash });
      const receipt = await waitForTransactionReceipt(config, { hash });
      if (receipt.status !== "success") throw new Error("The transaction was reverted on chain.");
      setState({ status: "confirmed", hash, blockNumber: receipt.blockNumber });
      await invalidateAfter(queryClient, receipt);
      return true;
    } catch (error) {
      setState({ status: "failed", message: explainError(error), hash });
      return false;
    }
  }
  return run;
}

/**
 * Simulates a contract call, and only if the simulation passes asks the wallet to sign it;
 * then tracks it to its receipt and refreshes the reads it could have changed (lib/refresh.ts).
 * A rejected or reverted call ends in "failed" with one sentence; the caller's form state is
 * untouched either way. `busy` is true from the simulation to the receipt, so forms cannot send
 * twice meanwhile.
 */
export function useContractAction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TxState>({ status: "idle" });

  const run = useMemo(() => actionRunner(config, queryClient, setState), [config, queryClient]);

  /**
   * Approves exactly `amount` when the allowance is short of it (never an open-ended approval);
   * false when the allowance could not be read or the approval was rejected or failed, so the
   * caller stops before the pull, with the reason shown as the action's failure.
   */
  const approveIfShort = useCallback(
    async ({ token, owner, spender, amount }: Pull): Promise<boolean> => {
      let allowance: bigint;
      try {
        allowance = await readContract(config, {
          abi: erc20Abi,
          address: token,
          functionName: "allowance",
          args: [owner, spender],
        });
      } catch (error) {
        setState({ status: "failed", message: explainError(error) });
        return false;
      }
      if (allowance >= amount) return true;
      return run({ abi: erc20Abi, address: token, functionName: "approve", args: [spender, amount] });
    },
    [config, run],
  );

  const busy = state.status === "simulating" || state.status === "signing" || state.status === "pending";
  return { state, busy, run, approveIfShort, reset: () => setState({ status: "idle" }) };
}
