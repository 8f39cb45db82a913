import { KycDashboard } from "@/components/dashboards/KycDashboard";

export default function Page() {
  return <KycDashboard />;
}
