import { invoice, invoiceEvent } from "ponder:schema";
import { zeroAddress } from "viem";
import { enums } from "../../app/src/generated/deployedContracts";
import { type AnyEvent, type Handler, arg, at } from "./types";

const status = (index: number) => enums["IReceivableToken.Status"][index] ?? `Unknown(${index})`;

/** The decoded arguments as JSON can hold them: integers as decimal strings. */
function plainArgs(args: Record<string, unknown>): Record<string, string | boolean | number> {
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : (v as string | boolean | number)]),
  );
}

/**
 * One history row per event of an invoice; `actor` is who acted, `amount` what it moved or
 * changed, `extra` what the log itself does not carry (the pool a financing came from).
 */
async function history(
  event: AnyEvent,
  context: Parameters<Handler>[1],
  fullName: string,
  name: string,
  actor: string,
  amount?: bigint,
  extra: Record<string, string> = {},
) {
  await context.db.insert(invoiceEvent).values({
    id: event.id,
    tokenId: arg(event).n("tokenId"),
    name,
    event: fullName.slice(fullName.indexOf(":") + 1),
    args: { ...plainArgs(event.args), ...extra },
    actor: actor as `0x${string}`,
    amount: amount ?? null,
    ...at(event),
  });
}

const tokenized: Handler = async (event, context, fullName) => {
  const a = arg(event);
  await context.db.insert(invoice).values({
    tokenId: a.n("tokenId"),
    number: a.s("invoiceNumber"),
    issuer: a.a("issuer"),
    debtor: a.a("debtor"),
    currency: a.a("currency"),
    faceValue: a.n("faceValue"),
    issueDate: a.n("issueDate"),
    dueDate: a.n("dueDate"),
    metadataURI: a.s("metadataURI"),
    status: status(1),
    amountPaid: 0n,
    amountAttested: 0n,
    // The token is minted to the issuer in the same call, before this event.
    holder: a.a("issuer"),
    createdBlock: event.block.number,
    createdLogIndex: event.log.logIndex,
    createdAt: event.block.timestamp,
    updatedBlock: event.block.number,
  });
  await history(event, context, fullName, "Tokenized", a.a("issuer"), a.n("faceValue"));
};

/**
 * The token changing hands (financing, pledging, release, burn on cancel): the invoice's holder
 * is who payments go to. The mint comes before the tokenizing event, which sets the first holder.
 */
const transferred: Handler = async (event, context, fullName) => {
  const a = arg(event);
  const tokenId = a.n("tokenId");
  const to = a.a("to");
  if (await context.db.find(invoice, { tokenId })) {
    await context.db
      .update(invoice, { tokenId })
      .set({ holder: to === zeroAddress ? null : to, updatedBlock: event.block.number });
  }
  await history(event, context, fullName, "Transferred", a.a("from"));
};

/** A handler that changes the invoice row and writes its history row. */
function change(
  name: string,
  actor: string,
  update: (a: ReturnType<typeof arg>) => Partial<typeof invoice.$inferInsert>,
  amount?: (a: ReturnType<typeof arg>) => bigint,
): Handler {
  return async (event, context, fullName) => {
    const a = arg(event);
    await context.db
      .update(invoice, { tokenId: a.n("tokenId") })
      .set({ ...update(a), updatedBlock: event.block.number });
    await history(event, context, fullName, name, a.a(actor), amount?.(a));
  };
}

export const invoiceHandlers: Record<string, Handler> = {
  "ReceivableToken:ReceivableTokenized": tokenized,
  "ReceivableToken:Transfer": transferred,
  "ReceivableToken:ReceivableTermsAmended": change(
    "Terms amended",
    "issuer",
    (a) => ({ faceValue: a.n("newFaceValue"), dueDate: a.n("newDueDate") }),
    (a) => a.n("newFaceValue"),
  ),
  "ReceivableToken:ReceivableAcknowledged": change("Acknowledged", "debtor", () => ({ status: status(2) })),
  "ReceivableToken:ReceivableDisputed": change("Disputed", "debtor", () => ({ status: status(3) })),
  "ReceivableToken:ReceivableDisputeWithdrawn": change("Dispute withdrawn", "debtor", (a) => ({
    status: status(a.i("restoredStatus")),
  })),
  "ReceivableToken:ReceivableCreditNoteApplied": change(
    "Credit note",
    "issuer",
    (a) => ({ faceValue: a.n("newFaceValue") }),
    (a) => a.n("oldFaceValue") - a.n("newFaceValue"),
  ),
  "ReceivableToken:ReceivablePaid": change(
    "Paid",
    "payer",
    (a) => ({ amountPaid: a.n("totalPaid"), ...(a.b("fullyPaid") ? { status: status(4) } : {}) }),
    (a) => a.n("amount"),
  ),
  "ReceivableToken:ReceivablePaymentAttested": change(
    "Payment attested",
    "servicer",
    (a) => ({ amountAttested: a.n("totalAttested"), ...(a.b("fullyPaid") ? { status: status(4) } : {}) }),
    (a) => a.n("amount"),
  ),
  "ReceivableToken:ReceivableCancelled": change("Cancelled", "issuer", () => ({ status: status(5) })),
  "ReceivableToken:ReceivableDefaulted": change(
    "Defaulted",
    "financier",
    () => ({ status: status(6) }),
    (a) => a.n("outstanding"),
  ),
  "FinancingPool:ReceivableFinanced": async (event, context, fullName) => {
    const a = arg(event);
    await context.db.update(invoice, { tokenId: a.n("tokenId") }).set({
      pool: event.log.address,
      advance: a.n("advance"),
      fee: a.n("fee"),
      financedAt: event.block.timestamp,
      updatedBlock: event.block.number,
    });
    await history(event, context, fullName, "Financed", a.a("sme"), a.n("advance"), { pool: event.log.address });
  },
};
