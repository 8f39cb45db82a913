"use client";

import Link from "next/link";
import { useConnection } from "wagmi";
import { DueByWeekChart } from "@/components/charts/DueByWeekChart";
import { useCashReceived } from "@/hooks/useCashReceived";
import { useChainTime } from "@/hooks/useChainTime";
import { useInstallments } from "@/hooks/useLedgers";
import { useLoans } from "@/hooks/useLoans";
import { useOpenInvoices } from "@/hooks/useReceivables";
import { enumMember } from "@/lib/contracts";
import type { DueItem } from "@/lib/history";
import { documentHashOf, outstandingOf } from "@/lib/receivables";
import { dueLabel, formatDate } from "@/lib/time";
import { DashboardHeader, Shell, Kpi, LoadError, Loading, NeedWallet, useMoney } from "./parts";

const OPEN = new Set(["Issued", "Acknowledged", "Disputed"]);

/** First of the month (local calendar) that contains chain time `now`, in seconds. */
function monthStart(now: number) {
  const d = new Date(now * 1000);
  return Math.floor(new Date(d.getFullYear(), d.getMonth(), 1).getTime() / 1000);
}

/** The SME's first question: what cash came in, what is still to come, and what it must repay next. */
export function SmeDashboard() {
  const { address } = useConnection();
  const now = useChainTime();
  const m = useMoney();
  const invoices = useOpenInvoices({ issuer: address });
  const loans = useLoans(undefined, { borrower: address, statuses: ["Active"] });
  // Found by the indexer; the status read from the chain decides (the indexer may be a block behind).
  const mine = address ? (loans.data ?? []).filter((l) => l.status === "Active") : [];
  const schedules = useInstallments(mine.map((l) => l.id));
  const since = now === undefined ? undefined : monthStart(now);
  const cash = useCashReceived(address, since);

  const header = (
    <DashboardHeader
      title="Your business"
      question="How much cash came in, how much is still owed to you, and what you repay next."
      action={<Link href="/invoices">Tokenize an invoice</Link>}
    />
  );
  if (!address)
    return (
      <Shell header={header}>
        <NeedWallet what="your invoices and loans" />
      </Shell>
    );
  if (invoices.isError)
    return (
      <Shell header={header}>
        <LoadError what="your invoices" error={invoices.error} />
      </Shell>
    );
  if (loans.isError)
    return (
      <Shell header={header}>
        <LoadError what="the loans" error={loans.error} />
      </Shell>
    );
  if (!m || now === undefined || !invoices.data || !loans.data)
    return (
      <Shell header={header}>
        <Loading what="your business overview" />
      </Shell>
    );

  const open = invoices.data.filter((r) => OPEN.has(r.receivable.status) && outstandingOf(r.receivable) > 0n);
  const ownedByMe = open.filter((r) => r.holder === address);
  const financed = open.filter((r) => r.holder !== address);
  const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
  const owed = sum(ownedByMe.map((r) => outstandingOf(r.receivable)));
  const overdue = ownedByMe.filter((r) => r.receivable.dueDate < now);
  const financedFace = sum(financed.map((r) => outstandingOf(r.receivable)));
  const upcoming = (schedules.data ?? [])
    .flatMap((s) =>
      s.rows
        .filter((row) => enumMember("ILoanLens.InstallmentStatus", row.status, undefined) !== "Paid")
        .map((row) => ({
          loanId: s.loanId,
          due: Number(row.dueDate),
          amount: row.principal + row.interest - row.paid,
        })),
    )
    .sort((a, b) => a.due - b.due);
  const next = upcoming[0];
  const dueItems: DueItem[] = [
    ...ownedByMe.map((r) => ({
      due: r.receivable.dueDate,
      amount: outstandingOf(r.receivable),
      kind: "invoice" as const,
    })),
    ...upcoming.map((u) => ({ due: u.due, amount: u.amount, kind: "installment" as const })),
  ];
  const month = new Date(now * 1000).toLocaleDateString(undefined, { month: "long" });

  return (
    <div className="stack">
      {header}
      <dl className="kpis">
        <Kpi
          label={`Cash received in ${month}`}
          testId="sme-cash-month"
          raw={cash.data?.total}
          value={cash.data ? m.money(cash.data.total) : cash.isError ? "unavailable" : "…"}
          note={
            cash.data &&
            `${m.money(cash.data.fromDebtors + cash.data.fromForwarded)} from debtors, ${m.money(cash.data.fromAdvances)} advances, ${m.money(cash.data.fromLoans)} loans`
          }
        />
        <Kpi
          label="Owed to you"
          testId="sme-owed"
          raw={owed}
          value={m.money(owed)}
          note={`${ownedByMe.length} invoice${ownedByMe.length === 1 ? "" : "s"}${overdue.length ? `, ${overdue.length} overdue` : ""}`}
        />
        <Kpi
          label="Financed, debtors pay the pool"
          testId="sme-financed"
          raw={financedFace}
          value={m.money(financedFace)}
          note={`${financed.length} invoice${financed.length === 1 ? "" : "s"}`}
        />
        <Kpi
          label="Next loan payment"
          testId="sme-next-payment"
          raw={next?.amount}
          value={next ? m.money(next.amount) : "None due"}
          note={next ? `${formatDate(next.due)}, ${dueLabel(next.due, now)}` : "no active loan"}
        />
      </dl>
      <section className="card" aria-labelledby="sme-invoices-due">
        <h2 id="sme-invoices-due">Invoices to collect, by due date</h2>
        {ownedByMe.length === 0 ? (
          <p className="muted">No invoice is waiting for payment to you.</p>
        ) : (
          <ul className="todo-list">
            {[...ownedByMe]
              .sort((a, b) => a.receivable.dueDate - b.receivable.dueDate)
              .slice(0, 8)
              .map((r) => (
                <li key={r.tokenId.toString()} data-testid="sme-due-invoice">
                  <Link href={`/invoices/${documentHashOf(r.tokenId)}`}>{r.invoiceNumber ?? "Invoice"}</Link>
                  <span>{m.money(outstandingOf(r.receivable))}</span>
                  <span className={r.receivable.dueDate < now ? "late" : "muted"}>
                    {dueLabel(r.receivable.dueDate, now)}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="sme-loans-due">
        <h2 id="sme-loans-due">Loan installments due next</h2>
        {upcoming.length === 0 ? (
          <p className="muted">
            No installment to pay. <Link href="/loans">Request a loan</Link>
          </p>
        ) : (
          <ul className="todo-list">
            {upcoming.slice(0, 6).map((u) => (
              <li key={`${u.loanId}-${u.due}`} data-testid="sme-due-installment">
                <Link href="/loans">Loan #{u.loanId.toString()}</Link>
                <span>{m.money(u.amount)}</span>
                <span className={u.due < now ? "late" : "muted"}>{dueLabel(u.due, now)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DueByWeekChart
        title="Due per week"
        items={dueItems}
        now={now}
        decimals={m.decimals}
        symbol={m.symbol}
        names={{ invoice: "Invoices to collect", installment: "Installments to pay" }}
      />
    </div>
  );
}
