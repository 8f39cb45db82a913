"use client";

import { useConnection } from "wagmi";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useIsClient } from "@/hooks/useIsClient";
import { useInvoiceCounts } from "@/hooks/useInvoiceIndex";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { PagedInvoices } from "./PagedInvoices";
import { TokenizeForm } from "./TokenizeForm";

/** The SME's place: tokenize an invoice, then follow every invoice it issued. */
export function SmeInvoicesPage() {
  const isClient = useIsClient();
  const { address, isConnected } = useConnection();
  const token = useTokenInfo(useDeployedAddress("Stablecoin"));
  const now = useChainTime();
  const invoices = useInvoiceCounts({ issuer: address });
  const total = invoices.data ? invoices.data.open + invoices.data.closed : undefined;
  if (!isClient) return <section className="card">Loading…</section>;
  if (!isConnected || !address) {
    return <p className="muted">Connect a wallet on the Wallet page to tokenize and follow your invoices.</p>;
  }
  return (
    <div className="stack">
      <h1>My invoices</h1>
      <TokenizeForm />
      <section className="card">
        <h2>Issued by you</h2>
        {invoices.isError && (
          <p role="alert" className="error">
            Could not read your invoices: {invoices.error?.message}
          </p>
        )}
        {invoices.isPending && !invoices.isError && <p className="muted">Loading your invoices…</p>}
        {total === 0 && <p className="muted">No invoices yet. Tokenize your first one above.</p>}
        {total !== undefined && total > 0 && token && now !== undefined && (
          <PagedInvoices
            filter={{ issuer: address }}
            token={token}
            now={now}
            counterparty="debtor"
            viewer={address}
            label="Issued invoices"
          />
        )}
      </section>
    </div>
  );
}
