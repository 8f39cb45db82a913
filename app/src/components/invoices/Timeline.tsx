"use client";

import { type Address, isAddress, isAddressEqual, zeroAddress } from "viem";
import { TxLink } from "@/components/flows/TxLink";
import { usePools } from "@/hooks/usePools";
import { partyName } from "@/lib/contracts";
import { formatAmount, shortAddress } from "@/lib/format";
import { statusNames } from "@/lib/invoice";
import type { TimelineEntry } from "@/hooks/useReceivables";
import type { TokenInfo } from "@/hooks/useTokenInfo";

/** One sentence per event; every entry shows its block time and transaction. */
function describe(e: TimelineEntry, money: (v: unknown) => string, who: (a: unknown) => string): string {
  const a = e.args;
  switch (e.name) {
    case "ReceivableTokenized":
      return `${who(a.issuer)} tokenized the invoice for ${money(a.faceValue)}, owed by ${who(a.debtor)}, registered as ${String(a.invoiceNumber)}.`;
    case "ReceivableTermsAmended":
      return `${who(a.issuer)} changed the terms: ${money(a.oldFaceValue)} → ${money(a.newFaceValue)} (version ${String(a.termsVersion)}).`;
    case "ReceivableAcknowledged":
      return a.bySignature
        ? `${who(a.debtor)} acknowledged owing ${money(a.faceValue)} by signature, submitted by ${who(a.submitter)}.`
        : `${who(a.debtor)} acknowledged owing ${money(a.faceValue)}.`;
    case "ReceivableDisputed":
      return `${who(a.debtor)} disputed the invoice.`;
    case "ReceivableDisputeWithdrawn":
      return `${who(a.debtor)} withdrew the dispute; status back to ${statusNames[Number(a.restoredStatus)]}.`;
    case "ReceivableCreditNoteApplied":
      return `Credit note agreed by both parties: ${money(a.oldFaceValue)} → ${money(a.newFaceValue)}.`;
    case "ReceivablePaid":
      return `${who(a.payer)} paid ${money(a.amount)} to ${who(a.holder)}${a.fullyPaid ? " — paid in full" : ""}.`;
    case "ReceivablePaymentAttested":
      return `${who(a.servicer)} attested ${money(a.amount)} paid off chain (not received on chain)${a.fullyPaid ? " — settled in full" : ""}.`;
    case "ReceivableCancelled":
      return `${who(a.issuer)} cancelled the invoice.`;
    case "ReceivableDefaulted":
      return `${who(a.financier)} wrote the invoice off with ${money(a.outstanding)} unpaid.`;
    case "ReceivableFinanced":
      return `${who(a.pool)} financed the invoice, advancing ${money(a.advance)} to ${who(a.sme)}.`;
    case "Transfer":
      if (a.from === zeroAddress) return `Token minted to ${who(a.to)}.`;
      return `Token moved from ${who(a.from)} to ${who(a.to)}.`;
    default:
      return e.name;
  }
}

export function Timeline({ entries, token }: { entries: TimelineEntry[]; token: TokenInfo }) {
  const pools = usePools();
  const money = (v: unknown) => `${formatAmount(v as bigint, token.decimals, 2)} ${token.symbol}`;
  // A pool by its name, a seeded party by its company name, anyone else by a short address.
  const who = (v: unknown) => {
    const address = String(v);
    if (!isAddress(address)) return address;
    const pool = pools.find((p) => isAddressEqual(p.address, address as Address));
    return pool?.name ?? partyName(address) ?? shortAddress(address);
  };
  const shown = entries.filter((e) => e.name !== "Approval" && e.name !== "ApprovalForAll");
  return (
    <ol className="timeline" aria-label="Invoice history">
      {shown.map((e) => (
        <li key={`${e.tx}-${e.logIndex}`} data-testid="timeline-entry" data-event={e.name}>
          <span>{describe(e, money, who)}</span>
          <small className="muted">
            {e.timestamp !== undefined && new Date(e.timestamp * 1000).toLocaleString()} · block{" "}
            {e.blockNumber.toString()} · tx <TxLink hash={e.tx} />
          </small>
        </li>
      ))}
    </ol>
  );
}
