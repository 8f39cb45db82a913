"use client";

import type { Address } from "viem";
import { usePublicClient } from "wagmi";
import { abis, enums } from "@/lib/contracts";
import { type LoanStatus, loanStatuses } from "@/lib/loans";
import { useBlockQuery } from "./useBlockQuery";
import { usePoolLedger } from "./useLedgers";

/** IFinancingPool.LoanStatus, in enum order: the pool-side state of a loan it funded. */
const positionStatuses = enums["IFinancingPool.LoanStatus"];

export interface PoolLoan {
  manager: Address;
  loanId: bigint;
  borrower: Address;
  loanStatus: LoanStatus;
  fundingDeadline: number;
  position: {
    funded: bigint;
    principal: bigint;
    principalReceived: bigint;
    income: bigint;
    status: (typeof positionStatuses)[number];
  };
  /** What the escrow would pay the pool now: its share of repayments, or its refund. */
  claimable: bigint;
}

/** Every loan the pool funded (newest first), as the pool books it and as the escrow owes it. */
export function usePoolLoans(pool: Address | undefined) {
  const ledger = usePoolLedger(pool);
  const client = usePublicClient();
  const refs = ledger.data?.loans;
  const query = useBlockQuery({
    queryKey: ["pool-loans", pool, refs?.length],
    enabled: Boolean(pool && client && refs),
    queryFn: async (): Promise<PoolLoan[]> => {
      const c = client!;
      const rows = await Promise.all(
        refs!.map(async ({ manager, loanId }) => {
          const [position, loan, claimable] = await Promise.all([
            c.readContract({
              abi: abis.FinancingPool,
              address: pool!,
              functionName: "loanPosition",
              args: [manager, loanId],
            }),
            c.readContract({ abi: abis.LoanManager, address: manager, functionName: "loan", args: [loanId] }),
            c.readContract({
              abi: abis.LoanManager,
              address: manager,
              functionName: "claimable",
              args: [loanId, pool!],
            }),
          ]);
          return {
            manager,
            loanId,
            borrower: loan.borrower,
            loanStatus: loanStatuses[loan.status] ?? "None",
            fundingDeadline: Number(loan.fundingDeadline),
            position: { ...position, status: positionStatuses[position.status] ?? "None" },
            claimable,
          };
        }),
      );
      return rows.reverse();
    },
  });
  return { ...query, isError: query.isError || ledger.isError, error: query.error ?? ledger.error };
}
