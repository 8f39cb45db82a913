"use client";

import { and, asc, desc, eq, inArray, lte } from "@ponder/client";
import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { type Address, BaseError, ContractFunctionRevertedError, getAddress, type Hash, isAddress } from "viem";
import { abis } from "@/lib/contracts";
import { schema } from "@/lib/indexer";
import { readMetadata } from "@/lib/receivables";
import { type Receivable, type StatusName, toReceivable } from "@/lib/invoice";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress, useDeployedContract } from "./useDeployed";
import { useIndexedQuery } from "./useIndexer";

export interface InvoiceRow {
  tokenId: bigint;
  invoiceNumber?: string;
  /** The canonical number the contract registered (ReceivableTokenized), which the debtor confirms. */
  registeredNumber: string;
  description?: string;
  receivable: Receivable;
  /** Undefined once cancelled: a cancelled invoice's token is burned. */
  holder?: Address;
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
const { invoice, invoiceEvent } = schema;

/** Statuses an invoice can still be paid (or disputed) in: what the overviews count. */
const OPEN: StatusName[] = ["Issued", "Acknowledged", "Disputed"];

/** An open invoice as the indexer has it: the terms and standing the overviews add up. */
export interface IndexedInvoice {
  tokenId: bigint;
  invoiceNumber?: string;
  receivable: Pick<
    Receivable,
    | "issuer"
    | "debtor"
    | "currency"
    | "faceValue"
    | "amountPaid"
    | "amountAttested"
    | "issueDate"
    | "dueDate"
    | "status"
  >;
  /** Who payments go to: the issuer itself, or the pool or vault that took the token. */
  holder?: Address;
}

/**
 * Open invoices (issued, acknowledged or disputed) where `party` is the issuer or the debtor,
 * newest first, from the indexer's invoice table, filtered by party and status in SQL.
 */
export function useOpenInvoices(filter: { issuer?: Address; debtor?: Address }) {
  const party = filter.issuer ?? filter.debtor;
  return useIndexedQuery({
    queryKey: ["open-invoices", filter.issuer, filter.debtor],
    enabled: Boolean(party),
    queryFn: async (db, atBlock): Promise<IndexedInvoice[]> => {
      const mine = filter.issuer
        ? eq(invoice.issuer, filter.issuer.toLowerCase() as Address)
        : eq(invoice.debtor, filter.debtor!.toLowerCase() as Address);
      const rows = await db
        .select()
        .from(invoice)
        .where(and(mine, inArray(invoice.status, OPEN), lte(invoice.createdBlock, atBlock)))
        .orderBy(desc(invoice.createdBlock), desc(invoice.createdLogIndex));
      return rows.map((r) => ({
        tokenId: r.tokenId,
        invoiceNumber: readMetadata(r.metadataURI).invoiceNumber,
        receivable: {
          issuer: getAddress(r.issuer),
          debtor: getAddress(r.debtor),
          currency: getAddress(r.currency),
          faceValue: r.faceValue,
          amountPaid: r.amountPaid,
          amountAttested: r.amountAttested,
          issueDate: Number(r.issueDate),
          dueDate: Number(r.dueDate),
          status: r.status as StatusName,
        },
        holder: r.holder ? getAddress(r.holder) : undefined,
      }));
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

/**
 * One invoice's current state and holder, from the chain: the page shows them whether or not the
 * indexer answers. Null when no invoice has this id.
 */
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
      const holder =
        receivable.status === "Cancelled"
          ? undefined
          : await client!.readContract({ abi, address: address!, functionName: "ownerOf", args: [tokenId!] });
      return { receivable, holder };
    },
  });
}

const eventAbis = [...abis.IReceivableToken, ...abis.IFinancingPool].filter((i) => i.type === "event");

/**
 * The indexer keeps a log's arguments as JSON, integers that do not fit a JS number as decimal
 * strings and addresses in lower case; the event's ABI says which are which, so they come back as
 * viem decodes them from the chain (bigints, checksummed addresses).
 */
function reviveArgs(event: string, args: Record<string, unknown>): Record<string, unknown> {
  const inputs = eventAbis.find((e) => e.name === event)?.inputs ?? [];
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => {
      const type = inputs.find((i) => i.name === k)?.type ?? "";
      if (typeof v === "string" && /^u?int/.test(type)) return [k, BigInt(v)];
      if (typeof v === "string" && isAddress(v, { strict: false })) return [k, getAddress(v)];
      return [k, v];
    }),
  );
}

/**
 * What the indexer knows of one invoice beyond its stored state: the number and metadata it was
 * tokenized with (emitted, never stored), the block it was tokenized in, and its history (the
 * token's events and the pools' financing) in chain order.
 */
export function useInvoiceHistory(tokenId: bigint | undefined) {
  return useIndexedQuery({
    queryKey: ["invoice-history", tokenId?.toString()],
    enabled: tokenId !== undefined,
    queryFn: async (db, atBlock) => {
      const [row] = await db.select().from(invoice).where(eq(invoice.tokenId, tokenId!));
      const events = await db
        .select()
        .from(invoiceEvent)
        .where(and(eq(invoiceEvent.tokenId, tokenId!), lte(invoiceEvent.blockNumber, atBlock)))
        .orderBy(asc(invoiceEvent.blockNumber), asc(invoiceEvent.logIndex));
      const timeline: TimelineEntry[] = events.map((e) => ({
        name: e.event,
        args: reviveArgs(e.event, e.args),
        blockNumber: e.blockNumber,
        logIndex: e.logIndex,
        tx: e.tx,
        timestamp: Number(e.timestamp),
      }));
      return {
        metadata: readMetadata(row?.metadataURI),
        registeredNumber: row?.number,
        createdBlock: row?.createdBlock,
        timeline,
      };
    },
  });
}

/**
 * The number and metadata an invoice was tokenized with, read from its one tokenizing log, for
 * when the indexer cannot be reached: the log is found by its indexed token id, between the
 * token's deployment block and the chain's head, never from block 0.
 */
export function useTokenizedFromChain(tokenId: bigint | undefined, enabled: boolean) {
  const deployed = useDeployedContract("ReceivableToken");
  const client = usePublicClient();
  return useQuery({
    queryKey: ["tokenized-log", deployed?.address, tokenId?.toString()],
    enabled: Boolean(enabled && deployed && client && tokenId !== undefined),
    staleTime: Infinity, // a log that happened does not change
    queryFn: async () => {
      const [log] = await client!.getContractEvents({
        abi,
        address: deployed!.address,
        eventName: "ReceivableTokenized",
        args: { tokenId: tokenId! },
        fromBlock: BigInt(deployed!.deployedOnBlock),
      });
      return log
        ? { metadata: readMetadata(log.args.metadataURI), registeredNumber: log.args.invoiceNumber }
        : { metadata: {}, registeredNumber: undefined };
    },
  });
}
