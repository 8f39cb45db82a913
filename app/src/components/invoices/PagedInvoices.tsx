"use client";

import { useState } from "react";
import type { Address } from "viem";
import { type InvoiceIndexEntry, useInvoicePage } from "@/hooks/useInvoiceIndex";
import type { InvoiceRow } from "@/hooks/useReceivables";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { Pager, pageOf } from "../Pager";
import { InvoiceTable } from "./InvoiceTable";

interface Props {
  entries: InvoiceIndexEntry[];
  token: TokenInfo;
  now: number;
  counterparty: "debtor" | "issuer";
  viewer: Address;
  label: string;
  actions?: (row: InvoiceRow) => React.ReactNode;
}

/** One page of invoices (25): only that page's stored state is read. */
export function PagedInvoices({ entries, label, ...table }: Props) {
  const [wanted, setPage] = useState(0);
  const { rows, page } = pageOf(entries, wanted);
  const state = useInvoicePage(rows);
  return (
    <div className="stack" data-testid="paged-invoices" data-page={page} data-loaded={state.data ? "yes" : "no"}>
      {state.isError && (
        <p role="alert" className="error">
          Could not read these invoices: {state.error.message}
        </p>
      )}
      {state.isPending && !state.isError && <p className="muted">Loading invoices…</p>}
      {state.data && <InvoiceTable rows={state.data} {...table} />}
      <Pager page={page} total={entries.length} onPage={setPage} label={label} />
    </div>
  );
}
