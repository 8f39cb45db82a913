import { formatUnits } from "viem";
import type { FlowRole, FlowRow } from "./model.ts";

/**
 * The flow diagram's data: parties grouped by role, money from left to right
 * (investors, lenders, debtors → pool or collateral vault → escrow → SMEs). A Sankey cannot loop, so money going
 * back to an earlier column (repayments to the pool, redemptions to investors) ends in a
 * second node for that role on the right.
 */
const rank: Record<FlowRole, number> = {
  investor: 0,
  lender: 0,
  debtor: 0,
  pool: 1,
  queue: 2,
  vault: 1,
  escrow: 2,
  sme: 3,
  treasury: 4,
};

const returnLabels: Partial<Record<FlowRole, string>> = {
  investor: "Investors (redeemed)",
  lender: "Lenders (claims, refunds)",
  pool: "Pool (paid back)",
  escrow: "Loan escrow (installments)",
  debtor: "Debtors (refunded)",
};

export interface SankeyNodeDatum {
  name: string;
}
export interface SankeyLinkDatum {
  source: number;
  target: number;
  value: number;
}

export function buildSankey(
  rows: FlowRow[],
  decimals: number,
  roleLabels: Record<FlowRole, string>,
): { nodes: SankeyNodeDatum[]; links: SankeyLinkDatum[] } {
  const totals = new Map<string, bigint>();
  for (const r of rows) {
    if (!r.cash || r.amount === 0n) continue;
    const back = rank[r.toRole] <= rank[r.fromRole];
    const target = back ? `${r.toRole}:back` : r.toRole;
    const key = `${r.fromRole}>${target}`;
    totals.set(key, (totals.get(key) ?? 0n) + r.amount);
  }
  const names: string[] = [];
  const index = (node: string) => {
    const [role, back] = node.split(":") as [FlowRole, string | undefined];
    const name = back ? (returnLabels[role] ?? `${roleLabels[role]} (back)`) : roleLabels[role];
    if (!names.includes(name)) names.push(name);
    return names.indexOf(name);
  };
  const links = [...totals.entries()].map(([key, value]) => {
    const [from, to] = key.split(">");
    return { source: index(from), target: index(to), value: Number(formatUnits(value, decimals)) };
  });
  return { nodes: names.map((name) => ({ name })), links };
}
