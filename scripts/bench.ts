/**
 * `npm run bench`: gas per user action on the in-process simulated network (no port), built
 * with the production compiler profile, against its storage floor (bench/floors.ts) and a naive
 * OpenZeppelin reference (bench/naive/, compiled only here). Every figure is a real transaction's
 * receipt `gasUsed` (21,000 base + calldata + execution − refund), measured in steady state: the
 * same action was done once before by the same parties, so no figure pays for a first-ever slot.
 * Also prints contract sizes, the cold production build time, the last `npm test` step times and
 * the dApp's first-load JavaScript per page. Writes bench/gas.json.
 *
 * `repayWorstCase` and `payoffWorstCase` are the bound on the work of one repayment (finding F-20,
 * issue 25): a loan of LOAN_MAX_INSTALLMENTS = 120 daily installments, none paid, every row
 * overdue and accruing late fees; one installment's amount repaid (it goes to the fees first), and
 * a payoff. The naive reference has no schedule and no late fees, so its repayment is the same
 * O(1) call whatever the lateness: these two have no naive figure ("—" in the table, `null` in
 * bench/gas.json). Their floor is what the action must record, as for the other actions.
 *
 *   npm run bench                 # table + bench/gas.json
 *   npm run bench -- --cold       # also re-measure the cold production build (temporary dir)
 *   npm run bench:check           # gas only; fails if an action costs more than bench/gas.json says,
 *                                 # or a contract is less than 1 KiB under the 24 KiB limit
 *
 * Builds go to cache/bench/, never to artifacts/ or types/; timings to bench/out/ (git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { execFileSync } from "node:child_process";
import { createHardhatRuntimeEnvironment } from "hardhat/hre";
import type { HardhatUserConfig } from "hardhat/config";
import type { BaseContract, ContractTransactionResponse, Signer } from "ethers";
import userConfig from "../hardhat.config.ts";
import LocalModule from "../ignition/modules/Local.ts";
import { floorOf } from "../bench/floors.ts";
import { traceGas } from "../bench/trace.ts";
import * as prettier from "prettier";
import { entityPairOf } from "../app/src/lib/receivables.ts";

const root = join(import.meta.dirname, "..");
const out = join(root, "bench", "out");
// Builds live under cache/ (ignored by git, Prettier and ESLint, like Hardhat's own cache).
const builds = join(root, "cache", "bench");
const args = new Set(process.argv.slice(2));
const CHECK = args.has("--check");
/** Runtime bytes every production contract keeps free under the 24,576 B limit. */
const SIZE_MARGIN = 1_024;
const started = Date.now();

export const ACTIONS = [
  "tokenize",
  "tokenizeBatchPerInvoice",
  "acknowledgeBySig",
  "payInvoice",
  "deposit",
  "redeem",
  "requestRedeem",
  "claimRedeem",
  "financeInvoice",
  "payFinancedInvoice",
  "requestLoan",
  "fundLoan",
  "drawdown",
  "repayInstallment",
  "lenderClaim",
  "impair",
  "default",
  "repayWorstCase",
  "payoffWorstCase",
] as const;
type Action = (typeof ACTIONS)[number];
/** Actions without a naive counterpart (see the header). */
const NO_NAIVE: ReadonlySet<Action> = new Set<Action>(["repayWorstCase", "payoffWorstCase"]);
interface Measured {
  gas: number;
  data: string;
  hash: string;
}

// ---------------------------------------------------------------------------------------------
// Builds

type Paths = { cache: string; artifacts: string; sources?: string[] };
async function hreWith(paths: Paths) {
  const config = {
    ...userConfig,
    paths: {
      ...userConfig.paths,
      cache: paths.cache,
      artifacts: paths.artifacts,
      ...(paths.sources ? { sources: { solidity: paths.sources } } : {}),
    },
    // TypeChain writes types/ for the app and tests; the bench never touches it.
    typechain: { dontOverrideCompile: true },
  } as HardhatUserConfig;
  return createHardhatRuntimeEnvironment(config, { buildProfile: "production" }, root);
}

/** Builds; returns wall-clock seconds (solc-js runs in child processes, so this process's own
 * CPU time would not count it; on a shared machine, compare with `time npm run bench`). */
async function build(hre: Awaited<ReturnType<typeof hreWith>>, files: string[] = []) {
  const t0 = Date.now();
  await hre.tasks.getTask("build").run({ noTests: true, quiet: true, files });
  return { seconds: (Date.now() - t0) / 1000 };
}

interface ColdBuild {
  seconds: number;
  at: string;
  commit: string;
}
const coldFile = join(out, "cold-build.json");
const gitCommit = () => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
  } catch {
    return "unknown";
  }
};

// ---------------------------------------------------------------------------------------------
// Scenario helpers

const DAY = 86_400;
const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;
const usd = (n: number) => BigInt(n) * 1_000_000n;
/** The naive baseline's acknowledgement (it names no invoice number). */
const NAIVE_ACK_TYPES = {
  Acknowledgement: [
    { name: "tokenId", type: "uint256" },
    { name: "debtor", type: "address" },
    { name: "currency", type: "address" },
    { name: "faceValue", type: "uint256" },
    { name: "dueDate", type: "uint256" },
    { name: "termsVersion", type: "uint8" },
    { name: "deadline", type: "uint256" },
  ],
};

