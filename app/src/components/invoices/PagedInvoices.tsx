"use client";

import { useState } from "react";
import type { Address } from "viem";
import { type InvoiceFilter, useInvoiceIndex, useInvoicePage } from "@/hooks/useInvoiceIndex";
import type { InvoiceRow } from "@/hooks/useReceivables";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { Pager } from "../Pager";
import { InvoiceTable } from "./InvoiceTable";

interface Props {
  filter: InvoiceFilter;
  token: TokenInfo;
  now: number;
  counterparty: "debtor" | "issuer";
  viewer: Address;
  label: string;
  actions?: (row: InvoiceRow) => React.ReactNode;
}

/**
 * One page of invoices (25): the indexer lists and counts them, and only that page's stored state
 * is read from the chain.
 */
export function PagedInvoices({ filter, label, ...table }: Props) {
  const [wanted, setPage] = useState(0);
  const index = useInvoiceIndex(filter, wanted);
  const page = index.data?.page ?? 0;
  const state = useInvoicePage(index.data?.entries ?? []);
  return (
    <div className="stack" data-testid="paged-invoices" data-page={page} data-loaded={state.data ? "yes" : "no"}>
      {index.isError && (
        <p role="alert" className="error">
          Could not list these invoices: {index.error?.message}
        </p>
      )}
      {state.isError && (
        <p role="alert" className="error">
          Could not read these invoices: {state.error.message}
        </p>
      )}
      {state.isPending && !state.isError && <p className="muted">Loading invoices…</p>}
      {state.data && <InvoiceTable rows={state.data} {...table} />}
      <Pager page={page} total={index.data?.total ?? 0} onPage={setPage} label={label} />
    </div>
  );
}
