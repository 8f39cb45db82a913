// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IIdentityRegistry
/// @notice Verified parties (KYC) that pools, tokenization and loans check.
/// @dev Role flags are bits of a uint8 so one party can hold several roles.
/// Jurisdiction is the ISO 3166-1 numeric country code (e.g. 840 US, 276 DE, 404 KE), 1..999.
/// An identity is not a token: it cannot be transferred, only issued, updated and revoked by a
/// KYC provider (directly, or through an EIP-712 attestation that anyone may submit).
interface IIdentityRegistry {
    /// @notice A verified party as stored. `provider` is the KYC provider that last wrote it.
    struct Identity {
        uint8 roles;
        uint16 jurisdiction;
        uint40 expiry;
        address provider;
        bytes32 entityId;
    }

    /// @notice What a KYC provider signs off chain (EIP-712 type `Attestation`). `provider` is the
    /// signer, named so that contract-wallet providers (ERC-1271) can be checked too.
    struct Attestation {
        address account;
        uint8 roles;
        uint16 jurisdiction;
        uint40 expiry;
        bytes32 entityId;
        address provider;
        uint256 nonce;
        uint256 deadline;
    }

    /// @notice `account` had no identity and `provider` issued one.
    /// @param account The account.
    /// @param provider The KYC provider.
    /// @param entityId The entity id (company) of the account.
    /// @param roles The role bits (`PartyRoles`).
    /// @param jurisdiction The ISO 3166-1 numeric country code.
    /// @param expiry When the identity stops being valid (unix seconds, exclusive).
    event IdentityIssued(
        address indexed account,
        address indexed provider,
        bytes32 indexed entityId,
        uint8 roles,
        uint16 jurisdiction,
        uint40 expiry
    );

    /// @notice `provider` overwrote the existing (possibly expired) identity of `account`.
    /// @param account The account.
    /// @param provider The KYC provider.
    /// @param entityId The entity id (company) of the account.
    /// @param roles The role bits (`PartyRoles`).
    /// @param jurisdiction The ISO 3166-1 numeric country code.
    /// @param expiry When the identity stops being valid (unix seconds, exclusive).
    event IdentityUpdated(
        address indexed account,
        address indexed provider,
        bytes32 indexed entityId,
        uint8 roles,
        uint16 jurisdiction,
        uint40 expiry
    );

    /// @notice `provider` revoked the identity of `account`; `reasonHash` points to the off-chain reason.
    /// @param account The account.
    /// @param provider The KYC provider.
    /// @param entityId The entity id (company) of the account.
    /// @param reasonHash Hash of the off-chain reason.
    event IdentityRevoked(
        address indexed account,
        address indexed provider,
        bytes32 indexed entityId,
        bytes32 reasonHash
    );

    /// @notice The admin suspended `provider` (normally together with revoking its KYC role): every
    /// identity `provider` wrote stops verifying at once, and it can write no more.
    /// @param provider The KYC provider.
    /// @param admin The AccessManager admin who acted.
    event IdentityProviderSuspended(address indexed provider, address indexed admin);

    /// @notice The admin lifted the suspension of `provider`: the identities it wrote verify again.
    /// @param provider The KYC provider.
    /// @param admin The AccessManager admin who acted.
    event IdentityProviderReinstated(address indexed provider, address indexed admin);

    /// @notice The attestation could only be submitted until `deadline`; it is now `timestamp`.
    /// @param deadline The deadline (unix seconds).
    /// @param timestamp The current block timestamp.
    error IdentityAttestationExpired(uint256 deadline, uint256 timestamp);
    /// @notice `signature` is not a valid signature of the attestation by `provider`.
    /// @param provider The KYC provider.
    error IdentityInvalidSignature(address provider);
    /// @notice `signer` signed correctly but may not issue identities now (not a KYC provider, or
    /// its grant carries an execution delay, or the registry is closed in the AccessManager).
    /// @param signer The signer.
    error IdentityInvalidSigner(address signer);
    /// @notice The attestation's nonce is `given`; the next one for `account` is `expected`.
    /// @param account The account.
    /// @param expected The nonce expected.
    /// @param given The nonce given.
    error IdentityInvalidNonce(address account, uint256 expected, uint256 given);
    /// @notice `roles` is empty or holds bits outside `PartyRoles.ALL`.
    /// @param roles The role bits (`PartyRoles`).
    error IdentityInvalidRoles(uint8 roles);
    /// @notice `code` is not an ISO 3166-1 numeric code (must be 1..999).
    /// @param code The code given.
    error IdentityInvalidJurisdiction(uint16 code);
    /// @notice `expiry` is not after the current block timestamp.
    /// @param expiry When the identity stops being valid (unix seconds, exclusive).
    error IdentityExpiryInPast(uint40 expiry);
    /// @notice The entity id is zero.
    error IdentityZeroEntity();
    /// @notice The account is the zero address.
    error IdentityZeroAccount();
    /// @notice `account` has no identity to revoke.
    /// @param account The account.
    error IdentityNotVerified(address account);
    /// @notice `provider` is suspended: it cannot issue or update identities, directly or by signature.
    /// @param provider The KYC provider.
    error IdentityProviderIsSuspended(address provider);
    /// @notice `provider` is not suspended, so there is nothing to reinstate.
    /// @param provider The KYC provider.
    error IdentityProviderNotSuspended(address provider);
    /// @notice The provider address is zero.
    error IdentityZeroProvider();

