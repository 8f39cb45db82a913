import type { Address, Hex } from "viem";
import { type EnumMember, enums } from "./contracts";

// Kept apart from lib/receivables.ts, which the seed and the flow tests import under Node, where
// the generated contract file does not exist yet.

/** IReceivableToken.Status, in enum order, from the build (app/src/generated). */
export const statusNames = enums["IReceivableToken.Status"];
export type StatusName = EnumMember<"IReceivableToken.Status">;

/** What each status means to the people involved, in one short phrase. */
export const statusHelp: Record<StatusName, string> = {
  None: "not tokenized",
  Issued: "waiting for the debtor to acknowledge",
  Acknowledged: "the debtor confirmed the terms",
  Disputed: "the debtor contests it; financing is blocked",
  Paid: "settled in full",
  Cancelled: "withdrawn by the issuer",
  Defaulted: "written off after the due date",
};

export interface Receivable {
  issuer: Address;
  debtor: Address;
  currency: Address;
  faceValue: bigint;
  amountPaid: bigint;
  amountAttested: bigint;
  issueDate: number;
  dueDate: number;
  status: StatusName;
  statusBeforeDispute: StatusName;
  termsVersion: number;
  issuerEntity: Hex;
  debtorEntity: Hex;
}

/** The view as the contract returns it: status fields are the enum's index. */
type RawReceivable = Omit<Receivable, "status" | "statusBeforeDispute"> & {
  status: number;
  statusBeforeDispute: number;
};

export function toReceivable(raw: RawReceivable): Receivable {
  return {
    ...raw,
    issueDate: Number(raw.issueDate),
    dueDate: Number(raw.dueDate),
    status: statusNames[raw.status] ?? "None",
    statusBeforeDispute: statusNames[raw.statusBeforeDispute] ?? "None",
    termsVersion: Number(raw.termsVersion),
  };
}