/** ReceivableToken's acknowledgement: it names the canonical invoice number too. */
const ACK_TYPES = {
  Acknowledgement: [
    { name: "tokenId", type: "uint256" },
    { name: "debtor", type: "address" },
    { name: "invoiceNumber", type: "string" },
    { name: "currency", type: "address" },
    { name: "faceValue", type: "uint256" },
    { name: "dueDate", type: "uint256" },
    { name: "termsVersion", type: "uint8" },
    { name: "deadline", type: "uint256" },
  ],
};

type Conn = Awaited<ReturnType<Awaited<ReturnType<typeof hreWith>>["network"]["connect"]>>;
// The bench reads every contract through its ABI at run time, so parallel changes to the
// contracts need no typed bindings here; a renamed function fails loudly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type C = any;

/**
 * The chain's clock, pinned: every transaction is mined 12 s after the previous one and every
 * wait is exact, so dates in calldata, signatures and accrued amounts — hence every gas figure —
 * are the same on every run, however busy the machine (the snapshot check relies on it).
 */
const clock = { now: 0, conn: undefined as Conn | undefined };
async function measure(tx: () => Promise<ContractTransactionResponse>): Promise<Measured> {
  clock.now += 12;
  await clock.conn!.networkHelpers.time.setNextBlockTimestamp(clock.now);
  const sent = await tx();
  const receipt = await sent.wait();
  if (!receipt || receipt.status !== 1) throw new Error(`transaction failed: ${sent.hash}`);
  return { gas: Number(receipt.gasUsed), data: sent.data, hash: sent.hash };
}
const send = async (tx: () => Promise<ContractTransactionResponse>) => void (await measure(tx));
/** Our scenario starts at T0 (May 2033), the naive one 400 days later (ours spans ~260 days). */
const T0 = 2_000_000_000;
async function startClock(conn: Conn, at: number) {
  const latest = await conn.networkHelpers.time.latest();
  if (latest >= at) throw new Error(`chain time ${latest} is past the bench's pinned start ${at}: raise T0`);
  clock.conn = conn;
  clock.now = at;
}

/** Parties shared by both scenarios: KYC'd and funded once on the protocol's stablecoin. */
async function parties(conn: Conn, identity: C, stablecoin: C) {
  const s = await conn.ethers.getSigners();
  const p = {
    admin: s[0],
    kyc: s[1],
    manager: s[2],
    underwriter: s[3],
    sme: s[6],
    debtor: s[8],
    investor: s[9],
    investor2: s[10],
    lender: s[11],
    lender2: s[12],
    relayer: s[13],
  };
  const now = clock.now;
  const verify: [Signer, number, string][] = [
    [p.sme, SME, "sme"],
    [p.debtor, DEBTOR, "debtor"],
    [p.investor, INVESTOR, "investor"],
    [p.investor2, INVESTOR, "investor2"],
    [p.lender, INVESTOR, "lender"],
    [p.lender2, INVESTOR, "lender2"],
  ];
  for (const [who, roles, name] of verify) {
    await send(async () =>
      identity.connect(p.kyc).verify(who, roles, 404, now + 3650 * DAY, conn.ethers.id(`bench:${name}`)),
    );
    await send(async () => stablecoin.connect(p.admin).mint(who, usd(50_000_000)));
  }
  return p;
}
type Parties = Awaited<ReturnType<typeof parties>>;

let invoiceSeq = 0;
/** Bench invoice numbers: "INV-BENCH-<n>", registered by ReceivableToken as "INVBENCH<n>". */
const benchNumber = (n: number) => `INV-BENCH-${n}`;
const canonicalBenchNumber = (n: number) => `INVBENCH${n}`;
/** The bench number of every invoice built, by token id (the document hash). */
const numberOf = new Map<bigint, number>();

function numberedDocument(conn: Conn, n: number) {
  const documentHash = conn.ethers.id(`bench invoice document ${n}`);
  numberOf.set(BigInt(documentHash), n);
  return documentHash;
}

async function invoiceParams(conn: Conn, p: Parties, currency: string, face = usd(10_000), dueDays = 60) {
  const n = ++invoiceSeq;
  const now = clock.now;
  return {
    debtor: await p.debtor.getAddress(),
    currency,
    faceValue: face,
    issueDate: now - DAY,
    dueDate: now + dueDays * DAY,
    documentHash: numberedDocument(conn, n),
    invoiceNumber: benchNumber(n),
    metadataURI: `ipfs://bafybeibenchinvoice${n.toString().padStart(6, "0")}`,
  };
}

/** The naive baseline takes a caller-computed hash of the number instead of the number. */
async function naiveInvoiceParams(conn: Conn, p: Parties, currency: string) {
  const { invoiceNumber, ...rest } = await invoiceParams(conn, p, currency);
  return { ...rest, invoiceNumberHash: conn.ethers.id(invoiceNumber) };
}

