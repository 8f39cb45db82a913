import { numberToHex } from "viem";
import { localChain } from "./chains";

/**
 * What a browser wallet needs to add the local Hardhat chain (EIP-3085 wallet_addEthereumChain):
 * its id in hex, a name, the node's RPC URL and the native currency.
 */
export const addLocalChainParams = {
  chainId: numberToHex(localChain.id),
  chainName: localChain.name,
  nativeCurrency: localChain.nativeCurrency,
  rpcUrls: [...localChain.rpcUrls.default.http],
};

export interface Eip1193 {
  request(args: { method: string; params?: unknown[] }): Promise<unknown>;
}

/** The page's injected wallet (window.ethereum), if there is one. */
export function injectedProvider(): Eip1193 | undefined {
  if (typeof window === "undefined") return undefined;
  return (window as unknown as { ethereum?: Eip1193 }).ethereum;
}
