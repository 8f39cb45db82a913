"use client";

import { useState } from "react";
import type { Address } from "viem";
import { shortAddress } from "@/lib/format";

/** A party's name (seed name, contract or role) over its short address, with a copy button. */
export function PartyLabel({ address, name }: { address: Address; name: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="party">
      <span className="party-name">{name}</span>
      <span className="address">
        <span title={address}>{shortAddress(address)}</span>
        <button
          type="button"
          className="link"
          aria-label={`Copy address of ${name}`}
          onClick={async () => {
            await navigator.clipboard?.writeText(address);
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          }}
        >
          {copied ? "copied" : "copy"}
        </button>
      </span>
    </span>
  );
}
