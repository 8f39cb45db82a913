import { createConfig, http } from "wagmi";
import { injected } from "wagmi/connectors";
import { localChain } from "./chains";
import { devAccounts } from "./devConnector";

export const wagmiConfig = createConfig({
  chains: [localChain],
  connectors: [injected(), devAccounts()],
  // Reads issued together (a page of rows) go to the node as one JSON-RPC batch request.
  transports: { [localChain.id]: http(localChain.rpcUrls.default.http[0], { batch: true }) },
  ssr: true,
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