    /// @notice Issues or overwrites the identity of `account`. Restricted to `Roles.KYC_PROVIDER`.
    /// @dev Consumes `account`'s nonce, so attestations signed earlier for it can no longer be
    /// submitted and cannot overwrite this newer record. Blocked while paused.
    /// @param account The account.
    /// @param roles The role bits (`PartyRoles`).
    /// @param jurisdiction The ISO 3166-1 numeric country code.
    /// @param expiry When the identity stops being valid (unix seconds, exclusive).
    /// @param entityId The entity id (company) of the account.
    function verify(address account, uint8 roles, uint16 jurisdiction, uint40 expiry, bytes32 entityId) external;

    /// @notice Issues or overwrites an identity from a provider's EIP-712 attestation. Anyone may
    /// submit it (normally the verified account, paying the gas). Blocked while paused.
    /// @dev The signer must, at submission time, be allowed to call {verify} immediately in the
    /// AccessManager; revoking a provider's role therefore voids its unsubmitted attestations.
    /// @param attestation The provider's attestation.
    /// @param signature The provider's EIP-712 signature (ERC-1271 for a contract wallet).
    function verifyWithAttestation(Attestation calldata attestation, bytes calldata signature) external;

    /// @notice Removes the identity of `account` at once. Restricted to `Roles.KYC_PROVIDER`.
    /// Never blocked by pause. Also consumes `account`'s nonce to void pending attestations.
    /// @param account The account.
    /// @param reasonHash Hash of the off-chain reason.
    function revoke(address account, bytes32 reasonHash) external;

    /// @notice Suspends `provider`: every identity it wrote (directly or through an attestation it
    /// signed) stops verifying in this one step, and its writes revert with
    /// {IdentityProviderIsSuspended}. Restricted to the AccessManager admin, who calls it when
    /// revoking the provider's KYC role (both in one `AccessManager.multicall`). Never blocked by
    /// pause. Idempotent: suspending a suspended provider changes nothing and emits again.
    /// @dev Exits and repayments do not check identity, so no party's money is frozen by it.
    /// @param provider The KYC provider.
    function suspendProvider(address provider) external;

    /// @notice Lifts the suspension of `provider` (a mistaken suspension, or a provider re-admitted
    /// with the same key): its identities verify again, each until its own expiry. Restricted to
    /// the AccessManager admin; blocked while paused, like every admission.
    /// @param provider The KYC provider.
    function reinstateProvider(address provider) external;

    /// @notice True when `account` holds every role bit in `roles`, its identity has not
    /// expired (expiry is exclusive: at `expiry` the identity is no longer valid) or been revoked,
    /// and the provider that wrote it is not suspended.
    /// @param account The account.
    /// @param roles The role bits (`PartyRoles`).
    /// @return verified True when `account` is verified for `roles` now.
    function isVerified(address account, uint8 roles) external view returns (bool);

    /// @notice Answers in one call what {isVerified} and {entityOf} answer in two: the entity id of
    /// `account` when it is verified for `roles` now, else zero. Callers revert with their own
    /// named error on zero, so a money path asks the registry once per party.
    /// @dev The same test as {isVerified}: every role bit in `roles`, not expired (expiry exclusive),
    /// not revoked, provider not suspended. A verified identity never has a zero entity (writes
    /// refuse one), so zero means "not verified for `roles`" and nothing else.
    /// @param account The wallet to check.
    /// @param roles The role bits (`PartyRoles`) `account` must all hold; zero asks for any active identity.
    /// @return entity The entity id (company) of `account`, or zero when it is not verified for `roles`.
    function verifiedEntity(address account, uint8 roles) external view returns (bytes32 entity);

    /// @notice Whether `provider` is suspended.
    /// @param provider The KYC provider.
    /// @return suspended True when `provider` is suspended.
    function isProviderSuspended(address provider) external view returns (bool);

    /// @notice The entity id (company) `account` belongs to; zero when unknown or revoked.
    /// Several wallets of one company share an entity id.
    /// @param account The account.
    /// @return entity The entity id, or zero.
    function entityOf(address account) external view returns (bytes32);

    /// @notice The stored identity of `account` (zeroed when none) and whether it is active now
    /// (not expired and its provider not suspended).
    /// @param account The account.
    /// @return identity The stored identity (all zero when none).
    /// @return isActive Whether it is active now.
    function identityOf(address account) external view returns (Identity memory identity, bool isActive);

    /// @notice The next attestation nonce of `account`.
    /// @param account The account.
    /// @return nonce The nonce the next attestation for `account` must carry.
    function nonces(address account) external view returns (uint256);

    /// @notice The EIP-712 digest a provider signs for `attestation`.
    /// @param attestation The provider's attestation.
    /// @return digest The EIP-712 digest.
    function hashAttestation(Attestation calldata attestation) external view returns (bytes32);

    /// @notice The EIP-712 domain separator (name "IdentityRegistry", version "1").
    /// @return separator The domain separator on this chain.
    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32);

    /// @notice keccak256 of the EIP-712 `Attestation` type string.
    /// @return typehash The type hash.
    // solhint-disable-next-line func-name-mixedcase
    function ATTESTATION_TYPEHASH() external view returns (bytes32);
}
