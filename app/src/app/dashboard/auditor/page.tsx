import { AuditorDashboard } from "@/components/dashboards/AuditorDashboard";

export default function Page() {
  return <AuditorDashboard />;
}
