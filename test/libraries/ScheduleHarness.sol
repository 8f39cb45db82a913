// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {FixedPointMath} from "../../contracts/libraries/FixedPointMath.sol";

/// @notice Exposes the internal schedule library externally, so that tests can `expectRevert` its
/// errors and the TypeScript reference test can read whole tables in one call.
contract ScheduleHarness {
    function validate(Schedule.Terms calldata t) external pure {
        Schedule.validate(t);
    }

    function installment(
        Schedule.Terms calldata t,
        uint256 i
    ) external pure returns (uint256 due, uint256 principalPart, uint256 interestPart) {
        return Schedule.installment(t, i);
    }

    function principalOutstandingAfter(Schedule.Terms calldata t, uint256 i) external pure returns (uint256) {
        return Schedule.principalOutstandingAfter(t, i);
    }

    function totalInterest(Schedule.Terms calldata t) external pure returns (uint256) {
        return Schedule.totalInterest(t);
    }

    function dueDate(Schedule.Terms calldata t, uint256 i) external pure returns (uint256) {
        return Schedule.dueDate(t, i);
    }

    function installmentsDueBy(Schedule.Terms calldata t, uint256 timestamp) external pure returns (uint256) {
        return Schedule.installmentsDueBy(t, timestamp);
    }

    function periodInterestUp(Schedule.Terms calldata t, uint256 balance) external pure returns (uint256) {
        return Schedule.periodInterestUp(t, balance);
    }

    function lateFeeUp(uint256 amountDue, uint256 daysLate, uint256 lateFeeBps) external pure returns (uint256) {
        return Schedule.lateFeeUp(amountDue, daysLate, lateFeeBps);
    }

    function powDown(uint256 x, uint256 n) external pure returns (uint256) {
        return FixedPointMath.powDown(x, n);
    }

    function mulDivDown(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return FixedPointMath.mulDivDown(x, y, d);
    }

    function mulDivUp(uint256 x, uint256 y, uint256 d) external pure returns (uint256) {
        return FixedPointMath.mulDivUp(x, y, d);
    }

    /// @notice Every installment and the balance after it, through the same library calls a loan makes.
    function table(
        Schedule.Terms calldata t
    )
        external
        pure
        returns (
            uint256[] memory dueDates,
            uint256[] memory principalParts,
            uint256[] memory interestParts,
            uint256[] memory outstandingAfter
        )
    {
        Schedule.validate(t);
        uint256 count = t.count;
        dueDates = new uint256[](count);
        principalParts = new uint256[](count);
        interestParts = new uint256[](count);
        outstandingAfter = new uint256[](count);
        for (uint256 i = 0; i < count; ++i) {
            (dueDates[i], principalParts[i], interestParts[i]) = Schedule.installment(t, i);
            outstandingAfter[i] = Schedule.principalOutstandingAfter(t, i);
        }
    }

    /// @notice Gas of one `Schedule.installment` call as a loan contract would pay it (inlined, terms
    /// already in memory), excluding this harness's calldata decoding.
    function installmentGas(Schedule.Terms calldata t, uint256 i) external view returns (uint256 used) {
        Schedule.Terms memory terms = t;
        uint256 before = gasleft();
        Schedule.installment(terms, i);
        used = before - gasleft();
    }
}
