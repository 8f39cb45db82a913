// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {PoolGasBase} from "./PoolGas.t.sol";

/// @notice Gas of the ERC-7540 exit in steady state, as the bench measures it: the investor used the
/// queue before (its account slot exists), the queue is empty when the request comes, and the
/// claim pays into a balance that exists. Run with `--build-profile production`.
contract RedemptionQueueGasTest is PoolGasBase {
    uint256 internal shares;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 500_000e6);
        _deposit(bob, 100_000e6);
        shares = pool.balanceOf(alice) / 1_000;
        vm.prank(alice);
        queue.requestRedeem(shares, alice, alice);
        pool.processQueue(10);
        vm.prank(alice);
        queue.redeem(shares, alice, alice);
        vm.warp(block.timestamp + 1 hours);
    }

    function test_gas_requestRedeemIntoEmptyQueue() public {
        bytes memory data = abi.encodeCall(queue.requestRedeem, (shares, alice, alice));
        vm.prank(alice);
        queue.requestRedeem(shares, alice, alice);
        _report("request a redemption (empty queue, returning investor)", data, 96_500);
    }

    function test_gas_claimRedeem() public {
        vm.prank(alice);
        queue.requestRedeem(shares, alice, alice);
        pool.processQueue(10);
        uint256 claimable = queue.maxRedeem(alice);
        bytes memory data = abi.encodeCall(queue.redeem, (claimable, alice, alice));
        vm.prank(alice);
        queue.redeem(claimable, alice, alice);
        _report("claim a filled redemption", data, 35_500);
    }
}
