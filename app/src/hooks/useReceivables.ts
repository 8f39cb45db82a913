"use client";

import { usePublicClient } from "wagmi";
import { type Address, BaseError, ContractFunctionRevertedError, type Hash } from "viem";
import { abis } from "@/lib/contracts";
import { readMetadata } from "@/lib/receivables";
import { type Receivable, toReceivable } from "@/lib/invoice";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

export interface InvoiceRow {
  tokenId: bigint;
  invoiceNumber?: string;
  /** The canonical number the contract registered (ReceivableTokenized), which the debtor confirms. */
  registeredNumber: string;
  description?: string;
  receivable: Receivable;
  /** Undefined once cancelled: a cancelled invoice's token is burned. */
  holder?: Address;
  tokenizedTx: Hash;
}

export interface TimelineEntry {
  name: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  tx: Hash;
  timestamp?: number;
}

const abi = abis.IReceivableToken;

/**
 * Invoices where `party` is the issuer or the debtor, read from ReceivableTokenized events
 * (filtered by the indexed party) and then their current state from storage.
 */
export function useInvoices(filter: { issuer?: Address; debtor?: Address }) {
  const address = useDeployedAddress("ReceivableToken");
  const client = usePublicClient();
  const party = filter.issuer ?? filter.debtor;
  return useBlockQuery({
    queryKey: ["invoices", address, filter.issuer, filter.debtor],
    enabled: Boolean(address && client && party),
    queryFn: async (): Promise<InvoiceRow[]> => {
      const logs = await client!.getContractEvents({
        abi,
        address: address!,
        eventName: "ReceivableTokenized",
        args: filter.issuer ? { issuer: filter.issuer } : { debtor: filter.debtor },
        fromBlock: 0n,
      });
      const rows = await Promise.all(
        logs.map(async (log) => {
          const tokenId = log.args.tokenId!;
          const raw = await client!.readContract({
            abi,
            address: address!,
            functionName: "receivable",
            args: [tokenId],
          });
          const receivable = toReceivable(raw);
          const holder =
            receivable.status === "Cancelled"
              ? undefined
              : await client!.readContract({ abi, address: address!, functionName: "ownerOf", args: [tokenId] });
          return {
            tokenId,
            ...readMetadata(log.args.metadataURI),
            registeredNumber: log.args.invoiceNumber!,
            receivable,
            holder,
            tokenizedTx: log.transactionHash!,
          };
        }),
      );
      return rows.reverse();
    },
  });
}

type Client = NonNullable<ReturnType<typeof usePublicClient>>;

/** The stored invoice, or undefined when no invoice has this id (the view reverts then). */
export async function readReceivable(client: Client, address: Address, tokenId: bigint) {
  try {
    return await client.readContract({ abi, address, functionName: "receivable", args: [tokenId] });
  } catch (error) {
    if (error instanceof BaseError) {
      const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
      if (reverted instanceof ContractFunctionRevertedError && reverted.data?.errorName === "ReceivableNotFound") {
        return undefined;
      }
    }
    throw error;
  }
}

/** One invoice: stored state, holder, and its whole history rebuilt from the contract's events. */
export function useInvoice(tokenId: bigint | undefined) {
  const address = useDeployedAddress("ReceivableToken");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["invoice", address, tokenId?.toString()],
    enabled: Boolean(address && client && tokenId !== undefined),
    queryFn: async () => {
      const raw = await readReceivable(client!, address!, tokenId!);
      if (!raw) return null;
      const receivable = toReceivable(raw);
      const [holder, logs] = await Promise.all([
        receivable.status === "Cancelled"
          ? undefined
          : client!.readContract({ abi, address: address!, functionName: "ownerOf", args: [tokenId!] }),
        client!.getContractEvents({ abi, address: address!, fromBlock: 0n }),
      ]);
      const mine = logs.filter((l) => (l.args as { tokenId?: bigint }).tokenId === tokenId);
      const blocks = new Map<bigint, number>();
      await Promise.all(
        [...new Set(mine.map((l) => l.blockNumber!))].map(async (n) => {
          const b = await client!.getBlock({ blockNumber: n });
          blocks.set(n, Number(b.timestamp));
        }),
      );
      const timeline: TimelineEntry[] = mine.map((l) => ({
        name: l.eventName,
        args: l.args as Record<string, unknown>,
        blockNumber: l.blockNumber!,
        logIndex: l.logIndex!,
        tx: l.transactionHash!,
        timestamp: blocks.get(l.blockNumber!),
      }));
      const tokenized = mine.find((l) => l.eventName === "ReceivableTokenized");
      const tokenizedArgs = tokenized?.args as { metadataURI?: string; invoiceNumber?: string } | undefined;
      const metadata = readMetadata(tokenizedArgs?.metadataURI);
      return { receivable, holder, timeline, metadata, registeredNumber: tokenizedArgs?.invoiceNumber };
    },
  });
}
