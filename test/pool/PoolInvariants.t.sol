// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

// The handler tries actions that policy may refuse and swallows those reverts on purpose; the
// donation is a plain transfer to the pool, so no reentrancy.
// solhint-disable no-empty-blocks, reentrancy

import {Test} from "forge-std/Test.sol";
import {PoolBase} from "./PoolBase.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {RedemptionQueue} from "../../contracts/pool/RedemptionQueue.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {ReceivableTokenDouble} from "./ReceivableTokenDouble.sol";
import {SharesMath} from "../../contracts/libraries/SharesMath.sol";
import {DiscountMath} from "../../contracts/libraries/DiscountMath.sol";
import {HaircutOracle} from "./HaircutOracle.sol";

/// @notice Drives the pool with investors, SMEs, debtors and a donating attacker; keeps ghost totals.
contract PoolHandler is Test {
    FinancingPool internal pool;
    RedemptionQueue internal queue;
    DemoUSD internal usd;
    ReceivableTokenDouble internal rcv;
    address[2] internal investors;
    address internal sme;
    address internal debtor;
    uint256[] public ids;
    uint256 public deposited;
    uint256 public withdrawn;
    uint256 public donated;
    uint256 public received; // everything debtors paid the pool and it kept
    uint256 public forwarded;
    uint256 public roundTripProfit;

    constructor(
        FinancingPool pool_,
        DemoUSD usd_,
        ReceivableTokenDouble rcv_,
        address a,
        address b,
        address sme_,
        address debtor_
    ) {
        pool = pool_;
        queue = RedemptionQueue(pool_.redemptionQueue());
        usd = usd_;
        rcv = rcv_;
        investors = [a, b];
        sme = sme_;
        debtor = debtor_;
    }

    function deposit(uint256 who, uint256 assets) external {
        address inv = investors[who % 2];
        assets = bound(assets, 1e6, 200_000e6);
        usd.mint(inv, assets);
        vm.startPrank(inv);
        usd.approve(address(pool), assets);
        pool.deposit(assets, inv);
        vm.stopPrank();
        deposited += assets;
    }

    function redeem(uint256 who, uint256 shares) external {
        address inv = investors[who % 2];
        uint256 max = pool.maxRedeem(inv);
        if (max == 0) return;
        shares = bound(shares, 1, max);
        vm.prank(inv);
        try pool.redeem(shares, inv, inv) returns (uint256 assets) {
            withdrawn += assets;
        } catch {}
    }

    function roundTrip(uint256 assets) external {
        address inv = investors[0];
        assets = bound(assets, 1e6, 100_000e6);
        usd.mint(inv, assets);
        vm.startPrank(inv);
        usd.approve(address(pool), assets);
        uint256 shares = pool.deposit(assets, inv);
        deposited += assets;
        // Instant exit may be refused while the queue holds the idle cash; the shares then stay.
        try pool.redeem(shares, inv, inv) returns (uint256 back) {
            withdrawn += back;
            if (back > assets) roundTripProfit += back - assets;
        } catch {}
        vm.stopPrank();
    }

    function finance(uint128 face, uint256 tenor) external {
        face = uint128(bound(face, 100e6, 50_000e6));
        tenor = bound(tenor, 2 days, 170 days);
        uint256 id = rcv.mintAcknowledged(
            sme,
            debtor,
            address(usd),
            face,
            uint40(block.timestamp + tenor),
            keccak256("entity:sme"),
            keccak256("entity:debtor")
        );
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        try pool.finance(id, 0) {
            ids.push(id);
        } catch {}
        vm.stopPrank();
    }

    function pay(uint256 which, uint128 amount) external {
        if (ids.length == 0) return;
        uint256 id = ids[which % ids.length];
        uint128 left = rcv.outstanding(id);
        if (left == 0) return;
        amount = uint128(bound(amount, 1, left));
        usd.mint(debtor, amount);
        uint256 smeBefore = usd.balanceOf(sme);
        vm.startPrank(debtor);
        usd.approve(address(rcv), amount);
        try rcv.pay(id, amount) {
            uint256 fwd = usd.balanceOf(sme) - smeBefore;
            forwarded += fwd;
            received += amount - fwd;
        } catch {}
        vm.stopPrank();
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 20 days));
    }

    function impairOverdue(uint256 which) external {
        if (ids.length == 0) return;
        try pool.impairOverdue(ids[which % ids.length]) {} catch {}
    }

    function donate(uint256 amount) external {
        amount = bound(amount, 1, 1_000_000e6);
        usd.mint(address(this), amount);
        usd.transfer(address(pool), amount);
        donated += amount;
    }

    function requestRedeem(uint256 who, uint256 shares) external {
        address inv = investors[who % 2];
        uint256 bal = pool.balanceOf(inv);
        if (bal == 0) return;
        shares = bound(shares, 1, bal);
        vm.prank(inv);
        try queue.requestRedeem(shares, inv, inv) {} catch {}
    }

    function processAndClaim(uint256 who) external {
        pool.processQueue(5);
        address inv = investors[who % 2];
        uint256 claimable = queue.maxRedeem(inv);
        if (claimable == 0) return;
        vm.prank(inv);
        withdrawn += queue.redeem(claimable, inv, inv);
    }

    function idsLength() external view returns (uint256) {
        return ids.length;
    }
}

