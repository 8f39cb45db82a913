import { type Address, type Hash, formatUnits } from "viem";
import type { FlowKind, FlowRole, FlowRow } from "./model.ts";

/**
 * One row as the page shows it and the CSV writes it: both are made from the same record, so
 * the export is exactly what is on screen (dates in UTC ISO form and amounts as plain decimal
 * strings in the file; localized on screen).
 */
export interface FlowRecord {
  row: FlowRow;
  date: string;
  kind: string;
  from: Address;
  fromName: string;
  to: Address;
  toName: string;
  /** Decimal string in whole stablecoin units ("7802.739726"), no separators. */
  amount: string;
  /** "yes", or "no (booking)" for a write-off that moved no tokens. */
  cash: string;
  invoice: string;
  loan: string;
  tx: Hash;
}

export interface Naming {
  kind: (kind: FlowKind) => string;
  party: (address: Address, role: FlowRole) => string;
  invoice: (tokenId: bigint) => string;
  decimals: number;
}

export function toRecord(row: FlowRow, naming: Naming): FlowRecord {
  return {
    row,
    date: new Date(row.timestamp * 1000).toISOString(),
    kind: naming.kind(row.kind),
    from: row.from,
    fromName: naming.party(row.from, row.fromRole),
    to: row.to,
    toName: naming.party(row.to, row.toRole),
    amount: formatUnits(row.amount, naming.decimals),
    cash: row.cash ? "yes" : "no (booking)",
    invoice: row.invoiceId === undefined ? "" : naming.invoice(row.invoiceId),
    loan: row.loanId === undefined ? "" : `#${row.loanId}`,
    tx: row.tx,
  };
}

export const csvHeader = [
  "Date (UTC)",
  "Kind",
  "From",
  "From name",
  "To",
  "To name",
  "Amount",
  "Cash moved",
  "Invoice",
  "Loan",
  "Transaction",
];

/** A cell quoted when needed; text that a spreadsheet would run as a formula is defused. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(records: FlowRecord[], symbol: string): string {
  const header = csvHeader.map((h) => (h === "Amount" ? `Amount (${symbol})` : h));
  const lines = [
    header,
    ...records.map((r) => [
      r.date,
      r.kind,
      r.from,
      r.fromName,
      r.to,
      r.toName,
      r.amount,
      r.cash,
      r.invoice,
      r.loan,
      r.tx,
    ]),
  ];
  return `${lines.map((l) => l.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** Money moved by the rows, in base units (bookings such as write-offs move none). */
export const totalOf = (rows: FlowRow[]) => rows.reduce((sum, r) => (r.cash ? sum + r.amount : sum), 0n);
