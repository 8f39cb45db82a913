// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title DiscountMath
/// @notice Invoice financing terms: the discount fee (rounded up, the pool's favour) and the
/// advance (rounded down). Rates are basis points; the discount rate is annual, pro rata to the
/// seconds until the due date over a 365-day year.
library DiscountMath {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant YEAR = 365 days;

    /// @notice ceil(face * rateBps * tenor / (BPS * YEAR)).
    function feeUp(uint256 face, uint256 rateBps, uint256 tenor) internal pure returns (uint256) {
        return Math.mulDiv(face, rateBps * tenor, BPS * YEAR, Math.Rounding.Ceil);
    }

    /// @notice floor(face * advanceRateBps / BPS) - fee, or zero when the fee eats the advance.
    function advanceDown(uint256 face, uint256 advanceRateBps, uint256 fee) internal pure returns (uint256) {
        uint256 gross = Math.mulDiv(face, advanceRateBps, BPS, Math.Rounding.Floor);
        return gross > fee ? gross - fee : 0;
    }

    /// @notice floor(amount * bps / BPS): the treasury's share, rounded in the investors' favour.
    function bpsDown(uint256 amount, uint256 bps) internal pure returns (uint256) {
        return Math.mulDiv(amount, bps, BPS, Math.Rounding.Floor);
    }

    /// @notice floor(value * bps * elapsed / (BPS * YEAR)): a time-based fee.
    function annualDown(uint256 value, uint256 bps, uint256 elapsed) internal pure returns (uint256) {
        return Math.mulDiv(value, bps * elapsed, BPS * YEAR, Math.Rounding.Floor);
    }
}
