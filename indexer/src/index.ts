import { ponder } from "ponder:registry";
import { abis } from "../../app/src/generated/deployedContracts";
import { creditHandlers } from "./credit";
import { flowEvents, recordFlow } from "./flows";
import { invoiceHandlers } from "./invoices";
import { loanHandlers } from "./loans";
import { partyHandlers } from "./parties";
import { poolHandlers, snapshot } from "./pools";
import type { AnyEvent, Handler } from "./types";

/**
 * Ponder takes one indexing function per event; an event may feed several tables (an invoice's
 * history, the flow table, the pool's snapshot), so the functions are grouped here, in this order:
 * the entity tables first, then the flow (which reads them), then the pool's books at that block.
 */
const byEvent = new Map<string, Handler[]>();
const add = (name: string, fn: Handler) => byEvent.set(name, [...(byEvent.get(name) ?? []), fn]);

for (const table of [partyHandlers, creditHandlers, invoiceHandlers, poolHandlers, loanHandlers]) {
  for (const [name, fn] of Object.entries(table)) add(name, fn);
}
for (const name of flowEvents) add(name, recordFlow);
for (const item of abis.FinancingPool) if (item.type === "event") add(`FinancingPool:${item.name}`, snapshot);

type EventName = Parameters<typeof ponder.on>[0];

for (const [name, fns] of byEvent) {
  ponder.on(name as EventName, async ({ event, context }) => {
    for (const fn of fns) await fn(event as unknown as AnyEvent, context, name);
  });
}
