// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IdentityBase} from "./IdentityBase.sol";
import {MockContractWallet} from "./IdentityMocks.sol";
import {IdentityRegistry} from "../../contracts/identity/IdentityRegistry.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice The EIP-712 attestation path: who may sign, when, where, and how often.
contract IdentityAttestationTest is IdentityBase {
    IIdentityRegistry.Attestation internal att;
    bytes internal sig;

    function setUp() public override {
        super.setUp();
        att = _attestation(sme, PartyRoles.SME | PartyRoles.DEBTOR);
        sig = _sign(kycKey, att);
    }

    function _submit() internal {
        vm.prank(relayer);
        registry.verifyWithAttestation(att, sig);
    }

    function _expectInvalidSignature() internal {
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSignature.selector, kyc));
    }

    function test_verifyWithAttestation_anyoneSubmitsProviderSignedIdentity() public {
        vm.expectEmit(address(registry));
        emit IIdentityRegistry.IdentityIssued(sme, kyc, ACME, att.roles, KE, EXPIRY);
        _submit();
        assertTrue(registry.isVerified(sme, PartyRoles.SME | PartyRoles.DEBTOR));
        (IIdentityRegistry.Identity memory id, ) = registry.identityOf(sme);
        assertEq(id.provider, kyc);
        assertEq(registry.nonces(sme), 1);
    }

    function test_verifyWithAttestation_acceptsAtDeadlineSecond() public {
        vm.warp(att.deadline);
        _submit();
        assertTrue(registry.isVerified(sme, 0));
    }

    function test_verifyWithAttestation_revertsAfterDeadline() public {
        vm.warp(att.deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIdentityRegistry.IdentityAttestationExpired.selector,
                att.deadline,
                att.deadline + 1
            )
        );
        _submit();
    }

    function test_verifyWithAttestation_revertsOnReplay() public {
        _submit();
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidNonce.selector, sme, 1, 0));
        _submit();
    }

    function test_verifyWithAttestation_revertsOnFutureNonce() public {
        att.nonce = 1;
        sig = _sign(kycKey, att);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidNonce.selector, sme, 0, 1));
        _submit();
    }

    function test_verifyWithAttestation_revertsForSignerWithoutRole() public {
        (address impostor, uint256 impostorKey) = makeAddrAndKey("impostor");
        att.provider = impostor;
        sig = _sign(impostorKey, att);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSigner.selector, impostor));
        _submit();
    }

    function test_verifyWithAttestation_revertsWhenOtherKeySignsForProvider() public {
        (, uint256 impostorKey) = makeAddrAndKey("impostor");
        sig = _sign(impostorKey, att);
        _expectInvalidSignature();
        _submit();
    }

    function test_verifyWithAttestation_revertsOnTamperedRoles() public {
        att.roles = PartyRoles.ALL;
        _expectInvalidSignature();
        _submit();
    }

    function test_verifyWithAttestation_revertsOnMalformedSignature() public {
        sig = hex"1234";
        _expectInvalidSignature();
        _submit();
    }

    function test_verifyWithAttestation_revertsWhenSignedForChain1() public {
        sig = _sign(kycKey, att, _domain(1, address(registry)));
        _expectInvalidSignature();
        _submit();
    }

    function test_verifyWithAttestation_revertsAfterChainIdChanges() public {
        vm.chainId(10);
        _expectInvalidSignature();
        _submit();
    }

    function test_verifyWithAttestation_revertsOnOtherRegistry() public {
        IdentityRegistry other = _deployRegistry();
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSignature.selector, kyc));
        other.verifyWithAttestation(att, sig);
    }

    function test_verifyWithAttestation_revertsAfterProviderRoleRevoked() public {
        _revoke(Roles.KYC_PROVIDER, kyc);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSigner.selector, kyc));
        _submit();
    }

    function test_verifyWithAttestation_revertsWhenProviderGrantIsDelayed() public {
        // A signature must not bypass the execution delay the provider's direct calls would wait.
        _grant(Roles.KYC_PROVIDER, kyc, 1 days); // a longer delay applies at once
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSigner.selector, kyc));
        _submit();
    }

    function test_verifyWithAttestation_revertsWhenRegistryClosed() public {
        vm.prank(admin);
        manager.setTargetClosed(address(registry), true);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSigner.selector, kyc));
        _submit();
    }

    function test_verifyWithAttestation_revertsAfterDirectVerifyVoidsIt() public {
        _verify(sme, PartyRoles.SME, EXPIRY);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidNonce.selector, sme, 1, 0));
        _submit();
    }

    function test_verifyWithAttestation_revertsAfterRevokeVoidsIt() public {
        IIdentityRegistry.Attestation memory pending = _attestation(sme, PartyRoles.SME);
        pending.nonce = 1;
        bytes memory pendingSig = _sign(kycKey, pending);
        _submit();
        vm.prank(kyc);
        registry.revoke(sme, keccak256("fraud"));
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidNonce.selector, sme, 2, 1));
        registry.verifyWithAttestation(pending, pendingSig);
    }

    function test_verifyWithAttestation_revertsOnInvalidFieldsEvenIfSigned() public {
        att.jurisdiction = 0;
        sig = _sign(kycKey, att);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidJurisdiction.selector, 0));
        _submit();
    }

    function test_verifyWithAttestation_acceptsContractWalletProvider() public {
        (address owner, uint256 ownerKey) = makeAddrAndKey("wallet owner");
        address wallet = address(new MockContractWallet(owner));
        _grant(Roles.KYC_PROVIDER, wallet, 0);
        att.provider = wallet;
        sig = _sign(ownerKey, att);
        _submit();
        (IIdentityRegistry.Identity memory id, ) = registry.identityOf(sme);
        assertEq(id.provider, wallet);
    }

    function test_verifyWithAttestation_rejectsContractWalletThatRefuses() public {
        address wallet = address(new MockContractWallet(makeAddr("wallet owner")));
        _grant(Roles.KYC_PROVIDER, wallet, 0);
        att.provider = wallet;
        sig = _sign(kycKey, att);
        vm.expectRevert(abi.encodeWithSelector(IIdentityRegistry.IdentityInvalidSignature.selector, wallet));
        _submit();
    }

    function testFuzz_verifyWithAttestation_storesExactlyWhatWasSigned(
        uint8 roles,
        uint16 jurisdiction,
        uint40 expiry,
        bytes32 entityId
    ) public {
        att.roles = uint8(bound(roles, 1, PartyRoles.ALL));
        att.jurisdiction = uint16(bound(jurisdiction, 1, 999));
        att.expiry = uint40(bound(expiry, START + 1, type(uint40).max));
        vm.assume(entityId != bytes32(0));
        att.entityId = entityId;
        sig = _sign(kycKey, att);
        _submit();
        (IIdentityRegistry.Identity memory id, bool active) = registry.identityOf(sme);
        assertEq(id.roles, att.roles);
        assertEq(id.jurisdiction, att.jurisdiction);
        assertEq(id.expiry, att.expiry);
        assertEq(id.entityId, entityId);
        assertTrue(active);
    }

    function testFuzz_verifyWithAttestation_rejectsAnyOtherSubmittedAccount(address other) public {
        vm.assume(other != sme);
        att.account = other;
        att.nonce = registry.nonces(other);
        _expectInvalidSignature();
        _submit();
    }
}
