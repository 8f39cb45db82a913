// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {IScheduleErrors} from "../../contracts/interfaces/IScheduleErrors.sol";
import {ScheduleBase} from "./ScheduleBase.sol";

contract ScheduleTest is ScheduleBase {
    uint256 internal constant RATE_DENOMINATOR = 10_000 * 365 days;
    /// @dev ceil(12,000e6 · 1200 · 30 days / (10,000 · 365 days)) = ceil(118,356,164.38).
    uint256 internal constant INTEREST_12K_MONTH = 118_356_165;

    // ---------------------------------------------------------------- hand-computed examples

    /// Exact annuity A = P·r / (1 − (1 + r)^−12) with r = 0.12 · 30/365 is 1,065,262,882.977; each
    /// row below is P − Σ parts (balance, rounded up) times r (rounded up) and its principal part.
    function test_installment_amortizingMatchesHandComputedTable() public view {
        uint256[12] memory principal = [
            uint256(946_906_718),
            956_246_073,
            965_677_540,
            975_202_032,
            984_820_462,
            994_533_760,
            1_004_342_861,
            1_014_248_707,
            1_024_252_257,
            1_034_354_470,
            1_044_556_323,
            1_054_858_797
        ];
        uint256[12] memory interest = [
            uint256(118_356_165),
            109_016_811,
            99_585_343,
            90_060_852,
            80_442_421,
            70_729_123,
            60_920_023,
            51_014_176,
            41_010_627,
            30_908_413,
            20_706_561,
            10_404_087
        ];
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        uint256 outstanding = USD_12K;
        for (uint256 i = 0; i < 12; ++i) {
            (uint256 due, uint256 p, uint256 it) = h.installment(t, i);
            assertEq(due, START + (i + 1) * MONTH, "due date");
            assertEq(p, principal[i], "principal part");
            assertEq(it, interest[i], "interest part");
            assertEq(it, _ceilMulDiv(outstanding, 1200 * MONTH, RATE_DENOMINATOR), "interest = ceil(balance * r)");
            // Exact payment 1,065,262,882.98: every computed one is 883 or 884.
            assertGe(p + it, 1_065_262_883);
            assertLe(p + it, 1_065_262_884);
            outstanding -= p;
            assertEq(h.principalOutstandingAfter(t, i), outstanding, "outstanding after");
        }
        assertEq(outstanding, 0);
    }

    function test_installment_interestOnlyBalloonPaysInterestThenAllPrincipal() public view {
        Schedule.Terms memory t = _example(Schedule.Kind.InterestOnlyBalloon, 0);
        for (uint256 i = 0; i < 11; ++i) {
            (, uint256 p, uint256 it) = h.installment(t, i);
            assertEq(p, 0);
            assertEq(it, INTEREST_12K_MONTH);
            assertEq(h.principalOutstandingAfter(t, i), USD_12K);
        }
        (uint256 due, uint256 lastP, uint256 lastI) = h.installment(t, 11);
        assertEq(due, START + 12 * MONTH);
        assertEq(lastP, USD_12K);
        assertEq(lastI, INTEREST_12K_MONTH);
        assertEq(h.principalOutstandingAfter(t, 11), 0);
    }

    /// ceil(12,000e6 · 12 % · 360/365) = ceil(1,420,273,972.6): simple interest for the whole term.
    function test_installment_bulletPaysEverythingAtMaturity() public view {
        Schedule.Terms memory t = _example(Schedule.Kind.Bullet, 0);
        for (uint256 i = 0; i < 11; ++i) {
            (uint256 due, uint256 p, uint256 it) = h.installment(t, i);
            assertEq(due, START + (i + 1) * MONTH);
            assertEq(p + it, 0, "checkpoints carry no obligation");
            assertEq(h.principalOutstandingAfter(t, i), USD_12K);
        }
        (, uint256 lastP, uint256 lastI) = h.installment(t, 11);
        assertEq(lastP, USD_12K);
        assertEq(lastI, 1_420_273_973);
        assertEq(h.principalOutstandingAfter(t, 11), 0);
    }

    function test_installment_bulletSingleInstallment() public view {
        Schedule.Terms memory t = _terms(USD_12K, 1200, 1, MONTH, Schedule.Kind.Bullet, 0);
        (uint256 due, uint256 p, uint256 it) = h.installment(t, 0);
        assertEq(due, START + MONTH);
        assertEq(p, USD_12K);
        assertEq(it, INTEREST_12K_MONTH);
    }

    /// Three interest-only installments, then a 9-installment annuity (exact payment 1,399,947,110.85).
    function test_installment_graceThenAmortizes() public view {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 3);
        for (uint256 i = 0; i < 3; ++i) {
            (, uint256 p, uint256 it) = h.installment(t, i);
            assertEq(p, 0);
            assertEq(it, INTEREST_12K_MONTH);
            assertEq(h.principalOutstandingAfter(t, i), USD_12K);
        }
        (, uint256 p3, uint256 i3) = h.installment(t, 3);
        assertEq(p3, 1_281_590_946);
        assertEq(i3, INTEREST_12K_MONTH);
        (, uint256 p11, uint256 i11) = h.installment(t, 11);
        assertEq(p11, 1_386_274_269);
        assertEq(i11, 13_672_843);
        for (uint256 i = 3; i < 12; ++i) {
            (, uint256 p, uint256 it) = h.installment(t, i);
            assertGe(p + it, 1_399_947_111);
            assertLe(p + it, 1_399_947_112);
        }
    }

    function test_installment_zeroRateIsLinearWithRemainderLast() public view {
        Schedule.Terms memory t = _terms(100, 0, 3, 1 days, Schedule.Kind.Amortizing, 0);
        uint256[3] memory expected = [uint256(33), 33, 34];
        for (uint256 i = 0; i < 3; ++i) {
            (, uint256 p, uint256 it) = h.installment(t, i);
            assertEq(p, expected[i]);
            assertEq(it, 0);
        }
    }

    /// One unit over three installments: cumulative principal is rounded down, so all of it is last.
    function test_installment_dustPrincipalGoesToLastInstallment() public view {
        Schedule.Terms memory t = _terms(1, 1200, 3, MONTH, Schedule.Kind.Amortizing, 0);
        (, uint256 p0, uint256 i0) = h.installment(t, 0);
        (, uint256 p1, ) = h.installment(t, 1);
        (, uint256 p2, uint256 i2) = h.installment(t, 2);
        assertEq(p0 + p1, 0);
        assertEq(p2, 1);
        assertEq(i0, 1, "interest on a unit rounds up to a unit");
        assertEq(i2, 1);
    }

    function test_installment_revertsOnIndexOutOfRange() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInstallmentOutOfRange.selector, 12, 12));
        h.installment(t, 12);
    }

    function test_installment_revertsOnInvalidTerms() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 12);
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleGraceTooLong.selector, 12, 12));
        h.installment(t, 0);
    }

    // ---------------------------------------------------------------- other views

    function test_principalOutstandingAfter_revertsOnIndexOutOfRange() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Bullet, 0);
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInstallmentOutOfRange.selector, 99, 12));
        h.principalOutstandingAfter(t, 99);
    }

    function test_principalOutstandingAfter_revertsOnInvalidTerms() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        t.principal = 0;
        vm.expectRevert(IScheduleErrors.ScheduleZeroPrincipal.selector);
        h.principalOutstandingAfter(t, 0);
    }

    function test_totalInterest_matchesHandComputedTotals() public view {
        assertEq(h.totalInterest(_example(Schedule.Kind.Amortizing, 0)), 783_154_602);
        assertEq(h.totalInterest(_example(Schedule.Kind.InterestOnlyBalloon, 0)), 12 * INTEREST_12K_MONTH);
        assertEq(h.totalInterest(_example(Schedule.Kind.Bullet, 0)), 1_420_273_973);
        assertEq(h.totalInterest(_example(Schedule.Kind.Amortizing, 3)), 954_592_497);
        assertEq(h.totalInterest(_terms(USD_12K, 0, 12, MONTH, Schedule.Kind.Amortizing, 0)), 0);
    }

    function test_totalInterest_revertsOnInvalidTerms() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        t.count = 0;
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInvalidCount.selector, 0, 1000));
        h.totalInterest(t);
    }

    function test_dueDate_isStartPlusWholePeriods() public view {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        assertEq(h.dueDate(t, 0), START + MONTH);
        assertEq(h.dueDate(t, 11), START + 12 * MONTH);
    }

    function test_dueDate_revertsOnIndexOutOfRange() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInstallmentOutOfRange.selector, 12, 12));
        h.dueDate(t, 12);
    }

    function test_installmentsDueBy_countsDueDatesReached() public view {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        assertEq(h.installmentsDueBy(t, 0), 0, "before start");
        assertEq(h.installmentsDueBy(t, START), 0);
        assertEq(h.installmentsDueBy(t, START + MONTH - 1), 0);
        assertEq(h.installmentsDueBy(t, START + MONTH), 1, "due at the due date itself");
        assertEq(h.installmentsDueBy(t, START + 5 * MONTH + 7), 5);
        assertEq(h.installmentsDueBy(t, START + 12 * MONTH), 12);
        assertEq(h.installmentsDueBy(t, type(uint256).max), 12, "capped at count");
    }

    function test_installmentsDueBy_revertsOnInvalidTerms() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        t.period = 0;
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.SchedulePeriodTooShort.selector, 0, 1 days));
        h.installmentsDueBy(t, START);
    }

    function test_periodInterestUp_roundsUp() public view {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        assertEq(h.periodInterestUp(t, USD_12K), INTEREST_12K_MONTH);
        assertEq(h.periodInterestUp(t, 1), 1);
        assertEq(h.periodInterestUp(t, 0), 0);
        t.rateBps = 0;
        assertEq(h.periodInterestUp(t, USD_12K), 0);
    }

    function test_periodInterestUp_revertsOnInvalidTerms() public {
        Schedule.Terms memory t = _example(Schedule.Kind.Amortizing, 0);
        t.rateBps = 10_001;
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleRateTooHigh.selector, 10_001, 10_000));
        h.periodInterestUp(t, 1);
    }

    // ---------------------------------------------------------------- late fee

    /// 1,000 USD late 10 days at 18 %/year: 1,000e6 · 0.18 · 10/365 = 4,931,506.8 → 4,931,507.
    function test_lateFeeUp_roundsUp() public view {
        assertEq(h.lateFeeUp(1_000e6, 10, 1800), 4_931_507);
        assertEq(h.lateFeeUp(1, 1, 1), 1, "any lateness on any amount costs at least a unit");
        assertEq(h.lateFeeUp(0, 10, 1800), 0);
        assertEq(h.lateFeeUp(1_000e6, 0, 1800), 0);
        assertEq(h.lateFeeUp(1_000e6, 365, 10_000), 1_000e6, "100 %/year for a year");
    }

    function test_lateFeeUp_acceptsBounds() public view {
        uint256 max = type(uint128).max;
        assertEq(h.lateFeeUp(max, 36_500, 10_000), max * 100);
    }

    function test_lateFeeUp_revertsOnAmountTooLarge() public {
        uint256 amount = uint256(type(uint128).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(IScheduleErrors.ScheduleAmountTooLarge.selector, amount, type(uint128).max)
        );
        h.lateFeeUp(amount, 1, 1);
    }

    function test_lateFeeUp_revertsOnDaysLateTooLarge() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleDaysLateTooLarge.selector, 36_501, 36_500));
        h.lateFeeUp(1, 36_501, 1);
    }

    function test_lateFeeUp_revertsOnRateTooHigh() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleLateFeeRateTooHigh.selector, 10_001, 10_000));
        h.lateFeeUp(1, 1, 10_001);
    }

    // ---------------------------------------------------------------- validate

    function test_validate_acceptsBoundaryTerms() public view {
        h.validate(_terms(1, 10_000, 1000, 365 days, Schedule.Kind.Amortizing, 999));
        h.validate(_terms(type(uint128).max, 0, 1, 1 days, Schedule.Kind.Bullet, 0));
    }

    function test_validate_revertsOnZeroPrincipal() public {
        vm.expectRevert(IScheduleErrors.ScheduleZeroPrincipal.selector);
        h.validate(_terms(0, 1200, 12, MONTH, Schedule.Kind.Amortizing, 0));
    }

    function test_validate_revertsOnZeroCount() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInvalidCount.selector, 0, 1000));
        h.validate(_terms(USD_12K, 1200, 0, MONTH, Schedule.Kind.Amortizing, 0));
    }

    function test_validate_revertsOnCountAboveMax() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInvalidCount.selector, 1001, 1000));
        h.validate(_terms(USD_12K, 1200, 1001, MONTH, Schedule.Kind.Amortizing, 0));
    }

    function test_validate_revertsOnPeriodTooShort() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.SchedulePeriodTooShort.selector, 1 days - 1, 1 days));
        h.validate(_terms(USD_12K, 1200, 12, 1 days - 1, Schedule.Kind.Amortizing, 0));
    }

    function test_validate_revertsOnPeriodTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.SchedulePeriodTooLong.selector, 365 days + 1, 365 days));
        h.validate(_terms(USD_12K, 1200, 12, 365 days + 1, Schedule.Kind.Amortizing, 0));
    }

    function test_validate_revertsOnRateTooHigh() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleRateTooHigh.selector, 10_001, 10_000));
        h.validate(_terms(USD_12K, 10_001, 12, MONTH, Schedule.Kind.Amortizing, 0));
    }

    function test_validate_revertsOnGraceTooLong() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleGraceTooLong.selector, 12, 12));
        h.validate(_terms(USD_12K, 1200, 12, MONTH, Schedule.Kind.Amortizing, 12));
    }

    function test_validate_revertsOnGraceForInterestOnly() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleGraceRequiresAmortizing.selector, 1, 2));
        h.validate(_terms(USD_12K, 1200, 12, MONTH, Schedule.Kind.InterestOnlyBalloon, 2));
    }

    function test_validate_revertsOnGraceForBullet() public {
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleGraceRequiresAmortizing.selector, 2, 1));
        h.validate(_terms(USD_12K, 1200, 12, MONTH, Schedule.Kind.Bullet, 1));
    }
}
