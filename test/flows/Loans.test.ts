import { expect } from "chai";
import { network } from "hardhat";
import type { BaseContract, EventLog, Interface } from "ethers";
import { type Address, type Hash, getAddress } from "viem";
import { type FlowContract, type FlowLog, decodeFlows, eventsOf } from "../../app/src/lib/flows/decode.ts";
import { kindLabels } from "../../app/src/lib/flows/model.ts";
import { reconcile } from "../../app/src/lib/flows/reconcile.ts";
import type {
  CollateralVault,
  CreditHistory,
  DemoUSD,
  IdentityRegistry,
  LoanLens,
  LoanManager,
  ReceivableToken,
} from "../../types/ethers-contracts/index.js";
import { entityPairOf } from "../../app/src/lib/receivables.ts";
import { receivableTokenLibraries } from "./fixture.js";

const DAY = 24 * 60 * 60;
const MONTH = 30 * DAY;
const SME = 1;
const DEBTOR = 2;
const INVESTOR = 4;
const ROLE = { KYC_PROVIDER: 1n, POOL_MANAGER: 2n, UNDERWRITER: 3n };
const AMORTIZING = 0;
const STATUS = { Pending: 1n, Funding: 3n, Active: 4n, Repaid: 5n, Defaulted: 6n, Expired: 8n };
const usd = (n: number) => BigInt(n) * 1_000_000n;

/**
 * Fresh chain with the loan stack wired as in deployment (the ReceivableToken is the collateral
 * token and registers the collateral vault as a financier); borrower, debtor, two lenders verified.
 */
