import { LoansPage } from "@/components/loans/LoansPage";

export const metadata = { title: "Loans · SME Finance" };

export default function Page() {
  return <LoansPage />;
}
