import { InvestorDashboard } from "@/components/dashboards/InvestorDashboard";

export default function Page() {
  return <InvestorDashboard />;
}
