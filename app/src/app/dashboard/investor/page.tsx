import { Suspense } from "react";
import { InvestorDashboard } from "@/components/dashboards/InvestorDashboard";
import { Loading } from "@/components/dashboards/parts";

export default function Page() {
  // The pool shown in detail comes from the query string (?pool=<address>), read on the client.
  return (
    <Suspense fallback={<Loading what="your position" />}>
      <InvestorDashboard />
    </Suspense>
  );
}
