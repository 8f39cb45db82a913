"use client";

import { useBlock } from "wagmi";

/**
 * "Now" as the chain sees it: the latest block's timestamp. On the local chain the demo moves
 * time forward, so due dates and expiries must be judged against chain time, not the wall clock.
 * Undefined until the first block is read.
 */
export function useChainTime(): number | undefined {
  const { data } = useBlock({ watch: true });
  return data ? Number(data.timestamp) : undefined;
}
