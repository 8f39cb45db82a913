// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IIdentityRegistry
/// @notice Verified parties (KYC) that pools, tokenization and loans check.
/// @dev Role flags are bits of a uint8 so one party can hold several roles.
interface IIdentityRegistry {
    /// @notice True when `account` holds every role bit in `roles` and its identity has not
    /// expired (expiry is exclusive: at `expiry` the identity is no longer valid) or been revoked.
    function isVerified(address account, uint8 roles) external view returns (bool);

    /// @notice The entity id (company) `account` belongs to; zero when unknown or revoked.
    /// Several wallets of one company share an entity id.
    function entityOf(address account) external view returns (bytes32);
}
