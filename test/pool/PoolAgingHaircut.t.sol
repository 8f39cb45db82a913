// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

// The fuzz tries actions policy may refuse and swallows those reverts on purpose.
// solhint-disable no-empty-blocks

import {PoolBase} from "./PoolBase.sol";
import {HaircutOracle} from "./HaircutOracle.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";

/// @notice Ageing haircut (finding F-22): overdue, unimpaired principal leaves the exit price by
/// lateness without anyone acting; entries stay at gross.
contract PoolAgingHaircutTest is PoolBase {
    uint256 internal constant DAY = 1 days;
    uint256[] internal ids;

    function setUp() public override {
        super.setUp();
        _setPolicy(_haircutPolicy());
        _deposit(alice, 200_000e6);
    }

    function _haircutPolicy() internal pure returns (IFinancingPool.Policy memory p) {
        p = _defaultPolicy();
        p.agingHaircutBps = [uint16(1_000), 2_500, 5_000, 10_000];
    }

    /// @dev Finances an invoice due in `tenor`; returns its id, advance and due day.
    function _open(uint128 face, uint256 tenor) internal returns (uint256 id, uint256 advance, uint256 dueDay) {
        (id, advance) = _financeNew(face, tenor);
        ids.push(id);
        dueDay = pool.assetOf(id).dueDate / DAY;
    }

    /// @dev Warps to mid-morning of the day `late` days after `dueDay`.
    function _warpLate(uint256 dueDay, uint256 late) internal {
        vm.warp((dueDay + late) * DAY + 1 hours);
    }

    function _ceilBps(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return (amount * bps + 9_999) / 10_000;
    }

    function _assertConsistent() internal view {
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.agingHaircut, HaircutOracle.total(pool, ids), "incremental haircut == brute force");
        assertEq(n.netAssets, n.grossAssets - n.impaired - n.agingHaircut, "net = gross - impaired - haircut");
        assertEq(pool.aging().haircut, n.agingHaircut, "aging view reports the same haircut");
        // All shares exit at net (virtual shares keep a unit or so, rounded down).
        assertLe(pool.convertToAssets(pool.totalSupply()), n.netAssets, "exit price is net");
        assertGe(pool.convertToAssets(pool.totalSupply()) + 2, n.netAssets, "exit price is net");
        assertEq(pool.totalAssets(), n.grossAssets, "entry price is gross");
    }

    function test_redeem_exitPriceHaircutsOverdueInvoiceWithoutAnyCall() public {
        (, uint256 advance, uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 6); // grace (5 days) over: 10 %
        // No checkpoint, no impairment: nobody has acted since financing.
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.impaired, 0, "nobody impaired it");
        assertEq(n.agingHaircut, _ceilBps(advance, 1_000));
        uint256 shares = pool.balanceOf(alice) / 10;
        uint256 expected = pool.convertToAssets(shares);
        assertLe(expected, ((n.grossAssets - n.agingHaircut) * shares) / pool.totalSupply() + 1);
        vm.prank(alice);
        uint256 got = pool.redeem(shares, alice, alice);
        assertEq(got, expected, "the exit is paid at the haircut price");
        assertLt(got, (n.grossAssets * shares) / pool.totalSupply(), "less than the gross price");
        _assertConsistent();
    }

    function test_navBreakdown_haircutBucketBoundaries() public {
        (, uint256 advance, uint256 dueDay) = _open(FACE, TENOR);
        uint256[10] memory lates = [uint256(0), 1, 5, 6, 30, 31, 60, 61, 90, 91];
        uint256[10] memory bps = [uint256(0), 0, 0, 1_000, 1_000, 2_500, 2_500, 5_000, 5_000, 10_000];
        for (uint256 i = 0; i < lates.length; ++i) {
            _warpLate(dueDay, lates[i]);
            assertEq(pool.navBreakdown().agingHaircut, _ceilBps(advance, bps[i]), "bucket");
            _assertConsistent();
        }
        vm.warp(block.timestamp + 400 days);
        assertEq(pool.navBreakdown().agingHaircut, advance, "100 % stays 100 %");
    }

    function test_navBreakdown_haircutStartsOnlyAfterGrace() public {
        IFinancingPool.Policy memory p = _haircutPolicy();
        p.gracePeriod = 40 days;
        p.publicImpairDelay = 40 days;
        _setPolicy(p);
        (, uint256 advance, uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 40);
        assertEq(pool.navBreakdown().agingHaircut, 0, "within grace: no haircut");
        _warpLate(dueDay, 41);
        assertEq(pool.navBreakdown().agingHaircut, _ceilBps(advance, 2_500), "first bucket past grace is 31-60");
        _assertConsistent();
    }

    function test_checkpoint_booksHaircutSoExitsWalkNothing() public {
        (, uint256 advance, uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 35);
        pool.checkpoint();
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.agingHaircut, _ceilBps(advance, 2_500));
        assertEq(n.impaired, 0, "the haircut is reported apart from impairments");
        _assertConsistent();
    }

    function test_pay_lateRemovesHaircutAndRaisesExitByValueReceived() public {
        (uint256 id, uint256 advance, uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 20);
        pool.checkpoint();
        uint256 netBefore = pool.navBreakdown().netAssets;
        uint256 grossBefore = pool.totalAssets();
        _pay(debtor, id, uint128(advance / 2));
        assertEq(pool.navBreakdown().agingHaircut, _ceilBps(advance - advance / 2, 1_000), "half left, half cut");
        _assertConsistent();
        _pay(debtor, id, FACE - uint128(advance / 2));
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.agingHaircut, 0, "paid: no haircut left");
        assertEq(n.netAssets, n.grossAssets);
        assertLe(n.netAssets - netBefore, _ceilBps(advance, 1_000), "the exit price rose by the haircut at most");
        assertApproxEqAbs(n.grossAssets, grossBefore, 2, "the entry price did not move");
        _assertConsistent();
    }

    function test_pay_onTimeLeavesHaircutUntouched() public {
        (, , uint256 lateDay) = _open(FACE, 20 days);
        (uint256 id, , ) = _open(FACE, TENOR);
        _warpLate(lateDay, 10);
        uint256 before = pool.navBreakdown().agingHaircut;
        assertGt(before, 0);
        _pay(debtor, id, FACE); // early: nothing of it is in the haircut
        assertEq(pool.navBreakdown().agingHaircut, before);
        _assertConsistent();
    }

    function test_impair_doesNotDoubleCountHaircut() public {
        (uint256 id, uint256 advance, uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 40);
        IFinancingPool.NavBreakdown memory before = pool.navBreakdown();
        assertEq(before.agingHaircut, _ceilBps(advance, 2_500));
        pool.impairOverdue(id);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.agingHaircut, 0, "impaired principal left the haircut");
        assertEq(n.grossAssets - n.netAssets, advance + before.accruedIncome, "counted once, in full");
        IFinancingPool.Aging memory g = pool.aging();
        assertEq(g.impaired, advance);
        assertEq(g.late31To60, 0, "buckets hold unimpaired principal");
        assertEq(g.late90Plus, 0, "impaired principal is not 90+ late");
        _assertConsistent();
        // Written off from impaired: nothing moves in the haircut either.
        vm.warp(block.timestamp + 60 days);
        vm.prank(poolManager);
        pool.writeOff(id);
        assertEq(pool.aging().impaired, 0);
        _assertConsistent();
    }

    function test_writeOff_unimpairedDropsItsHaircut() public {
        (uint256 id, , uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 95);
        assertGt(pool.navBreakdown().agingHaircut, 0);
        vm.prank(poolManager);
        pool.writeOff(id);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.agingHaircut, 0);
        assertEq(n.netAssets, n.grossAssets);
        _assertConsistent();
    }

    function test_setPolicy_recomputesHaircut() public {
        _setPolicy(_defaultPolicy()); // no haircut
        (, uint256 a1, uint256 d1) = _open(FACE, 10 days);
        _open(FACE, 50 days);
        _open(FACE, 100 days);
        _warpLate(d1, 130); // 130, 90 and 40 days late
        pool.checkpoint();
        assertEq(pool.navBreakdown().agingHaircut, 0);
        uint256 netNoHaircut = pool.navBreakdown().netAssets;
        _setPolicy(_haircutPolicy());
        uint256 h = pool.navBreakdown().agingHaircut;
        assertEq(h, HaircutOracle.total(pool, ids));
        assertGe(h, a1, "the 90+ invoice is cut in full");
        assertEq(pool.aging().late90Plus, a1);
        _assertConsistent();
        vm.warp(block.timestamp + 3 days);
        _assertConsistent();
        _setPolicy(_defaultPolicy());
        assertEq(pool.navBreakdown().agingHaircut, 0);
        assertEq(pool.navBreakdown().netAssets, pool.navBreakdown().grossAssets, "no haircut, no impairment");
        assertGt(pool.navBreakdown().netAssets, netNoHaircut - 1);
    }

    function test_setPolicy_revertsOnInvalidAgingHaircut() public {
        IFinancingPool.Policy memory p = _haircutPolicy();
        p.agingHaircutBps[2] = 2_000;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolInvalidAgingHaircut.selector, 2, 2_000, 2_500));
        pool.setPolicy(p);
        p = _haircutPolicy();
        p.agingHaircutBps[3] = 10_001;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolInvalidAgingHaircut.selector, 3, 10_001, 5_000));
        pool.setPolicy(p);
    }

    function test_deposit_entryPriceIgnoresHaircut() public {
        (, , uint256 dueDay) = _open(FACE, TENOR);
        _warpLate(dueDay, 45);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertGt(n.agingHaircut, 0);
        uint256 shares = pool.previewDeposit(1_000e6);
        assertEq(shares, (1_000e6 * (pool.totalSupply() + 1e6)) / (n.grossAssets + 1), "entry pays gross");
    }

    /// Random financings, partial and full payments (late or not), impairments, checkpoints,
    /// policy changes and time steps: the incremental haircut equals the brute-force one.
    function testFuzz_agingHaircut_incrementalMatchesBruteForce(uint256 seed) public {
        for (uint256 step = 0; step < 24; ++step) {
            uint256 r = uint256(keccak256(abi.encode(seed, step)));
            uint256 action = r % 7;
            r >>= 8;
            if (action == 0 || ids.length == 0) {
                _open(uint128(bound(r, 1_000e6, 20_000e6)), bound(r >> 64, 2 days, 170 days));
            } else if (action == 1) {
                vm.warp(block.timestamp + bound(r, 0, 45 days));
            } else if (action == 2) {
                uint256 id = ids[r % ids.length];
                uint128 left = rcv.outstanding(id);
                if (left != 0) _pay(debtor, id, uint128(bound(r >> 64, 1, left)));
            } else if (action == 3) {
                pool.checkpoint();
            } else if (action == 4) {
                try pool.impairOverdue(ids[r % ids.length]) {} catch {}
            } else if (action == 5) {
                IFinancingPool.Policy memory p = _haircutPolicy();
                p.gracePeriod = uint32(bound(r, 0, 30 days));
                p.publicImpairDelay = 30 days;
                uint16 a = uint16(bound(r >> 40, 0, 10_000));
                uint16 b = uint16(bound(r >> 60, a, 10_000));
                p.agingHaircutBps = [a, b, b, uint16(bound(r >> 80, b, 10_000))];
                _setPolicy(p);
            } else {
                vm.warp(block.timestamp + bound(r, 0, 3 days));
                vm.prank(alice);
                try pool.redeem(1e6, alice, alice) {} catch {}
            }
            _assertConsistent();
        }
    }

    /// Open finding O-5 (THREAT_MODEL.md): queued exits are filled at the exit price of the moment
    /// they are filled, and anyone may fill them (`processQueue`), so a depositor can have them
    /// filled at the haircut price just before a payment lifts the haircut and keep part of what
    /// they forfeit. Pinned here: the gain exists, and it never exceeds the depositor's share of
    /// what the queued shares forfeited (their haircut), so nothing else leaks.
    function test_processQueue_sandwichGainBoundedByForfeitedHaircut() public {
        (uint256 id, , uint256 dueDay) = _open(100_000e6, TENOR);
        uint256 bobShares = _deposit(bob, 100_000e6);
        _warpLate(dueDay, 91); // 90+ days late: 100 % haircut on the advance
        vm.prank(bob);
        queue.requestRedeem(bobShares, bob, bob);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        uint256 supply = pool.totalSupply();
        // What bob's shares forfeit if filled now: their part of the haircut.
        uint256 forfeit = (n.agingHaircut * bobShares) / supply + 1;

        address carol = makeAddr("carol");
        _verifyAs(carol, 4, keccak256("entity:carol")); // PartyRoles.INVESTOR
        uint256 paid = 300_000e6;
        uint256 carolShares = _deposit(carol, paid);
        vm.prank(carol);
        pool.processQueue(10); // bob filled at the haircut price
        assertEq(queue.pendingRedeemRequest(0, bob), 0);
        _pay(debtor, id, 100_000e6); // the haircut is lifted
        vm.prank(carol);
        uint256 back = pool.redeem(carolShares, carol, carol);
        assertGt(back, paid, "the open finding: a gain exists");
        uint256 bound = (forfeit * carolShares) / (supply - bobShares + carolShares) + 2;
        assertLe(back - paid, bound, "never more than carol's share of what bob forfeited");
    }
}
