import { expect } from "chai";
import { DAY, deployProtocol, usd } from "./fixture.js";

const MONTH = 30 * DAY;

/**
 * The financing pool against the real receivable token and loan manager, deployed exactly as
 * Ignition deploys them (policy: 80 % advance, 12 % discount, 1 % management and 10 % performance
 * fees, impair after 5 days, write off after 90).
 */
describe("Pool flows (real ReceivableToken, LoanManager; Ignition deployment)", function () {
  it("test_flow_depositFinancePayOnTime_sharePriceRisesSmoothly", async function () {
    const { networkHelpers, pool, receivables, signers, acknowledgedInvoice } = await deployProtocol();
    const { alice, sme, debtor } = signers;
    await pool.connect(alice).deposit(usd(50_000), alice.address);
    const tokenId = await acknowledgedInvoice(usd(50_000), 90);
    await expect(pool.connect(sme).finance(tokenId, 1)).to.emit(pool, "ReceivableFinanced");

    // Income accrues until the start of the due date's UTC day: sample the exit price daily until
    // then; it never drops.
    const asset0 = await pool.assetOf(tokenId);
    const accrualEnd = Number(asset0.dueDate) - (Number(asset0.dueDate) % DAY);
    const dailyAccrual =
      ((asset0.fee - asset0.performanceFee) * BigInt(DAY)) / (BigInt(accrualEnd) - asset0.financedAt) + 1n;
    const prices = [await pool.sharePrice()];
    while ((await networkHelpers.time.latest()) + DAY < accrualEnd) {
      await networkHelpers.time.increase(DAY);
      const price = await pool.sharePrice();
      expect(price).to.be.gte(prices[prices.length - 1], `day ${prices.length}`);
      prices.push(price);
    }
    expect(prices[prices.length - 1]).to.be.gt(prices[0]);
    // One day of accrual in share-price units (price = assets per 10^12 shares).
    const dayOfPrice = (dailyAccrual * 10n ** 12n) / (await pool.totalSupply()) + 2n;

    // The debtor pays in full on time: the pool keeps advance + fee, the SME gets the rest, and
    // the price moves by no more than one day of accrual in that block.
    const before = await pool.sharePrice();
    const smeBefore = await pool.maxWithdraw(sme.address); // 0: the SME holds no shares
    await expect(receivables.connect(debtor).pay(tokenId, usd(50_000)))
      .to.emit(pool, "ReceivablePaymentCollected")
      .and.to.emit(pool, "ReceivablePaymentForwarded");
    const after = await pool.sharePrice();
    const jump = after > before ? after - before : before - after;
    expect(jump).to.be.lte(dayOfPrice);
    expect(smeBefore).to.equal(0n);
    const asset = await pool.assetOf(tokenId);
    expect(asset.status).to.equal(3n); // Repaid
    expect((await pool.navBreakdown()).principalOutstanding).to.equal(0n);
  });

  it("test_flow_financeLateImpairWriteOffRecovery_navFollowsTheLossAndTheLockedRecovery", async function () {
    const { networkHelpers, pool, receivables, signers, acknowledgedInvoice } = await deployProtocol();
    const { alice, sme, debtor, poolManager } = signers;
    await pool.connect(alice).deposit(usd(20_000), alice.address);
    const tokenId = await acknowledgedInvoice(usd(10_000), 30);
    await pool.connect(sme).finance(tokenId, 1);
    const { advance } = await pool.assetOf(tokenId);

    // Late past the grace period: the pool manager impairs; exits are priced net of the loss.
    await networkHelpers.time.increase(36 * DAY);
    const priceBefore = await pool.sharePrice();
    const accrued = (await pool.navBreakdown()).accruedIncome;
    await expect(pool.connect(poolManager).impair(tokenId)).to.emit(pool, "AssetImpaired");
    // Principal and accrued income leave the exit price; the entry price keeps the income (F-5).
    const nav = await pool.navBreakdown();
    expect(nav.impaired).to.equal(advance + accrued);
    expect(nav.accruedIncome).to.equal(accrued);
    expect((await pool.aging()).impaired).to.equal(advance);
    expect(await pool.sharePrice()).to.be.lt(priceBefore);
    expect(nav.grossAssets - nav.netAssets).to.equal(advance + accrued);

    // Past the default delay: write-off realizes the loss and defaults the token; the accrued
    // income impairment held out of the exit price leaves the entry price too, and the event says so.
    await networkHelpers.time.increase(90 * DAY);
    await expect(pool.connect(poolManager).writeOff(tokenId))
      .to.emit(pool, "AssetWrittenOff")
      .withArgs(tokenId, poolManager.address, advance, accrued);
    expect((await pool.navBreakdown()).accruedIncome).to.equal(0n);
    expect((await receivables.receivable(tokenId)).status).to.equal(6n); // Defaulted
    const aging = await pool.aging();
    expect(aging.writtenOff).to.equal(advance);
    expect(aging.impaired).to.equal(0n);
    const navAfterLoss = await pool.totalAssets();

    // The debtor finally pays part: all of it is a recovery, back into NAV.
    await expect(receivables.connect(debtor).pay(tokenId, usd(3_000)))
      .to.emit(pool, "ReceivablePaymentCollected")
      .withArgs(tokenId, debtor.address, 0n, 0n, usd(3_000), 0n);
    // It is locked when it lands (finding F-10), then released into NAV over 7 days.
    expect((await pool.totalAssets()) - navAfterLoss).to.be.closeTo(0n, 100n);
    await networkHelpers.time.increase(7 * DAY);
    const navAfterRecovery = await pool.totalAssets();
    // All of it, less the management fee (nothing is deployed any more, so none accrues).
    expect(navAfterRecovery - navAfterLoss).to.be.closeTo(usd(3_000), 100n);
  });

  it("test_flow_keptAttestedPayment_anyoneRecordsSmeDefaultOnceAndWriteOffAddsNone", async function () {
    const { ethers, networkHelpers, pool, receivables, credit, signers, acknowledgedInvoice } = await deployProtocol();
    const { alice, bob, sme, servicer, poolManager } = signers;
    await pool.connect(alice).deposit(usd(20_000), alice.address);
    const tokenId = await acknowledgedInvoice(usd(10_000), 30);
    await pool.connect(sme).finance(tokenId, 1);
    // The debtor paid the SME by bank; the servicer attests it; the SME keeps the money.
    await receivables.connect(servicer).attestPayment(tokenId, usd(10_000), ethers.id("bank-ref"));
    const { attestedOwedBySme, dueDate } = await pool.assetOf(tokenId);
    const smeEntity = ethers.id("entity:sme");

    // From due date + the pool's 5-day grace anyone records it (the pool is a recorder, F-21).
    await networkHelpers.time.increaseTo(Number(dueDate) + 5 * DAY);
    await expect(pool.connect(bob).recordKeptPayment(tokenId))
      .to.emit(pool, "SmeDefaultRecorded")
      .withArgs(smeEntity, tokenId, bob.address, attestedOwedBySme, 0n)
      .and.to.emit(credit, "ReceivableRecorded");
    expect((await credit.recordOf(smeEntity)).receivablesDefaulted).to.equal(1n);
    await expect(pool.connect(bob).recordKeptPayment(tokenId)).to.be.revertedWithCustomError(
      pool,
      "PoolSmeDefaultAlreadyRecorded",
    );

    await networkHelpers.time.increaseTo(Number(dueDate) + 90 * DAY);
    await expect(pool.connect(poolManager).writeOff(tokenId)).not.to.emit(pool, "SmeDefaultRecorded");
    expect((await credit.recordOf(smeEntity)).receivablesDefaulted).to.equal(1n);
  });

  it("test_flow_overdueInvoice_exitPriceHaircutWithoutAnyCall", async function () {
    const { networkHelpers, pool, acknowledgedInvoice, signers } = await deployProtocol();
    const { alice, sme } = signers;
    await pool.connect(alice).deposit(usd(20_000), alice.address);
    const tokenId = await acknowledgedInvoice(usd(10_000), 30);
    await pool.connect(sme).finance(tokenId, 1);
    const { advance } = await pool.assetOf(tokenId);
    const policy = await pool.policy();
    await networkHelpers.time.increase(37 * DAY); // about a week past due: grace (5 days) is over
    // Nobody sent a transaction: the exit price already leaves out the first bucket's haircut.
    const nav = await pool.navBreakdown();
    const bps = BigInt(policy.agingHaircutBps[0]);
    expect(bps).to.equal(1_000n);
    expect(nav.agingHaircut).to.equal((advance * bps + 9_999n) / 10_000n);
    expect(nav.impaired).to.equal(0n);
    expect(nav.grossAssets - nav.netAssets).to.equal(nav.agingHaircut);
    expect(await pool.convertToAssets(await pool.totalSupply())).to.equal(nav.netAssets);
    expect((await pool.aging()).haircut).to.equal(nav.agingHaircut);
  });

  it("test_flow_redemptionQueue_filledByRepaymentThenClaimed", async function () {
    const { networkHelpers, pool, queue, stable, receivables, signers, acknowledgedInvoice } = await deployProtocol();
    const { alice, bob, sme, debtor } = signers;
    await pool.connect(alice).deposit(usd(10_000), alice.address);
    await pool.connect(bob).deposit(usd(2_000), bob.address);
    const tokenId = await acknowledgedInvoice(usd(12_000), 60);
    await pool.connect(sme).finance(tokenId, 1);
    const idle = await pool.idleCash();

    // Alice wants more than idle cash: she queues her shares.
    const shares = await pool.balanceOf(alice.address);
    expect(await pool.previewRedeem(shares)).to.be.gt(idle);
    await expect(queue.connect(alice).requestRedeem(shares, alice.address, alice.address))
      .to.emit(queue, "RedeemRequest")
      .withArgs(alice.address, alice.address, 0n, alice.address, shares);
    expect(await queue.pendingRedeemRequest(0, alice.address)).to.equal(shares);
    expect(await pool.balanceOf(await queue.getAddress())).to.equal(shares);
    // Anyone fills the queue from idle cash; the part it pays becomes claimable, not pushed.
    await pool.connect(bob).processQueue(10);
    const pending = await queue.pendingRedeemRequest(0, alice.address);
    expect(pending).to.be.gt(0n);
    expect(pending).to.be.lt(shares);

    // The debtor's payment lands: the queue is filled in the same transaction.
    await networkHelpers.time.increase(59 * DAY);
    await expect(receivables.connect(debtor).pay(tokenId, usd(12_000)))
      .to.emit(queue, "RedeemRequestFilled")
      .and.to.emit(pool, "RedemptionsFunded");
    expect(await queue.pendingRedeemRequest(0, alice.address)).to.equal(0n);
    expect(await queue.claimableRedeemRequest(0, alice.address)).to.equal(shares);

    const assets = await queue.maxWithdraw(alice.address);
    expect(assets).to.be.gt(usd(10_000)); // she earned her part of the discount fee
    expect(await stable.balanceOf(await queue.getAddress())).to.equal(assets);
    const balance = await stable.balanceOf(alice.address);
    await expect(queue.connect(alice).redeem(shares, alice.address, alice.address))
      .to.emit(queue, "Withdraw")
      .withArgs(alice.address, alice.address, alice.address, assets, shares);
    expect(await stable.balanceOf(alice.address)).to.equal(balance + assets);
    expect(await pool.balanceOf(alice.address)).to.equal(0n);
  });

  it("test_flow_poolFundedLoan_drawdownRepayClaim_navRisesByInterestOverTheUnlockWindow", async function () {
    const { ethers, networkHelpers, pool, loans, lens, signers } = await deployProtocol();
    const { alice, sme, underwriter, poolManager, bob } = signers;
    const principal = usd(12_000);
    await pool.connect(alice).deposit(usd(50_000), alice.address);
    await loans.connect(sme).request({
      principal,
      rateBps: 1_200,
      count: 3,
      period: MONTH,
      kind: 0,
      graceCount: 0,
      collateralToken: ethers.ZeroAddress,
      collateralId: 0,
      fundingDeadline: (await networkHelpers.time.latest()) + 7 * DAY,
    });
    const loanId = await loans.loanCount();
    await loans.connect(underwriter).approve(loanId, principal, 1_200);
    const manager = await loans.getAddress();

    const nav0 = await pool.totalAssets();
    await expect(pool.connect(poolManager).fundLoan(manager, loanId, principal))
      .to.emit(pool, "LoanFundedByPool")
      .and.to.emit(loans, "LoanFunded");
    expect(await pool.totalAssets()).to.be.closeTo(nav0, 100n); // cash became principal
    const notes = await ethers.getContractAt("LoanNotes", await loans.notes());
    expect(await notes.balanceOf(await pool.getAddress(), loanId)).to.equal(principal);
    await loans.connect(sme).drawdown(loanId);

    // Each installment on its due date; anyone (here Bob) claims for the pool.
    let interest = 0n;
    let netIncome = 0n;
    const rows = await lens.installments(loanId);
    for (const row of rows) {
      await networkHelpers.time.increaseTo(row.dueDate);
      await loans.connect(sme).repay(loanId, row.principal + row.interest);
      interest += row.interest;
      const before = await pool.totalAssets();
      const tx = await pool.connect(bob).claimLoan(manager, loanId);
      const receipt = await tx.wait();
      const event = receipt!.logs
        .map((log) => pool.interface.parseLog(log))
        .find((parsed) => parsed?.name === "LoanClaimedByPool")!;
      const [, , principalPart, income, , performanceFee] = event.args as unknown as bigint[];
      expect(principalPart).to.be.closeTo(row.principal, 1n);
      // `income` is the investors' part, net of the performance fee (finding F-15).
      expect(income + performanceFee).to.be.closeTo(row.interest, 1n);
      netIncome += income;
      // The claim does not lift NAV: its interest is locked and released over 7 days (F-10).
      expect((await pool.totalAssets()) - before).to.be.closeTo(0n, 100n);
      expect(await pool.lockedIncome()).to.be.gte(income);
    }
    await networkHelpers.time.increase(7 * DAY);
    expect(await pool.lockedIncome()).to.equal(0n);
    expect((await loans.loan(loanId)).status).to.equal(5n); // Repaid
    const position = await pool.loanPosition(manager, loanId);
    expect(position.status).to.equal(3n); // Closed
    expect(position.principal).to.equal(0n);
    expect(position.principalReceived).to.equal(principal);
    expect(position.income).to.be.closeTo(interest, 3n);
    expect(netIncome).to.be.gt(0n);
    const nav = await pool.navBreakdown();
    expect(nav.principalOutstanding).to.equal(0n);
    // Over the loan NAV gained the interest, less the performance and management fees.
    expect(await pool.totalAssets()).to.be.gt(nav0);
    expect(nav0 + netIncome - (await pool.totalAssets())).to.be.lt(usd(150)); // ~3 months of 1 % on 50k
  });
});
