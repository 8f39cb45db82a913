"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo, useState } from "react";
import { type Address, getAddress, isAddress } from "viem";
import { formatAmount } from "@/lib/format";
import { type FlowFilter, applyFilter, filterFromParams, filterToParams } from "@/lib/flows/filter";
import { type FlowKind, type FlowRow, flowKinds, kindLabels } from "@/lib/flows/model";
import { type Naming, toRecord, totalOf } from "@/lib/flows/records";
import { reconcile } from "@/lib/flows/reconcile";
import { useChainTime } from "@/hooks/useChainTime";
import { type FlowData, useFlows } from "@/hooks/useFlows";
import { useIsClient } from "@/hooks/useIsClient";
import { type TokenInfo, useTokenInfo } from "@/hooks/useTokenInfo";
import { CsvButton } from "./CsvButton";
import { type FilterOptions, FlowFilters } from "./FlowFilters";
import { FlowDiagram } from "./FlowDiagram";
import { FlowTable } from "./FlowTable";
import { ReconciliationPanel } from "./ReconciliationPanel";
import { PoolPicker } from "../pool/PoolPicker";
import { makeNaming } from "./naming";

const filterFromUrl = (query: string) => filterFromParams(new URLSearchParams(query), flowKinds);

function optionsOf(rows: FlowRow[], naming: Naming, invoiceNumbers: Map<bigint, string>): FilterOptions {
  const parties = new Map<Address, string>();
  const kindCounts = new Map<FlowKind, number>();
  const invoices = new Set<bigint>();
  const loans = new Set<bigint>();
  for (const r of rows) {
    parties.set(r.from, naming.party(r.from, r.fromRole));
    parties.set(r.to, naming.party(r.to, r.toRole));
    kindCounts.set(r.kind, (kindCounts.get(r.kind) ?? 0) + 1);
    if (r.invoiceId !== undefined) invoices.add(r.invoiceId);
    if (r.loanId !== undefined) loans.add(r.loanId);
  }
  return {
    parties: [...parties].map(([address, name]) => ({ address, name })).sort((a, b) => a.name.localeCompare(b.name)),
    invoices: [...invoices]
      .map((id) => ({ id, label: invoiceNumbers.get(id) ?? naming.invoice(id) }))
      .sort((a, b) => a.label.localeCompare(b.label)),
    loans: [...loans].sort((a, b) => (a < b ? -1 : 1)),
    kindCounts,
  };
}

function Explorer({
  data,
  token,
  filter,
  onFilter,
}: {
  data: FlowData;
  token: TokenInfo;
  filter: FlowFilter;
  onFilter: (f: FlowFilter) => void;
}) {
  const now = useChainTime();
  const naming = useMemo(
    () => makeNaming({ pool: data.pool, escrow: data.escrow, vault: data.vault }, data.invoiceNumbers, token.decimals),
    [data, token.decimals],
  );
  const options = useMemo(() => optionsOf(data.rows, naming, data.invoiceNumbers), [data, naming]);
  const selected = useMemo(() => applyFilter(data.rows, filter), [data.rows, filter]);
  // Newest first on screen and in the file: the CSV is made from exactly these records.
  const records = useMemo(() => [...selected].reverse().map((r) => toRecord(r, naming)), [selected, naming]);
  const identities = useMemo(
    () =>
      reconcile(
        data.rows,
        data.balances,
        { pool: data.pool, escrow: data.escrow, vault: data.vault, queue: data.queue },
        kindLabels,
      ),
    [data],
  );
  const total = totalOf(selected);
  return (
    <>
      <section className="card" aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        <FlowFilters filter={filter} options={options} onChange={onFilter} />
        <div className="row flow-summary">
          <span>
            <strong data-testid="flow-count" data-count={records.length}>
              {records.length.toLocaleString()} movement{records.length === 1 ? "" : "s"}
            </strong>{" "}
            ·{" "}
            <span data-testid="flow-total" data-value={total.toString()}>
              {formatAmount(total, token.decimals, 2)} {token.symbol} moved
            </span>
          </span>
          <CsvButton records={records} symbol={token.symbol} />
        </div>
        <FlowTable key={filterToParams(filter).toString()} records={records} token={token} now={now} />
      </section>
      <section className="card" aria-labelledby="diagram">
        <h2 id="diagram">Where the money went</h2>
        <p className="muted">
          The selected movements by role: investors and lenders fund the pool and the loan escrow, SMEs receive advances
          and loans, debtors and SMEs pay back, and the pool pays investors out.
        </p>
        <FlowDiagram rows={selected} token={token} />
      </section>
      <ReconciliationPanel identities={identities} token={token} atBlock={data.atBlock} />
    </>
  );
}

/** The fund-flow explorer: every movement of money rebuilt from the contracts' events. */
export function FlowsPage() {
  const isClient = useIsClient();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  // The filter shows at once; the URL (shareable, and what links such as "Loan #3" set) follows.
  const urlKey = params.toString();
  const [state, setState] = useState(() => ({ seenUrl: urlKey, filter: filterFromUrl(urlKey) }));
  if (state.seenUrl !== urlKey) setState({ seenUrl: urlKey, filter: filterFromUrl(urlKey) });
  const filter = state.filter;
  const chosen = params.get("pool");
  const poolParam: Address | undefined = chosen && isAddress(chosen) ? getAddress(chosen) : undefined;
  const onFilter = (f: FlowFilter) => {
    const next = filterToParams(f);
    if (poolParam) next.set("pool", poolParam);
    const query = next.toString();
    setState({ seenUrl: urlKey, filter: f });
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  const { data, isError, error, isPending, deployed } = useFlows(poolParam);
  const token = useTokenInfo(data?.balances.asset);
  return (
    <div className="stack flows-page">
      <h1>Fund flows</h1>
      <p className="muted">
        Every movement of money between investors, the pool, SMEs, debtors and lenders, read from the contracts&apos;
        events by the protocol&apos;s indexer. Filter it, export it, and check it below against the balances the chain
        itself reports.
      </p>
      {isClient && <PoolPicker current={poolParam ?? data?.pool} path="/flows" />}
      {isClient && !deployed ? (
        <p className="muted">The protocol is not deployed on this chain.</p>
      ) : !isClient || (isPending && !data) ? (
        <section className="card" data-testid="flows-loading">
          Reading the fund flows from the indexer…
        </section>
      ) : isError && !data ? (
        <p role="alert" className="error">
          Could not read the fund flows: {error?.message}
        </p>
      ) : !data || !token ? (
        <section className="card">Reading the stablecoin…</section>
      ) : (
        <Explorer data={data} token={token} filter={filter} onFilter={onFilter} />
      )}
    </div>
  );
}