contract PoolInvariantsTest is PoolBase {
    PoolHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new PoolHandler(pool, usd, rcv, alice, bob, sme, debtor);
        usd.transferOwnership(address(handler)); // the handler mints what its actors spend
        targetContract(address(handler));
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.agingHaircutBps = [uint16(1_000), 2_500, 5_000, 10_000];
        _setPolicy(p);
    }

    /// No early exit shifts a known loss (finding F-22): the exit price never exceeds gross NAV
    /// less impairments and the brute-force ageing haircut of every overdue, unimpaired invoice.
    function invariant_exitNeverShiftsKnownLoss() public view {
        uint256[] memory all = new uint256[](handler.idsLength());
        for (uint256 i = 0; i < all.length; ++i) all[i] = handler.ids(i);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        uint256 haircut = HaircutOracle.total(pool, all);
        assertEq(n.agingHaircut, haircut, "incremental haircut == brute force");
        uint256 minus = n.impaired + haircut;
        uint256 floor = n.grossAssets > minus ? n.grossAssets - minus : 0;
        assertLe(pool.convertToAssets(pool.totalSupply()), floor, "exit value <= gross - impaired - haircut");
    }

    /// balance − donations == deposits − withdrawals − advances + kept payments; with principal:
    /// cash + principal outstanding == deposits − withdrawals + income − losses (no fees configured).
    function invariant_conservation() public view {
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(usd.balanceOf(address(pool)), n.cash + handler.donated(), "balance = booked cash + donations");
        uint256 heldForClaims = usd.balanceOf(address(queue)); // filled, not yet claimed
        uint256 advanced;
        uint256 fees;
        for (uint256 i = 0; i < handler.idsLength(); ++i) {
            IFinancingPool.Asset memory a = pool.assetOf(handler.ids(i));
            advanced += a.advance;
            fees += a.fee;
        }
        assertEq(
            // Withdrawals may exceed deposits once income is earned: keep both sides additive.
            n.cash + advanced + heldForClaims + handler.withdrawn(),
            handler.deposited() + handler.received(),
            "cash flows conserve"
        );
        assertLe(handler.received(), advanced + fees);
    }

    function invariant_sharesBackedByNetAssets() public view {
        assertLe(pool.convertToAssets(pool.totalSupply()), pool.totalAssets());
        uint256 sum = pool.balanceOf(alice) + pool.balanceOf(bob) + pool.balanceOf(address(queue));
        assertEq(sum, pool.totalSupply(), "all shares accounted for");
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(pool.balanceOf(address(queue)), n.pendingRedeemShares, "escrow == pending");
        uint256 pending = queue.pendingRedeemRequest(0, alice) + queue.pendingRedeemRequest(0, bob);
        assertEq(pending, n.pendingRedeemShares, "pending per controller adds up to the escrow");
    }

    /// The handler's actions really move money (they are not all silently refused).
    function test_handler_exercisesEveryFlow() public {
        handler.deposit(0, 150_000e6);
        handler.finance(10_000e6, 30 days);
        handler.finance(20_000e6, 60 days);
        assertEq(handler.idsLength(), 2);
        handler.roundTrip(1_000e6);
        handler.requestRedeem(0, type(uint256).max);
        handler.donate(5e6);
        handler.warp(20 days);
        handler.pay(0, type(uint128).max);
        handler.processAndClaim(0);
        assertGt(handler.received(), 0);
        assertGt(handler.withdrawn(), 0);
        invariant_conservation();
        invariant_sharesBackedByNetAssets();
        invariant_exposureWithinLimits();
    }

    function invariant_roundTripsNeverProfit() public view {
        assertEq(handler.roundTripProfit(), 0);
    }

    function invariant_exposureWithinLimits() public view {
        IFinancingPool.Policy memory p = pool.policy();
        assertLe(pool.debtorExposure(DEBTOR_CO), p.maxDebtorExposure);
        assertLe(pool.smeExposure(SME_CO), p.maxSmeExposure);
        assertEq(pool.debtorExposure(DEBTOR_CO), pool.navBreakdown().principalOutstanding);
    }

    function invariant_financedAtMostOnceAndHeldByPool() public view {
        for (uint256 i = 0; i < handler.idsLength(); ++i) {
            assertEq(rcv.ownerOf(handler.ids(i)), address(pool));
        }
    }
}

