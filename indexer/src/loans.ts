import { loan, loanEvent } from "ponder:schema";
import { enums } from "../../app/src/generated/deployedContracts";
import { type AnyEvent, type Handler, arg, at } from "./types";

type Ctx = Parameters<Handler>[1];
type Args = ReturnType<typeof arg>;
const status = (index: number) => enums["ILoanManager.Status"][index] ?? `Unknown(${index})`;

async function history(event: AnyEvent, context: Ctx, name: string, actor?: string, amount?: bigint) {
  await context.db.insert(loanEvent).values({
    id: event.id,
    loanId: arg(event).n("loanId"),
    name,
    actor: (actor ?? null) as `0x${string}` | null,
    amount: amount ?? null,
    ...at(event),
  });
}

/** A handler that changes the loan row (given the row as it was) and writes its history row. */
function change(
  name: string,
  actor: string | undefined,
  update: (a: Args, row: typeof loan.$inferSelect) => Partial<typeof loan.$inferInsert>,
  amount?: (a: Args) => bigint,
): Handler {
  return async (event, context) => {
    const a = arg(event);
    await context.db
      .update(loan, { loanId: a.n("loanId") })
      .set((row) => ({ ...update(a, row), updatedBlock: event.block.number }));
    await history(event, context, name, actor ? a.a(actor) : undefined, amount?.(a));
  };
}

export const loanHandlers: Record<string, Handler> = {
  "LoanManager:LoanRequested": async (event, context) => {
    const a = arg(event);
    await context.db.insert(loan).values({
      loanId: a.n("loanId"),
      borrower: a.a("borrower"),
      entity: a.s("entity") as `0x${string}`,
      principal: a.n("principal"),
      rateBps: a.i("rateBps"),
      installments: a.i("count"),
      period: a.n("period"),
      kind: enums["Schedule.Kind"][a.i("kind")] ?? "Unknown",
      fundingDeadline: a.n("fundingDeadline"),
      status: status(1),
      funded: 0n,
      repaid: 0n,
      principalRepaid: 0n,
      claimed: 0n,
      requestedAt: event.block.timestamp,
      defaulted: false,
      updatedBlock: event.block.number,
    });
    await history(event, context, "Requested", a.a("borrower"), a.n("principal"));
  },
  "LoanManager:LoanCollateralEscrowed": change("Collateral escrowed", "from", (a) => ({
    collateralTokenId: a.n("tokenId"),
  })),
  "LoanManager:LoanCollateralReleased": change("Collateral released", "to", (a) =>
    a.b("seized") ? { collateralSeized: true } : {},
  ),
  "LoanManager:LoanApproved": change(
    "Approved",
    "approver",
    (a) => ({ principal: a.n("principal"), rateBps: a.i("rateBps"), status: status(3) }),
    (a) => a.n("principal"),
  ),
  "LoanManager:LoanOffered": change(
    "Offered",
    "underwriter",
    (a) => ({ principal: a.n("principal"), rateBps: a.i("rateBps"), status: status(2) }),
    (a) => a.n("principal"),
  ),
  "LoanManager:LoanFunded": change(
    "Funded",
    "lender",
    (a) => ({ funded: a.n("totalFunded") }),
    (a) => a.n("amount"),
  ),
  "LoanManager:LoanDrawnDown": change(
    "Drawn down",
    "borrower",
    (a) => ({ status: status(4), drawnAt: a.n("start") }),
    (a) => a.n("principal"),
  ),
  "LoanManager:LoanClosedUnfunded": change("Closed unfunded", "by", (a) => ({ status: status(a.i("status")) })),
  "LoanManager:LoanRefunded": change(
    "Refunded",
    "holder",
    () => ({}),
    (a) => a.n("amount"),
  ),
  "LoanManager:LoanRepaid": change(
    "Repaid",
    "payer",
    (a, row) => ({
      repaid: row.repaid + a.n("amount"),
      principalRepaid: row.principalRepaid + a.n("principalPaid") + a.n("prepaid"),
    }),
    (a) => a.n("amount"),
  ),
  "LoanManager:LoanPaidOff": change("Paid off", "borrower", () => ({ status: status(5) })),
  "LoanManager:LoanClaimed": change(
    "Claimed",
    "holder",
    (a, row) => ({ claimed: row.claimed + a.n("amount") }),
    (a) => a.n("amount"),
  ),
  "LoanManager:LoanImpaired": change("Impaired", "by", () => ({ impaired: true })),
  "LoanManager:LoanCured": change("Cured", undefined, () => ({ impaired: false })),
  "LoanManager:LoanDefaulted": change(
    "Defaulted",
    "by",
    () => ({ status: status(6), defaulted: true }),
    (a) => a.n("principalOutstanding"),
  ),
};
