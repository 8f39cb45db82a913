"use client";

import { useQuery } from "@tanstack/react-query";
import { useWalletReady } from "@/app/providers";
import { useConnect, useConnection, useConnectors, useDisconnect } from "wagmi";
import type { Address } from "viem";
import { rememberDevConnection } from "@/lib/devConnector";
import { explainError } from "@/lib/errors";
import { CopyAddress } from "./CopyAddress";
import { AddNetworkButton } from "./wallet/AddNetworkButton";

type DevConnector = { selectAccount(address: Address): Promise<void>; listAccounts(): Promise<readonly Address[]> };

export function ConnectPanel() {
  const { address, connector, isConnected, isConnecting, isReconnecting } = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const mounted = useWalletReady();
  const hasInjected = mounted && typeof window !== "undefined" && "ethereum" in window;
  const isDev = connector?.id === "devAccounts";

  const { data: accounts = [] } = useQuery({
    queryKey: ["devAccounts"],
    queryFn: () => (connector as unknown as DevConnector).listAccounts(),
    enabled: isDev,
  });

  if (!mounted || isReconnecting) return <section className="card">Loading wallet…</section>;

  if (isConnected && address) {
    return (
      <section className="card">
        <div className="row">
          <div>
            <div className="muted">Connected with {connector?.name}</div>
            <CopyAddress address={address} />
          </div>
          <button type="button" onClick={() => disconnect.mutate()}>
            Disconnect
          </button>
        </div>
        {isDev && accounts.length > 0 && (
          <label className="field">
            <span>Dev account</span>
            <select
              aria-label="Dev account"
              value={address}
              onChange={(e) => (connector as unknown as DevConnector).selectAccount(e.target.value as Address)}
            >
              {accounts.map((a, i) => (
                <option key={a} value={a}>
                  #{i} {a}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>
    );
  }

  return (
    <section className="card">
      <h1>Connect a wallet</h1>
      <p className="muted">Use a browser wallet, or on the local chain one of the Hardhat dev accounts.</p>
      <div className="buttons">
        {connectors.map((c) => {
          const unavailable = c.type === "injected" && !hasInjected;
          return (
            <button
              key={c.uid}
              type="button"
              disabled={isConnecting || unavailable}
              title={unavailable ? "No browser wallet found" : undefined}
              onClick={() =>
                connect.mutate(
                  { connector: c },
                  { onSuccess: () => (c.id === "devAccounts" ? rememberDevConnection() : undefined) },
                )
              }
            >
              {c.type === "injected" ? "Browser wallet" : c.name}
            </button>
          );
        })}
      </div>
      {hasInjected && <AddNetworkButton />}
      {connect.error && (
        <p role="alert" className="error">
          {explainError(connect.error)}
        </p>
      )}
    </section>
  );
}
