"use client";

import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { useChainId, usePublicClient } from "wagmi";
import type { Address, Hex } from "viem";
import { type EnumMember, abis, deployedPools, enums } from "@/lib/contracts";
import type { PoolPolicy } from "@/lib/pool";
import { useBlockQuery, useLatestBlock } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";

export interface FinancedAsset {
  tokenId: bigint;
  sme: Address;
  debtor: Address;
  face: bigint;
  advance: bigint;
  dueDate: number;
  /** The pool that financed it. */
  pool: Address;
  /** Pool-side status (IFinancingPool.AssetStatus) now. */
  status: EnumMember<"IFinancingPool.AssetStatus">;
  collected: bigint;
  /** Paid to the SME off chain (attested) and not yet remitted to the pool. */
  attestedOwedBySme: bigint;
}

/** A loan the pool funded: at which loan manager, which id. */
export interface PoolLoanRef {
  manager: Address;
  loanId: bigint;
}

export interface InvestorFlows {
  deposited: bigint;
  withdrawn: bigint;
  firstDepositBlock?: bigint;
}

const assetStatuses = enums["IFinancingPool.AssetStatus"];

/**
 * One pool's money movements folded from its events, the loans it funded and their companies,
 * and its policy (for what to do when late).
 */
export type PoolLedger = Awaited<ReturnType<typeof readPoolLedger>>;

type Client = NonNullable<ReturnType<typeof usePublicClient>>;

async function readPoolLedger(client: Client, pool: Address) {
  const abi = abis.FinancingPool;
  const [logs, policy, queue] = await Promise.all([
    client.getContractEvents({ abi, address: pool, fromBlock: 0n }),
    client.readContract({ abi, address: pool, functionName: "policy" }),
    client.readContract({ abi, address: pool, functionName: "redemptionQueue" }),
  ]);
  // Queued exits are paid by the redemption queue: its claims (Withdraw, owner = controller).
  const claims = await client.getContractEvents({
    abi: abis.RedemptionQueue,
    address: queue,
    eventName: "Withdraw",
    fromBlock: 0n,
  });
  const totals = { deposits: 0n, withdrawals: 0n, advances: 0n, collected: 0n, losses: 0n, feesPaid: 0n };
  const investors = new Map<Address, InvestorFlows>();
  const financed: Omit<FinancedAsset, "status" | "collected" | "attestedOwedBySme" | "pool">[] = [];
  const loanEntities = new Set<Hex>();
  const loans = new Map<string, PoolLoanRef>();
  const flows = (a: Address) => {
    const f = investors.get(a) ?? { deposited: 0n, withdrawn: 0n };
    investors.set(a, f);
    return f;
  };
  for (const claim of claims) {
    flows(claim.args.owner!).withdrawn += claim.args.assets!;
    totals.withdrawals += claim.args.assets!;
  }
  for (const log of logs) {
    if (log.eventName === "Deposit") {
      const f = flows(log.args.owner!);
      f.deposited += log.args.assets!;
      f.firstDepositBlock ??= log.blockNumber!;
      totals.deposits += log.args.assets!;
    } else if (log.eventName === "Withdraw") {
      // An instant exit; queued exits are the queue's Withdraw events, folded above.
      flows(log.args.owner!).withdrawn += log.args.assets!;
      totals.withdrawals += log.args.assets!;
    } else if (log.eventName === "ReceivableFinanced") {
      const a = log.args;
      financed.push({
        tokenId: a.tokenId!,
        sme: a.sme!,
        debtor: a.debtor!,
        face: a.face!,
        advance: a.advance!,
        dueDate: Number(a.dueDate),
      });
      totals.advances += a.advance!;
    } else if (log.eventName === "ReceivablePaymentCollected") {
      totals.collected += log.args.principal! + log.args.income! + log.args.recovery!;
    } else if (log.eventName === "AssetWrittenOff") {
      totals.losses += log.args.loss! + log.args.incomeLost!;
    } else if (log.eventName === "FeesPaid") {
      totals.feesPaid += log.args.amount!;
    } else if (log.eventName === "LoanFundedByPool") {
      loanEntities.add(log.args.entity!);
      const ref = { manager: log.args.manager!, loanId: log.args.loanId! };
      loans.set(`${ref.manager}:${ref.loanId}`, ref);
    }
  }
  const assets: FinancedAsset[] = await Promise.all(
    financed.map(async (f) => {
      const a = await client.readContract({ abi, address: pool, functionName: "assetOf", args: [f.tokenId] });
      return {
        ...f,
        pool,
        status: assetStatuses[a.status] ?? "None",
        collected: a.collected,
        attestedOwedBySme: a.attestedOwedBySme,
      };
    }),
  );
  return {
    pool,
    totals,
    investors,
    assets,
    loanEntities,
    loans: [...loans.values()],
    policy: policy satisfies PoolPolicy,
  };
}

