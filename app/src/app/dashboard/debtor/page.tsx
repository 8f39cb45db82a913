import { DebtorDashboard } from "@/components/dashboards/DebtorDashboard";

export default function Page() {
  return <DebtorDashboard />;
}
