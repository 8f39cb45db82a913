// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {LoanBase} from "./LoanBase.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {ScheduleHarness} from "../libraries/ScheduleHarness.sol";

/// @notice Lateness is measured from the oldest installment that still owes something (finding
/// F-16): rows owing nothing (a bullet's checkpoints, interest-only or grace rows at rate 0, rows a
/// prepayment emptied) are complete once their date passes and never make a loan late, impairable
/// or defaultable, nor an on-time borrower's record late. The schedule oracle is the Schedule
/// library through its harness (itself checked against the TypeScript reference), not LoanMath.
contract LoanLatenessTest is LoanBase {
    ScheduleHarness internal sched;

    function setUp() public override {
        super.setUp();
        sched = new ScheduleHarness();
    }

    function _loan(
        uint128 principal,
        uint16 rateBps,
        uint16 count,
        uint32 period,
        Schedule.Kind kind,
        uint16 grace
    ) internal returns (uint256 id) {
        ILoanManager.RequestParams memory p = _params(principal, count, kind);
        p.rateBps = rateBps;
        p.period = period;
        p.graceCount = grace;
        id = _request(p);
        vm.prank(underwriter);
        loans.approve(id, principal, rateBps);
        _fund(id, lender1, principal);
        vm.prank(borrower);
        loans.drawdown(id);
    }

    function _impairReverts(uint256 id) internal {
        uint256 late = loans.daysLate(id);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotLateEnough.selector, id, late, IMPAIR_DAYS));
        vm.prank(poolManager);
        loans.impair(id);
    }

    function _defaultReverts(uint256 id) internal {
        uint256 late = loans.daysLate(id);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotLateEnough.selector, id, late, DEFAULT_DAYS));
        vm.prank(poolManager);
        loans.markDefaulted(id);
    }

    function _status(uint256 id) internal view returns (ILoanManager.Status) {
        return loans.loan(id).status;
    }

    // ------------------------------------------------------------ the issue's cases

    /// 6 × 30 days bullet: on day 91 nothing is due (only zero checkpoints passed); it used to read
    /// 61 days late, impairable and defaultable 89 days before maturity.
    function test_daysLate_bulletLoanWithNothingDueIsNeverLate() public {
        uint256 id = _active(PRINCIPAL, 6, Schedule.Kind.Bullet);
        uint256 start = block.timestamp;
        vm.warp(start + 91 days);
        assertEq(loans.daysLate(id), 0, "day 91");
        vm.warp(start + 180 days);
        assertEq(loans.daysLate(id), 0, "at maturity");
        vm.warp(start + 180 days + 16 days);
        assertEq(loans.daysLate(id), 16, "counted from maturity, the first row owing something");
    }

    function test_markDefaulted_bulletLoanRevertsBeforeMaturity() public {
        uint256 id = _active(PRINCIPAL, 6, Schedule.Kind.Bullet);
        vm.warp(block.timestamp + 179 days);
        _impairReverts(id);
        _defaultReverts(id);
        assertEq(uint8(_status(id)), uint8(ILoanManager.Status.Active));
        assertEq(credit.recordOf(BORROWER_CO).loansDefaulted, 0);
    }

    /// 0 % interest-only: rows before the balloon owe nothing; paying the balloon on its due second
    /// is on time (it used to be recorded 57 days late, the score falling from 200 to 77).
    function test_repay_zeroRateInterestOnlyPaidOnDueSecondIsOnTime() public {
        uint256 id = _loan(PRINCIPAL, 0, 3, MONTH, Schedule.Kind.InterestOnlyBalloon, 0);
        uint256 scoreBefore = credit.scoreOf(BORROWER_CO);
        vm.warp(lens.installment(id, 2).dueDate);
        assertEq(loans.daysLate(id), 0);
        assertEq(_repay(id, PRINCIPAL), PRINCIPAL);
        assertEq(uint8(_status(id)), uint8(ILoanManager.Status.Repaid));
        assertEq(loans.loan(id).maxDaysLate, 0, "no row late");
        ICreditHistory.CreditRecord memory r = credit.recordOf(BORROWER_CO);
        assertEq(r.loansOnTime, 1);
        assertEq(r.loansLate, 0);
        assertEq(r.totalDaysLate, 0);
        assertGe(credit.scoreOf(BORROWER_CO), scoreBefore, "an on-time loan never lowers the score");
    }

    /// 0 % amortizing with 3 principal-grace rows: they owe nothing; each later row paid on its due
    /// second is on time.
    function test_repay_zeroRateGraceRowsPaidOnDueSecondIsOnTime() public {
        uint256 id = _loan(PRINCIPAL, 0, 6, MONTH, Schedule.Kind.Amortizing, 3);
        for (uint256 k = 3; k < 6; ++k) {
            vm.warp(lens.installment(id, k).dueDate);
            assertEq(loans.daysLate(id), 0);
            _repay(id, _installmentTotal(id, k));
        }
        assertEq(uint8(_status(id)), uint8(ILoanManager.Status.Repaid));
        ICreditHistory.CreditRecord memory r = credit.recordOf(BORROWER_CO);
        assertEq(r.loansOnTime, 1);
        assertEq(r.loansLate, 0);
    }

    /// A prepayment that empties the last rows: once the last row owing something is paid, the
    /// loan is closed (it used to stay Active with no principal, its empty rows turning it late,
    /// impairable and defaultable, and every further repay reverting LoanNothingOwed).
    function test_repay_prepaymentEmptyingLastRowsClosesLoanOnLastOwingRow() public {
        uint256 id = _active(PRINCIPAL, 4, Schedule.Kind.Amortizing);
        Schedule.Terms memory t = loans.loan(id).terms;
        // On row 0's due date: rows 0 and 1 (the running row), plus B(3), the balance after row 2,
        // as a prepayment: row 2 then repays what is left and row 3 owes nothing.
        vm.warp(lens.installment(id, 0).dueDate);
        uint256 b3 = sched.principalOutstandingAfter(t, 2);
        _repay(id, _installmentTotal(id, 0) + _installmentTotal(id, 1) + b3);
        assertEq(loans.loan(id).prepaid, b3);
        assertEq(_installmentTotal(id, 3), 0, "row 3 owes nothing");
        assertGt(_installmentTotal(id, 2), 0, "row 2 owes the rest");
        vm.warp(lens.installment(id, 2).dueDate);
        _repay(id, _installmentTotal(id, 2));
        assertEq(uint8(_status(id)), uint8(ILoanManager.Status.Repaid), "no principal left: closed");
        assertEq(credit.recordOf(BORROWER_CO).loansOnTime, 1);
        assertEq(loans.exposureOf(BORROWER_CO), 0);
    }

    /// A row owing nothing between owing rows (0 %, 5 units over 10 rows: some principal parts
    /// round to zero) is skipped, neither blocking a cure nor making the loan late.
    function test_daysLate_zeroRowBetweenOwingRowsIsSkipped() public {
        uint256 id = _loan(5, 0, 10, MONTH, Schedule.Kind.Amortizing, 0);
        Schedule.Terms memory t = loans.loan(id).terms;
        (, uint256 p0, ) = sched.installment(t, 0);
        assertEq(p0, 0, "row 0 owes nothing");
        vm.warp(uint256(t.start) + 3 * MONTH - 1);
        // Rows 0 and 1 are due: row 1 (ceil(5·9/10) − ceil(5·8/10) = 1) owes, row 0 does not.
        (, uint256 p1, ) = sched.installment(t, 1);
        assertEq(p1, 1);
        assertEq(loans.daysLate(id), (3 * MONTH - 1 - 2 * MONTH) / 1 days, "from row 1's due date");
    }

    // ------------------------------------------------------------ fuzz over every schedule kind

    // solhint-disable-next-line gas-struct-packing
    struct F {
        uint128 principal;
        uint16 rate;
        uint16 count;
        uint32 period;
        Schedule.Kind kind;
        uint16 grace;
    }

    /// Terms of every kind; rate 0 one time in three, principal-grace rows one time in two
    /// (amortizing), tiny principals one time in four, so zero-amount rows are frequent.
    function _fuzz(uint256 seed) internal pure returns (F memory f) {
        f.kind = Schedule.Kind(seed % 3);
        f.count = uint16(bound(seed >> 8, 1, 24));
        f.rate = (seed >> 24) % 3 == 0 ? 0 : uint16(bound(seed >> 32, 0, Schedule.MAX_RATE_BPS));
        f.period = uint32(bound(seed >> 48, Schedule.MIN_PERIOD, 90 days));
        f.grace =
            f.kind == Schedule.Kind.Amortizing && (seed >> 80) % 2 == 0 ? uint16(bound(seed >> 88, 0, f.count - 1)) : 0;
        f.principal =
            (seed >> 104) % 4 == 0 ? uint128(bound(seed >> 112, 1, 50)) : uint128(bound(seed >> 112, 1e6, PRINCIPAL));
    }

    /// A borrower paying every installment that owes something on its due second is never late:
    /// at every due date daysLate is 0, impair and default revert, and the payoff records OnTime.
    function testFuzz_repay_onTimeBorrowerNeverLate(uint256 seed) public {
        F memory f = _fuzz(seed);
        uint256 id = _loan(f.principal, f.rate, f.count, f.period, f.kind, f.grace);
        Schedule.Terms memory t = loans.loan(id).terms;
        for (uint256 k = 0; k < f.count; ++k) {
            (uint256 due, uint256 p, uint256 i) = sched.installment(t, k);
            vm.warp(due);
            assertEq(loans.daysLate(id), 0, "on time is never late");
            _impairReverts(id);
            if (p + i > 0) assertEq(_repay(id, p + i), p + i);
        }
        assertEq(uint8(_status(id)), uint8(ILoanManager.Status.Repaid));
        ICreditHistory.CreditRecord memory r = credit.recordOf(BORROWER_CO);
        // Recorded on time, never late; since F-17 it counts in the score only once it ran 30 days.
        assertEq(r.loansLate, 0, "never recorded late");
        uint256 outstanding = block.timestamp - loans.loan(id).terms.start;
        assertEq(r.loansOnTime, outstanding >= 30 days ? 1 : 0, "recorded on time once seasoned");
        assertEq(r.totalDaysLate, 0);
    }

    /// With no payment at all, at any time, daysLate counts whole days from the due date of the
    /// first row that owes something, as the schedule table says; before it, the loan is never late
    /// nor impairable.
    function testFuzz_daysLate_countsFromFirstRowOwingSomething(uint256 seed, uint256 at) public {
        F memory f = _fuzz(seed);
        uint256 id = _loan(f.principal, f.rate, f.count, f.period, f.kind, f.grace);
        Schedule.Terms memory t = loans.loan(id).terms;
        uint256 firstOwing = type(uint256).max;
        for (uint256 k = 0; k < f.count && firstOwing == type(uint256).max; ++k) {
            (uint256 due, uint256 p, uint256 i) = sched.installment(t, k);
            if (p + i > 0) firstOwing = due;
        }
        assertTrue(firstOwing != type(uint256).max, "some row owes the principal");
        uint256 nowT = bound(at, t.start, uint256(t.start) + uint256(f.count + 3) * f.period);
        vm.warp(nowT);
        uint256 expected = nowT < firstOwing ? 0 : (nowT - firstOwing) / 1 days;
        assertEq(loans.daysLate(id), expected);
        if (expected < IMPAIR_DAYS) _impairReverts(id);
    }

    /// After any sequence of waits, partial payments, prepayments and overdue payments, lateness
    /// is the table's: whole days since the due date of the first due row from `head` on that owes
    /// something under the prepayment offset. The manager reads it from the terms and `head` alone
    /// for an interest-bearing loan other than a bullet (no row scan, no call); the calculator's
    /// `daysLate` agrees on every kind.
    function testFuzz_daysLate_afterPaymentsMatchesRowScan(uint256 seed, uint256[4] memory steps) public {
        F memory f = _fuzz(seed);
        uint256 id = _loan(f.principal, f.rate, f.count, f.period, f.kind, f.grace);
        for (uint256 n = 0; n < steps.length; ++n) {
            vm.warp(block.timestamp + bound(steps[n], 0, 2 * uint256(f.period)));
            (, , , uint256 total) = lens.payoffQuote(id);
            // Two steps in three pay something: part of a row, some rows, a prepayment or all.
            if ((steps[n] >> 128) % 3 != 0) _repay(id, bound(steps[n] >> 136, 1, total));
            if (_status(id) != ILoanManager.Status.Active) return;
            ILoanManager.Loan memory ln = loans.loan(id);
            uint256 expected = _scanDaysLate(ln);
            assertEq(loans.daysLate(id), expected, "manager");
            assertEq(
                loans.calculator().daysLate(ln.terms, ln.head, ln.prepaid, block.timestamp),
                expected,
                "calculator"
            );
        }
    }

    /// Row `k` under prepayment offset `x` as LoanMath's header states the model, from the
    /// Schedule harness: B'(k) = max(B(k) − x, 0), principal B'(k) − B'(k+1), interest one
    /// period's on B'(k).
    function _owes(Schedule.Terms memory t, uint256 k, uint256 x) internal view returns (bool) {
        (, uint256 p, uint256 i) = sched.installment(t, k);
        if (x == 0) return p + i != 0;
        uint256 afterK = sched.principalOutstandingAfter(t, k);
        uint256 before = afterK + p > x ? afterK + p - x : 0;
        uint256 next = afterK > x ? afterK - x : 0;
        return before - next + sched.periodInterestUp(t, before) != 0;
    }

    function _scanDaysLate(ILoanManager.Loan memory ln) internal view returns (uint256) {
        for (uint256 k = ln.head; k < ln.terms.count; ++k) {
            uint256 due = sched.dueDate(ln.terms, k);
            if (due > block.timestamp) return 0;
            if (_owes(ln.terms, k, ln.prepaid)) return (block.timestamp - due) / 1 days;
        }
        return 0;
    }
}
