"use client";

import { and, asc, count, desc, eq, gt, inArray, lte } from "@ponder/client";
import { type Address, getAddress, type Hash } from "viem";
import { clampPage } from "@/components/Pager";
import { schema } from "@/lib/indexer";
import { useIndexedQuery } from "./useIndexer";

export interface PartyRecord {
  account: Address;
  entityId: Hash;
  roles: number;
  jurisdiction: number;
  expiry: number;
  provider: Address;
  revoked: boolean;
  /** The provider that wrote it is suspended by the admin: the identity no longer verifies (F-19). */
  providerSuspended: boolean;
  lastTx: Hash;
}

const { party, identityProvider } = schema;
type Db = Parameters<Parameters<typeof useIndexedQuery>[0]["queryFn"]>[0];
type PartyRow = typeof party.$inferSelect;

/** Rows of the indexer's party table (issue, update, revoke folded) with their provider's standing now. */
async function recordsOf(db: Db, rows: PartyRow[]): Promise<PartyRecord[]> {
  const providers = [...new Set(rows.map((p) => p.provider))];
  const suspended = providers.length
    ? await db
        .select({ address: identityProvider.address })
        .from(identityProvider)
        .where(and(inArray(identityProvider.address, providers), eq(identityProvider.suspended, true)))
    : [];
  const off = new Set(suspended.map((s) => getAddress(s.address)));
  return rows.map((p) => ({
    account: getAddress(p.address),
    entityId: p.entity,
    roles: p.roles,
    jurisdiction: p.jurisdiction,
    expiry: Number(p.expiry),
    provider: getAddress(p.provider),
    revoked: p.revoked,
    providerSuspended: off.has(getAddress(p.provider)),
    lastTx: p.lastTx,
  }));
}

/**
 * One page (`size` rows) of every party the registry ever saw, newest first (by when each was
 * first attested), counted and paged by the indexer's SQL. The page asked for is clamped to the
 * last one.
 */
export function usePartyPage(page: number, size: number) {
  return useIndexedQuery({
    queryKey: ["parties", page, size],
    enabled: true,
    queryFn: async (db, atBlock) => {
      const seen = lte(party.createdBlock, atBlock);
      const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(party).where(seen);
      const shown = clampPage(page, total, size);
      const rows = await db
        .select()
        .from(party)
        .where(seen)
        .orderBy(desc(party.createdBlock), desc(party.createdLogIndex))
        .limit(size)
        .offset(shown * size);
      return { parties: await recordsOf(db, rows), total, page: shown };
    },
  });
}

/**
 * What a KYC provider watches, counted by the indexer at chain time `now`: parties still
 * verified, those expiring within `soonSeconds`, expired and revoked, and the unrevoked ones
 * that expire within that window or already have, soonest first.
 */
export function useKycSummary(now: number | undefined, soonSeconds: number) {
  return useIndexedQuery({
    queryKey: ["kyc-summary", now, soonSeconds],
    enabled: now !== undefined,
    queryFn: async (db, atBlock) => {
      const t = BigInt(now!);
      const seen = lte(party.createdBlock, atBlock);
      const live = and(seen, eq(party.revoked, false));
      const countWhere = async (where: ReturnType<typeof and>) =>
        (await db.select({ n: count() }).from(party).where(where))[0]?.n ?? 0;
      const [active, expiring, expired, revoked, attention] = await Promise.all([
        countWhere(and(live, gt(party.expiry, t))),
        countWhere(and(live, gt(party.expiry, t), lte(party.expiry, t + BigInt(soonSeconds)))),
        countWhere(and(live, lte(party.expiry, t))),
        countWhere(and(seen, eq(party.revoked, true))),
        db
          .select()
          .from(party)
          .where(and(live, lte(party.expiry, t + BigInt(soonSeconds))))
          .orderBy(asc(party.expiry), asc(party.createdBlock), asc(party.createdLogIndex)),
      ]);
      return { active, expiring, expired, revoked, attention: await recordsOf(db, attention) };
    },
  });
}
