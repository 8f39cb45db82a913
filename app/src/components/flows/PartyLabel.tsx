"use client";

import type { Address } from "viem";
import { shortAddress } from "@/lib/format";
import { CopyButton } from "../CopyButton";

/** A party's name (seed name, contract or role) over its short address, with a copy button. */
export function PartyLabel({ address, name }: { address: Address; name: string }) {
  return (
    <span className="party">
      <span className="party-name">{name}</span>
      <span className="address">
        <span title={address}>{shortAddress(address)}</span>
        <CopyButton text={address} label={`Copy address of ${name}`} />
      </span>
    </span>
  );
}
