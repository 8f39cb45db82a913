// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AuthorityUtils} from "@openzeppelin/contracts/access/manager/AuthorityUtils.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {ManagedPausable} from "../access/ManagedPausable.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {PartyRoles} from "./PartyRoles.sol";

/// @title IdentityRegistry
/// @notice Verified parties: role set, ISO 3166-1 numeric jurisdiction (840 US, 276 DE, 404 KE),
/// expiry and entity id, written by KYC providers directly or through EIP-712 attestations.
/// @dev Pause blocks new verifications (both paths) but never revocation: stopping admissions is
/// the safe side of an incident, and a provider must always be able to take a party out.
/// Provider suspension (finding F-19): each identity stores the provider that wrote it (the
/// signer, for an attestation), and the admin's {suspendProvider} voids all of them in one step.
/// `isVerified` reads the provider's flag only after expiry and roles pass: one more storage
/// read (+2,379 gas per check cold, +379 warm; parties of one provider share it within a
/// transaction), against 6,483 cold and 1,974 warm for asking the AccessManager's `hasRole` on
/// every check (an external call to another account plus its storage; both measured in
/// `IdentityGas.t.sol`), on paths as hot as every share transfer and deposit. The price is one
/// admin call at revocation.
contract IdentityRegistry is IIdentityRegistry, ManagedPausable, EIP712, Nonces {
    /// @inheritdoc IIdentityRegistry
    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(address account,uint8 roles,uint16 jurisdiction,uint40 expiry,bytes32 entityId,address provider,uint256 nonce,uint256 deadline)"
    );

    uint16 private constant MAX_JURISDICTION = 999;

    // Everything isVerified needs sits in one slot (8 + 16 + 40 + 160 = 224 bits); the entity id
    // lives in its own mapping so the hot check never touches a second slot.
    struct Record {
        uint8 roles;
        uint16 jurisdiction;
        uint40 expiry;
        address provider;
    }

    mapping(address account => Record) private _records;
    mapping(address account => bytes32) private _entities;
    mapping(address provider => bool) private _suspended;

    constructor(address initialAuthority) ManagedPausable(initialAuthority) EIP712("IdentityRegistry", "1") {}

    /// @inheritdoc IIdentityRegistry
    function verify(
        address account,
        uint8 roles,
        uint16 jurisdiction,
        uint40 expiry,
        bytes32 entityId
    ) external restricted whenNotPaused {
        _useNonce(account);
        _write(account, roles, jurisdiction, expiry, entityId, _msgSender());
    }

    /// @inheritdoc IIdentityRegistry
    function verifyWithAttestation(Attestation calldata a, bytes calldata signature) external whenNotPaused {
        // solhint-disable-next-line not-rely-on-time
        if (block.timestamp > a.deadline) revert IdentityAttestationExpired(a.deadline, block.timestamp);
        uint256 expected = _useNonce(a.account);
        if (a.nonce != expected) revert IdentityInvalidNonce(a.account, expected, a.nonce);
        if (!SignatureChecker.isValidSignatureNowCalldata(a.provider, hashAttestation(a), signature)) {
            revert IdentityInvalidSignature(a.provider);
        }
        // Same question the `restricted` modifier asks for a direct call, so the role mapping, any
        // execution delay on the provider's grant and a closed target all apply to signatures too.
        (bool allowed, ) = AuthorityUtils.canCallWithDelay(
            authority(),
            a.provider,
            address(this),
            this.verify.selector
        );
        if (!allowed) revert IdentityInvalidSigner(a.provider);
        _write(a.account, a.roles, a.jurisdiction, a.expiry, a.entityId, a.provider);
    }

    /// @inheritdoc IIdentityRegistry
    function revoke(address account, bytes32 reasonHash) external restricted {
        if (_records[account].expiry == 0) revert IdentityNotVerified(account);
        bytes32 entityId = _entities[account];
        delete _records[account];
        delete _entities[account];
        _useNonce(account);
        emit IdentityRevoked(account, _msgSender(), entityId, reasonHash);
    }

    /// @inheritdoc IIdentityRegistry
    function suspendProvider(address provider) external restricted {
        if (provider == address(0)) revert IdentityZeroProvider();
        _suspended[provider] = true;
        emit IdentityProviderSuspended(provider, _msgSender());
    }

    /// @inheritdoc IIdentityRegistry
    function reinstateProvider(address provider) external restricted whenNotPaused {
        if (!_suspended[provider]) revert IdentityProviderNotSuspended(provider);
        _suspended[provider] = false;
        emit IdentityProviderReinstated(provider, _msgSender());
    }

    /// @inheritdoc IIdentityRegistry
    function isVerified(address account, uint8 roles) external view returns (bool) {
        return _isVerified(account, roles);
    }

    /// @inheritdoc IIdentityRegistry
    function verifiedEntity(address account, uint8 roles) external view returns (bytes32) {
        // The entity's own slot is read only for a verified account.
        return _isVerified(account, roles) ? _entities[account] : bytes32(0);
    }

    /// @inheritdoc IIdentityRegistry
    function isProviderSuspended(address provider) external view returns (bool) {
        return _suspended[provider];
    }

    /// @inheritdoc IIdentityRegistry
    function entityOf(address account) external view returns (bytes32) {
        return _entities[account];
    }

    /// @inheritdoc IIdentityRegistry
    function identityOf(address account) external view returns (Identity memory identity, bool isActive) {
        Record memory r = _records[account];
        identity = Identity(r.roles, r.jurisdiction, r.expiry, r.provider, _entities[account]);
        // solhint-disable-next-line not-rely-on-time
        isActive = r.expiry > block.timestamp && !_suspended[r.provider];
    }

    /// @inheritdoc IIdentityRegistry
    function nonces(address account) public view override(IIdentityRegistry, Nonces) returns (uint256) {
        return super.nonces(account);
    }

    /// @inheritdoc IIdentityRegistry
    function hashAttestation(Attestation calldata a) public view returns (bytes32) {
        // Every field of Attestation is static, so abi.encode(struct) is exactly the EIP-712
        // encodeData of its members in declaration order.
        return _hashTypedDataV4(keccak256(abi.encode(ATTESTATION_TYPEHASH, a)));
    }

    /// @inheritdoc IIdentityRegistry
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function _isVerified(address account, uint8 roles) private view returns (bool) {
        Record memory r = _records[account];
        // solhint-disable-next-line not-rely-on-time
        return r.expiry > block.timestamp && (r.roles & roles) == roles && !_suspended[r.provider];
    }

    function _write(
        address account,
        uint8 roles,
        uint16 jurisdiction,
        uint40 expiry,
        bytes32 entityId,
        address provider
    ) private {
        if (account == address(0)) revert IdentityZeroAccount();
        if (roles == 0 || (roles & ~PartyRoles.ALL) != 0) revert IdentityInvalidRoles(roles);
        if (jurisdiction == 0 || jurisdiction > MAX_JURISDICTION) revert IdentityInvalidJurisdiction(jurisdiction);
        // solhint-disable-next-line not-rely-on-time
        if (expiry <= block.timestamp) revert IdentityExpiryInPast(expiry);
        if (entityId == bytes32(0)) revert IdentityZeroEntity();
        if (_suspended[provider]) revert IdentityProviderIsSuspended(provider);
        // A live or expired record has a non-zero expiry; only a missing or revoked one is zero.
        bool isNew = _records[account].expiry == 0;
        _records[account] = Record(roles, jurisdiction, expiry, provider);
        _entities[account] = entityId;
        if (isNew) emit IdentityIssued(account, provider, entityId, roles, jurisdiction, expiry);
        else emit IdentityUpdated(account, provider, entityId, roles, jurisdiction, expiry);
    }
}
