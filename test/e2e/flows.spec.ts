import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { getAddress } from "viem";
import { MAIN_POOL, accountFor, connectDevAccount, offerOf, openNavLink, parseFlowsCsv, toUnits } from "./helpers.ts";
import { mintDemoUsd, tokenizeAcknowledged, verifyParty } from "./chain.ts";

const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;
const usd = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10_000n;

/** Visible rows: their transaction and amount in base units, as the page renders them. */
async function visibleRows(page: Page) {
  const rows = page.getByTestId("flow-row");
  const count = await rows.count();
  const out: { tx: string; amount: bigint; kind: string }[] = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    out.push({
      tx: (await row.getAttribute("data-tx"))!,
      amount: BigInt((await row.getAttribute("data-amount"))!),
      kind: (await row.getAttribute("data-kind"))!,
    });
  }
  return out;
}

test("test_flows_depositFinancePayAppearFilterAndCsvExportReconcilesWithContractBalances", async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const project = testInfo.project.name;
  const investorIndex = accountFor(project, 24, 28);
  const smeIndex = accountFor(project, 25, 29);
  const debtorIndex = accountFor(project, 26, 30);
  const investor = getAddress(await verifyParty(investorIndex, INVESTOR, `flows-fund-${project}`));
  const sme = getAddress(await verifyParty(smeIndex, SME, `flows-sme-${project}`));
  await verifyParty(debtorIndex, DEBTOR, `flows-debtor-${project}`);
  await mintDemoUsd(investorIndex, usd(40_000));
  await mintDemoUsd(debtorIndex, usd(20_000));
  const invoiceNumber = `FLOWS-${project}-${Date.now()}`;
  await tokenizeAcknowledged(smeIndex, debtorIndex, invoiceNumber, usd(12_000), 45);

  // Activity through the UI: a deposit, the invoice financed, the debtor paying it.
  await connectDevAccount(page, investorIndex, "/pool");
  const deposit = page.getByRole("form", { name: "Deposit", exact: true });
  await deposit.getByLabel(/Amount to deposit/).fill("23,456.78");
  await deposit.getByRole("button", { name: "Deposit" }).click();
  // Approval then deposit: the wallet balance drops only once the deposit itself is mined.
  await expect(page.getByTestId("wallet-balance")).toHaveText("16,543.22 dUSD");
  await expect(deposit.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");

  await connectDevAccount(page, smeIndex, "/invoices");
  await page.getByRole("link", { name: invoiceNumber }).click();
  const offer = offerOf(page, MAIN_POOL);
  await offer.getByRole("button", { name: "Finance this invoice" }).click();
  await expect(page.getByTestId("financed").getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");

  await connectDevAccount(page, debtorIndex, "/debtor");
  const pay = page.getByRole("form", { name: "Pay invoice" });
  await pay.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("invoice-row").filter({ hasText: invoiceNumber })).toHaveAttribute(
    "data-status",
    "Paid",
  );

  // The explorer, reached from the navigation.
  await openNavLink(page, "Fund flows");
  await expect(page).toHaveURL(/\/flows$/);
  await expect(page.getByTestId("flow-row").first()).toBeVisible({ timeout: 30_000 });
  const filters = page.getByRole("form", { name: "Filter movements" });

  // The investor's deposit: one row of exactly 23,456.78 dUSD once narrowed to the investor and kind.
  await filters.getByLabel("Party", { exact: true }).selectOption(investor);
  await filters.getByLabel(/^Deposit/).check();
  await expect(page).toHaveURL(/kind=deposit/);
  await expect(page.getByTestId("flow-row")).toHaveCount(1);
  await expect(page.getByTestId("flow-row").getByTestId("flow-amount")).toHaveText("23,456.78 dUSD");

  // The invoice's path: advance to the SME, the debtor's payment in full, the pool's split to the SME.
  await filters.getByRole("button", { name: "Clear filters" }).click();
  await filters.getByLabel("Invoice", { exact: true }).selectOption({ label: invoiceNumber });
  await expect(page.getByTestId("flow-row")).toHaveCount(3);
  const invoiceRows = await visibleRows(page);
  const byKind = Object.fromEntries(invoiceRows.map((r) => [r.kind, r.amount]));
  expect(Object.keys(byKind).sort()).toEqual(["advance", "payment", "split"]);
  expect(byKind.payment).toBe(usd(12_000));
  // Advance rate 80 %: the advance is face less reserve (20 %) less the discount fee. Paid on the
  // day it was financed, the pool keeps the advance and only the fee earned so far, so the SME's
  // split is the reserve plus the unearned fee rebated: more than 2,400, less than face − advance.
  expect(byKind.advance).toBeGreaterThan(usd(9_400));
  expect(byKind.advance).toBeLessThan(usd(9_600));
  expect(byKind.split).toBeGreaterThan(usd(2_400));
  expect(byKind.split).toBeLessThan(byKind.payment - byKind.advance);
  await expect(page.getByTestId("flow-invoice").first()).toHaveText(invoiceNumber);

  // Narrowing further to the SME keeps only what the SME received: advance and split.
  await filters.getByLabel("Party", { exact: true }).selectOption(sme);
  await expect(page.getByTestId("flow-row")).toHaveCount(2);
  const smeRows = await visibleRows(page);
  expect(smeRows.map((r) => r.kind).sort()).toEqual(["advance", "split"]);
  await expect(page.getByTestId("flow-total")).toHaveAttribute(
    "data-value",
    (byKind.advance + byKind.split).toString(),
  );

  // The CSV holds exactly the visible rows, and its amounts add up to the total shown.
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Download CSV \(2 rows\)/ }).click();
  const download = await downloading;
  const csv = parseFlowsCsv(readFileSync((await download.path())!, "utf8"));
  expect(csv.map((r) => r.tx).sort()).toEqual(smeRows.map((r) => r.tx).sort());
  expect(csv.map((r) => toUnits(r.amount)).sort()).toEqual(smeRows.map((r) => r.amount).sort());
  expect(csv.reduce((s, r) => s + toUnits(r.amount), 0n)).toBe(byKind.advance + byKind.split);

  // A date range after every block leaves nothing; clearing it brings the rows back.
  await filters.getByLabel("From date", { exact: true }).fill("2999-01-01");
  await expect(page.getByTestId("flows-empty")).toBeVisible();
  await filters.getByLabel("From date", { exact: true }).fill("");
  await expect(page.getByTestId("flow-row")).toHaveCount(2);

  // The diagram draws the selection; the reconciliation holds on every identity.
  await expect(page.getByTestId("flow-diagram")).toBeVisible();
  const identities = page.getByTestId("identity");
  await expect(identities).toHaveCount(6);
  for (const identity of await identities.all()) await expect(identity).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("reconciliation-summary")).toHaveText("All 6 match.");

  // Nothing is wider than the screen (390 px on the phone).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("flows.png"), fullPage: true });

  // Each row links to its transaction: the page decodes the receipt's logs.
  const advanceTx = smeRows.find((r) => r.kind === "advance")!.tx;
  await page.locator(`[data-tx="${advanceTx}"]`).getByTestId("tx-link").click();
  await expect(page).toHaveURL(new RegExp(`/tx/${advanceTx}$`));
  await expect(page.getByTestId("tx-receipt-status")).toHaveText("Succeeded");
  await expect(page.locator('[data-testid="tx-log"][data-event="ReceivableFinanced"]')).toBeVisible();
  await expect(page.getByTestId("flow-row")).toHaveCount(1);
});
