// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {LoanMath} from "../../contracts/loans/LoanMath.sol";

/// @notice Property tests of the repayment waterfall on the pure math (any kind, rate, count,
/// grace, payment sizes and times): conservation of principal, waterfall order, fee monotonicity.
contract LoanMathFuzzTest is Test {
    uint40 internal constant START = 1_800_000_000;
    uint256 internal constant FEE_BPS = 3650;
    uint256 internal constant GRACE = 3 days;

    function _terms(uint256 seed, uint256 principal) internal pure returns (Schedule.Terms memory t) {
        t.principal = uint128(bound(principal, 1, 1e15));
        t.rateBps = uint16(bound(seed, 0, Schedule.MAX_RATE_BPS));
        t.count = uint16(bound(seed >> 16, 1, 24));
        t.period = uint32(bound(seed >> 32, Schedule.MIN_PERIOD, 90 days));
        t.kind = Schedule.Kind((seed >> 64) % 3);
        t.graceCount = t.kind == Schedule.Kind.Amortizing ? uint16(bound(seed >> 72, 0, t.count - 1)) : 0;
        t.start = START;
    }

    function _fresh() internal pure returns (LoanMath.Progress memory s) {
        s.feesAccruedTo = START;
    }

    function _pay(
        Schedule.Terms memory t,
        LoanMath.Progress memory s,
        uint256 amount,
        uint256 nowT
    ) internal pure returns (LoanMath.Split memory split) {
        LoanMath.accrueFees(t, s, nowT, FEE_BPS, GRACE);
        split = LoanMath.applyPayment(t, s, amount, nowT, GRACE);
    }

    /// Σ principal repaid ≤ principal at every step, and == principal once paid off; fees are paid
    /// before interest or principal; prepayment only once everything through the running row is paid.
    function testFuzz_applyPayment_conservesPrincipalAndOrder(
        uint256 seed,
        uint256 principal,
        uint256[4] memory amounts,
        uint256[4] memory gaps
    ) public pure {
        Schedule.Terms memory t = _terms(seed, principal);
        LoanMath.Progress memory s = _fresh();
        uint256 nowT = START;
        uint256 principalPaid;
        for (uint256 n = 0; n < 4 && s.head < t.count; ++n) {
            nowT += bound(gaps[n], 0, uint256(t.period) * 2);
            uint256 amount = bound(amounts[n], 1, uint256(t.principal) * 2);
            uint256 headBefore = s.head;
            LoanMath.Split memory split = _pay(t, s, amount, nowT);
            uint256 used = split.fees + split.interest + split.principal + split.prepaid;
            assertLe(used, amount);
            if (split.interest + split.principal + split.prepaid > 0) assertEq(s.fees, 0, "fees first");
            if (used < amount) assertEq(s.head, t.count, "only a closed loan leaves money unused");
            if (split.prepaid > 0) {
                uint256 due = Schedule.installmentsDueBy(t, nowT);
                assertGt(s.head, due < t.count ? due : t.count - 1, "prepay only after the running row");
            }
            assertGe(s.head, headBefore);
            principalPaid += split.principal + split.prepaid;
            assertLe(principalPaid, t.principal, "principal conserved");
            assertEq(principalPaid + LoanMath.principalRemaining(t, s), t.principal, "telescopes");
        }
        LoanMath.Split memory last = _pay(t, s, type(uint256).max, nowT);
        principalPaid += last.principal + last.prepaid;
        assertEq(s.head, t.count, "payoff closes");
        assertEq(principalPaid, t.principal, "all principal repaid");
    }

    /// Paying on time, in installment-sized amounts, charges no fee and completes one row each time.
    function testFuzz_applyPayment_onTimeRowsChargeNoFee(uint256 seed, uint256 principal) public pure {
        Schedule.Terms memory t = _terms(seed, principal);
        t.kind = Schedule.Kind.Amortizing;
        LoanMath.Progress memory s = _fresh();
        for (uint256 k = 0; k < t.count; ++k) {
            (uint256 due, uint256 p, uint256 i) = LoanMath.parts(t, k, s.prepaid);
            LoanMath.Split memory split = _pay(t, s, p + i == 0 ? 1 : p + i, due);
            assertEq(split.fees, 0);
            if (p + i > 0) assertEq(s.head, k + 1);
        }
        assertEq(s.maxDaysLate, 0);
    }

    /// The per-second late fee equals Schedule.lateFeeUp for whole days, and never decreases in time.
    function testFuzz_lateFeeUp_matchesScheduleForWholeDays(uint128 amount, uint16 days_, uint16 bps) public pure {
        days_ = uint16(bound(days_, 0, Schedule.MAX_DAYS_LATE));
        bps = uint16(bound(bps, 0, Schedule.MAX_LATE_FEE_BPS));
        assertEq(LoanMath.lateFeeUp(amount, uint256(days_) * 1 days, bps), Schedule.lateFeeUp(amount, days_, bps));
        assertLe(
            LoanMath.lateFeeUp(amount, uint256(days_) * 1 days, bps),
            LoanMath.lateFeeUp(amount, uint256(days_) * 1 days + 1, bps)
        );
    }

    /// Splitting a late payment into two at the same time never lowers the total fee charged.
    function testFuzz_accrueFees_splittingDoesNotEvade(
        uint256 seed,
        uint256 principal,
        uint256 late,
        uint256 mid
    ) public pure {
        Schedule.Terms memory t = _terms(seed, principal);
        uint256 end = uint256(START) + t.period + GRACE + bound(late, 1, 200 days);
        LoanMath.Progress memory once = _fresh();
        LoanMath.accrueFees(t, once, end, FEE_BPS, GRACE);
        LoanMath.Progress memory twice = _fresh();
        LoanMath.accrueFees(t, twice, bound(mid, START, end), FEE_BPS, GRACE);
        LoanMath.accrueFees(t, twice, end, FEE_BPS, GRACE);
        assertGe(twice.fees, once.fees);
        assertLe(twice.fees, once.fees + t.count, "at most one unit of rounding per row and accrual");
    }
}
