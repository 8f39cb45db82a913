// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {AccessManager} from "@openzeppelin/contracts/access/manager/AccessManager.sol";
import {IManagedPausable} from "../../contracts/interfaces/IManagedPausable.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice Shared fixture: one AccessManager plus helpers to wire selectors to roles and grant
/// roles (with or without execution delay). Later areas inherit it and call `super.setUp()`.
abstract contract AccessBase is Test {
    uint256 internal constant START = 1_800_000_000;
    uint32 internal constant POLICY_DELAY = 2 days;

    AccessManager internal manager;
    address internal admin = makeAddr("admin");
    address internal pauser = makeAddr("pauser");
    address internal policyAdmin = makeAddr("policyAdmin");
    address internal stranger = makeAddr("stranger");

    function setUp() public virtual {
        vm.warp(START);
        manager = new AccessManager(admin);
        vm.label(address(manager), "AccessManager");
        _grant(Roles.PAUSER, pauser, 0);
        _grant(Roles.POLICY_ADMIN, policyAdmin, POLICY_DELAY);
    }

    /// @dev Maps every selector in `selectors` of `target` to `roleId`.
    function _wire(address target, bytes4[] memory selectors, uint64 roleId) internal {
        vm.prank(admin);
        manager.setTargetFunctionRole(target, selectors, roleId);
    }

    function _wire(address target, bytes4 selector, uint64 roleId) internal {
        bytes4[] memory selectors = new bytes4[](1);
        selectors[0] = selector;
        _wire(target, selectors, roleId);
    }

    /// @dev Maps pause/unpause of a ManagedPausable `target` to PAUSER.
    function _wirePause(address target) internal {
        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = IManagedPausable.pause.selector;
        selectors[1] = IManagedPausable.unpause.selector;
        _wire(target, selectors, Roles.PAUSER);
    }

    /// @dev Grants `roleId` to `account`; every call it makes under that role then waits `executionDelay`.
    function _grant(uint64 roleId, address account, uint32 executionDelay) internal {
        vm.prank(admin);
        manager.grantRole(roleId, account, executionDelay);
    }

    function _revoke(uint64 roleId, address account) internal {
        vm.prank(admin);
        manager.revokeRole(roleId, account);
    }
}
