"use client";

import Link from "next/link";
import type { Address } from "viem";
import { usePools } from "@/hooks/usePools";

/** Links to every pool on this chain (`<path>?pool=<address>`); hidden when there is only one. */
export function PoolPicker({ current, path = "/pool" }: { current: Address | undefined; path?: string }) {
  const pools = usePools();
  if (pools.length < 2) return null;
  return (
    <nav aria-label="Pools" className="buttons" data-testid="pool-picker">
      {pools.map((p) => {
        const selected = p.address === current;
        return (
          <Link
            key={p.address}
            href={`${path}?pool=${p.address}`}
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
