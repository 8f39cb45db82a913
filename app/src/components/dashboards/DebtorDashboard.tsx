"use client";

import Link from "next/link";
import { useConnection } from "wagmi";
import { CopyAddress } from "@/components/CopyAddress";
import { DueByWeekChart } from "@/components/charts/DueByWeekChart";
import { useChainTime } from "@/hooks/useChainTime";
import { useOpenInvoices } from "@/hooks/useReceivables";
import { documentHashOf, outstandingOf } from "@/lib/receivables";
import { dueLabel, formatDate } from "@/lib/time";
import { DashboardHeader, Shell, Kpi, LoadError, Loading, NeedWallet, useMoney } from "./parts";

/** The debtor's first question: what must I confirm, and what must I pay, by when. */
export function DebtorDashboard() {
  const { address } = useConnection();
  const now = useChainTime();
  const m = useMoney();
  const invoices = useOpenInvoices({ debtor: address });
  const header = (
    <DashboardHeader
      title="What you owe"
      question="Invoices your suppliers issued to you: confirm them, then pay by the due date."
      action={<Link href="/debtor">Acknowledge and pay</Link>}
    />
  );
  if (!address)
    return (
      <Shell header={header}>
        <NeedWallet what="the invoices you owe" />
      </Shell>
    );
  if (invoices.isError)
    return (
      <Shell header={header}>
        <LoadError what="your invoices" error={invoices.error} />
      </Shell>
    );
  if (!m || now === undefined || !invoices.data)
    return (
      <Shell header={header}>
        <Loading what="what you owe" />
      </Shell>
    );

  const toAcknowledge = invoices.data.filter((r) => r.receivable.status === "Issued");
  const toPay = invoices.data
    .filter((r) => r.receivable.status === "Acknowledged" && outstandingOf(r.receivable) > 0n)
    .sort((a, b) => a.receivable.dueDate - b.receivable.dueDate);
  const total = toPay.reduce((s, r) => s + outstandingOf(r.receivable), 0n);
  const late = toPay.filter((r) => r.receivable.dueDate < now);
  const lateTotal = late.reduce((s, r) => s + outstandingOf(r.receivable), 0n);
  const next = toPay.find((r) => r.receivable.dueDate >= now) ?? toPay[0];

  return (
    <div className="stack">
      {header}
      <dl className="kpis">
        <Kpi
          label="To pay"
          testId="debtor-to-pay"
          raw={total}
          value={m.money(total)}
          note={`${toPay.length} invoices`}
        />
        <Kpi
          label="Overdue"
          testId="debtor-overdue"
          raw={lateTotal}
          value={m.money(lateTotal)}
          note={late.length ? `${late.length} invoice${late.length === 1 ? "" : "s"} past due` : "nothing late"}
        />
        <Kpi
          label="To acknowledge"
          testId="debtor-to-acknowledge"
          raw={toAcknowledge.length}
          value={toAcknowledge.length}
          note="invoices waiting for your confirmation"
        />
        <Kpi
          label="Next due"
          testId="debtor-next-due"
          value={next ? formatDate(next.receivable.dueDate) : "—"}
          note={
            next ? `${m.money(outstandingOf(next.receivable))}, ${dueLabel(next.receivable.dueDate, now)}` : undefined
          }
        />
      </dl>
      <section className="card" aria-labelledby="debtor-ack">
        <h2 id="debtor-ack">Waiting for your acknowledgement</h2>
        {toAcknowledge.length === 0 ? (
          <p className="muted">Nothing to confirm.</p>
        ) : (
          <ul className="todo-list">
            {toAcknowledge.map((r) => (
              <li key={r.tokenId.toString()} data-testid="debtor-ack-item">
                <Link href={`/invoices/${documentHashOf(r.tokenId)}`}>{r.invoiceNumber ?? "Invoice"}</Link>
                <CopyAddress address={r.receivable.issuer} />
                <span>{m.money(r.receivable.faceValue)}</span>
                <span className="muted">{dueLabel(r.receivable.dueDate, now)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="debtor-pay">
        <h2 id="debtor-pay">To pay, soonest first</h2>
        {toPay.length === 0 ? (
          <p className="muted">You owe nothing right now.</p>
        ) : (
          <ul className="todo-list">
            {toPay.map((r) => (
              <li key={r.tokenId.toString()} data-testid="debtor-pay-item">
                <Link href={`/invoices/${documentHashOf(r.tokenId)}`}>{r.invoiceNumber ?? "Invoice"}</Link>
                <CopyAddress address={r.receivable.issuer} />
                <span>{m.money(outstandingOf(r.receivable))}</span>
                <span className={r.receivable.dueDate < now ? "late" : "muted"}>
                  {formatDate(r.receivable.dueDate)} · {dueLabel(r.receivable.dueDate, now)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DueByWeekChart
        title="To pay per week"
        items={toPay.map((r) => ({ due: r.receivable.dueDate, amount: outstandingOf(r.receivable), kind: "invoice" }))}
        now={now}
        decimals={m.decimals}
        symbol={m.symbol}
        names={{ invoice: "Invoices to pay", installment: "" }}
      />
    </div>
  );
}
