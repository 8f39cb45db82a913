"use client";

import type { PoolFacts } from "@/hooks/usePool";
import type { TokenInfo } from "@/hooks/useTokenInfo";
import { formatAmount } from "@/lib/format";
import { formatBps, formatDays } from "@/lib/pool";
import { AgingChart } from "@/components/charts/AgingChart";

/** What the pool owns and owes (NAV itemized), how busy its cash is, and how late its invoices are. */
export function PoolFactsCard({ facts, token }: { facts: PoolFacts; token: TokenInfo }) {
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  const { nav, aging } = facts;
  const agingRows: [string, bigint][] = [
    ["Current (not yet due)", aging.current],
    ["1–30 days late", aging.late1To30],
    ["31–60 days late", aging.late31To60],
    ["61–90 days late", aging.late61To90],
    ["Over 90 days late", aging.late90Plus],
    ["Impaired", aging.impaired],
    ["Written off", aging.writtenOff],
  ];
  const financed = agingRows.slice(0, 5).reduce((sum, [, v]) => sum + v, 0n);
  return (
    <>
      <section className="card" aria-labelledby="pool-nav">
        <h2 id="pool-nav">Pool</h2>
        <dl className="facts facts-fit">
          <div>
            <dt>Share price</dt>
            <dd data-testid="share-price" data-value={facts.sharePrice.toString()}>
              {formatAmount(facts.sharePrice, token.decimals, 6)} {token.symbol}
              <small className="muted"> per {facts.shareSymbol} share</small>
            </dd>
          </div>
          <div>
            <dt>Net asset value</dt>
            <dd data-testid="nav-net" data-value={nav.netAssets.toString()}>
              {money(nav.netAssets)}
            </dd>
          </div>
          <div>
            <dt>Utilization</dt>
            <dd data-testid="utilization">{formatBps(facts.utilizationBps)} of assets financing invoices</dd>
          </div>
          <div>
            <dt>Idle cash</dt>
            <dd data-testid="idle-cash">{money(facts.idleCash)}</dd>
          </div>
          <div>
            <dt>Available for instant exits</dt>
            <dd>{money(facts.instantLiquidity)}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="pool-breakdown">
        <h2 id="pool-breakdown">Net asset value, itemized</h2>
        <div className="table-wrap">
          <table>
            <tbody>
              <tr>
                <th scope="row">Cash</th>
                <td className="num">{money(nav.cash)}</td>
              </tr>
              <tr>
                <th scope="row">Advances outstanding</th>
                <td className="num">{money(nav.principalOutstanding)}</td>
              </tr>
              <tr>
                <th scope="row">Discount income earned, not yet collected</th>
                <td className="num">{money(nav.accruedIncome)}</td>
              </tr>
              <tr>
                <th scope="row">Fees owed to the treasury</th>
                <td className="num">− {money(nav.feesOwed)}</td>
              </tr>
              <tr>
                <th scope="row">Income received, still being released (7 days)</th>
                <td className="num" data-testid="nav-locked-income">
                  − {money(nav.lockedIncome)}
                </td>
              </tr>
              <tr>
                <th scope="row">Gross assets (deposits are priced on this)</th>
                <td className="num">{money(nav.grossAssets)}</td>
              </tr>
              <tr>
                <th scope="row">Impaired advances and their accrued income (unrealized loss)</th>
                <td className="num">− {money(nav.impaired)}</td>
              </tr>
              <tr>
                <th scope="row">
                  Ageing haircut of overdue advances
                  <small className="muted">
                    {" "}
                    (by days late once the grace period is over, set in the policy; applies without anyone acting, so
                    leavers do not push a known loss onto those who stay)
                  </small>
                </th>
                <td className="num" data-testid="nav-aging-haircut">
                  − {money(nav.agingHaircut)}
                </td>
              </tr>
              <tr>
                <th scope="row">Net assets (exits are priced on this)</th>
                <td className="num">
                  <strong>{money(nav.netAssets)}</strong>
                </td>
              </tr>
              <tr>
                <th scope="row">Shares waiting in the redemption queue</th>
                <td className="num">
                  {formatAmount(nav.pendingRedeemShares, facts.shareDecimals, 4)} {facts.shareSymbol}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="pool-aging">
        <h2 id="pool-aging">Advances by lateness</h2>
        {financed === 0n && aging.impaired === 0n && aging.writtenOff === 0n ? (
          <p className="muted">No invoice is financed right now.</p>
        ) : (
          <div className="table-wrap">
            <AgingChart aging={aging} decimals={token.decimals} symbol={token.symbol} />
            <table data-testid="aging">
              <thead>
                <tr>
                  <th scope="col">Bucket</th>
                  <th scope="col" className="num">
                    Principal
                  </th>
                </tr>
              </thead>
              <tbody>
                {agingRows.map(([label, v]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <td className="num">{money(v)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="pool-policy">
        <h2 id="pool-policy">Financing policy</h2>
        <dl className="facts facts-fit" data-testid="policy">
          <div>
            <dt>Advance rate</dt>
            <dd>{formatBps(facts.policy.advanceRateBps)} of the invoice</dd>
          </div>
          <div>
            <dt>Discount rate</dt>
            <dd>{formatBps(facts.policy.discountRateBps)} a year, until the due day begins (UTC)</dd>
          </div>
          <div>
            <dt>Management fee</dt>
            <dd>{formatBps(facts.policy.managementFeeBps)} of deployed capital a year</dd>
          </div>
          <div>
            <dt>Performance fee</dt>
            <dd>{formatBps(facts.policy.performanceFeeBps)} of discount income</dd>
          </div>
          <div>
            <dt>Invoice size</dt>
            <dd>
              {money(facts.policy.minTicket)} to {money(facts.policy.maxTicket)}
            </dd>
          </div>
          <div>
            <dt>Longest term</dt>
            <dd>{formatDays(facts.policy.maxTenor)}</dd>
          </div>
          <div>
            <dt>Limits</dt>
            <dd>
              {money(facts.policy.maxDebtorExposure)} per debtor, {money(facts.policy.maxSmeExposure)} per SME
            </dd>
          </div>
          <div>
            <dt>Ageing haircut (exit price)</dt>
            <dd>
              {facts.policy.agingHaircutBps.map((b) => formatBps(b)).join(" / ")} at 1–30 / 31–60 / 61–90 / 90+ days
              late, after {formatDays(facts.policy.gracePeriod)} of grace
            </dd>
          </div>
          <div>
            <dt>Smallest redemption request</dt>
            <dd>{money(facts.policy.minRedeemRequest)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
