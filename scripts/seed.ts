/**
 * Demo data for the local chain, run by `npm start` after the deployment: named SMEs, debtors
 * and investors, invoices in every status, history spread over past months by moving the
 * chain's clock forward between steps. Writes the party names the dApp shows to
 * ignition/deployments/chain-31337/demo-parties.json (read by gen-contracts).
 *
 *   npx hardhat run scripts/seed.ts --network localhost
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { network } from "hardhat";
import type { Signer } from "ethers";
import type { DemoUSD, IdentityRegistry, IReceivableToken } from "../types/ethers-contracts/index.js";

const DAY = 86_400;
const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;
const KENYA = 404;
const usd = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10_000n;

const { ethers, networkHelpers } = await network.connect();
const deployments = join(import.meta.dirname, "..", "ignition", "deployments", "chain-31337");
const addresses = JSON.parse(readFileSync(join(deployments, "deployed_addresses.json"), "utf8")) as Record<
  string,
  string
>;
const at = <T>(name: string, id: string) => ethers.getContractAt(name, addresses[`Local#${id}`]) as Promise<T>;

const signers = await ethers.getSigners();
const [admin, kyc, , , , servicer] = signers;
// Demo parties use accounts the browser tests never touch (#6–#9, #18, #19).
const parties = [
  { index: 6, name: "Acme Tools Ltd", roles: SME },
  { index: 7, name: "Sunrise Bakery", roles: SME },
  { index: 8, name: "Bigmart Supermarkets", roles: DEBTOR },
  { index: 9, name: "City Hospital", roles: DEBTOR },
  { index: 18, name: "Alice Capital", roles: INVESTOR },
  { index: 19, name: "Baobab Fund", roles: INVESTOR | SME },
];
const [acme, bakery, bigmart, hospital] = parties.map((p) => signers[p.index]);

const identity = await at<IdentityRegistry>("IdentityRegistry", "IdentityRegistry");
const stablecoin = await at<DemoUSD>("DemoUSD", "Stablecoin");
const receivables = await at<IReceivableToken>("IReceivableToken", "ReceivableToken");

const now = async () => Number((await ethers.provider.getBlock("latest"))!.timestamp);
const log = (message: string) => console.log(`\x1b[35m[seed]\x1b[0m ${message}`);

log("verifying demo parties and funding them with DemoUSD");
for (const p of parties) {
  const account = signers[p.index];
  const entity = ethers.id(p.name.toLowerCase());
  await (await identity.connect(kyc).verify(account, p.roles, KENYA, (await now()) + 3 * 365 * DAY, entity)).wait();
  await (await stablecoin.connect(admin).mint(account, usd(250_000))).wait();
}

let invoiceNumber = 1000;
async function tokenize(issuer: Signer, debtor: Signer, dollars: number, dueInDays: number, description: string) {
  const number = `INV-${++invoiceNumber}`;
  const documentHash = ethers.hexlify(randomBytes(32));
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
      invoiceNumberHash: ethers.id(number),
      metadataURI: `data:application/json;base64,${metadata}`,
    })
  ).wait();
  return BigInt(documentHash);
}

async function acknowledge(debtor: Signer, tokenId: bigint) {
  const r = await receivables.receivable(tokenId);
  await (await receivables.connect(debtor).acknowledge(tokenId, r.termsVersion)).wait();
}

async function pay(debtor: Signer, tokenId: bigint, dollars: number) {
  await (await stablecoin.connect(debtor).approve(await receivables.getAddress(), usd(dollars))).wait();
  await (await receivables.connect(debtor).pay(tokenId, usd(dollars))).wait();
}

log("invoices over the past months: paid on time, paid late, partly paid, disputed, cancelled");
const paidOnTime = await tokenize(acme, bigmart, 12_500, 30, "Power tools for 3 stores");
await acknowledge(bigmart, paidOnTime);
const paidLate = await tokenize(bakery, hospital, 3_240.5, 21, "Bread and pastries, September");
await acknowledge(hospital, paidLate);
await networkHelpers.time.increase(25 * DAY);
await pay(bigmart, paidOnTime, 12_500);
await networkHelpers.time.increase(10 * DAY);
await pay(hospital, paidLate, 3_240.5);

const partlyPaid = await tokenize(acme, hospital, 48_000, 45, "Generator service contract");
await acknowledge(hospital, partlyPaid);
await networkHelpers.time.increase(20 * DAY);
await pay(hospital, partlyPaid, 18_000);
const attested = await tokenize(bakery, bigmart, 1_980, 30, "Cakes for store openings");
await acknowledge(bigmart, attested);
await (await receivables.connect(servicer).attestPayment(attested, usd(1_980), ethers.id("BANK-REF-7731"))).wait();

const disputed = await tokenize(acme, bigmart, 7_300, 40, "Ladders (12), one batch damaged");
await (await receivables.connect(bigmart).dispute(disputed, ethers.id("Batch 2 arrived damaged"))).wait();
const cancelled = await tokenize(bakery, hospital, 640, 14, "Duplicate of INV-1002");
await (await receivables.connect(bakery).cancel(cancelled)).wait();

await networkHelpers.time.increase(7 * DAY);
const awaitingAck = await tokenize(acme, hospital, 22_750, 60, "Workshop fit-out, phase 1");
const acknowledged = await tokenize(bakery, bigmart, 5_415, 30, "Weekly bread supply, November");
await acknowledge(bigmart, acknowledged);
log(`tokenized ${invoiceNumber - 1000} invoices (awaiting acknowledgement: ${awaitingAck.toString(16).slice(0, 8)}…)`);

const names = Object.fromEntries(parties.map((p) => [signers[p.index].address, p.name]));
writeFileSync(join(deployments, "demo-parties.json"), `${JSON.stringify(names, null, 2)}\n`);
log(`chain time is now ${new Date((await now()) * 1000).toDateString()}`);
