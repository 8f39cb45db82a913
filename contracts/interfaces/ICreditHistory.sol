// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title ICreditHistory
/// @notice Repayment record per borrower entity (company, not wallet) across every receivable,
/// pool and loan of the protocol. Written only by the protocol's own contracts (recorders the
/// admin registers), readable by anyone; the score and credit limit are derived from it by a
/// documented formula.
interface ICreditHistory {
    /// @notice How an obligation ended. On time: settled at or before its due date.
    enum Outcome {
        OnTime,
        Late,
        Defaulted
    }

    /// @notice A receivable issued by `entity` was settled or defaulted. `daysLate` is 0 on time.
    function recordReceivable(bytes32 entity, uint256 faceValue, Outcome outcome, uint32 daysLate) external;
}
