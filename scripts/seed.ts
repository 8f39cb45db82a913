/**
 * Demo data for the local chain, run by `npm start` and by the browser-test harness after the
 * deployment: named SMEs, debtors and investors, invoices in every status, two pools, loans on
 * time, late, impaired, defaulted, in funding and awaiting approval, with history spread over
 * the past five months by moving the chain's clock forward between steps. Writes the party
 * names the dApp shows to ignition/deployments/chain-31337/demo-parties.json (read by
 * gen-contracts; the dev-account wallet offers these parties after the node's own accounts).
 *
 *   npx hardhat run scripts/seed.ts --network localhost
 *
 * The parties are HD accounts #40… of the standard Hardhat mnemonic, beyond the node's 40
 * unlocked accounts that the browser tests use, so the seed never touches a test's account.
 * The node impersonates them (hardhat_impersonateAccount) so they sign transactions through it
 * like the dev accounts do; typed-data signatures need a key, so they acknowledge by call.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import type { Signer } from "ethers";
import type {
  DemoUSD,
  FinancingPool,
  RedemptionQueue,
  IdentityRegistry,
  IReceivableToken,
  LoanLens,
  LoanManager,
} from "../types/ethers-contracts/index.js";
import { demoParties, demoPartyAddress } from "./demo-parties.ts";
import { entityPairOf } from "../app/src/lib/receivables.ts";

const DAY = 86_400;
const MONTH = 30 * DAY;
const KENYA = 404;
const AMORTIZING = 0;
const usd = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10_000n;

const started = Date.now();
const { ethers, networkHelpers } = await network.create();
const deployments = join(import.meta.dirname, "..", "ignition", "deployments", "chain-31337");
const addresses = JSON.parse(readFileSync(join(deployments, "deployed_addresses.json"), "utf8")) as Record<
  string,
  string
>;
const at = <T>(name: string, id: string) => ethers.getContractAt(name, addresses[`Local#${id}`]) as Promise<T>;

const signers = await ethers.getSigners();
const [admin, kyc, poolManager, underwriter, , servicer] = signers;

const identity = await at<IdentityRegistry>("IdentityRegistry", "IdentityRegistry");
const stablecoin = await at<DemoUSD>("DemoUSD", "Stablecoin");
const receivables = await at<IReceivableToken>("IReceivableToken", "ReceivableToken");
const mainPool = await at<FinancingPool>("FinancingPool", "FinancingPool");
const mainQueue = await at<RedemptionQueue>("RedemptionQueue", "RedemptionQueue");
const loans = await at<LoanManager>("LoanManager", "LoanManager");
const lens = await at<LoanLens>("LoanLens", "LoanLens");
const shortPool = addresses["Local#ShortTenorPool"]
  ? await at<FinancingPool>("FinancingPool", "ShortTenorPool")
  : undefined;

const now = async () => Number((await ethers.provider.getBlock("latest"))!.timestamp);
const log = (message: string) => console.log(`\x1b[35m[seed]\x1b[0m ${message}`);
const MAX = ethers.MaxUint256;

log(`verifying ${demoParties.length} demo parties (HD accounts #40…) and funding them with ETH and DemoUSD`);
const party: Record<string, Signer> = {};
for (const p of demoParties) {
  const address = demoPartyAddress(p.hdIndex);
  await networkHelpers.setBalance(address, 10n ** 21n);
  await ethers.provider.send("hardhat_impersonateAccount", [address]);
  const signer = await ethers.getSigner(address);
  party[p.key] = signer;
  const entity = ethers.id(p.name.toLowerCase());
  await (await identity.connect(kyc).verify(address, p.roles, KENYA, (await now()) + 3 * 365 * DAY, entity)).wait();
  await (await stablecoin.connect(admin).mint(address, usd(p.dollars))).wait();
  for (const spender of [receivables, mainPool, loans, ...(shortPool ? [shortPool] : [])]) {
    await (await stablecoin.connect(signer).approve(await spender.getAddress(), MAX)).wait();
  }
  for (const pool of [mainPool, ...(shortPool ? [shortPool] : [])]) {
    await (await receivables.connect(signer).setApprovalForAll(await pool.getAddress(), true)).wait();
  }
}
const { acme, bakery, printworks, bigmart, hospital, hotels, alice, baobab, savanna } = party;

let invoiceNumber = 1000;
const numberOf = new Map<bigint, string>();
async function tokenize(issuer: Signer, debtor: Signer, dollars: number, dueInDays: number, description: string) {
  const number = `INV-${++invoiceNumber}`;
  const documentHash = ethers.id(`demo invoice ${number} ${await issuer.getAddress()}`);
  const t = await now();
  const metadata = Buffer.from(JSON.stringify({ invoiceNumber: number, description })).toString("base64");
  await (
    await receivables.connect(issuer).tokenize({
      debtor: await debtor.getAddress(),
      currency: await stablecoin.getAddress(),
      faceValue: usd(dollars),
      issueDate: t - DAY,
      dueDate: t + dueInDays * DAY,
      documentHash,
      invoiceNumber: number,
      metadataURI: `data:application/json;base64,${metadata}`,
    })
  ).wait();
  numberOf.set(BigInt(documentHash), number);
  return BigInt(documentHash);
}

/** The debtor confirms the invoice by naming its registered number, amount and due date. */
async function acknowledge(debtor: Signer, tokenId: bigint) {
  const r = await receivables.receivable(tokenId);
  const number = numberOf.get(tokenId)!;
  // The entity pair the invoice was tokenized under: nobody is re-keyed in between.
  const pair = entityPairOf(r);
  await (await receivables.connect(debtor).acknowledge(tokenId, pair, number, r.faceValue, r.dueDate)).wait();
}

