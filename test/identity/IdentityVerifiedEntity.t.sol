// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IdentityBase} from "./IdentityBase.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice `verifiedEntity`: one call answering "verified for these roles, and which entity", the
/// entity exactly when `isVerified` holds and zero otherwise (issue 21).
contract IdentityVerifiedEntityTest is IdentityBase {
    function _suspend(address provider) internal {
        vm.prank(admin);
        registry.suspendProvider(provider);
    }

    function test_verifiedEntity_returnsEntityWhenVerified() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME), ACME);
    }

    function test_verifiedEntity_zeroWhenARoleIsMissing() public {
        _verify(sme, PartyRoles.SME | PartyRoles.DEBTOR, EXPIRY);
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME | PartyRoles.DEBTOR), ACME);
        assertEq(registry.verifiedEntity(sme, PartyRoles.INVESTOR), bytes32(0));
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME | PartyRoles.INVESTOR), bytes32(0));
        // The entity itself is still there: only the role test failed.
        assertEq(registry.entityOf(sme), ACME);
    }

    function test_verifiedEntity_zeroFromExpiryOn() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.warp(EXPIRY - 1);
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME), ACME);
        vm.warp(EXPIRY);
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME), bytes32(0), "expiry is exclusive");
        assertEq(registry.entityOf(sme), ACME, "an expired identity keeps its entity");
    }

    function test_verifiedEntity_zeroAfterRevoke() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.prank(kyc);
        registry.revoke(sme, keccak256("reason"));
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME), bytes32(0));
        assertEq(registry.verifiedEntity(sme, 0), bytes32(0));
    }

    function test_verifiedEntity_zeroWhileProviderSuspended() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        _suspend(kyc);
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME), bytes32(0));
        assertEq(registry.entityOf(sme), ACME, "suspension keeps the entity, as for isVerified");
        vm.prank(admin);
        registry.reinstateProvider(kyc);
        assertEq(registry.verifiedEntity(sme, PartyRoles.SME), ACME, "reinstated: verifies again");
    }

    function test_verifiedEntity_zeroRolesMeansAnyActiveIdentity() public {
        assertEq(registry.verifiedEntity(sme, 0), bytes32(0));
        _verify(sme, PartyRoles.INVESTOR, EXPIRY);
        assertEq(registry.verifiedEntity(sme, 0), ACME);
    }

    function test_verifiedEntity_zeroForUnknownAccount() public view {
        assertEq(registry.verifiedEntity(stranger, PartyRoles.SME), bytes32(0));
        assertEq(registry.verifiedEntity(address(0), 0), bytes32(0));
    }

    /// @dev The one call agrees with the two it replaces, whatever the roles held and asked and
    /// however late it is asked.
    function testFuzz_verifiedEntity_matchesIsVerifiedAndEntityOf(
        uint8 held,
        uint8 asked,
        uint32 elapsed,
        bool suspended
    ) public {
        held = uint8(bound(held, 1, PartyRoles.ALL));
        _verify(sme, held, EXPIRY);
        if (suspended) _suspend(kyc);
        vm.warp(block.timestamp + elapsed);
        bytes32 expected = registry.isVerified(sme, asked) ? registry.entityOf(sme) : bytes32(0);
        assertEq(registry.verifiedEntity(sme, asked), expected);
    }
}
