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

    /// @notice An entity's record, unpacked. Counts are of settled obligations; volumes in the
    /// stablecoin's smallest unit (saturating at 2^64 − 1, ~1.8e13 USD at 6 decimals).
    /// `loansCreditedVolume` is not the principal repaid but the principal weighted by the time
    /// each loan was outstanding (see {recordLoan}); `loansOnTime` counts only loans outstanding
    /// 30 days or more, so a loan repaid in its first block appears in neither.
    // Only built in memory for callers; storage packs it into two slots.
    // solhint-disable-next-line gas-struct-packing
    struct CreditRecord {
        uint32 receivablesOnTime;
        uint32 receivablesLate;
        uint32 receivablesDefaulted;
        uint32 loansOnTime;
        uint32 loansLate;
        uint32 loansDefaulted;
        uint64 totalDaysLate;
        uint64 receivablesRepaidVolume;
        uint64 receivablesDefaultedVolume;
        uint64 loansCreditedVolume;
        uint64 loansDefaultedVolume;
    }

    /// @notice `recorder` booked a receivable of `entity`: `faceValue` settled with `outcome`.
    event ReceivableRecorded(
        bytes32 indexed entity,
        address indexed recorder,
        uint256 faceValue,
        Outcome outcome,
        uint32 daysLate
    );

    /// @notice `recorder` booked a loan of `entity`: `principal`, drawn down `outstanding` seconds
    /// before, closed with `outcome`. `credited` is what a repayment added to the credited volume
    /// (principal × min(outstanding, 30 days) / 30 days; zero for a default, which books the
    /// whole principal as defaulted volume).
    event LoanRecorded(
        bytes32 indexed entity,
        address indexed recorder,
        uint256 principal,
        uint256 outstanding,
        uint256 credited,
        Outcome outcome,
        uint32 daysLate
    );

    /// @notice `recorder` may (or may no longer) write records.
    event RecorderSet(address indexed recorder, bool allowed);

    /// @notice The base credit limit (score 1000) became `baseLimit`.
    event BaseLimitSet(uint256 baseLimit);

    /// @notice `caller` is not a registered recorder.
    error CreditNotRecorder(address caller);

    /// @notice The entity id is zero.
    error CreditZeroEntity();

    /// @notice The recorder address is zero.
    error CreditZeroRecorder();

    /// @notice A receivable issued by `entity` was settled or defaulted. `daysLate` is 0 on time.
    function recordReceivable(bytes32 entity, uint256 faceValue, Outcome outcome, uint32 daysLate) external;

    /// @notice A loan of `entity` closed: repaid (on time or late) or defaulted. `drawnDownAt` is
    /// the timestamp the borrower received the principal; `daysLate` is the most days any
    /// installment was paid after its due date (0 on time).
    /// @dev A repayment is credited by what the lenders risked: principal × time outstanding,
    /// principal × min(now − drawnDownAt, 30 days) / 30 days, rounded down (`SEASONING` in the
    /// implementation). An on-time loan counts as an obligation only once it was outstanding 30
    /// days; sooner it adds its credited volume and no count, and repaid in its first block it
    /// changes nothing. Lateness and defaults always count in full. A `drawnDownAt` in the future
    /// counts as no time.
    function recordLoan(
        bytes32 entity,
        uint256 principal,
        uint256 drawnDownAt,
        Outcome outcome,
        uint32 daysLate
    ) external;

    /// @notice Allows or disallows `recorder` to write. Restricted to the admin (deployment wiring).
    function setRecorder(address recorder, bool allowed) external;

    /// @notice Sets the credit limit of a perfect (1000) score. Restricted to `Roles.POLICY_ADMIN`.
    function setBaseLimit(uint256 baseLimit) external;

    /// @notice Whether `account` may write records.
    function isRecorder(address account) external view returns (bool);

    /// @notice The credit limit of a perfect score.
    function baseLimit() external view returns (uint256);

    /// @notice The stored record of `entity` (all zero when it has none).
    function recordOf(bytes32 entity) external view returns (CreditRecord memory);

    /// @notice The score of `entity`, 0..1000; see the implementation for the formula.
    function scoreOf(bytes32 entity) external view returns (uint256);

    /// @notice The credit limit of `entity` (auto-approval bound for new loans); see the formula.
    function creditLimitOf(bytes32 entity) external view returns (uint256);
}
