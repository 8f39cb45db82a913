import type { QueryClient } from "@tanstack/react-query";
import type { Address, TransactionReceipt } from "viem";

/**
 * What a confirmed transaction refreshes, and nothing else:
 *   - the latest block number (wagmi's "blockNumber" query), so every block-keyed read
 *     (hooks/useBlockQuery.ts) moves to the block that holds the transaction at once;
 *   - every query whose key names an address the transaction touched: the contract it called,
 *     each contract that emitted an event in it (a contract whose state changed logs it), and the
 *     sender (its ETH balance paid the gas). Wagmi's read keys carry the contract's address, and
 *     the dApp's own query keys carry the addresses they read from.
 * Reads of contracts the transaction did not touch stay cached until their next block.
 */
export function invalidateAfter(queryClient: QueryClient, receipt: TransactionReceipt): Promise<void> {
  const touched = new Set<string>(
    [receipt.to, receipt.from, ...receipt.logs.map((l) => l.address)]
      .filter((a): a is Address => Boolean(a))
      .map((a) => a.toLowerCase()),
  );
  return queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] === "blockNumber" || mentions(query.queryKey, touched),
  });
}

/** Whether `value` (a query key, or any part of one) holds one of `addresses` anywhere inside. */
function mentions(value: unknown, addresses: Set<string>): boolean {
  if (typeof value === "string") return addresses.has(value.toLowerCase());
  if (Array.isArray(value)) return value.some((v) => mentions(v, addresses));
  if (value && typeof value === "object") return Object.values(value).some((v) => mentions(v, addresses));
  return false;
}
