// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IScheduleErrors
/// @notice Errors raised by the repayment schedule library (`contracts/libraries/Schedule.sol`).
/// @dev Declared in an interface so that a loan contract can list them in its own ABI (and tests
/// can build selectors) without depending on the library's internals.
interface IScheduleErrors {
    /// @notice The terms ask for a loan of zero principal.
    error ScheduleZeroPrincipal();

    /// @notice The number of installments `count` is outside [1, `max`].
    error ScheduleInvalidCount(uint256 count, uint256 max);

    /// @notice The period length `period` (seconds) is shorter than `min`.
    error SchedulePeriodTooShort(uint256 period, uint256 min);

    /// @notice The period length `period` (seconds) is longer than `max`.
    error SchedulePeriodTooLong(uint256 period, uint256 max);

    /// @notice The annual rate `rateBps` exceeds `max` basis points.
    error ScheduleRateTooHigh(uint256 rateBps, uint256 max);

    /// @notice `grace` interest-only installments leave no installment to repay principal out of `count`.
    error ScheduleGraceTooLong(uint256 grace, uint256 count);

    /// @notice Principal grace periods only exist for amortizing schedules; `kind` is another kind.
    error ScheduleGraceRequiresAmortizing(uint8 kind, uint256 grace);

    /// @notice Installment `index` does not exist in a schedule of `count` installments.
    error ScheduleInstallmentOutOfRange(uint256 index, uint256 count);

    /// @notice The annual late-fee rate `lateFeeBps` exceeds `max` basis points.
    error ScheduleLateFeeRateTooHigh(uint256 lateFeeBps, uint256 max);

    /// @notice `daysLate` exceeds the `max` days a late fee is computed for.
    error ScheduleDaysLateTooLarge(uint256 daysLate, uint256 max);

    /// @notice The overdue `amount` exceeds `max`, the largest amount a schedule can produce.
    error ScheduleAmountTooLarge(uint256 amount, uint256 max);
}
