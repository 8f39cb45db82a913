"use client";

import { usePublicClient, useReadContract } from "wagmi";
import { type Address, type PublicClient, erc1155Abi } from "viem";
import { abis, enumMember } from "@/lib/contracts";
import { type Loan, toLoan } from "@/lib/loans";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

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

/**
 * Every loan of the manager, found through its LoanRequested events, with its stored state and
 * (when a viewer is given) the viewer's notes and claimable share. Refreshed on every block.
 */
export function useLoans(viewer: Address | undefined) {
  const manager = useDeployedAddress("LoanManager");
  const notes = useNotesAddress();
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["loans", manager, notes, viewer],
    enabled: Boolean(manager && client && notes),
    queryFn: async (): Promise<LoanView[]> => {
      const logs = await client!.getContractEvents({
        abi,
        address: manager!,
        eventName: "LoanRequested",
        fromBlock: 0n,
      });
      const rows = await Promise.all(
        logs.map((log) => readLoanView(client!, manager!, notes!, log.args.loanId!, viewer)),
      );
      return rows.reverse();
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

/** What the manager's events alone say about one loan: enough to sort it into a list and page it. */
export interface LoanIndexEntry {
  id: bigint;
  borrower: Address;
  status: Loan["status"];
  fundingDeadline: number;
  /** The viewer funded it (it may hold notes or have something to claim). */
  fundedByViewer: boolean;
}

const statusAfter: Record<string, Loan["status"]> = {
  LoanRequested: "Pending",
  LoanOffered: "Offered",
  LoanApproved: "Funding",
  LoanDrawnDown: "Active",
  LoanPaidOff: "Repaid",
  LoanDefaulted: "Defaulted",
};

/**
 * Every loan, newest first, with its status folded from the manager's life-cycle events: one
 * log query whatever the number of loans. Stored state is read per page (`useLoanPage`).
 */
export function useLoanIndex(viewer: Address | undefined) {
  const manager = useDeployedAddress("LoanManager");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["loan-index", manager, viewer],
    enabled: Boolean(manager && client),
    queryFn: async (): Promise<LoanIndexEntry[]> => {
      const logs = await client!.getContractEvents({ abi, address: manager!, fromBlock: 0n });
      const loans = new Map<bigint, LoanIndexEntry>();
      for (const log of logs) {
        const args = log.args as Record<string, unknown>;
        const id = args.loanId as bigint | undefined;
        if (id === undefined) continue;
        if (log.eventName === "LoanRequested") {
          loans.set(id, {
            id,
            borrower: args.borrower as Address,
            status: "Pending",
            fundingDeadline: Number(args.fundingDeadline),
            fundedByViewer: false,
          });
          continue;
        }
        const entry = loans.get(id);
        if (!entry) continue;
        if (log.eventName === "LoanClosedUnfunded")
          entry.status =
            enumMember("ILoanManager.Status", Number(args.status), "None") === "Expired" ? "Expired" : "Cancelled";
        else if (statusAfter[log.eventName]) entry.status = statusAfter[log.eventName];
        if (
          log.eventName === "LoanFunded" &&
          viewer &&
          (args.lender as string).toLowerCase() === viewer.toLowerCase()
        ) {
          entry.fundedByViewer = true;
        }
      }
      return [...loans.values()].reverse();
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
