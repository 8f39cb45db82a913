// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IdentityBase} from "./IdentityBase.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice F-19: a KYC provider that loses its role loses its parties, in one admin step.
contract IdentityProviderSuspensionTest is IdentityBase {
    address internal kyc2 = makeAddr("kyc2");
    address internal other = makeAddr("other");

    function setUp() public override {
        super.setUp();
        _grant(Roles.KYC_PROVIDER, kyc2, 0);
    }

    function _suspend(address provider) internal {
        vm.prank(admin);
        registry.suspendProvider(provider);
    }

    function _submitAttestation(address account) internal {
        IIdentityRegistry.Attestation memory a = _attestation(account, PartyRoles.SME);
        registry.verifyWithAttestation(a, _sign(kycKey, a));
    }

    // ---------------------------------------------------------------- isVerified

    function test_isVerified_falseAfterProviderSuspended() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        assertTrue(registry.isVerified(sme, PartyRoles.SME));
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityProviderSuspended(kyc, admin);
        _suspend(kyc);
        assertFalse(registry.isVerified(sme, PartyRoles.SME), "the provider's party no longer verifies");
        assertFalse(registry.isVerified(sme, 0), "not even for no role");
        (IIdentityRegistry.Identity memory id, bool active) = registry.identityOf(sme);
        assertFalse(active, "identityOf reports it inactive");
        assertEq(id.provider, kyc, "the record is kept: who issued it stays readable");
        assertEq(registry.entityOf(sme), ACME, "its entity stays, so credit and exposure books still match");
        assertTrue(registry.isProviderSuspended(kyc));
    }

    function test_isVerified_falseForAttestedPartyAfterSignerSuspended() public {
        vm.prank(relayer);
        _submitAttestation(sme);
        (IIdentityRegistry.Identity memory id, ) = registry.identityOf(sme);
        assertEq(id.provider, kyc, "the signer is recorded as the issuing provider");
        _suspend(kyc);
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
    }

    function test_isVerified_otherProvidersPartiesUnaffected() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.prank(kyc2);
        registry.verify(other, PartyRoles.INVESTOR, KE, EXPIRY, keccak256("entity:other"));
        _suspend(kyc);
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
        assertTrue(registry.isVerified(other, PartyRoles.INVESTOR));
    }

    /// Revoking the role and suspending the provider is one admin transaction.
    function test_suspendProvider_withRoleRevocationInOneAdminTransaction() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        bytes[] memory calls = new bytes[](2);
        calls[0] = abi.encodeCall(IAccessManager.revokeRole, (Roles.KYC_PROVIDER, kyc));
        calls[1] = abi.encodeCall(
            IAccessManager.execute,
            (address(registry), abi.encodeCall(IIdentityRegistry.suspendProvider, (kyc)))
        );
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityProviderSuspended(kyc, address(manager));
        vm.prank(admin);
        manager.multicall(calls);
        (bool hasRole, ) = manager.hasRole(Roles.KYC_PROVIDER, kyc);
        assertFalse(hasRole);
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
    }

    // ---------------------------------------------------------------- writes by a suspended provider

    function test_verify_revertsForSuspendedProviderStillHoldingRole() public {
        _suspend(kyc);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityProviderIsSuspended.selector, kyc));
        _verify(sme, PartyRoles.SME, EXPIRY);
    }

    function test_verifyWithAttestation_revertsForSuspendedSigner() public {
        IIdentityRegistry.Attestation memory a = _attestation(sme, PartyRoles.SME);
        bytes memory sig = _sign(kycKey, a);
        _suspend(kyc);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityProviderIsSuspended.selector, kyc));
        registry.verifyWithAttestation(a, sig);
    }

    function test_revoke_stillWorksForSuspendedProvider() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        _suspend(kyc);
        vm.prank(kyc);
        registry.revoke(sme, keccak256("fraud"));
        assertEq(registry.entityOf(sme), bytes32(0));
    }

    function test_verify_byAnotherProviderRestoresSuspendedProvidersParty() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        _suspend(kyc);
        vm.prank(kyc2);
        registry.verify(sme, PartyRoles.SME, KE, EXPIRY, ACME);
        assertTrue(registry.isVerified(sme, PartyRoles.SME), "re-verified by a provider in good standing");
    }

    // ---------------------------------------------------------------- reinstate

    function test_reinstateProvider_restoresItsParties() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        _suspend(kyc);
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityProviderReinstated(kyc, admin);
        vm.prank(admin);
        registry.reinstateProvider(kyc);
        assertTrue(registry.isVerified(sme, PartyRoles.SME));
        assertFalse(registry.isProviderSuspended(kyc));
    }

    function test_reinstateProvider_revertsWhenNotSuspended() public {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityProviderNotSuspended.selector, kyc));
        vm.prank(admin);
        registry.reinstateProvider(kyc);
    }

    function test_reinstateProvider_revertsWhilePaused() public {
        _suspend(kyc);
        vm.prank(pauser);
        registry.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(admin);
        registry.reinstateProvider(kyc);
    }

    // ---------------------------------------------------------------- access and input

    function test_suspendProvider_revertsForKycProvider() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, kyc2));
        vm.prank(kyc2);
        registry.suspendProvider(kyc);
    }

    function test_reinstateProvider_revertsForSuspendedProvider() public {
        _suspend(kyc);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, kyc));
        vm.prank(kyc);
        registry.reinstateProvider(kyc);
    }

    function test_suspendProvider_revertsOnZeroProvider() public {
        vm.expectRevert(IIdentityRegistry.IdentityZeroProvider.selector);
        _suspend(address(0));
    }

    function test_suspendProvider_worksWhilePaused() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.prank(pauser);
        registry.pause();
        _suspend(kyc);
        assertFalse(registry.isVerified(sme, PartyRoles.SME));
    }

    function testFuzz_isVerified_falseForEveryRoleAfterSuspension(uint8 held, uint8 asked) public {
        held = uint8(bound(held, 1, PartyRoles.ALL));
        _verify(sme, held, EXPIRY);
        _suspend(kyc);
        assertFalse(registry.isVerified(sme, asked));
    }
}
