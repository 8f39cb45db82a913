// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Vm} from "forge-std/Vm.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {PoolBase} from "./PoolBase.sol";
import {IRedemptionQueue} from "../../contracts/interfaces/IRedemptionQueue.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7575Share, IERC7575Vault} from "../../contracts/interfaces/IERC7540.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Conformance of the two entry points over the pool's share to the EIP texts: ERC-7540
/// (asynchronous redemption, operators, ERC-165) for {RedemptionQueue}, ERC-7575 (share, vault
/// lookup, ERC-165) for both. One test per MUST, named `test_<erc>_<rule>`; the comment above each
/// quotes the rule. Written from ERCS/erc-7540.md and ERCS/erc-7575.md, not from the contracts.
/// The ERC-4626 properties of the synchronous entry point are in PoolErc4626Properties.t.sol.
contract RedemptionQueueConformanceTest is PoolBase {
    /// @dev ERC-165 ids as the EIPs print them; the tests recompute them from the selectors.
    bytes4 internal constant ERC165_ID = 0x01ffc9a7;
    bytes4 internal constant OPERATOR_ID = 0xe3bc4e65;
    bytes4 internal constant ASYNC_REDEEM_ID = 0x620ee8e4;
    bytes4 internal constant ASYNC_DEPOSIT_ID = 0xce3bbe50;
    bytes4 internal constant VAULT_7575_ID = 0x2f0a18c5;
    bytes4 internal constant SHARE_7575_ID = 0xf815c03d;

    /// @dev Worth at least 15e6 at any price >= 1: above the policy's minRedeemRequest (10e6).
    uint256 internal constant MIN_REQUEST_SHARES = 15e12;
    /// @dev Smallest fuzzed deposit: comfortably more than MIN_REQUEST_SHARES at the setUp price.
    uint256 internal constant MIN_DEPOSIT = 50e6;
    uint256 internal constant MAX_DEPOSIT = 1_000_000e6;

    function setUp() public virtual override {
        super.setUp();
        // A price away from 1: an invoice financed and paid with its discount fee earned, so the
        // share-to-asset ratio is not round and partial claims actually round.
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR - 1 hours);
        _pay(debtor, id, FACE);
        assertGt(pool.convertToAssets(1e12), 1e6, "price above 1");
    }

    // ================================================================ helpers

    /// @dev A fuzzed account made a verified investor (holders of shares must be).
    function _investor(address a) internal returns (address) {
        _plain(a);
        // Verifying replaces roles: keep the fixture's SMEs and debtors what they are.
        vm.assume(a != sme && a != sme2 && a != debtor && a != debtor2);
        _verifyAs(a, PartyRoles.INVESTOR, keccak256(abi.encode("entity", a)));
        return a;
    }

    /// @dev A fuzzed account that is no contract of the fixture and may receive tokens.
    function _plain(address a) internal view {
        assumeNotZeroAddress(a);
        assumeNotPrecompile(a);
        assumeNotForgeAddress(a);
        vm.assume(a.code.length == 0);
        vm.assume(a != address(pool) && a != address(queue) && a != address(usd));
    }

    /// @dev `owner` deposits `assets` and requests all its new shares for `controller`.
    function _request(address owner, address controller, uint256 assets) internal returns (uint256 shares) {
        shares = _deposit(owner, assets);
        vm.prank(owner);
        queue.requestRedeem(shares, controller, owner);
    }

    /// @dev Fills every queued request from idle cash (the pool has plenty after setUp).
    function _fillAll() internal {
        pool.processQueue(100);
    }

    /// @dev `controller` ends with a whole filled (claimable) request worth about `assets`.
    function _claimable(address controller, uint256 assets) internal returns (uint256 shares, uint256 owed) {
        shares = _request(controller, controller, assets);
        _fillAll();
        assertEq(queue.claimableRedeemRequest(0, controller), shares, "setup: wholly filled");
        owed = queue.maxWithdraw(controller);
    }

    /// @dev `controller` ends with a request partly filled: some shares claimable, some pending.
    function _partlyFilled(address controller, uint256 assets) internal returns (uint256 shares) {
        assets = bound(assets, 1_000e6, 200_000e6);
        _drainAlice();
        shares = _deposit(controller, assets);
        // An invoice of half the deposit takes about half that cash out: the request cannot all be paid.
        _financeNew(uint128(assets / 2), TENOR);
        vm.prank(controller);
        queue.requestRedeem(shares, controller, controller);
        _fillAll();
    }

    /// @dev Alice takes all she can out, so the idle cash is what the test's actors bring.
    function _drainAlice() internal {
        uint256 all = pool.maxRedeem(alice);
        vm.prank(alice);
        pool.redeem(all, alice, alice);
    }

    /// @dev The last Withdraw event the queue logged since `vm.recordLogs()` is exactly this one.
    function _checkWithdraw(address sender, address receiver, address owner, uint256 assets, uint256 shares) internal {
        Vm.Log[] memory logs = vm.getRecordedLogs();
        for (uint256 i = logs.length; i > 0; --i) {
            Vm.Log memory entry = logs[i - 1];
            if (entry.emitter == address(queue) && entry.topics[0] == IRedemptionQueue.Withdraw.selector) {
                assertEq(address(uint160(uint256(entry.topics[1]))), sender, "Withdraw sender");
                assertEq(address(uint160(uint256(entry.topics[2]))), receiver, "Withdraw receiver");
                assertEq(address(uint160(uint256(entry.topics[3]))), owner, "Withdraw owner is the controller");
                (uint256 a, uint256 s) = abi.decode(entry.data, (uint256, uint256));
                assertEq(a, assets, "Withdraw assets");
                assertEq(s, shares, "Withdraw shares");
                return;
            }
        }
        revert("no Withdraw event");
    }

    function _boundAssets(uint256 assets) internal pure returns (uint256) {
        return bound(assets, MIN_DEPOSIT, MAX_DEPOSIT);
    }

    // ================================================================ ERC-165

    /// ERC-7540: "0xe3bc4e65 (representing the operator methods that all ERC-7540 Vaults implement)"
    function test_7540_interfaceId_operatorFromSelectors() public pure {
        bytes4 id = IERC7540Operator.setOperator.selector ^ IERC7540Operator.isOperator.selector;
        assertEq(id, OPERATOR_ID);
    }

    /// ERC-7540: "Asynchronous redemption Vaults MUST return the constant value true if 0x620ee8e4 is passed"
    function test_7540_interfaceId_asyncRedeemFromSelectors() public pure {
        bytes4 id =
            IERC7540Redeem.requestRedeem.selector ^
                IERC7540Redeem.pendingRedeemRequest.selector ^
                IERC7540Redeem.claimableRedeemRequest.selector;
        assertEq(id, ASYNC_REDEEM_ID);
    }

    /// ERC-7540: "Asynchronous deposit Vaults MUST return the constant value true if 0xce3bbe50 is passed"
    function test_7540_interfaceId_asyncDepositFromSelectors() public pure {
        bytes4 id =
            bytes4(keccak256("requestDeposit(uint256,address,address)")) ^
                bytes4(keccak256("pendingDepositRequest(uint256,address)")) ^
                bytes4(keccak256("claimableDepositRequest(uint256,address)")) ^
                bytes4(keccak256("deposit(uint256,address,address)")) ^
                bytes4(keccak256("mint(uint256,address,address)"));
        assertEq(id, ASYNC_DEPOSIT_ID);
    }

    /// ERC-7575: "The Vault contract MUST return the constant value true if 0x2f0a18c5 is passed"
    function test_7575_interfaceId_vaultFromSelectors() public pure {
        bytes4 id =
            IERC7575Vault.share.selector ^
                IERC4626.asset.selector ^
                IERC4626.totalAssets.selector ^
                IERC4626.convertToShares.selector ^
                IERC4626.convertToAssets.selector ^
                IERC4626.maxDeposit.selector ^
                IERC4626.previewDeposit.selector ^
                IERC4626.deposit.selector ^
                IERC4626.maxMint.selector ^
                IERC4626.previewMint.selector ^
                IERC4626.mint.selector ^
                IERC4626.maxWithdraw.selector ^
                IERC4626.previewWithdraw.selector ^
                IERC4626.withdraw.selector ^
                IERC4626.maxRedeem.selector ^
                IERC4626.previewRedeem.selector ^
                IERC4626.redeem.selector;
        assertEq(id, VAULT_7575_ID);
    }

    /// ERC-7575: "The share token MUST return the constant value true if 0xf815c03d is passed"
    function test_7575_interfaceId_shareFromSelectors() public pure {
        assertEq(IERC7575Share.vault.selector, SHARE_7575_ID);
    }

    /// ERC-7540: "Smart contracts implementing this Vault standard MUST implement the ERC-165 supportsInterface function"
    function test_7540_supportsInterface_erc165() public view {
        assertEq(IERC165.supportsInterface.selector, ERC165_ID);
        assertTrue(queue.supportsInterface(ERC165_ID));
        assertTrue(pool.supportsInterface(ERC165_ID));
    }

    /// ERC-7540: "All asynchronous Vaults MUST return the constant value true if either 0xe3bc4e65 or 0x2f0a18c5 is passed"
    function test_7540_supportsInterface_operatorAndVault() public view {
        assertTrue(queue.supportsInterface(OPERATOR_ID));
        assertTrue(queue.supportsInterface(VAULT_7575_ID));
    }

    /// ERC-7540: "Asynchronous redemption Vaults MUST return the constant value true if 0x620ee8e4 is passed"
    function test_7540_supportsInterface_asyncRedeem() public view {
        assertTrue(queue.supportsInterface(ASYNC_REDEEM_ID));
    }

    /// ERC-165 (via ERC-7540): supportsInterface is true only for implemented interfaces: the queue
    /// takes no deposit requests, so not 0xce3bbe50; and never for 0xffffffff.
    function test_7540_supportsInterface_notAsyncDepositNorInvalid() public view {
        assertFalse(queue.supportsInterface(ASYNC_DEPOSIT_ID));
        assertFalse(queue.supportsInterface(0xffffffff));
        assertFalse(pool.supportsInterface(0xffffffff));
    }

    /// ERC-7575: "The Vault contract MUST return the constant value true if 0x2f0a18c5"; "The share token MUST return ... true if 0xf815c03d"
    function test_7575_supportsInterface_poolVaultAndShare() public view {
        assertTrue(pool.supportsInterface(VAULT_7575_ID), "pool is a vault");
        assertTrue(pool.supportsInterface(SHARE_7575_ID), "pool is the share");
    }

    /// ERC-165: "returns true if the contract implements interfaceID" (and false otherwise): random ids are false.
    function testFuzz_7540_supportsInterface_unknownIdFalse(bytes4 id) public view {
        vm.assume(id != ERC165_ID && id != OPERATOR_ID && id != ASYNC_REDEEM_ID && id != VAULT_7575_ID);
        assertFalse(queue.supportsInterface(id));
        vm.assume(id != SHARE_7575_ID);
        assertFalse(pool.supportsInterface(id));
    }

    // ================================================================ ERC-7575 share / vault

    /// ERC-7575: share "MUST return an address of an ERC-20 share representation of the Vault" (and MUST NOT revert)
    function test_7575_share_bothEntryPointsNameThePool() public view {
        assertEq(queue.share(), address(pool), "queue's share is the pool token");
        assertEq(pool.share(), address(pool), "share MAY return the Vault itself");
        assertEq(IERC20(queue.share()).totalSupply(), pool.totalSupply(), "an ERC-20");
    }

    /// ERC-7575: "All ERC-7575 Vaults MUST implement ERC-4626 excluding the ERC-20 methods": same asset on both entry points
    function test_7575_asset_sameOnBothEntryPoints() public view {
        assertEq(queue.asset(), address(usd));
        assertEq(pool.asset(), address(usd));
    }

    /// ERC-7575: share's vault(asset) "returns the address of the Vault for a specific asset"
    function testFuzz_7575_vault_lookupByAsset(address other) public view {
        assertEq(pool.vault(address(usd)), address(pool));
        vm.assume(other != address(usd));
        assertEq(pool.vault(other), address(0));
    }

    /// ERC-7575: "entry functions MUST increase the share balance of the receiver by the shares amount"
    function testFuzz_7575_entry_increasesReceiverShareBalance(address receiver, uint256 assets, bool viaMint) public {
        _investor(receiver);
        assets = _boundAssets(assets);
        usd.mint(alice, assets * 2);
        vm.startPrank(alice);
        usd.approve(address(pool), assets * 2);
        uint256 before = IERC20(pool.share()).balanceOf(receiver);
        uint256 shares;
        if (viaMint) {
            shares = pool.previewDeposit(assets);
            pool.mint(shares, receiver);
        } else {
            shares = pool.deposit(assets, receiver);
        }
        vm.stopPrank();
        assertEq(IERC20(pool.share()).balanceOf(receiver), before + shares);
    }

    /// ERC-7575: "exit functions MUST decrease the share balance of the owner by the shares amount"
    function testFuzz_7575_exit_decreasesOwnerShareBalance(
        address owner,
        address receiver,
        uint256 assets,
        uint256 part,
        bool viaWithdraw
    ) public {
        _investor(owner);
        _plain(receiver);
        assets = _boundAssets(assets);
        _deposit(owner, assets);
        uint256 before = IERC20(pool.share()).balanceOf(owner);
        uint256 burned;
        if (viaWithdraw) {
            part = bound(part, 1, pool.maxWithdraw(owner));
            vm.prank(owner);
            burned = pool.withdraw(part, receiver, owner);
        } else {
            burned = bound(part, pool.previewWithdraw(1), pool.maxRedeem(owner));
            vm.prank(owner);
            pool.redeem(burned, receiver, owner);
        }
        assertEq(IERC20(pool.share()).balanceOf(owner), before - burned);
    }

    /// ERC-7540 overrides ERC-7575's exit rule for the queue: "The redeem and withdraw methods do not
    /// transfer shares to the Vault, because this already happened on requestRedeem" - a claim leaves
    /// the controller's share balance alone.
    function testFuzz_7540_claim_doesNotMoveShares(address controller, uint256 assets, bool viaWithdraw) public {
        _investor(controller);
        (uint256 shares, uint256 owed) = _claimable(controller, _boundAssets(assets));
        uint256 before = pool.balanceOf(controller);
        vm.prank(controller);
        if (viaWithdraw) queue.withdraw(owed, controller, controller);
        else queue.redeem(shares, controller, controller);
        assertEq(pool.balanceOf(controller), before);
    }

    // ================================================================ requestRedeem

    /// ERC-7540: "the shares MUST be removed from the custody of owner upon requestRedeem"; "MUST emit the RedeemRequest event"
    function testFuzz_7540_requestRedeem_removesSharesAndEmits(
        address owner,
        address controller,
        uint256 assets,
        uint256 part
    ) public {
        _investor(owner);
        _investor(controller);
        uint256 held = _deposit(owner, _boundAssets(assets));
        uint256 shares = bound(part, MIN_REQUEST_SHARES, held);
        uint256 pendingBefore = queue.pendingRedeemRequest(0, controller);
        uint256 queueBefore = pool.balanceOf(address(queue));
        uint256 supplyBefore = pool.totalSupply();
        vm.expectEmit(address(queue));
        emit IERC7540Redeem.RedeemRequest(controller, owner, 0, owner, shares);
        vm.prank(owner);
        uint256 requestId = queue.requestRedeem(shares, controller, owner);
        assertEq(requestId, 0, "fungible per controller");
        assertEq(pool.balanceOf(owner), held - shares, "owner's custody drops by exactly shares");
        assertEq(pool.balanceOf(address(queue)), queueBefore + shares, "locked in the vault");
        assertEq(pool.totalSupply(), supplyBefore, "locked, not burned yet (MAY)");
        assertEq(queue.pendingRedeemRequest(0, controller), pendingBefore + shares, "Pending grows by shares");
    }

    /// ERC-7540: "If a Vault returns 0 for the requestId of any request, it MUST return 0 for all requests"
    function testFuzz_7540_requestRedeem_requestIdAlwaysZero(
        address owner,
        address controller,
        uint256 assets,
        uint8 count
    ) public {
        _investor(owner);
        _investor(controller);
        uint256 n = bound(count, 1, 6);
        uint256 held = _deposit(owner, bound(assets, MIN_DEPOSIT * 6, MAX_DEPOSIT));
        for (uint256 i; i < n; ++i) {
            vm.prank(owner);
            assertEq(queue.requestRedeem(held / 6, i % 2 == 0 ? controller : owner, owner), 0);
            if (i == 2) _fillAll(); // a fill between requests changes nothing
        }
    }

    /// ERC-7540: "When requestId==0, the Vault MUST use purely the controller to discriminate the request
    /// state. The Pending and Claimable state of multiple requests from the same controller would be aggregated."
    function testFuzz_7540_requestId0_aggregatesPerController(
        address owner1,
        address owner2,
        address controller,
        uint256 a1,
        uint256 a2
    ) public {
        _investor(owner1);
        _investor(owner2);
        _investor(controller);
        vm.assume(owner1 != owner2 && owner1 != controller && owner2 != controller);
        uint256 s1 = _request(owner1, controller, _boundAssets(a1));
        uint256 s2 = _request(owner2, controller, _boundAssets(a2));
        assertEq(queue.pendingRedeemRequest(0, controller), s1 + s2, "Pending aggregated");
        assertEq(queue.pendingRedeemRequest(0, owner1), 0, "owners hold no request");
        assertEq(queue.pendingRedeemRequest(0, owner2), 0, "owners hold no request");
        _fillAll();
        assertEq(queue.claimableRedeemRequest(0, controller), s1 + s2, "Claimable aggregated");
        assertEq(queue.claimableRedeemRequest(0, owner1), 0);
    }

    /// ERC-7540 (ERC-6909 rule): "spenders with operator permission are not subject to allowance restrictions"
    function testFuzz_7540_requestRedeem_operatorNeedsNoAllowance(
        address owner,
        address operator,
        address controller,
        uint256 assets,
        uint256 allowance
    ) public {
        _investor(owner);
        _plain(operator);
        _investor(controller);
        vm.assume(operator != owner);
        uint256 shares = _deposit(owner, _boundAssets(assets));
        allowance = bound(allowance, 0, shares);
        vm.startPrank(owner);
        pool.approve(operator, allowance);
        queue.setOperator(operator, true);
        vm.stopPrank();
        vm.expectEmit(address(queue));
        emit IERC7540Redeem.RedeemRequest(controller, owner, 0, operator, shares);
        vm.prank(operator);
        assertEq(queue.requestRedeem(shares, controller, owner), 0);
        assertEq(pool.allowance(owner, operator), allowance, "operator's allowance untouched");
        assertEq(pool.balanceOf(owner), 0);
        assertEq(queue.pendingRedeemRequest(0, controller), shares);
    }

    /// ERC-7540 (ERC-6909 rule): "spenders with non-infinite approvals MUST have their balance [allowance] deducted on delegated transfers"
    function testFuzz_7540_requestRedeem_finiteAllowanceDeducted(
        address owner,
        address spender,
        address controller,
        uint256 assets,
        uint256 allowance,
        uint256 part
    ) public {
        _investor(owner);
        _plain(spender);
        _investor(controller);
        vm.assume(spender != owner);
        uint256 held = _deposit(owner, _boundAssets(assets));
        uint256 shares = bound(part, MIN_REQUEST_SHARES, held);
        allowance = bound(allowance, shares, type(uint256).max - 1);
        vm.prank(owner);
        pool.approve(spender, allowance);
        vm.expectEmit(address(queue));
        emit IERC7540Redeem.RedeemRequest(controller, owner, 0, spender, shares);
        vm.prank(spender);
        queue.requestRedeem(shares, controller, owner);
        assertEq(pool.allowance(owner, spender), allowance - shares);
        assertEq(pool.balanceOf(owner), held - shares);
    }

    /// ERC-7540 (ERC-6909 rule): "spenders with infinite approvals SHOULD NOT have their allowance deducted"
    function testFuzz_7540_requestRedeem_infiniteAllowanceNotDeducted(
        address owner,
        address spender,
        uint256 assets
    ) public {
        _investor(owner);
        _plain(spender);
        vm.assume(spender != owner);
        uint256 shares = _deposit(owner, _boundAssets(assets));
        vm.prank(owner);
        pool.approve(spender, type(uint256).max);
        vm.prank(spender);
        queue.requestRedeem(shares, owner, owner);
        assertEq(pool.allowance(owner, spender), type(uint256).max);
        assertEq(queue.pendingRedeemRequest(0, owner), shares);
    }

    /// ERC-7540: approval "for a msg.sender NOT equal to owner may come either from ERC-20 approval ... or
    /// ... operator": with neither (or a revoked operator, or too small an allowance) the request reverts.
    function testFuzz_7540_requestRedeem_revertsWithoutApproval(
        address owner,
        address caller,
        uint256 assets,
        uint256 allowance,
        bool wasOperator
    ) public {
        _investor(owner);
        _plain(caller);
        vm.assume(caller != owner);
        uint256 shares = _deposit(owner, _boundAssets(assets));
        allowance = bound(allowance, 0, shares - 1);
        vm.startPrank(owner);
        pool.approve(caller, allowance);
        if (wasOperator) {
            queue.setOperator(caller, true);
            queue.setOperator(caller, false);
        }
        vm.stopPrank();
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, caller, allowance, shares)
        );
        vm.prank(caller);
        queue.requestRedeem(shares, owner, owner);
        assertEq(pool.balanceOf(owner), shares);
    }

    /// ERC-7540: "MUST revert if all of shares cannot be requested for redeem / withdraw (... the owner not having enough shares ...)"
    function testFuzz_7540_requestRedeem_revertsAboveBalance(address owner, uint256 assets, uint256 extra) public {
        _investor(owner);
        uint256 held = _deposit(owner, _boundAssets(assets));
        uint256 shares = bound(extra, held + 1, type(uint96).max);
        vm.expectRevert();
        vm.prank(owner);
        queue.requestRedeem(shares, owner, owner);
        assertEq(pool.balanceOf(owner), held);
        assertEq(queue.pendingRedeemRequest(0, owner), 0);
    }

    // ================================================================ pending / claimable views

    /// ERC-7540 pendingRedeemRequest / claimableRedeemRequest: "MUST NOT show any variations depending on the caller"
    function testFuzz_7540_views_callerIndependent(address controller, address caller, uint256 assets) public {
        _investor(controller);
        _partlyFilled(controller, assets);
        uint256 pending = queue.pendingRedeemRequest(0, controller);
        uint256 claimable = queue.claimableRedeemRequest(0, controller);
        vm.prank(caller);
        assertEq(queue.pendingRedeemRequest(0, controller), pending);
        vm.prank(caller);
        assertEq(queue.claimableRedeemRequest(0, controller), claimable);
        vm.prank(controller);
        assertEq(queue.pendingRedeemRequest(0, controller), pending);
        vm.prank(controller);
        assertEq(queue.claimableRedeemRequest(0, controller), claimable);
    }

    /// ERC-7540: pendingRedeemRequest "MUST NOT include any shares in Claimable state"; claimableRedeemRequest
    /// "MUST NOT include any shares in Pending state"
    function testFuzz_7540_views_pendingAndClaimableDisjoint(address controller, uint256 assets) public {
        _investor(controller);
        uint256 requested = _partlyFilled(controller, assets);
        uint256 pending = queue.pendingRedeemRequest(0, controller);
        uint256 claimable = queue.claimableRedeemRequest(0, controller);
        assertGt(pending, 0, "setup: some pending");
        assertGt(claimable, 0, "setup: some claimable");
        assertEq(pending + claimable, requested, "each share counted once");
        assertEq(pending, pool.balanceOf(address(queue)), "pending = shares still locked, unburned");
        // Only the Claimable part can be claimed: one share more reverts.
        vm.prank(controller);
        vm.expectRevert(
            abi.encodeWithSelector(
                IRedemptionQueue.QueueExceededClaimableShares.selector,
                controller,
                claimable + 1,
                claimable
            )
        );
        queue.redeem(claimable + 1, controller, controller);
        vm.prank(controller);
        queue.redeem(claimable, controller, controller);
        assertEq(queue.pendingRedeemRequest(0, controller), pending, "claiming leaves Pending alone");
        assertEq(queue.claimableRedeemRequest(0, controller), 0);
    }

    /// ERC-7540 (requestId==0 vault): requests are discriminated by controller only; any other id holds nothing
    function testFuzz_7540_views_nonZeroRequestIdIsEmpty(address controller, uint256 requestId, uint256 assets) public {
        _investor(controller);
        _partlyFilled(controller, assets);
        requestId = bound(requestId, 1, type(uint256).max);
        assertEq(queue.pendingRedeemRequest(requestId, controller), 0);
        assertEq(queue.claimableRedeemRequest(requestId, controller), 0);
    }

    /// ERC-7540 pendingRedeemRequest / claimableRedeemRequest: "MUST NOT revert unless due to integer overflow caused by an unreasonably large input"
    function testFuzz_7540_views_neverRevert(uint256 requestId, address controller, address caller) public {
        _investor(bob);
        _partlyFilled(bob, 200_000e6);
        vm.startPrank(caller);
        (bool ok1, ) = address(queue).staticcall(
            abi.encodeCall(IERC7540Redeem.pendingRedeemRequest, (requestId, controller))
        );
        (bool ok2, ) = address(queue).staticcall(
            abi.encodeCall(IERC7540Redeem.claimableRedeemRequest, (requestId, controller))
        );
        (bool ok3, ) = address(queue).staticcall(abi.encodeCall(IERC7540Redeem.pendingRedeemRequest, (0, bob)));
        (bool ok4, ) = address(queue).staticcall(abi.encodeCall(IERC7540Redeem.claimableRedeemRequest, (0, bob)));
        vm.stopPrank();
        assertTrue(ok1 && ok2 && ok3 && ok4);
    }

    // ================================================================ claims

    /// ERC-7540: "the controller MUST be msg.sender unless the controller has approved the msg.sender as an operator"
    function testFuzz_7540_claim_onlyControllerOrOperator(
        address controller,
        address caller,
        address receiver,
        uint256 assets
    ) public {
        _investor(controller);
        _plain(receiver);
        vm.assume(caller != controller);
        (uint256 shares, uint256 owed) = _claimable(controller, _boundAssets(assets));
        vm.startPrank(caller);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueUnauthorized.selector, caller, controller));
        queue.redeem(shares, receiver, controller);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueUnauthorized.selector, caller, controller));
        queue.withdraw(owed, receiver, controller);
        vm.stopPrank();
        // An operator the controller approved may claim.
        vm.prank(controller);
        queue.setOperator(caller, true);
        vm.prank(caller);
        assertEq(queue.redeem(shares, receiver, controller), owed);
    }

    /// ERC-7540 claim via redeem: "claimableRedeemRequest[controller] -= ...; assets to receiver" and ERC-4626:
    /// "MUST emit the Withdraw event" (owner = controller)
    function testFuzz_7540_redeem_paysReceiverAndEmits(
        address controller,
        address operator,
        address receiver,
        uint256 assets,
        uint256 part,
        bool byOperator
    ) public {
        _investor(controller);
        _plain(receiver);
        _plain(operator);
        (uint256 shares, uint256 owed) = _claimable(controller, _boundAssets(assets));
        if (byOperator) {
            vm.prank(controller);
            queue.setOperator(operator, true);
        } else {
            operator = controller; // the caller from here on
        }
        part = bound(part, 1, shares);
        uint256 receiverBefore = usd.balanceOf(receiver);
        vm.recordLogs();
        vm.prank(operator);
        uint256 paid = queue.redeem(part, receiver, controller);
        _checkWithdraw(operator, receiver, controller, paid, part);
        assertLe(paid, Math.mulDiv(part, owed, shares), "rounded down, in the vault's favour");
        assertEq(usd.balanceOf(receiver), receiverBefore + paid, "receiver paid");
        assertEq(usd.balanceOf(address(queue)), owed - paid, "paid from the claim held in the queue");
        assertEq(queue.claimableRedeemRequest(0, controller), shares - part, "claimable down by exactly the shares");
        assertEq(queue.maxWithdraw(controller), owed - paid);
    }

    /// ERC-7540 claim via withdraw: assets to receiver, "MUST emit the Withdraw event", claimable down by the shares used
    function testFuzz_7540_withdraw_paysReceiverAndEmits(
        address controller,
        address operator,
        address receiver,
        uint256 assets,
        uint256 part,
        bool byOperator
    ) public {
        _investor(controller);
        _plain(receiver);
        _plain(operator);
        (uint256 shares, uint256 owed) = _claimable(controller, _boundAssets(assets));
        if (byOperator) {
            vm.prank(controller);
            queue.setOperator(operator, true);
        } else {
            operator = controller; // the caller from here on
        }
        part = bound(part, 1, owed);
        uint256 receiverBefore = usd.balanceOf(receiver);
        vm.recordLogs();
        vm.prank(operator);
        uint256 used = queue.withdraw(part, receiver, controller);
        _checkWithdraw(operator, receiver, controller, part, used);
        assertGe(used, Math.mulDiv(part, shares, owed, Math.Rounding.Ceil), "rounded up, in the vault's favour");
        assertLe(used, shares);
        assertEq(usd.balanceOf(receiver), receiverBefore + part, "receiver paid exactly assets");
        assertEq(queue.claimableRedeemRequest(0, controller), shares - used, "claimable down by exactly used");
        assertEq(queue.maxWithdraw(controller), owed - part);
    }

    /// ERC-4626 (redeem/withdraw): "MUST revert if all of shares [assets] cannot be redeemed [withdrawn]"
    function testFuzz_7540_claim_revertsAboveClaimable(address controller, uint256 assets, uint256 extra) public {
        _investor(controller);
        (uint256 shares, uint256 owed) = _claimable(controller, _boundAssets(assets));
        uint256 s = bound(extra, shares + 1, type(uint256).max);
        uint256 a = bound(extra, owed + 1, type(uint256).max);
        vm.startPrank(controller);
        vm.expectRevert(
            abi.encodeWithSelector(IRedemptionQueue.QueueExceededClaimableShares.selector, controller, s, shares)
        );
        queue.redeem(s, controller, controller);
        vm.expectRevert(
            abi.encodeWithSelector(IRedemptionQueue.QueueExceededClaimableAssets.selector, controller, a, owed)
        );
        queue.withdraw(a, controller, controller);
        vm.stopPrank();
    }

    /// ERC-4626 (via ERC-7540): maxRedeem / maxWithdraw "MUST return the maximum amount ... that could be
    /// transferred ... through redeem [withdraw] and not cause a revert": equal to the Claimable amounts, and claimable in full.
    function testFuzz_7540_maxRedeemAndMaxWithdraw_claimableInFull(
        address controller,
        uint256 assets,
        bool viaWithdraw
    ) public {
        _investor(controller);
        uint256 requested = _partlyFilled(controller, assets);
        uint256 claimable = queue.claimableRedeemRequest(0, controller);
        assertEq(queue.maxRedeem(controller), claimable);
        assertLe(claimable, requested);
        uint256 owed = queue.maxWithdraw(controller);
        uint256 before = usd.balanceOf(controller);
        vm.prank(controller);
        if (viaWithdraw) queue.withdraw(owed, controller, controller);
        else queue.redeem(claimable, controller, controller);
        assertEq(usd.balanceOf(controller), before + owed);
        assertEq(queue.maxRedeem(controller), 0);
        assertEq(queue.maxWithdraw(controller), 0);
    }

    /// ERC-4626 rounding (via ERC-7540 claims): redeem "round[s] down" assets, withdraw "round[s] up" shares,
    /// so a sequence of partial claims never pays more than the whole claim.
    function testFuzz_7540_partialClaims_neverExceedWhole(
        address controller,
        uint256 assets,
        uint256[6] calldata parts,
        uint8 kinds
    ) public {
        _investor(controller);
        (uint256 shares, uint256 owed) = _claimable(controller, _boundAssets(assets));
        uint256 paid;
        uint256 used;
        vm.startPrank(controller);
        for (uint256 i; i < parts.length; ++i) {
            if (queue.maxRedeem(controller) == 0 || queue.maxWithdraw(controller) == 0) break;
            (uint256 a, uint256 s) = _claimStep(controller, parts[i], (kinds >> i) & 1 == 0);
            paid += a;
            used += s;
            assertLe(paid, owed, "partial claims never exceed the whole");
            assertLe(used, shares);
            assertGe(usd.balanceOf(address(queue)), queue.maxWithdraw(controller), "what stays claimable is held");
        }
        vm.stopPrank();
        // Whatever is left stays claimable; in total the controller gets exactly the whole claim.
        assertEq(paid + queue.maxWithdraw(controller), owed);
        assertEq(used + queue.maxRedeem(controller), shares);
    }

    /// @dev One partial claim by `controller` (pranked): a redeem or a withdraw of a fuzzed part,
    /// checked to round in the vault's favour against the claim's own rate.
    function _claimStep(address controller, uint256 part, bool viaRedeem) internal returns (uint256 a, uint256 s) {
        uint256 cs = queue.maxRedeem(controller);
        uint256 ca = queue.maxWithdraw(controller);
        if (viaRedeem) {
            s = bound(part, 1, cs);
            a = queue.redeem(s, controller, controller);
            assertLe(a, Math.mulDiv(s, ca, cs), "redeem rounds assets down");
        } else {
            a = bound(part, 1, ca);
            s = queue.withdraw(a, controller, controller);
            assertGe(s, Math.mulDiv(a, cs, ca, Math.Rounding.Ceil), "withdraw rounds shares up");
        }
    }

    // ================================================================ previews

    /// ERC-7540: "previewRedeem and previewWithdraw MUST revert for all callers and inputs" (previewRedeem)
    function testFuzz_7540_previewRedeem_reverts(uint256 shares, address caller, bool withClaim) public {
        if (withClaim) _claimable(bob, 1_000e6);
        vm.prank(caller);
        vm.expectRevert(IRedemptionQueue.QueuePreviewUnavailable.selector);
        queue.previewRedeem(shares);
    }

    /// ERC-7540: "previewRedeem and previewWithdraw MUST revert for all callers and inputs" (previewWithdraw)
    function testFuzz_7540_previewWithdraw_reverts(uint256 assets, address caller, bool withClaim) public {
        if (withClaim) _claimable(bob, 1_000e6);
        vm.prank(caller);
        vm.expectRevert(IRedemptionQueue.QueuePreviewUnavailable.selector);
        queue.previewWithdraw(assets);
    }

    // ================================================================ deposits (synchronous elsewhere)

    /// ERC-7540: "If either flow is not implemented in a Request pattern, it MUST use the ERC-4626 standard
    /// synchronous interaction pattern"; ERC-4626 maxDeposit: "if deposits are entirely disabled ... it MUST return 0"
    function testFuzz_7540_deposits_closedAtQueue(address receiver, uint256 amount) public {
        assertEq(queue.maxDeposit(receiver), 0);
        assertEq(queue.maxMint(receiver), 0);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueDepositsClosed.selector, receiver, amount));
        queue.deposit(amount, receiver);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueDepositsClosed.selector, receiver, amount));
        queue.mint(amount, receiver);
    }

    /// ERC-7540: "All ERC-7540 asynchronous tokenized Vaults MUST implement ERC-4626"; ERC-4626 convertToShares /
    /// convertToAssets / totalAssets: "MUST NOT show any variations depending on the caller" (and MUST NOT revert)
    function testFuzz_7540_erc4626Views_callerIndependent(uint256 amount, address caller) public {
        _partlyFilled(bob, 50_000e6);
        amount = bound(amount, 0, MAX_DEPOSIT * 1e6);
        uint256 total = queue.totalAssets();
        uint256 toShares = queue.convertToShares(amount);
        uint256 toAssets = queue.convertToAssets(amount);
        vm.startPrank(caller);
        assertEq(queue.totalAssets(), total);
        assertEq(queue.convertToShares(amount), toShares);
        assertEq(queue.convertToAssets(amount), toAssets);
        vm.stopPrank();
        // One book behind both entry points (ERC-7575).
        assertEq(total, pool.totalAssets());
        assertEq(toShares, pool.convertToShares(amount));
        assertEq(toAssets, pool.convertToAssets(amount));
    }

    // ================================================================ operators

    /// ERC-7540 setOperator: "MUST set the operator status to the approved value", "MUST log the OperatorSet event", "MUST return True"
    function testFuzz_7540_setOperator_setsEmitsReturnsTrue(
        address controller,
        address operator,
        bool approved
    ) public {
        vm.expectEmit(address(queue));
        emit IERC7540Operator.OperatorSet(controller, operator, approved);
        vm.prank(controller);
        assertTrue(queue.setOperator(operator, approved));
        assertEq(queue.isOperator(controller, operator), approved);
        // Set again, to the other value: status follows, event and true each time.
        vm.expectEmit(address(queue));
        emit IERC7540Operator.OperatorSet(controller, operator, !approved);
        vm.prank(controller);
        assertTrue(queue.setOperator(operator, !approved));
        assertEq(queue.isOperator(controller, operator), !approved);
    }

    /// ERC-7540 isOperator: "Returns true if the operator is approved as an operator for a controller" - for that controller only
    function testFuzz_7540_isOperator_scopedToController(address controller, address other, address operator) public {
        vm.assume(controller != other);
        vm.prank(controller);
        queue.setOperator(operator, true);
        assertTrue(queue.isOperator(controller, operator));
        assertFalse(queue.isOperator(other, operator));
    }

    /// ERC-7540: the controller MUST be msg.sender unless it "has approved the msg.sender as an operator" - a revoked operator may not claim
    function testFuzz_7540_setOperator_revocationStopsClaims(
        address controller,
        address operator,
        uint256 assets
    ) public {
        _investor(controller);
        _plain(operator);
        vm.assume(operator != controller);
        (uint256 shares, ) = _claimable(controller, _boundAssets(assets));
        vm.startPrank(controller);
        queue.setOperator(operator, true);
        queue.setOperator(operator, false);
        vm.stopPrank();
        assertFalse(queue.isOperator(controller, operator));
        vm.prank(operator);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueUnauthorized.selector, operator, controller));
        queue.redeem(shares, operator, controller);
    }

    // ================================================================ no short-circuit

    /// ERC-7540: "Requests MUST NOT skip or otherwise short-circuit the Claim state ... Vaults MUST NOT push
    /// tokens onto the user after a Request, users MUST pull the tokens via the Claim function"
    function testFuzz_7540_fill_doesNotPush(address owner, address controller, uint256 assets, bool byPayment) public {
        _investor(owner);
        _investor(controller);
        _drainAlice();
        assets = bound(assets, 1_000e6, 200_000e6);
        uint256 shares = _deposit(owner, assets);
        // Cash out: the request waits until money comes back.
        (uint256 id, ) = _financeNew(uint128(assets), TENOR);
        vm.prank(owner);
        queue.requestRedeem(shares, controller, owner);
        assertEq(queue.claimableRedeemRequest(0, controller), 0, "setup: waits");
        uint256 ownerCash = usd.balanceOf(owner);
        uint256 controllerCash = usd.balanceOf(controller);
        uint256 queueCash = usd.balanceOf(address(queue));
        uint256 supply = pool.totalSupply();
        if (byPayment) {
            // The debtor's payment fills the queue on its own.
            _pay(debtor, id, rcv.outstanding(id));
        } else {
            // New cash, then anyone processes the queue.
            _deposit(bob, 2 * assets);
            supply = pool.totalSupply();
            pool.processQueue(100);
        }
        assertEq(queue.claimableRedeemRequest(0, controller), shares, "setup: filled");
        assertEq(usd.balanceOf(controller), controllerCash, "nothing pushed to the controller");
        assertEq(usd.balanceOf(owner), ownerCash, "nothing pushed to the owner");
        uint256 owed = queue.maxWithdraw(controller);
        assertGt(owed, 0);
        assertEq(usd.balanceOf(address(queue)), queueCash + owed, "assets wait in the vault");
        // ERC-7540: shares "burned by the time the request is Claimed".
        assertEq(pool.totalSupply(), supply - shares, "filled shares burned");
        assertEq(pool.balanceOf(address(queue)), 0);
        vm.prank(controller);
        queue.redeem(shares, controller, controller);
        assertEq(usd.balanceOf(controller), controllerCash + owed, "pulled by the claim");
    }

    /// ERC-7540: "a user MUST call both request* and the corresponding Claim function separately, even in the
    /// same block" - a request with ample idle cash is still Pending, not paid, until filled and claimed.
    function testFuzz_7540_request_withCashStaysPending(address controller, uint256 assets) public {
        _investor(controller);
        uint256 cash = usd.balanceOf(controller);
        uint256 shares = _request(controller, controller, _boundAssets(assets));
        assertGt(pool.idleCash(), pool.convertToAssets(shares), "setup: cash enough");
        assertEq(queue.pendingRedeemRequest(0, controller), shares);
        assertEq(queue.claimableRedeemRequest(0, controller), 0);
        assertEq(usd.balanceOf(controller), cash, "not paid on request");
    }
}
