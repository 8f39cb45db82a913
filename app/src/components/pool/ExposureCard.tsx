"use client";

import type { Address } from "viem";
import type { PoolFacts } from "@/hooks/usePool";
import { type Exposure, usePoolExposures } from "@/hooks/usePoolExposures";
import { formatBps } from "@/lib/pool";

/** How much of each company's limit the pool has used: against debtors and to SMEs. */
export function ExposureCard({
  pool,
  facts,
  money,
}: {
  pool: Address;
  facts: PoolFacts;
  money: (v: bigint) => string;
}) {
  const { data, isError, error } = usePoolExposures(pool);
  return (
    <section className="card" aria-labelledby="pool-exposure">
      <h2 id="pool-exposure">Exposure by company</h2>
      <p className="muted">
        Advances outstanding per company (loans count toward the SME&apos;s), against the policy&apos;s limits of{" "}
        {money(facts.policy.maxDebtorExposure)} per debtor and {money(facts.policy.maxSmeExposure)} per SME.
      </p>
      {isError ? (
        <p role="alert" className="error">
          Could not read the exposures: {error?.message}
        </p>
      ) : !data ? (
        <p className="muted">Loading the exposures…</p>
      ) : (
        <>
          <ExposureTable
            title="Against debtors"
            side="debtor"
            rows={data.debtors}
            limit={facts.policy.maxDebtorExposure}
            money={money}
          />
          <ExposureTable
            title="To SMEs"
            side="sme"
            rows={data.smes}
            limit={facts.policy.maxSmeExposure}
            money={money}
          />
        </>
      )}
    </section>
  );
}

function ExposureTable({
  title,
  side,
  rows,
  limit,
  money,
}: {
  title: string;
  side: "debtor" | "sme";
  rows: Exposure[];
  limit: bigint;
  money: (v: bigint) => string;
}) {
  if (rows.length === 0)
    return (
      <p className="muted" data-testid={`exposure-none-${side}`}>
        {title}: nothing outstanding.
      </p>
    );
  return (
    <div className="table-wrap">
      <table aria-label={`Exposure ${title.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col" className="num">
              Outstanding
            </th>
            <th scope="col">Of the limit</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            // Rounded up so a company at 99.995 % does not read as below its limit's last step.
            const bps = limit === 0n ? 10_000n : (r.amount * 10_000n + limit - 1n) / limit;
            return (
              <tr
                key={r.entity}
                data-testid="exposure-row"
                data-side={side}
                data-entity={r.entity}
                data-value={r.amount.toString()}
              >
                <th scope="row" title={r.entity}>
                  {r.name ?? `Company ${r.entity.slice(0, 10)}…${r.entity.slice(-4)}`}
                </th>
                <td className="num">{money(r.amount)}</td>
                <td>
                  <meter
                    min={0}
                    max={10_000}
                    high={8_000}
                    value={Number(bps)}
                    aria-label={`${title}: share of limit`}
                  />{" "}
                  {formatBps(bps)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
