"use client";

import { useBalance, useConnection } from "wagmi";
import { deployedAddress } from "@/lib/contracts";
import { formatAmount } from "@/lib/format";
import { useWalletBalance } from "@/hooks/useWalletBalance";

export function AccountCard() {
  const { address, chainId, chain } = useConnection();
  const stablecoin = deployedAddress(chainId, "Stablecoin");
  const eth = useBalance({ address });
  const usd = useWalletBalance(stablecoin);

  return (
    <section className="card">
      <h2>Balances</h2>
      <div className="muted">Network: {chain?.name ?? `unsupported chain ${chainId}`}</div>
      {!stablecoin && (
        <p role="alert" className="error">
          No contracts are deployed on this network. Switch your wallet to the local chain (31337).
        </p>
      )}
      <dl className="balances">
        <div>
          <dt>ETH</dt>
          <dd data-testid="eth-balance">
            {eth.isLoading ? "…" : eth.data ? formatAmount(eth.data.value, 18, 4) : "—"}
          </dd>
        </div>
        {stablecoin && (
          <div>
            <dt>dUSD</dt>
            <dd data-testid="usd-balance">
              {usd.isLoading ? "…" : usd.isError ? "unavailable" : formatAmount(usd.data ?? 0n, 6, 2)}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
