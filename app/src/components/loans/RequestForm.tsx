"use client";

import { useMemo, useState, type FormEvent } from "react";
import { zeroAddress } from "viem";
import { formatAmount, parseAmountInput } from "@/lib/format";
import { scheduleKind, scheduleKinds } from "@/lib/loans";
import { dateInputToSeconds, formatDate, relativeDays } from "@/lib/time";
import { useScaffoldWriteContract } from "@/hooks/useScaffoldContract";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { PREVIEW_ROWS, type PreviewTerms, useSchedulePreview } from "@/hooks/useSchedulePreview";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { FormSubmit } from "../FormSubmit";

const DAY = 86_400;
const inDays = (days: number, from: number) => new Date((from + days * DAY) * 1000).toISOString().slice(0, 10);

type Checked = { ok: true; terms: PreviewTerms; deadline: number } | { ok: false; reason: string };

/** Checks what the borrower typed, in the order of the form, before anything reaches the chain. */
function check(
  values: {
    amount: string;
    rate: string;
    count: string;
    periodDays: string;
    kind: number;
    grace: string;
    deadline: string;
  },
  decimals: number,
  now: number,
): Checked {
  const amount = parseAmountInput(values.amount, decimals);
  if (!amount.ok) return { ok: false, reason: `Amount: ${amount.reason}` };
  if (!/^\d+(\.\d{1,2})?$/.test(values.rate.trim())) {
    return { ok: false, reason: "The annual rate is a percentage with at most two decimals, e.g. 12 or 9.5." };
  }
  const rateBps = Math.round(Number(values.rate) * 100);
  if (rateBps > 10_000) return { ok: false, reason: "The annual rate can be at most 100 %." };
  if (!/^\d+$/.test(values.count.trim())) return { ok: false, reason: "The number of installments is a whole number." };
  const count = Number(values.count);
  // LOAN_MAX_INSTALLMENTS in contracts/interfaces/ILoanManager.sol (finding F-20).
  if (count < 1 || count > 120) return { ok: false, reason: "The number of installments must be between 1 and 120." };
  if (!/^\d+$/.test(values.periodDays.trim()))
    return { ok: false, reason: "Days between installments is a whole number." };
  const periodDays = Number(values.periodDays);
  if (periodDays < 1 || periodDays > 365) return { ok: false, reason: "Installments must be 1 to 365 days apart." };
  if (!/^\d+$/.test(values.grace.trim() || "0"))
    return { ok: false, reason: "Interest-only installments is a whole number." };
  const graceCount = Number(values.grace || "0");
  if (graceCount > 0 && values.kind !== scheduleKind("Amortizing")) {
    return { ok: false, reason: "Interest-only installments only exist for amortizing loans." };
  }
  if (graceCount >= count) return { ok: false, reason: "Leave at least one installment to repay the principal." };
  const deadline = dateInputToSeconds(values.deadline);
  if (deadline === undefined) return { ok: false, reason: "Choose the funding deadline." };
  if (deadline <= now) return { ok: false, reason: "The funding deadline must be in the future." };
  return {
    ok: true,
    terms: { principal: amount.value, rateBps, count, period: periodDays * DAY, kind: values.kind, graceCount },
    deadline,
  };
}

/** A verified SME asks for a loan; the schedule preview is computed on chain as they type. */
export function RequestForm({ token, now }: { token: TokenInfo; now: number }) {
  const manager = useDeployedAddress("LoanManager");
  const [amount, setAmount] = useState("");
  const [rate, setRate] = useState("12");
  const [count, setCount] = useState("6");
  const [periodDays, setPeriodDays] = useState("30");
  const [kind, setKind] = useState(0);
  const [grace, setGrace] = useState("0");
  const [deadline, setDeadline] = useState(() => inDays(14, now));
  const [problem, setProblem] = useState<string>();
  const { state, busy, write } = useScaffoldWriteContract("LoanManager");
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;

  const checked = useMemo(
    () => check({ amount, rate, count, periodDays, kind, grace, deadline }, token.decimals, now),
    [amount, rate, count, periodDays, kind, grace, deadline, token.decimals, now],
  );
  const preview = useSchedulePreview(checked.ok ? checked.terms : undefined, now);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!checked.ok) return setProblem(checked.reason);
    setProblem(undefined);
    const { terms } = checked;
    await write({
      functionName: "request",
      args: [
        {
          principal: terms.principal,
          rateBps: terms.rateBps,
          count: terms.count,
          period: terms.period,
          kind: terms.kind,
          graceCount: terms.graceCount,
          collateralToken: zeroAddress,
          collateralId: 0n,
          fundingDeadline: checked.deadline,
        },
      ],
    });
  }

  const rows = preview.data?.rows ?? [];
  const totalInterest = rows.reduce((sum, r) => sum + r.interest, 0n);
  return (
    <section className="card">
      <h2>Request a loan</h2>
      <form onSubmit={submit} noValidate className="form" aria-label="Request a loan">
        <label className="field">
          <span>Amount ({token.symbol})</span>
          <input name="principal" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </label>
        <label className="field">
          <span>Annual rate (%)</span>
          <input name="rate" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
        </label>
        <label className="field">
          <span>Installments</span>
          <input name="count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
        </label>
        <label className="field">
          <span>Days between installments</span>
          <input
            name="periodDays"
            inputMode="numeric"
            value={periodDays}
            onChange={(e) => setPeriodDays(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Repayment</span>
          <select name="kind" value={kind} onChange={(e) => setKind(Number(e.target.value))}>
            {scheduleKinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        {kind === scheduleKind("Amortizing") && (
          <label className="field">
            <span>Interest-only installments first</span>
            <input name="grace" inputMode="numeric" value={grace} onChange={(e) => setGrace(e.target.value)} />
          </label>
        )}
        <label className="field">
          <span>Funding deadline</span>
          <input name="deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          <small className="muted">
            Lenders can fund, and you can draw down, until then
            {checked.ok && <> ({relativeDays(checked.deadline, now)})</>}.
          </small>
        </label>
        <FormSubmit
          label="Request loan"
          problem={problem}
          problemId="request-problem"
          busy={busy}
          disabled={busy || !manager}
          state={state}
        />
      </form>
      <div data-testid="schedule-preview">
        <h3>Schedule preview</h3>
        {!checked.ok && <p className="muted">Fill in the terms to see the installments ({checked.reason})</p>}
        {checked.ok && preview.isPending && <p className="muted">Computing the schedule on chain…</p>}
        {checked.ok && preview.isError && (
          <p role="alert" className="error">
            {preview.error.message}
          </p>
        )}
        {checked.ok && preview.data && (
          <>
            <p className="muted">
              If drawn down today: total interest {money(totalInterest)}
              {preview.data.truncated && ` (first ${PREVIEW_ROWS} installments and the last one shown)`}, total to repay{" "}
              {money(checked.terms.principal + totalInterest)}.
            </p>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Due</th>
                    <th>Principal</th>
                    <th>Interest</th>
                    <th>Total</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.index} data-testid="preview-row">
                      <td>{r.index + 1}</td>
                      <td>
                        {formatDate(r.dueDate)} <small className="muted">{relativeDays(r.dueDate, now)}</small>
                      </td>
                      <td>{money(r.principal)}</td>
                      <td>{money(r.interest)}</td>
                      <td>{money(r.principal + r.interest)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
