import { identityProvider, party } from "ponder:schema";
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
    lastTx: event.transaction.hash,
  };
  // A re-attestation keeps the party's place in the list: where it was first attested.
  await context.db
    .insert(party)
    .values({ address: a.a("account"), ...row, createdBlock: event.block.number, createdLogIndex: event.log.logIndex })
    .onConflictDoUpdate(row);
};

const revoke: Handler = async (event, context) => {
  const a = arg(event);
  await context.db.update(party, { address: a.a("account") }).set({
    revoked: true,
    updatedBlock: event.block.number,
    updatedAt: event.block.timestamp,
    lastTx: event.transaction.hash,
  });
};

function providerStanding(suspended: boolean): Handler {
  return async (event, context) => {
    const row = { suspended, updatedBlock: event.block.number };
    await context.db
      .insert(identityProvider)
      .values({ address: arg(event).a("provider"), ...row })
      .onConflictDoUpdate(row);
  };
}

export const partyHandlers: Record<string, Handler> = {
  "IdentityRegistry:IdentityIssued": attest,
  "IdentityRegistry:IdentityUpdated": attest,
  "IdentityRegistry:IdentityRevoked": revoke,
  "IdentityRegistry:IdentityProviderSuspended": providerStanding(true),
  "IdentityRegistry:IdentityProviderReinstated": providerStanding(false),
};