async function deploy() {
  const { ethers, networkHelpers } = await network.create();
  const [admin, kyc, underwriter, poolManager, borrower, lender1, lender2, recovery, debtor] =
    await ethers.getSigners();
  const manager = await ethers.deployContract("AccessManager", [admin.address]);
  const registry = (await ethers.deployContract("IdentityRegistry", [
    await manager.getAddress(),
  ])) as unknown as IdentityRegistry;
  const token = (await ethers.deployContract("DemoUSD", [admin.address])) as unknown as DemoUSD;
  const credit = (await ethers.deployContract("CreditHistory", [
    await manager.getAddress(),
    usd(50_000),
  ])) as unknown as CreditHistory;
  const calculator = await ethers.deployContract("LoanCalculator");
  const libraries = {
    LoanProgress: await (await ethers.deployContract("LoanProgress")).getAddress(),
    LoanUnderwriting: await (await ethers.deployContract("LoanUnderwriting")).getAddress(),
  };
  const loans = (await ethers.deployContract(
    "LoanManager",
    [
      await manager.getAddress(),
      await registry.getAddress(),
      await credit.getAddress(),
      await token.getAddress(),
      await calculator.getAddress(),
      { lateFeeBps: 3650, lateGraceDays: 3, impairAfterDays: 15, defaultAfterDays: 60 },
    ],
    { libraries },
  )) as unknown as LoanManager;
  const lens = (await ethers.deployContract("LoanLens", [await loans.getAddress()])) as unknown as LoanLens;
  const notes = await ethers.getContractAt("LoanNotes", await loans.notes());
  const receivables = (await ethers.deployContract(
    "ReceivableToken",
    [await manager.getAddress(), await registry.getAddress()],
    { libraries: await receivableTokenLibraries(ethers) },
  )) as unknown as ReceivableToken;
  const vault = (await ethers.getContractAt(
    "CollateralVault",
    await loans.collateralVault(),
  )) as unknown as CollateralVault;
  await loans.connect(admin).setCollateralToken(await receivables.getAddress());
  await receivables.connect(admin).setCurrencyAllowed(await token.getAddress(), true);
  await receivables.connect(admin).registerFinancier(await vault.getAddress(), true);

  const wire = async (target: string, fns: string[], role: bigint, iface: LoanManager | IdentityRegistry) =>
    manager.connect(admin).getFunction("setTargetFunctionRole")(
      target,
      fns.map((f) => (iface.interface as Interface).getFunction(f)!.selector),
      role,
    );
  await wire(await registry.getAddress(), ["verify", "revoke"], ROLE.KYC_PROVIDER, registry);
  await wire(await loans.getAddress(), ["approve", "impair", "markDefaulted"], ROLE.UNDERWRITER, loans);
  await wire(await loans.getAddress(), ["seizeCollateral", "setLender"], ROLE.POOL_MANAGER, loans);
  const grant = manager.connect(admin).getFunction("grantRole");
  await grant(ROLE.KYC_PROVIDER, kyc.address, 0);
  await grant(ROLE.UNDERWRITER, underwriter.address, 0);
  await grant(ROLE.POOL_MANAGER, poolManager.address, 0);
  await credit.connect(admin).setRecorder(await loans.getAddress(), true);

  const expiry = (await networkHelpers.time.latest()) + 3650 * DAY;
  const entity = ethers.id("entity:borrower");
  await registry.connect(kyc).verify(borrower.address, SME, 404, expiry, entity);
  await registry.connect(kyc).verify(lender1.address, INVESTOR, 276, expiry, ethers.id("entity:l1"));
  await registry.connect(kyc).verify(lender2.address, INVESTOR, 276, expiry, ethers.id("entity:l2"));
  await registry.connect(kyc).verify(debtor.address, DEBTOR, 276, expiry, ethers.id("entity:debtor"));
  for (const s of [borrower, lender1, lender2, recovery]) {
    await token.connect(admin).mint(s.address, usd(1_000_000));
    await token.connect(s).approve(await loans.getAddress(), ethers.MaxUint256);
  }
  await token.connect(admin).mint(debtor.address, usd(1_000_000));
  await token.connect(debtor).approve(await receivables.getAddress(), ethers.MaxUint256);
  await receivables.connect(borrower).setApprovalForAll(await loans.getAddress(), true);

  /** The borrower tokenizes an invoice of `face` on the debtor, who acknowledges it; returns its id. */
  const invoice = async (face: bigint, name: string) => {
    const now = await networkHelpers.time.latest();
    const documentHash = ethers.sha256(ethers.toUtf8Bytes(name));
    await receivables.connect(borrower).tokenize({
      debtor: debtor.address,
      currency: await token.getAddress(),
      faceValue: face,
      issueDate: now,
      dueDate: now + 120 * DAY,
      documentHash,
      invoiceNumber: `number of ${name}`,
      metadataURI: "",
    });
    const id = BigInt(documentHash);
    const r = await receivables.receivable(id);
    const pair = entityPairOf(r);
    await receivables.connect(debtor).acknowledge(id, pair, `number of ${name}`, face, now + 120 * DAY);
    return id;
  };

  const params = async (principal: bigint, count: number, collateralId = 0n) => ({
    principal,
    rateBps: 1200,
    count,
    period: MONTH,
    kind: AMORTIZING,
    graceCount: 0,
    collateralToken: collateralId === 0n ? ethers.ZeroAddress : await receivables.getAddress(),
    collateralId,
    fundingDeadline: (await networkHelpers.time.latest()) + 7 * DAY,
  });
  /** Requested, approved by the underwriter, funded 1/4 + 3/4, drawn down. */
  const activeLoan = async (principal: bigint, count: number, collateralId = 0n) => {
    await loans.connect(borrower).request(await params(principal, count, collateralId));
    const id = await loans.loanCount();
    await loans.connect(underwriter).approve(id, principal, 1200);
    await loans.connect(lender1).fund(id, principal / 4n);
    await loans.connect(lender2).fund(id, principal - principal / 4n);
    await loans.connect(borrower).drawdown(id);
    return id;
  };
  const rowTotal = async (id: bigint, k: number) => {
    const row = await lens.installment(id, k);
    return row.principal + row.interest;
  };
  return {
    ethers,
    networkHelpers,
    signers: { admin, underwriter, poolManager, borrower, lender1, lender2, recovery, debtor },
    token,
    credit,
    loans,
    lens,
    receivables,
    vault,
    invoice,
    notes,
    entity,
    params,
    activeLoan,
    rowTotal,
  };
}

