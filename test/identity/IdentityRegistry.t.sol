// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IdentityBase} from "./IdentityBase.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Direct provider calls, revocation, expiry, role checks, views and pause rules.
contract IdentityRegistryTest is IdentityBase {
    uint8 internal constant SME_DEBTOR = PartyRoles.SME | PartyRoles.DEBTOR;

    // ---------------------------------------------------------------- verify

    function test_verify_issuesAndEmitsIssued() public {
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityIssued(sme, kyc, ACME, PartyRoles.SME, KE, EXPIRY);
        _verify(sme, PartyRoles.SME, EXPIRY);
        (IIdentityRegistry.Identity memory id, bool active) = registry.identityOf(sme);
        assertEq(id.roles, PartyRoles.SME);
        assertEq(id.jurisdiction, KE);
        assertEq(id.expiry, EXPIRY);
        assertEq(id.provider, kyc);
        assertEq(id.entityId, ACME);
        assertTrue(active);
    }

    function test_verify_secondWriteEmitsUpdated() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityUpdated(sme, kyc, ACME, SME_DEBTOR, KE, EXPIRY + 1);
        _verify(sme, SME_DEBTOR, EXPIRY + 1);
        assertTrue(registry.isVerified(sme, SME_DEBTOR));
    }

    function test_verify_renewingExpiredIdentityEmitsUpdated() public {
        _verify(sme, PartyRoles.SME, uint40(START + 1));
        vm.warp(START + 10);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityUpdated(sme, kyc, ACME, PartyRoles.SME, KE, EXPIRY);
        _verify(sme, PartyRoles.SME, EXPIRY);
    }

    function test_verify_consumesNonce() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        assertEq(registry.nonces(sme), 1);
    }

    function test_verify_revertsForNonProvider() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        registry.verify(sme, PartyRoles.SME, KE, EXPIRY, ACME);
    }

    function test_verify_revertsOnZeroAccount() public {
        vm.expectRevert(IIdentityRegistry.IdentityZeroAccount.selector);
        _verify(address(0), PartyRoles.SME, EXPIRY);
    }

    function test_verify_revertsOnEmptyRoles() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidRoles.selector, 0));
        _verify(sme, 0, EXPIRY);
    }

    function test_verify_revertsOnUndefinedRoleBit() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidRoles.selector, 9));
        _verify(sme, 9, EXPIRY);
    }

    function test_verify_revertsOnZeroJurisdiction() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidJurisdiction.selector, 0));
        vm.prank(kyc);
        registry.verify(sme, PartyRoles.SME, 0, EXPIRY, ACME);
    }

    function test_verify_revertsOnJurisdictionAbove999() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidJurisdiction.selector, 1000));
        vm.prank(kyc);
        registry.verify(sme, PartyRoles.SME, 1000, EXPIRY, ACME);
    }

    function test_verify_revertsOnExpiryNow() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityExpiryInPast.selector, uint40(START)));
        _verify(sme, PartyRoles.SME, uint40(START));
    }

    function test_verify_revertsOnZeroEntity() public {
        vm.expectRevert(IIdentityRegistry.IdentityZeroEntity.selector);
        vm.prank(kyc);
        registry.verify(sme, PartyRoles.SME, KE, EXPIRY, bytes32(0));
    }

    // ---------------------------------------------------------------- revoke

    function test_revoke_removesIdentityAndEmits() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityRevoked(sme, kyc, ACME, keccak256("sanctions hit"));
        vm.prank(kyc);
        registry.revoke(sme, keccak256("sanctions hit"));
        assertFalse(registry.isVerified(sme, 0));
        assertEq(registry.entityOf(sme), bytes32(0));
        (IIdentityRegistry.Identity memory id, bool active) = registry.identityOf(sme);
        assertEq(id.expiry, 0);
        assertFalse(active);
        assertEq(registry.nonces(sme), 2);
    }

    function test_revoke_worksOnExpiredIdentity() public {
        _verify(sme, PartyRoles.SME, uint40(START + 1));
        vm.warp(START + 2);
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
        assertEq(registry.entityOf(sme), bytes32(0));
    }

    function test_revoke_thenVerifyEmitsIssuedAgain() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityIssued(sme, kyc, ACME, PartyRoles.SME, KE, EXPIRY);
        _verify(sme, PartyRoles.SME, EXPIRY);
    }

    function test_revoke_revertsWhenNotVerified() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityNotVerified.selector, sme));
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
    }

    function test_revoke_revertsForNonProvider() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, sme));
        vm.prank(sme);
        registry.revoke(sme, bytes32(0));
    }

    // ---------------------------------------------------------------- isVerified / views

    function test_isVerified_expiryIsExclusiveToTheSecond() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.warp(EXPIRY - 1);
        assertTrue(registry.isVerified(sme, PartyRoles.SME));
        vm.warp(EXPIRY);
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
        (, bool active) = registry.identityOf(sme);
        assertFalse(active);
        // Entity stays readable after expiry so per-company checks keep working until revoked.
        assertEq(registry.entityOf(sme), ACME);
    }

    function test_isVerified_requiresEveryAskedRole() public {
        _verify(sme, SME_DEBTOR, EXPIRY);
        assertTrue(registry.isVerified(sme, PartyRoles.SME));
        assertTrue(registry.isVerified(sme, PartyRoles.DEBTOR));
        assertTrue(registry.isVerified(sme, SME_DEBTOR));
        assertFalse(registry.isVerified(sme, PartyRoles.INVESTOR));
        assertFalse(registry.isVerified(sme, PartyRoles.SME | PartyRoles.INVESTOR));
        assertFalse(registry.isVerified(sme, PartyRoles.ALL));
    }

    function test_isVerified_zeroRolesMeansAnyActiveIdentity() public {
        assertFalse(registry.isVerified(sme, 0));
        _verify(sme, PartyRoles.INVESTOR, EXPIRY);
        assertTrue(registry.isVerified(sme, 0));
    }

    function test_isVerified_falseForUnknownAccount() public view {
        assertFalse(registry.isVerified(stranger, PartyRoles.SME));
    }

    function test_entityOf_sharedByWalletsOfOneCompany() public {
        address treasury = makeAddr("acme treasury");
        _verify(sme, PartyRoles.SME, EXPIRY);
        _verify(treasury, PartyRoles.INVESTOR, EXPIRY);
        assertEq(registry.entityOf(sme), ACME);
        assertEq(registry.entityOf(treasury), ACME);
        assertEq(registry.entityOf(stranger), bytes32(0));
    }

    function test_eip712Domain_bindsChainAndContract() public view {
        (, string memory name, string memory version, uint256 chainId, address verifying, , ) = registry.eip712Domain();
        assertEq(name, "IdentityRegistry");
        assertEq(version, "1");
        assertEq(chainId, block.chainid);
        assertEq(verifying, address(registry));
        assertEq(registry.DOMAIN_SEPARATOR(), _domain(block.chainid, address(registry)));
        assertEq(registry.ATTESTATION_TYPEHASH(), ATTESTATION_TYPEHASH);
        IIdentityRegistry.Attestation memory a = _attestation(sme, PartyRoles.SME);
        assertEq(registry.hashAttestation(a), _digest(a, registry.DOMAIN_SEPARATOR()));
    }

    // ---------------------------------------------------------------- pause rules

    function _pause() internal {
        vm.prank(pauser);
        registry.pause();
    }

    function test_verify_revertsWhilePaused() public {
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _verify(sme, PartyRoles.SME, EXPIRY);
    }

    function test_verifyWithAttestation_revertsWhilePaused() public {
        IIdentityRegistry.Attestation memory a = _attestation(sme, PartyRoles.SME);
        bytes memory sig = _sign(kycKey, a);
        _pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        registry.verifyWithAttestation(a, sig);
    }

    function test_revoke_andChecksStillWorkWhilePaused() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        address other = makeAddr("other");
        _verify(other, PartyRoles.SME, EXPIRY);
        _pause();
        assertTrue(registry.isVerified(other, PartyRoles.SME));
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
    }

    function test_pause_revertsForKycProvider() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, kyc));
        vm.prank(kyc);
        registry.pause();
    }

    // ---------------------------------------------------------------- fuzz

    function testFuzz_isVerified_trueIffAskedRolesAreSubset(uint8 held, uint8 asked) public {
        held = uint8(bound(held, 1, PartyRoles.ALL));
        _verify(sme, held, EXPIRY);
        assertEq(registry.isVerified(sme, asked), asked & ~held == 0);
    }

    function testFuzz_isVerified_activeStrictlyBeforeExpiry(uint40 expiry, uint40 at) public {
        expiry = uint40(bound(expiry, START + 1, type(uint40).max));
        at = uint40(bound(at, START, type(uint40).max));
        _verify(sme, PartyRoles.SME, expiry);
        vm.warp(at);
        assertEq(registry.isVerified(sme, PartyRoles.SME), at < expiry);
    }

    function testFuzz_isVerified_flipsExactlyAtExpiry(uint40 expiry) public {
        expiry = uint40(bound(expiry, START + 1, type(uint40).max));
        _verify(sme, PartyRoles.SME, expiry);
        vm.warp(expiry - 1);
        assertTrue(registry.isVerified(sme, PartyRoles.SME));
        vm.warp(expiry);
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
    }

    function testFuzz_verify_rejectsAnyRolesOutsideDefinedBits(uint8 roles) public {
        bool valid = roles != 0 && roles & ~PartyRoles.ALL == 0;
        if (!valid) vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidRoles.selector, roles));
        _verify(sme, roles, EXPIRY);
        assertEq(registry.isVerified(sme, roles), valid);
    }

    function testFuzz_verify_acceptsOnlyJurisdiction1To999(uint16 code) public {
        bool valid = code >= 1 && code <= 999;
        if (!valid)
            vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidJurisdiction.selector, code));
        vm.prank(kyc);
        registry.verify(sme, PartyRoles.SME, code, EXPIRY, ACME);
        (IIdentityRegistry.Identity memory id, ) = registry.identityOf(sme);
        assertEq(id.jurisdiction, valid ? code : 0);
    }

    function testFuzz_verify_rejectsExpiryNotInFuture(uint40 expiry) public {
        bool valid = expiry > START;
        if (!valid) vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityExpiryInPast.selector, expiry));
        _verify(sme, PartyRoles.SME, expiry);
        assertEq(registry.isVerified(sme, 0), valid);
    }
}