function poolLedgerQuery(client: Client | undefined, pool: Address | undefined, block: bigint | undefined) {
  return {
    queryKey: ["pool-ledger", pool, block?.toString()],
    enabled: Boolean(pool && client),
    placeholderData: keepPreviousData,
    queryFn: () => readPoolLedger(client!, pool!),
  };
}

/**
 * A pool's money movements folded from its events (default: the first pool): totals for the
 * auditor, each investor's deposits and withdrawals, and every financed invoice with its
 * pool-side status now.
 */
export function usePoolLedger(chosen?: Address) {
  const first = useDeployedAddress("FinancingPool");
  const client = usePublicClient();
  const block = useLatestBlock();
  return useQuery(poolLedgerQuery(client, chosen ?? first, block));
}

/** Every deployed pool's ledger, first pool first; `data` once all have loaded, `error` if one failed. */
export function usePoolLedgers() {
  const pools = deployedPools(useChainId());
  const client = usePublicClient();
  const block = useLatestBlock();
  return useQueries({
    queries: pools.map((p) => poolLedgerQuery(client, p.address, block)),
    combine: (results) => {
      const failed = results.find((r) => r.isError);
      const loaded = results.every((r) => r.data !== undefined);
      return {
        data: loaded ? results.map((r) => r.data!) : undefined,
        isError: failed !== undefined,
        error: failed?.error ?? null,
      };
    },
  });
}

/** Loan money folded from the manager's events: drawn down, repaid, defaulted. */
export function useLoanLedger() {
  const manager = useDeployedAddress("LoanManager");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["loan-ledger", manager],
    enabled: Boolean(manager && client),
    queryFn: async () => {
      const logs = await client!.getContractEvents({ abi: abis.LoanManager, address: manager!, fromBlock: 0n });
      const totals = { requested: 0, drawnDown: 0n, repaid: 0n, defaulted: 0, defaultedPrincipal: 0n, funded: 0n };
      for (const log of logs) {
        if (log.eventName === "LoanRequested") totals.requested += 1;
        else if (log.eventName === "LoanDrawnDown") totals.drawnDown += log.args.principal!;
        else if (log.eventName === "LoanRepaid") totals.repaid += log.args.amount!;
        else if (log.eventName === "LoanFunded") totals.funded += log.args.amount!;
        else if (log.eventName === "LoanDefaulted") {
          totals.defaulted += 1;
          totals.defaultedPrincipal += log.args.principalOutstanding!;
        }
      }
      return totals;
    },
  });
}

/** Each listed loan's installment table from the lens (for "what is due next"). */
export function useInstallments(loanIds: bigint[]) {
  const lens = useDeployedAddress("LoanLens");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["installments", lens, loanIds.map(String).join(",")],
    enabled: Boolean(lens && client),
    queryFn: async () =>
      Promise.all(
        loanIds.map(async (id) => ({
          loanId: id,
          rows: await client!.readContract({
            abi: abis.LoanLens,
            address: lens!,
            functionName: "installments",
            args: [id],
          }),
        })),
      ),
  });
}

/** Days late of each listed loan, from the manager's view. */
export function useDaysLate(loanIds: bigint[]) {
  const manager = useDeployedAddress("LoanManager");
  const client = usePublicClient();
  return useBlockQuery({
    queryKey: ["days-late", manager, loanIds.map(String).join(",")],
    enabled: Boolean(manager && client),
    queryFn: async () => {
      const out = new Map<bigint, number>();
      await Promise.all(
        loanIds.map(async (id) => {
          const d = await client!.readContract({
            abi: abis.LoanManager,
            address: manager!,
            functionName: "daysLate",
            args: [id],
          });
          out.set(id, Number(d));
        }),
      );
      return out;
    },
  });
}
