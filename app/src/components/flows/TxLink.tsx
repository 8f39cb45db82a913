"use client";

import Link from "next/link";
import { useState } from "react";
import type { Hash } from "viem";

/** Link to the transaction's page (the local chain has no explorer) plus a copy button. */
export function TxLink({ hash }: { hash: Hash }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="address">
      <Link href={`/tx/${hash}`} title={hash} data-testid="tx-link">
        {hash.slice(0, 10)}…
      </Link>
      <button
        type="button"
        className="link"
        aria-label="Copy transaction hash"
        onClick={async () => {
          await navigator.clipboard?.writeText(hash);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? "copied" : "copy"}
      </button>
    </span>
  );
}
