// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {FixedPointMath} from "../libraries/FixedPointMath.sol";

/// @title LoanMath
/// @notice Repayment progress of one loan against its schedule: late fees, the payment waterfall
/// and prepayment, all pure so that views (quotes, tables) and `repay` share one code path.
/// @dev Prepayment offset. With B(k) the scheduled principal outstanding before installment k and
/// X the principal prepaid, installment k is rescheduled as if the balance were
/// B'(k) = max(B(k) − X, 0): principal part B'(k) − B'(k+1), interest periodInterestUp(B'(k)).
/// Earlier installments keep their principal part, the last ones shrink or vanish (the loan is
/// shortened) and interest follows the lower balance. X only grows when every installment up to
/// the running one is paid, so it never changes a row that has received money.
/// Σ principal repaid telescopes: principal − (B'(head) − principal already paid on head).
library LoanMath {
    /// @notice Progress of a loan, unpacked from storage.
    struct Progress {
        uint256 head;
        uint256 headPaid;
        uint256 prepaid;
        uint256 fees;
        uint256 feesAccruedTo;
        uint256 maxDaysLate;
    }

    /// @notice How one payment was applied.
    struct Split {
        uint256 fees;
        uint256 interest;
        uint256 principal;
        uint256 prepaid;
    }

    uint256 private constant BPS = 10_000;
    uint256 private constant MAX_LATE_SECONDS = Schedule.MAX_DAYS_LATE * 1 days;

    /// @notice Installment `k` under prepayment offset `prepaid`: due date, principal, interest.
    function parts(
        Schedule.Terms memory t,
        uint256 k,
        uint256 prepaid
    ) internal pure returns (uint256 due, uint256 principalPart, uint256 interestPart) {
        (due, principalPart, interestPart) = Schedule.installment(t, k);
        if (prepaid == 0) return (due, principalPart, interestPart);
        uint256 afterK = Schedule.principalOutstandingAfter(t, k);
        uint256 before = _sub0(afterK + principalPart, prepaid);
        principalPart = before - _sub0(afterK, prepaid);
        interestPart = Schedule.periodInterestUp(t, before);
    }

    /// @notice B'(k): the rescheduled principal outstanding before installment `k`.
    function balanceBefore(Schedule.Terms memory t, uint256 k, uint256 prepaid) internal pure returns (uint256) {
        if (k >= t.count) return 0;
        uint256 b = k == 0 ? t.principal : Schedule.principalOutstandingAfter(t, k - 1);
        return _sub0(b, prepaid);
    }

    /// @notice Principal still owed: B'(head) minus principal already paid toward `head`.
    function principalRemaining(Schedule.Terms memory t, Progress memory s) internal pure returns (uint256) {
        if (s.head >= t.count) return 0;
        (, , uint256 interestPart) = parts(t, s.head, s.prepaid);
        uint256 paidPrincipal = _sub0(s.headPaid, interestPart);
        return balanceBefore(t, s.head, s.prepaid) - paidPrincipal;
    }

    /// @notice Late fee on `amount` for `secondsLate` at `lateFeeBps` a year, rounded up: the
    /// per-second form of `Schedule.lateFeeUp` (equal to it for whole days), so that paying often
    /// neither evades nor double-charges a day. Lateness is capped at Schedule.MAX_DAYS_LATE.
    function lateFeeUp(uint256 amount, uint256 secondsLate, uint256 lateFeeBps) internal pure returns (uint256) {
        return FixedPointMath.mulDivUp(amount, lateFeeBps * Math.min(secondsLate, MAX_LATE_SECONDS), BPS * 365 days);
    }

    /// @notice Charges late fees from `s.feesAccruedTo` to `nowT` on every installment unpaid past
    /// its due date plus `graceSeconds`, on what is still unpaid of it. Loops over overdue rows only.
    function accrueFees(
        Schedule.Terms memory t,
        Progress memory s,
        uint256 nowT,
        uint256 lateFeeBps,
        uint256 graceSeconds
    ) internal pure {
        if (nowT <= s.feesAccruedTo) return;
        if (lateFeeBps != 0) {
            uint256 due = Schedule.installmentsDueBy(t, nowT);
            for (uint256 k = s.head; k < due; ++k) {
                uint256 from = Math.max(Schedule.dueDate(t, k) + graceSeconds, s.feesAccruedTo);
                // Due dates increase with k, so no later row is past its grace either.
                if (nowT <= from) break;
                (, uint256 p, uint256 i) = parts(t, k, s.prepaid);
                uint256 unpaid = p + i - (k == s.head ? s.headPaid : 0);
                s.fees += lateFeeUp(unpaid, nowT - from, lateFeeBps);
            }
        }
        s.feesAccruedTo = nowT;
    }

    /// @notice Applies up to `amount` at time `nowT` (fees must be accrued first): fees, then each
    /// installment's interest and principal from the oldest unpaid through the running one (for a
    /// bullet loan, through maturity), then prepays principal. Returns the split; the sum is what
    /// was used (≤ amount). A row owing something completes when fully paid (late if after its due
    /// date plus grace); a row owing nothing completes, never late, once its date passes or money
    /// flows past it. Closed (head = count) exactly when no principal remains: a prepayment taking
    /// the whole balance B'(head), or the last row owing something being paid, zeroes every later row.
    function applyPayment(
        Schedule.Terms memory t,
        Progress memory s,
        uint256 amount,
        uint256 nowT,
        uint256 graceSeconds
    ) internal pure returns (Split memory split) {
        split.fees = Math.min(amount, s.fees);
        s.fees -= split.fees;
        amount -= split.fees;
        uint256 count = t.count;
        uint256 bound =
            t.kind == Schedule.Kind.Bullet ? count - 1 : Math.min(Schedule.installmentsDueBy(t, nowT), count - 1);
        while (amount != 0 && s.head <= bound) {
            if (t.kind == Schedule.Kind.Bullet && s.head < count - 1) {
                // A bullet's earlier installments are zero-amount checkpoints: nothing to pay.
                s.head = count - 1;
                continue;
            }
            (uint256 dueDate, uint256 p, uint256 i) = parts(t, s.head, s.prepaid);
            uint256 paidInterest = Math.min(s.headPaid, i);
            uint256 toInterest = Math.min(amount, i - paidInterest);
            amount -= toInterest;
            uint256 toPrincipal = Math.min(amount, p - (s.headPaid - paidInterest));
            amount -= toPrincipal;
            split.interest += toInterest;
            split.principal += toPrincipal;
            s.headPaid += toInterest + toPrincipal;
            if (s.headPaid == p + i) {
                uint256 lateFrom = dueDate + graceSeconds;
                // A row owing nothing is never late (finding F-16).
                if (p + i != 0 && nowT > lateFrom) {
                    s.maxDaysLate = Math.max(s.maxDaysLate, Math.ceilDiv(nowT - lateFrom, 1 days));
                }
                ++s.head;
                s.headPaid = 0;
            }
        }
        if (amount != 0 && s.head > bound && s.head < count) {
            // Every installment through the running one is paid, so headPaid is 0 here.
            uint256 outstanding = balanceBefore(t, s.head, s.prepaid);
            split.prepaid = Math.min(amount, outstanding);
            s.prepaid += split.prepaid;
            // All principal repaid: every later row is zero (B' = 0), the loan is closed.
            if (split.prepaid == outstanding) s.head = count;
        }
        _skipEmptyRows(t, s, nowT);
    }

    /// @notice The first installment in [k, limit) that owes something (principal + interest under
    /// prepayment offset `prepaid` above zero), or max(k, limit) when none does. Rows owing nothing
    /// are a bullet's checkpoints, interest-only and grace rows at rate 0, rate-0 rows whose
    /// principal part rounds to zero, and rows a prepayment emptied.
    function firstOwing(
        Schedule.Terms memory t,
        uint256 k,
        uint256 prepaid,
        uint256 limit
    ) internal pure returns (uint256) {
        // Nothing to search (a repayment that ends ahead of the schedule).
        if (k >= limit) return k;
        if (t.kind != Schedule.Kind.Bullet && t.rateBps != 0) {
            // With interest, a row owes exactly when B'(k) > 0 (a period's interest on a positive
            // balance rounds up to at least one unit), and B' never increases: either row k owes or
            // no later row does. O(1), no schedule evaluation without a prepayment (B(k) > 0 for
            // every k < count): settlements and lateness pay no scan (finding F-16's gas).
            bool owes = k < t.count && (prepaid == 0 || balanceBefore(t, k, prepaid) != 0);
            return owes ? k : limit;
        }
        // A bullet's rows before maturity owe nothing: skip them in one step.
        if (t.kind == Schedule.Kind.Bullet && k + 1 < t.count) k = Math.max(k, Math.min(t.count - 1, limit));
        for (; k < limit; ++k) {
            (, uint256 p, uint256 i) = parts(t, k, prepaid);
            if (p + i != 0) return k;
        }
        return Math.max(k, limit);
    }

    /// @dev Rows owing nothing are complete once their date passes, without lateness (finding
    /// F-16); with no principal left (a prepayment emptied every later row) the loan is closed.
    function _skipEmptyRows(Schedule.Terms memory t, Progress memory s, uint256 nowT) private pure {
        uint256 count = t.count;
        if (s.head >= count) return;
        s.head = firstOwing(t, s.head, s.prepaid, Schedule.installmentsDueBy(t, nowT));
        // Without a prepayment B(k) > 0 for every k < count: only a prepaid loan can run out early.
        if (s.prepaid != 0 && s.head < count && s.headPaid == 0 && balanceBefore(t, s.head, s.prepaid) == 0) {
            s.head = count;
        }
    }

    function _sub0(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a - b : 0;
    }
}
