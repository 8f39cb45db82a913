"use client";

import { useCallback, useState } from "react";
import { useConfig } from "wagmi";
import { readContract, simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { useQueryClient } from "@tanstack/react-query";
import { type Abi, type Address, type Hash, erc20Abi } from "viem";
import { explainError } from "@/lib/errors";

export type TxState =
  | { status: "idle" }
  | { status: "simulating" }
  | { status: "signing" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash; blockNumber: bigint }
  | { status: "failed"; message: string; hash?: Hash };

interface ActionRequest {
  abi: Abi;
  address: `0x${string}`;
  functionName: string;
  args?: readonly unknown[];
}

interface Pull {
  token: Address;
  owner: Address;
  spender: Address;
  amount: bigint;
}

/**
 * Simulates a contract call, and only if the simulation passes asks the wallet to sign it;
 * then tracks it to its receipt and refreshes every cached read. A rejected or reverted call
 * ends in "failed" with one sentence; the caller's form state is untouched either way.
 * `busy` is true from the simulation to the receipt, so forms cannot send twice meanwhile.
 */
export function useContractAction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TxState>({ status: "idle" });

  const run = useCallback(
    async (request: ActionRequest): Promise<boolean> => {
      let hash: Hash | undefined;
      try {
        setState({ status: "simulating" });
        const { request: prepared } = await simulateContract(config, request as never);
        setState({ status: "signing" });
        hash = await writeContract(config, prepared as never);
        setState({ status: "pending", hash });
        const receipt = await waitForTransactionReceipt(config, { hash });
        if (receipt.status !== "success") throw new Error("The transaction was reverted on chain.");
        setState({ status: "confirmed", hash, blockNumber: receipt.blockNumber });
        await queryClient.invalidateQueries();
        return true;
      } catch (error) {
        setState({ status: "failed", message: explainError(error), hash });
        return false;
      }
    },
    [config, queryClient],
  );

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
