// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Schedule} from "../libraries/Schedule.sol";
import {LoanMath} from "../loans/LoanMath.sol";

/// @title ILoanCalculator
/// @notice The loan math (LoanMath over Schedule) as a stateless contract the LoanManager calls,
/// so that the manager stays under the 24 KiB code limit without linked libraries.
interface ILoanCalculator {
    /// @notice Accrues late fees of `s` up to `nowT`, then applies up to `amount` (0: accrue only).
    /// @param t The loan's schedule terms.
    /// @param s The loan's repayment progress.
    /// @param amount The amount to apply (0: accrue only).
    /// @param nowT The time to compute at (unix seconds).
    /// @param lateFeeBps The annual late-fee rate, in basis points.
    /// @param graceSeconds Seconds after a due date before late fees accrue.
    /// @return next The progress after the payment.
    /// @return split How the payment was applied (its sum is what the loan takes).
    /// @return principalLeft Principal still owed afterwards; computed only when `amount` is 0.
    /// @return dueCount Installments due by `nowT` (`Schedule.installmentsDueBy`).
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
        returns (LoanMath.Progress memory next, LoanMath.Split memory split, uint256 principalLeft, uint256 dueCount);

    /// @notice Whole days the oldest installment from `head` on that still owes something (under
    /// prepayment offset `prepaid`) is past its due date at `nowT`; 0 when none that owes is due.
    /// Rows owing nothing never make a loan late.
    /// @param t The loan's schedule terms.
    /// @param head The oldest installment not yet fully paid.
    /// @param prepaid The prepayment offset (principal prepaid ahead of the schedule).
    /// @param nowT The time to compute at (unix seconds).
    /// @return days Whole days late, 0 when nothing owed is due.
    function daysLate(
        Schedule.Terms calldata t,
        uint256 head,
        uint256 prepaid,
        uint256 nowT
    ) external pure returns (uint256);
}
