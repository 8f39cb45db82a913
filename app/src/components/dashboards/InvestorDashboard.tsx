"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { type Address, getAddress, isAddress } from "viem";
import { useConnection } from "wagmi";
import { AgingChart } from "@/components/charts/AgingChart";
import { PoolHistoryChart } from "@/components/charts/PoolHistoryChart";
import { useChainTime } from "@/hooks/useChainTime";
import { usePoolLedgers } from "@/hooks/useLedgers";
import { useHoldings, usePoolFacts, usePoolPosition } from "@/hooks/usePool";
import { usePools } from "@/hooks/usePools";
import { useSharePriceAt } from "@/hooks/useSharePriceAt";
import { formatAmount } from "@/lib/format";
import { formatPercent, yieldBetween } from "@/lib/history";
import { formatBps } from "@/lib/pool";
import { formatDate } from "@/lib/time";
import { PoolPicker } from "@/components/pool/PoolPicker";
import { earnedIn, InvestorPools } from "./InvestorPools";
import { LateInPool, lateAssets } from "./LateInPool";
import { DashboardHeader, Shell, Kpi, LoadError, Loading, NeedWallet, useMoney } from "./parts";

/**
 * The investor's first question: what is my position worth, what has it earned, what is at risk.
 * Totals over every pool first, then one pool in detail (`?pool=`, default the first pool).
 */
export function InvestorDashboard() {
  const { address } = useConnection();
  const now = useChainTime();
  const m = useMoney();
  const chosen = useSearchParams().get("pool");
  const poolParam: Address | undefined = chosen && isAddress(chosen) ? getAddress(chosen) : undefined;
  const { facts, pool, isError, error } = usePoolFacts(poolParam);
  const { position } = usePoolPosition(pool, facts?.asset, address);
  const pools = usePools();
  const holdings = useHoldings(address);
  const ledgers = usePoolLedgers();
  const ledger = ledgers.data?.find((l) => l.pool === pool);
  const flows = address ? ledger?.investors.get(address) : undefined;
  const start = useSharePriceAt(pool, flows?.firstDepositBlock);

  const header = (
    <DashboardHeader
      title="Your investment"
      question="What your pool shares are worth, what they earned since you deposited, and what is late."
      action={<Link href={pool ? `/pool?pool=${pool}` : "/pool"}>Deposit or withdraw</Link>}
    />
  );
  if (!address)
    return (
      <Shell header={header}>
        <NeedWallet what="your position in the pool" />
      </Shell>
    );
  if (!pool)
    return (
      <Shell header={header}>
        <p className="muted">The pool is not deployed on this chain.</p>
      </Shell>
    );
  if (isError)
    return (
      <Shell header={header}>
        <LoadError what="the pool" error={error} />
      </Shell>
    );
  if (ledgers.isError || holdings.isError)
    return (
      <Shell header={header}>
        <LoadError what="the pools' ledgers" error={ledgers.error ?? holdings.error} />
      </Shell>
    );
  if (!m || !facts || !position || !ledger || !ledgers.data || !holdings.holdings || now === undefined)
    return (
      <Shell header={header}>
        <Loading what="your position" />
      </Shell>
    );

  const held = position.value + position.pendingValue + position.claimableAssets;
  const { deposited, gain } = earnedIn(ledger, address, held);
  const withdrawn = flows?.withdrawn ?? 0n;
  const poolName = pools.find((p) => p.address === pool)?.name ?? "the pool";
  const since = start.data;
  const y = since ? yieldBetween(since.price, facts.sharePrice, now - since.timestamp) : undefined;
  const late = lateAssets(ledger.assets, now);
  const lateTotal = late.reduce((s, a) => s + a.advance, 0n);

  return (
    <div className="stack">
      {header}
      {pools.length > 1 && (
        <InvestorPools
          investor={address}
          pools={pools}
          holdings={holdings.holdings}
          ledgers={ledgers.data}
          current={pool}
          money={m.money}
        />
      )}
      <PoolPicker current={pool} path="/dashboard/investor" />
      {pools.length > 1 && <h2 data-testid="investor-pool-name">{poolName}</h2>}
      <dl className="kpis">
        <Kpi
          label="Position"
          testId="investor-position"
          raw={held}
          value={m.money(held)}
          note={`${formatAmount(position.shares, facts.shareDecimals, 4)} ${facts.shareSymbol} shares`}
        />
        <Kpi
          label="Earned since you deposited"
          testId="investor-gain"
          raw={gain}
          value={deposited === 0n ? "No deposit yet" : m.money(gain)}
          note={
            deposited === 0n
              ? undefined
              : `${m.money(deposited)} in, ${m.money(withdrawn)} out${
                  facts.nav.impaired > 0n
                    ? `; shares are valued net of ${m.money(facts.nav.impaired)} impaired in the pool until it is paid or written off`
                    : ""
                }`
          }
        />
        <Kpi
          label="Yield since first deposit"
          testId="investor-apy"
          value={!y ? "—" : y.apy === undefined ? formatPercent(y.ret) : `${formatPercent(y.apy)} a year`}
          note={
            since && y
              ? `share price ${formatAmount(since.price, m.decimals, 6)} on ${formatDate(since.timestamp)} → ${formatAmount(facts.sharePrice, m.decimals, 6)}${y.apy === undefined ? " (under a day: not annualized)" : `; ${formatPercent(y.ret)} in total`}`
              : "from the share price history"
          }
        />
        <Kpi
          label="Late in the pool"
          testId="investor-late"
          raw={lateTotal}
          value={m.money(lateTotal)}
          note={`${late.length} invoice${late.length === 1 ? "" : "s"} past due · utilization ${formatBps(facts.utilizationBps)}`}
        />
      </dl>
      <PoolHistoryChart pool={pool} decimals={m.decimals} symbol={m.symbol} />
      <section className="card" aria-labelledby="investor-aging">
        <h2 id="investor-aging">Financed principal by days late</h2>
        <AgingChart aging={facts.aging} decimals={m.decimals} symbol={m.symbol} />
      </section>
      <LateInPool assets={ledger.assets} now={now} money={m.money} title={`Late in ${poolName}`} />
    </div>
  );
}
