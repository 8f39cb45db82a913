"use client";

import { useState } from "react";
import { useChainId, useConfig, useConnection } from "wagmi";
import { signTypedData } from "wagmi/actions";
import { keccak256, stringToHex } from "viem";
import { explainError } from "@/lib/errors";
import { formatAmount } from "@/lib/format";
import { acknowledgementTypes, outstandingOf, type SignedAcknowledgement } from "@/lib/receivables";
import { formatDate } from "@/lib/time";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useEntityPair } from "@/hooks/useEntityPair";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import type { InvoiceRow } from "@/hooks/useReceivables";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { TxStatus } from "../TxStatus";
import { PayForm } from "./PayForm";

const WEEK = 7 * 86_400;

/** What the debtor can do with one invoice: acknowledge (signature or call), dispute, pay. */
export function DebtorActions({ row, token }: { row: InvoiceRow; token: TokenInfo }) {
  const r = row.receivable;
  const { address } = useConnection();
  const chainId = useChainId();
  const config = useConfig();
  const now = useChainTime();
  const receivables = useDeployedAddress("ReceivableToken");
  const { state, busy, write } = useScaffoldWriteContract("ReceivableToken");
  const [signed, setSigned] = useState<SignedAcknowledgement>();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string>();
  const settledInFull = outstandingOf(r) === 0n;
  const entityPair = useEntityPair(row.tokenId, r);

  async function sign() {
    setProblem(undefined);
    try {
      const deadline = BigInt((now ?? Math.floor(Date.now() / 1000)) + WEEK);
      const signature = await signTypedData(config, {
        domain: { name: "ReceivableToken", version: "1", chainId, verifyingContract: receivables! },
        types: acknowledgementTypes,
        primaryType: "Acknowledgement",
        message: {
          tokenId: row.tokenId,
          debtor: address!,
          invoiceNumber: row.registeredNumber,
          currency: r.currency,
          faceValue: r.faceValue,
          dueDate: BigInt(r.dueDate),
          termsVersion: r.termsVersion,
          deadline,
        },
      });
      setSigned({
        tokenId: row.tokenId.toString(),
        invoiceNumber: row.registeredNumber,
        deadline: deadline.toString(),
        signature,
      });
    } catch (error) {
      setProblem(explainError(error));
    }
  }

  function dispute() {
    if (reason.trim().length < 5) return setProblem("Say in a few words why you dispute the invoice.");
    setProblem(undefined);
    // Only the hash goes on chain; the reason itself stays between the parties.
    void write({ functionName: "dispute", args: [row.tokenId, keccak256(stringToHex(reason.trim()))] });
  }

  return (
    <div className="actions">
      {r.status === "Issued" && (
        <p className="muted" data-testid="acknowledge-terms">
          You confirm that you owe {formatAmount(r.faceValue, token.decimals, 2)} {token.symbol} by{" "}
          {formatDate(r.dueDate)} for invoice <strong className="mono">{row.registeredNumber}</strong>.
        </p>
      )}
      {r.status === "Issued" && (
        <div className="buttons">
          <button type="button" onClick={sign} disabled={busy}>
            Sign acknowledgement (no gas)
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() =>
              void write({
                functionName: "acknowledge",
                args: [row.tokenId, entityPair, row.registeredNumber, r.faceValue, r.dueDate],
              })
            }
          >
            Acknowledge on chain
          </button>
        </div>
      )}
      {signed && (
        <div className="attestation">
          <p className="muted">
            Send this to the supplier; they submit it on the invoice page and pay the gas. Valid for 7 days.
          </p>
          <textarea readOnly rows={5} value={JSON.stringify(signed, null, 2)} data-testid="signed-acknowledgement" />
        </div>
      )}
      {(r.status === "Issued" || r.status === "Acknowledged") && !settledInFull && (
        <details>
          <summary>Dispute this invoice</summary>
          <label className="field">
            <span>Reason (kept off chain; only its fingerprint is recorded)</span>
            <input name="disputeReason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="button" className="danger" disabled={busy} onClick={dispute}>
            Dispute
          </button>
        </details>
      )}
      {r.status === "Disputed" && (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          onClick={() => void write({ functionName: "withdrawDispute", args: [row.tokenId] })}
        >
          Withdraw my dispute
        </button>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <TxStatus state={state} />
      {!settledInFull && r.status !== "Cancelled" && <PayForm tokenId={row.tokenId} receivable={r} token={token} />}
    </div>
  );
}
