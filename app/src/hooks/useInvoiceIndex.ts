"use client";

import { and, count, desc, eq, inArray, lte, notInArray } from "@ponder/client";
import { usePublicClient } from "wagmi";
import type { Address } from "viem";
import { PAGE_SIZE, clampPage } from "@/components/Pager";
import { abis } from "@/lib/contracts";
import { schema } from "@/lib/indexer";
import { readMetadata } from "@/lib/receivables";
import { toReceivable } from "@/lib/invoice";
import type { InvoiceRow } from "./useReceivables";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";
import { useIndexedQuery } from "./useIndexer";

const abi = abis.IReceivableToken;
const { invoice } = schema;

/** Statuses after which nothing is left to do on an invoice: paid (on chain or attested) or cancelled. */
const CLOSED = ["Paid", "Cancelled"];

/** What the indexer says about one invoice: enough to list, split and page it. */
export interface InvoiceIndexEntry {
  tokenId: bigint;
  invoiceNumber?: string;
  /** The canonical number the contract registered, which the debtor confirms. */
  registeredNumber: string;
  description?: string;
  /** Paid in full (on chain or attested) or cancelled, as the indexer has it. */
  closed: boolean;
}

/** Whose invoices (issued by or addressed to one party), and optionally only open or closed ones. */
export interface InvoiceFilter {
  issuer?: Address;
  debtor?: Address;
  closed?: boolean;
}

function whereOf(filter: InvoiceFilter, atBlock: bigint) {
  const party = filter.issuer
    ? eq(invoice.issuer, filter.issuer.toLowerCase() as Address)
    : eq(invoice.debtor, filter.debtor!.toLowerCase() as Address);
  const state =
    filter.closed === undefined
      ? undefined
      : filter.closed
        ? inArray(invoice.status, CLOSED)
        : notInArray(invoice.status, CLOSED);
  return and(party, state, lte(invoice.createdBlock, atBlock));
}

/**
 * One page (PAGE_SIZE) of the invoices `filter` selects, newest first, counted, filtered and paged
 * by the indexer's SQL, so the browser reads one page whatever the number of invoices. The page
 * asked for is clamped to the last one, so a shrinking list never shows an empty page. The stored
 * state of the page's rows is read from the chain by `useInvoicePage`.
 */
export function useInvoiceIndex(filter: InvoiceFilter, page = 0) {
  const party = filter.issuer ?? filter.debtor;
  return useIndexedQuery({
    queryKey: ["invoice-index", filter.issuer, filter.debtor, filter.closed, page],
    enabled: Boolean(party),
    queryFn: async (db, atBlock) => {
      const where = whereOf(filter, atBlock);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(invoice).where(where);
      const shown = clampPage(page, total);
      const rows = await db
        .select({
          tokenId: invoice.tokenId,
          number: invoice.number,
          metadataURI: invoice.metadataURI,
          status: invoice.status,
        })
        .from(invoice)
        .where(where)
        .orderBy(desc(invoice.createdBlock), desc(invoice.createdLogIndex))
        .limit(PAGE_SIZE)
        .offset(shown * PAGE_SIZE);
      const entries: InvoiceIndexEntry[] = rows.map((r) => ({
        tokenId: r.tokenId,
        ...readMetadata(r.metadataURI),
        registeredNumber: r.number,
        closed: CLOSED.includes(r.status),
      }));
      return { entries, total, page: shown };
    },
  });
}

/** How many of a party's invoices are open and how many closed: what its page splits on. */
export function useInvoiceCounts(filter: { issuer?: Address; debtor?: Address }) {
  const party = filter.issuer ?? filter.debtor;
  return useIndexedQuery({
    queryKey: ["invoice-counts", filter.issuer, filter.debtor],
    enabled: Boolean(party),
    queryFn: async (db, atBlock) => {
      const [[open], [closed]] = await Promise.all([
        db
          .select({ n: count() })
          .from(invoice)
          .where(whereOf({ ...filter, closed: false }, atBlock)),
        db
          .select({ n: count() })
          .from(invoice)
          .where(whereOf({ ...filter, closed: true }, atBlock)),
      ]);
      return { open: open?.n ?? 0, closed: closed?.n ?? 0 };
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
