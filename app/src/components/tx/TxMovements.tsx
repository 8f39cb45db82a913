"use client";

import type { Address, Hash } from "viem";
import { FlowTable } from "@/components/flows/FlowTable";
import { makeNaming } from "@/components/flows/naming";
import { toRecord } from "@/lib/flows/records";
import { useFlows } from "@/hooks/useFlows";
import { useTokenInfo } from "@/hooks/useTokenInfo";

/**
 * The movements of money this transaction made, as the fund-flow explorer lists them for `pool`
 * (the pool it touched, else the first pool: the receivable token's and the loans' movements are
 * in every pool's view).
 */
export function TxMovements({ hash, pool }: { hash: Hash; pool?: Address }) {
  const { data } = useFlows(pool);
  const token = useTokenInfo(data?.balances.asset);
  if (!data || !token) return null;
  const naming = makeNaming(
    { pool: data.pool, escrow: data.escrow, vault: data.vault },
    data.invoiceNumbers,
    token.decimals,
  );
  const records = data.rows.filter((r) => r.tx.toLowerCase() === hash.toLowerCase()).map((r) => toRecord(r, naming));
  return (
    <section className="card" aria-labelledby="tx-money">
      <h2 id="tx-money">Money moved</h2>
      {records.length === 0 ? (
        <p className="muted">This transaction moved no money through the protocol.</p>
      ) : (
        <FlowTable records={records} token={token} />
      )}
    </section>
  );
}
