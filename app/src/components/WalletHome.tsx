"use client";

import { useConnection } from "wagmi";
import { ConnectPanel } from "./ConnectPanel";
import { AccountCard } from "./AccountCard";
import { FaucetForm } from "./FaucetForm";
import { LOCAL_CHAIN_ID } from "@/lib/chains";
import { MyIdentityCard } from "./kyc/MyIdentityCard";

export function WalletHome() {
  const { isConnected, chainId } = useConnection();
  return (
    <div className="stack">
      <ConnectPanel />
      {isConnected && <AccountCard />}
      {isConnected && <MyIdentityCard />}
      {isConnected && chainId === LOCAL_CHAIN_ID && <FaucetForm />}
    </div>
  );
}
