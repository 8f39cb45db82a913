"use client";

import { and, asc, count, eq, inArray, lte, min, or, sql } from "@ponder/client";
import { useChainId, usePublicClient } from "wagmi";
import { type Address, type Hex, getAddress } from "viem";
import { type EnumMember, abis, deployedPools, enums } from "@/lib/contracts";
import { type indexer, schema } from "@/lib/indexer";
import type { PoolPolicy } from "@/lib/pool";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";
import { useIndexedQuery } from "./useIndexer";

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

// Address parameters need no case folding: the schema's hex columns lowercase them, as stored.
const { flow, invoice, loan, loanEvent, position } = schema;
type Client = NonNullable<ReturnType<typeof usePublicClient>>;
type IndexerDb = typeof indexer.db;

/** The flow rows the auditor's totals add up, by the event that made them. */
const totalSources = {
  advances: "FinancingPool.ReceivableFinanced",
  feesPaid: "FinancingPool.FeesPaid",
  losses: "FinancingPool.AssetWrittenOff",
  collectedAlone: "FinancingPool.ReceivablePaymentCollected",
  collectedInPayment: "ReceivableToken.ReceivablePaid",
  deposit: "FinancingPool.Deposit",
} as const;

/**
 * One pool's ledger from the indexer's tables up to `atBlock`: each investor's deposits and
 * withdrawals (the position table: a queued exit counts once, when its claim pays the investor),
 * the auditor's totals (the flow table), the invoices it financed (the invoice table, with the
 * pool-side status read from the pool at `atBlock`) and the loans it funded (the loan tables); its
 * policy from the chain.
 */
