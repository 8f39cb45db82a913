import { createConfig, http } from "wagmi";
import { injected } from "wagmi/connectors";
import { localChain } from "./chains";
import { devAccounts } from "./devConnector";

export const wagmiConfig = createConfig({
  chains: [localChain],
  connectors: [injected(), devAccounts()],
  transports: { [localChain.id]: http(localChain.rpcUrls.default.http[0]) },
  ssr: true,
});

declare module "wagmi" {
  interface Register {
    config: typeof wagmiConfig;
  }
}
