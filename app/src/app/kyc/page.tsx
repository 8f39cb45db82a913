import { KycPage } from "@/components/kyc/KycPage";

export const metadata = { title: "KYC · SME Finance" };

export default function Page() {
  return <KycPage />;
}
