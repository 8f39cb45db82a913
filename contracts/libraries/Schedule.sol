// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IScheduleErrors} from "../interfaces/IScheduleErrors.sol";
import {FixedPointMath} from "./FixedPointMath.sol";

/// @title Schedule
/// @notice Repayment schedule math for fixed-rate loans: each installment's due date, principal and
/// interest from the terms alone, in O(log count), without looping over earlier installments.
/// @dev Model. B(k) is the principal outstanding before installment k, B(0) = principal, B(count) = 0.
/// Installment k repays principal B(k) − B(k+1) and interest ceil(B(k) · r), with the per-period
/// rate r = rateBps · period / (10_000 · 365 days). Every principal part being a difference of the
/// same function B, Σ principal parts telescopes to exactly the principal, and
/// `principalOutstandingAfter(k)` = B(k+1) agrees with the parts by construction.
///
/// Rounding, always for the lender: B(k) is the exact balance rounded UP, so the principal repaid up
/// to any installment is rounded DOWN and the remainder lands on the last installment (its part,
/// B(count−1), is never below its exact value); interest is rounded UP. B never increases (see
/// `_outstanding`), so no part is ever negative, for every uint128 principal.
/// Precision: B is computed in 36-decimal fixed point; its error is < 2e-26 of the principal (powers
/// are off by < m units of 1e-36, over a divisor ≥ 2.7e29 units), i.e. < 2e-11 units at 1e15 units
/// (1e9 USD). Only when the exact balance lies within that error above an integer can B(k) be that
/// integer instead of the next one (the TypeScript reference test meets one such case: v = 1/2).
///
/// Kinds:
/// - Amortizing: after `graceCount` interest-only installments, the remaining m = count − graceCount
///   form an annuity (equal principal + interest). With the discount factor v = 1/(1 + r), the exact
///   balance after j of the m payments is P·(1 − v^(m−j))/(1 − v^m); powers of v ≤ 1 never overflow,
///   whatever the term. At rate 0 it is the linear limit P·(m − j)/m.
///   Equality bound: any two installments of the amortizing phase, the last one included, differ by at
///   most 3 units. B(k) is above the exact balance by e_k ∈ [0, 1), so payment k is above the exact
///   annuity A by e_k·(1 + r) − e_(k+1) + (interest rounding) ∈ (−1, 2 + r), r ≤ 1: at most four
///   integers. Fuzz-tested for principals up to 1e24 units; a search over 12,000 random terms met 3
///   only with r ≥ 10 % per period, and ≤ 2 otherwise. Above ~1e25 units the fixed-point error
///   reaches a unit and the bound degrades (conservation and non-negativity do not).
/// - InterestOnlyBalloon: interest on the full principal every period, all principal in the last one.
/// - Bullet: principal and all interest at maturity. The interest is simple (non-compounding) for the
///   whole term, ceil(P · rateBps · period · count / (10_000 · 365 days)). With count > 1 the earlier
///   installments are zero-amount checkpoints: they carry a due date and no obligation.
library Schedule {
    /// @notice How principal is repaid.
    enum Kind {
        Amortizing,
        InterestOnlyBalloon,
        Bullet
    }

    /// @notice A loan's repayment terms, packed into one storage slot (128+40+32+16+16+16+8 bits).
    /// @dev principal: amount lent, in the stablecoin's smallest unit (6 decimals).
    /// start: drawdown timestamp; installment i is due at start + (i + 1) · period.
    /// period: seconds between installments, in [MIN_PERIOD, MAX_PERIOD].
    /// rateBps: nominal annual rate in basis points (1200 = 12 %/year), at most MAX_RATE_BPS; a period
    /// accrues rateBps · period / (10_000 · 365 days) on the outstanding principal.
    /// count: number of installments, in [1, MAX_INSTALLMENTS].
    /// graceCount: Amortizing only; the first graceCount installments pay interest only (< count).
    /// kind: how principal is repaid.
    struct Terms {
        uint128 principal;
        uint40 start;
        uint32 period;
        uint16 rateBps;
        uint16 count;
        uint16 graceCount;
        Kind kind;
    }

    /// @notice Basis points in one.
    uint256 internal constant BPS = 10_000;
    /// @notice The year interest is computed on: 365 days, leap years included.
    uint256 internal constant YEAR = 365 days;
    /// @notice Highest annual rate: 100 %/year.
    uint256 internal constant MAX_RATE_BPS = 10_000;
    /// @notice Shortest period between installments.
    uint256 internal constant MIN_PERIOD = 1 days;
    /// @notice Longest period between installments.
    uint256 internal constant MAX_PERIOD = 365 days;
    /// @notice Most installments (e.g. 30 years monthly, ~2.7 years daily); bounds loops over the table.
    uint256 internal constant MAX_INSTALLMENTS = 1_000;
    /// @notice Highest annual late-fee rate: 100 %/year.
    uint256 internal constant MAX_LATE_FEE_BPS = 10_000;
    /// @notice Longest lateness a late fee is computed for (100 years); a loan defaults long before.
    uint256 internal constant MAX_DAYS_LATE = 36_500;

    uint256 private constant RATE_DENOMINATOR = BPS * YEAR;
    uint256 private constant ONE = FixedPointMath.ONE;

    /// @notice Reverts with the first rule `t` breaks; the other functions call it, so they never
    /// compute on invalid terms (no division by zero, no underflow reachable by callers).
    function validate(Terms memory t) internal pure {
        if (t.principal == 0) revert IScheduleErrors.ScheduleZeroPrincipal();
        if (t.count == 0 || t.count > MAX_INSTALLMENTS) {
            revert IScheduleErrors.ScheduleInvalidCount(t.count, MAX_INSTALLMENTS);
        }
        if (t.period < MIN_PERIOD) revert IScheduleErrors.SchedulePeriodTooShort(t.period, MIN_PERIOD);
        if (t.period > MAX_PERIOD) revert IScheduleErrors.SchedulePeriodTooLong(t.period, MAX_PERIOD);
        if (t.rateBps > MAX_RATE_BPS) revert IScheduleErrors.ScheduleRateTooHigh(t.rateBps, MAX_RATE_BPS);
        if (t.graceCount != 0) {
            if (t.kind != Kind.Amortizing) {
                revert IScheduleErrors.ScheduleGraceRequiresAmortizing(uint8(t.kind), t.graceCount);
            }
            if (t.graceCount >= t.count) revert IScheduleErrors.ScheduleGraceTooLong(t.graceCount, t.count);
        }
    }

    /// @notice Installment `i` (0-based) as scheduled: when it is due, the principal it repays and the
    /// interest it pays (rounded up). O(log count).
    function installment(
        Terms memory t,
        uint256 i
    ) internal pure returns (uint256 dueDate_, uint256 principalPart, uint256 interestPart) {
        _checkIndex(t, i);
        dueDate_ = _dueDate(t, i);
        if (t.kind == Kind.Bullet) {
            if (i + 1 == t.count) {
                principalPart = t.principal;
                interestPart = FixedPointMath.mulDivUp(
                    t.principal,
                    uint256(t.rateBps) * t.period * t.count,
                    RATE_DENOMINATOR
                );
            }
            return (dueDate_, principalPart, interestPart);
        }
        (uint256 v, uint256 vPowM) = _annuityFactors(t);
        uint256 outstandingBefore = _outstanding(t, v, vPowM, i);
        // Safe by the monotonicity of B (see `_outstanding`): B(i + 1) ≤ B(i).
        principalPart = outstandingBefore - _outstanding(t, v, vPowM, i + 1);
        interestPart = _periodInterestUp(t, outstandingBefore);
    }

    /// @notice Principal still owed once installment `i` is paid as scheduled; 0 after the last.
    /// Equals principal − Σ principal parts of installments 0..i exactly. O(log count).
    function principalOutstandingAfter(Terms memory t, uint256 i) internal pure returns (uint256) {
        _checkIndex(t, i);
        (uint256 v, uint256 vPowM) = _annuityFactors(t);
        return _outstanding(t, v, vPowM, i + 1);
    }

    /// @notice Σ interest parts of the whole schedule. Loops over the installments: for views only.
    function totalInterest(Terms memory t) internal pure returns (uint256 total) {
        validate(t);
        uint256 count = t.count;
        if (t.kind == Kind.Bullet) {
            (, , total) = installment(t, count - 1);
            return total;
        }
        (uint256 v, uint256 vPowM) = _annuityFactors(t);
        for (uint256 k = 0; k < count; ++k) {
            total += _periodInterestUp(t, _outstanding(t, v, vPowM, k));
        }
    }

    /// @notice When installment `i` is due: start + (i + 1) · period.
    function dueDate(Terms memory t, uint256 i) internal pure returns (uint256) {
        _checkIndex(t, i);
        return _dueDate(t, i);
    }

    /// @notice How many installments are due at or before `timestamp` (0 before the first due date,
    /// count from maturity on). O(1).
    function installmentsDueBy(Terms memory t, uint256 timestamp) internal pure returns (uint256) {
        validate(t);
        if (timestamp < uint256(t.start) + t.period) return 0;
        uint256 due = (timestamp - t.start) / t.period;
        return due < t.count ? due : t.count;
    }

    /// @notice One period's interest on `balance` at the terms' rate, rounded up:
    /// ceil(balance · rateBps · period / (10_000 · 365 days)). Never overflows: the factor is < 2^39
    /// and the result is at most `balance`.
    function periodInterestUp(Terms memory t, uint256 balance) internal pure returns (uint256) {
        validate(t);
        return _periodInterestUp(t, balance);
    }

    /// @notice Late fee on an overdue amount: `lateFeeBps` per year, pro rata per whole day late, no
    /// compounding, rounded up: ceil(amountDue · lateFeeBps · daysLate / (10_000 · 365)).
    /// @dev The loan decides when lateness starts (after its grace period) and stops (default); this
    /// only prices it. The bounds keep the product below 2^158, so it can never overflow.
    function lateFeeUp(uint256 amountDue, uint256 daysLate, uint256 lateFeeBps) internal pure returns (uint256) {
        if (amountDue > type(uint128).max) revert IScheduleErrors.ScheduleAmountTooLarge(amountDue, type(uint128).max);
        if (daysLate > MAX_DAYS_LATE) revert IScheduleErrors.ScheduleDaysLateTooLarge(daysLate, MAX_DAYS_LATE);
        if (lateFeeBps > MAX_LATE_FEE_BPS) {
            revert IScheduleErrors.ScheduleLateFeeRateTooHigh(lateFeeBps, MAX_LATE_FEE_BPS);
        }
        return FixedPointMath.mulDivUp(amountDue, lateFeeBps * daysLate, BPS * 365);
    }

    function _checkIndex(Terms memory t, uint256 i) private pure {
        validate(t);
        if (i >= t.count) revert IScheduleErrors.ScheduleInstallmentOutOfRange(i, t.count);
    }

    function _periodInterestUp(Terms memory t, uint256 balance) private pure returns (uint256) {
        return FixedPointMath.mulDivUp(balance, uint256(t.rateBps) * t.period, RATE_DENOMINATOR);
    }

    function _dueDate(Terms memory t, uint256 i) private pure returns (uint256) {
        return uint256(t.start) + (i + 1) * t.period;
    }

    /// @dev v = floor(ONE / (1 + r)) and v^m for the m annuity installments; (0, 0) when the schedule
    /// has no annuity phase with interest (other kinds, or rate 0, which is linear).
    /// v < ONE because r > 0, so 1 − v^m ≥ 1 − v > 0: the annuity divisor is never zero.
    /// Rounding v down raises the computed balance (a higher rate keeps more principal outstanding), in
    /// line with rounding B up.
    function _annuityFactors(Terms memory t) private pure returns (uint256 v, uint256 vPowM) {
        if (t.kind != Kind.Amortizing || t.rateBps == 0) return (0, 0);
        uint256 periodRate = uint256(t.rateBps) * t.period;
        v = FixedPointMath.mulDivDown(ONE, RATE_DENOMINATOR, RATE_DENOMINATOR + periodRate);
        vPowM = FixedPointMath.powDown(v, t.count - t.graceCount);
    }

    /// @dev B(k), the principal outstanding before installment k, for k in [0, count], rounded up.
    /// Non-increasing in k, exactly: in the annuity phase the numerator ONE − v^remaining uses
    /// `powDown`, which is non-increasing in the exponent (proof in FixedPointMath), over a fixed
    /// divisor; at its first step it is ≤ the divisor, so B ≤ principal; the linear case is a ceiling
    /// of a non-increasing fraction.
    function _outstanding(Terms memory t, uint256 v, uint256 vPowM, uint256 k) private pure returns (uint256) {
        if (k >= t.count) return 0;
        if (t.kind != Kind.Amortizing || k <= t.graceCount) return t.principal;
        uint256 m = t.count - t.graceCount;
        uint256 remaining = t.count - k; // in [1, m − 1]: graceCount < k < count
        if (t.rateBps == 0) return FixedPointMath.mulDivUp(t.principal, remaining, m);
        return FixedPointMath.mulDivUp(t.principal, ONE - FixedPointMath.powDown(v, remaining), ONE - vPowM);
    }
}
