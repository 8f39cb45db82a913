"use client";

import { useState } from "react";
import { shortAddress } from "@/lib/format";
import { partyName } from "@/lib/contracts";

export function CopyAddress({ address }: { address: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="address">
      {partyName(address) && <span className="party-name">{partyName(address)}&nbsp;</span>}
      <span title={address} data-testid="address">
        {shortAddress(address)}
      </span>
      <button
        type="button"
        className="link"
        onClick={async () => {
          await navigator.clipboard?.writeText(address);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        }}
      >
        {copied ? "copied" : "copy"}
      </button>
    </span>
  );
}
