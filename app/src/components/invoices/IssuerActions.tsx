"use client";

import { useState } from "react";
import { parseSignedAcknowledgement } from "@/lib/receivables";
import { type Receivable } from "@/lib/invoice";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useEntityPair } from "@/hooks/useEntityPair";
import { TxStatus } from "../TxStatus";

/** The issuer submits the debtor's signed acknowledgement (and pays its gas), or cancels. */
export function IssuerActions({ tokenId, receivable }: { tokenId: bigint; receivable: Receivable }) {
  const { state, busy, write } = useScaffoldWriteContract("ReceivableToken");
  const [pasted, setPasted] = useState("");
  const [problem, setProblem] = useState<string>();
  const entityPair = useEntityPair(tokenId, receivable);

  async function submitAcknowledgement() {
    const signed = parseSignedAcknowledgement(pasted);
    if (!signed) return setProblem("Paste the whole acknowledgement the debtor sent you (it starts with “{”).");
    if (BigInt(signed.tokenId) !== tokenId) return setProblem("That acknowledgement is for another invoice.");
    setProblem(undefined);
    const ok = await write({
      functionName: "acknowledgeWithSignature",
      args: [tokenId, entityPair, signed.invoiceNumber, BigInt(signed.deadline), signed.signature],
    });
    if (ok) setPasted("");
  }

  return (
    <section className="card">
      <h2>Your actions</h2>
      {receivable.status === "Issued" && (
        <div className="form">
          <label className="field">
            <span>Debtor&apos;s signed acknowledgement</span>
            <textarea
              name="acknowledgement"
              rows={4}
              value={pasted}
              placeholder='{"tokenId": "…", "invoiceNumber": "…", "deadline": "…", "signature": "0x…"}'
              onChange={(e) => setPasted(e.target.value)}
            />
          </label>
          <div className="buttons">
            <button type="button" disabled={busy} onClick={submitAcknowledgement}>
              Submit acknowledgement
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => void write({ functionName: "cancel", args: [tokenId] })}
            >
              Cancel invoice
            </button>
          </div>
        </div>
      )}
      {receivable.status !== "Issued" && (
        <p className="muted">Acknowledged terms are frozen; payments arrive in your wallet as the debtor pays.</p>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <TxStatus state={state} />
    </section>
  );
}
