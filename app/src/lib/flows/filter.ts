import { type Address, getAddress, isAddress, isAddressEqual } from "viem";
// Type-only imports: these pure files are also loaded by the mocha unit test outside the bundler.
import type { FlowKind, FlowRow } from "./model.ts";

/** What the reader narrowed the timeline to; every field empty means everything. */
export interface FlowFilter {
  kinds: FlowKind[];
  party?: Address;
  /** yyyy-mm-dd, in the reader's time zone, both ends included. */
  fromDate?: string;
  toDate?: string;
  invoice?: bigint;
  loan?: bigint;
}

export const noFilter: FlowFilter = { kinds: [] };

const dayStart = (date: string) => new Date(`${date}T00:00:00`).getTime() / 1000;
const dayEnd = (date: string) => new Date(`${date}T23:59:59.999`).getTime() / 1000;
const validDate = (d: string | null | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined);

export function applyFilter(rows: FlowRow[], f: FlowFilter): FlowRow[] {
  const from = f.fromDate ? dayStart(f.fromDate) : undefined;
  const to = f.toDate ? dayEnd(f.toDate) : undefined;
  return rows.filter(
    (r) =>
      (f.kinds.length === 0 || f.kinds.includes(r.kind)) &&
      (!f.party || isAddressEqual(r.from, f.party) || isAddressEqual(r.to, f.party)) &&
      (from === undefined || r.timestamp >= from) &&
      (to === undefined || r.timestamp <= to) &&
      (f.invoice === undefined || r.invoiceId === f.invoice) &&
      (f.loan === undefined || r.loanId === f.loan),
  );
}

function bigintOr(value: string | null): bigint | undefined {
  if (!value || !/^(0x[0-9a-fA-F]{1,64}|\d{1,78})$/.test(value)) return undefined;
  return BigInt(value);
}

/** Reads a filter from the page's query string (`?kind=deposit,advance&party=0x…&loan=3`); unknown kinds are dropped. */
export function filterFromParams(params: URLSearchParams, known: readonly FlowKind[]): FlowFilter {
  const kinds = (params.get("kind") ?? "").split(",").filter((k): k is FlowKind => known.includes(k as FlowKind));
  const party = params.get("party");
  return {
    kinds,
    party: party && isAddress(party) ? getAddress(party) : undefined,
    fromDate: validDate(params.get("from")),
    toDate: validDate(params.get("to")),
    invoice: bigintOr(params.get("invoice")),
    loan: bigintOr(params.get("loan")),
  };
}

/** The query string for a filter; invoices are written as their 32-byte document hash. */
export function filterToParams(f: FlowFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (f.kinds.length) p.set("kind", f.kinds.join(","));
  if (f.party) p.set("party", f.party);
  if (f.fromDate) p.set("from", f.fromDate);
  if (f.toDate) p.set("to", f.toDate);
  if (f.invoice !== undefined) p.set("invoice", `0x${f.invoice.toString(16).padStart(64, "0")}`);
  if (f.loan !== undefined) p.set("loan", f.loan.toString());
  return p;
}

export const isFiltered = (f: FlowFilter) => filterToParams(f).size > 0;
