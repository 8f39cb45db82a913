// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SecurityBase} from "./SecurityBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";

/// @notice Finding F-14, against the real ReceivableToken: a receivable that reaches the pool by a
/// plain transfer, without being financed, is never stuck there and never adds to the pool's books.
contract SecurityUnfinancedReceivableTest is SecurityBase {
    function _sentToPool() private returns (uint256 id) {
        id = _acknowledged(sme, FACE, TENOR);
        vm.prank(sme);
        rcv.transferFrom(sme, address(pool), id);
        assertEq(rcv.ownerOf(id), address(pool));
    }

    function test_returnReceivable_realTokenGoesBackToItsIssuer() public {
        uint256 id = _sentToPool();
        vm.expectEmit(address(pool));
        emit IFinancingPool.UnfinancedReceivableReturned(id, sme);
        vm.prank(attacker); // anyone may send it back, and only to its issuer
        pool.returnReceivable(id);
        assertEq(rcv.ownerOf(id), sme);
    }

    function test_returnReceivable_realTokenRevertsOnceFinanced() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolReceivableNotReturnable.selector, id));
        pool.returnReceivable(id);
        assertEq(rcv.ownerOf(id), address(pool));
    }

    /// The debtor can still pay an unfinanced token the pool holds: every unit goes through to the
    /// issuer, the pool's books do not move, and the invoice settles.
    function test_pay_unfinancedTokenHeldByPoolPaysThroughToIssuer() public {
        _deposit(alice, 100_000e6);
        uint256 id = _sentToPool();
        IFinancingPool.NavBreakdown memory before = pool.navBreakdown();
        uint256 smeBefore = usd.balanceOf(sme);
        uint256 poolBefore = usd.balanceOf(address(pool));
        vm.expectEmit(address(pool));
        emit IFinancingPool.ReceivablePaymentForwarded(id, sme, FACE);
        _pay(id, FACE);
        assertEq(usd.balanceOf(sme) - smeBefore, FACE, "the issuer got every unit");
        assertEq(usd.balanceOf(address(pool)), poolBefore, "the pool kept nothing");
        assertEq(pool.navBreakdown().grossAssets, before.grossAssets, "the pool's books did not move");
        assertEq(uint8(rcv.receivable(id).status), uint8(IReceivableToken.Status.Paid));
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.None));
    }
}
