// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ILoanManager} from "./ILoanManager.sol";

/// @title ILoanLens
/// @notice Read-only views over a LoanManager's loans: the installment table, the payoff quote,
/// what is due now: periphery reads no write needs, apart from the manager. It reads the loan's
/// progress as the manager does (`LoanProgress`) and runs the same LoanMath code as `repay`, so a
/// quote is exactly what `repay` would take.
interface ILoanLens {
    /// @notice Row status: `Upcoming` not yet due (or not drawn down); `Due` past due but within the
    /// late-fee grace; `Late` past the grace and not fully paid; `Paid` fully paid.
    enum InstallmentStatus {
        Upcoming,
        Due,
        Late,
        Paid
    }

    /// @notice One row of the installment table. Before drawdown, due dates are as if drawn down
    /// now. Rows reflect the current prepayment offset (see LoanMath); the interest actually paid
    /// on each row is in the `LoanRepaid` events.
    struct InstallmentRow {
        uint40 dueDate;
        uint128 principal;
        uint128 interest;
        uint128 paid;
        InstallmentStatus status;
    }

    /// @notice The manager this lens reads.
    /// @return manager The LoanManager.
    function manager() external view returns (ILoanManager);

    /// @notice Installment `index` of loan `loanId` (Schedule errors when out of range).
    /// @param loanId The loan's id.
    /// @param index The installment's index, from 0.
    /// @return row The installment row.
    function installment(uint256 loanId, uint256 index) external view returns (InstallmentRow memory);

    /// @notice The whole table; loops over `count` ≤ 1,000 rows, for off-chain reads.
    /// @param loanId The loan's id.
    /// @return rows Every installment row, in order.
    function installments(uint256 loanId) external view returns (InstallmentRow[] memory rows);

    /// @notice Everything needed to close the loan now: late fees, interest (overdue and running
    /// installments), principal; `total` is what `repay(loanId, total)` takes now. Zero unless the
    /// loan is Active or Defaulted.
    /// @param loanId The loan's id.
    /// @return fees Late fees owed.
    /// @return interest Interest owed (overdue and running installments).
    /// @return principal Principal still owed.
    /// @return total The sum: what `repay(loanId, total)` takes now.
    function payoffQuote(
        uint256 loanId
    ) external view returns (uint256 fees, uint256 interest, uint256 principal, uint256 total);

    /// @notice Late fees plus every installment due by now (not the running one).
    /// @param loanId The loan's id.
    /// @return due The amount due now.
    function amountDue(uint256 loanId) external view returns (uint256);

    /// @notice Principal still owed (0 unless Active or Defaulted).
    /// @param loanId The loan's id.
    /// @return principal The principal still owed.
    function principalOutstanding(uint256 loanId) external view returns (uint256);
}
