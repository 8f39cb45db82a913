// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title PartyRoles
/// @notice Bit flags for the roles a verified party can hold in the identity registry.
library PartyRoles {
    uint8 internal constant SME = 1;
    uint8 internal constant DEBTOR = 2;
    /// @notice Investors deposit into pools and lend directly into loan escrows.
    uint8 internal constant INVESTOR = 4;
    /// @notice Every defined bit; anything outside is rejected.
    uint8 internal constant ALL = SME | DEBTOR | INVESTOR;
}
