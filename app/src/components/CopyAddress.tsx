"use client";

import { shortAddress } from "@/lib/format";
import { partyName } from "@/lib/contracts";
import { CopyButton } from "./CopyButton";

export function CopyAddress({ address }: { address: string }) {
  return (
    <span className="address">
      {partyName(address) && <span className="party-name">{partyName(address)}&nbsp;</span>}
      <span title={address} data-testid="address">
        {shortAddress(address)}
      </span>
      <CopyButton text={address} />
    </span>
  );
}
