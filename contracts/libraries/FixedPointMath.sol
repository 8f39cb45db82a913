// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title FixedPointMath
/// @notice Multiplication/division with the rounding direction in the name, and a power function
/// for fractions in [0, 1] whose rounding is monotone in the exponent.
/// @dev Fractions use a 36-decimal fixed point (`ONE = 1e36`) rather than WAD/RAY: schedule
/// amounts are divided by `1 - v^n`, which is as small as ~2.7e-7 for the lowest rate and period,
/// so every extra digit of the fraction is a digit of precision in the result. 1e36 < 2^120, so the
/// product of two fractions stays below 2^240 and needs no 512-bit arithmetic.
library FixedPointMath {
    /// @notice The fixed-point representation of 1.
    uint256 internal constant ONE = 1e36;

    /// @notice `powDown` was given a base above one; only fractions in [0, 1] are supported.
    error FixedPointMathBaseAboveOne(uint256 base, uint256 one);

    /// @notice floor(x * y / d), exact over 512-bit intermediates; reverts (panic) if d == 0 or the result
    /// overflows, which callers rule out by their own bounds.
    function mulDivDown(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(x, y, d, Math.Rounding.Floor);
    }

    /// @notice ceil(x * y / d), exact over 512-bit intermediates; same preconditions as `mulDivDown`.
    function mulDivUp(uint256 x, uint256 y, uint256 d) internal pure returns (uint256) {
        return Math.mulDiv(x, y, d, Math.Rounding.Ceil);
    }

    /// @notice x^n for a fraction x in [0, ONE], every multiplication rounded down.
    /// @dev Exponentiation by squaring, O(log n). With a ⊗ b = floor(a·b / ONE), the result for n is
    /// the left fold ONE ⊗ V_j1 ⊗ V_j2 ⊗ ... over the set bits j1 < j2 < ... of n, where
    /// V_0 = x and V_{j+1} = V_j ⊗ V_j. Monotonicity in n (the schedule relies on it so that no
    /// principal part is ever negative): write n = h·2^(t+1) + (2^t − 1), so n + 1 = h·2^(t+1) + 2^t.
    /// Both results apply the same monotone fold H for the bits of h, to L_t = ONE ⊗ V_0 ⊗ ... ⊗ V_(t−1)
    /// for n and to V_t for n + 1. By induction V_t ≤ L_t: V_0 = x ≤ ONE = L_0, and
    /// V_t = V_(t−1) ⊗ V_(t−1) ≤ L_(t−1) ⊗ V_(t−1) = L_t because ⊗ is monotone in each argument.
    /// Hence powDown(x, n + 1) ≤ powDown(x, n) for every n: exactly, not just up to rounding.
    /// Error: each ⊗ loses < 1 unit and, all factors being ≤ 1, squaring at most doubles an earlier
    /// error, so V_j is short of x^(2^j) by at most 2^j − 1 units and each fold step adds at most 2^j:
    /// the result is below the exact x^n by less than n units of 1e-36 (never above it).
    function powDown(uint256 x, uint256 n) internal pure returns (uint256 z) {
        if (x > ONE) revert FixedPointMathBaseAboveOne(x, ONE);
        z = ONE;
        // Safe: x and z stay ≤ ONE < 2^120 (each step multiplies two values ≤ ONE and divides by ONE),
        // so every product is < 2^240 and the divisor is a non-zero constant.
        unchecked {
            while (n != 0) {
                if (n & 1 == 1) z = (z * x) / ONE;
                n >>= 1;
                if (n != 0) x = (x * x) / ONE;
            }
        }
    }
}