async function signAck(
  conn: Conn,
  p: Parties,
  verifying: string,
  name: string,
  fields: {
    tokenId: bigint;
    invoiceNumber?: string;
    currency: string;
    faceValue: bigint;
    dueDate: number | bigint;
    termsVersion: number;
  },
) {
  const { chainId } = await conn.ethers.provider.getNetwork();
  const deadline = clock.now + DAY;
  const value = { ...fields, debtor: await p.debtor.getAddress(), deadline };
  const signature = await p.debtor.signTypedData(
    { name, version: "1", chainId, verifyingContract: verifying },
    fields.invoiceNumber === undefined ? NAIVE_ACK_TYPES : ACK_TYPES,
    value,
  );
  return { deadline, signature };
}

// ---------------------------------------------------------------------------------------------
// Our contracts, deployed by the same Ignition module `npm start` uses.

async function runOurs(conn: Conn) {
  const c = (await conn.ignition.deploy(LocalModule, { displayUi: false })) as Record<string, BaseContract>;
  await startClock(conn, T0);
  const [usdc, identity, rcv, pool, queue, loans, lens] = [
    c.stablecoin,
    c.identityRegistry,
    c.receivableToken,
    c.pool,
    c.redemptionQueue,
    c.loanManager,
    c.loanLens,
  ] as C[];
  const p = await parties(conn, identity, usdc);
  const [rcvAddr, poolAddr, loansAddr, usdAddr] = await Promise.all(
    [rcv, pool, loans, usdc].map((x: C) => x.getAddress()),
  );
  for (const [who, spender] of [
    [p.debtor, rcvAddr],
    [p.investor, poolAddr],
    [p.investor2, poolAddr],
    [p.lender, loansAddr],
    [p.lender2, loansAddr],
    [p.sme, loansAddr],
  ] as [Signer, string][]) {
    await send(async () => usdc.connect(who).approve(spender, conn.ethers.MaxUint256));
  }
  await send(async () => rcv.connect(p.sme).setApprovalForAll(poolAddr, true));
  const r: Partial<Record<Action, Measured>> = {};

  const tokenize = async () => {
    const params = await invoiceParams(conn, p, usdAddr);
    const m = await measure(async () => rcv.connect(p.sme).tokenize(params));
    return { id: BigInt(params.documentHash), m };
  };
  const ack = async (id: bigint) => {
    const inv = await rcv.receivable(id);
    const number = benchNumber(numberOf.get(id)!);
    const pair = entityPairOf(inv);
    await send(async () => rcv.connect(p.debtor).acknowledge(id, pair, number, inv.faceValue, inv.dueDate));
  };
  const ackBySig = async (id: bigint) => {
    const inv = await rcv.receivable(id);
    const n = numberOf.get(id)!;
    const { deadline, signature } = await signAck(conn, p, rcvAddr, "ReceivableToken", {
      tokenId: id,
      invoiceNumber: canonicalBenchNumber(n),
      currency: inv.currency,
      faceValue: inv.faceValue,
      dueDate: inv.dueDate,
      termsVersion: Number(inv.termsVersion),
    });
    // The entity pair the invoice was tokenized under (nobody was re-keyed since).
    const pair = entityPairOf(inv);
    return measure(async () =>
      rcv.connect(p.relayer).acknowledgeWithSignature(id, pair, canonicalBenchNumber(n), deadline, signature),
    );
  };

  // Receivables: the SME tokenized before; the debtor acknowledged and paid before.
  const first = await tokenize();
  const second = await tokenize();
  r.tokenize = second.m;
  const batch = await Promise.all(Array.from({ length: 20 }, () => invoiceParams(conn, p, usdAddr)));
  const b = await measure(async () => rcv.connect(p.sme).tokenizeBatch(batch));
  r.tokenizeBatchPerInvoice = { ...b, gas: Math.round(b.gas / 20) };
  await ackBySig(first.id);
  r.acknowledgeBySig = await ackBySig(second.id);
  await send(async () => rcv.connect(p.debtor).pay(first.id, usd(10_000)));
  r.payInvoice = await measure(async () => rcv.connect(p.debtor).pay(second.id, usd(10_000)));

  // Pool: the investor deposited before; the SME and the debtor have another financed invoice
  // outstanding, so exposures stay non-zero throughout.
  await send(async () => pool.connect(p.investor).deposit(usd(2_000_000), await p.investor.getAddress()));
  await send(async () => pool.connect(p.investor2).deposit(usd(500_000), await p.investor2.getAddress()));
  r.deposit = await measure(async () => pool.connect(p.investor).deposit(usd(100_000), await p.investor.getAddress()));
  const [fin1, fin2, fin3] = batch.slice(0, 3).map((x) => BigInt(x.documentHash));
  for (const id of [fin1, fin2, fin3]) await ack(id);
  await send(async () => pool.connect(p.sme).finance(fin1, 1));
  await send(async () => pool.connect(p.sme).finance(fin2, 1));
  r.financeInvoice = await measure(async () => pool.connect(p.sme).finance(fin3, 1));
  clock.now += 10 * DAY;
  await send(async () => rcv.connect(p.debtor).pay(fin1, usd(10_000)));
  r.payFinancedInvoice = await measure(async () => rcv.connect(p.debtor).pay(fin3, usd(10_000)));
  const investor = await p.investor.getAddress();
  const shares = (await pool.balanceOf(investor)) / 1_000n;
  await send(async () => pool.connect(p.investor).redeem(shares, investor, investor));
  r.redeem = await measure(async () => pool.connect(p.investor).redeem(shares, investor, investor));
  // Queued exits go through the pool's ERC-7540 redemption queue; the investor used it before.
  // The request is measured alone (into an empty queue): filling happens on the next inflow.
  const claimAll = async () => queue.connect(p.investor).redeem(await queue.maxRedeem(investor), investor, investor);
  await send(async () => queue.connect(p.investor).requestRedeem(shares, investor, investor));
  await send(async () => pool.connect(p.investor).processQueue(10));
  await send(claimAll);
  r.requestRedeem = await measure(async () => queue.connect(p.investor).requestRedeem(shares, investor, investor));
  await send(async () => pool.connect(p.investor).processQueue(10));
  r.claimRedeem = await measure(claimAll);

  // Loans: the borrower requested and the lenders funded before.
  const loanParams = async (count = 6, period = 30 * DAY) => ({
    principal: usd(6_000),
    rateBps: 1_200,
    count,
    period,
    kind: 0,
    graceCount: 0,
    collateralToken: conn.ethers.ZeroAddress,
    collateralId: 0,
    fundingDeadline: clock.now + 7 * DAY,
  });
  const request = async (count?: number, period?: number) => {
    const m = await measure(async () => loans.connect(p.sme).request(await loanParams(count, period)));
    const id = await loans.loanCount();
    if ((await loans.loan(id)).status === 1n)
      await send(async () => loans.connect(p.underwriter).approve(id, usd(6_000), 1_200));
    return { id, m };
  };
  const l1 = await request();
  const l2 = await request();
  r.requestLoan = l2.m;
  const [l3, l4] = [await request(), await request()];
  await send(async () => loans.connect(p.lender).fund(l1.id, usd(3_000)));
  await send(async () => loans.connect(p.lender2).fund(l1.id, usd(3_000)));
  r.fundLoan = await measure(async () => loans.connect(p.lender).fund(l2.id, usd(3_000)));
  await send(async () => loans.connect(p.lender2).fund(l2.id, usd(3_000)));
  for (const l of [l3, l4]) await send(async () => loans.connect(p.lender).fund(l.id, usd(6_000)));
  await send(async () => loans.connect(p.sme).drawdown(l1.id));
  r.drawdown = await measure(async () => loans.connect(p.sme).drawdown(l2.id));
  for (const l of [l3, l4]) await send(async () => loans.connect(p.sme).drawdown(l.id));
  const due = async (id: bigint, k: number) => {
    const row = await lens.installment(id, k);
    return { at: Number(row.dueDate), amount: row.principal + row.interest };
  };
  clock.now = (await due(l2.id, 0)).at - 3600;
  await send(async () => loans.connect(p.sme).repay(l1.id, (await due(l1.id, 0)).amount));
  await send(async () => loans.connect(p.sme).repay(l2.id, (await due(l2.id, 0)).amount));
  await send(async () => loans.connect(p.lender).claim(l1.id));
  await send(async () => loans.connect(p.lender).claim(l2.id));
  clock.now = (await due(l2.id, 1)).at - 3600;
  r.repayInstallment = await measure(async () => loans.connect(p.sme).repay(l2.id, (await due(l2.id, 1)).amount));
  r.lenderClaim = await measure(async () => loans.connect(p.lender).claim(l2.id));
  // l3 and l4 never repay: impaired, then defaulted (the policy's 15 and 60 days late).
  clock.now = (await due(l4.id, 0)).at + 61 * DAY;
  await send(async () => loans.connect(p.underwriter).impair(l3.id));
  r.impair = await measure(async () => loans.connect(p.underwriter).impair(l4.id));
  await send(async () => loans.connect(p.underwriter).markDefaulted(l3.id));
  r.default = await measure(async () => loans.connect(p.underwriter).markDefaulted(l4.id));

  // Worst case of one repayment (F-20): the longest schedule a loan accepts, daily, nothing paid,
  // every row overdue (30 days past maturity). w1 and w3 go first so that the measured w2 and w4
  // find the parties' slots in steady state (w3's payoff writes the borrower's credit record).
  const maxRows = 120; // LOAN_MAX_INSTALLMENTS (contracts/interfaces/ILoanManager.sol)
  const w: bigint[] = [];
  for (let n = 0; n < 4; n++) w.push((await request(maxRows, DAY)).id);
  for (const id of w) await send(async () => loans.connect(p.lender).fund(id, usd(6_000)));
  for (const id of w) await send(async () => loans.connect(p.sme).drawdown(id));
  clock.now = (await due(w[3], maxRows - 1)).at + 30 * DAY;
  const longerAccepted = await loans
    .connect(p.sme)
    .request.staticCall(await loanParams(maxRows + 1, DAY))
    .then(
      () => true,
      () => false,
    );
  if (longerAccepted) throw new Error(`a loan of ${maxRows + 1} rows is accepted: update the worst case's maxRows`);
  const oneInstallment = async (id: bigint) => (await due(id, 0)).amount;
  await send(async () => loans.connect(p.sme).repay(w[0], await oneInstallment(w[0])));
  r.repayWorstCase = await measure(async () => loans.connect(p.sme).repay(w[1], await oneInstallment(w[1])));
  // The quote is priced at the last block; fees accrue per second until the payoff is mined, so
  // 1 % more is offered (repay takes only what is owed and closes the loan).
  const payoff = async (id: bigint) => {
    const quote = (await lens.payoffQuote(id)).total as bigint;
    return loans.connect(p.sme).repay(id, quote + quote / 100n);
  };
  await send(async () => payoff(w[2]));
  r.payoffWorstCase = await measure(async () => payoff(w[3]));
  for (const id of [w[2], w[3]]) {
    if ((await loans.loan(id)).status !== 5n) throw new Error(`worst-case payoff left loan ${id} open`);
  }
  return { r: r as Record<Action, Measured>, shared: { usdc, identity, p } };
}
interface Shared {
  usdc: C;
  identity: C;
  p: Parties;
}

