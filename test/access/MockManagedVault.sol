// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ManagedPausable} from "../../contracts/access/ManagedPausable.sol";

/// @notice Test-only target: one dangerous setter, one risky entry path, and the two paths the
/// pause rule keeps open (repay, claim). Counts instead of moving tokens.
contract MockManagedVault is ManagedPausable {
    uint256 public fee;
    uint256 public deposited;
    uint256 public repaid;
    mapping(address account => uint256) public claimable;

    constructor(address initialAuthority) ManagedPausable(initialAuthority) {}

    function setFee(uint256 newFee) external restricted {
        fee = newFee;
    }

    function deposit(uint256 amount) external whenNotPaused {
        deposited += amount;
        claimable[msg.sender] += amount;
    }

    function repay(uint256 amount) external {
        repaid += amount;
    }

    function claim() external returns (uint256 amount) {
        amount = claimable[msg.sender];
        claimable[msg.sender] = 0;
    }
}