contract PoolFuzzTest is PoolBase {
    function testFuzz_sharesMath_roundTripNeverProfits(uint256 assets, uint256 total, uint256 supply) public pure {
        total = bound(total, 0, 1e30);
        supply = bound(supply, 0, 1e36);
        assets = bound(assets, 0, 1e30);
        uint256 shares = SharesMath.toSharesDown(assets, total, supply, 1e6);
        uint256 back = SharesMath.toAssetsDown(shares, total + assets, supply + shares, 1e6);
        assertLe(back, assets);
        assertGe(SharesMath.toSharesUp(assets, total, supply, 1e6), shares);
    }

    function testFuzz_discount_feeUpAdvanceDown(uint128 face, uint16 rate, uint32 tenor, uint16 adv) public pure {
        rate = uint16(bound(rate, 0, 10_000));
        adv = uint16(bound(adv, 1, 10_000));
        tenor = uint32(bound(tenor, 1, 730 days));
        uint256 fee = DiscountMath.feeUp(face, rate, tenor);
        uint256 exact = uint256(face) * rate * tenor;
        assertGe(fee * 10_000 * 365 days, exact);
        assertLt((fee == 0 ? 0 : fee - 1) * 10_000 * 365 days, exact + (fee == 0 ? 1 : 0));
        uint256 advance = DiscountMath.advanceDown(face, adv, fee);
        if (advance != 0) assertLe(advance + fee, face);
    }

    function testFuzz_finance_advancePlusFeeNeverExceedsFace(uint128 face, uint256 tenor) public {
        face = uint128(bound(face, 100e6, 200_000e6));
        tenor = bound(tenor, 2 days, 180 days);
        _deposit(alice, 500_000e6);
        (uint256 id, uint256 advance) = _financeNew(face, tenor);
        IFinancingPool.Asset memory a = pool.assetOf(id);
        assertEq(a.advance, advance);
        assertLe(a.advance + a.fee, face);
    }

    /// Deposit right before an on-time repayment, redeem right after: no profit.
    function testFuzz_repaymentSandwich_noProfit(uint256 amount) public {
        amount = bound(amount, 1e6, 1_000_000e6);
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR - 1 hours);
        uint256 shares = _deposit(bob, amount);
        _pay(debtor, id, FACE);
        vm.prank(bob);
        uint256 back = pool.redeem(shares, bob, bob);
        assertLe(back, amount);
    }

    function testFuzz_managementFee_isExactOnPrincipalOutstanding(uint256 elapsed) public {
        elapsed = bound(elapsed, 1, 3 * 365 days);
        IFinancingPool.NavBreakdown memory before = _feePoolWithOneAsset();
        vm.warp(block.timestamp + elapsed);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        uint256 expected = (before.principalOutstanding * 300 * elapsed) / (10_000 * 365 days);
        assertEq(n.feesOwed - before.feesOwed, expected, "fee = principal x rate x time, floored");
    }

    function test_managementFee_notChargedOnIdleCash() public {
        _setManagementFee(300);
        _deposit(alice, 100_000e6);
        vm.warp(block.timestamp + 365 days);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.feesOwed, 0);
        assertEq(n.grossAssets, 100_000e6);
    }

    /// Deposits and exits write no checkpoint; the fee they leave behind must equal the fee of
    /// the same span with no entry or exit in between, to the unit.
    function testFuzz_managementFee_sameWhetherInvestorsEnterOrLeave(uint256 t1, uint256 t2, uint256 amount) public {
        t1 = bound(t1, 1, 90 days);
        t2 = bound(t2, 1, 90 days);
        amount = bound(amount, 1e6, 1_000_000e6);
        IFinancingPool.NavBreakdown memory before = _feePoolWithOneAsset();
        vm.warp(block.timestamp + t1);
        uint256 shares = _deposit(bob, amount);
        vm.warp(block.timestamp + t2);
        vm.prank(bob);
        pool.redeem(shares / 2, bob, bob);
        uint256 expected = (before.principalOutstanding * 300 * (t1 + t2)) / (10_000 * 365 days);
        assertEq(pool.navBreakdown().feesOwed - before.feesOwed, expected);
    }

    function _setManagementFee(uint16 bps) private {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.managementFeeBps = bps;
        _setPolicy(p);
    }

    /// A 3 % management fee, 100,000 deposited and one invoice financed; the books right after.
    function _feePoolWithOneAsset() private returns (IFinancingPool.NavBreakdown memory) {
        _setManagementFee(300);
        _deposit(alice, 100_000e6);
        _financeNew(FACE, TENOR);
        return pool.navBreakdown();
    }
}
