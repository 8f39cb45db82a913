import { WalletHome } from "@/components/WalletHome";

export default function Home() {
  return <WalletHome />;
}
