"use client";

import { useConnection, useSwitchChain } from "wagmi";
import { localChain } from "@/lib/chains";
import { explainError } from "@/lib/errors";
import { addLocalChainParams } from "@/lib/localNetwork";

/**
 * Says so when the connected wallet is on a chain the app has no contracts on, and switches it
 * to the local chain; a wallet that does not know the chain is asked to add it first.
 */
export function WrongNetworkBanner() {
  const { isConnected, chainId, chain } = useConnection();
  const switchChain = useSwitchChain();
  if (!isConnected || chain || chainId === undefined) return null;
  return (
    <div className="banner" role="alert" data-testid="wrong-network">
      <p>
        Your wallet is on chain {chainId}, where this app has no contracts. Switch to {localChain.name} (chain{" "}
        {localChain.id}) to continue.
      </p>
      <button
        type="button"
        disabled={switchChain.isPending}
        onClick={() =>
          switchChain.mutate({
            chainId: localChain.id,
            addEthereumChainParameter: {
              chainName: addLocalChainParams.chainName,
              nativeCurrency: addLocalChainParams.nativeCurrency,
              rpcUrls: addLocalChainParams.rpcUrls,
            },
          })
        }
      >
        {switchChain.isPending ? "Confirm in your wallet…" : `Switch to ${localChain.name}`}
      </button>
      {switchChain.error && <p className="banner-error">{explainError(switchChain.error)}</p>}
    </div>
  );
}
