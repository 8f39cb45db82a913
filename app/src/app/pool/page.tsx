import { PoolPage } from "@/components/pool/PoolPage";

export const metadata = { title: "Invoice pool · SME Finance" };

export default function Page() {
  return <PoolPage />;
}