// ---------------------------------------------------------------------------------------------
// The naive references, on the same chain, with the same identity registry (so KYC checks cost
// what ours do), stablecoin and parties.

async function runNaive(conn: Conn, naiveArtifacts: string, shared: Shared) {
  const { usdc, identity, p } = shared;
  await startClock(conn, T0 + 400 * DAY);
  const artifact = (name: string) =>
    JSON.parse(readFileSync(join(naiveArtifacts, "bench", "naive", `${name}.sol`, `${name}.json`), "utf8")) as {
      abi: unknown[];
      bytecode: string;
    };
  const [admin] = await conn.ethers.getSigners();
  const deploy = async (name: string, ...ctor: unknown[]): Promise<C> => {
    const a = artifact(name);
    const f = new conn.ethers.ContractFactory(a.abi as never, a.bytecode, admin);
    const contract = await f.deploy(...ctor);
    await contract.waitForDeployment();
    return contract;
  };
  const rcv: C = await deploy("NaiveInvoices", await identity.getAddress());
  const [rcvAddr, usdAddr] = [await rcv.getAddress(), await usdc.getAddress()];
  const pool: C = await deploy("NaivePool", usdAddr, await identity.getAddress(), rcvAddr);
  const loans: C = await deploy("NaiveLoans", usdAddr, await identity.getAddress());
  const [poolAddr, loansAddr] = [await pool.getAddress(), await loans.getAddress()];
  await send(async () => rcv.connect(admin).setFinancier(poolAddr, true));
  await send(async () => loans.connect(admin).transferOwnership(await p.manager.getAddress()));
  await send(async () => pool.connect(admin).transferOwnership(await p.manager.getAddress()));
  for (const [who, spender] of [
    [p.debtor, rcvAddr],
    [p.investor, poolAddr],
    [p.investor2, poolAddr],
    [p.lender, loansAddr],
    [p.lender2, loansAddr],
    [p.sme, loansAddr],
  ] as [Signer, string][]) {
    await send(async () => usdc.connect(who).approve(spender, conn.ethers.MaxUint256));
  }
  await send(async () => rcv.connect(p.sme).setApprovalForAll(poolAddr, true));
  const r: Partial<Record<Action, Measured>> = {};

  const tokenize = async () => {
    const params = await naiveInvoiceParams(conn, p, usdAddr);
    return {
      id: BigInt(params.documentHash),
      due: params.dueDate,
      m: await measure(async () => rcv.connect(p.sme).tokenize(params)),
    };
  };
  const ackBySig = async (id: bigint, dueDate: number) => {
    const { deadline, signature } = await signAck(conn, p, rcvAddr, "NaiveInvoices", {
      tokenId: id,
      currency: usdAddr,
      faceValue: usd(10_000),
      dueDate,
      termsVersion: 0,
    });
    return measure(async () => rcv.connect(p.relayer).acknowledgeWithSignature(id, deadline, signature));
  };
  const first = await tokenize();
  const second = await tokenize();
  r.tokenize = second.m;
  const batch = await Promise.all(Array.from({ length: 20 }, () => naiveInvoiceParams(conn, p, usdAddr)));
  const b = await measure(async () => rcv.connect(p.sme).tokenizeBatch(batch));
  r.tokenizeBatchPerInvoice = { ...b, gas: Math.round(b.gas / 20) };
  await ackBySig(first.id, first.due);
  r.acknowledgeBySig = await ackBySig(second.id, second.due);
  await send(async () => rcv.connect(p.debtor).pay(first.id, usd(10_000)));
  r.payInvoice = await measure(async () => rcv.connect(p.debtor).pay(second.id, usd(10_000)));

  const investor = await p.investor.getAddress();
  await send(async () => pool.connect(p.investor).deposit(usd(2_000_000), investor));
  await send(async () => pool.connect(p.investor2).deposit(usd(500_000), await p.investor2.getAddress()));
  r.deposit = await measure(async () => pool.connect(p.investor).deposit(usd(100_000), investor));
  const fins = batch.slice(0, 3).map((x) => ({ id: BigInt(x.documentHash), due: x.dueDate }));
  for (const f of fins) await ackBySig(f.id, f.due);
  await send(async () => pool.connect(p.sme).finance(fins[0].id));
  await send(async () => pool.connect(p.sme).finance(fins[1].id));
  r.financeInvoice = await measure(async () => pool.connect(p.sme).finance(fins[2].id));
  clock.now += 10 * DAY;
  await send(async () => rcv.connect(p.debtor).pay(fins[0].id, usd(10_000)));
  r.payFinancedInvoice = await measure(async () => rcv.connect(p.debtor).pay(fins[2].id, usd(10_000)));
  const shares = (await pool.balanceOf(investor)) / 1_000n;
  await send(async () => pool.connect(p.investor).redeem(shares, investor, investor));
  r.redeem = await measure(async () => pool.connect(p.investor).redeem(shares, investor, investor));
  await send(async () => pool.connect(p.investor).requestRedeem(shares, investor, investor));
  await send(async () => pool.connect(p.investor).processQueue(10));
  await send(async () => pool.connect(p.investor).claimRedeem(investor));
  r.requestRedeem = await measure(async () => pool.connect(p.investor).requestRedeem(shares, investor, investor));
  await send(async () => pool.connect(p.investor).processQueue(10));
  r.claimRedeem = await measure(async () => pool.connect(p.investor).claimRedeem(investor));

  const request = async () => {
    const deadline = clock.now + 7 * DAY;
    const m = await measure(async () => loans.connect(p.sme).request(usd(6_000), 1_200, 6, 30 * DAY, deadline));
    const id = await loans.loanCount();
    await send(async () => loans.connect(p.manager).approve(id));
    return { id, m };
  };
  const l1 = await request();
  const l2 = await request();
  r.requestLoan = l2.m;
  const [l3, l4] = [await request(), await request()];
  await send(async () => loans.connect(p.lender).fund(l1.id, usd(3_000)));
  await send(async () => loans.connect(p.lender2).fund(l1.id, usd(3_000)));
  r.fundLoan = await measure(async () => loans.connect(p.lender).fund(l2.id, usd(3_000)));
  await send(async () => loans.connect(p.lender2).fund(l2.id, usd(3_000)));
  for (const l of [l3, l4]) await send(async () => loans.connect(p.lender).fund(l.id, usd(6_000)));
  await send(async () => loans.connect(p.sme).drawdown(l1.id));
  r.drawdown = await measure(async () => loans.connect(p.sme).drawdown(l2.id));
  for (const l of [l3, l4]) await send(async () => loans.connect(p.sme).drawdown(l.id));
  clock.now += 29 * DAY;
  await send(async () => loans.connect(p.sme).repay(l1.id));
  await send(async () => loans.connect(p.sme).repay(l2.id));
  await send(async () => loans.connect(p.lender).claim(l1.id));
  await send(async () => loans.connect(p.lender).claim(l2.id));
  clock.now += 30 * DAY;
  r.repayInstallment = await measure(async () => loans.connect(p.sme).repay(l2.id));
  r.lenderClaim = await measure(async () => loans.connect(p.lender).claim(l2.id));
  clock.now += 61 * DAY;
  await send(async () => loans.connect(p.manager).impair(l3.id));
  r.impair = await measure(async () => loans.connect(p.manager).impair(l4.id));
  await send(async () => loans.connect(p.manager).markDefaulted(l3.id));
  r.default = await measure(async () => loans.connect(p.manager).markDefaulted(l4.id));
  // Every action but the NO_NAIVE ones.
  return r as Record<Action, Measured>;
}

