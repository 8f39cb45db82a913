"use client";

import { useConnection } from "wagmi";
import { useChainTime } from "@/hooks/useChainTime";
import { useDeployedAddress } from "@/hooks/useDeployed";
import { useIsClient } from "@/hooks/useIsClient";
import { useInvoiceCounts } from "@/hooks/useInvoiceIndex";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { DebtorActions } from "./DebtorActions";
import { PagedInvoices } from "./PagedInvoices";

/** The debtor's accounts-payable view: every invoice addressed to this wallet, and what to do next. */
export function DebtorPage() {
  const isClient = useIsClient();
  const { address, isConnected } = useConnection();
  const token = useTokenInfo(useDeployedAddress("Stablecoin"));
  const now = useChainTime();
  const invoices = useInvoiceCounts({ debtor: address });
  if (!isClient) return <section className="card">Loading…</section>;
  if (!isConnected || !address) {
    return <p className="muted">Connect a wallet on the Wallet page to see the invoices addressed to you.</p>;
  }
  const open = invoices.data?.open ?? 0;
  const closed = invoices.data?.closed ?? 0;
  return (
    <div className="stack">
      <h1>Invoices to pay</h1>
      <section className="card">
        <h2>Open</h2>
        {invoices.isError && (
          <p role="alert" className="error">
            Could not read the invoices: {invoices.error?.message}
          </p>
        )}
        {invoices.isPending && !invoices.isError && <p className="muted">Loading invoices…</p>}
        {invoices.data && open === 0 && <p className="muted">Nothing to acknowledge or pay.</p>}
        {open > 0 && token && now !== undefined && (
          <PagedInvoices
            filter={{ debtor: address, closed: false }}
            label="Open invoices"
            token={token}
            now={now}
            counterparty="issuer"
            viewer={address}
            actions={(row) => <DebtorActions row={row} token={token} />}
          />
        )}
      </section>
      {closed > 0 && token && now !== undefined && (
        <section className="card">
          <h2>Settled or cancelled</h2>
          <PagedInvoices
            filter={{ debtor: address, closed: true }}
            label="Settled invoices"
            token={token}
            now={now}
            counterparty="issuer"
            viewer={address}
          />
        </section>
      )}
    </div>
  );
}
