import { UnderwriterDashboard } from "@/components/dashboards/UnderwriterDashboard";

export default function Page() {
  return <UnderwriterDashboard />;
}
