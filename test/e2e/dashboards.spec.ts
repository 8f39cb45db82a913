import { expect, type Page, test } from "@playwright/test";
import { getAddress } from "viem";
import { RPC_URL } from "../../scripts/stack.ts";
import { accountFor, connectDevAccount, openNavLink } from "./helpers.ts";
import {
  activateLoan,
  depositToPool,
  devAccount,
  financedAdvance,
  financeInvoice,
  mintDemoUsd,
  payInvoice,
  poolDepositTotal,
  poolAddress,
  poolNav,
  requestLoan,
  tokenizeAcknowledged,
  tokenizeIssued,
  verifyParty,
  verifyPartyFor,
  poolShares,
  redeemThroughQueue,
} from "./chain.ts";
import { formatAmount } from "../../app/src/lib/format.ts";

// Identity role bits (contracts/identity/PartyRoles.sol); dev accounts #1 KYC provider, #3 underwriter.
const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;
const KYC_PROVIDER = 1;
const UNDERWRITER = 3;
const usd = (n: number) => BigInt(Math.round(n * 100)) * 10_000n;

/** Dev accounts #32–#35 on desktop, #36–#39 on the phone: SME, debtor, investor, second SME. */
function people(project: string) {
  return {
    sme: accountFor(project, 32, 36),
    debtor: accountFor(project, 33, 37),
    investor: accountFor(project, 34, 38),
    newcomer: accountFor(project, 35, 39),
  };
}

async function expectValue(page: Page, testId: string, value: bigint | number) {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-value", value.toString());
}

/** Nothing sticks out sideways: the page fits the viewport (390 px on the phone). */
async function expectNoSideScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("test_dashboards_smeAndDebtorSeeCashOwedFinancedAndDue", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const project = testInfo.project.name;
  const { sme, debtor, investor } = people(project);
  await verifyParty(sme, SME, `dash-sme-${project}`);
  await verifyParty(debtor, DEBTOR, `dash-debtor-${project}`);
  await verifyParty(investor, INVESTOR, `dash-investor-${project}`);
  await mintDemoUsd(debtor, usd(10_000));
  await mintDemoUsd(investor, usd(100_000));
  await depositToPool(investor, usd(20_000));
  // A: financed by the pool; B: partly paid; C: not acknowledged yet; a 900 loan drawn down.
  const a = await tokenizeAcknowledged(sme, debtor, `DASH-A-${project}`, usd(3_000), 40);
  await financeInvoice(sme, a);
  const advance = await financedAdvance(a);
  const b = await tokenizeAcknowledged(sme, debtor, `DASH-B-${project}`, usd(2_000), 20);
  await payInvoice(debtor, b, usd(500));
  await tokenizeIssued(sme, debtor, `DASH-C-${project}`, usd(1_200), 30);
  const loanId = await requestLoan(sme, usd(900));
  await activateLoan(loanId, sme, investor, usd(900));

  await connectDevAccount(page, sme);
  await openNavLink(page, "SME overview");
  await expect(page).toHaveURL(/\/dashboard\/sme$/);
  await expectValue(page, "sme-owed", usd(1_500 + 1_200));
  await expect(page.getByTestId("sme-owed")).toContainText("2,700 dUSD");
  await expectValue(page, "sme-financed", usd(3_000));
  await expectValue(page, "sme-cash-month", usd(500 + 900) + advance);
  await expect(page.getByTestId("sme-next-payment")).toContainText(/due in (29|30) days/);
  await expect(page.getByTestId("sme-due-installment")).toHaveCount(3);
  await expect(page.getByTestId("sme-due-invoice").first()).toContainText(`DASH-B-${project}`);
  // Two invoices still owed to the SME and three installments fall due within twelve weeks.
  await expect(page.getByTestId("due-by-week-chart")).toHaveAttribute("data-items", "5");
  await expect(page.getByTestId("due-by-week-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expectNoSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath("dashboard-sme.png"), fullPage: true });

  await connectDevAccount(page, debtor);
  await openNavLink(page, "Debtor overview");
  await expectValue(page, "debtor-to-pay", usd(3_000 + 1_500));
  await expectValue(page, "debtor-to-acknowledge", 1);
  await expectValue(page, "debtor-overdue", 0n);
  const toPay = page.getByTestId("debtor-pay-item");
  await expect(toPay).toHaveCount(2);
  // Soonest first: B is due in 20 days, A in 40.
  await expect(toPay.first()).toContainText(`DASH-B-${project}`);
  await expect(toPay.first()).toContainText("1,500 dUSD");
  await expect(page.getByTestId("debtor-ack-item")).toContainText(`DASH-C-${project}`);
  await expectNoSideScroll(page);
});

test("test_dashboards_investorSeesPositionAndPoolHistoryChart", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name;
  const { investor } = people(project);
  await verifyParty(investor, INVESTOR, `dash-investor-${project}`);
  await mintDemoUsd(investor, usd(30_000));
  await depositToPool(investor, usd(15_000));
  await depositToPool(investor, usd(5_000));
  // A queued exit, filled and claimed: the claim is money out once (issue 23 counted it twice).
  const claimed = await redeemThroughQueue(investor, (await poolShares(investor)) / 5n);
  expect(claimed).toBeGreaterThan(usd(3_000));

  await connectDevAccount(page, investor);
  await openNavLink(page, "Investor overview");
  const position = page.getByTestId("investor-position");
  await expect(position).toHaveAttribute("data-value", /^\d+$/);
  // Seconds after depositing: worth what went in, less the impaired part that exits are priced
  // net of (deposits buy at gross NAV), give or take rounding, fees and a little accrual.
  const gain = page.getByTestId("investor-gain");
  await expect(gain).toHaveAttribute("data-value", /^-?\d+$/);
  const earned = BigInt((await gain.getAttribute("data-value"))!);
  const nav = await poolNav();
  const haircut = ((await poolDepositTotal(investor)) * nav.impaired) / nav.netAssets;
  expect(earned).toBeGreaterThan(-haircut - usd(1));
  // Counting the claim twice would put the claimed thousands here.
  expect(earned).toBeLessThan(usd(10));
  await expect(gain).toContainText(`${formatAmount(claimed, 6, 2)} dUSD out`);
  if (nav.impaired > 0n) await expect(gain).toContainText("valued net of");
  await expect(page.getByTestId("investor-apy")).toContainText("share price");

  const chart = page.getByTestId("pool-history-chart");
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute("data-points", /^([3-9]|\d{2,})$/);
  await expect(chart.locator(".recharts-line-curve")).toHaveCount(2);
  expect(await chart.locator(".recharts-line-dots circle").count()).toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId("utilization-chart").locator(".recharts-line-curve")).toHaveCount(1);
  await expectNoSideScroll(page);
  await page.screenshot({ path: testInfo.outputPath("dashboard-investor.png"), fullPage: true });

  // The pool page shows the same history chart.
  await openNavLink(page, "Pool");
  await expect(page.getByTestId("pool-history-chart").locator(".recharts-line-curve")).toHaveCount(2);
});

