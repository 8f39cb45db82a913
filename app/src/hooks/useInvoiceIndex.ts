"use client";

import { usePublicClient } from "wagmi";
import type { Address, Hash } from "viem";
import { abis } from "@/lib/contracts";
import { readMetadata } from "@/lib/receivables";
import { toReceivable } from "@/lib/invoice";
import type { InvoiceRow } from "./useReceivables";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

const abi = abis.IReceivableToken;

/** What the events alone say about one invoice: enough to list, split and page it. */
export interface InvoiceIndexEntry {
  tokenId: bigint;
  invoiceNumber?: string;
  /** The canonical number the contract registered, which the debtor confirms. */
  registeredNumber: string;
  description?: string;
  tokenizedTx: Hash;
  /** Fully paid (on chain or attested) or cancelled, by the events. */
  closed: boolean;
}

/**
 * Every invoice where `party` is the issuer or the debtor, newest first, from three log queries
 * (tokenized, fully paid or attested, cancelled) whatever the number of invoices. The stored
 * state is read per page (`useInvoicePage`), never for the whole list.
 */
export function useInvoiceIndex(filter: { issuer?: Address; debtor?: Address }) {
  const address = useDeployedAddress("ReceivableToken");
  const client = usePublicClient();
  const party = filter.issuer ?? filter.debtor;
  return useBlockQuery({
    queryKey: ["invoice-index", address, filter.issuer, filter.debtor],
    enabled: Boolean(address && client && party),
    queryFn: async (): Promise<InvoiceIndexEntry[]> => {
      const [tokenized, paid, attested, cancelled] = await Promise.all([
        client!.getContractEvents({
          abi,
          address: address!,
          eventName: "ReceivableTokenized",
          args: filter.issuer ? { issuer: filter.issuer } : { debtor: filter.debtor },
          fromBlock: 0n,
        }),
        client!.getContractEvents({ abi, address: address!, eventName: "ReceivablePaid", fromBlock: 0n }),
        client!.getContractEvents({ abi, address: address!, eventName: "ReceivablePaymentAttested", fromBlock: 0n }),
        client!.getContractEvents({ abi, address: address!, eventName: "ReceivableCancelled", fromBlock: 0n }),
      ]);
      const closed = new Set<bigint>([
        ...paid.filter((l) => l.args.fullyPaid).map((l) => l.args.tokenId!),
        ...attested.filter((l) => l.args.fullyPaid).map((l) => l.args.tokenId!),
        ...cancelled.map((l) => l.args.tokenId!),
      ]);
      return tokenized
        .map((log) => ({
          tokenId: log.args.tokenId!,
          ...readMetadata(log.args.metadataURI),
          registeredNumber: log.args.invoiceNumber!,
          tokenizedTx: log.transactionHash!,
          closed: closed.has(log.args.tokenId!),
        }))
        .reverse();
    },
  });
}

/**
 * The stored state and holder of one page of invoices: two reads per row, sent together (the
 * transport batches them into one JSON-RPC request).
 */
export function useInvoicePage(entries: InvoiceIndexEntry[]) {
  const address = useDeployedAddress("ReceivableToken");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["invoice-page", address, entries.map((e) => e.tokenId.toString()).join(",")],
    enabled: Boolean(address && client && entries.length > 0),
    queryFn: async (): Promise<InvoiceRow[]> =>
      Promise.all(
        entries.map(async (entry) => {
          const receivable = toReceivable(
            await client!.readContract({ abi, address: address!, functionName: "receivable", args: [entry.tokenId] }),
          );
          const holder =
            receivable.status === "Cancelled"
              ? undefined
              : await client!.readContract({ abi, address: address!, functionName: "ownerOf", args: [entry.tokenId] });
          return { ...entry, receivable, holder };
        }),
      ),
  });
}
