// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {LoanMath} from "./LoanMath.sol";

/// @title LoanProgress
/// @notice A loan's repayment progress as stored, read against its schedule: the one place that
/// packs and unpacks the progress fields of `ILoanManager.Loan`, used by the manager (from storage)
/// and the lens (from a copy), and the reads built on it: lateness and principal repaid.
/// @dev `principalRepaid` is external: linked, it runs the schedule maths in this library's code,
/// not the manager's. Everything else is internal.
library LoanProgress {
    /// @notice The progress of `ln`, reading only its progress fields.
    /// @param ln The loan, in storage.
    /// @return The progress.
    function progressOf(ILoanManager.Loan storage ln) internal view returns (LoanMath.Progress memory) {
        return
            LoanMath.Progress({
                head: ln.head,
                headPaid: ln.headPaid,
                prepaid: ln.prepaid,
                fees: ln.feesOwed,
                feesAccruedTo: ln.feesAccruedTo,
                maxDaysLate: ln.maxDaysLate
            });
    }

    /// @notice The progress of a copy of a loan (as `ILoanManager.loan` returns it).
    /// @param ln The loan, in memory.
    /// @return The progress.
    function progressOfCopy(ILoanManager.Loan memory ln) internal pure returns (LoanMath.Progress memory) {
        return
            LoanMath.Progress({
                head: ln.head,
                headPaid: ln.headPaid,
                prepaid: ln.prepaid,
                fees: ln.feesOwed,
                feesAccruedTo: ln.feesAccruedTo,
                maxDaysLate: ln.maxDaysLate
            });
    }

    /// @notice Stores progress `s` into `ln`, writing the prepayment and days-late fields only when
    /// they changed (most settlements change neither).
    /// @param ln The loan, in storage.
    /// @param s The progress to store.
    function store(ILoanManager.Loan storage ln, LoanMath.Progress memory s) internal {
        // head ≤ count ≤ 1,000; timestamps fit 40 bits; amounts are bounded by the principal and
        // the fees on it, checked by SafeCast; days late saturate at the field's maximum.
        ln.head = uint16(s.head);
        ln.feesAccruedTo = uint40(s.feesAccruedTo);
        ln.headPaid = SafeCast.toUint96(s.headPaid);
        ln.feesOwed = SafeCast.toUint96(s.fees);
        if (s.prepaid != ln.prepaid) ln.prepaid = SafeCast.toUint128(s.prepaid);
        uint16 late = uint16(Math.min(s.maxDaysLate, type(uint16).max));
        if (late != ln.maxDaysLate) ln.maxDaysLate = late;
    }

    /// @notice Whole days the oldest due row still owing something is late at `nowT` (finding F-16).
    /// @dev Rows owing nothing (a bullet's checkpoints, rate-0 interest-only or grace rows, rows a
    /// prepayment emptied) are skipped. O(1) for an interest-bearing loan that is not a bullet
    /// (see `latenessOfHead`), else a scan from `head` over the due rows.
    /// @param ln The loan, in storage.
    /// @param t Its terms.
    /// @param nowT The time to measure at.
    /// @return Whole days late.
    function lateness(
        ILoanManager.Loan storage ln,
        Schedule.Terms memory t,
        uint256 nowT
    ) internal view returns (uint256) {
        if (t.kind != Schedule.Kind.Bullet && t.rateBps != 0) return latenessOfHead(t, ln.head, nowT);
        uint256 due = Schedule.installmentsDueBy(t, nowT);
        uint256 k = LoanMath.firstOwing(t, ln.head, ln.prepaid, due);
        if (k >= due) return 0;
        return (nowT - Schedule.dueDate(t, k)) / 1 days;
    }

    /// @notice `lateness` of the loan at `nowT`, run in this library's code.
    /// @param ln The loan, in storage.
    /// @param nowT The time to measure at.
    /// @return Whole days late.
    function latenessAt(ILoanManager.Loan storage ln, uint256 nowT) external view returns (uint256) {
        return lateness(ln, ln.terms, nowT);
    }

    /// @notice Lateness of an interest-bearing loan that is not a bullet: whole days row `head` is
    /// past its due date at `nowT`.
    /// @dev Such a loan's oldest row still owing something is `head` whenever it is due: settlement
    /// leaves `head` on a row with B'(head) > 0 or closes the loan (`LoanMath.applyPayment`), and
    /// with interest every such row owes at least one unit (`LoanMath.firstOwing`'s O(1) case). So
    /// it is read from the terms and `head` alone, without the prepayment slot.
    /// @param t The loan's terms.
    /// @param head The oldest installment not yet complete.
    /// @param nowT The time to measure at.
    /// @return Whole days late.
    function latenessOfHead(Schedule.Terms memory t, uint256 head, uint256 nowT) internal pure returns (uint256) {
        // A defaulted loan paid since has head = count: nothing owed is late.
        if (head >= t.count) return 0;
        uint256 dueAt = uint256(t.start) + (head + 1) * t.period;
        return nowT < dueAt ? 0 : (nowT - dueAt) / 1 days;
    }

    /// @notice Principal repaid on loan `loanId` so far (see `ILoanManager.principalRepaid`).
    /// @param ln The loan, in storage.
    /// @param loanId The loan's id; reverts with `LoanNotFound` when it does not exist.
    /// @return Principal repaid, at most `terms.principal`.
    function principalRepaid(ILoanManager.Loan storage ln, uint256 loanId) external view returns (uint256) {
        ILoanManager.Status status = ln.status;
        if (status == ILoanManager.Status.None) revert ILoanManager.LoanNotFound(loanId);
        Schedule.Terms memory t = ln.terms;
        if (status == ILoanManager.Status.Repaid) return t.principal;
        if (status != ILoanManager.Status.Active && status != ILoanManager.Status.Defaulted) return 0;
        // What `principalRemaining` reads, and nothing else: the pool asks at every claim.
        LoanMath.Progress memory s;
        s.head = ln.head;
        s.headPaid = ln.headPaid;
        s.prepaid = ln.prepaid;
        return t.principal - LoanMath.principalRemaining(t, s);
    }
}
