// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title Roles
/// @notice Role ids of the protocol's single OpenZeppelin AccessManager. Every restricted
/// function of every contract maps to exactly one of these in the Ignition deployment.
/// @dev ADMIN_ROLE (0) and PUBLIC_ROLE (type(uint64).max) are AccessManager's own.
library Roles {
    /// @notice Issues, updates and revokes identity attestations.
    uint64 internal constant KYC_PROVIDER = 1;
    /// @notice Day-to-day pool operations: commit cash to loans, impair, default, recover.
    uint64 internal constant POOL_MANAGER = 2;
    /// @notice Approves loans that policy does not auto-approve.
    uint64 internal constant UNDERWRITER = 3;
    /// @notice Pauses and unpauses; no delay, so an incident can be stopped at once.
    uint64 internal constant PAUSER = 4;
    /// @notice Attests payments made off chain (bank transfer) against a receivable.
    uint64 internal constant SERVICER = 5;
    /// @notice Changes parameters that move money (pool policy, fees, limits); granted with
    /// an execution delay so users can react before a change takes effect.
    uint64 internal constant POLICY_ADMIN = 6;
}
