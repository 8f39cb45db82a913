"use client";

import { useId } from "react";
import type { Address } from "viem";
import { shortAddress } from "@/lib/format";
import { type FlowFilter, isFiltered, noFilter } from "@/lib/flows/filter";
import { type FlowKind, flowKinds, kindLabels } from "@/lib/flows/model";

export interface FilterOptions {
  parties: { address: Address; name: string }[];
  invoices: { id: bigint; label: string }[];
  loans: bigint[];
  kindCounts: Map<FlowKind, number>;
}

/** Kind, party, date range, invoice and loan; every change goes to the URL (shareable). */
export function FlowFilters({
  filter,
  options,
  onChange,
}: {
  filter: FlowFilter;
  options: FilterOptions;
  onChange: (f: FlowFilter) => void;
}) {
  const id = useId();
  const toggle = (k: FlowKind) =>
    onChange({
      ...filter,
      kinds: filter.kinds.includes(k) ? filter.kinds.filter((x) => x !== k) : [...filter.kinds, k],
    });
  const badRange = filter.fromDate && filter.toDate && filter.fromDate > filter.toDate;
  return (
    <form className="flow-filters" aria-label="Filter movements" onSubmit={(e) => e.preventDefault()}>
      <fieldset className="field kind-chips">
        <legend>Kind {filter.kinds.length === 0 && <span className="muted">(all)</span>}</legend>
        {flowKinds
          .filter((k) => options.kindCounts.has(k) || filter.kinds.includes(k))
          .map((k) => (
            <label key={k} className="chip">
              <input type="checkbox" checked={filter.kinds.includes(k)} onChange={() => toggle(k)} />
              {kindLabels[k]} <span className="muted">{options.kindCounts.get(k) ?? 0}</span>
            </label>
          ))}
      </fieldset>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-party`}>Party</label>
          <select
            id={`${id}-party`}
            value={filter.party ?? ""}
            onChange={(e) => onChange({ ...filter, party: (e.target.value || undefined) as Address | undefined })}
          >
            <option value="">Everyone</option>
            {options.parties.map((p) => (
              <option key={p.address} value={p.address}>
                {p.name} · {shortAddress(p.address)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-invoice`}>Invoice</label>
          <select
            id={`${id}-invoice`}
            value={filter.invoice?.toString() ?? ""}
            onChange={(e) => onChange({ ...filter, invoice: e.target.value ? BigInt(e.target.value) : undefined })}
          >
            <option value="">All invoices</option>
            {options.invoices.map((i) => (
              <option key={i.id.toString()} value={i.id.toString()}>
                {i.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-loan`}>Loan</label>
          <select
            id={`${id}-loan`}
            value={filter.loan?.toString() ?? ""}
            onChange={(e) => onChange({ ...filter, loan: e.target.value ? BigInt(e.target.value) : undefined })}
          >
            <option value="">All loans</option>
            {options.loans.map((id) => (
              <option key={id.toString()} value={id.toString()}>
                Loan #{id.toString()}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From date</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filter.fromDate ?? ""}
            onChange={(e) => onChange({ ...filter, fromDate: e.target.value || undefined })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To date</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filter.toDate ?? ""}
            onChange={(e) => onChange({ ...filter, toDate: e.target.value || undefined })}
          />
        </div>
      </div>
      {badRange && (
        <p role="alert" className="error">
          The start date is after the end date: nothing can match.
        </p>
      )}
      {isFiltered(filter) && (
        <div>
          <button type="button" className="secondary" onClick={() => onChange(noFilter)}>
            Clear filters
          </button>
        </div>
      )}
    </form>
  );
}
