"use client";

import { useState } from "react";
import { keccak256, stringToHex, type Address } from "viem";
import { jurisdictionName, roleNames } from "@/lib/parties";
import { formatDate, relativeDays } from "@/lib/time";
import { usePartyPage } from "@/hooks/useIdentityLog";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useChainTime } from "@/hooks/useChainTime";
import { CopyAddress } from "../CopyAddress";
import { TxStatus } from "../TxStatus";

const PAGE = 20;

/** Every verified party, a page at a time from the indexer; providers can revoke from here. */
export function PartyList({ canRevoke }: { canRevoke: boolean }) {
  const [wanted, setPage] = useState(0);
  const log = usePartyPage(wanted, PAGE);
  const [revoking, setRevoking] = useState<Address>();
  const [reason, setReason] = useState("");
  const { state, write } = useScaffoldWriteContract("IdentityRegistry");
  const now = useChainTime() ?? 0;

  if (log.isError)
    return <section className="card error">Could not read the verified parties: {log.error?.message}</section>;
  if (!log.data || !now) return <section className="card">Loading parties…</section>;
  // Newest first: the party just verified is on the first page, however many came before.
  const { parties: shown, total, page } = log.data;

  async function revoke(account: Address) {
    const ok = await write({
      functionName: "revoke",
      args: [account, keccak256(stringToHex(reason.trim() || "revoked"))],
    });
    if (ok) {
      setRevoking(undefined);
      setReason("");
    }
  }

  return (
    <section className="card">
      <h2>Verified parties ({total})</h2>
      {total === 0 && <p className="muted">No party has been verified yet.</p>}
      {shown.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Account</th>
                <th>Roles</th>
                <th>Jurisdiction</th>
                <th>Status</th>
                {canRevoke && <th />}
              </tr>
            </thead>
            <tbody>
              {shown.map((p) => {
                const status = p.revoked
                  ? "revoked"
                  : p.expiry <= now
                    ? "expired"
                    : p.providerSuspended
                      ? "provider suspended"
                      : "active";
                return (
                  <tr key={p.account} data-testid={`party-${p.account}`}>
                    <td>
                      <CopyAddress address={p.account} />
                    </td>
                    <td>{roleNames(p.roles).join(", ")}</td>
                    <td>{jurisdictionName(p.jurisdiction)}</td>
                    <td data-status={status}>
                      {status === "active"
                        ? `active, expires ${formatDate(p.expiry)} (${relativeDays(p.expiry, now)})`
                        : status}
                    </td>
                    {canRevoke && (
                      <td>
                        {status !== "revoked" && (
                          <button type="button" className="secondary" onClick={() => setRevoking(p.account)}>
                            Revoke
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE && (
        <div className="buttons">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span className="muted">
            Page {page + 1} of {Math.ceil(total / PAGE)}
          </span>
          <button type="button" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </div>
      )}
      {revoking && (
        <div className="form">
          <p>
            Revoke <span className="mono">{revoking}</span> now? Its pools, invoices and loans checks fail at once.
          </p>
          <label className="field">
            <span>Reason (kept off chain; its hash is recorded)</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="buttons">
            <button type="button" onClick={() => revoke(revoking)}>
              Confirm revoke
            </button>
            <button type="button" className="secondary" onClick={() => setRevoking(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <TxStatus state={state} />
    </section>
  );
}
