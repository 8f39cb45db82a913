import { expect, test } from "@playwright/test";
import { accountFor, connectDevAccount } from "./helpers.ts";
import { mintDemoUsd, verifyParty } from "./chain.ts";

// Identity role bits: SME | INVESTOR. Dev account #3 is the underwriter (ignition/modules/Local.ts).
const SME_AND_INVESTOR = 1 | 4;
const UNDERWRITER = 3;

/**
 * This spec's borrower and lender (dev accounts per project), each verified as a new company (no
 * credit history, so every request waits for the underwriter), with `lenderFunds` and
 * `borrowerFunds` test dollars (base units). Each test sets its own up: any one runs alone.
 */
async function loanParties(project: string, lenderFunds: bigint, borrowerFunds = 0n) {
  const borrowerIndex = accountFor(project, 20, 22);
  const lenderIndex = accountFor(project, 21, 23);
  const stamp = Date.now();
  await verifyParty(borrowerIndex, SME_AND_INVESTOR, `loans-sme-${project}-${stamp}`);
  await verifyParty(lenderIndex, SME_AND_INVESTOR, `loans-lender-${project}-${stamp}`);
  await mintDemoUsd(lenderIndex, lenderFunds);
  if (borrowerFunds > 0n) await mintDemoUsd(borrowerIndex, borrowerFunds);
  return { borrowerIndex, lenderIndex };
}

