// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {IDemoUSD} from "../../contracts/interfaces/IDemoUSD.sol";

contract DemoUSDTest is Test {
    DemoUSD internal token;
    address internal owner = makeAddr("owner");
    address internal alice = makeAddr("alice");
    uint256 internal constant LIMIT = 10_000e6;

    function setUp() public {
        vm.warp(1_800_000_000);
        token = new DemoUSD(owner);
    }

    function test_constructor_revertsOnAnyChainButLocal() public {
        vm.chainId(1);
        vm.expectRevert(abi.encodeWithSelector(IDemoUSD.DemoUSDWrongChain.selector, 1));
        new DemoUSD(owner);
    }

    function test_metadata_isSixDecimalsWithPermitDomain() public view {
        assertEq(token.decimals(), 6);
        assertEq(token.symbol(), "dUSD");
        assertEq(token.name(), "Demo USD");
        (, string memory name, string memory version, uint256 chainId, address verifying, , ) = token.eip712Domain();
        assertEq(name, "Demo USD");
        assertEq(version, "1");
        assertEq(chainId, 31_337);
        assertEq(verifying, address(token));
    }

    function test_faucet_mintsAndEmitsWhy() public {
        vm.expectEmit(address(token));
        emit IDemoUSD.FaucetDrip(alice, 250e6, 250e6);
        vm.prank(alice);
        token.faucet(250e6);
        assertEq(token.balanceOf(alice), 250e6);
        assertEq(token.faucetAvailable(alice), LIMIT - 250e6);
        assertEq(token.faucetWindowEnd(alice), block.timestamp + 1 days);
    }

    function test_faucet_revertsOnZero() public {
        vm.expectRevert(IDemoUSD.DemoUSDZeroAmount.selector);
        vm.prank(alice);
        token.faucet(0);
    }

    function test_faucet_revertsBeyondWindowLimit() public {
        vm.startPrank(alice);
        token.faucet(LIMIT - 1);
        vm.expectRevert(abi.encodeWithSelector(IDemoUSD.DemoUSDFaucetLimitExceeded.selector, alice, 2, 1));
        token.faucet(2);
        vm.stopPrank();
    }

    function test_faucet_windowReopensAtExactSecond() public {
        vm.prank(alice);
        token.faucet(LIMIT);
        vm.warp(block.timestamp + 1 days - 1);
        assertEq(token.faucetAvailable(alice), 0);
        vm.expectRevert(abi.encodeWithSelector(IDemoUSD.DemoUSDFaucetLimitExceeded.selector, alice, 1, 0));
        vm.prank(alice);
        token.faucet(1);
        vm.warp(block.timestamp + 1);
        assertEq(token.faucetAvailable(alice), LIMIT);
        assertEq(token.faucetWindowEnd(alice), 0);
        vm.prank(alice);
        token.faucet(LIMIT);
        assertEq(token.balanceOf(alice), 2 * LIMIT);
    }

    function test_mint_onlyOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        token.mint(alice, 1);

        vm.expectEmit(address(token));
        emit IDemoUSD.OwnerMint(alice, 5e6);
        vm.prank(owner);
        token.mint(alice, 5e6);
        assertEq(token.balanceOf(alice), 5e6);
    }

    function test_mint_revertsOnZero() public {
        vm.expectRevert(IDemoUSD.DemoUSDZeroAmount.selector);
        vm.prank(owner);
        token.mint(alice, 0);
    }

    function test_permit_setsAllowanceFromSignature() public {
        (address signer, uint256 key) = makeAddrAndKey("signer");
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                signer,
                alice,
                77e6,
                token.nonces(signer),
                deadline
            )
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash));
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        token.permit(signer, alice, 77e6, deadline, v, r, s);
        assertEq(token.allowance(signer, alice), 77e6);
        assertEq(token.nonces(signer), 1);
    }

    /// Any sequence of faucet calls inside one window mints exactly what was asked, never more
    /// than the limit, and the views agree with the balance.
    function testFuzz_faucet_neverExceedsLimitPerWindow(uint256 a, uint256 b, uint32 gap) public {
        a = bound(a, 1, LIMIT);
        b = bound(b, 1, 2 * LIMIT);
        vm.prank(alice);
        token.faucet(a);
        vm.warp(block.timestamp + gap);
        bool reopened = gap >= 1 days;
        uint256 available = reopened ? LIMIT : LIMIT - a;
        assertEq(token.faucetAvailable(alice), available);
        vm.prank(alice);
        if (b > available) {
            vm.expectRevert(abi.encodeWithSelector(IDemoUSD.DemoUSDFaucetLimitExceeded.selector, alice, b, available));
            token.faucet(b);
            assertEq(token.balanceOf(alice), a);
        } else {
            token.faucet(b);
            assertEq(token.balanceOf(alice), a + b);
            assertEq(token.faucetAvailable(alice), available - b);
        }
        assertEq(token.totalSupply(), token.balanceOf(alice));
    }
}
