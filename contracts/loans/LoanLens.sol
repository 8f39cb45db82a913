// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ILoanLens} from "../interfaces/ILoanLens.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {LoanMath} from "./LoanMath.sol";
import {LoanProgress} from "./LoanProgress.sol";

/// @title LoanLens
/// @notice Views over a LoanManager's loans; see {ILoanLens}.
contract LoanLens is ILoanLens {
    ILoanManager private immutable MANAGER;

    constructor(ILoanManager manager_) {
        MANAGER = manager_;
    }

    /// @inheritdoc ILoanLens
    function manager() external view returns (ILoanManager) {
        return MANAGER;
    }

    /// @inheritdoc ILoanLens
    function installment(uint256 loanId, uint256 index) external view returns (InstallmentRow memory) {
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        return _row(ln, index);
    }

    /// @inheritdoc ILoanLens
    function installments(uint256 loanId) external view returns (InstallmentRow[] memory rows) {
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        uint256 count = ln.terms.count;
        rows = new InstallmentRow[](count);
        for (uint256 k = 0; k < count; ++k) {
            rows[k] = _row(ln, k);
        }
    }

    /// @inheritdoc ILoanLens
    function payoffQuote(
        uint256 loanId
    ) external view returns (uint256 fees, uint256 interest, uint256 principal, uint256 total) {
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        if (!_live(ln)) return (0, 0, 0, 0);
        (LoanMath.Progress memory s, uint256 nowT, uint256 grace) = _accrued(ln);
        LoanMath.Split memory split = LoanMath.applyPayment(ln.terms, s, type(uint256).max, nowT, grace);
        fees = split.fees;
        interest = split.interest;
        principal = split.principal + split.prepaid;
        total = fees + interest + principal;
    }

    /// @inheritdoc ILoanLens
    function amountDue(uint256 loanId) external view returns (uint256 due) {
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        if (!_live(ln)) return 0;
        (LoanMath.Progress memory s, uint256 nowT, ) = _accrued(ln);
        due = s.fees;
        uint256 dueCount = Schedule.installmentsDueBy(ln.terms, nowT);
        for (uint256 k = s.head; k < dueCount; ++k) {
            (, uint256 p, uint256 i) = LoanMath.parts(ln.terms, k, s.prepaid);
            due += p + i - (k == s.head ? s.headPaid : 0);
        }
    }

    /// @inheritdoc ILoanLens
    function principalOutstanding(uint256 loanId) external view returns (uint256) {
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        if (!_live(ln)) return 0;
        return LoanMath.principalRemaining(ln.terms, LoanProgress.progressOfCopy(ln));
    }

    function _live(ILoanManager.Loan memory ln) private pure returns (bool) {
        return ln.status == ILoanManager.Status.Active || ln.status == ILoanManager.Status.Defaulted;
    }

    /// @dev Progress with fees accrued to the loan's clock (stopped at default), as `repay` does.
    function _accrued(
        ILoanManager.Loan memory ln
    ) private view returns (LoanMath.Progress memory s, uint256 nowT, uint256 grace) {
        s = LoanProgress.progressOfCopy(ln);
        nowT = ln.status == ILoanManager.Status.Defaulted ? ln.defaultedAt : block.timestamp;
        grace = uint256(ln.lateGraceDays) * 1 days;
        LoanMath.accrueFees(ln.terms, s, nowT, ln.lateFeeBps, grace);
    }

    function _row(ILoanManager.Loan memory ln, uint256 k) private view returns (InstallmentRow memory row) {
        (uint256 due, uint256 p, uint256 i) = LoanMath.parts(ln.terms, k, ln.prepaid);
        bool drawn = ln.status >= ILoanManager.Status.Active && ln.status <= ILoanManager.Status.Defaulted;
        // Not drawn down: the schedule as it would start now (terms.start is 0).
        if (ln.terms.start == 0) due += block.timestamp;
        // Amounts are parts of a uint128 principal and its interest; due dates fit 40 bits.
        row.dueDate = uint40(due);
        row.principal = uint128(p);
        row.interest = uint128(i);
        if (k < ln.head) {
            row.paid = uint128(p + i);
            row.status = InstallmentStatus.Paid;
            return row;
        }
        if (k == ln.head) row.paid = ln.headPaid;
        uint256 nowT = ln.status == ILoanManager.Status.Defaulted ? ln.defaultedAt : block.timestamp;
        if (ln.status == ILoanManager.Status.Repaid || (drawn && row.paid == p + i)) {
            row.status = InstallmentStatus.Paid;
        } else if (!drawn || nowT <= due) {
            row.status = InstallmentStatus.Upcoming;
        } else if (nowT <= due + uint256(ln.lateGraceDays) * 1 days) {
            row.status = InstallmentStatus.Due;
        } else {
            row.status = InstallmentStatus.Late;
        }
    }
}