async function pay(debtor: Signer, tokenId: bigint, dollars: number) {
  await (await receivables.connect(debtor).pay(tokenId, usd(dollars))).wait();
}

/** Tokenized, acknowledged and sold to `pool` in the SME's own transaction. */
async function financed(pool: FinancingPool, sme: Signer, debtor: Signer, dollars: number, days: number, what: string) {
  const id = await tokenize(sme, debtor, dollars, days, what);
  await acknowledge(debtor, id);
  await (await pool.connect(sme).finance(id, 0)).wait();
  return id;
}

async function loanTerms(principal: number, count: number, fundingDays = 14) {
  return {
    principal: usd(principal),
    rateBps: 1_400,
    count,
    period: MONTH,
    kind: AMORTIZING,
    graceCount: 0,
    collateralToken: ethers.ZeroAddress,
    collateralId: 0,
    fundingDeadline: (await now()) + fundingDays * DAY,
  };
}

/** Requested (auto-approved within the credit limit, else approved by #3), funded by lenders. */
async function requestLoan(borrower: Signer, principal: number, count: number) {
  await (await loans.connect(borrower).request(await loanTerms(principal, count))).wait();
  const id = await loans.loanCount();
  const stored = await loans.loan(id);
  if (stored.status === 1n) {
    await (await loans.connect(underwriter).approve(id, stored.terms.principal, stored.terms.rateBps)).wait();
  }
  return id;
}

async function activeLoan(borrower: Signer, principal: number, count: number, lenders: Signer[]) {
  const id = await requestLoan(borrower, principal, count);
  const share = usd(principal) / BigInt(lenders.length);
  for (const [i, lender] of lenders.entries()) {
    const amount = i === lenders.length - 1 ? usd(principal) - share * BigInt(lenders.length - 1) : share;
    await (await loans.connect(lender).fund(id, amount)).wait();
  }
  await (await loans.connect(borrower).drawdown(id)).wait();
  return id;
}

