import { SmeDashboard } from "@/components/dashboards/SmeDashboard";

export default function Page() {
  return <SmeDashboard />;
}
