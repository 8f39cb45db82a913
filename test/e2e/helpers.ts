import { expect, type Page } from "@playwright/test";

const labels: Record<string, string> = {
  "/": "Wallet",
  "/kyc": "KYC",
  "/invoices": "Invoices",
  "/debtor": "To pay",
  "/pool": "Pool",
  "/loans": "Loans",
  "/credit": "Credit",
  "/flows": "Fund flows",
};

/**
 * Connects the dev-account wallet (or keeps the connection a reload restored), selects Hardhat
 * account #index and opens `path` through the navigation; returns the account's address.
 */
export async function connectDevAccount(page: Page, index: number, path = "/"): Promise<string> {
  await page.goto("/");
  const picker = page.getByLabel("Dev account");
  const connect = page.getByRole("button", { name: /Hardhat dev account/ });
  await expect(picker.or(connect)).toBeVisible();
  if (await connect.isVisible()) await connect.click();
  await expect(picker).toBeVisible();
  const value = (await picker.locator("option").nth(index).getAttribute("value"))!;
  await picker.selectOption(value);
  await expect(page.getByTestId("address")).toHaveAttribute("title", value);
  if (path !== "/") {
    await openNavLink(page, labels[path]);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
  }
  return value;
}

/** Dev accounts are per-project so the desktop and phone runs never share on-chain state. */
export function accountFor(projectName: string, desktop: number, phone: number): number {
  return projectName === "phone" ? phone : desktop;
}

/**
 * Clicks the link named `name` in the main navigation, opening the phone menu first when the
 * navigation is folded behind it.
 */
export async function openNavLink(page: Page, name: string) {
  const toggle = page.getByRole("button", { name: "Menu", exact: true });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
}

/** Rows of a downloaded fund-flows CSV: amount (decimal), transaction and "Cash moved", by header. */
export function parseFlowsCsv(text: string) {
  const [header, ...lines] = text.trimEnd().split("\r\n");
  const columns = header.split(",");
  const amount = columns.findIndex((c) => c.startsWith("Amount"));
  const tx = columns.indexOf("Transaction");
  const cash = columns.indexOf("Cash moved");
  const cells = lines.map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, "")));
  return cells.map((c) => ({ amount: c[amount], tx: c[tx], cash: c[cash] }));
}

/** A decimal dUSD amount as the CSV writes it, in base units (6 decimals). */
export function toUnits(decimal: string): bigint {
  const [whole, fraction = ""] = decimal.split(".");
  return BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, "0"));
}

/** The pool names the local deployment gives its two pools (ignition/modules). */
export const MAIN_POOL = "SME Invoice Pool";
export const SHORT_TENOR_POOL = "SME Short Tenor Pool";

/** The card with `poolName`'s offer on an invoice page (every pool makes one). */
export function offerOf(page: Page, poolName: string) {
  return page.locator(`[data-testid="finance-offer"][data-pool="${poolName}"]`);
}
