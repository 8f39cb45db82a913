import { expect, test } from "@playwright/test";
import { accountFor, connectDevAccount } from "./helpers.ts";

// Dev account #1 is the KYC provider in the local deployment (ignition/modules/Local.ts).
const PROVIDER = 1;

test("test_kyc_providerVerifiesPartyWhoThenSeesOwnExpiry", async ({ page }, testInfo) => {
  const partyIndex = accountFor(testInfo.project.name, 10, 11);
  const party = await connectDevAccount(page, partyIndex);
  await expect(page.getByTestId("identity-status")).toHaveText("You are not verified yet.");

  await connectDevAccount(page, PROVIDER, "/kyc");
  const form = page.getByRole("region").or(page.locator("section")).filter({ hasText: "Verify a party" });
  await form.getByLabel("Wallet address").fill("0x1234");
  await form.getByLabel("Company registration reference").fill(`KE-CPR-${testInfo.project.name}`);
  await form.getByRole("button", { name: "Verify on chain" }).click();
  await expect(page.locator("#verify-problem")).toHaveText("The wallet address is not a valid 0x… address.");

  await form.getByLabel("Wallet address").fill(party);
  await form.getByRole("button", { name: "Verify on chain" }).click();
  await expect(form.getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(page.getByTestId(`party-${party}`)).toContainText("active, expires");
  await page.screenshot({ path: testInfo.outputPath("kyc-provider.png"), fullPage: true });

  await connectDevAccount(page, partyIndex);
  await expect(page.getByTestId("identity-expiry")).toContainText(/in \d+ days|next year|in 1 year/);
});

test("test_kyc_partySubmitsSignedAttestation", async ({ page }, testInfo) => {
  const partyIndex = accountFor(testInfo.project.name, 12, 13);
  const party = await connectDevAccount(page, partyIndex);

  await connectDevAccount(page, PROVIDER, "/kyc");
  const form = page.locator("section").filter({ hasText: "Verify a party" });
  await form.getByLabel("Wallet address").fill(party);
  await form.getByLabel("Company registration reference").fill(`KE-ATT-${testInfo.project.name}`);
  await form.getByRole("button", { name: "Sign attestation instead" }).click();
  const attestation = await page.getByTestId("signed-attestation").inputValue();
  expect(JSON.parse(attestation).attestation.account).toBe(party);

  await connectDevAccount(page, partyIndex);
  await page.getByText("Submit an attestation from your KYC provider").click();
  await page.getByLabel("Signed attestation (JSON)").fill(attestation);
  await page.getByRole("button", { name: "Submit attestation" }).click();
  await expect(page.getByTestId("my-identity").getByTestId("tx-status")).toHaveAttribute("data-status", "confirmed");
  await expect(page.getByTestId("identity-expiry")).toBeVisible();
});
