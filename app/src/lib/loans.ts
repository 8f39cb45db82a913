import type { Address } from "viem";
import { type EnumMember, constants, enums } from "./contracts";
import { type ParsedAmount, parseAmountInput } from "./format";

/** AccessManager role id of the underwriter (contracts/access/Roles.sol). */
export const UNDERWRITER_ROLE = constants.Roles.UNDERWRITER;

/** ILoanManager.Status, in enum order, from the build. */
export const loanStatuses = enums["ILoanManager.Status"];
export type LoanStatus = EnumMember<"ILoanManager.Status">;

export const statusHelp: Record<LoanStatus, string> = {
  None: "No such loan.",
  Pending: "Waiting for an underwriter to approve it.",
  Offered: "An underwriter offered other terms; the borrower must accept them.",
  Funding: "Open for lenders until the funding deadline.",
  Active: "Drawn down; the borrower repays on the schedule.",
  Repaid: "Fully repaid.",
  Defaulted: "Written off; recoveries still reach the lenders.",
  Cancelled: "Withdrawn by the borrower before drawdown; lenders can take their money back.",
  Expired: "Not drawn down by the funding deadline; lenders can take their money back.",
};

/** The index of a Schedule.Kind member, as a loan's terms store it. */
export const scheduleKind = (kind: EnumMember<"Schedule.Kind">): number => enums["Schedule.Kind"].indexOf(kind);

/** Schedule.Kind, in enum order, with what each means to a borrower. */
export const scheduleKinds = [
  { value: scheduleKind("Amortizing"), label: "Amortizing (equal installments)" },
  { value: scheduleKind("InterestOnlyBalloon"), label: "Interest only, principal at the end" },
  { value: scheduleKind("Bullet"), label: "Bullet (everything at maturity)" },
] as const;

/** ILoanLens.InstallmentStatus, in enum order, from the build. */
export const rowStatuses = enums["ILoanLens.InstallmentStatus"];

export interface Loan {
  id: bigint;
  borrower: Address;
  status: LoanStatus;
  impaired: boolean;
  principal: bigint;
  rateBps: number;
  count: number;
  period: number;
  kind: number;
  graceCount: number;
  start: number;
  fundingDeadline: number;
  funded: bigint;
  repaid: bigint;
  head: number;
  entity: `0x${string}`;
}

interface RawLoan {
  terms: {
    principal: bigint;
    start: number;
    period: number;
    rateBps: number;
    count: number;
    graceCount: number;
    kind: number;
  };
  borrower: Address;
  status: number;
  impaired: boolean;
  fundingDeadline: number;
  funded: bigint;
  repaid: bigint;
  head: number;
  entity: `0x${string}`;
}

export function toLoan(id: bigint, raw: RawLoan): Loan {
  return {
    id,
    borrower: raw.borrower,
    status: loanStatuses[raw.status] ?? "None",
    impaired: raw.impaired,
    principal: raw.terms.principal,
    rateBps: raw.terms.rateBps,
    count: raw.terms.count,
    period: raw.terms.period,
    kind: raw.terms.kind,
    graceCount: raw.terms.graceCount,
    start: raw.terms.start,
    fundingDeadline: raw.fundingDeadline,
    funded: raw.funded,
    repaid: raw.repaid,
    head: raw.head,
    entity: raw.entity,
  };
}

/** "12 %" from 1200 basis points. */
export function formatRate(bps: number): string {
  return `${(bps / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;
}

/** "every 30 days" */
export function formatPeriod(seconds: number): string {
  const days = seconds / 86_400;
  return days === 1 ? "every day" : `every ${days.toLocaleString("en-US", { maximumFractionDigits: 2 })} days`;
}

/** Statuses whose lenders may take their money back. */
export const refundable = (s: LoanStatus) => s === "Cancelled" || s === "Expired";

/**
 * What every funding form checks before signing: a readable amount, the funding deadline, and
 * no more than the loan still needs. Each form then checks its own source of money.
 */
export function checkFunding(
  input: string,
  loan: { principal: bigint; funded: bigint; fundingDeadline: number },
  now: number,
  decimals: number,
  money: (v: bigint) => string,
): ParsedAmount {
  const parsed = parseAmountInput(input, decimals);
  if (!parsed.ok) return parsed;
  if (now > loan.fundingDeadline) return { ok: false, reason: "The funding deadline has passed." };
  const remaining = loan.principal - loan.funded;
  if (parsed.value > remaining) return { ok: false, reason: `Only ${money(remaining)} is still needed for this loan.` };
  return parsed;
}
