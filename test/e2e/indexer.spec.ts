import { expect, test } from "@playwright/test";
import { connectDevAccount } from "./helpers.ts";
import { tokenizeAs, walletIndex } from "./demo.ts";

/**
 * The harness's indexer process group, paused and resumed: a paused indexer accepts connections
 * and never answers, which is how a hung or unreachable server looks to a browser.
 */
function indexer(signal: "SIGSTOP" | "SIGCONT") {
  const pid = Number(process.env.E2E_INDEXER_PID);
  expect(pid, "the harness started the indexer").toBeGreaterThan(0);
  process.kill(-pid, signal);
}

test("test_indexer_stoppedIndexerIsReportedWhileTheInvoiceOnScreenStillShowsItsChainState", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const invoiceNumber = `IDX-DOWN-${testInfo.project.name}-${Date.now()}`;
  const tokenId = await tokenizeAs("printworks", "hotels", invoiceNumber, 1_234, 30);
  const invoicePath = `/invoices/0x${tokenId.toString(16).padStart(64, "0")}`;

  await connectDevAccount(page, walletIndex("printworks"), "/flows");
  const rows = page.getByTestId("flow-row");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId("indexer-down")).toHaveCount(0);

  indexer("SIGSTOP");
  try {
    // The page says so within a poll and a timeout, and keeps what it last read.
    await expect(page.getByTestId("indexer-down")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("indexer-down")).toContainText("The indexer is not answering");
    await expect(rows.first()).toBeVisible();

    // A fresh page load has no list to fall back on; the invoice itself is read from the chain.
    await page.goto(invoicePath);
    await expect(page.getByTestId("indexer-down")).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(invoiceNumber);
    await expect(page.getByTestId("invoice-status")).toHaveText("Issued");
    await expect(page.getByText("1,234 dUSD", { exact: true }).first()).toBeVisible();

    // The fund flows cannot be read and the page says why instead of loading forever.
    await page.goto("/flows");
    // Next's route announcer is an empty alert on every page: look for the page's own.
    await expect(page.getByRole("alert").filter({ hasText: "cannot be reached" })).toBeVisible();
  } finally {
    indexer("SIGCONT");
  }
  // Back: the banner goes and the lists come back.
  await expect(page.getByTestId("indexer-down")).toHaveCount(0, { timeout: 15_000 });
  await expect(rows.first()).toBeVisible();
});

test("test_indexer_statusBehindTheChainIsReportedWithTheBlockCountAfterTheGrace", async ({ page }) => {
  test.setTimeout(60_000);
  // The indexer's own /status answer, held 3 blocks back: what a browser sees of an indexer that
  // stopped keeping up (a real one catches up within a second on this local node).
  await page.route(/\/status$/, async (route) => {
    const response = await route.fetch();
    const status = (await response.json()) as { protocol: { block: { number: number } } };
    status.protocol.block.number -= 3;
    await route.fulfill({ response, json: status });
  });
  await connectDevAccount(page, walletIndex("printworks"));
  const banner = page.getByTestId("indexer-behind");
  // Not at once: a lag shorter than the grace is the indexer's normal second behind a new block.
  await expect(banner).toHaveCount(0);
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText("The indexer is 3 blocks behind the chain");
  await page.unroute(/\/status$/);
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
});
