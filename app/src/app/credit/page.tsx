import { CreditPage } from "@/components/credit/CreditPage";

export const metadata = { title: "Credit history · SME Finance" };

export default function Page() {
  return <CreditPage />;
}