// ---------------------------------------------------------------------------------------------
// Reports

const fmt = (n: number) => n.toLocaleString("en-US");
const pad = (s: string, n: number, left = false) => (left ? s.padEnd(n) : s.padStart(n));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function contractSizes(artifactsDir: string) {
  const rows: [string, number, number][] = [];
  for (const file of walk(join(artifactsDir, "contracts"))) {
    if (!file.endsWith(".json") || file.endsWith(".dbg.json")) continue;
    const a = JSON.parse(readFileSync(file, "utf8")) as {
      contractName?: string;
      abi?: unknown[];
      deployedBytecode?: string;
      bytecode?: string;
    };
    const runtime = ((a.deployedBytecode ?? "0x").length - 2) / 2;
    // Interfaces have no code; internal-only libraries (empty ABI) are inlined, never deployed.
    if (!a.contractName || runtime < 100 || !a.abi?.length) continue;
    rows.push([a.contractName, runtime, ((a.bytecode ?? "0x").length - 2) / 2]);
  }
  return rows.sort((x, y) => y[1] - x[1]);
}

/** Next 16 no longer prints First Load JS: summed from the build's manifests (gzip, as it was). */
function firstLoadJs() {
  const next = join(root, "app", ".next");
  const manifest = join(next, "build-manifest.json");
  if (!existsSync(manifest)) return null;
  const rootMain = (JSON.parse(readFileSync(manifest, "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const gz = new Map<string, number>();
  const size = (f: string) => {
    if (!gz.has(f)) gz.set(f, gzipSync(readFileSync(join(next, f))).length);
    return gz.get(f)!;
  };
  const rows: [string, number, number][] = [];
  for (const file of walk(join(next, "server", "app"))) {
    if (!file.endsWith("page_client-reference-manifest.js")) continue;
    const text = readFileSync(file, "utf8");
    const route = /__RSC_MANIFEST\["([^"]+)"\]/.exec(text)?.[1]?.replace(/\/page$/, "") || "/";
    if (route.startsWith("/_")) continue;
    const entries = /"entryJSFiles":(\{[^}]*\})/.exec(text);
    if (!entries) continue;
    const byEntry = JSON.parse(entries[1]) as Record<string, string[]>;
    const files = new Set(rootMain);
    for (const [entry, chunks] of Object.entries(byEntry)) {
      if (entry.endsWith("/layout") || entry.endsWith("/page")) for (const c of chunks) files.add(c);
    }
    const own = [...files].filter((f) => !rootMain.includes(f));
    const total = [...files].reduce((s, f) => s + size(f), 0);
    rows.push([route || "/", own.reduce((s, f) => s + size(f), 0), total]);
  }
  const builtAt = statSync(manifest).mtime.toISOString();
  return { rows: rows.sort((a, b) => a[0].localeCompare(b[0])), builtAt };
}

// ---------------------------------------------------------------------------------------------

const gasFile = join(root, "bench", "gas.json");
const readme = join(root, "README.md");

if (CHECK) {
  // Same artifacts and cache as `npm test`'s production gas step, so nothing compiles twice.
  const hre = await hreWith({ cache: "cache", artifacts: "artifacts" });
  // The contract roots named explicitly: a partial build never cleans artifacts away, so the
  // test mocks the mocha step deploys (artifacts/test/...) stay.
  const roots = await hre.solidity.getRootFilePaths();
  await build(
    hre,
    roots.filter((f) => f.startsWith("npm:") || f.startsWith(join(root, "contracts"))),
  );
  // One optimizer setting for every contract, each at least 1 KiB under EIP-170's limit.
  const tight = contractSizes(join(root, "artifacts")).filter(([, runtime]) => 24_576 - runtime < SIZE_MARGIN);
  for (const [name, runtime] of tight) {
    console.error(
      `${name}: ${fmt(runtime)} B runtime, ${fmt(24_576 - runtime)} B under the limit (want ${fmt(SIZE_MARGIN)})`,
    );
  }
  if (tight.length) process.exit(1);
  const conn = await hre.network.create();
  const ours = (await runOurs(conn)).r;
  for (const a of (process.env.BENCH_TRACE ?? "").split(",").filter(Boolean) as Action[]) {
    console.log(`\n${a}: ${ours[a].gas} gas`);
    await traceGas((x) => conn.provider.request(x), ours[a].hash);
  }
  const committed = JSON.parse(readFileSync(gasFile, "utf8")) as Record<string, { gas: number }>;
  let failed = false;
  const fresh: Action[] = [];
  for (const a of ACTIONS) {
    const before = committed[a]?.gas;
    const now = ours[a].gas;
    const mark = before === undefined ? "new" : now > before ? "COSTLIER" : now < before ? "cheaper" : "same";
    if (before === undefined) fresh.push(a);
    else if (now > before) failed = true;
    console.log(
      `${pad(a, 26, true)} ${pad(fmt(now), 9)}  snapshot ${pad(before === undefined ? "-" : fmt(before), 9)}  ${mark}`,
    );
  }
  if (failed) {
    console.error("\nGas snapshot check failed: an action costs more than bench/gas.json records.");
    console.error("If that is on purpose, run `npm run bench` and commit bench/gas.json and the README table.");
    process.exit(1);
  }
  // A new action has nothing to regress from: it passes, and the next `npm run bench` records it.
  if (fresh.length) console.log(`\nNot in bench/gas.json yet (run \`npm run bench\`): ${fresh.join(", ")}.`);
  console.log("\nGas snapshot check passed (bench/gas.json).");
  process.exit(0);
}

// 1. Our contracts: production build into cache/bench/build. Timed from cold when there is no
//    cache yet (a fresh clone) or with --cold (then into a throw-away directory first).
const buildDir = join(builds, "build");
let cold: ColdBuild | null = existsSync(coldFile) ? (JSON.parse(readFileSync(coldFile, "utf8")) as ColdBuild) : null;
if (args.has("--cold")) {
  const tmp = join(builds, `cold-${Date.now()}`);
  const timed = await build(await hreWith({ cache: join(tmp, "cache"), artifacts: join(tmp, "artifacts") }));
  rmSync(tmp, { recursive: true, force: true });
  cold = { ...timed, at: new Date().toISOString(), commit: gitCommit() };
}
const wasCold = !existsSync(join(buildDir, "cache"));
const hre = await hreWith({ cache: join(buildDir, "cache"), artifacts: join(buildDir, "artifacts") });
const ourBuild = await build(hre);
if (wasCold) cold = { ...ourBuild, at: new Date().toISOString(), commit: gitCommit() };
if (cold) {
  mkdirSync(out, { recursive: true });
  writeFileSync(coldFile, `${JSON.stringify(cold, null, 2)}\n`);
}

// 2. The naive references: their own sources root and build dir, same compiler profile.
const naiveDir = join(builds, "naive");
const naiveArtifacts = join(naiveDir, "artifacts");
const naiveBuild = await build(
  await hreWith({ cache: join(naiveDir, "cache"), artifacts: naiveArtifacts, sources: ["bench/naive"] }),
);

// 3. Both scenarios on one in-process chain.
const conn = await hre.network.create();
const t3 = Date.now();
const { r: ours, shared } = await runOurs(conn);
const naive = await runNaive(conn, naiveArtifacts, shared);
const scenarioSeconds = (Date.now() - t3) / 1000;

const result: Record<string, { gas: number; floor: number; naive: number | null }> = {};
for (const a of ACTIONS) {
  result[a] = { gas: ours[a].gas, floor: floorOf(a, ours[a].data), naive: NO_NAIVE.has(a) ? null : naive[a].gas };
}
writeFileSync(gasFile, `${JSON.stringify(result, null, 2)}\n`);

const hardfork = (hre.config.networks.default as { hardfork?: string }).hardfork ?? "default";
console.log(`\nGas per user action (receipt gasUsed incl. 21,000 base; production profile; hardfork ${hardfork})\n`);
const table = [
  "| action | ours | floor | naive | ours/floor | ours/naive |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...ACTIONS.map((a) => {
    const { gas, floor, naive: n } = result[a];
    const [naiveGas, ratio] = n === null ? ["—", "—"] : [fmt(n), (gas / n).toFixed(2)];
    return `| \`${a}\` | ${fmt(gas)} | ${fmt(floor)} | ${naiveGas} | ${(gas / floor).toFixed(2)} | ${ratio} |`;
  }),
].join("\n");
const prettierOptions = { ...(await prettier.resolveConfig(readme)), parser: "markdown" };
const formatted = (await prettier.format(table, prettierOptions)).trim();
console.log(formatted);
// The README's "Gas" table is this one, between its markers.
const begin = "<!-- bench:table -->";
const finish = "<!-- /bench:table -->";
const text = readFileSync(readme, "utf8");
if (text.includes(begin) && text.includes(finish)) {
  const updated = `${text.slice(0, text.indexOf(begin) + begin.length)}\n\n${formatted}\n\n${text.slice(text.indexOf(finish))}`;
  writeFileSync(readme, updated);
}
const over = ACTIONS.filter((a) => result[a].gas > 1.3 * result[a].floor);
console.log(
  `\n${ACTIONS.length - over.length}/${ACTIONS.length} actions within 1.3 × floor${over.length ? `; above: ${over.join(", ")}` : ""}.`,
);