/** Pays the next installment in full (before its due date: on time). */
async function payInstallment(borrower: Signer, id: bigint) {
  const row = await lens.installment(id, (await loans.loan(id)).head);
  await (await loans.connect(borrower).repay(id, row.principal + row.interest)).wait();
}

const days = (n: number) => networkHelpers.time.increase(n * DAY);

log("month 1: investors fund both pools; first invoices and loans");
// Deposits sized to what the pools finance, so the pools show a realistic utilization.
await (await mainPool.connect(alice).deposit(usd(200_000), await alice.getAddress())).wait();
await (await mainPool.connect(baobab).deposit(usd(120_000), await baobab.getAddress())).wait();
if (shortPool) await (await shortPool.connect(savanna).deposit(usd(40_000), await savanna.getAddress())).wait();

const paidOnTime = await tokenize(acme, bigmart, 12_500, 30, "Power tools for 3 stores");
await acknowledge(bigmart, paidOnTime);
const paidLate = await tokenize(bakery, hospital, 3_240.5, 21, "Bread and pastries, September");
await acknowledge(hospital, paidLate);
const financedPaid = await financed(mainPool, acme, hotels, 36_000, 45, "Kitchen equipment, 4 hotels");
const writtenOff = await financed(mainPool, printworks, hospital, 1_200, 20, "Patient leaflets, 4,000 copies");
const onTimeLoan = await activeLoan(bakery, 12_000, 3, [alice, baobab]);
const defaultedLoan = await activeLoan(printworks, 8_000, 4, [baobab]);
const shortFirst = shortPool
  ? await financed(shortPool, bakery, hotels, 30_000, 30, "Conference catering, 3 venues")
  : 0n;

await days(25);
if (shortPool) await pay(hotels, shortFirst, 30_000);
await pay(bigmart, paidOnTime, 12_500);
await payInstallment(bakery, onTimeLoan);
await days(10);
await pay(hospital, paidLate, 3_240.5);
await pay(hotels, financedPaid, 36_000);

log("month 2: a short-tenor invoice, partial payment, an attested payment, a redemption");
const shortPaid = shortPool ? await financed(shortPool, bakery, bigmart, 4_600, 30, "Wedding cakes, October") : 0n;
const bigOrder = await financed(mainPool, acme, bigmart, 240_000, 75, "Forklifts and racking, 6 stores");
const partlyPaid = await tokenize(acme, hospital, 48_000, 45, "Generator service contract");
await acknowledge(hospital, partlyPaid);
await days(20);
await payInstallment(bakery, onTimeLoan);
await pay(hospital, partlyPaid, 18_000);
if (shortPool) await pay(bigmart, shortPaid, 4_600);
const shortSecond = shortPool
  ? await financed(shortPool, acme, hotels, 25_000, 30, "Hand tools, hotel maintenance")
  : 0n;
const attested = await tokenize(bakery, bigmart, 1_980, 30, "Cakes for store openings");
await acknowledge(bigmart, attested);
await (await receivables.connect(servicer).attestPayment(attested, usd(1_980), ethers.id("BANK-REF-7731"))).wait();
const aliceShares = await mainPool.balanceOf(await alice.getAddress());
const aliceAddress = await alice.getAddress();
await (await mainQueue.connect(alice).requestRedeem(aliceShares / 20n, aliceAddress, aliceAddress)).wait();
// Free cash fills it at once (anyone may ask); the claim is a second step (ERC-7540).
await (await mainPool.connect(alice).processQueue(10)).wait();
await (
  await mainQueue.connect(alice).redeem(await mainQueue.maxRedeem(aliceAddress), aliceAddress, aliceAddress)
).wait();

