import { expect, test } from "@playwright/test";
import { MAIN_POOL, SHORT_TENOR_POOL, accountFor, connectDevAccount, offerOf, openNavLink } from "./helpers.ts";
import {
  advanceDays,
  approveLoan,
  drawdownLoan,
  repayLoan,
  requestLoan,
  depositToPool,
  entityOf,
  financedAdvance,
  financeInvoice,
  mintDemoUsd,
  poolAddress,
  poolAdvanceTotal,
  poolDepositTotal,
  revertTo,
  snapshot,
  tokenizeAcknowledged,
  verifyParty,
} from "./chain.ts";

const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;
const POOL_MANAGER = 2;
const UNDERWRITER = 3;
const usd = (dollars: number) => BigInt(dollars) * 1_000_000n;
const dollars = (text: string) => Number(text.replace(/[^\d.]/g, ""));

// The spec moves the clock 30 days; the snapshot puts chain and clock back for the specs after it.
let before: string | undefined;
test.beforeEach(async () => {
  before = await snapshot();
});
test.afterEach(async () => {
  if (before) await revertTo(before);
});

/** This spec's investor, SME and debtor, verified (fresh in every test: the snapshot reverts them). */
async function verifiedParties(project: string) {
  const investorIndex = accountFor(project, 6, 9);
  const smeIndex = accountFor(project, 7, 18);
  const debtorIndex = accountFor(project, 8, 19);
  await verifyParty(investorIndex, INVESTOR, `fund-${project}`);
  await verifyParty(smeIndex, SME, `widgets-${project}`);
  await verifyParty(debtorIndex, DEBTOR, `retailer-${project}`);
  return { investorIndex, smeIndex, debtorIndex };
}

