"use client";

import { and, count, desc, eq, gte, inArray, ne } from "@ponder/client";
import { usePublicClient, useReadContract } from "wagmi";
import { type Address, type PublicClient, erc1155Abi, getAddress } from "viem";
import { abis } from "@/lib/contracts";
import { PAGE_SIZE, clampPage } from "@/components/Pager";
import { type indexer, schema } from "@/lib/indexer";
import { type Loan, toLoan } from "@/lib/loans";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";
import { useIndexedQuery } from "./useIndexer";

const { loan: loanTable, loanEvent } = schema;

export interface LoanView extends Loan {
  /** The viewer's note units (principal it funded and still holds). */
  notes: bigint;
  /** What the viewer can claim now. */
  claimable: bigint;
}

const abi = abis.LoanManager;

/** The address of the lenders' ERC-1155 notes, read from the manager. */
export function useNotesAddress() {
  const manager = useDeployedAddress("LoanManager");
  return useReadContract({
    abi,
    address: manager,
    functionName: "notes",
    query: { enabled: Boolean(manager), staleTime: Infinity },
  }).data as Address | undefined;
}

/** One loan's stored state with the viewer's notes and claimable share (zero without a viewer). */
async function readLoanView(
  client: PublicClient,
  manager: Address,
  notes: Address,
  id: bigint,
  viewer: Address | undefined,
): Promise<LoanView> {
  const [raw, held, claimable] = await Promise.all([
    client.readContract({ abi, address: manager, functionName: "loan", args: [id] }),
    viewer
      ? client.readContract({ abi: erc1155Abi, address: notes, functionName: "balanceOf", args: [viewer, id] })
      : 0n,
    viewer ? client.readContract({ abi, address: manager, functionName: "claimable", args: [id, viewer] }) : 0n,
  ]);
  return { ...toLoan(id, raw), notes: held, claimable };
}

/** Which loans a list shows: the filters run in the indexer's SQL, not in the browser. */
export interface LoanFilter {
  borrower?: Address;
  /** Any of these statuses (as the indexer's loan table has them). */
  statuses?: Loan["status"][];
}

function loanWhere(filter: LoanFilter) {
  return and(
    filter.borrower ? eq(loanTable.borrower, filter.borrower) : undefined,
    filter.statuses ? inArray(loanTable.status, filter.statuses) : undefined,
  );
}

/**
 * The loans matching `filter` (newest first), found in the indexer's loan table, each with its
 * stored state read from the manager (and, with a viewer, the viewer's notes and claimable share).
 * Refreshed when the indexer indexes a new block.
 */
export function useLoans(viewer: Address | undefined, filter: LoanFilter = {}) {
  const manager = useDeployedAddress("LoanManager");
  const notes = useNotesAddress();
  const client = usePublicClient();
  return useIndexedQuery({
    queryKey: ["loans", client?.chain.id, manager, notes, viewer, filter.borrower, filter.statuses?.join(",")],
    enabled: Boolean(manager && client && notes),
    queryFn: async (db): Promise<LoanView[]> => {
      const ids = await db
        .select({ id: loanTable.loanId })
        .from(loanTable)
        .where(loanWhere(filter))
        .orderBy(desc(loanTable.loanId));
      return Promise.all(ids.map(({ id }) => readLoanView(client!, manager!, notes!, id, viewer)));
    },
  });
}

/** The installment table, what is due now and the payoff quote of an active loan. */
export function useLoanDetails(loanId: bigint, enabled: boolean) {
  const lens = useDeployedAddress("LoanLens");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["loan-details", lens, loanId.toString()],
    enabled: Boolean(lens && client && enabled),
    queryFn: async () => {
      const [rows, due, quote] = await Promise.all([
        client!.readContract({ abi: abis.LoanLens, address: lens!, functionName: "installments", args: [loanId] }),
        client!.readContract({ abi: abis.LoanLens, address: lens!, functionName: "amountDue", args: [loanId] }),
        client!.readContract({ abi: abis.LoanLens, address: lens!, functionName: "payoffQuote", args: [loanId] }),
      ]);
      const [fees, interest, principal, total] = quote;
      return { rows, due, quote: { fees, interest, principal, total } };
    },
  });
}

/** What the indexer's loan table says about one loan: enough to place it in a list. */
export interface LoanIndexEntry {
  id: bigint;
  borrower: Address;
  status: Loan["status"];
  fundingDeadline: number;
}

/** The lists of the loans page, each a query over the indexer's loan table. */
export type LoanList =
  | { kind: "toUnderwrite" }
  | { kind: "borrowedBy"; borrower: Address }
  /** Open for funding to `viewer`: funding, not its own, deadline not passed at `now`. */
  | { kind: "open"; viewer: Address; now: number }
  /** Loans `lender` funded (it may hold notes or have something to claim). */
  | { kind: "fundedBy"; lender: Address };

type IndexerDb = typeof indexer.db;

/** The SQL condition of a list (the SQL endpoint takes no subquery: a lender's loans are found first). */
async function listWhere(db: IndexerDb, list: LoanList) {
  switch (list.kind) {
    case "toUnderwrite":
      return inArray(loanTable.status, ["Pending", "Offered"]);
    case "borrowedBy":
      return eq(loanTable.borrower, list.borrower);
    case "open":
      return and(
        eq(loanTable.status, "Funding"),
        ne(loanTable.borrower, list.viewer),
        gte(loanTable.fundingDeadline, BigInt(list.now)),
      );
    case "fundedBy": {
      const funded = await db
        .select({ id: loanEvent.loanId })
        .from(loanEvent)
        .where(and(eq(loanEvent.name, "Funded"), eq(loanEvent.actor, list.lender)))
        .groupBy(loanEvent.loanId);
      return inArray(
        loanTable.loanId,
        funded.map((f) => f.id),
      );
    }
  }
}

/**
 * One page (newest first) of a list of loans and the list's length, filtered, counted and paged
 * in the indexer's SQL. Stored state is read for the page only (`useLoanPage`).
 */
export function useLoanList(list: LoanList, page: number) {
  return useIndexedQuery({
    queryKey: ["loan-list", list, page],
    enabled: true,
    queryFn: async (db) => {
      const where = await listWhere(db, list);
      const [{ total: counted }] = await db.select({ total: count() }).from(loanTable).where(where);
      const total = Number(counted);
      // A shrinking list (the last loan of a page approved) shows the last page that exists.
      const shown = clampPage(page, total);
      const rows = await db
        .select({
          id: loanTable.loanId,
          borrower: loanTable.borrower,
          status: loanTable.status,
          fundingDeadline: loanTable.fundingDeadline,
        })
        .from(loanTable)
        .where(where)
        .orderBy(desc(loanTable.loanId))
        .limit(PAGE_SIZE)
        .offset(shown * PAGE_SIZE);
      return {
        total,
        page: shown,
        rows: rows.map((r) => ({
          id: r.id,
          borrower: getAddress(r.borrower),
          status: r.status as Loan["status"],
          fundingDeadline: Number(r.fundingDeadline),
        })),
      };
    },
  });
}

/** Stored state, the viewer's notes and claimable share for one page of loans (reads batched). */
export function useLoanPage(ids: bigint[], viewer: Address | undefined) {
  const manager = useDeployedAddress("LoanManager");
  const notes = useNotesAddress();
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["loan-page", manager, notes, viewer, ids.join(",")],
    enabled: Boolean(manager && client && notes && ids.length > 0),
    queryFn: async (): Promise<LoanView[]> =>
      Promise.all(ids.map((id) => readLoanView(client!, manager!, notes!, id, viewer))),
  });
}