console.log("\nContract sizes (production profile; EIP-170 limit 24,576 B runtime, EIP-3860 49,152 B initcode)\n");
for (const [name, runtime, init] of contractSizes(join(buildDir, "artifacts"))) {
  const margin = 24_576 - runtime;
  console.log(
    `  ${pad(name, 22, true)} ${pad(fmt(runtime), 7)} B runtime  ${pad(fmt(init), 7)} B initcode  margin ${pad(fmt(margin), 7)} B (${((100 * margin) / 24_576).toFixed(1)} %)`,
  );
}

console.log("\nTimes\n");
console.log(
  cold
    ? `  cold production build of contracts/ (solc-js, isolated jobs): ${cold.seconds.toFixed(1)} s — measured ${cold.at} at ${cold.commit}${wasCold ? " (this run)" : "; `npm run bench -- --cold` re-measures"}`
    : "  cold production build: not measured yet (`npm run bench -- --cold`)",
);
console.log(
  `  this run: build ${ourBuild.seconds.toFixed(1)} s${wasCold ? " (cold)" : " (incremental)"}, naive references build ${naiveBuild.seconds.toFixed(1)} s, both scenarios ${scenarioSeconds.toFixed(1)} s`,
);
const testTimes = join(out, "test-times.json");
if (existsSync(testTimes)) {
  const t = JSON.parse(readFileSync(testTimes, "utf8")) as { at: string; total: number; steps: [string, number][] };
  console.log(`  last \`npm test\` (${t.at}): ${t.total.toFixed(1)} s in all`);
  for (const [name, seconds] of t.steps) console.log(`    ${pad(seconds.toFixed(1), 7)} s  ${name}`);
} else {
  console.log("  test suite: no timing yet — run `npm test` first (it writes bench/out/test-times.json)");
}

const js = firstLoadJs();
if (js) {
  console.log(`\ndApp first-load JavaScript per page (gzip; app/.next built ${js.builtAt})\n`);
  for (const [route, own, total] of js.rows) {
    console.log(
      `  ${pad(route, 16, true)} ${pad((total / 1024).toFixed(1), 7)} kB  (page's own chunks ${(own / 1024).toFixed(1)} kB)`,
    );
  }
} else {
  console.log(
    "\ndApp first-load JavaScript: no production build in app/.next — run `npm test` (its browser step builds it) or `npm run build -w app`.",
  );
}
console.log(
  `\nWrote ${relative(root, gasFile)} and the table in README.md ("Gas"). npm run bench took ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
process.exit(0);