test("test_pool_depositFinancePayThenWithdrawAtHigherSharePrice", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const project = testInfo.project.name;
  const { investorIndex, smeIndex, debtorIndex } = await verifiedParties(project);
  await mintDemoUsd(investorIndex, usd(100_000));
  await mintDemoUsd(debtorIndex, usd(20_000));
  const invoiceNumber = `POOL-${project}-001`;
  await tokenizeAcknowledged(smeIndex, debtorIndex, invoiceNumber, usd(10_000), 60);

  // The investor deposits: more than the wallet holds is refused before anything is signed.
  await connectDevAccount(page, investorIndex, "/pool");
  await expect(page.getByTestId("policy")).toContainText("80 % of the invoice");
  const deposit = page.getByRole("form", { name: "Deposit", exact: true });
  await deposit.getByLabel(/Amount to deposit/).fill("1,000,000");
  await deposit.getByRole("button", { name: "Deposit" }).click();
  await expect(deposit.getByRole("alert")).toHaveText(
    "Your balance is 100,000 dUSD; you cannot deposit 1,000,000 dUSD.",
  );
  await deposit.getByLabel(/Amount to deposit/).fill("50,000");
  await deposit.getByRole("button", { name: "Deposit" }).click();
  await expect(page.getByTestId("wallet-balance")).toHaveText("50,000 dUSD");
  await expect(deposit.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(deposit.getByLabel(/Amount to deposit/)).toHaveValue("");
  const priceBefore = BigInt((await page.getByTestId("share-price").getAttribute("data-value"))!);
  const navBefore = BigInt((await page.getByTestId("nav-net").getAttribute("data-value"))!);

  // The SME sees the offer on its acknowledged invoice, then sells it to the pool.
  await connectDevAccount(page, smeIndex, "/invoices");
  await page.getByRole("link", { name: invoiceNumber }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Acknowledged");
  const offer = offerOf(page, MAIN_POOL);
  await expect(offer.getByTestId("offer-advance")).toHaveText(/^7,80\d\.\d{1,2} dUSD$/);
  // 12 % a year on 10,000 until the due day begins (UTC): between 59 and 60 days of discount
  // (193.97 to 197.26), however late in the UTC day the test runs.
  await expect(offer.getByTestId("offer-fee")).toHaveText(/^− 19[3-7]\.\d{1,2} dUSD$/);
  await expect(offer.getByTestId("offer-remainder")).toHaveText("2,000 dUSD");
  const offered = dollars(await offer.getByTestId("offer-advance").innerText());
  await page.screenshot({ path: testInfo.outputPath("finance-offer.png"), fullPage: true });
  await offer.getByRole("button", { name: "Finance this invoice" }).click();
  const financed = page.getByTestId("financed");
  await expect(financed.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  // The fee only shrinks between the offer and the block, so the advance is at least the offer.
  expect(dollars(await financed.getByTestId("financed-advance").innerText())).toBeGreaterThanOrEqual(offered);

  // The pool now holds an advance outstanding, not yet due.
  await connectDevAccount(page, investorIndex, "/pool");
  await expect(page.getByTestId("aging")).toContainText("Current (not yet due)");

  // Thirty days later the debtor pays the whole invoice, 30 days early: the pool keeps the advance
  // and the fee earned over 30 days and forwards the rest (reserve + unearned fee) to the SME.
  await advanceDays(30);
  await connectDevAccount(page, debtorIndex, "/debtor");
  const pay = page.getByRole("form", { name: "Pay invoice" });
  await expect(pay.getByLabel(/^Pay/)).toHaveValue("10,000");
  await pay.getByRole("button", { name: "Pay" }).click();
  await expect(page.getByTestId("invoice-row").filter({ hasText: invoiceNumber })).toHaveAttribute(
    "data-status",
    "Paid",
  );

  // The investor sees the discount income in NAV and share price, and withdraws part at once.
  await connectDevAccount(page, investorIndex, "/pool");
  await expect
    .poll(async () => BigInt((await page.getByTestId("share-price").getAttribute("data-value"))!))
    .toBeGreaterThan(priceBefore);
  expect(BigInt((await page.getByTestId("nav-net").getAttribute("data-value"))!)).toBeGreaterThan(navBefore);
  const withdraw = page.getByRole("form", { name: "Withdraw", exact: true });
  await withdraw.getByLabel(/Amount to withdraw/).fill("1,000,000");
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(withdraw.getByRole("alert")).toContainText("You can withdraw at most");
  await withdraw.getByLabel(/Amount to withdraw/).fill("1,000");
  await withdraw.getByRole("button", { name: "Withdraw" }).click();
  await expect(withdraw.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(page.getByTestId("wallet-balance")).toHaveText("51,000 dUSD");

  // A redemption request waits in the queue; free cash fills it (anyone may ask), then it is claimed.
  const request = page.getByRole("form", { name: "Request redemption" });
  await request.getByLabel(/Amount to redeem/).fill("5");
  await request.getByRole("button", { name: "Request redemption" }).click();
  await expect(request.getByRole("alert")).toHaveText("A redemption request must be worth at least 10 dUSD.");
  await request.getByLabel(/Amount to redeem/).fill("100");
  await request.getByRole("button", { name: "Request redemption" }).click();
  await expect(request.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await page.getByRole("button", { name: "Fill from free cash now" }).click();
  // Shares are queued, so the fill is at the exit price of its block: within a cent of the ask.
  const claimable = page.getByTestId("claimable-redeem");
  await expect.poll(async () => dollars(await claimable.innerText())).toBeCloseTo(100, 1);
  await page.getByRole("button", { name: /^Claim / }).click();
  await expect.poll(async () => dollars(await page.getByTestId("wallet-balance").innerText())).toBeCloseTo(51_100, 1);
  await expect(page.getByTestId("claimable-redeem")).toHaveText("0 dUSD");
  await page.screenshot({ path: testInfo.outputPath("pool.png"), fullPage: true });
});

test("test_invoice_showsEveryPoolsOffer_andSellsToTheOneChosen", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { investorIndex, smeIndex, debtorIndex } = await verifiedParties(project);
  await mintDemoUsd(investorIndex, usd(50_000));
  await depositToPool(investorIndex, usd(20_000), "FinancingPool");
  await depositToPool(investorIndex, usd(20_000), "ShortTenorPool");
  const invoiceNumber = `OFFERS-${project}-001`;
  await tokenizeAcknowledged(smeIndex, debtorIndex, invoiceNumber, usd(5_000), 30);

  // Both pools quote the same 30-day invoice side by side: the short-tenor pool advances 90 %
  // at 9 % a year, the main pool 80 % at 12 %, so the SME can see which pays more now.
  await connectDevAccount(page, smeIndex, "/invoices");
  await page.getByRole("link", { name: invoiceNumber }).click();
  await expect(page.getByTestId("finance-offer")).toHaveCount(2);
  const main = offerOf(page, MAIN_POOL);
  const short = offerOf(page, SHORT_TENOR_POOL);
  await expect(main.getByRole("heading")).toHaveText(`Finance with ${MAIN_POOL}`);
  await expect(main.getByTestId("offer-advance")).toHaveText(/^3,9\d\d\.\d{1,2} dUSD$/);
  await expect(short.getByTestId("offer-advance")).toHaveText(/^4,46\d\.\d{1,2} dUSD$/);
  await expect(short.getByTestId("offer-refusals")).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("offers.png"), fullPage: true });

  await short.getByRole("button", { name: "Finance this invoice" }).click();
  const financed = page.getByTestId("financed");
  await expect(financed.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(financed.getByRole("heading")).toHaveText(`Financed by ${SHORT_TENOR_POOL}`);
  await expect(page.getByTestId("finance-offer")).toHaveCount(0);
  const advance = dollars(await financed.getByTestId("financed-advance").innerText());
  expect(advance).toBeGreaterThan(4_460);
  // The invoice's history names the pool that now holds it and links each entry to its transaction.
  const moved = page.getByTestId("timeline-entry").filter({ hasText: `to ${SHORT_TENOR_POOL}.` });
  await expect(moved).toHaveCount(1);
  await expect(moved.getByTestId("tx-link")).toHaveAttribute("href", /^\/tx\/0x[0-9a-f]{64}$/);

  // The SME's overview counts the advance of whichever pool paid it.
  await connectDevAccount(page, smeIndex);
  await openNavLink(page, "SME overview");
  const cash = page.getByTestId("sme-cash-month");
  await expect(cash).toHaveAttribute("data-value", /^\d+$/);
  // `advance` was read from a display rounded to cents; the overview's data-value is exact.
  expect(Math.abs(Number(await cash.getAttribute("data-value")) / 1e6 - advance)).toBeLessThan(0.01);

  // The fund-flow explorer shows the chosen pool's movements and reconciles that pool's books.
  await openNavLink(page, "Fund flows");
  await page.getByTestId("pool-picker").getByRole("link", { name: SHORT_TENOR_POOL }).click();
  await expect(page).toHaveURL(/\/flows\?pool=0x/);
  const filters = page.getByRole("form", { name: "Filter movements" });
  await filters.getByLabel("Invoice", { exact: true }).selectOption({ label: invoiceNumber });
  await expect(page).toHaveURL(/pool=0x/);
  await expect(page.getByTestId("flow-row")).toHaveCount(1);
  await expect(page.getByTestId("flow-row")).toHaveAttribute("data-kind", "advance");
  await expect(page.getByTestId("reconciliation-summary")).toHaveText(/^All \d+ match\.$/);

  // Its transaction page shows the money that financing moved, read from the pool it touched.
  await page.getByTestId("flow-row").getByTestId("tx-link").click();
  await expect(page).toHaveURL(/\/tx\/0x[0-9a-f]{64}$/);
  await expect(page.getByTestId("flow-row")).toHaveCount(1);
  await expect(page.getByTestId("flow-row")).toHaveAttribute("data-kind", "advance");
});

test("test_dashboards_investorUnderwriterAndAuditorCoverEveryPool", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { investorIndex, smeIndex, debtorIndex } = await verifiedParties(project);
  const [main, short] = [poolAddress("FinancingPool"), poolAddress("ShortTenorPool")];
  await mintDemoUsd(investorIndex, usd(50_000));
  await depositToPool(investorIndex, usd(20_000), "FinancingPool");
  await depositToPool(investorIndex, usd(6_000), "ShortTenorPool");
  // One invoice in each pool, both due in 10 days.
  const inMain = await tokenizeAcknowledged(smeIndex, debtorIndex, `EVERY-${project}-M`, usd(3_000), 10);
  const inShort = await tokenizeAcknowledged(smeIndex, debtorIndex, `EVERY-${project}-S`, usd(2_000), 10);
  await financeInvoice(smeIndex, inMain, "FinancingPool");
  await financeInvoice(smeIndex, inShort, "ShortTenorPool");

  // The investor sees a row per pool and the total over both, then one pool in detail.
  await connectDevAccount(page, investorIndex);
  await openNavLink(page, "Investor overview");
  const row = (pool: string) => page.locator(`[data-testid="investor-pool-row"][data-pool="${pool}"]`);
  await expect(row(short)).toHaveAttribute("data-value", /^\d+$/);
  await expect(row(main)).toHaveAttribute("data-value", /^\d+$/);
  const held = async (pool: string) => BigInt((await row(pool).getAttribute("data-value"))!);
  const [heldMain, heldShort] = [await held(main), await held(short)];
  // Worth what went in, give or take accrual and any impaired part of the older main pool.
  expect(Number(heldShort) / 1e6).toBeCloseTo(6_000, 0);
  expect(heldMain).toBeGreaterThan(usd(19_000));
  await expect(page.getByTestId("investor-pools-total")).toHaveAttribute(
    "data-value",
    (heldMain + heldShort).toString(),
  );
  await expect(page.getByTestId("investor-pool-name")).toHaveText(MAIN_POOL);
  await expect(page.getByTestId("investor-position")).toHaveAttribute("data-value", heldMain.toString());
  await page.getByTestId("pool-picker").getByRole("link", { name: SHORT_TENOR_POOL }).click();
  await expect(page).toHaveURL(/\/dashboard\/investor\?pool=0x/);
  await expect(page.getByTestId("investor-pool-name")).toHaveText(SHORT_TENOR_POOL);
  await expect(page.getByTestId("investor-position")).toHaveAttribute("data-value", heldShort.toString());
  await expect(page.getByRole("link", { name: "Deposit or withdraw" })).toHaveAttribute("href", `/pool?pool=${short}`);
  // The table of pools fits a phone's width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath("investor-every-pool.png"), fullPage: true });

  // That pool's page shows what it has outstanding against the debtor and to the SME.
  await page.getByRole("link", { name: "Deposit or withdraw" }).click();
  const shortAdvance = await financedAdvance(inShort, "ShortTenorPool");
  const exposure = (side: string, entity: string) =>
    page.locator(`[data-testid="exposure-row"][data-side="${side}"][data-entity="${entity}"]`);
  const [debtorEntity, smeEntity] = [await entityOf(debtorIndex), await entityOf(smeIndex)];
  await expect(exposure("debtor", debtorEntity)).toHaveAttribute("data-value", shortAdvance.toString());
  await expect(exposure("sme", smeEntity)).toHaveAttribute("data-value", shortAdvance.toString());
  // About 1,795 against the short-tenor pool's limit of 500,000 per SME: 0.36 % used.
  await expect(exposure("sme", smeEntity)).toContainText(/0\.3\d %$/);
  await page.getByRole("heading", { name: "Exposure by company" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("pool-exposure.png") });

  // Four days late, each invoice's next step follows its own pool's grace period: three days
  // in the short-tenor pool (impair), five in the main pool (watch).
  await advanceDays(14);
  await connectDevAccount(page, UNDERWRITER);
  await openNavLink(page, "Underwriter overview");
  const late = (hash: string) =>
    page.locator('[data-testid="uw-late-invoice"]').filter({
      has: page.locator(`a[href="/invoices/${hash}"]`),
    });
  await expect(late(inShort)).toHaveAttribute("data-pool", short);
  await expect(late(inShort)).toHaveAttribute("data-action", "impair");
  await expect(late(inShort)).toContainText(`advanced by ${SHORT_TENOR_POOL}`);
  await expect(late(inShort)).toContainText("4 days late");
  await expect(late(inMain)).toHaveAttribute("data-pool", main);
  await expect(late(inMain)).toHaveAttribute("data-action", "watch");
  await expect(late(inMain)).toContainText(`advanced by ${MAIN_POOL}`);
  // Only the pool manager may impair before the public delay: the underwriter gets no button.
  await expect(late(inShort).getByRole("button")).toHaveCount(0);

  // The pool manager impairs the short-tenor invoice from the same list.
  await connectDevAccount(page, POOL_MANAGER);
  await openNavLink(page, "Underwriter overview");
  await expect(late(inMain).getByRole("button")).toHaveCount(0);
  await late(inShort).getByRole("button", { name: "Impair", exact: true }).click();
  await expect(late(inShort)).toHaveAttribute("data-action", "watch");
  await expect(late(inShort)).toContainText("· impaired");

  // Past the main pool's public delay (30 days late), anyone may impair: here the underwriter.
  await advanceDays(27);
  await connectDevAccount(page, UNDERWRITER);
  await openNavLink(page, "Underwriter overview");
  await expect(late(inMain)).toContainText("31 days late");
  await late(inMain).getByRole("button", { name: "Impair (overdue: anyone may)" }).click();
  await expect(late(inMain)).toContainText("· impaired");
  await expect(late(inMain)).toHaveAttribute("data-action", "watch");

  // Past the short-tenor pool's default delay (60 days late), the pool manager writes it off:
  // the invoice leaves the list of late assets the pool still carries.
  await advanceDays(30);
  await connectDevAccount(page, POOL_MANAGER);
  await openNavLink(page, "Underwriter overview");
  await expect(late(inShort)).toHaveAttribute("data-action", "write off");
  await late(inShort).getByRole("button", { name: "Write off" }).click();
  await expect(late(inShort)).toHaveCount(0);

  // The auditor reads one section per pool, each rebuilt from that pool's own events.
  await openNavLink(page, "Auditor overview");
  const audit = page.locator(`[data-testid="audit-pool"][data-pool="${short}"]`);
  await expect(audit.getByRole("heading")).toHaveText(SHORT_TENOR_POOL);
  await expect(audit.getByTestId("audit-deposits")).toHaveAttribute(
    "data-value",
    (await poolDepositTotal(undefined, "ShortTenorPool")).toString(),
  );
  const advanced = await poolAdvanceTotal("ShortTenorPool");
  expect(advanced).toBeGreaterThanOrEqual(await financedAdvance(inShort, "ShortTenorPool"));
  expect(advanced).not.toBe(await poolAdvanceTotal("FinancingPool"));
  await expect(audit.getByTestId("audit-advances")).toHaveAttribute("data-value", advanced.toString());
  await expect(page.locator('[data-testid="audit-pool"]')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath("auditor-every-pool.png"), fullPage: true });
});

