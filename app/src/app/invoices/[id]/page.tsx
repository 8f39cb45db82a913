import { InvoicePage } from "@/components/invoices/InvoicePage";

export const metadata = { title: "Invoice · SME Finance" };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <InvoicePage id={id} />;
}
