import { TxPage } from "@/components/tx/TxPage";
import "@/components/flows/flows.css";

export const metadata = { title: "Transaction · SME Finance" };

export default async function Page({ params }: { params: Promise<{ hash: string }> }) {
  const { hash } = await params;
  return <TxPage hash={hash} />;
}
