// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {ScheduleHarness} from "./ScheduleHarness.sol";

/// @notice Shared fixtures for the schedule library tests: the harness, term builders and the
/// fuzz-input bounding used by every property test.
abstract contract ScheduleBase is Test {
    ScheduleHarness internal h;

    uint40 internal constant START = 1_800_000_000;
    uint32 internal constant MONTH = 30 days;
    uint128 internal constant USD_12K = 12_000e6;
    /// @dev The bound achieved (and documented in Schedule.sol) between amortizing installments.
    uint256 internal constant EQUAL_BOUND = 3;

    struct Table {
        uint256[] due;
        uint256[] principal;
        uint256[] interest;
        uint256[] outstanding;
    }

    function setUp() public virtual {
        h = new ScheduleHarness();
    }

    function _terms(
        uint128 principal,
        uint16 rateBps,
        uint16 count,
        uint32 period,
        Schedule.Kind kind,
        uint16 grace
    ) internal pure returns (Schedule.Terms memory) {
        return
            Schedule.Terms({
                principal: principal,
                start: START,
                period: period,
                rateBps: rateBps,
                count: count,
                graceCount: grace,
                kind: kind
            });
    }

    /// @dev 12,000 USD at 12 %/year over 12 installments of 30 days: the hand-checked example.
    function _example(Schedule.Kind kind, uint16 grace) internal pure returns (Schedule.Terms memory) {
        return _terms(USD_12K, 1200, 12, MONTH, kind, grace);
    }

    /// @dev Any valid terms: principal in [1, maxPrincipal], rate in [0, max], count in [1, maxCount],
    /// period in [1 day, 365 days], any kind, grace (amortizing only) in [0, count − 1].
    function _boundTerms(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 kindSeed,
        uint256 grace,
        uint256 start,
        uint256 maxPrincipal,
        uint256 maxCount
    ) internal pure returns (Schedule.Terms memory t) {
        t.principal = uint128(bound(principal, 1, maxPrincipal));
        t.rateBps = uint16(bound(rateBps, 0, Schedule.MAX_RATE_BPS));
        t.count = uint16(bound(count, 1, maxCount));
        t.period = uint32(bound(period, Schedule.MIN_PERIOD, Schedule.MAX_PERIOD));
        t.kind = Schedule.Kind(kindSeed % 3);
        t.graceCount = t.kind == Schedule.Kind.Amortizing ? uint16(bound(grace, 0, t.count - 1)) : 0;
        t.start = uint40(bound(start, 0, type(uint40).max));
    }

    function _table(Schedule.Terms memory t) internal view returns (Table memory tab) {
        (tab.due, tab.principal, tab.interest, tab.outstanding) = h.table(t);
    }

    /// @dev ceil(a · b / d) computed without the library, for cross-checks.
    function _ceilMulDiv(uint256 a, uint256 b, uint256 d) internal pure returns (uint256) {
        uint256 q = (a * b) / d;
        return mulmod(a, b, d) == 0 ? q : q + 1;
    }
}
