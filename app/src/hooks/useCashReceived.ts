"use client";

import { useChainId, usePublicClient } from "wagmi";
import type { Address } from "viem";
import { abis, deployedPools } from "@/lib/contracts";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

/**
 * Cash that reached `sme` since `since` (seconds, chain time), by source, from events: debtors'
 * payments to it as the invoice holder, advances from any pool, a pool forwarding the rest of a
 * paid invoice, and loans drawn down.
 */
export function useCashReceived(sme: Address | undefined, since: number | undefined) {
  const receivables = useDeployedAddress("ReceivableToken");
  const pools = deployedPools(useChainId()).map((p) => p.address);
  const manager = useDeployedAddress("LoanManager");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["cash-received", sme, since, receivables, pools.join(), manager],
    enabled: Boolean(sme && since !== undefined && receivables && client),
    queryFn: async () => {
      const c = client!;
      const [paid, advances, forwarded, drawn] = await Promise.all([
        c.getContractEvents({
          abi: abis.IReceivableToken,
          address: receivables!,
          eventName: "ReceivablePaid",
          args: { holder: sme },
          fromBlock: 0n,
        }),
        pools.length > 0
          ? c.getContractEvents({
              abi: abis.FinancingPool,
              address: pools,
              eventName: "ReceivableFinanced",
              args: { sme },
              fromBlock: 0n,
            })
          : [],
        pools.length > 0
          ? c.getContractEvents({
              abi: abis.FinancingPool,
              address: pools,
              eventName: "ReceivablePaymentForwarded",
              args: { sme },
              fromBlock: 0n,
            })
          : [],
        manager
          ? c.getContractEvents({
              abi: abis.LoanManager,
              address: manager,
              eventName: "LoanDrawnDown",
              args: { borrower: sme },
              fromBlock: 0n,
            })
          : [],
      ]);
      const times = new Map<bigint, number>();
      const all = [...paid, ...advances, ...forwarded, ...drawn];
      await Promise.all(
        [...new Set(all.map((l) => l.blockNumber!))].map(async (n) =>
          times.set(n, Number((await c.getBlock({ blockNumber: n })).timestamp)),
        ),
      );
      const recent = (n: bigint | null) => (times.get(n!) ?? 0) >= since!;
      const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
      const fromDebtors = sum(paid.filter((l) => recent(l.blockNumber)).map((l) => BigInt(l.args.amount!)));
      const fromAdvances = sum(advances.filter((l) => recent(l.blockNumber)).map((l) => l.args.advance!));
      const fromForwarded = sum(forwarded.filter((l) => recent(l.blockNumber)).map((l) => l.args.amount!));
      const fromLoans = sum(drawn.filter((l) => recent(l.blockNumber)).map((l) => l.args.principal!));
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
