"use client";

import Link from "next/link";
import { type Address, erc20Abi } from "viem";
import { useChainId, useReadContracts } from "wagmi";
import { deployedPools } from "@/lib/contracts";

/** Links to every pool on this chain (/pool?pool=<address>); hidden when there is only one. */
export function PoolPicker({ current }: { current: Address | undefined }) {
  const pools = deployedPools(useChainId());
  const names = useReadContracts({
    allowFailure: true,
    contracts: pools.map((p) => ({ abi: erc20Abi, address: p.address, functionName: "name" }) as const),
    query: { enabled: pools.length > 1, staleTime: Infinity },
  });
  if (pools.length < 2) return null;
  return (
    <nav aria-label="Pools" className="buttons" data-testid="pool-picker">
      {pools.map((p, i) => {
        const name = names.data?.[i]?.result ?? p.id;
        const selected = p.address === current;
        return (
          <Link
            key={p.address}
            href={`/pool?pool=${p.address}`}
            aria-current={selected ? "page" : undefined}
            className={selected ? "pill pill-selected" : "pill"}
          >
            {String(name)}
          </Link>
        );
      })}
    </nav>
  );
}
