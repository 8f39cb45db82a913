"use client";

import { useSearchParams } from "next/navigation";
import { type Address, getAddress, isAddress } from "viem";
import { useConnection } from "wagmi";
import { formatAmount } from "@/lib/format";
import { useIsClient } from "@/hooks/useIsClient";
import { usePoolFacts, usePoolPosition } from "@/hooks/usePool";
import { useTokenInfo } from "@/hooks/useTokenInfo";
import { DepositForm } from "./DepositForm";
import { ExposureCard } from "./ExposureCard";
import { PoolLoansCard } from "./PoolLoansCard";
import { PoolPicker } from "./PoolPicker";
import { PoolFactsCard } from "./PoolFactsCard";
import { PoolHistoryChart } from "@/components/charts/PoolHistoryChart";
import { RedemptionCard } from "./RedemptionCard";
import { WithdrawForm } from "./WithdrawForm";

/** The investor's view of the pool: its books and policy, their position, and every way in and out. */
export function PoolPage() {
  const isClient = useIsClient();
  const { address, isConnected } = useConnection();
  const chosen = useSearchParams().get("pool");
  const poolParam: Address | undefined = chosen && isAddress(chosen) ? getAddress(chosen) : undefined;
  const { facts, pool, isError, error, isPending } = usePoolFacts(poolParam);
  const token = useTokenInfo(facts?.asset);
  const { position, isError: positionFailed, error: positionError } = usePoolPosition(pool, facts?.asset, address);
  if (!isClient) return <section className="card">Loading the pool…</section>;
  if (!pool) return <p className="muted">The pool is not deployed on this chain.</p>;
  if (isError) {
    return (
      <p role="alert" className="error">
        Could not read the pool: {error.message}
      </p>
    );
  }
  if (isPending || !facts || !token) return <section className="card">Loading the pool…</section>;
  const money = (v: bigint) => `${formatAmount(v, token.decimals, 2)} ${token.symbol}`;
  return (
    <div className="stack">
      <h1>Invoice pool</h1>
      <PoolPicker current={pool} />
      <p className="muted">
        Investors deposit {token.symbol}; the pool advances it to SMEs against invoices their debtors acknowledged, and
        earns the discount when the debtors pay.
      </p>
      <section className="card" aria-labelledby="pool-position">
        <h2 id="pool-position">Your position</h2>
        {!isConnected || !address ? (
          <p className="muted">Connect a wallet on the Wallet page to deposit or see your position.</p>
        ) : positionFailed ? (
          <p role="alert" className="error">
            Could not read your position: {positionError?.message}
          </p>
        ) : !position ? (
          <p className="muted">Loading your position…</p>
        ) : (
          <>
            <dl className="facts facts-fit">
              <div>
                <dt>Shares</dt>
                <dd data-testid="position-shares" data-value={position.shares.toString()}>
                  {formatAmount(position.shares, facts.shareDecimals, 4)} {facts.shareSymbol}
                </dd>
              </div>
              <div>
                <dt>Value now</dt>
                <dd data-testid="position-value" data-value={position.value.toString()}>
                  {money(position.value)}
                </dd>
              </div>
              <div>
                <dt>Pending redemption</dt>
                <dd>{money(position.pendingValue)}</dd>
              </div>
              <div>
                <dt>Ready to claim</dt>
                <dd>{money(position.claimableAssets)}</dd>
              </div>
              <div>
                <dt>Wallet</dt>
                <dd data-testid="wallet-balance">{money(position.walletBalance)}</dd>
              </div>
            </dl>
            {!position.canDeposit && (
              <p className="muted" data-testid="not-investor">
                This wallet is not verified as an investor: it cannot deposit or receive shares until a KYC provider
                verifies it.
              </p>
            )}
            <DepositForm pool={pool} asset={facts.asset} owner={address} position={position} token={token} />
            {position.shares > 0n && <WithdrawForm pool={pool} owner={address} position={position} token={token} />}
          </>
        )}
      </section>
      {address &&
        position &&
        (position.shares > 0n || position.pendingShares > 0n || position.claimableAssets > 0n) && (
          <RedemptionCard facts={facts} owner={address} position={position} token={token} />
        )}
      <PoolFactsCard facts={facts} token={token} />
      <ExposureCard pool={pool} facts={facts} money={money} />
      <PoolLoansCard pool={pool} money={money} />
      <PoolHistoryChart pool={pool} decimals={token.decimals} symbol={token.symbol} />
    </div>
  );
}
