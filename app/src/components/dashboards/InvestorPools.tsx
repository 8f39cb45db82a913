"use client";

import type { Address } from "viem";
import type { PoolLedger } from "@/hooks/useLedgers";
import type { Holding } from "@/hooks/usePool";
import type { PoolEntry } from "@/hooks/usePools";

/** What the investor's deposits have become in a pool: held now plus taken out, less put in. */
export function earnedIn(ledger: PoolLedger | undefined, investor: Address, held: bigint) {
  const f = ledger?.investors.get(investor);
  return { deposited: f?.deposited ?? 0n, gain: held + (f?.withdrawn ?? 0n) - (f?.deposited ?? 0n) };
}

/** One row per pool (the one shown in detail in bold): holding and gain there, and the totals. */
export function InvestorPools({
  investor,
  pools,
  holdings,
  ledgers,
  current,
  money,
}: {
  investor: Address;
  pools: PoolEntry[];
  holdings: Holding[];
  ledgers: PoolLedger[];
  current: Address;
  money: (v: bigint) => string;
}) {
  const rows = pools.map((p) => {
    const held = holdings.find((h) => h.pool === p.address)?.value ?? 0n;
    return {
      ...p,
      held,
      ...earnedIn(
        ledgers.find((l) => l.pool === p.address),
        investor,
        held,
      ),
    };
  });
  const total = rows.reduce((s, r) => s + r.held, 0n);
  const gain = rows.reduce((s, r) => s + r.gain, 0n);
  return (
    <section className="card" aria-labelledby="investor-pools">
      <h2 id="investor-pools">Across your pools</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Pool</th>
              <th>Position</th>
              <th>Earned</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.address} data-testid="investor-pool-row" data-pool={r.address} data-value={r.held.toString()}>
                <td>{r.address === current ? <strong>{r.name}</strong> : r.name}</td>
                <td>{r.held === 0n && r.deposited === 0n ? "—" : money(r.held)}</td>
                <td>{r.deposited === 0n ? "No deposit yet" : money(r.gain)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All pools</th>
              <td data-testid="investor-pools-total" data-value={total.toString()}>
                <strong>{money(total)}</strong>
              </td>
              <td data-testid="investor-pools-gain" data-value={gain.toString()}>
                <strong>{money(gain)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
