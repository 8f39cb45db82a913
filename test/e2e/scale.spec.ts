import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { indexedBlock, rpc, seedScale } from "../../scripts/stack.ts";
import { connectDevAccount } from "./helpers.ts";
import { walletIndex } from "./demo.ts";

/**
 * Reading state at volume: 1,000 invoices and 200 loans more (scripts/seed-scale.ts, once per
 * chain), then each list page is opened and the time until its first page of 25 rows shows is
 * measured and recorded (console, test annotation, test-results/scale-<project>.json). The
 * target is 2 s; the test records the number rather than asserting it, so a slow machine does
 * not make it flaky, but every page must render its rows and a pager that counts them all.
 */
const results: { page: string; list: string; rows: number; total: string; ms: number }[] = [];
let seedSeconds = 0;
let catchUpSeconds = 0;

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const t0 = Date.now();
  await seedScale();
  seedSeconds = (Date.now() - t0) / 1000;
  // The lists come from the indexer: measure pages once it has indexed the seed (and say how long that took).
  const t1 = Date.now();
  const head = Number(BigInt(await rpc<string>("eth_blockNumber")));
  while (((await indexedBlock()) ?? -1) < head) {
    if (Date.now() - t1 > 300_000) throw new Error(`the indexer did not reach block ${head} within 300 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  catchUpSeconds = (Date.now() - t1) / 1000;
});

async function measure(page: Page, label: string, path: string, rowTestId: string, list: string) {
  const nav = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true });
  // On a phone the navigation folds behind "Menu": unfold it before the clock starts.
  const toggle = page.getByRole("button", { name: "Menu", exact: true });
  if (await toggle.isVisible()) await toggle.click();
  const t0 = Date.now();
  await nav.click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  const rows = page.locator(`[data-testid="${list}"] [data-testid="${rowTestId}"]`);
  await expect(rows).toHaveCount(25, { timeout: 30_000 });
  const ms = Date.now() - t0;
  const total = await page.locator(`[data-testid="${list}"] [data-testid="pager-range"]`).first().innerText();
  results.push({ page: path, list, rows: 25, total, ms });
  return ms;
}

test("test_scale_eachListPageRendersItsFirstPageOf25", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await connectDevAccount(page, walletIndex("mombasa"));
  await measure(page, "Invoices", "/invoices", "invoice-row", "paged-invoices");
  await expect(page.getByTestId("pager-range").first()).toContainText("of 1,0");

  // The next page reads only its own 25 invoices.
  const t0 = Date.now();
  await page.getByRole("button", { name: "Next" }).first().click();
  await expect(page.getByTestId("pager-range").first()).toContainText("Showing 26–50");
  await expect(page.locator('[data-testid="paged-invoices"][data-page="1"] [data-testid="invoice-row"]')).toHaveCount(
    25,
  );
  results.push({ page: "/invoices (page 2)", list: "paged-invoices", rows: 25, total: "", ms: Date.now() - t0 });

  await measure(page, "Loans", "/loans", "my-loan", "my-loan-list");
  await expect(page.getByTestId("my-loan-list").getByTestId("pager-range")).toContainText("of 2");

  await connectDevAccount(page, walletIndex("coast"));
  await measure(page, "To pay", "/debtor", "invoice-row", "paged-invoices");
  await expect(page.getByTestId("pager-range").first()).toContainText("of 1,0");

  const report = {
    project: testInfo.project.name,
    seedScaleSeconds: seedSeconds,
    indexerCatchUpSeconds: catchUpSeconds,
    pages: results,
  };
  for (const r of results) {
    console.log(`[scale] ${testInfo.project.name} ${r.page}: ${r.ms} ms (${r.total})`);
    testInfo.annotations.push({ type: "render-ms", description: `${r.page}: ${r.ms} ms` });
  }
  console.log(`[scale] scale seed: ${seedSeconds.toFixed(1)} s (0 when already seeded on this chain)`);
  console.log(`[scale] the indexer caught up with it in ${catchUpSeconds.toFixed(1)} s`);
  mkdirSync(join(process.cwd(), "test-results"), { recursive: true });
  writeFileSync(
    join(process.cwd(), "test-results", `scale-${testInfo.project.name}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
});
