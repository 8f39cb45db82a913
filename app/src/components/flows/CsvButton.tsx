"use client";

import { type FlowRecord, toCsv } from "@/lib/flows/records";

/** Downloads exactly the selected records (all pages), same columns as the table. */
export function CsvButton({ records, symbol }: { records: FlowRecord[]; symbol: string }) {
  const download = () => {
    const blob = new Blob([toCsv(records, symbol)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = `fund-flows-${new Date().toISOString().slice(0, 10)}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };
  return (
    <button type="button" className="secondary" disabled={records.length === 0} onClick={download}>
      Download CSV ({records.length.toLocaleString()} row{records.length === 1 ? "" : "s"})
    </button>
  );
}