test("test_dashboards_underwriterKycAndAuditorSeeTheirQueues", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const project = testInfo.project.name;
  const { newcomer } = people(project);
  // Verified for ten days only, and asks for a loan with no credit history: both need someone.
  const account = await verifyPartyFor(newcomer, SME, `dash-newcomer-${project}`, 10);
  const loanId = await requestLoan(newcomer, usd(700));

  await connectDevAccount(page, UNDERWRITER);
  await openNavLink(page, "Underwriter overview");
  const request = page.locator(`[data-testid="uw-request"][data-loan-id="${loanId}"]`);
  await expect(request).toContainText("700 dUSD at 12 %, 3 installments");
  expect(Number(await page.getByTestId("uw-waiting").getAttribute("data-value"))).toBeGreaterThanOrEqual(1);

  await connectDevAccount(page, KYC_PROVIDER);
  await openNavLink(page, "KYC provider overview");
  const party = page.locator(`[data-testid="kyc-expiring-party"][data-account="${getAddress(account)}"]`);
  await expect(party).toContainText("in 10 days");
  await expect(party).toContainText("SME");

  await openNavLink(page, "Auditor overview");
  const mainPool = page.locator(`[data-testid="audit-pool"][data-pool="${poolAddress()}"]`);
  await expect(mainPool.getByTestId("audit-deposits")).toHaveAttribute(
    "data-value",
    (await poolDepositTotal()).toString(),
  );
  await expect(page.getByRole("link", { name: "Open the fund-flow record" })).toHaveAttribute("href", "/flows");
  await expectNoSideScroll(page);
});

/**
 * A browser wallet on Ethereum mainnet (chain 1) that does not know the local chain: switching
 * fails with 4902 until the chain is added. Every request is recorded in window.walletCalls.
 */
