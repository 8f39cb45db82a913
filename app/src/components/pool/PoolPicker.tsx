"use client";

import Link from "next/link";
import type { Address } from "viem";
import { usePools } from "@/hooks/usePools";

/** Links to every pool on this chain (/pool?pool=<address>); hidden when there is only one. */
export function PoolPicker({ current }: { current: Address | undefined }) {
  const pools = usePools();
  if (pools.length < 2) return null;
  return (
    <nav aria-label="Pools" className="buttons" data-testid="pool-picker">
      {pools.map((p) => {
        const selected = p.address === current;
        return (
          <Link
            key={p.address}
            href={`/pool?pool=${p.address}`}
            aria-current={selected ? "page" : undefined}
            className={selected ? "pill pill-selected" : "pill"}
          >
            {p.name}
          </Link>
        );
      })}
    </nav>
  );
}
