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
    /// @param count The number of installments.
    /// @param max The largest value accepted.
    error ScheduleInvalidCount(uint256 count, uint256 max);

    /// @notice The period length `period` (seconds) is shorter than `min`.
    /// @param period The length of one period, in seconds.
    /// @param min The smallest value accepted.
    error SchedulePeriodTooShort(uint256 period, uint256 min);

    /// @notice The period length `period` (seconds) is longer than `max`.
    /// @param period The length of one period, in seconds.
    /// @param max The largest value accepted.
    error SchedulePeriodTooLong(uint256 period, uint256 max);

    /// @notice The annual rate `rateBps` exceeds `max` basis points.
    /// @param rateBps The annual interest rate, in basis points.
    /// @param max The largest value accepted.
    error ScheduleRateTooHigh(uint256 rateBps, uint256 max);

    /// @notice `grace` interest-only installments leave no installment to repay principal out of `count`.
    /// @param grace The number of interest-only installments.
    /// @param count The number of installments.
    error ScheduleGraceTooLong(uint256 grace, uint256 count);

    /// @notice Principal grace periods only exist for amortizing schedules; `kind` is another kind.
    /// @param kind The schedule kind.
    /// @param grace The number of interest-only installments.
    error ScheduleGraceRequiresAmortizing(uint8 kind, uint256 grace);

    /// @notice Installment `index` does not exist in a schedule of `count` installments.
    /// @param index The installment's index, from 0.
    /// @param count The number of installments.
    error ScheduleInstallmentOutOfRange(uint256 index, uint256 count);

    /// @notice The annual late-fee rate `lateFeeBps` exceeds `max` basis points.
    /// @param lateFeeBps The annual late-fee rate, in basis points.
    /// @param max The largest value accepted.
    error ScheduleLateFeeRateTooHigh(uint256 lateFeeBps, uint256 max);

    /// @notice `daysLate` exceeds the `max` days a late fee is computed for.
    /// @param daysLate Whole days late.
    /// @param max The largest value accepted.
    error ScheduleDaysLateTooLarge(uint256 daysLate, uint256 max);

    /// @notice The overdue `amount` exceeds `max`, the largest amount a schedule can produce.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param max The largest value accepted.
    error ScheduleAmountTooLarge(uint256 amount, uint256 max);
}