function fakeWallet({ account }: { account: string }) {
  const calls: { method: string; params?: unknown[] }[] = [];
  const listeners = new Map<string, Set<(value: unknown) => void>>();
  const known = new Set(["0x1"]);
  let chainId = "0x1";
  const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((f) => f(value));
  const switchTo = (id: string) => {
    chainId = id;
    emit("chainChanged", id);
  };
  Object.assign(window, {
    walletCalls: calls,
    ethereum: {
      async request({ method, params }: { method: string; params?: { chainId: string }[] }) {
        calls.push({ method, params });
        if (method === "eth_chainId") return chainId;
        if (method === "net_version") return String(Number(chainId));
        if (method === "eth_accounts" || method === "eth_requestAccounts") return [account];
        if (method === "wallet_requestPermissions") return [{ parentCapability: "eth_accounts" }];
        if (method === "wallet_switchEthereumChain") {
          if (!known.has(params![0].chainId)) {
            throw Object.assign(new Error("Unrecognized chain ID"), { code: 4902 });
          }
          switchTo(params![0].chainId);
          return null;
        }
        if (method === "wallet_addEthereumChain") {
          known.add(params![0].chainId);
          switchTo(params![0].chainId);
          return null;
        }
        return null;
      },
      on(event: string, f: (value: unknown) => void) {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(f);
      },
      removeListener(event: string, f: (value: unknown) => void) {
        listeners.get(event)?.delete(f);
      },
    },
  });
}

const localChainParams = {
  chainId: "0x7a69",
  chainName: "Hardhat (local)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: [RPC_URL],
};

type Call = { method: string; params?: unknown[] };
const walletCalls = (page: Page) => page.evaluate(() => (window as unknown as { walletCalls: Call[] }).walletCalls);

test("test_wallet_wrongNetworkSaysSoAndSwitchAddsLocalChain", async ({ page }) => {
  const account = await devAccount(accountFor(test.info().project.name, 35, 39));
  await page.addInitScript(fakeWallet, { account });

  // Before connecting: the button adds the local chain with its id, name, currency and RPC URL.
  await page.goto("/");
  await page.getByRole("button", { name: "Add Hardhat (local) to your wallet" }).click();
  await expect(page.getByRole("status")).toContainText("Your wallet knows Hardhat (local) (chain 31337)");
  const added = (await walletCalls(page)).filter((c) => c.method === "wallet_addEthereumChain");
  expect(added).toEqual([{ method: "wallet_addEthereumChain", params: [localChainParams] }]);

  // A fresh page: the wallet is on chain 1 again and has forgotten the local chain.
  await page.reload();
  await page.getByRole("button", { name: "Browser wallet" }).click();
  const banner = page.getByTestId("wrong-network");
  await expect(banner).toContainText("Your wallet is on chain 1, where this app has no contracts");
  await banner.getByRole("button", { name: "Switch to Hardhat (local)" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByText("Network: Hardhat (local)")).toBeVisible();
  const calls = (await walletCalls(page)).filter((c) => c.method.startsWith("wallet_") && c.method.endsWith("Chain"));
  expect(calls.map((c) => c.method)).toEqual(["wallet_switchEthereumChain", "wallet_addEthereumChain"]);
  expect(calls[0].params).toEqual([{ chainId: "0x7a69" }]);
  expect(calls[1].params?.[0]).toMatchObject(localChainParams);
});

test("test_nav_phoneMenuFoldsGroupsAndDashboardsFit", async ({ page }, testInfo) => {
  const phone = testInfo.project.name === "phone";
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  const link = nav.getByRole("link", { name: "Investor overview", exact: true });
  if (phone) {
    // Folded until asked for; opens with every person's group; closes after a choice.
    await expect(link).toBeHidden();
    await menu.click();
    await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
    for (const person of ["SME", "Debtor", "Investor", "Underwriter", "KYC provider", "Auditor"]) {
      await expect(nav.getByRole("group", { name: person, exact: true })).toBeVisible();
    }
  } else {
    await expect(menu).toBeHidden();
  }
  await link.click();
  await expect(page).toHaveURL(/\/dashboard\/investor$/);
  if (phone) {
    // The menu folded itself after the choice; reopened, it marks where we are.
    await expect(link).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
  }
  await expect(link).toHaveAttribute("aria-current", "page");
  for (const person of ["sme", "debtor", "investor", "underwriter", "kyc", "auditor"]) {
    await page.goto(`/dashboard/${person}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSideScroll(page);
  }
});
