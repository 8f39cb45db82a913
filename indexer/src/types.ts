import type { Context } from "ponder:registry";
import type { Address, Hash } from "viem";

/** What every handler here reads of an event, whichever contract emitted it. */
export interface AnyEvent {
  id: string;
  args: Record<string, unknown>;
  log: { address: Address; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hash };
}

export type Handler = (event: AnyEvent, context: Context, name: string) => Promise<void>;

/** Typed reads of decoded event arguments. */
export function arg(event: AnyEvent) {
  return {
    n(name: string): bigint {
      const v = event.args[name];
      if (typeof v === "bigint") return v;
      if (typeof v === "number") return BigInt(v);
      throw new Error(`${event.id}: argument ${name} is not a number`);
    },
    i(name: string): number {
      const v = event.args[name];
      if (typeof v === "number") return v;
      if (typeof v === "bigint") return Number(v);
      throw new Error(`${event.id}: argument ${name} is not a number`);
    },
    a(name: string): Address {
      const v = event.args[name];
      if (typeof v !== "string") throw new Error(`${event.id}: argument ${name} is not an address`);
      return v as Address;
    },
    s(name: string): string {
      const v = event.args[name];
      if (typeof v !== "string") throw new Error(`${event.id}: argument ${name} is not a string`);
      return v;
    },
    b(name: string): boolean {
      return event.args[name] === true;
    },
  };
}

/** Where on chain an event happened, for the history tables. */
export function at(event: AnyEvent) {
  return {
    tx: event.transaction.hash,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
  };
}
