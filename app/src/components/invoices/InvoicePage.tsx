"use client";

import { useConnection } from "wagmi";
import { type Hex, isAddressEqual, isHex } from "viem";
import { formatAmount } from "@/lib/format";
import { outstandingOf, settled, tokenIdOf } from "@/lib/receivables";
import { statusHelp } from "@/lib/invoice";
import { dueLabel, formatDate } from "@/lib/time";
import { useChainTime } from "@/hooks/useChainTime";
import { useIsClient } from "@/hooks/useIsClient";
import { usePools } from "@/hooks/usePools";
import { useInvoice, useInvoiceHistory, useTokenizedFromChain } from "@/hooks/useReceivables";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { CopyAddress } from "../CopyAddress";
import { DebtorActions } from "./DebtorActions";
import { FinanceOffer } from "./FinanceOffer";
import { IssuerActions } from "./IssuerActions";
import { Timeline } from "./Timeline";

/**
 * One invoice: its terms, who holds it and what is owed (from the chain), and its history (from
 * the indexer). When the indexer cannot be reached the rest of the page still renders, its number
 * read from the tokenizing log instead, and the history says why it is missing.
 */
export function InvoicePage({ id }: { id: string }) {
  const isClient = useIsClient();
  const valid = isHex(id) && id.length === 66;
  const tokenId = valid ? tokenIdOf(id as Hex) : undefined;
  const { address } = useConnection();
  const invoice = useInvoice(tokenId);
  const history = useInvoiceHistory(tokenId);
  const fallback = useTokenizedFromChain(tokenId, history.isError);
  const now = useChainTime();
  const token = useTokenInfo(invoice.data?.receivable.currency);
  const pools = usePools();
  if (!valid) return <p className="error">“{id}” is not an invoice id (a 0x… document hash).</p>;
  if (!isClient || invoice.isPending) return <section className="card">Loading the invoice…</section>;
  if (invoice.isError) {
    return (
      <p role="alert" className="error">
        Could not read the invoice: {invoice.error.message}
      </p>
    );
  }
  if (!invoice.data) return <p className="muted">No invoice has this document hash.</p>;
  const { receivable: r, holder } = invoice.data;
  const { metadata, registeredNumber } = history.data ?? fallback.data ?? { metadata: {}, registeredNumber: undefined };
  if (!token || now === undefined) return <section className="card">Loading…</section>;
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  const isIssuerHolder = address && holder && isAddressEqual(address, r.issuer) && isAddressEqual(address, holder);
  const isDebtor = address && isAddressEqual(address, r.debtor);
  const open = r.status !== "Paid" && r.status !== "Cancelled";
  // The issuer compares every pool's offer while it holds an acknowledged invoice, and sees the
  // deal of the pool that bought it once sold.
  const isIssuer = address && isAddressEqual(address, r.issuer);
  const buyer = holder ? pools.find((p) => isAddressEqual(holder, p.address)) : undefined;
  const offerers = buyer ? [buyer] : isIssuerHolder ? pools : [];
  const showFinance = isIssuer && holder && r.status === "Acknowledged" && offerers.length > 0;
  return (
    <div className="stack">
      <h1>
        Invoice {metadata.invoiceNumber ?? ""}{" "}
        <span className={`badge badge-${r.status.toLowerCase()}`} data-testid="invoice-status">
          {r.status}
        </span>
      </h1>
      <p className="muted">{statusHelp[r.status]}</p>
      <section className="card">
        <dl className="facts">
          <div>
            <dt>Amount</dt>
            <dd>{money(r.faceValue)}</dd>
          </div>
          <div>
            <dt>Paid on chain</dt>
            <dd data-testid="amount-paid">{money(r.amountPaid)}</dd>
          </div>
          {r.amountAttested > 0n && (
            <div>
              <dt>Attested (paid off chain)</dt>
              <dd>{money(r.amountAttested)}</dd>
            </div>
          )}
          <div>
            <dt>Outstanding</dt>
            <dd>{money(outstandingOf(r))}</dd>
          </div>
          <div>
            <dt>Issued</dt>
            <dd>{formatDate(r.issueDate)}</dd>
          </div>
          <div>
            <dt>Due</dt>
            <dd>
              {formatDate(r.dueDate)}
              {open && settled(r) < r.faceValue && <small className="muted"> · {dueLabel(r.dueDate, now)}</small>}
            </dd>
          </div>
          <div>
            <dt>Issuer (SME)</dt>
            <dd>
              <CopyAddress address={r.issuer} />
            </dd>
          </div>
          <div>
            <dt>Debtor</dt>
            <dd>
              <CopyAddress address={r.debtor} />
            </dd>
          </div>
          <div>
            <dt>Held by (receives payments)</dt>
            <dd>{holder && <CopyAddress address={holder} />}</dd>
          </div>
          <div>
            <dt>Document SHA-256</dt>
            <dd className="mono wrap">{id}</dd>
          </div>
        </dl>
        {metadata.description && <p>{metadata.description}</p>}
      </section>
      {isIssuerHolder && open && <IssuerActions tokenId={tokenId!} receivable={r} />}
      {showFinance && (
        <div className="offers" data-testid="offers">
          {offerers.map((p) => (
            <FinanceOffer
              key={p.address}
              pool={p}
              tokenId={tokenId!}
              receivable={r}
              holder={holder}
              token={token}
              now={now}
            />
          ))}
        </div>
      )}
      {isDebtor && open && (
        <section className="card">
          <h2>As the debtor</h2>
          <DebtorActions
            row={{
              tokenId: tokenId!,
              registeredNumber: registeredNumber ?? "",
              receivable: r,
              holder,
            }}
            token={token}
          />
        </section>
      )}
      <section className="card">
        <h2>History</h2>
        {history.data ? (
          <Timeline entries={history.data.timeline} token={token} />
        ) : history.isError || fallback.data ? (
          // The fallback only runs once the indexer failed to answer: while it keeps retrying
          // (and the query is pending again), the page still says why there is no history.
          <p role="alert" className="error" data-testid="history-unavailable">
            The history is read from the indexer, which cannot be reached now; the rest of this page is read from the
            chain.
          </p>
        ) : (
          <p className="muted">Loading the history…</p>
        )}
      </section>
    </div>
  );
}
