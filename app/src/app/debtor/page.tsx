import { DebtorPage } from "@/components/invoices/DebtorPage";

export const metadata = { title: "Invoices to pay · SME Finance" };

export default function Page() {
  return <DebtorPage />;
}
