/**
 * Volume for the paged lists and the indexer, after scripts/seed.ts. SEED_SCALE picks how much:
 * - `1` (default): 1,000 invoices from Mombasa Wholesale to Coast Retail Group (batch tokenize,
 *   50 per transaction) and 200 small loans requested by Mombasa Wholesale (auto-approved within
 *   its credit limit, the rest waiting for an underwriter);
 * - `10k`: 10,000 invoices, 1,000 loans, and 50 more investors (HD accounts #60…#109, verified,
 *   funded and each depositing into the invoice pool).
 * Runs once per chain: a second run finds the invoices there and stops.
 *
 *   npx hardhat run scripts/seed-scale.ts --network localhost     (or SEED_SCALE=1 npm start)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import type {
  DemoUSD,
  FinancingPool,
  IdentityRegistry,
  IReceivableToken,
  LoanManager,
} from "../types/ethers-contracts/index.js";
import { demoParties, demoPartyAddress } from "./demo-parties.ts";

const sizes = {
  "1": { invoices: 1_000, loans: 200, investors: 0 },
  "10k": { invoices: 10_000, loans: 1_000, investors: 50 },
} as const;
const scale = process.env.SEED_SCALE ?? "1";
if (!(scale in sizes)) throw new Error(`SEED_SCALE=${scale}: use one of ${Object.keys(sizes).join(", ")}`);
const { invoices: SCALE_INVOICES, loans: SCALE_LOANS, investors: SCALE_INVESTORS } = sizes[scale as keyof typeof sizes];
/** HD index of the first scale investor: after the demo parties (#40…#50), clear of them. */
const FIRST_INVESTOR = 60;
const INVESTOR_ROLE = 4;
const KENYA = 404;
const BATCH = 50;
const DAY = 86_400;

const started = Date.now();
const { ethers } = await network.create();
const deployments = join(import.meta.dirname, "..", "ignition", "deployments", "chain-31337");
const addresses = JSON.parse(readFileSync(join(deployments, "deployed_addresses.json"), "utf8")) as Record<
  string,
  string
>;
const receivables = (await ethers.getContractAt(
  "IReceivableToken",
  addresses["Local#ReceivableToken"],
)) as unknown as IReceivableToken;
const loans = (await ethers.getContractAt("LoanManager", addresses["Local#LoanManager"])) as unknown as LoanManager;
const currency = addresses["Local#Stablecoin"];
const log = (message: string) => console.log(`\x1b[35m[seed:scale]\x1b[0m ${message}`);
const addressOf = (key: string) => demoPartyAddress(demoParties.find((p) => p.key === key)!.hdIndex);

const smeAddress = addressOf("mombasa");
const debtorAddress = addressOf("coast");
await ethers.provider.send("hardhat_impersonateAccount", [smeAddress]);
const sme = await ethers.getSigner(smeAddress);
const held = await ethers.getContractAt("ReceivableToken", addresses["Local#ReceivableToken"]);
if ((await held.balanceOf(smeAddress)) >= BigInt(SCALE_INVOICES)) {
  log("already seeded on this chain");
  process.exit(0);
}

const now = Number((await ethers.provider.getBlock("latest"))!.timestamp);
for (let start = 0; start < SCALE_INVOICES; start += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, SCALE_INVOICES - start) }, (_, i) => {
    const n = start + i + 1;
    const number = `MW-${String(n).padStart(5, "0")}`;
    const metadata = Buffer.from(JSON.stringify({ invoiceNumber: number, description: `Wholesale order ${n}` }));
    return {
      debtor: debtorAddress,
      currency,
      faceValue: BigInt(500 + ((n * 37) % 4_500)) * 1_000_000n,
      issueDate: now - DAY,
      dueDate: now + (15 + (n % 75)) * DAY,
      documentHash: ethers.id(`scale invoice ${number}`),
      invoiceNumber: number,
      metadataURI: `data:application/json;base64,${metadata.toString("base64")}`,
    };
  });
  await (await receivables.connect(sme).tokenizeBatch(batch)).wait();
}
log(`${SCALE_INVOICES} invoices tokenized in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const t1 = Date.now();
const pending = [];
for (let i = 0; i < SCALE_LOANS; i++) {
  pending.push(
    await loans.connect(sme).request({
      principal: BigInt(100 + (i % 5) * 20) * 1_000_000n,
      rateBps: 1_200 + (i % 4) * 100,
      count: 3 + (i % 4),
      period: 30 * DAY,
      kind: 0,
      graceCount: 0,
      collateralToken: ethers.ZeroAddress,
      collateralId: 0,
      fundingDeadline: now + 30 * DAY,
    }),
  );
}
await Promise.all(pending.map((tx) => tx.wait()));
log(`${SCALE_LOANS} loans requested in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

if (SCALE_INVESTORS > 0) {
  const t2 = Date.now();
  const [admin, kyc] = await ethers.getSigners();
  const identity = (await ethers.getContractAt(
    "IdentityRegistry",
    addresses["Local#IdentityRegistry"],
  )) as unknown as IdentityRegistry;
  const stablecoin = (await ethers.getContractAt("DemoUSD", currency)) as unknown as DemoUSD;
  const pool = (await ethers.getContractAt(
    "FinancingPool",
    addresses["Local#FinancingPool"],
  )) as unknown as FinancingPool;
  const sent = [];
  for (let i = 0; i < SCALE_INVESTORS; i++) {
    const address = demoPartyAddress(FIRST_INVESTOR + i);
    await ethers.provider.send("hardhat_setBalance", [address, "0x3635c9adc5dea00000"]);
    await ethers.provider.send("hardhat_impersonateAccount", [address]);
    const investor = await ethers.getSigner(address);
    const dollars = 1_000 + ((i * 7_919) % 49_000);
    const entity = ethers.id(`scale investor ${i}`);
    sent.push(await identity.connect(kyc).verify(address, INVESTOR_ROLE, KENYA, now + 3 * 365 * DAY, entity));
    sent.push(await stablecoin.connect(admin).mint(address, BigInt(dollars) * 1_000_000n));
    sent.push(await stablecoin.connect(investor).approve(await pool.getAddress(), ethers.MaxUint256));
    sent.push(await pool.connect(investor).deposit(BigInt(dollars) * 1_000_000n, address));
  }
  await Promise.all(sent.map((tx) => tx.wait()));
  log(`${SCALE_INVESTORS} investors verified and deposited in ${((Date.now() - t2) / 1000).toFixed(1)} s`);
}
log(`scale seed took ${((Date.now() - started) / 1000).toFixed(1)} s`);