describe("Loans (escrow, schedule, credit history)", function () {
  it("test_flow_onTimeLoanRepaysLendersProRataAndRecordsCredit", async function () {
    const f = await deploy();
    const { borrower, lender1, lender2 } = f.signers;
    const id = await f.activeLoan(usd(12_000), 3);
    for (let k = 0; k < 3; k++) {
      await f.networkHelpers.time.increaseTo((await f.lens.installment(id, k)).dueDate - 10n);
      await f.loans.connect(borrower).repay(id, await f.rowTotal(id, k));
    }
    expect((await f.loans.loan(id)).status).to.equal(STATUS.Repaid);
    const repaid = (await f.loans.loan(id)).repaid;
    const before1 = await f.token.balanceOf(lender1.address);
    await expect(f.loans.connect(lender1).claim(id)).to.emit(f.loans, "LoanClaimed");
    await f.loans.connect(lender2).claim(id);
    const got1 = (await f.token.balanceOf(lender1.address)) - before1;
    expect(got1).to.be.closeTo(repaid / 4n, 1n);
    expect(await f.token.balanceOf(await f.loans.getAddress())).to.be.lessThanOrEqual(2n);
    const record = await f.credit.recordOf(f.entity);
    expect(record.loansOnTime).to.equal(1n);
    expect(record.loansCreditedVolume).to.equal(usd(12_000));
  });

  it("test_flow_lateThenCuredKeepsFeesAndRecordsLate", async function () {
    const f = await deploy();
    const { borrower, underwriter } = f.signers;
    const id = await f.activeLoan(usd(6_000), 3);
    await f.networkHelpers.time.increaseTo((await f.lens.installment(id, 0)).dueDate + BigInt(20 * DAY));
    await expect(f.loans.connect(underwriter).impair(id)).to.emit(f.loans, "LoanImpaired");
    const [fees] = await f.lens.payoffQuote(id);
    expect(fees).to.be.greaterThan(0n);
    const due = await f.lens.amountDue(id);
    await expect(f.loans.connect(borrower).repay(id, due + usd(1)))
      .to.emit(f.loans, "LoanCured")
      .withArgs(id);
    const [, , , total] = await f.lens.payoffQuote(id);
    await expect(f.loans.connect(borrower).repay(id, total)).to.emit(f.loans, "LoanPaidOff");
    const record = await f.credit.recordOf(f.entity);
    expect(record.loansLate).to.equal(1n);
    expect(record.totalDaysLate).to.be.greaterThan(0n);
  });

  it("test_flow_defaultSeizesCollateralAndRecoveriesReachLenders", async function () {
    const f = await deploy();
    const { poolManager, underwriter, recovery, lender2 } = f.signers;
    const receivable = await f.invoice(usd(9_000), "invoice 42.pdf");
    const id = await f.activeLoan(usd(8_000), 6, receivable);
    expect(await f.receivables.ownerOf(receivable)).to.equal(await f.vault.getAddress());
    await f.networkHelpers.time.increaseTo((await f.lens.installment(id, 0)).dueDate + BigInt(61 * DAY));
    await expect(f.loans.connect(underwriter).markDefaulted(id)).to.emit(f.loans, "LoanDefaulted");
    expect((await f.loans.loan(id)).status).to.equal(STATUS.Defaulted);
    await f.loans.connect(poolManager).seizeCollateral(id, recovery.address);
    expect(await f.receivables.ownerOf(receivable)).to.equal(recovery.address);
    await f.loans.connect(recovery).repay(id, usd(4_000));
    expect(await f.loans.claimable(id, lender2.address)).to.be.closeTo(usd(3_000), 1n);
    expect((await f.credit.recordOf(f.entity)).loansDefaulted).to.equal(1n);
  });

  it("test_flow_debtorPaysPledgedInvoiceRepaysLoanAndLendersClaim", async function () {
    const f = await deploy();
    const { borrower, debtor, lender1, lender2 } = f.signers;
    // The SME borrows 8,000 against an acknowledged invoice of 10,000.
    const receivable = await f.invoice(usd(10_000), "invoice 2026-117.pdf");
    const id = await f.activeLoan(usd(8_000), 6, receivable);
    const vaultAddress = await f.vault.getAddress();
    expect(await f.receivables.ownerOf(receivable)).to.equal(vaultAddress);
    expect(await f.loans.loanSecuredBy(receivable)).to.equal(id);

    // Twenty days on, before the first installment falls due, the debtor pays the invoice in
    // full; the loan takes its payoff (principal and the running installment's interest).
    await f.networkHelpers.time.increase(20 * DAY);
    const borrowerBefore = await f.token.balanceOf(borrower.address);
    const tx = f.receivables.connect(debtor).pay(receivable, usd(10_000));
    await expect(tx).to.emit(f.loans, "LoanPaidOff");
    await expect(tx).to.emit(f.vault, "CollateralPaymentBooked");
    const loan = await f.loans.loan(id);
    expect(loan.status).to.equal(STATUS.Repaid);
    const owed = loan.repaid;
    expect(owed).to.be.greaterThan(usd(8_000));
    // The excess over what the loan owed goes to the borrower; nothing stays in the vault.
    expect(await f.token.balanceOf(borrower.address)).to.equal(borrowerBefore + usd(10_000) - owed);
    expect(await f.token.balanceOf(vaultAddress)).to.equal(0n);
    expect((await f.receivables.receivable(receivable)).status).to.equal(4n);

    // Lenders claim their pro-rata share; the escrow keeps at most rounding dust.
    const before1 = await f.token.balanceOf(lender1.address);
    await f.loans.connect(lender1).claim(id);
    await f.loans.connect(lender2).claim(id);
    expect((await f.token.balanceOf(lender1.address)) - before1).to.be.closeTo(owed / 4n, 1n);
    expect(await f.token.balanceOf(await f.loans.getAddress())).to.be.lessThanOrEqual(2n);
    // Repaid 20 days after drawdown: credited for the time the lenders' money was out
    // (8,000 × 20 / 30), and not counted as an on-time loan before it ran 30 days (F-17).
    const record = await f.credit.recordOf(f.entity);
    expect(record.loansOnTime).to.equal(0n);
    expect(record.loansCreditedVolume).to.be.closeTo((usd(8_000) * 20n) / 30n, usd(1));

    // The settled invoice goes back to the SME.
    await f.loans.releaseCollateral(id);
    expect(await f.receivables.ownerOf(receivable)).to.equal(borrower.address);
  });

  it("test_flow_refundAfterDeadlineReturnsEveryLender", async function () {
    const f = await deploy();
    const { borrower, underwriter, lender1 } = f.signers;
    await f.loans.connect(borrower).request(await f.params(usd(5_000), 6));
    const id = await f.loans.loanCount();
    expect((await f.loans.loan(id)).status).to.equal(STATUS.Pending);
    await f.loans.connect(underwriter).approve(id, usd(5_000), 1200);
    await f.loans.connect(lender1).fund(id, usd(2_000));
    const before = await f.token.balanceOf(lender1.address);
    await f.networkHelpers.time.increase(8 * DAY);
    await expect(f.loans.connect(lender1).refund(id))
      .to.emit(f.loans, "LoanRefunded")
      .withArgs(id, lender1.address, usd(2_000));
    expect(await f.token.balanceOf(lender1.address)).to.equal(before + usd(2_000));
    expect((await f.loans.loan(id)).status).to.equal(STATUS.Expired);
  });

  it("test_flow_prepaymentShortensAndLowersTotalCost", async function () {
    const f = await deploy();
    const { borrower } = f.signers;
    const id = await f.activeLoan(usd(12_000), 12);
    let scheduled = 0n;
    for (let k = 0; k < 12; k++) scheduled += await f.rowTotal(id, k);
    await f.networkHelpers.time.increaseTo((await f.lens.installment(id, 0)).dueDate - 10n);
    const first = await f.rowTotal(id, 0);
    const tx = f.loans.connect(borrower).repay(id, first + usd(6_000));
    await expect(tx).to.emit(f.loans, "LoanRepaid");
    expect((await f.loans.loan(id)).prepaid).to.equal(usd(6_000));
    expect((await f.lens.installment(id, 11)).principal).to.equal(0n);
    const [, , , total] = await f.lens.payoffQuote(id);
    await f.loans.connect(borrower).repay(id, total);
    expect((await f.loans.loan(id)).status).to.equal(STATUS.Repaid);
    expect(first + usd(6_000) + total).to.be.lessThan(scheduled);
  });
  /**
   * The fund-flow explorer follows a pledged invoice's money through the collateral vault: a
   * payment held before drawdown, applied after it, and the excess of a later payment sent to the
   * borrower. Its rows, rebuilt from the real events with the dApp's decoder, explain the vault's
   * and the escrow's balances to the unit, and what the borrower received.
   */
  it("test_flows_collateralProceedsThroughTheVaultReconcileWithItsBalance", async function () {
    const f = await deploy();
    const { borrower, underwriter, lender1, lender2, debtor } = f.signers;
    const receivable = await f.invoice(usd(10_000), "invoice 2026-204.pdf");
    await f.loans.connect(borrower).request(await f.params(usd(8_000), 6, receivable));
    const id = await f.loans.loanCount();
    await f.loans.connect(underwriter).approve(id, usd(8_000), 1200);
    await f.loans.connect(lender1).fund(id, usd(2_000));
    await f.loans.connect(lender2).fund(id, usd(6_000));
    const borrowerStart = await f.token.balanceOf(borrower.address);
    await f.receivables.connect(debtor).pay(receivable, usd(3_000)); // before drawdown: held
    expect(await f.vault.heldFor(id)).to.equal(usd(3_000));
    await f.loans.connect(borrower).drawdown(id);
    await f.vault.settleHeld(id);
    await f.networkHelpers.time.increase(20 * DAY);
    await f.receivables.connect(debtor).pay(receivable, usd(7_000)); // pays the loan off, rest to borrower
    expect((await f.loans.loan(id)).status).to.equal(STATUS.Repaid);
    await f.loans.connect(lender1).claim(id);

    const vault = getAddress(await f.vault.getAddress()) as Address;
    const escrow = getAddress(await f.loans.getAddress()) as Address;
    const sources: [FlowContract, BaseContract][] = [
      ["ReceivableToken", f.receivables],
      ["LoanManager", f.loans],
      ["CollateralVault", f.vault],
    ];
    const logs: FlowLog[] = [];
    for (const [contract, c] of sources) {
      for (const name of eventsOf(contract)) {
        for (const l of (await c.queryFilter(c.getEvent(name as never), 0)) as EventLog[]) {
          const block = await l.getBlock();
          logs.push({
            contract,
            eventName: name,
            args: l.args.toObject(),
            tx: l.transactionHash as Hash,
            blockNumber: BigInt(l.blockNumber),
            logIndex: l.index,
            timestamp: block.timestamp,
          });
        }
      }
    }
    // No pool in this deployment: any address that took no part stands for it.
    const pool = getAddress(f.signers.admin.address) as Address;
    const rows = decodeFlows(logs, { pool, escrow, vault });
    const balances = {
      poolStablecoin: 0n,
      poolBookedCash: 0n,
      poolPrincipal: 0n,
      escrowStablecoin: await f.token.balanceOf(escrow),
      vaultStablecoin: await f.token.balanceOf(vault),
    };
    const ids = reconcile(rows, balances, { pool, escrow, vault }, kindLabels);
    const vaultCash = ids.find((i) => i.id === "vault-cash")!;
    expect(vaultCash, "a vault identity").to.not.equal(undefined);
    expect(vaultCash.difference, "balanceOf(vault) minus the rebuilt sum").to.equal(0n);
    expect(vaultCash.onChain, "the vault held money at some point and gave it all out").to.equal(0n);
    expect(vaultCash.terms.map((t) => t.label)).to.include("Collateral to SME out");
    expect(ids.find((i) => i.id === "escrow-cash")!.difference).to.equal(0n);

    const released = rows.filter((r) => r.kind === "collateralRelease");
    expect(released).to.have.length(1);
    expect(released[0].fromRole).to.equal("vault");
    expect(released[0].to).to.equal(getAddress(borrower.address));
    const intoVault = rows.filter((r) => r.to === vault).reduce((s, r) => s + r.amount, 0n);
    expect(intoVault).to.equal(usd(10_000));
    const fromVaultToLoan = rows.filter((r) => r.from === vault && r.to === escrow);
    expect(fromVaultToLoan.map((r) => r.kind)).to.deep.equal(["installment", "installment"]);
    // What the rows say the borrower received is what its balance shows.
    const toBorrower = rows
      .filter((r) => r.cash && r.to === getAddress(borrower.address) && r.blockNumber > 0n)
      .filter((r) => r.kind === "disbursement" || r.kind === "collateralRelease")
      .reduce((s, r) => s + r.amount, 0n);
    expect((await f.token.balanceOf(borrower.address)) - borrowerStart).to.equal(toBorrower);
  });
});
