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
    /// @param entity The entity id (company) concerned.
    /// @param recorder The recorder contract.
    /// @param faceValue The face value of the invoice.
    /// @param outcome How the obligation ended.
    /// @param daysLate Whole days late.
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
    /// @param entity The entity id (company) concerned.
    /// @param recorder The recorder contract.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param outstanding Seconds from drawdown to close.
    /// @param credited What the repayment added to the credited volume.
    /// @param outcome How the obligation ended.
    /// @param daysLate Whole days late.
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
    /// @param recorder The recorder contract.
    /// @param allowed Whether it is allowed from now on.
    event RecorderSet(address indexed recorder, bool allowed);

    /// @notice The base credit limit (score 1000) became `baseLimit`.
    /// @param baseLimit The credit limit of a perfect (1000) score.
    event BaseLimitSet(uint256 baseLimit);

    /// @notice `caller` is not a registered recorder.
    /// @param caller The caller.
    error CreditNotRecorder(address caller);

    /// @notice The entity id is zero.
    error CreditZeroEntity();

    /// @notice The recorder address is zero.
    error CreditZeroRecorder();

    /// @notice A receivable issued by `entity` was settled or defaulted. `daysLate` is 0 on time.
    /// @param entity The entity id (company) concerned.
    /// @param faceValue The face value of the invoice.
    /// @param outcome How the obligation ended.
    /// @param daysLate Whole days late.
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
    /// @param entity The entity id (company) concerned.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param drawnDownAt When the borrower received the principal (unix seconds).
    /// @param outcome How the obligation ended.
    /// @param daysLate Whole days late.
    function recordLoan(
        bytes32 entity,
        uint256 principal,
        uint256 drawnDownAt,
        Outcome outcome,
        uint32 daysLate
    ) external;

    /// @notice Allows or disallows `recorder` to write. Restricted to the admin (deployment wiring).
    /// @param recorder The recorder contract.
    /// @param allowed Whether it is allowed from now on.
    function setRecorder(address recorder, bool allowed) external;

    /// @notice Sets the credit limit of a perfect (1000) score. Restricted to `Roles.POLICY_ADMIN`.
    /// @param baseLimit The credit limit of a perfect (1000) score.
    function setBaseLimit(uint256 baseLimit) external;

    /// @notice Whether `account` may write records.
    /// @param account The account.
    /// @return allowed True when `account` is a registered recorder.
    function isRecorder(address account) external view returns (bool);

    /// @notice The credit limit of a perfect score.
    /// @return limit The base limit, in the stablecoin's smallest unit.
    function baseLimit() external view returns (uint256);

    /// @notice The stored record of `entity` (all zero when it has none).
    /// @param entity The entity id (company) concerned.
    /// @return record The entity's credit record.
    function recordOf(bytes32 entity) external view returns (CreditRecord memory);

    /// @notice The score of `entity`, 0..1000; see the implementation for the formula.
    /// @param entity The entity id (company) concerned.
    /// @return score The score, from 0 to 1000.
    function scoreOf(bytes32 entity) external view returns (uint256);

    /// @notice The credit limit of `entity` (auto-approval bound for new loans); see the formula.
    /// @param entity The entity id (company) concerned.
    /// @return limit The credit limit, in the stablecoin's smallest unit.
    function creditLimitOf(bytes32 entity) external view returns (uint256);
}
