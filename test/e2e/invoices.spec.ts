import { expect, test } from "@playwright/test";
import { accountFor, connectDevAccount } from "./helpers.ts";
import { mintDemoUsd, verifyParty } from "./chain.ts";

const SME = 1;
const DEBTOR = 2;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("test_invoice_tokenizeAcknowledgeBySignatureThenPayInTwoParts", async ({ page }, testInfo) => {
  const project = testInfo.project.name;
  const smeIndex = accountFor(project, 14, 16);
  const debtorIndex = accountFor(project, 15, 17);
  await verifyParty(smeIndex, SME, `acme-${project}`);
  const debtor = await verifyParty(debtorIndex, DEBTOR, `bigmart-${project}`);
  await mintDemoUsd(debtorIndex, 50_000_000_000n);

  // The SME tokenizes: the form refuses until a document is chosen, then hashes it locally.
  await connectDevAccount(page, smeIndex, "/invoices");
  const form = page.getByRole("form", { name: "Tokenize an invoice" });
  await form.getByLabel("Invoice number").fill(`INV-${project}-001`);
  // The form shows the canonical form the contract will register (case, separators, zeros dropped).
  const canonical = `INV${project.toUpperCase().replace(/[-_ ./#]/g, "")}1`;
  await expect(form.getByTestId("canonical-number")).toHaveText(`Will be registered as ${canonical}`);
  await form.getByLabel("Debtor's wallet").fill(debtor);
  await form.getByLabel(/Amount/).fill("12,500");
  await form.getByLabel("Due date").fill(inDays(30));
  await form.getByRole("button", { name: "Tokenize invoice" }).click();
  await expect(page.locator("#tokenize-problem")).toContainText("Choose the invoice document");
  await form.getByLabel("Invoice document").setInputFiles({
    name: "invoice.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(`%PDF invoice ${project} ${Date.now()}`),
  });
  await expect(form.getByTestId("document-hash")).toContainText("SHA-256 0x");
  await form.getByLabel("Due date").fill(inDays(-1));
  await form.getByRole("button", { name: "Tokenize invoice" }).click();
  await expect(page.locator("#tokenize-problem")).toHaveText("The due date must be in the future.");
  await form.getByLabel("Due date").fill(inDays(30));
  await form.getByRole("button", { name: "Tokenize invoice" }).click();
  await expect(page.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(page.getByTestId("invoice-row").first()).toHaveAttribute("data-status", "Issued");

  // The debtor signs the acknowledgement without paying gas and hands it to the SME.
  await connectDevAccount(page, debtorIndex, "/debtor");
  const row = page.getByTestId("invoice-row").filter({ hasText: `INV-${project}-001` });
  // What the debtor confirms names the registered number, the amount and the due date.
  await expect(row.getByTestId("acknowledge-terms")).toContainText(`12,500 dUSD by`);
  await expect(row.getByTestId("acknowledge-terms")).toContainText(`for invoice ${canonical}`);
  await row.getByRole("button", { name: "Sign acknowledgement (no gas)" }).click();
  const signed = await row.getByTestId("signed-acknowledgement").inputValue();
  expect(JSON.parse(signed).signature).toMatch(/^0x[0-9a-f]{130}$/);
  expect(JSON.parse(signed).invoiceNumber).toBe(canonical);

  // The SME submits it from the invoice page; the terms are now frozen.
  await connectDevAccount(page, smeIndex, "/invoices");
  await page.getByRole("link", { name: `INV-${project}-001` }).click();
  await page.getByLabel("Debtor's signed acknowledgement").fill(signed);
  await page.getByRole("button", { name: "Submit acknowledgement" }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Acknowledged");

  // The debtor pays in two parts; overpaying is refused before anything is signed.
  await connectDevAccount(page, debtorIndex, "/debtor");
  const pay = page.getByRole("form", { name: "Pay invoice" });
  await pay.getByLabel(/^Pay/).fill("99,999");
  await pay.getByRole("button", { name: "Pay" }).click();
  await expect(pay.getByRole("alert")).toHaveText("Only 12,500 dUSD is still owed on this invoice.");
  await pay.getByLabel(/^Pay/).fill("5,000");
  await pay.getByRole("button", { name: "Pay" }).click();
  await expect(pay.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(row).toContainText("7,500 dUSD");
  await pay.getByLabel(/^Pay/).fill("7,500");
  await pay.getByRole("button", { name: "Pay" }).click();
  const settledRow = page.getByTestId("invoice-row").filter({ hasText: `INV-${project}-001` });
  await expect(settledRow).toHaveAttribute("data-status", "Paid");

  // The invoice page tells the whole story from events.
  await settledRow.getByRole("link", { name: `INV-${project}-001` }).click();
  await expect(page.getByTestId("invoice-status")).toHaveText("Paid");
  const events = page.getByTestId("timeline-entry");
  await expect(events.filter({ hasText: "acknowledged owing 12,500 dUSD by signature" })).toHaveCount(1);
  await expect(events.filter({ hasText: "paid 5,000 dUSD" })).toHaveCount(1);
  await expect(events.filter({ hasText: "paid 7,500 dUSD" })).toContainText("paid in full");
  await page.screenshot({ path: testInfo.outputPath("invoice-timeline.png"), fullPage: true });
});
