import { SmeInvoicesPage } from "@/components/invoices/SmeInvoicesPage";

export const metadata = { title: "My invoices · SME Finance" };

export default function Page() {
  return <SmeInvoicesPage />;
}
