import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page, test, type TestInfo } from "@playwright/test";
import { generatePrivateKey, privateKeyToAddress } from "viem/accounts";
import { MAIN_POOL, connectDevAccount, offerOf, openNavLink, parseFlowsCsv, toUnits } from "./helpers.ts";
import { acknowledgeAs, partyAddress, requestPendingLoanAs, tokenizeAs, walletIndex } from "./demo.ts";
import { advanceDays, loanStatus, revertTo, snapshot } from "./chain.ts";

/**
 * One journey per person over the seeded demo (scripts/seed.ts): each acts as a named demo
 * party (HD accounts #40…, impersonated by the node) or a role account, on data the seed left.
 * Every page visited is saved under test-results/screenshots/ (git-ignored).
 */
const UNDERWRITER = 3;
const KYC_PROVIDER = 1;
/** The auditor only reads: any account will do, no role is needed. */
const AUDITOR = 0;
const screenshots = join(process.cwd(), "test-results", "screenshots");
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const dollars = (text: string) => Number(text.replace(/[^\d.]/g, ""));

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${testInfo.project.name}-${name}.png`), fullPage: true });
}

test("test_journey_smeTokenizesThenFinancesAnInvoice", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const number = `SB-J-${project}-${Date.now() % 100_000}`;

  // Sunrise Bakery sees its seeded history, then tokenizes a new invoice to Bigmart.
  await connectDevAccount(page, walletIndex("bakery"), "/invoices");
  await expect(page.getByRole("link", { name: "INV-1002" })).toBeVisible();
  await shoot(page, testInfo, "sme-invoices");
  const form = page.getByRole("form", { name: "Tokenize an invoice" });
  await form.getByLabel("Invoice number").fill(number);
  await form.getByLabel("Debtor's wallet").fill(partyAddress("bigmart"));
  await form.getByLabel(/Amount/).fill("6,000");
  await form.getByLabel("Due date").fill(inDays(40));
  await form.getByLabel("Invoice document").setInputFiles({
    name: "invoice.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(`%PDF ${number}`),
  });
  await form.getByRole("button", { name: "Tokenize invoice" }).click();
  await expect(page.getByTestId("tx-status").first()).toHaveAttribute("data-status", "confirmed");
  const row = page.getByTestId("invoice-row").filter({ hasText: number });
  await expect(row).toHaveAttribute("data-status", "Issued");

  // Bigmart acknowledges (on chain, as the seeded debtor), and the bakery sells it to the pool.
  const link = row.getByRole("link", { name: number });
  const tokenId = BigInt((await link.getAttribute("href"))!.split("/").pop()!);
  await acknowledgeAs("bigmart", tokenId, number);
  await link.click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Acknowledged");
  const offer = offerOf(page, MAIN_POOL);
  await expect(offer.getByTestId("offer-remainder")).toHaveText("1,200 dUSD");
  await offer.getByRole("button", { name: "Finance this invoice" }).click();
  await expect(page.getByTestId("financed").getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await shoot(page, testInfo, "sme-invoice-financed");
});

test("test_journey_debtorAcknowledgesThenPaysInFull", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const number = `AT-J-${testInfo.project.name}-${Date.now() % 100_000}`;
  await tokenizeAs("acme", "hospital", number, 2_400, 30);

  // City Hospital sees the new invoice among its seeded ones, acknowledges it and pays it.
  await connectDevAccount(page, walletIndex("hospital"), "/debtor");
  const row = page.getByTestId("invoice-row").filter({ hasText: number });
  await expect(row).toHaveAttribute("data-status", "Issued");
  await shoot(page, testInfo, "debtor-open");
  await row.getByRole("button", { name: "Acknowledge on chain" }).click();
  await expect(row).toHaveAttribute("data-status", "Acknowledged");
  const pay = row.getByRole("form", { name: "Pay invoice" });
  await expect(pay.getByLabel(/^Pay/)).toHaveValue("2,400");
  await pay.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("invoice-row").filter({ hasText: number })).toHaveAttribute("data-status", "Paid");
  await shoot(page, testInfo, "debtor-paid");
});

test("test_journey_investorDepositsSeesYieldRedeemsAndClaims", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Alice Capital: the seeded pool has earned discount income, so a share is worth more than 1 dUSD.
  await connectDevAccount(page, walletIndex("alice"), "/pool");
  await expect
    .poll(async () => BigInt((await page.getByTestId("share-price").getAttribute("data-value"))!))
    .toBeGreaterThan(1_000_000n);
  expect(BigInt((await page.getByTestId("position-value").getAttribute("data-value"))!)).toBeGreaterThan(0n);
  await shoot(page, testInfo, "investor-pool");

  // The second pool is one click away and has its own policy.
  const picker = page.getByRole("navigation", { name: "Pools" });
  await picker.getByRole("link", { name: "SME Short Tenor Pool" }).click();
  await expect(page).toHaveURL(/\/pool\?pool=0x/);
  await expect(page.getByTestId("policy")).toContainText("90 % of the invoice");
  await shoot(page, testInfo, "investor-short-tenor-pool");
  await picker.getByRole("link", { name: "SME Invoice Pool" }).click();
  await expect(page.getByTestId("policy")).toContainText("80 % of the invoice");

  const before = dollars(await page.getByTestId("wallet-balance").innerText());
  const deposit = page.getByRole("form", { name: "Deposit", exact: true });
  await deposit.getByLabel(/Amount to deposit/).fill("2,000");
  await deposit.getByRole("button", { name: "Deposit" }).click();
  await expect(deposit.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect
    .poll(async () => dollars(await page.getByTestId("wallet-balance").innerText()))
    .toBeCloseTo(before - 2_000, 1);

  const request = page.getByRole("form", { name: "Request redemption" });
  await request.getByLabel(/Amount to redeem/).fill("500");
  await request.getByRole("button", { name: "Request redemption" }).click();
  await expect(request.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await page.getByRole("button", { name: "Fill from free cash now" }).click();
  const claimable = page.getByTestId("claimable-redeem");
  await expect.poll(async () => dollars(await claimable.innerText())).toBeGreaterThanOrEqual(500);
  const claimed = dollars(await claimable.innerText());
  await page.getByRole("button", { name: /^Claim / }).click();
  await expect
    .poll(async () => dollars(await page.getByTestId("wallet-balance").innerText()))
    .toBeCloseTo(before - 2_000 + claimed, 1);
  await shoot(page, testInfo, "investor-claimed");
});

test("test_journey_underwriterApprovesAPendingLoanAndImpairsALateOne", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Nairobi Print Works defaulted once, so a 60,000 dUSD request waits for the underwriter.
  const loanId = await requestPendingLoanAs("printworks", 60_000);
  await connectDevAccount(page, UNDERWRITER, "/loans");
  const pending = page.locator(`[data-testid="pending-loan"][data-loan-id="${loanId}"]`);
  await expect(pending).toContainText("Nairobi Print Works");
  await shoot(page, testInfo, "underwriter-requests");
  await pending.getByRole("button", { name: "Approve" }).click();
  await expect(pending).toHaveCount(0);
  await expect(page.locator(`[data-testid="open-loan"][data-loan-id="${loanId}"]`)).toHaveAttribute(
    "data-status",
    "Funding",
  );
  await shoot(page, testInfo, "underwriter-approved");

  // The seed left two loans late past the policy's 15 days (not yet 60) and not impaired; the
  // desktop run impairs the first, the phone run (same chain) the one still waiting.
  await openNavLink(page, "Underwriter overview");
  const ready = page.locator('[data-testid="uw-late-loan"][data-action="impair"]');
  await expect(ready.first()).toBeVisible();
  const late = page.locator(
    `[data-testid="uw-late-loan"][data-loan-id="${await ready.first().getAttribute("data-loan-id")}"]`,
  );
  const daysLate = Number((await late.innerText()).match(/(\d+) days late/)![1]);
  expect(daysLate).toBeGreaterThanOrEqual(15);
  expect(daysLate).toBeLessThan(60);
  await expect(late).toHaveAttribute("data-impaired", "false");
  await shoot(page, testInfo, "underwriter-late-loans");
  await late.getByRole("button", { name: "Impair" }).click();
  await expect(late.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(late).toHaveAttribute("data-impaired", "true");
  await expect(late).toContainText(`${daysLate} days late · impaired`);
  await expect(late).toHaveAttribute("data-action", "watch");
  await expect(late.getByRole("button", { name: "Impair" })).toHaveCount(0);
  await shoot(page, testInfo, "underwriter-impaired");
});

test("test_journey_underwriterMarksALoanDefaultedPastThePolicyDelay", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // Two months on, the seed's late loans are past the policy's 60 days: the underwriter marks one
  // defaulted. The snapshot puts chain and clock back, so the journeys after this one see today.
  const before = await snapshot();
  try {
    await advanceDays(61);
    await connectDevAccount(page, UNDERWRITER);
    await openNavLink(page, "Underwriter overview");
    await expect(page.getByTestId("uw-late")).toContainText(/[1-9]\d* to default/);
    const ready = page.locator('[data-testid="uw-late-loan"][data-action="default"]');
    await expect(ready.first()).toBeVisible();
    const loanId = BigInt((await ready.first().getAttribute("data-loan-id"))!);
    const late = page.locator(`[data-testid="uw-late-loan"][data-loan-id="${loanId}"]`);
    const daysLate = Number((await late.innerText()).match(/(\d+) days late/)![1]);
    expect(daysLate).toBeGreaterThanOrEqual(60);
    expect(await loanStatus(loanId)).toBe(4); // Active
    await shoot(page, testInfo, "underwriter-to-default");
    await late.getByRole("button", { name: "Mark defaulted" }).click();
    // Defaulted, the loan leaves the list of active late loans.
    await expect(late).toHaveCount(0);
    expect(await loanStatus(loanId)).toBe(6); // Defaulted
    await shoot(page, testInfo, "underwriter-defaulted");
  } finally {
    await revertTo(before);
  }
});

test("test_journey_kycProviderVerifiesANewParty", async ({ page }, testInfo) => {
  const party = privateKeyToAddress(generatePrivateKey());
  await connectDevAccount(page, KYC_PROVIDER, "/kyc");
  // The registry already lists the seeded parties (newest first, 20 a page).
  await expect(page.locator('[data-testid^="party-0x"]').first()).toContainText("active, expires");
  const form = page.getByRole("region").or(page.locator("section")).filter({ hasText: "Verify a party" });
  await form.getByLabel("Wallet address").fill(party);
  await form.getByLabel("Company registration reference").fill(`KE-CPR-J-${testInfo.project.name}-${Date.now()}`);
  await form.getByRole("button", { name: "Verify on chain" }).click();
  await expect(form.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(page.getByTestId(`party-${party}`)).toContainText("active, expires");
  await shoot(page, testInfo, "kyc-verified");
});

test("test_journey_auditorExportsCsvThatReconciles", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // The auditor starts from the overview and opens the fund-flow record of the seeded history.
  await connectDevAccount(page, AUDITOR);
  await openNavLink(page, "Auditor overview");
  await page.getByRole("link", { name: "Open the fund-flow record" }).click();
  await expect(page).toHaveURL(/\/flows$/);
  const rows = page.getByTestId("flow-row");
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  await expect(rows.filter({ hasText: "Sunrise Bakery" }).first()).toBeVisible();

  // Every reconciliation identity holds.
  const identities = page.getByTestId("identity");
  const n = await identities.count();
  expect(n).toBeGreaterThan(0);
  for (const identity of await identities.all()) await expect(identity).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("reconciliation-summary")).toHaveText(`All ${n} match.`);
  await shoot(page, testInfo, "auditor-flows");

  // The file holds the movements shown (all pages), and its cash amounts add up to the total shown.
  const shown = Number(await page.getByTestId("flow-count").getAttribute("data-count"));
  const total = BigInt((await page.getByTestId("flow-total").getAttribute("data-value"))!);
  expect(shown).toBeGreaterThan(20);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: `Download CSV (${shown.toLocaleString("en-US")} rows)` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^fund-flows-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseFlowsCsv(readFileSync((await download.path())!, "utf8"));
  expect(csv).toHaveLength(shown);
  const moved = csv.filter((r) => r.cash === "yes").reduce((sum, r) => sum + toUnits(r.amount), 0n);
  expect(moved).toBe(total);
  expect(total).toBeGreaterThan(0n);
});
