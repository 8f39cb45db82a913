import { creditEvent } from "ponder:schema";
import { enums } from "../../app/src/generated/deployedContracts";
import { type Handler, arg } from "./types";

const outcome = (index: number) => enums["ICreditHistory.Outcome"][index] ?? `Unknown(${index})`;

export const creditHandlers: Record<string, Handler> = {
  "CreditHistory:ReceivableRecorded": async (event, context) => {
    const a = arg(event);
    await context.db.insert(creditEvent).values({
      id: event.id,
      entity: a.s("entity") as `0x${string}`,
      recorder: a.a("recorder"),
      kind: "receivable",
      amount: a.n("faceValue"),
      outstanding: null,
      outcome: outcome(a.i("outcome")),
      daysLate: a.i("daysLate"),
      tx: event.transaction.hash,
      blockNumber: event.block.number,
      timestamp: event.block.timestamp,
    });
  },
  "CreditHistory:LoanRecorded": async (event, context) => {
    const a = arg(event);
    await context.db.insert(creditEvent).values({
      id: event.id,
      entity: a.s("entity") as `0x${string}`,
      recorder: a.a("recorder"),
      kind: "loan",
      amount: a.n("principal"),
      outstanding: a.n("outstanding"),
      outcome: outcome(a.i("outcome")),
      daysLate: a.i("daysLate"),
      tx: event.transaction.hash,
      blockNumber: event.block.number,
      timestamp: event.block.timestamp,
    });
  },
};
