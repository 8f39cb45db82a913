"use client";

import { useQuery } from "@tanstack/react-query";
import { useChainId, usePublicClient } from "wagmi";
import { type Address, type Hash, TransactionReceiptNotFoundError, decodeEventLog, decodeFunctionData } from "viem";
import { deploymentAt } from "@/lib/contracts";

export interface DecodedTxLog {
  logIndex: number;
  address: Address;
  contract?: string;
  eventName?: string;
  args?: Record<string, unknown>;
}

/** Which deployed contract an address is, with its ABI from the generated file. */
function contractAt(chainId: number, address: Address | null | undefined) {
  return address ? deploymentAt(chainId, address) : undefined;
}

/** One transaction: receipt, call and logs decoded with the ABIs of the contracts deployed here. */
export function useTransaction(hash: Hash | undefined) {
  const client = usePublicClient();
  const chainId = useChainId();
  return useQuery({
    queryKey: ["tx", chainId, hash],
    enabled: Boolean(client && hash),
    queryFn: async () => {
      let receipt;
      try {
        receipt = await client!.getTransactionReceipt({ hash: hash! });
      } catch (error) {
        if (error instanceof TransactionReceiptNotFoundError) return null;
        throw error;
      }
      const [tx, block] = await Promise.all([
        client!.getTransaction({ hash: hash! }),
        client!.getBlock({ blockNumber: receipt.blockNumber }),
      ]);
      const target = contractAt(chainId, receipt.to);
      let functionName: string | undefined;
      if (target) {
        try {
          functionName = decodeFunctionData({ abi: target.abi, data: tx.input }).functionName;
        } catch {
          functionName = undefined;
        }
      }
      const logs: DecodedTxLog[] = receipt.logs.map((log) => {
        const c = contractAt(chainId, log.address);
        const base = { logIndex: log.logIndex, address: log.address, contract: c?.name };
        if (!c) return base;
        try {
          const decoded = decodeEventLog({ abi: c.abi, data: log.data, topics: log.topics });
          return { ...base, eventName: decoded.eventName, args: (decoded.args ?? {}) as Record<string, unknown> };
        } catch {
          return base;
        }
      });
      return { receipt, tx, timestamp: Number(block.timestamp), target: target?.name, functionName, logs };
    },
  });
}
