// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ILoanCalculator} from "../interfaces/ILoanCalculator.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {LoanMath} from "./LoanMath.sol";

/// @title LoanCalculator
/// @notice Stateless, pure: see {ILoanCalculator}. Deployed once, shared by every manager.
contract LoanCalculator is ILoanCalculator {
    /// @inheritdoc ILoanCalculator
    function settle(
        Schedule.Terms calldata t,
        LoanMath.Progress calldata s,
        uint256 amount,
        uint256 nowT,
        uint256 lateFeeBps,
        uint256 graceSeconds
    )
        external
        pure
        returns (LoanMath.Progress memory next, LoanMath.Split memory split, uint256 principalLeft, uint256 dueCount)
    {
        Schedule.Terms memory terms = t;
        next = s;
        LoanMath.accrueFees(terms, next, nowT, lateFeeBps, graceSeconds);
        split = LoanMath.applyPayment(terms, next, amount, nowT, graceSeconds);
        // Only the default path needs it; repayments skip the extra schedule evaluation.
        if (amount == 0) principalLeft = LoanMath.principalRemaining(terms, next);
        dueCount = Schedule.installmentsDueBy(terms, nowT);
    }

    /// @inheritdoc ILoanCalculator
    function daysLate(
        Schedule.Terms calldata t,
        uint256 head,
        uint256 prepaid,
        uint256 nowT
    ) external pure returns (uint256) {
        Schedule.Terms memory terms = t;
        uint256 due = Schedule.installmentsDueBy(terms, nowT);
        // Measured from the oldest due row that still owes something (finding F-16).
        uint256 k = LoanMath.firstOwing(terms, head, prepaid, due);
        if (k >= due) return 0;
        return (nowT - Schedule.dueDate(terms, k)) / 1 days;
    }
}