test("test_loan_requestApproveFundDrawdownRepayClaim", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const { borrowerIndex, lenderIndex } = await loanParties(testInfo.project.name, 5_000_000_000n, 500_000_000n);

  // The SME fills the form; a bad count is refused before signing, the preview follows the terms.
  await connectDevAccount(page, borrowerIndex, "/loans");
  const form = page.getByRole("form", { name: "Request a loan" });
  await form.getByLabel(/^Amount/).fill("1,000");
  await form.getByLabel("Annual rate (%)").fill("12");
  await form.getByLabel("Installments", { exact: true }).fill("0");
  await form.getByLabel("Days between installments").fill("30");
  await form.getByRole("button", { name: "Request loan" }).click();
  await expect(page.locator("#request-problem")).toHaveText("The number of installments must be between 1 and 120.");
  await expect(page.getByTestId("tx-status")).toHaveCount(0);
  await form.getByLabel("Installments", { exact: true }).fill("4");
  const preview = page.getByTestId("schedule-preview");
  await expect(preview.getByTestId("preview-row")).toHaveCount(4);
  await expect(preview).toContainText("total to repay 1,0");
  await form.getByRole("button", { name: "Request loan" }).click();
  await expect(form.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  // No history yet, so no credit limit: the request waits for an underwriter.
  const mine = page.locator('[data-testid="my-loan"][data-status="Pending"]').filter({ hasText: "Amortizing" }).first();
  await expect(mine).toBeVisible();
  const loanId = (await mine.getAttribute("data-loan-id"))!;
  const my = page.locator(`[data-testid="my-loan"][data-loan-id="${loanId}"]`);

  // The underwriter approves the same terms: the loan opens for funding.
  await connectDevAccount(page, UNDERWRITER, "/loans");
  const pending = page.locator(`[data-testid="pending-loan"][data-loan-id="${loanId}"]`);
  await pending.getByRole("button", { name: "Approve" }).click();
  // Once confirmed, the loan leaves the waiting list (its row, status line included, goes with it).
  await expect(pending).toHaveCount(0);

  // The lender may not lend more than the loan still needs, then funds all of it.
  await connectDevAccount(page, lenderIndex, "/loans");
  const open = page.locator(`[data-testid="open-loan"][data-loan-id="${loanId}"]`);
  await open.getByLabel(/^Lend/).fill("5,000");
  await open.getByRole("button", { name: "Fund" }).click();
  await expect(open.getByRole("alert")).toHaveText("Only 1,000 dUSD is still needed for this loan.");
  await open.getByLabel(/^Lend/).fill("1,000");
  await open.getByRole("button", { name: "Fund" }).click();
  const position = page.locator(`[data-testid="position"][data-loan-id="${loanId}"]`);
  await expect(position.getByTestId("position-notes")).toContainText("1,000 dUSD");

  // The SME draws down and repays the first installment (empty amount = the next installment).
  await connectDevAccount(page, borrowerIndex, "/loans");
  await my.getByRole("button", { name: "Draw down" }).click();
  await expect(my).toHaveAttribute("data-status", "Active");
  await expect(my.getByTestId("installment-row")).toHaveCount(4);
  await expect(my.getByTestId("installment-row").first()).toContainText("due in 30 days");
  await expect(my.getByTestId("payoff-quote")).toContainText("dUSD");
  await my.getByRole("button", { name: "Repay", exact: true }).click();
  await expect(my.getByTestId("installment-row").first()).toHaveAttribute("data-status", "Paid");
  await expect(my.getByTestId("installment-row").nth(1)).toHaveAttribute("data-status", "Upcoming");

  // The lender claims its share of the repayment.
  await connectDevAccount(page, lenderIndex, "/loans");
  await expect(position.getByTestId("position-claimable")).not.toHaveText("0 dUSD");
  await position.getByRole("button", { name: /^Claim/ }).click();
  await expect(position.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(position.getByTestId("position-claimable")).toHaveText("0 dUSD");
  await page.screenshot({ path: testInfo.outputPath("loans-lender.png"), fullPage: true });

  // The borrower's credit page explains why it had no automatic credit.
  await connectDevAccount(page, borrowerIndex, "/credit");
  await expect(page.getByTestId("credit-score")).toHaveText("0 / 1000");
  await expect(page.getByTestId("credit-limit")).toHaveText("0 dUSD");
  await page.getByLabel("Borrower wallet").fill("0x12");
  await page.getByRole("button", { name: "Show history" }).click();
  await expect(page.locator("#credit-problem")).toContainText("Enter a wallet address");
});

test("test_loan_borrowerWithdrawsAndLenderTakesMoneyBack", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const { borrowerIndex, lenderIndex } = await loanParties(testInfo.project.name, 1_000_000_000n);

  // A bullet loan: the preview shows every checkpoint and the whole amount at maturity.
  await connectDevAccount(page, borrowerIndex, "/loans");
  const form = page.getByRole("form", { name: "Request a loan" });
  await form.getByLabel(/^Amount/).fill("800");
  await form.getByLabel("Repayment").selectOption({ label: "Bullet (everything at maturity)" });
  await form.getByLabel("Installments", { exact: true }).fill("2");
  await expect(page.getByTestId("preview-row")).toHaveCount(2);
  await expect(page.getByTestId("preview-row").first()).toContainText("0 dUSD");
  await form.getByRole("button", { name: "Request loan" }).click();
  await expect(form.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  const mine = page.locator('[data-testid="my-loan"][data-status="Pending"]').filter({ hasText: "Bullet" }).first();
  await expect(mine).toBeVisible();
  const loanId = (await mine.getAttribute("data-loan-id"))!;
  const my = page.locator(`[data-testid="my-loan"][data-loan-id="${loanId}"]`);

  await connectDevAccount(page, UNDERWRITER, "/loans");
  const pending = page.locator(`[data-testid="pending-loan"][data-loan-id="${loanId}"]`);
  await pending.getByRole("button", { name: "Approve" }).click();
  // Once confirmed, the loan leaves the waiting list (its row, status line included, goes with it).
  await expect(pending).toHaveCount(0);

  // The lender funds part of it; the borrower cannot draw down and withdraws instead.
  await connectDevAccount(page, lenderIndex, "/loans");
  const open = page.locator(`[data-testid="open-loan"][data-loan-id="${loanId}"]`);
  await open.getByLabel(/^Lend/).fill("300");
  await open.getByRole("button", { name: "Fund" }).click();
  const position = page.locator(`[data-testid="position"][data-loan-id="${loanId}"]`);
  await expect(position.getByTestId("position-notes")).toContainText("300 dUSD");

  await connectDevAccount(page, borrowerIndex, "/loans");
  await expect(my.getByTestId("loan-funded")).toContainText("500 dUSD to go");
  await expect(my.getByRole("button", { name: "Draw down" })).toBeDisabled();
  await my.getByRole("button", { name: "Withdraw request" }).click();
  await expect(my).toHaveAttribute("data-status", "Cancelled");

  await connectDevAccount(page, lenderIndex, "/loans");
  await position.getByRole("button", { name: "Take back 300 dUSD" }).click();
  await expect(position).toHaveCount(0);
});
