import type { Address } from "viem";
import { isAddressEqual } from "viem";
import { partyName } from "@/lib/contracts";
import { type FlowRole, kindLabels } from "@/lib/flows/model";
import type { Naming } from "@/lib/flows/records";
import { shortId } from "@/lib/receivables";

const roleNames: Record<FlowRole, string> = {
  investor: "Investor",
  pool: "Financing pool",
  queue: "Redemption queue",
  sme: "SME",
  debtor: "Debtor",
  escrow: "Loan escrow",
  vault: "Collateral vault",
  lender: "Lender",
  treasury: "Treasury",
};

/** Names for the page and the CSV: the seed's party names, the protocol's contracts, else the role. */
export function makeNaming(
  contracts: { pool: Address; escrow: Address; vault?: Address },
  invoiceNumbers: Map<bigint, string>,
  decimals: number,
): Naming {
  return {
    kind: (kind) => kindLabels[kind],
    party: (address, role) => {
      if (isAddressEqual(address, contracts.pool)) return "Financing pool";
      if (isAddressEqual(address, contracts.escrow)) return "Loan escrow";
      if (contracts.vault && isAddressEqual(address, contracts.vault)) return "Collateral vault";
      return partyName(address) ?? roleNames[role];
    },
    invoice: (tokenId) => invoiceNumbers.get(tokenId) ?? shortId(tokenId),
    decimals,
  };
}
