// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {AccessBase} from "./AccessBase.sol";
import {MockManagedVault} from "./MockManagedVault.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice Delayed admin actions and the pause rule, on a tiny ManagedPausable target.
contract ManagedAccessTest is AccessBase {
    MockManagedVault internal vault;
    address internal investor = makeAddr("investor");
    bytes internal setFeeCall;

    function setUp() public override {
        super.setUp();
        vault = new MockManagedVault(address(manager));
        _wire(address(vault), MockManagedVault.setFee.selector, Roles.POLICY_ADMIN);
        _wirePause(address(vault));
        setFeeCall = abi.encodeCall(MockManagedVault.setFee, (250));
    }

    function _opId() internal view returns (bytes32) {
        return manager.hashOperation(policyAdmin, address(vault), setFeeCall);
    }

    function _schedule() internal returns (uint48 when) {
        vm.prank(policyAdmin);
        (, uint32 nonce) = manager.schedule(address(vault), setFeeCall, 0);
        assertEq(nonce, 1);
        when = manager.getSchedule(_opId());
    }

    // ---------------------------------------------------------------- delayed path

    function test_restricted_revertsForAccountWithoutRole() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        vault.setFee(250);
    }

    function test_restricted_revertsForDelayedRoleCalledDirectlyWithoutSchedule() public {
        // A delayed member is not "unauthorized": AccessManaged tries to consume a schedule and finds none.
        vm.expectRevert(abi.encodeWithSelector(IAccessManager.AccessManagerNotScheduled.selector, _opId()));
        vm.prank(policyAdmin);
        vault.setFee(250);
    }

    function test_canCall_reportsDelayForPolicyAdmin() public view {
        (bool immediate, uint32 delay) = manager.canCall(policyAdmin, address(vault), MockManagedVault.setFee.selector);
        assertFalse(immediate);
        assertEq(delay, POLICY_DELAY);
    }

    function test_schedule_setsReadyTimeAfterDelay() public {
        assertEq(_schedule(), START + POLICY_DELAY);
    }

    function test_schedule_revertsForAccountWithoutRole() public {
        vm.expectRevert(
            abi.encodeWithSelector(
                IAccessManager.AccessManagerUnauthorizedCall.selector,
                stranger,
                address(vault),
                MockManagedVault.setFee.selector
            )
        );
        vm.prank(stranger);
        manager.schedule(address(vault), setFeeCall, 0);
    }

    function test_execute_revertsBeforeDelay() public {
        _schedule();
        vm.warp(START + POLICY_DELAY - 1);
        vm.expectRevert(abi.encodeWithSelector(IAccessManager.AccessManagerNotReady.selector, _opId()));
        vm.prank(policyAdmin);
        manager.execute(address(vault), setFeeCall);
        assertEq(vault.fee(), 0);
    }

    function test_execute_succeedsAtDelay() public {
        _schedule();
        vm.warp(START + POLICY_DELAY);
        vm.prank(policyAdmin);
        manager.execute(address(vault), setFeeCall);
        assertEq(vault.fee(), 250);
        assertEq(manager.getSchedule(_opId()), 0);
    }

    function test_restricted_directCallConsumesScheduleAfterDelay() public {
        _schedule();
        vm.warp(START + POLICY_DELAY);
        vm.prank(policyAdmin);
        vault.setFee(250);
        assertEq(vault.fee(), 250);
        // Consumed: a second call needs a new schedule.
        vm.expectRevert(abi.encodeWithSelector(IAccessManager.AccessManagerNotScheduled.selector, _opId()));
        vm.prank(policyAdmin);
        vault.setFee(250);
    }

    function test_execute_revertsAfterScheduleExpired() public {
        uint48 when = _schedule();
        vm.warp(when + manager.expiration());
        vm.expectRevert(abi.encodeWithSelector(IAccessManager.AccessManagerExpired.selector, _opId()));
        vm.prank(policyAdmin);
        manager.execute(address(vault), setFeeCall);
    }

    function test_cancel_guardianStopsScheduledChange() public {
        vm.prank(admin);
        manager.setRoleGuardian(Roles.POLICY_ADMIN, Roles.PAUSER);
        _schedule();
        vm.prank(pauser);
        manager.cancel(policyAdmin, address(vault), setFeeCall);
        vm.warp(START + POLICY_DELAY);
        vm.expectRevert(abi.encodeWithSelector(IAccessManager.AccessManagerNotScheduled.selector, _opId()));
        vm.prank(policyAdmin);
        manager.execute(address(vault), setFeeCall);
    }

    // ---------------------------------------------------------------- pause rule

    function test_pause_isImmediateForPauser() public {
        vm.expectEmit(address(vault));
        emit Pausable.Paused(pauser);
        vm.prank(pauser);
        vault.pause();
        assertTrue(vault.paused());
        assertEq(block.timestamp, START);
    }

    function test_pause_revertsForAccountWithoutRole() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, policyAdmin));
        vm.prank(policyAdmin);
        vault.pause();
    }

    function test_pause_revertsWhenAlreadyPaused() public {
        vm.startPrank(pauser);
        vault.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vault.pause();
        vm.stopPrank();
    }

    function test_unpause_reopensRiskyPath() public {
        vm.startPrank(pauser);
        vault.pause();
        vault.unpause();
        vm.stopPrank();
        vm.prank(investor);
        vault.deposit(10);
        assertEq(vault.deposited(), 10);
    }

    function test_unpause_revertsWhenNotPaused() public {
        vm.expectRevert(Pausable.ExpectedPause.selector);
        vm.prank(pauser);
        vault.unpause();
    }

    function test_unpause_revertsForAccountWithoutRole() public {
        vm.prank(pauser);
        vault.pause();
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        vault.unpause();
    }

    function test_deposit_revertsWhilePaused() public {
        vm.prank(pauser);
        vault.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(investor);
        vault.deposit(10);
    }

    function test_repayAndClaim_stillWorkWhilePaused() public {
        vm.prank(investor);
        vault.deposit(10);
        vm.prank(pauser);
        vault.pause();
        vault.repay(7);
        vm.prank(investor);
        assertEq(vault.claim(), 10);
        assertEq(vault.repaid(), 7);
    }
}
