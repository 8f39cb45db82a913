// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {ScheduleBase} from "./ScheduleBase.sol";
import {LoanMath} from "../../contracts/loans/LoanMath.sol";

/// @notice Properties of every valid schedule, fuzzed over principal, rate, count, period, kind,
/// grace and start. A principal part below zero or an overflow would revert inside the library
/// (checked arithmetic), so every run that completes also proves "no negative part, no overflow".
contract ScheduleFuzzTest is ScheduleBase {
    uint256 internal constant USD_1B = 1e15;
    uint256 internal constant MAX_COUNT = 360;
    uint256 internal constant RATE_DENOMINATOR = 10_000 * 365 days;

    function _fuzzTerms(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 start
    ) internal pure returns (Schedule.Terms memory) {
        return _boundTerms(principal, rateBps, count, period, kindSeed, grace, start, USD_1B, MAX_COUNT);
    }

    function testFuzz_installment_conservesPrincipal(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 start
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, kindSeed, grace, start);
        Table memory tab = _table(t);
        uint256 sum;
        for (uint256 i = 0; i < t.count; ++i) sum += tab.principal[i];
        assertEq(sum, t.principal);
    }

    /// The same with any uint128 principal and the longest schedules: conservation and non-negativity
    /// hold by construction, not thanks to small numbers.
    function testFuzz_installment_conservesAnyUint128Principal(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 grace
    ) public view {
        Schedule.Terms memory t = _boundTerms(
            principal,
            rateBps,
            count,
            period,
            0,
            grace,
            START,
            type(uint128).max,
            Schedule.MAX_INSTALLMENTS
        );
        Table memory tab = _table(t);
        uint256 sum;
        for (uint256 i = 0; i < t.count; ++i) sum += tab.principal[i];
        assertEq(sum, t.principal);
        assertEq(tab.outstanding[t.count - 1], 0);
    }

    function testFuzz_installment_dueDatesAreStartPlusWholePeriods(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 start
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, kindSeed, grace, start);
        Table memory tab = _table(t);
        for (uint256 i = 0; i < t.count; ++i) {
            assertEq(tab.due[i], uint256(t.start) + (i + 1) * t.period);
            if (i > 0) assertGt(tab.due[i], tab.due[i - 1]);
        }
    }

    function testFuzz_principalOutstandingAfter_equalsPrincipalMinusPartsPaid(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 start
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, kindSeed, grace, start);
        Table memory tab = _table(t);
        uint256 paid;
        for (uint256 i = 0; i < t.count; ++i) {
            paid += tab.principal[i];
            assertEq(tab.outstanding[i], t.principal - paid);
        }
        assertEq(tab.outstanding[t.count - 1], 0);
    }

    /// Interest of installment i is ceil(balance before i · rate · period / year), recomputed here
    /// without the library; bullet charges simple interest for the whole term at maturity only.
    function testFuzz_installment_interestIsRoundedUpOnBalanceBefore(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 start
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, kindSeed, grace, start);
        Table memory tab = _table(t);
        uint256 perPeriod = uint256(t.rateBps) * t.period;
        uint256 balance = t.principal;
        for (uint256 i = 0; i < t.count; ++i) {
            uint256 expected;
            if (t.kind != Schedule.Kind.Bullet) expected = _ceilMulDiv(balance, perPeriod, RATE_DENOMINATOR);
            else if (i + 1 == t.count) expected = _ceilMulDiv(t.principal, perPeriod * t.count, RATE_DENOMINATOR);
            assertEq(tab.interest[i], expected);
            balance -= tab.principal[i];
        }
    }

    /// Every installment of the amortizing phase, the last included, is within EQUAL_BOUND units of
    /// every other; grace installments pay exactly the interest on the full principal.
    function testFuzz_installment_amortizingPaymentsEqualWithinBound(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 grace
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, 0, grace, START);
        _assertAmortizingEqual(t);
    }

    /// The bound also holds far above the micro-loan range (up to 1e24 units, 1e18 USD) and for the
    /// longest schedules.
    function testFuzz_installment_amortizingPaymentsEqualForHugePrincipal(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 grace
    ) public view {
        Schedule.Terms memory t = _boundTerms(
            principal,
            rateBps,
            count,
            period,
            0,
            grace,
            START,
            1e24,
            Schedule.MAX_INSTALLMENTS
        );
        _assertAmortizingEqual(t);
    }

    function testFuzz_installment_balloonAndBulletShapes(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, 1 + (kindSeed % 2), 0, START);
        Table memory tab = _table(t);
        uint256 last = t.count - 1;
        for (uint256 i = 0; i < last; ++i) {
            assertEq(tab.principal[i], 0);
            assertEq(tab.outstanding[i], t.principal);
            if (t.kind == Schedule.Kind.Bullet) assertEq(tab.interest[i], 0);
            else assertEq(tab.interest[i], tab.interest[last]);
        }
        assertEq(tab.principal[last], t.principal);
    }

    function testFuzz_totalInterest_equalsSumOfInterestParts(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(principal, rateBps, count, period, kindSeed, grace, START);
        Table memory tab = _table(t);
        uint256 sum;
        for (uint256 i = 0; i < t.count; ++i) sum += tab.interest[i];
        assertEq(h.totalInterest(t), sum);
    }

    function testFuzz_installmentsDueBy_matchesDueDates(
        uint256 count,
        uint256 period,
        uint256 start,
        uint256 timestamp
    ) public view {
        Schedule.Terms memory t = _fuzzTerms(1e6, 1200, count, period, 0, 0, start);
        timestamp = bound(timestamp, 0, uint256(t.start) + (uint256(t.count) + 2) * t.period);
        uint256 expected;
        for (uint256 i = 0; i < t.count; ++i) if (h.dueDate(t, i) <= timestamp) ++expected;
        assertEq(h.installmentsDueBy(t, timestamp), expected);
    }

    function testFuzz_lateFeeUp_isCeilingOfProRataFee(uint256 amount, uint256 daysLate, uint256 bps) public view {
        amount = bound(amount, 0, type(uint128).max);
        daysLate = bound(daysLate, 0, Schedule.MAX_DAYS_LATE);
        bps = bound(bps, 0, Schedule.MAX_LATE_FEE_BPS);
        uint256 fee = h.lateFeeUp(amount, daysLate, bps);
        uint256 exactTimesDen = amount * bps * daysLate;
        assertGe(fee * 3_650_000, exactTimesDen, "never below the exact fee");
        assertLt(fee * 3_650_000, exactTimesDen + 3_650_000, "less than one unit above it");
    }

    /// Zero-amount rows (finding F-16) appear exactly where the model puts them, and
    /// `LoanMath.firstOwing` finds the first row owing something from any row, as a scan of the
    /// table does. Rate 0 one run in two, principal-grace rows one in two, tiny principals (whose
    /// rate-0 principal parts round to zero) one in two; every kind.
    function testFuzz_firstOwing_skipsExactlyTheZeroAmountRows(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 from,
        uint256 limit
    ) public view {
        Schedule.Terms memory t = _boundTerms(
            principal,
            kindSeed & 2 == 0 ? 0 : rateBps,
            count,
            period,
            kindSeed,
            (kindSeed >> 8) & 1 == 0 ? grace : 0,
            START,
            (kindSeed >> 16) & 1 == 0 ? 40 : USD_1B,
            48
        );
        Table memory tab = _table(t);
        uint256 last = t.count - 1;
        uint256 zeroRows;
        for (uint256 i = 0; i < t.count; ++i) {
            bool zero = tab.principal[i] + tab.interest[i] == 0;
            if (zero) ++zeroRows;
            if (i == last) assertFalse(zero, "the last row always owes principal");
            else if (t.kind == Schedule.Kind.Bullet) assertTrue(zero, "bullet checkpoints owe nothing");
            else if (t.kind == Schedule.Kind.InterestOnlyBalloon || i < t.graceCount) {
                assertEq(zero, t.rateBps == 0, "interest-only rows owe nothing exactly at rate 0");
            } else if (t.rateBps != 0) assertFalse(zero, "an annuity row with interest owes");
            else if (zero) assertLt(t.principal, t.count - t.graceCount, "rate-0 parts round to zero");
        }
        from = bound(from, 0, t.count);
        limit = bound(limit, 0, t.count);
        uint256 expected = from;
        while (expected < limit && tab.principal[expected] + tab.interest[expected] == 0) ++expected;
        if (expected < from) expected = from;
        if (expected >= limit) expected = from > limit ? from : limit;
        assertEq(LoanMath.firstOwing(t, from, 0, limit), expected);
        assertLe(zeroRows, last);
    }

    function _assertAmortizingEqual(Schedule.Terms memory t) internal view {
        Table memory tab = _table(t);
        uint256 fullInterest = _ceilMulDiv(t.principal, uint256(t.rateBps) * t.period, RATE_DENOMINATOR);
        for (uint256 i = 0; i < t.graceCount; ++i) {
            assertEq(tab.principal[i], 0);
            assertEq(tab.interest[i], fullInterest);
        }
        uint256 lo = type(uint256).max;
        uint256 hi;
        for (uint256 i = t.graceCount; i < t.count; ++i) {
            uint256 payment = tab.principal[i] + tab.interest[i];
            if (payment < lo) lo = payment;
            if (payment > hi) hi = payment;
        }
        assertLe(hi - lo, EQUAL_BOUND);
    }
}
