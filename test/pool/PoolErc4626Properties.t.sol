// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {PoolBase} from "./PoolBase.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice ERC-4626 properties of the pool, the synchronous entry point, checked from the rules of
/// EIPS/eip-4626.md in several book states (fresh, income earned, an impaired asset, a queued
/// redemption). The pool prices entries on gross NAV and exits on net NAV (documented), so a
/// round trip through an impairment loses: that still satisfies "never profits".
contract PoolErc4626PropertiesTest is PoolBase {
    uint256 internal constant MAX_ASSETS = 1_000_000e6;

    /// @dev Puts the book in one of four states; alice and bob hold shares in all of them.
    function _scenario(uint256 seed) internal {
        _deposit(alice, 100_000e6);
        _deposit(bob, 20_000e6);
        uint256 state = seed % 4;
        if (state == 0) return; // fresh: price 1
        (uint256 id, ) = _financeNew(FACE, TENOR);
        if (state == 1) {
            // Income earned: price above 1, not round.
            vm.warp(block.timestamp + TENOR - 1 hours);
            _pay(debtor, id, FACE);
        } else if (state == 2) {
            // An impaired asset: exits (net NAV) below entries (gross NAV).
            vm.warp(block.timestamp + TENOR + 6 days);
            vm.prank(poolManager);
            pool.impair(id);
        } else {
            // A redemption waiting in the queue holds part of the idle cash.
            vm.warp(block.timestamp + 10 days);
            uint256 shares = pool.balanceOf(bob) / 2;
            vm.prank(bob);
            queue.requestRedeem(shares, bob, bob);
        }
    }

    function _actor(address a) internal returns (address) {
        assumeNotZeroAddress(a);
        assumeNotPrecompile(a);
        assumeNotForgeAddress(a);
        vm.assume(a.code.length == 0);
        vm.assume(a != sme && a != sme2 && a != debtor && a != debtor2);
        _verifyAs(a, PartyRoles.INVESTOR, keccak256(abi.encode("entity", a)));
        return a;
    }

    function _fund(address who, uint256 assets) internal {
        usd.mint(who, assets);
        vm.prank(who);
        usd.approve(address(pool), assets);
    }

    // ------------------------------------------------------------ conversions

    /// ERC-4626 convertToShares: "MUST NOT show any variations depending on the caller"
    function testFuzz_4626_convertToShares_callerIndependent(uint256 seed, uint256 assets, address caller) public {
        _scenario(seed);
        assets = bound(assets, 0, MAX_ASSETS);
        uint256 expected = pool.convertToShares(assets);
        vm.prank(caller);
        assertEq(pool.convertToShares(assets), expected);
    }

    /// ERC-4626 convertToAssets: "MUST NOT show any variations depending on the caller"
    function testFuzz_4626_convertToAssets_callerIndependent(uint256 seed, uint256 shares, address caller) public {
        _scenario(seed);
        shares = bound(shares, 0, pool.totalSupply());
        uint256 expected = pool.convertToAssets(shares);
        vm.prank(caller);
        assertEq(pool.convertToAssets(shares), expected);
    }

    /// ERC-4626 convertToShares/convertToAssets: "MUST round down towards 0" - a conversion there and back never gains
    function testFuzz_4626_convert_roundTripNeverGains(uint256 seed, uint256 assets) public {
        _scenario(seed);
        assets = bound(assets, 0, MAX_ASSETS);
        assertLe(pool.convertToAssets(pool.convertToShares(assets)), assets);
    }

    // ------------------------------------------------------------ previews against actions

    /// ERC-4626 previewDeposit: "MUST return as close to and no more than the exact amount of Vault shares that would be minted in a deposit call"
    function testFuzz_4626_deposit_atLeastPreview(uint256 seed, uint256 assets, address receiver) public {
        _scenario(seed);
        _actor(receiver);
        assets = bound(assets, 1, MAX_ASSETS);
        _fund(alice, assets);
        uint256 preview = pool.previewDeposit(assets);
        vm.prank(alice);
        uint256 shares = pool.deposit(assets, receiver);
        assertGe(shares, preview);
    }

    /// ERC-4626 previewMint: "MUST return as close to and no fewer than the exact amount of assets that would be deposited in a mint call"
    function testFuzz_4626_mint_atMostPreview(uint256 seed, uint256 shares, address receiver) public {
        _scenario(seed);
        _actor(receiver);
        shares = bound(shares, 1, pool.convertToShares(MAX_ASSETS));
        uint256 preview = pool.previewMint(shares);
        _fund(alice, preview);
        uint256 before = usd.balanceOf(alice);
        vm.prank(alice);
        uint256 assets = pool.mint(shares, receiver);
        assertLe(assets, preview);
        assertEq(before - usd.balanceOf(alice), assets, "pulls what it returns");
    }

    /// ERC-4626 previewWithdraw: "MUST return as close to and no fewer than the exact amount of Vault shares that would be burned in a withdraw call"
    function testFuzz_4626_withdraw_atMostPreview(uint256 seed, uint256 assets, address receiver) public {
        _scenario(seed);
        _actor(receiver);
        assets = bound(assets, 1, pool.maxWithdraw(alice));
        uint256 preview = pool.previewWithdraw(assets);
        uint256 before = pool.balanceOf(alice);
        vm.prank(alice);
        uint256 shares = pool.withdraw(assets, receiver, alice);
        assertLe(shares, preview);
        assertEq(before - pool.balanceOf(alice), shares, "burns what it returns");
    }

    /// ERC-4626 previewRedeem: "MUST return as close to and no more than the exact amount of assets that would be withdrawn in a redeem call"
    function testFuzz_4626_redeem_atLeastPreview(uint256 seed, uint256 shares, address receiver) public {
        _scenario(seed);
        _actor(receiver);
        shares = bound(shares, pool.previewWithdraw(1), pool.maxRedeem(alice));
        uint256 preview = pool.previewRedeem(shares);
        uint256 before = usd.balanceOf(receiver);
        vm.prank(alice);
        uint256 assets = pool.redeem(shares, receiver, alice);
        assertGe(assets, preview);
        assertEq(usd.balanceOf(receiver) - before, assets, "pays what it returns");
    }

    // ------------------------------------------------------------ round trips

    /// ERC-4626 security: rounding "in favor of the Vault" - deposit then redeem never returns more than deposited
    function testFuzz_4626_roundTrip_depositRedeem(uint256 seed, uint256 assets, address who) public {
        _scenario(seed);
        _actor(who);
        assets = bound(assets, 1, MAX_ASSETS);
        _fund(who, assets);
        vm.startPrank(who);
        uint256 shares = pool.deposit(assets, who);
        uint256 out = pool.previewRedeem(shares);
        if (out != 0) out = pool.redeem(shares, who, who);
        vm.stopPrank();
        assertLe(out, assets);
    }

    /// ERC-4626 security: deposit then withdraw the same assets burns at least the shares received
    function testFuzz_4626_roundTrip_depositWithdraw(uint256 seed, uint256 assets, address who) public {
        _scenario(seed);
        _actor(who);
        assets = bound(assets, 1, MAX_ASSETS);
        _fund(who, assets);
        vm.startPrank(who);
        uint256 shares = pool.deposit(assets, who);
        uint256 max = pool.maxWithdraw(who);
        if (max >= assets) {
            // Only reachable when the shares still buy the assets back: then they all go.
            assertGe(pool.withdraw(assets, who, who), shares);
        } else {
            // Exits priced lower (impairment, rounding): the same shares buy back less.
            assertLt(pool.previewRedeem(shares), assets);
        }
        vm.stopPrank();
    }

    /// ERC-4626 security: mint then redeem the same shares never returns more than paid
    function testFuzz_4626_roundTrip_mintRedeem(uint256 seed, uint256 shares, address who) public {
        _scenario(seed);
        _actor(who);
        shares = bound(shares, 1, pool.convertToShares(MAX_ASSETS));
        _fund(who, pool.previewMint(shares));
        vm.startPrank(who);
        uint256 paid = pool.mint(shares, who);
        uint256 out = pool.previewRedeem(shares);
        if (out != 0) out = pool.redeem(shares, who, who);
        vm.stopPrank();
        assertLe(out, paid);
    }

    /// ERC-4626 security: mint then withdraw the assets paid burns at least the shares minted
    function testFuzz_4626_roundTrip_mintWithdraw(uint256 seed, uint256 shares, address who) public {
        _scenario(seed);
        _actor(who);
        shares = bound(shares, 1, pool.convertToShares(MAX_ASSETS));
        _fund(who, pool.previewMint(shares));
        vm.startPrank(who);
        uint256 paid = pool.mint(shares, who);
        if (pool.maxWithdraw(who) >= paid) {
            assertGe(pool.withdraw(paid, who, who), shares);
        } else {
            assertLt(pool.previewRedeem(shares), paid);
        }
        vm.stopPrank();
    }

    // ------------------------------------------------------------ limits

    /// ERC-4626 maxDeposit: "MUST return the maximum amount of assets deposit would allow to be deposited for receiver and not cause a revert"
    function testFuzz_4626_maxDeposit_honoured(uint256 seed, uint256 assets, address receiver, bool atMax) public {
        _scenario(seed);
        _actor(receiver);
        uint256 max = pool.maxDeposit(receiver);
        assets = atMax ? max : bound(assets, 1, Math.min(max, MAX_ASSETS));
        _fund(alice, assets);
        vm.prank(alice);
        pool.deposit(assets, receiver);
        if (atMax) assertEq(pool.maxDeposit(receiver), 0, "room used up");
    }

    /// ERC-4626 maxDeposit: "MUST NOT be higher than the actual maximum that would be accepted"
    function testFuzz_4626_maxDeposit_aboveMaxReverts(uint256 seed, uint256 extra) public {
        _scenario(seed);
        uint256 assets = pool.maxDeposit(alice) + bound(extra, 1, 1e30);
        _fund(alice, assets);
        vm.prank(alice);
        vm.expectRevert();
        pool.deposit(assets, alice);
    }

    /// ERC-4626 maxMint: "MUST return the maximum amount of shares mint would allow to be deposited to receiver and not cause a revert"
    function testFuzz_4626_maxMint_honoured(uint256 seed, uint256 shares, address receiver, bool atMax) public {
        _scenario(seed);
        _actor(receiver);
        uint256 max = pool.maxMint(receiver);
        shares = atMax ? max : bound(shares, 1, Math.min(max, pool.convertToShares(MAX_ASSETS)));
        _fund(alice, pool.previewMint(shares));
        vm.prank(alice);
        pool.mint(shares, receiver);
    }

    /// ERC-4626 maxWithdraw: "MUST return the maximum amount of assets that could be transferred from owner through withdraw and not cause a revert"
    function testFuzz_4626_maxWithdraw_honoured(uint256 seed, uint256 assets, bool atMax) public {
        _scenario(seed);
        uint256 max = pool.maxWithdraw(alice);
        assets = atMax ? max : bound(assets, 1, max);
        vm.prank(alice);
        pool.withdraw(assets, alice, alice);
    }

    /// ERC-4626 maxRedeem: "MUST return the maximum amount of shares that could be transferred from owner through redeem and not cause a revert"
    function testFuzz_4626_maxRedeem_honoured(uint256 seed, uint256 shares, bool atMax) public {
        _scenario(seed);
        uint256 max = pool.maxRedeem(alice);
        shares = atMax ? max : bound(shares, pool.previewWithdraw(1), max);
        vm.prank(alice);
        pool.redeem(shares, alice, alice);
    }

    /// ERC-4626 maxRedeem: "MUST return the maximum amount of shares that could be transferred from owner through redeem and not cause a revert, which MUST NOT be higher than the actual maximum that would be accepted"
    /// A holder of shares worth less than one asset unit: redeem would pay 0 assets (refused), so
    /// the real maximum is 0 (this failed before maxRedeem checked the value).
    function testFuzz_4626_maxRedeem_dustHolderCanRedeemMax(uint256 seed, uint256 dust) public {
        _scenario(seed);
        address carol = _actor(makeAddr("carol"));
        dust = bound(dust, 1, pool.previewWithdraw(1) - 1); // worth 0 assets at the exit price
        vm.prank(alice);
        assertTrue(pool.transfer(carol, dust));
        uint256 max = pool.maxRedeem(carol);
        if (max == 0) return; // honoured
        vm.prank(carol);
        pool.redeem(max, carol, carol); // MUST NOT revert
    }

    /// ERC-4626 maxWithdraw / maxRedeem: "MUST NOT be higher than the actual maximum that would be accepted"
    function testFuzz_4626_maxWithdrawAndMaxRedeem_aboveMaxRevert(uint256 seed, uint256 extra) public {
        _scenario(seed);
        extra = bound(extra, 1, 1e24);
        uint256 assets = pool.maxWithdraw(bob) + extra;
        uint256 shares = pool.maxRedeem(bob) + extra;
        vm.startPrank(bob);
        vm.expectRevert();
        pool.withdraw(assets, bob, bob);
        vm.expectRevert();
        pool.redeem(shares, bob, bob);
        vm.stopPrank();
    }

    /// ERC-4626 maxDeposit / maxMint: "if deposits are entirely disabled (even temporarily) it MUST return 0"
    function test_4626_maxDeposit_zeroWhenDisabled() public {
        _scenario(0);
        assertEq(pool.maxDeposit(outsider), 0, "outsider may not deposit");
        assertEq(pool.maxMint(outsider), 0);
        vm.prank(pauser);
        pool.pause();
        assertEq(pool.maxDeposit(alice), 0, "paused");
        assertEq(pool.maxMint(alice), 0, "paused");
    }

    // ------------------------------------------------------------ approvals and events

    /// ERC-4626 redeem/withdraw: "MUST support a redeem flow where the shares are burned from owner directly where msg.sender has EIP-20 approval over the shares of owner"
    function testFuzz_4626_redeem_byApprovedSpender(uint256 seed, uint256 shares, address receiver) public {
        _scenario(seed);
        _actor(receiver);
        shares = bound(shares, pool.previewWithdraw(1), pool.maxRedeem(alice));
        vm.prank(alice);
        pool.approve(bob, shares);
        uint256 before = pool.balanceOf(alice);
        vm.expectEmit(address(pool));
        emit IERC4626Events.Withdraw(bob, receiver, alice, pool.previewRedeem(shares), shares);
        vm.prank(bob);
        pool.redeem(shares, receiver, alice);
        assertEq(pool.balanceOf(alice), before - shares);
        assertEq(pool.allowance(alice, bob), 0, "allowance spent");
    }

    /// ERC-4626 deposit: "MUST emit the Deposit event"
    function testFuzz_4626_deposit_emitsDeposit(uint256 seed, uint256 assets) public {
        _scenario(seed);
        assets = bound(assets, 1, MAX_ASSETS);
        _fund(bob, assets);
        uint256 shares = pool.previewDeposit(assets);
        vm.expectEmit(address(pool));
        emit IERC4626Events.Deposit(bob, alice, assets, shares);
        vm.prank(bob);
        pool.deposit(assets, alice);
    }
}

/// @dev The ERC-4626 events, as the EIP names them, to match against the pool's log.
interface IERC4626Events {
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);
    event Withdraw(
        address indexed sender,
        address indexed receiver,
        address indexed owner,
        uint256 assets,
        uint256 shares
    );
}
