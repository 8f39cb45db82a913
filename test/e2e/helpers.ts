import { expect, type Page } from "@playwright/test";

/** Connects the dev-account wallet and selects Hardhat account #index; returns its address. */
export async function connectDevAccount(page: Page, index: number, path = "/"): Promise<string> {
  await page.goto("/");
  await page.getByRole("button", { name: /Hardhat dev account/ }).click();
  const picker = page.getByLabel("Dev account");
  await expect(picker).toBeVisible();
  const value = (await picker.locator("option").nth(index).getAttribute("value"))!;
  await picker.selectOption(value);
  await expect(page.getByTestId("address")).toHaveAttribute("title", value);
  if (path !== "/")
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: pathLabel(path) })
      .click();
  return value;
}

function pathLabel(path: string): string {
  return { "/kyc": "KYC" }[path] ?? path;
}

/** Dev accounts are per-project so the desktop and phone runs never share on-chain state. */
export function accountFor(projectName: string, desktop: number, phone: number): number {
  return projectName === "phone" ? phone : desktop;
}
