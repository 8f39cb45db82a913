// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IManagedPausable
/// @notice Pause switch shared by every protocol contract, operated through the AccessManager.
/// @dev The pause rule: pausing stops new money entering or leaving risky paths (deposits, new
/// financing, new loans, draw-downs, new verifications); it never stops a debtor or borrower
/// repaying, nor an investor claiming what is already theirs. A paused protocol must still be
/// able to get its money back. `Paused`/`Unpaused` events come from OpenZeppelin `Pausable`.
interface IManagedPausable {
    /// @notice Stops the risky paths of this contract at once (no execution delay: incidents
    /// must be stoppable immediately). Mapped to `Roles.PAUSER`.
    function pause() external;

    /// @notice Reopens the paths stopped by {pause}. Mapped to `Roles.PAUSER`.
    function unpause() external;
}
