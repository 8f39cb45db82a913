import { expect } from "chai";
import type { EventLog } from "ethers";
import { DAY, deployProtocol, usd } from "./fixture.js";

const MONTH = 30 * DAY;

/**
 * LEDGER.md's pool rows, checked against the contract: after deposits, an advance, a debtor's
 * payment, a pool-funded loan drawn down, repaid and claimed, an exit and a fee payment, the pool's
 * cash, principal outstanding, fees owed and locked income rebuilt from its events alone equal
 * `navBreakdown()`.
 */
describe("LEDGER.md: the pool's books rebuilt from events alone", function () {
  it("test_ledger_poolBalancesRebuiltFromEventsMatchTheContract", async function () {
    const { ethers, networkHelpers, pool, queue, stable, loans, signers, receivables, acknowledgedInvoice } =
      await deployProtocol();
    const { alice, bob, sme, debtor, underwriter, poolManager } = signers;
    await pool.connect(alice).deposit(usd(100_000), alice.address);
    await pool.connect(bob).deposit(usd(20_000), bob.address);
    const invoice = await acknowledgedInvoice(usd(30_000), 45);
    await pool.connect(sme).finance(invoice, 1);
    await loans.connect(sme).request({
      principal: usd(12_000),
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
    if ((await loans.loan(loanId)).status === 1n) await loans.connect(underwriter).approve(loanId, usd(12_000), 1_200);
    await pool.connect(poolManager).fundLoan(await loans.getAddress(), loanId, usd(12_000));
    await loans.connect(sme).drawdown(loanId);
    await networkHelpers.time.increase(40 * DAY);
    // A queued exit: requested, filled by the debtor's payment, half claimed, the rest waiting.
    await queue.connect(alice).requestRedeem((await pool.balanceOf(alice.address)) / 10n, alice.address, alice.address);
    await receivables.connect(debtor).pay(invoice, usd(30_000));
    await queue.connect(alice).redeem((await queue.maxRedeem(alice.address)) / 2n, alice.address, alice.address);
    await loans.connect(sme).repay(loanId, usd(5_000));
    await pool.connect(bob).claimLoan(await loans.getAddress(), loanId);
    await pool.connect(bob).redeem(await pool.maxRedeem(bob.address), bob.address, bob.address);
    await pool.connect(bob).payFees();
    await networkHelpers.time.increase(2 * DAY);
    await pool.checkpoint(); // books the management fee accrued since the last write

    const sum = (logs: EventLog[], ...fields: string[]) =>
      logs.reduce((s, l) => s + fields.reduce((f, k) => f + (l.args[k] as bigint), 0n), 0n);
    const ev = async (name: string) =>
      (await pool.queryFilter(pool.getEvent(name as never), 0)) as unknown as EventLog[];
    const collected = await ev("ReceivablePaymentCollected");
    const claimed = await ev("LoanClaimedByPool");
    const parts = ["principal", "income", "recovery", "performanceFee"];
    const funded = await ev("RedemptionsFunded");
    const cash =
      sum(await ev("Deposit"), "assets") -
      sum(await ev("Withdraw"), "assets") -
      sum(funded, "assets") -
      sum(await ev("ReceivableFinanced"), "advance") +
      sum(collected, ...parts) -
      sum(await ev("LoanFundedByPool"), "amount") +
      sum(claimed, ...parts) +
      sum(await ev("LoanRefundedToPool"), "amount") -
      sum(await ev("FeesPaid"), "amount");
    const principal =
      sum(await ev("ReceivableFinanced"), "advance") -
      sum(collected, "principal") -
      sum(await ev("AssetWrittenOff"), "loss") +
      sum(await ev("LoanFundedByPool"), "amount") -
      sum(claimed, "principal") -
      sum(await ev("LoanRefundedToPool"), "amount") -
      sum(await ev("LoanPositionWrittenOff"), "loss");
    const feesOwed =
      sum(await ev("ManagementFeeAccrued"), "amount") +
      sum(collected, "performanceFee") +
      sum(claimed, "performanceFee") -
      sum(await ev("FeesPaid"), "amount");
    const locks = await ev("IncomeLocked");
    const last = locks[locks.length - 1];
    const lockedAt = (await last.getBlock()).timestamp;
    const end = Number(last.args.unlockEnd);
    const now = await networkHelpers.time.latest();
    const locked =
      now >= end ? 0n : (last.args.locked * BigInt(end - now) + BigInt(end - lockedAt) - 1n) / BigInt(end - lockedAt);

    const nav = await pool.navBreakdown();
    expect(cash, "cash").to.equal(nav.cash);
    expect(principal, "principal outstanding").to.equal(nav.principalOutstanding);
    expect(feesOwed, "fees owed").to.equal(nav.feesOwed);
    expect(locked, "locked income").to.equal(nav.lockedIncome);
    expect(locked).to.be.gt(0n); // the loan's interest is still being released
    expect(sum(await ev("ManagementFeeAccrued"), "amount")).to.be.gt(0n);

    // The redemption queue's rows: pending shares per controller and the cash it holds.
    const qev = async (name: string) =>
      (await queue.queryFilter(queue.getEvent(name as never), 0)) as unknown as EventLog[];
    const requested = await qev("RedeemRequest");
    const filled = await qev("RedeemRequestFilled");
    const pending =
      sum(requested, "shares") - sum(filled, "shares") - sum(await qev("RedeemRequestCancelled"), "shares");
    expect(pending, "pending").to.equal(await queue.pendingRedeemRequest(0, alice.address));
    const held = sum(funded, "assets") - sum(await qev("Withdraw"), "assets");
    expect(held, "queue cash").to.equal(await stable.balanceOf(await queue.getAddress()));
    expect(held, "queue cash").to.equal(await queue.maxWithdraw(alice.address));
    expect(held).to.be.gt(0n);
    expect(sum(funded, "assets")).to.equal(sum(filled, "assets"));
  });
});
