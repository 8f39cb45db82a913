// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/console.sol";
import {IdentityBase} from "./IdentityBase.sol";
import {IsVerifiedProbe} from "./IdentityMocks.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice What a consumer contract pays for `isVerified`. Numbers are logged; run with
/// `--build-profile production` for the figures quoted in docs. Bounds fail if the check ever
/// reads a second storage slot (a cold SLOAD adds 2,100).
contract IdentityGasTest is IdentityBase {
    IsVerifiedProbe internal probe;

    function setUp() public override {
        super.setUp();
        probe = new IsVerifiedProbe(registry);
        _verify(sme, PartyRoles.SME | PartyRoles.INVESTOR, EXPIRY);
    }

    function test_isVerified_gasFromConsumerContract() public view {
        (uint256 cold, uint256 warm, bool ok) = probe.measure(sme, PartyRoles.SME);
        assertTrue(ok);
        console.log("isVerified from a contract, cold registry + cold slot:", cold);
        console.log("isVerified from a contract, warm:", warm);
        // Cold = 2,600 (account) + 2,100 (one slot) + call and ABI overhead; warm = 100 + 100 + same overhead.
        assertLt(warm, 3_000);
        // Tolerance covers the probe's first memory expansion; a second cold slot would add 2,000.
        assertApproxEqAbs(cold - warm, 2_500 + 2_000, 50, "exactly one cold account and one cold slot");
    }

    function test_isVerified_gasForUnknownAccount() public {
        (uint256 cold, uint256 warm, bool ok) = probe.measure(makeAddr("nobody"), PartyRoles.SME);
        assertFalse(ok);
        console.log("isVerified unknown account, cold:", cold);
        console.log("isVerified unknown account, warm:", warm);
        assertApproxEqAbs(cold - warm, 2_500 + 2_000, 50);
    }

    function test_isVerified_gasInsideRegistry() public view {
        registry.isVerified(sme, PartyRoles.SME);
        uint64 inside = vm.lastCallGas().gasTotalUsed;
        console.log("isVerified execution gas (vm.lastCallGas):", inside);
        assertGt(inside, 0);
    }
}
