// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {FixedPointMath} from "../../contracts/libraries/FixedPointMath.sol";
import {ScheduleBase} from "./ScheduleBase.sol";

contract FixedPointMathTest is ScheduleBase {
    uint256 internal constant ONE = 1e36;

    function test_mulDivDown_roundsDown() public view {
        assertEq(h.mulDivDown(10, 10, 3), 33);
        assertEq(h.mulDivDown(type(uint256).max, 2, 4), type(uint256).max / 2, "512-bit intermediate");
    }

    function test_mulDivUp_roundsUp() public view {
        assertEq(h.mulDivUp(10, 10, 3), 34);
        assertEq(h.mulDivUp(9, 10, 3), 30, "exact stays exact");
    }

    function test_powDown_smallExactValues() public view {
        assertEq(h.powDown(ONE / 2, 0), ONE);
        assertEq(h.powDown(ONE / 2, 1), ONE / 2);
        assertEq(h.powDown(ONE / 2, 10), ONE / 1024);
        assertEq(h.powDown(ONE, 1000), ONE);
        assertEq(h.powDown(0, 5), 0);
        assertEq(h.powDown(0, 0), ONE);
    }

    /// (1 − 1e-36)^3 = 1 − 3e-36 + ..., rounded down at each step: exactly ONE − 3.
    function test_powDown_roundsDown() public view {
        assertEq(h.powDown(ONE - 1, 3), ONE - 3);
        assertEq(h.powDown(ONE / 3, 2), 111_111_111_111_111_111_111_111_111_111_111_110, "not ONE / 9");
    }

    function test_powDown_revertsOnBaseAboveOne() public {
        vm.expectRevert(abi.encodeWithSelector(FixedPointMath.FixedPointMathBaseAboveOne.selector, ONE + 1, ONE));
        h.powDown(ONE + 1, 2);
    }

    /// The schedule's non-negative principal parts rest on this: exact monotonicity, at every base.
    function testFuzz_powDown_nonIncreasingInExponent(uint256 x, uint256 n) public view {
        x = bound(x, 0, ONE);
        n = bound(n, 0, 4096);
        assertLe(h.powDown(x, n + 1), h.powDown(x, n));
    }

    /// Near one (the schedule's regime: v = 1/(1 + r) with r ≥ 2.7e-7) the monotonicity is strict.
    function testFuzz_powDown_decreasingNearOne(uint256 x, uint256 n) public view {
        x = bound(x, ONE - ONE / 1000, ONE - 1e29);
        n = bound(n, 0, 1000);
        assertLt(h.powDown(x, n + 1), h.powDown(x, n));
    }

    function testFuzz_powDown_splitsExponents(uint256 x, uint256 a, uint256 b) public view {
        x = bound(x, ONE / 2, ONE);
        a = bound(a, 0, 500);
        b = bound(b, 0, 500);
        // x^(a+b) and x^a · x^b agree within the documented error (< a + b + 1 units of 1e-36).
        uint256 direct = h.powDown(x, a + b);
        uint256 split = (h.powDown(x, a) * h.powDown(x, b)) / ONE;
        uint256 diff = direct > split ? direct - split : split - direct;
        assertLe(diff, a + b + 2);
    }
}
