import type { Address, Hash } from "viem";

/**
 * One movement of money rebuilt from a contract event. Pure data: no React, no generated file,
 * so the CSV, filter and reconciliation functions that use it can be tested without a chain.
 */

/** Why the money moved. The order is the order the page lists them in. */
export const flowKinds = [
  "deposit",
  "advance",
  "loanFunding",
  "disbursement",
  "payment",
  "installment",
  "split",
  "collateralRelease",
  "redemption",
  "queueFunding",
  "fee",
  "writeOff",
  "recovery",
  "claim",
  "refund",
] as const;
export type FlowKind = (typeof flowKinds)[number];

export const kindLabels: Record<FlowKind, string> = {
  deposit: "Deposit",
  advance: "Advance",
  loanFunding: "Loan funding",
  disbursement: "Loan disbursement",
  payment: "Invoice payment",
  installment: "Installment",
  split: "Split to SME",
  collateralRelease: "Collateral to SME",
  redemption: "Redemption",
  queueFunding: "Queued redemptions filled",
  fee: "Fee",
  writeOff: "Write-off",
  recovery: "Recovery",
  claim: "Lender claim",
  refund: "Refund",
};

/** What a party is in a movement; the flow diagram groups by it. */
export type FlowRole = "investor" | "pool" | "queue" | "sme" | "debtor" | "escrow" | "vault" | "lender" | "treasury";

export const roleLabels: Record<FlowRole, string> = {
  investor: "Investors",
  pool: "Pool",
  queue: "Redemption queue",
  sme: "SMEs",
  debtor: "Debtors",
  escrow: "Loan escrow",
  vault: "Collateral vault",
  lender: "Lenders",
  treasury: "Treasury",
};

/** Breakdown of a payment as the contract booked it (all in the stablecoin's base units). */
export interface FlowParts {
  principal?: bigint;
  income?: bigint;
  fees?: bigint;
  recovery?: bigint;
  performanceFee?: bigint;
}

export interface FlowRow {
  /** `${tx}-${logIndex}`: unique and stable. */
  id: string;
  kind: FlowKind;
  /** False for a booking that moved no tokens (a write-off records a loss, nothing is paid). */
  cash: boolean;
  from: Address;
  fromRole: FlowRole;
  to: Address;
  toRole: FlowRole;
  amount: bigint;
  invoiceId?: bigint;
  loanId?: bigint;
  parts?: FlowParts;
  /** Which contract emitted it and the event's name ("FinancingPool.Deposit"). */
  source: string;
  tx: Hash;
  blockNumber: bigint;
  logIndex: number;
  /** Block time, seconds. */
  timestamp: number;
}
