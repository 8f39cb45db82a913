import { Suspense } from "react";
import { PoolPage } from "@/components/pool/PoolPage";

export const metadata = { title: "Invoice pool · SME Finance" };

export default function Page() {
  // The chosen pool comes from the query string (?pool=<address>), read on the client.
  return (
    <Suspense fallback={<section className="card">Loading the pool…</section>}>
      <PoolPage />
    </Suspense>
  );
}
