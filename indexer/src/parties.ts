import { party } from "ponder:schema";
import { type Handler, arg } from "./types";

const attest: Handler = async (event, context) => {
  const a = arg(event);
  const row = {
    entity: a.s("entityId") as `0x${string}`,
    roles: a.i("roles"),
    jurisdiction: a.i("jurisdiction"),
    expiry: a.n("expiry"),
    provider: a.a("provider"),
    revoked: false,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  };
  await context.db
    .insert(party)
    .values({ address: a.a("account"), ...row })
    .onConflictDoUpdate(row);
};

const revoke: Handler = async (event, context) => {
  const a = arg(event);
  await context.db
    .update(party, { address: a.a("account") })
    .set({ revoked: true, updatedBlock: event.block.number, updatedAt: event.block.timestamp });
};

export const partyHandlers: Record<string, Handler> = {
  "IdentityRegistry:IdentityIssued": attest,
  "IdentityRegistry:IdentityUpdated": attest,
  "IdentityRegistry:IdentityRevoked": revoke,
};
