import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "./providers";
import { NavBar } from "@/components/NavBar";
import { IndexerBanner } from "@/components/IndexerBanner";
import { WrongNetworkBanner } from "@/components/wallet/WrongNetworkBanner";
import "./globals.css";

export const metadata: Metadata = {
  title: "SME Finance",
  description: "Invoice financing and micro-loans for small businesses, on chain.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <header className="topbar">
            <span className="brand">SME Finance</span>
            <NavBar />
          </header>
          <WrongNetworkBanner />
          <IndexerBanner />
          <main className="container">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
