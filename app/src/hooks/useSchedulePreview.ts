"use client";

import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { abis } from "@/lib/contracts";
import { explainError } from "@/lib/errors";
import { type Loan, scheduleKind } from "@/lib/loans";
import { useDeployedAddress } from "./useDeployed";

/** The terms a borrower chooses, as the loan will store them. */
export type PreviewTerms = Pick<Loan, "principal" | "rateBps" | "count" | "period" | "kind" | "graceCount">;

export interface PreviewRow {
  index: number;
  dueDate: number;
  principal: bigint;
  interest: bigint;
}

/** Rows asked of the chain at most; longer schedules show their first rows and say so. */
export const PREVIEW_ROWS = 60;
const HUGE = 2n ** 200n;

/**
 * The repayment table of terms not yet requested, as if drawn down at `start`, computed by the
 * deployed LoanCalculator (the very code `repay` runs) through eth_call, so the app holds no copy
 * of the schedule math. Row k is what a payment made during period k takes for installment k:
 * `settle` from head k with an unlimited amount splits exactly that row's interest and principal
 * before prepaying. Invalid terms come back as the Schedule error, in words.
 */
export function useSchedulePreview(terms: PreviewTerms | undefined, start: number | undefined) {
  const calculator = useDeployedAddress("LoanCalculator");
  const client = usePublicClient();
  return useQuery({
    queryKey: [
      "schedule-preview",
      calculator,
      terms && { ...terms, principal: terms.principal.toString() },
      start !== undefined ? Math.floor(start / 3600) : undefined,
    ],
    enabled: Boolean(calculator && client && terms && start !== undefined),
    retry: false,
    staleTime: 60_000,
    queryFn: async () => {
      const t = terms!;
      const s = start!;
      const shown = Math.min(t.count, PREVIEW_ROWS);
      const onChainTerms = { ...t, start: s };
      const rowAt = async (k: number): Promise<PreviewRow> => {
        const dueDate = s + (k + 1) * t.period;
        if (t.kind === scheduleKind("Bullet") && k < t.count - 1)
          return { index: k, dueDate, principal: 0n, interest: 0n };
        const nowT = BigInt(s + k * t.period + 1);
        const [, split] = await client!.readContract({
          abi: abis.LoanCalculator,
          address: calculator!,
          functionName: "settle",
          args: [
            onChainTerms,
            { head: BigInt(k), headPaid: 0n, prepaid: 0n, fees: 0n, feesAccruedTo: nowT, maxDaysLate: 0n },
            HUGE,
            nowT,
            0n,
            0n,
          ],
        });
        return { index: k, dueDate, principal: split.principal, interest: split.interest };
      };
      try {
        const indexes = Array.from({ length: shown }, (_, k) => k);
        if (shown < t.count) indexes.push(t.count - 1);
        const rows = await Promise.all(indexes.map(rowAt));
        return { rows, truncated: shown < t.count };
      } catch (error) {
        throw new Error(explainError(error));
      }
    },
  });
}
