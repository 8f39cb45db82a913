"use client";

import { useState, type FormEvent } from "react";
import { useChainId, useConfig, useConnection } from "wagmi";
import { readContract, signTypedData } from "wagmi/actions";
import { type Address, type Hex, getAddress, isAddress, isHex, keccak256, stringToHex } from "viem";
import { abis } from "@/lib/contracts";
import { attestationTypes, type SignedAttestation } from "@/lib/attestation";
import { explainError } from "@/lib/errors";
import { PartyRole, type PartyRoleName, jurisdictions } from "@/lib/parties";
import { dateInputToSeconds } from "@/lib/time";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { TxStatus } from "../TxStatus";

interface Draft {
  account: string;
  roles: PartyRoleName[];
  jurisdiction: string;
  expiry: string;
  entity: string;
}

type Checked = { ok: true; account: Address; roles: number; jurisdiction: number; expiry: number; entityId: Hex };

/** A company reference (registration number, tax id…) becomes a bytes32 entity id; a hash stays as is. */
export function toEntityId(reference: string): Hex {
  const text = reference.trim();
  return isHex(text) && text.length === 66 ? (text as Hex) : keccak256(stringToHex(text.toLowerCase()));
}

function check(d: Draft): Checked | { ok: false; reason: string } {
  if (!isAddress(d.account.trim())) return { ok: false, reason: "The wallet address is not a valid 0x… address." };
  if (d.roles.length === 0) return { ok: false, reason: "Choose at least one role." };
  const expiry = dateInputToSeconds(d.expiry);
  if (!expiry) return { ok: false, reason: "Choose the date the verification expires." };
  if (expiry <= Date.now() / 1000) return { ok: false, reason: "The expiry date must be in the future." };
  if (d.entity.trim().length < 3) return { ok: false, reason: "Enter the company's registration reference." };
  return {
    ok: true,
    account: getAddress(d.account.trim()),
    roles: d.roles.reduce((acc, r) => acc | PartyRole[r], 0),
    jurisdiction: Number(d.jurisdiction),
    expiry,
    entityId: toEntityId(d.entity),
  };
}

const inOneYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export function VerifyPartyForm() {
  const { address } = useConnection();
  const chainId = useChainId();
  const config = useConfig();
  const registry = useDeployedAddress("IdentityRegistry");
  const [draft, setDraft] = useState<Draft>({
    account: "",
    roles: ["SME"],
    jurisdiction: "404",
    expiry: inOneYear(),
    entity: "",
  });
  const [problem, setProblem] = useState<string>();
  const [signed, setSigned] = useState<SignedAttestation>();
  const { state, write } = useScaffoldWriteContract("IdentityRegistry");

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function verifyNow(e: FormEvent) {
    e.preventDefault();
    const c = check(draft);
    if (!c.ok) return setProblem(c.reason);
    setProblem(undefined);
    await write({ functionName: "verify", args: [c.account, c.roles, c.jurisdiction, c.expiry, c.entityId] });
  }

  async function signAttestation() {
    const c = check(draft);
    if (!c.ok) return setProblem(c.reason);
    setProblem(undefined);
    try {
      const nonce = await readContract(config, {
        abi: abis.IdentityRegistry,
        address: registry!,
        functionName: "nonces",
        args: [c.account],
      });
      const attestation = {
        account: c.account,
        roles: c.roles,
        jurisdiction: c.jurisdiction,
        expiry: c.expiry,
        entityId: c.entityId,
        provider: address!,
        nonce,
        deadline: BigInt(Math.floor(Date.now() / 1000) + 7 * 86_400),
      };
      const signature = await signTypedData(config, {
        domain: { name: "IdentityRegistry", version: "1", chainId, verifyingContract: registry! },
        types: attestationTypes,
        primaryType: "Attestation",
        message: attestation,
      });
      setSigned({
        attestation: { ...attestation, nonce: nonce.toString(), deadline: attestation.deadline.toString() },
        signature,
      });
    } catch (error) {
      setProblem(explainError(error));
    }
  }

  return (
    <section className="card">
      <h2>Verify a party</h2>
      <form onSubmit={verifyNow} noValidate className="form">
        <label className="field">
          <span>Wallet address</span>
          <input
            name="account"
            placeholder="0x…"
            value={draft.account}
            onChange={(e) => set({ account: e.target.value })}
          />
        </label>
        <fieldset className="field">
          <legend>Roles</legend>
          {(Object.keys(PartyRole) as PartyRoleName[]).map((r) => (
            <label key={r} className="check">
              <input
                type="checkbox"
                checked={draft.roles.includes(r)}
                onChange={(e) =>
                  set({ roles: e.target.checked ? [...draft.roles, r] : draft.roles.filter((x) => x !== r) })
                }
              />
              {r === "SME" ? "SME (seller, borrower)" : r === "DEBTOR" ? "Debtor" : "Investor / lender"}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>Jurisdiction</span>
          <select value={draft.jurisdiction} onChange={(e) => set({ jurisdiction: e.target.value })}>
            {jurisdictions.map((j) => (
              <option key={j.code} value={j.code}>
                {j.name} ({j.code})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Verified until</span>
          <input type="date" value={draft.expiry} onChange={(e) => set({ expiry: e.target.value })} />
        </label>
        <label className="field">
          <span>Company registration reference</span>
          <input
            name="entity"
            placeholder="e.g. KE-CPR-2019-004211"
            value={draft.entity}
            onChange={(e) => set({ entity: e.target.value })}
          />
          <small className="muted">Wallets of one company share it; only its hash goes on chain.</small>
        </label>
        {problem && (
          <p role="alert" className="error" id="verify-problem">
            {problem}
          </p>
        )}
        <div className="buttons">
          <button type="submit">Verify on chain</button>
          <button type="button" className="secondary" onClick={signAttestation}>
            Sign attestation instead
          </button>
        </div>
      </form>
      <TxStatus state={state} />
      {signed && (
        <div className="attestation">
          <p className="muted">Send this to the party; they submit it from their wallet and pay the gas.</p>
          <textarea readOnly rows={6} value={JSON.stringify(signed, null, 2)} data-testid="signed-attestation" />
        </div>
      )}
    </section>
  );
}
