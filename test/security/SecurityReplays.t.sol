// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SecurityBase} from "./SecurityBase.sol";
import {SecurityHandler} from "./SecurityInvariant.t.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";

/// @notice Handler sequences the invariant fuzzer found, replayed as they came (the arguments are the
/// fuzzer's; the handler bounds them). Each once broke `invariant_noRoundTripAroundAnyCallProfits`
/// with a one-unit gain: a debtor's payment filled queued redemptions, each rounded down, and the
/// fraction stayed with the remaining holders, the sandwiching attacker among them. That is
/// ERC-4626's rounding rule, so the invariant allows under one unit per filled ticket; these keep
/// the sequences, and the bound, checked.
contract SecurityReplaysTest is SecurityBase {
    SecurityHandler private h;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 100_000e6);
        h = new SecurityHandler(_wiring());
        h.setRoles(SecurityHandler.PrivilegedParties(poolManager, kyc, policyNow, registry, lens));
        usd.transferOwnership(address(h));
        IFinancingPool.Policy memory p = pool.policy();
        p.agingHaircutBps = [uint16(1_000), 2_500, 5_000, 10_000];
        vm.prank(policyNow);
        pool.setPolicy(p);
    }

    function test_replay_roundTripAroundPaymentThatFillsTheQueue_gainsAtMostTheFillDust() public {
        h.attackAcrossDay(1, 441771248325834153562746345380254427556642859063419540025560325064894189);
        h.finance(651891687246832090535, 3345375503944503774707);
        h.attackAcrossDay(
            6310200612430064685139101109504505835009902612413927227027920650766264,
            49913789580978048153930886702252931
        );
        h.attackAcrossDay(32711846792288390503284917, 257846923);
        h.requestRedeem(3698621568702, 379819260711904998644744306188004944265817163225);
        h.requestRedeem(85824511282967269074304830569898799481375659517581017231399250, 2332627102943238817088930364);
        h.attackRoundTrip(
            188382173455844971548446938016527299252442392662458393,
            913,
            2471505481815549205862534043129048664
        );
        assertEq(h.roundTripBreaches(), 0, h.lastBreach());
        assertEq(h.breaches(), 0, "breaches");
    }

    function test_replay_roundTripAfterQueuedRequestsAndDeposits_noBreach() public {
        h.finance(24, 4285339035595929655234654525);
        h.attackAcrossDay(4990963696039408789890423937146311708140, 602266950534171134744229594223968);
        h.attackAcrossDay(9358, 864001);
        h.kycChange(115792089237316195423570985008687907853269984665640564039457584007913129639933);
        h.warpNearDay(1087316650204861266080500259741358897934443311824736848915531, 84467404453110347, true);
        h.deposit(413893681957388028967795228938559726266809666787408713754401191949, 1917650964);
        h.pay(6202, 14908);
        h.requestRedeem(4112, 917977473271046311748067258655037622845262362009);
        h.requestRedeem(
            1239647078840089724732767459257439779247251398110128357968425229886656,
            204856432346752802276918759269546991156101018019071007269197621781336473
        );
        h.warpNearDay(84865498629673647952858063297274585671802783299, 2315632826178483553, false);
        h.deposit(255450740865, 7456485757259957022124);
        h.warpNearDay(154820907752923153948940126356136, 21156724259, false);
        h.attackRoundTrip(176687599197718784452164584274380000122785372724601366540332749982715104287, 14423, 18105);
        assertEq(h.roundTripBreaches(), 0, h.lastBreach());
        assertEq(h.breaches(), 0, "breaches");
    }
}
