"use client";

import { type Address, type Hex, zeroHash } from "viem";
import { usePublicClient } from "wagmi";
import { abis, partyName } from "@/lib/contracts";
import { useBlockQuery } from "./useBlockQuery";
import { useDeployedAddress } from "./useDeployed";
import { usePoolLedger } from "./useLedgers";

export interface Exposure {
  entity: Hex;
  /** A seeded party's name for the company, else undefined (the page shows the entity id). */
  name?: string;
  /** Advance principal outstanding to (SME) or against (debtor) the company, as the pool counts it. */
  amount: bigint;
}

const byAmount = (a: Exposure, b: Exposure) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1);

/**
 * The pool's exposure per company, as its `debtorExposure` / `smeExposure` views report it, for
 * every company behind an invoice it still carries or a loan it funded (largest first, zeros left
 * out). Companies are identity entities: the parties' wallets are mapped by the registry now.
 */
export function usePoolExposures(pool: Address | undefined) {
  const ledger = usePoolLedger(pool);
  const registry = useDeployedAddress("IdentityRegistry");
  const client = usePublicClient();
  const open = ledger.data?.assets.filter((a) => a.status === "Active" || a.status === "Impaired");
  const query = useBlockQuery({
    queryKey: ["pool-exposures", pool, open?.length],
    enabled: Boolean(pool && registry && client && ledger.data),
    queryFn: async () => {
      const c = client!;
      const entityOf = (account: Address) =>
        c.readContract({ abi: abis.IdentityRegistry, address: registry!, functionName: "entityOf", args: [account] });
      const parties = async (accounts: Address[]) => {
        const names = new Map<Hex, string | undefined>();
        const unique = [...new Set(accounts)];
        const entities = await Promise.all(unique.map(entityOf));
        unique.forEach((account, i) => {
          const e = entities[i];
          if (e !== zeroHash && !names.get(e)) names.set(e, partyName(account));
        });
        return names;
      };
      const [debtors, smes] = await Promise.all([
        parties(open!.map((a) => a.debtor)),
        parties(open!.map((a) => a.sme)),
      ]);
      for (const e of ledger.data!.loanEntities) if (!smes.has(e)) smes.set(e, undefined);
      const read = (names: Map<Hex, string | undefined>, functionName: "debtorExposure" | "smeExposure") =>
        Promise.all(
          [...names].map(async ([entity, name]) => ({
            entity,
            name,
            amount: await c.readContract({ abi: abis.FinancingPool, address: pool!, functionName, args: [entity] }),
          })),
        );
      const [d, s] = await Promise.all([read(debtors, "debtorExposure"), read(smes, "smeExposure")]);
      return {
        debtors: d.filter((x) => x.amount > 0n).sort(byAmount),
        smes: s.filter((x) => x.amount > 0n).sort(byAmount),
      };
    },
  });
  return { ...query, isError: query.isError || ledger.isError, error: query.error ?? ledger.error };
}