test("test_pool_managerFundsALoanFromThePool_andAnyoneCollectsItsShare", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { investorIndex, smeIndex } = await verifiedParties(project);
  await mintDemoUsd(smeIndex, usd(1_000));
  // A new company has no credit history, so its request waits for the underwriter.
  const loanId = await requestLoan(smeIndex, usd(900));
  await approveLoan(loanId, usd(900));

  // The pool manager lends from the short-tenor pool: more than the loan needs is refused first.
  await connectDevAccount(page, POOL_MANAGER, "/loans");
  const open = page.locator(`[data-testid="open-loan"][data-loan-id="${loanId}"]`);
  const form = open.getByRole("form", { name: `Fund loan ${loanId} from a pool` });
  await form.getByRole("combobox").selectOption({ label: SHORT_TENOR_POOL });
  await form.getByLabel(/^Lend from the pool/).fill("5,000");
  await form.getByRole("button", { name: "Fund from the pool" }).click();
  await expect(form.getByRole("alert")).toHaveText("Only 900 dUSD is still needed for this loan.");
  await form.getByLabel(/^Lend from the pool/).fill("900");
  await form.getByRole("button", { name: "Fund from the pool" }).click();
  await expect(form.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");

  // The borrower draws down and pays 400; the pool's page shows the loan and what it is owed,
  // which anyone (here an investor) collects into the pool.
  await drawdownLoan(smeIndex, loanId);
  await repayLoan(smeIndex, loanId, usd(400));
  await connectDevAccount(page, investorIndex, "/pool");
  await page.getByTestId("pool-picker").getByRole("link", { name: SHORT_TENOR_POOL }).click();
  const row = page.locator(`[data-testid="pool-loan"][data-loan-id="${loanId}"]`);
  await expect(row).toContainText("Active · 900 dUSD funded, 900 dUSD on the books");
  // 400 paid per 900 note units, rounded down per unit: the pool's share is 400 less dust.
  await expect
    .poll(async () => usd(400) - BigInt((await row.getAttribute("data-claimable")) ?? "0"))
    .toBeLessThanOrEqual(1n);
  await row.getByRole("button", { name: /^Collect .+ dUSD into the pool$/ }).click();
  await expect(row).toHaveAttribute("data-claimable", "0");
  await expect(row.getByTestId("pool-loan-received")).toContainText(/back so far: [1-9][\d,.]* dUSD principal/);
  await expect(row).not.toContainText("900 dUSD on the books");
});
