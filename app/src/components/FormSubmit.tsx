"use client";

import type { TxState } from "@/hooks/useContractAction";
import { TxStatus } from "./TxStatus";

/**
 * The end of a transaction form: the reason the input was refused, the submit button (locked
 * while a transaction is in flight) and the transaction's progress. `disabled` defaults to `busy`;
 * without `state` the form shows its progress elsewhere.
 */
export function FormSubmit(props: {
  label: string;
  problem: string | undefined;
  busy: boolean;
  state?: TxState;
  problemId?: string;
  disabled?: boolean;
}) {
  const { label, problem, busy, state, problemId, disabled = busy } = props;
  return (
    <>
      {problem && (
        <p role="alert" className="error" id={problemId}>
          {problem}
        </p>
      )}
      <button type="submit" disabled={disabled}>
        {busy ? "Working…" : label}
      </button>
      {state && <TxStatus state={state} />}
    </>
  );
}
