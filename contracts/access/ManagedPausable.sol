// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IManagedPausable} from "../interfaces/IManagedPausable.sol";

/// @title ManagedPausable
/// @notice Base of every protocol contract: permissions come from the one AccessManager, and a
/// PAUSER can stop the contract's risky paths without delay.
/// @dev Pause rule, binding on every inheritor: put `whenNotPaused` only on paths where new money
/// enters or leaves a risky position (deposit, finance, fund, draw down, admit a new party). Never
/// put it on repaying a receivable or loan, nor on claiming or withdrawing what is already the
/// caller's (repayments already credited, refunds of an expired escrow); a paused protocol must
/// still be able to collect what it is owed and let people take back what is theirs.
abstract contract ManagedPausable is AccessManaged, Pausable, IManagedPausable {
    constructor(address initialAuthority) AccessManaged(initialAuthority) {}

    /// @inheritdoc IManagedPausable
    function pause() external restricted {
        _pause();
    }

    /// @inheritdoc IManagedPausable
    function unpause() external restricted {
        _unpause();
    }
}
