"use client";

import type { TxState } from "@/hooks/useContractAction";

const labels: Record<TxState["status"], string> = {
  idle: "",
  simulating: "Checking the transaction…",
  signing: "Waiting for your signature…",
  pending: "Pending: waiting for the block…",
  confirmed: "Confirmed",
  failed: "Failed",
};

export function TxStatus({ state }: { state: TxState }) {
  if (state.status === "idle") return null;
  const hash = "hash" in state ? state.hash : undefined;
  return (
    <div role="status" className={`tx tx-${state.status}`} data-testid="tx-status" data-status={state.status}>
      <strong>{labels[state.status]}</strong>
      {state.status === "confirmed" && <span> in block {state.blockNumber.toString()}</span>}
      {state.status === "failed" && <span>: {state.message}</span>}
      {hash && (
        <div className="muted mono" title={hash}>
          tx {hash.slice(0, 10)}…{hash.slice(-6)}
        </div>
      )}
    </div>
  );
}
