/**
 * The indexer and the dApp at volume (issue 22's numbers). On a node of its own: the Local
 * deployment, the demo seed and the scale seed (SEED_SCALE, default `10k`: 10,000 invoices,
 * 1,000 loans, 50 investors; `1` for 1,000/200/0), then
 *   1. the indexer synced from empty on PGlite and on PostgreSQL: events, seconds, events/s;
 *   2. the dApp's production build over the PGlite indexer, each list page loaded fresh in
 *      Chromium: time to its first row, JSON-RPC calls the browser made (and how many were log
 *      queries), requests to the indexer.
 * Prints a table; asserts nothing (numbers, not a timed test). Writes bench/scale.json.
 *
 *   npm run bench:scale                    (after `npx hardhat build`; about 10 minutes at 10k)
 *   BENCH_SYNC=0 SEED_SCALE=1 npm run bench:scale   (pages only, 1,000 invoices)
 */
process.env.RPC_PORT ??= "8655";
process.env.INDEXER_PORT ??= "42655";
process.env.APP_PORT ??= "3655";
process.env.SEED_SCALE ??= "10k";
const PG_INDEXER_PORT = process.env.PG_INDEXER_PORT ?? "42656";
const PG_PORT = Number(process.env.PG_PORT ?? 55656);

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Page, chromium } from "@playwright/test";
import { demoPartyWalletIndex as walletIndex } from "./demo-parties.ts";
import { startPostgres } from "./postgres.ts";

const stack = await import("./stack.ts");
const { APP_URL, INDEXER_URL, RPC_URL, root, log } = stack;

async function sync(label: string, options: { port?: string; databaseUrl?: string }) {
  const t0 = Date.now();
  const child = await stack.startIndexer(options);
  const seconds = (Date.now() - t0) / 1000;
  const events = await stack.indexedEvents(`http://127.0.0.1:${options.port ?? process.env.INDEXER_PORT}`);
  log(
    `${label}: ${events} events in ${seconds.toFixed(1)} s (${Math.round(events / seconds)} events/s, startup included)`,
  );
  return { child, seconds, events, eventsPerSecond: Math.round(events / seconds) };
}

interface PageResult {
  page: string;
  /** -1: no row within the time limit (then `failure` says what the page showed). */
  firstRowMs: number;
  failure?: string;
  rpcCalls: number;
  logQueries: number;
  indexerRequests: number;
}

/** Loads `path` fresh and waits for `selector`; counts what the browser asked of whom meanwhile. */
async function measure(page: Page, path: string, selector: string): Promise<PageResult> {
  let rpcCalls = 0;
  let logQueries = 0;
  let indexerRequests = 0;
  const onRequest = (request: import("@playwright/test").Request) => {
    const url = request.url();
    if (url.startsWith(RPC_URL)) {
      const body = request.postDataJSON() as { method: string } | { method: string }[] | null;
      const calls = Array.isArray(body) ? body : body ? [body] : [];
      rpcCalls += calls.length;
      logQueries += calls.filter((c) => c.method === "eth_getLogs").length;
    } else if (url.startsWith(INDEXER_URL) && !url.endsWith("/status")) indexerRequests += 1;
  };
  page.on("request", onRequest);
  const t0 = Date.now();
  await page.goto(path);
  let firstRowMs = -1;
  let failure: string | undefined;
  try {
    await page.locator(selector).first().waitFor({ state: "visible", timeout: 120_000 });
    firstRowMs = Date.now() - t0;
  } catch {
    const alert = page.getByRole("alert").first();
    failure = (await alert.isVisible()) ? (await alert.innerText()).slice(0, 160) : "nothing within 120 s";
  }
  page.off("request", onRequest);
  return { page: path, firstRowMs, failure, rpcCalls, logQueries, indexerRequests };
}

async function connect(page: Page, index: number) {
  await page.goto("/");
  const picker = page.getByLabel("Dev account");
  const button = page.getByRole("button", { name: /Hardhat dev account/ });
  await picker.or(button).first().waitFor();
  if (await button.isVisible()) await button.click();
  await picker.waitFor();
  const value = (await picker.locator("option").nth(index).getAttribute("value"))!;
  await picker.selectOption(value);
}

let postgres: ReturnType<typeof startPostgres> | undefined;
const started = Date.now();
try {
  await stack.assertPortsFree();
  await stack.startNode(true);
  await stack.deployLocal();
  await stack.seedDemo();
  const t0 = Date.now();
  await stack.seedScale();
  const seedSeconds = (Date.now() - t0) / 1000;
  await stack.generateContracts();
  // BENCH_SYNC=0 measures the pages only (for a dApp that does not read the indexer).
  const syncs = process.env.BENCH_SYNC !== "0";
  const pglite = syncs ? await sync("indexer on PGlite", {}) : undefined;
  if (syncs) postgres = startPostgres(PG_PORT);
  const pg = postgres
    ? await sync("indexer on PostgreSQL", { port: PG_INDEXER_PORT, databaseUrl: postgres.url })
    : undefined;
  await stack.startApp("prod");

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const context = await browser.newContext({ baseURL: APP_URL, viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  const pages: PageResult[] = [];
  await connect(page, walletIndex("mombasa"));
  pages.push(await measure(page, "/invoices", '[data-testid="paged-invoices"] [data-testid="invoice-row"]'));
  pages.push(await measure(page, "/loans", '[data-testid="my-loan-list"] [data-testid="my-loan"]'));
  await connect(page, walletIndex("alice"));
  pages.push(await measure(page, "/pool", '[data-testid="exposure-row"]'));
  pages.push(await measure(page, "/flows", '[data-testid="flow-row"]'));
  await browser.close();

  const report = {
    scale: process.env.SEED_SCALE,
    seedSeconds,
    events: pglite?.events,
    indexer: {
      pglite: pglite && { seconds: pglite.seconds, eventsPerSecond: pglite.eventsPerSecond },
      postgres: pg && { seconds: pg.seconds, eventsPerSecond: pg.eventsPerSecond },
    },
    pages,
  };
  console.log(`
  Scale bench (SEED_SCALE=${report.scale}; seed ${seedSeconds.toFixed(0)} s; ${pglite?.events ?? "?"} events indexed)
    indexer from empty  ${pglite && pg ? `PGlite ${pglite.seconds.toFixed(1)} s (${pglite.eventsPerSecond} events/s)   PostgreSQL ${pg.seconds.toFixed(1)} s (${pg.eventsPerSecond} events/s)` : "not measured (BENCH_SYNC=0)"}

    page        first row   JSON-RPC calls   of which log queries   indexer requests
${pages
  .map(
    (p) =>
      `    ${p.page.padEnd(10)}  ${(p.firstRowMs < 0 ? "none" : `${p.firstRowMs} ms`).padStart(9)}   ${String(p.rpcCalls).padStart(14)}   ${String(p.logQueries).padStart(20)}   ${String(p.indexerRequests).padStart(16)}`,
  )
  .join("\n")}
${pages
  .filter((p) => p.failure)
  .map((p) => `    ${p.page}: ${p.failure}`)
  .join("\n")}

  (whole bench ${((Date.now() - started) / 1000).toFixed(0)} s)
`);
  writeFileSync(join(root, "bench", "scale.json"), `${JSON.stringify(report, null, 2)}\n`);
} finally {
  stack.stopAll();
  postgres?.stop();
}