await days(15);
log("month 3: the print works' loan goes late; dispute, cancellation");
if (shortPool) await pay(hotels, shortSecond, 25_000);
await (await loans.connect(underwriter).impair(defaultedLoan)).wait();
const disputed = await tokenize(acme, bigmart, 7_300, 40, "Ladders (12), one batch damaged");
await (await receivables.connect(bigmart).dispute(disputed, ethers.id("Batch 2 arrived damaged"))).wait();
const cancelled = await tokenize(bakery, hospital, 640, 14, "Duplicate of INV-1002");
await (await receivables.connect(bakery).cancel(cancelled)).wait();
await payInstallment(bakery, onTimeLoan);
const hospitalOrder = await financed(mainPool, acme, hospital, 30_000, 45, "Generators, 2 wards");
await days(20);

await pay(bigmart, bigOrder, 240_000);
log("month 4: write-off, default, an impaired invoice, late loans");
await days(20);
await pay(hospital, hospitalOrder, 30_000);
await days(10);
await (await mainPool.connect(poolManager).writeOff(writtenOff)).wait();
await (await loans.connect(underwriter).markDefaulted(defaultedLoan)).wait();
const impairedInvoice = await financed(mainPool, printworks, hotels, 1_450, 10, "Menus and signage, 4 hotels");
const lateLoan = await activeLoan(acme, 20_000, 6, [alice, baobab]);
const lateImpairedLoan = await activeLoan(printworks, 6_000, 3, [alice]);
const secondLateLoan = await activeLoan(bakery, 3_000, 3, [baobab]);
await days(20);
await (await mainPool.connect(poolManager).impair(impairedInvoice)).wait();

log("month 5: current business — invoices to acknowledge, financed, loans running and in funding");
await days(30);
// The three late loans are now 20 days past their first due date; one is impaired, two are left
// for the underwriter to impair (one per browser project: desktop and phone share the chain).
await (await loans.connect(underwriter).impair(lateImpairedLoan)).wait();
const currentLoan = await activeLoan(acme, 15_000, 6, [baobab, alice]);
const fundingLoan = await requestLoan(bakery, 9_000, 3);
await (await loans.connect(alice).fund(fundingLoan, usd(4_000))).wait();
const pendingLoan = await loans.connect(printworks).request(await loanTerms(90_000, 12, 30));
await pendingLoan.wait();
const awaitingAck = await tokenize(acme, hospital, 22_750, 60, "Workshop fit-out, phase 1");
await tokenize(printworks, bigmart, 3_150, 30, "Price labels, Q1");
const acknowledged = await tokenize(bakery, bigmart, 5_415, 30, "Weekly bread supply, November");
await acknowledge(bigmart, acknowledged);
const currentFinanced = await financed(mainPool, acme, bigmart, 64_000, 75, "Shelving for the new store");
if (shortPool) await financed(shortPool, bakery, hotels, 8_900, 30, "Breakfast pastries, December");
const baobabShares = (await mainPool.balanceOf(await baobab.getAddress())) / 50n;
await (
  await mainQueue.connect(baobab).requestRedeem(baobabShares, await baobab.getAddress(), await baobab.getAddress())
).wait();

const summary = {
  invoices: invoiceNumber - 1000,
  loans: Number(await loans.loanCount()),
  lateLoan: lateLoan.toString(),
  secondLateLoan: secondLateLoan.toString(),
  currentLoan: currentLoan.toString(),
  currentFinanced: currentFinanced.toString(16).slice(0, 8),
  awaitingAck: awaitingAck.toString(16).slice(0, 8),
};
log(
  `tokenized ${summary.invoices} invoices, ${summary.loans} loans (late, not yet impaired: #${summary.lateLoan}, #${summary.secondLateLoan})`,
);

// The node started months ago (scripts/stack.ts): end the history at today's date.
if ((await now()) < Math.floor(Date.now() / 1000)) await networkHelpers.time.increaseTo(Math.floor(Date.now() / 1000));
const names = Object.fromEntries(demoParties.map((p) => [demoPartyAddress(p.hdIndex), p.name]));
writeFileSync(join(deployments, "demo-parties.json"), `${JSON.stringify(names, null, 2)}\n`);
log(`chain time is now ${new Date((await now()) * 1000).toDateString()}`);
log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
