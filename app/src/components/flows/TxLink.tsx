"use client";

import Link from "next/link";
import type { Hash } from "viem";
import { CopyButton } from "../CopyButton";

/** Link to the transaction's page (the local chain has no explorer) plus a copy button. */
export function TxLink({ hash }: { hash: Hash }) {
  return (
    <span className="address">
      <Link href={`/tx/${hash}`} title={hash} data-testid="tx-link">
        {hash.slice(0, 10)}…
      </Link>
      <CopyButton text={hash} label="Copy transaction hash" />
    </span>
  );
}
