"use client";

import { and, eq, gte, inArray, lte, sum } from "@ponder/client";
import type { Address } from "viem";
import { schema } from "@/lib/indexer";
import { useIndexedQuery } from "./useIndexer";

const { flow } = schema;

/** The flow-table rows that are cash reaching an SME, by the event that moved it. */
const SOURCES = {
  fromDebtors: "ReceivableToken.ReceivablePaid",
  fromAdvances: "FinancingPool.ReceivableFinanced",
  fromForwarded: "FinancingPool.ReceivablePaymentForwarded",
  fromLoans: "LoanManager.LoanDrawnDown",
} as const;

/**
 * Cash that reached `sme` since `since` (seconds, chain time), by source, summed by the indexer
 * over its flow table: debtors' payments to it as the invoice holder, advances from any pool, a
 * pool forwarding the rest of a paid invoice, and loans drawn down.
 */
export function useCashReceived(sme: Address | undefined, since: number | undefined) {
  return useIndexedQuery({
    queryKey: ["cash-received", sme, since],
    enabled: Boolean(sme && since !== undefined),
    queryFn: async (db, atBlock) => {
      const totals = await db
        .select({ source: flow.source, amount: sum(flow.amount) })
        .from(flow)
        .where(
          and(
            eq(flow.to, sme!.toLowerCase() as Address),
            inArray(flow.source, Object.values(SOURCES)),
            gte(flow.timestamp, BigInt(since!)),
            lte(flow.blockNumber, atBlock),
          ),
        )
        .groupBy(flow.source);
      // SUM over numeric comes back as a decimal string (null over no rows).
      const of = (source: string) => BigInt(totals.find((t) => t.source === source)?.amount ?? 0);
      const fromDebtors = of(SOURCES.fromDebtors);
      const fromAdvances = of(SOURCES.fromAdvances);
      const fromForwarded = of(SOURCES.fromForwarded);
      const fromLoans = of(SOURCES.fromLoans);
      return {
        fromDebtors,
        fromAdvances,
        fromForwarded,
        fromLoans,
        total: fromDebtors + fromAdvances + fromForwarded + fromLoans,
      };
    },
  });
}
