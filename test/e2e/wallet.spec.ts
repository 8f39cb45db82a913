import { expect, test } from "@playwright/test";
import { connectDevAccount } from "./helpers.ts";

function dollars(text: string | null) {
  return Number((text ?? "").replace(/,/g, ""));
}

test("test_faucet_devAccountConnectsAndBalanceRises", async ({ page }, testInfo) => {
  // Each project uses its own account so the two runs do not share a faucet window.
  await connectDevAccount(page, testInfo.project.name === "phone" ? 2 : 1);
  const balance = page.getByTestId("usd-balance");
  await expect(balance).not.toHaveText("…");
  const before = dollars(await balance.textContent());
  await expect(page.getByTestId("eth-balance")).not.toHaveText("…");

  await page.getByLabel("Amount (dUSD)").fill("1,250.50");
  await page.getByRole("button", { name: "Get test dollars" }).click();
  await expect(page.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(balance).toHaveText((before + 1250.5).toLocaleString("en-US", { maximumFractionDigits: 2 }));
  await page.screenshot({ path: testInfo.outputPath("faucet-confirmed.png"), fullPage: true });
});

test("test_faucet_refusesInputBeforeSigningAndKeepsIt", async ({ page }, testInfo) => {
  await connectDevAccount(page, testInfo.project.name === "phone" ? 4 : 3);
  const input = page.getByLabel("Amount (dUSD)");
  await input.fill("12.3456789");
  await page.getByRole("button", { name: "Get test dollars" }).click();
  await expect(page.locator("#faucet-problem")).toHaveText("At most 6 decimal places.");
  await expect(page.getByTestId("tx-status")).toHaveCount(0);

  await input.fill("20000");
  await page.getByRole("button", { name: "Get test dollars" }).click();
  await expect(page.locator("#faucet-problem")).toHaveText("At most 10,000 dUSD is left for you today.");
  await expect(input).toHaveValue("20000");
});
