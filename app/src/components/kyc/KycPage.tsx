"use client";

import { useConnection } from "wagmi";
import { useHasRole } from "@/hooks/useIdentity";
import { constants } from "@/lib/contracts";
import { useIsClient } from "@/hooks/useIsClient";
import { MyIdentityCard } from "./MyIdentityCard";
import { PartyList } from "./PartyList";
import { VerifyPartyForm } from "./VerifyPartyForm";

export function KycPage() {
  const isClient = useIsClient();
  const { address, isConnected } = useConnection();
  const provider = useHasRole(constants.Roles.KYC_PROVIDER, address);
  if (!isClient) return <section className="card">Loading…</section>;
  return (
    <div className="stack">
      <h1>Identity (KYC)</h1>
      {isConnected && <MyIdentityCard />}
      {isConnected && provider.data && <VerifyPartyForm />}
      {isConnected && provider.data === false && (
        <p className="muted">Only a KYC provider can verify or revoke parties; this account is not one.</p>
      )}
      {!isConnected && <p className="muted">Connect a wallet on the Wallet page to see your own verification.</p>}
      <PartyList canRevoke={Boolean(provider.data)} />
    </div>
  );
}
