"use client";

import { useMutation } from "@tanstack/react-query";
import { explainError } from "@/lib/errors";
import { addLocalChainParams, injectedProvider } from "@/lib/localNetwork";

/**
 * Adds the local Hardhat chain to the browser wallet (wallet_addEthereumChain), which also
 * offers to switch to it. Shown only when a browser wallet is present.
 */
export function AddNetworkButton() {
  const add = useMutation({
    mutationFn: async () => {
      const provider = injectedProvider();
      if (!provider) throw new Error("No browser wallet found.");
      try {
        await provider.request({ method: "wallet_addEthereumChain", params: [addLocalChainParams] });
      } catch (error) {
        // EIP-1193 errors are plain objects; 4001 means the person said no.
        const { code, message } = error as { code?: number; message?: string };
        throw new Error(code === 4001 ? "You declined to add the network in your wallet." : (message ?? String(error)));
      }
    },
  });
  if (!injectedProvider()) return null;
  return (
    <div className="stack-tight">
      <button type="button" className="secondary" disabled={add.isPending} onClick={() => add.mutate()}>
        {add.isPending ? "Waiting for your wallet…" : `Add ${addLocalChainParams.chainName} to your wallet`}
      </button>
      {add.isSuccess && (
        <p className="ok" role="status">
          Your wallet knows {addLocalChainParams.chainName} (chain {Number(addLocalChainParams.chainId)}) now.
        </p>
      )}
      {add.error && (
        <p role="alert" className="error">
          {explainError(add.error)}
        </p>
      )}
    </div>
  );
}
