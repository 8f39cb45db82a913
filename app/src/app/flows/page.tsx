import { Suspense } from "react";
import { FlowsPage } from "@/components/flows/FlowsPage";
import "@/components/flows/flows.css";

export const metadata = { title: "Fund flows · SME Finance" };

export default function Page() {
  // The filters live in the query string, which is only known in the browser.
  return (
    <Suspense fallback={<section className="card">Reading the fund flows from the indexer…</section>}>
      <FlowsPage />
    </Suspense>
  );
}
