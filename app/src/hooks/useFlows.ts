"use client";

import { usePublicClient } from "wagmi";
import { type AbiEvent, type Address, type Hash, erc20Abi } from "viem";
import { abis } from "@/lib/contracts";
import { type FlowContract, type FlowLog, decodeFlows, eventsOf } from "@/lib/flows/decode";
import type { Balances } from "@/lib/flows/reconcile";
import { readMetadata } from "@/lib/receivables";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";
import { useRedemptionQueue } from "./usePool";

type Client = NonNullable<ReturnType<typeof usePublicClient>>;

/** Blocks per getLogs call: every read is bounded, however long the chain. */
export const BLOCKS_PER_PAGE = 2_000n;

const contracts: FlowContract[] = [
  "FinancingPool",
  "RedemptionQueue",
  "ReceivableToken",
  "LoanManager",
  "CollateralVault",
];

/** Event ABIs to request, per contract, taken from the generated file; plus invoice numbers. */
function eventAbis(contract: FlowContract): AbiEvent[] {
  const wanted = new Set([...eventsOf(contract), ...(contract === "ReceivableToken" ? ["ReceivableTokenized"] : [])]);
  return (abis[contract] as readonly { type: string; name?: string }[]).filter(
    (item): item is AbiEvent => item.type === "event" && wanted.has(item.name ?? ""),
  );
}

interface LogCache {
  toBlock: bigint;
  toHash: Hash;
  logs: FlowLog[];
  invoiceNumbers: Map<bigint, string>;
  times: Map<bigint, number>;
  pages: number;
}

// Logs already read, per deployment: each new block reads only the blocks after the last page.
const caches = new Map<string, LogCache>();

async function blockTime(client: Client, cache: LogCache, blockNumber: bigint): Promise<number> {
  const known = cache.times.get(blockNumber);
  if (known !== undefined) return known;
  const block = await client.getBlock({ blockNumber });
  cache.times.set(blockNumber, Number(block.timestamp));
  return Number(block.timestamp);
}

/** One page of blocks; the cache changes only when every contract's logs were read. */
async function readPage(
  client: Client,
  cache: LogCache,
  addresses: Record<FlowContract, Address>,
  from: bigint,
  to: bigint,
) {
  const found: FlowLog[] = [];
  const numbers = new Map<bigint, string>();
  for (const contract of contracts) {
    const logs = await client.getLogs({
      address: addresses[contract],
      events: eventAbis(contract),
      fromBlock: from,
      toBlock: to,
    });
    for (const log of logs) {
      if (!log.eventName || log.blockNumber === null || log.logIndex === null || !log.transactionHash) continue;
      const args = log.args as Record<string, unknown>;
      if (log.eventName === "ReceivableTokenized") {
        const number = readMetadata(args.metadataURI as string | undefined).invoiceNumber;
        if (number) numbers.set(args.tokenId as bigint, number);
        continue;
      }
      const withTime = log as { blockTimestamp?: bigint | null };
      found.push({
        contract,
        eventName: log.eventName,
        args,
        tx: log.transactionHash,
        blockNumber: log.blockNumber,
        logIndex: log.logIndex,
        timestamp: withTime.blockTimestamp
          ? Number(withTime.blockTimestamp)
          : await blockTime(client, cache, log.blockNumber),
      });
    }
  }
  cache.logs.push(...found);
  for (const [id, number] of numbers) cache.invoiceNumbers.set(id, number);
  cache.pages += 1;
}

// One catch-up at a time per deployment: queries for consecutive blocks must not read a page twice.
const running = new Map<string, Promise<unknown>>();

function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const next = (running.get(key) ?? Promise.resolve()).catch(() => undefined).then(work);
  running.set(key, next);
  return next;
}

/** Reads logs up to `latest` in pages of BLOCKS_PER_PAGE, starting after what the cache holds. */
async function catchUp(client: Client, key: string, addresses: Record<FlowContract, Address>, latest: bigint) {
  let cache = caches.get(key);
  if (cache) {
    // The chain was restarted or reorganized under the cache: start again.
    const still = await client.getBlock({ blockNumber: cache.toBlock }).catch(() => undefined);
    if (!still || still.hash !== cache.toHash) cache = undefined;
  }
  cache ??= { toBlock: -1n, toHash: "0x", logs: [], invoiceNumbers: new Map(), times: new Map(), pages: 0 };
  for (let from = cache.toBlock + 1n; from <= latest; from += BLOCKS_PER_PAGE) {
    const to = from + BLOCKS_PER_PAGE - 1n < latest ? from + BLOCKS_PER_PAGE - 1n : latest;
    await readPage(client, cache, addresses, from, to);
    cache.toBlock = to;
    cache.toHash = (await client.getBlock({ blockNumber: to })).hash;
    caches.set(key, cache);
  }
  return cache;
}

async function readBalances(
  client: Client,
  pool: Address,
  escrow: Address,
  vault: Address,
  queue: Address,
  blockNumber: bigint,
): Promise<Balances & { asset: Address }> {
  const asset = await client.readContract({
    abi: abis.FinancingPool,
    address: pool,
    functionName: "asset",
    blockNumber,
  });
  const [poolStablecoin, escrowStablecoin, vaultStablecoin, queueStablecoin, nav] = await Promise.all([
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [pool], blockNumber }),
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [escrow], blockNumber }),
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [vault], blockNumber }),
    client.readContract({ abi: erc20Abi, address: asset, functionName: "balanceOf", args: [queue], blockNumber }),
    client.readContract({ abi: abis.FinancingPool, address: pool, functionName: "navBreakdown", blockNumber }),
  ]);
  return {
    asset,
    poolStablecoin,
    escrowStablecoin,
    vaultStablecoin,
    queueStablecoin,
    poolBookedCash: nav.cash,
    poolPrincipal: nav.principalOutstanding,
  };
}

/**
 * Every movement of money, rebuilt from one pool's (default: the first), the receivable token's,
 * the loan manager's and its collateral vault's events, with the balances those contracts report at the same block.
 */
export function useFlows(chosen?: Address) {
  const first = useDeployedAddress("FinancingPool");
  const pool = chosen ?? first;
  const token = useDeployedAddress("ReceivableToken");
  const escrow = useDeployedAddress("LoanManager");
  const vault = useDeployedAddress("CollateralVault");
  const queue = useRedemptionQueue(pool);
  const client = usePublicClient();
  const deployed = Boolean(pool && token && escrow && vault);
  const query = useBlockQuery({
    queryKey: ["flows", pool, token, escrow, vault, queue],
    enabled: Boolean(deployed && queue && client),
    needsBlock: true,
    queryFn: async (latest) => {
      const addresses = {
        FinancingPool: pool!,
        RedemptionQueue: queue!,
        ReceivableToken: token!,
        LoanManager: escrow!,
        CollateralVault: vault!,
      };
      const key = `${client!.chain.id}:${pool}:${token}:${escrow}:${vault}:${queue}`;
      const cache = await serialized(key, () => catchUp(client!, key, addresses, latest!));
      const rows = decodeFlows(cache.logs, { pool: pool!, escrow: escrow!, vault: vault!, queue: queue! });
      const balances = await readBalances(client!, pool!, escrow!, vault!, queue!, cache.toBlock);
      return {
        rows,
        balances,
        pool: pool!,
        escrow: escrow!,
        vault: vault!,
        queue: queue!,
        invoiceNumbers: cache.invoiceNumbers,
        atBlock: cache.toBlock,
        pages: cache.pages,
      };
    },
  });
  return { ...query, deployed };
}

export type FlowData = NonNullable<ReturnType<typeof useFlows>["data"]>;
