"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { WagmiProvider } from "wagmi";
import { reconnect } from "wagmi/actions";
import { wagmiConfig } from "@/lib/wagmi";

const WalletReady = createContext(false);

/** False until the previous session's wallet has been reconnected (or found gone). */
export function useWalletReady() {
  return useContext(WalletReady);
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  const [ready, setReady] = useState(false);
  // Reconnect ourselves, so the page shows "loading" instead of flashing the connect buttons.
  useEffect(() => {
    reconnect(wagmiConfig).finally(() => setReady(true));
  }, []);
  return (
    <WagmiProvider config={wagmiConfig} reconnectOnMount={false}>
      <QueryClientProvider client={queryClient}>
        <WalletReady.Provider value={ready}>{children}</WalletReady.Provider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
