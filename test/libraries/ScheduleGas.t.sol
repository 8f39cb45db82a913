// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/console.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {ScheduleBase} from "./ScheduleBase.sol";

/// @notice Library cost of one installment, asserted against a ceiling. Lives in a `*Gas.t.sol`
/// file so `npm test` runs it with the production profile and uninstrumented (coverage markers
/// double the figure).
contract ScheduleGasTest is ScheduleBase {
    /// Library cost of one installment inside a loan (terms in memory), for a 360-installment loan.
    function test_installment_gasFor360Installments() public view {
        Schedule.Terms memory t = _terms(USD_12K, 1200, 360, MONTH, Schedule.Kind.Amortizing, 0);
        uint256 first = h.installmentGas(t, 0);
        uint256 last = h.installmentGas(t, 359);
        t.kind = Schedule.Kind.InterestOnlyBalloon;
        uint256 balloon = h.installmentGas(t, 0);
        console.log("installment gas, amortizing 360, i=0  :", first);
        console.log("installment gas, amortizing 360, i=359:", last);
        console.log("installment gas, interest-only,  i=0  :", balloon);
        assertLt(first, 20_000);
        assertLt(last, 20_000);
    }
}
