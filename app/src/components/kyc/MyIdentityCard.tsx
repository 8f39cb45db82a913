"use client";

import { useState } from "react";
import { useConnection } from "wagmi";
import { parseSignedAttestation } from "@/lib/attestation";
import { jurisdictionName, roleNames } from "@/lib/parties";
import { formatDate, relativeDays } from "@/lib/time";
import { useIdentity } from "@/hooks/useIdentity";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { TxStatus } from "../TxStatus";
import { useChainTime } from "@/hooks/useChainTime";

/** The connected account's own verification, and a way to submit a provider's attestation. */
export function MyIdentityCard() {
  const { address } = useConnection();
  const registry = useDeployedAddress("IdentityRegistry");
  const identity = useIdentity(address);
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string>();
  const { state, write } = useScaffoldWriteContract("IdentityRegistry");
  const now = useChainTime();

  if (!registry) return null;
  const [record, active] = identity.data ?? [];
  const expired = record && record.expiry > 0 && !active;

  async function submit() {
    const parsed = parseSignedAttestation(pasted);
    if (typeof parsed === "string") return setProblem(parsed);
    if (address && parsed.attestation.account.toLowerCase() !== address.toLowerCase()) {
      return setProblem("This attestation is for another account; connect with that account or ask for a new one.");
    }
    setProblem(undefined);
    const a = parsed.attestation;
    const ok = await write({
      functionName: "verifyWithAttestation",
      args: [{ ...a, nonce: BigInt(a.nonce), deadline: BigInt(a.deadline) }, parsed.signature],
    });
    if (ok) setPasted("");
  }

  return (
    <section className="card" data-testid="my-identity">
      <h2>Your verification</h2>
      {identity.isLoading && <p>Loading…</p>}
      {identity.isError && <p className="error">Could not read the identity registry.</p>}
      {record && active && (
        <dl className="facts">
          <dt>Status</dt>
          <dd className="ok">Verified</dd>
          <dt>Roles</dt>
          <dd>{roleNames(record.roles).join(", ")}</dd>
          <dt>Jurisdiction</dt>
          <dd>{jurisdictionName(record.jurisdiction)}</dd>
          <dt>Expires</dt>
          <dd data-testid="identity-expiry">
            {formatDate(record.expiry)} ({relativeDays(record.expiry, now)})
          </dd>
          <dt>Entity</dt>
          <dd className="mono">{record.entityId.slice(0, 18)}…</dd>
        </dl>
      )}
      {record && !active && (
        <p data-testid="identity-status">
          {expired ? `Your verification expired on ${formatDate(record.expiry)}.` : "You are not verified yet."}
        </p>
      )}
      <details>
        <summary>Submit an attestation from your KYC provider</summary>
        <div className="form">
          <label className="field">
            <span>Signed attestation (JSON)</span>
            <textarea rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          </label>
          {problem && (
            <p role="alert" className="error">
              {problem}
            </p>
          )}
          <button type="button" onClick={submit} disabled={!pasted}>
            Submit attestation
          </button>
          <TxStatus state={state} />
        </div>
      </details>
    </section>
  );
}