async function readPoolLedger(db: IndexerDb, client: Client, pool: Address, manager: Address, atBlock: bigint) {
  const abi = abis.FinancingPool;
  const inPool = and(eq(flow.pool, pool), lte(flow.blockNumber, atBlock));
  const [positions, firstDeposits, sums, financed, funded, policy] = await Promise.all([
    db.select().from(position).where(eq(position.pool, pool)),
    db
      .select({ investor: flow.from, block: min(flow.blockNumber) })
      .from(flow)
      .where(and(inPool, eq(flow.source, totalSources.deposit)))
      .groupBy(flow.from),
    db
      .select({
        source: flow.source,
        // Named: two unnamed sums would both come back as "sum" and one would overwrite the other.
        amount: sql<string | null>`sum(${flow.amount})`.as("amount"),
        // What the pool booked as collected: principal, income and recovery (not its performance fee).
        collected: sql<
          string | null
        >`sum(coalesce(${flow.principal}, 0) + coalesce(${flow.income}, 0) + coalesce(${flow.recovery}, 0))`.as(
          "collected",
        ),
      })
      .from(flow)
      .where(
        and(
          inPool,
          or(
            inArray(flow.source, [
              totalSources.advances,
              totalSources.feesPaid,
              totalSources.losses,
              totalSources.collectedAlone,
            ]),
            and(eq(flow.source, totalSources.collectedInPayment), eq(flow.toRole, "pool")),
          ),
        ),
      )
      .groupBy(flow.source),
    db
      .select({
        tokenId: invoice.tokenId,
        sme: invoice.issuer,
        debtor: invoice.debtor,
        face: invoice.faceValue,
        advance: invoice.advance,
        dueDate: invoice.dueDate,
      })
      .from(invoice)
      .where(eq(invoice.pool, pool))
      .orderBy(asc(invoice.financedAt), asc(invoice.tokenId)),
    // Each loan once however many times the pool funded it (the SQL endpoint takes no DISTINCT).
    db
      .select({ loanId: loan.loanId, entity: loan.entity })
      .from(loan)
      .innerJoin(loanEvent, eq(loanEvent.loanId, loan.loanId))
      .where(and(eq(loanEvent.name, "Funded"), eq(loanEvent.actor, pool)))
      .groupBy(loan.loanId, loan.entity),
    client.readContract({ abi, address: pool, functionName: "policy", blockNumber: atBlock }),
  ]);
  const bySource = new Map(sums.map((r) => [r.source, r]));
  const total = (source: string) => BigInt(bySource.get(source)?.amount ?? 0);
  const collected = (source: string) => BigInt(bySource.get(source)?.collected ?? 0);
  // Aggregates come back over HTTP as text or numbers, not bigints.
  const first = new Map(
    firstDeposits.map((d) => [getAddress(d.investor), d.block === null ? undefined : BigInt(d.block)]),
  );
  const investors = new Map<Address, InvestorFlows>(
    positions.map((p) => {
      const investor = getAddress(p.investor);
      const firstDepositBlock = first.get(investor);
      return [
        investor,
        { deposited: p.deposited, withdrawn: p.withdrawn, ...(firstDepositBlock ? { firstDepositBlock } : {}) },
      ];
    }),
  );
  const totals = {
    deposits: positions.reduce((s, p) => s + p.deposited, 0n),
    withdrawals: positions.reduce((s, p) => s + p.withdrawn, 0n),
    advances: total(totalSources.advances),
    collected: collected(totalSources.collectedAlone) + collected(totalSources.collectedInPayment),
    losses: total(totalSources.losses),
    feesPaid: total(totalSources.feesPaid),
  };
  const assets: FinancedAsset[] = await Promise.all(
    financed.map(async (f) => {
      const a = await client.readContract({
        abi,
        address: pool,
        functionName: "assetOf",
        args: [f.tokenId],
        blockNumber: atBlock,
      });
      return {
        tokenId: f.tokenId,
        sme: getAddress(f.sme),
        debtor: getAddress(f.debtor),
        face: f.face,
        advance: f.advance ?? 0n,
        dueDate: Number(f.dueDate),
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
    loanEntities: new Set<Hex>(funded.map((l) => l.entity)),
    loans: funded.map((l): PoolLoanRef => ({ manager, loanId: l.loanId })).sort((a, b) => Number(a.loanId - b.loanId)),
    policy: policy satisfies PoolPolicy,
  };
}

/**
 * One pool's money movements and holdings from the indexer (default: the first pool): totals
 * for the auditor, each investor's deposits and withdrawals, every financed invoice with its
 * pool-side status now, and the loans the pool funded.
 */
export type PoolLedger = Awaited<ReturnType<typeof readPoolLedger>>;

function usePoolLedgerOf(pools: Address[]) {
  const client = usePublicClient();
  const manager = useDeployedAddress("LoanManager");
  return useIndexedQuery({
    queryKey: ["pool-ledgers", client?.chain.id, manager, pools.join(",")],
    enabled: Boolean(client && manager && pools.length > 0),
    queryFn: (db, atBlock) => Promise.all(pools.map((p) => readPoolLedger(db, client!, p, manager!, atBlock))),
  });
}

/** One pool's ledger (default: the first pool). */
export function usePoolLedger(chosen?: Address) {
  const first = useDeployedAddress("FinancingPool");
  const pool = chosen ?? first;
  const query = usePoolLedgerOf(pool ? [pool] : []);
  return { ...query, data: query.data?.[0] };
}

/** Every deployed pool's ledger, first pool first. */
export function usePoolLedgers() {
  return usePoolLedgerOf(deployedPools(useChainId()).map((p) => p.address));
}

/** Loan money from the indexer's loan history: requested, funded, drawn down, repaid, defaulted. */
export function useLoanLedger() {
  return useIndexedQuery({
    queryKey: ["loan-ledger"],
    enabled: true,
    queryFn: async (db) => {
      const [[requested], byName] = await Promise.all([
        db.select({ n: count() }).from(loan),
        db
          .select({
            name: loanEvent.name,
            n: count(),
            amount: sql<string | null>`sum(${loanEvent.amount})`.as("amount"),
          })
          .from(loanEvent)
          .where(inArray(loanEvent.name, ["Funded", "Drawn down", "Repaid", "Defaulted"]))
          .groupBy(loanEvent.name),
      ]);
      const of = (name: string) => byName.find((r) => r.name === name);
      const amount = (name: string) => BigInt(of(name)?.amount ?? 0);
      return {
        requested: Number(requested.n),
        funded: amount("Funded"),
        // The "Drawn down" row's amount is the principal drawn; "Defaulted"'s the principal outstanding.
        drawnDown: amount("Drawn down"),
        repaid: amount("Repaid"),
        defaulted: Number(of("Defaulted")?.n ?? 0),
        defaultedPrincipal: amount("Defaulted"),
      };
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
