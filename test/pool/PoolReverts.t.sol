// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {PoolBase} from "./PoolBase.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {RedemptionQueue} from "../../contracts/pool/RedemptionQueue.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {IRedemptionQueue} from "../../contracts/interfaces/IRedemptionQueue.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Revert paths (exact error and arguments) and views of the pool not covered elsewhere.
contract PoolRevertsTest is PoolBase {
    uint256 internal constant UNKNOWN_ID = 999;

    // ------------------------------------------------------------ constructor

    function test_constructor_revertsOnZeroTreasury() public {
        vm.expectRevert(IFinancingPool.PoolZeroAddress.selector);
        new FinancingPool(
            IERC20(address(usd)),
            address(manager),
            registry,
            IReceivableToken(address(rcv)),
            address(0),
            "SME Pool Share",
            "SMEP",
            _defaultPolicy()
        );
    }

    // ------------------------------------------------------------ redemption queue binding

    function test_setRedemptionQueue_revertsWhenAlreadySet() public {
        RedemptionQueue other = new RedemptionQueue(pool);
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRedemptionQueueAlreadySet.selector, address(queue)));
        pool.setRedemptionQueue(address(other));
    }

    function test_setRedemptionQueue_revertsForAnotherPoolsQueue() public {
        FinancingPool fresh = _freshPool();
        vm.prank(admin);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRedemptionQueueMismatch.selector, address(queue)));
        fresh.setRedemptionQueue(address(queue));
    }

    function test_setRedemptionQueue_onlyAdmin() public {
        FinancingPool fresh = _freshPool();
        RedemptionQueue q = new RedemptionQueue(fresh);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, outsider));
        fresh.setRedemptionQueue(address(q));
        vm.prank(admin);
        fresh.setRedemptionQueue(address(q));
        assertEq(fresh.redemptionQueue(), address(q));
    }

    function test_lockForRedemption_revertsForAnyoneButTheQueue() public {
        uint256 shares = _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotRedemptionQueue.selector, alice));
        pool.lockForRedemption(alice, alice, address(0), shares);
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotRedemptionQueue.selector, outsider));
        pool.unlockFromRedemption(outsider, 1);
    }

    function test_lockForRedemption_revertsBeforeAQueueIsSet() public {
        FinancingPool fresh = _freshPool();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotRedemptionQueue.selector, alice));
        fresh.lockForRedemption(alice, alice, address(0), 1);
    }

    function test_fill_revertsForAnyoneButThePool() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueOnlyPool.selector, alice));
        queue.fill(1e6, 1e6, 1e12, 1e6, 1);
    }

    function test_transfer_toTheQueueReverts() public {
        uint256 shares = _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, address(queue), PartyRoles.INVESTOR)
        );
        pool.transfer(address(queue), shares);
    }

    /// The pool does not trust the queue's arithmetic: a queue asking more than the filled shares
    /// are worth at the exit price is refused, and nothing moves.
    function test_processQueue_revertsWhenQueueAsksMoreThanTheSharesAreWorth() public {
        (FinancingPool fresh, LyingQueue liar, uint256 queued) = _poolWithLyingQueue();
        vm.expectPartialRevert(IFinancingPool.PoolQueueOverpaid.selector);
        fresh.processQueue(1);
        assertEq(usd.balanceOf(address(liar)), 0, "nothing paid");
        assertEq(fresh.balanceOf(address(liar)), queued, "nothing burned");
    }

    function test_processQueue_revertsWhenQueueFillsMoreSharesThanPending() public {
        (FinancingPool fresh, LyingQueue liar, uint256 queued) = _poolWithLyingQueue();
        liar.setOverfill(true);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolQueueExceedsPending.selector, queued + 1, queued));
        fresh.processQueue(1);
        assertEq(fresh.balanceOf(address(liar)), queued, "nothing burned");
    }

    function test_unlockFromRedemption_revertsWhenQueueReturnsMoreThanPending() public {
        (FinancingPool fresh, LyingQueue liar, uint256 queued) = _poolWithLyingQueue();
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolQueueExceedsPending.selector, queued + 1, queued));
        liar.giveBack(alice, queued + 1);
        // A huge amount must not wrap when narrowed to the packed counter.
        uint256 huge = uint256(type(uint96).max) + 1 + queued;
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolQueueExceedsPending.selector, huge, queued));
        liar.giveBack(alice, huge);
        liar.giveBack(alice, queued);
        assertEq(fresh.balanceOf(address(liar)), 0, "all pending returned");
    }

    function _poolWithLyingQueue() private returns (FinancingPool fresh, LyingQueue liar, uint256 queued) {
        fresh = _freshPool();
        liar = new LyingQueue(fresh);
        vm.prank(admin);
        fresh.setRedemptionQueue(address(liar));
        usd.mint(alice, 10_000e6);
        vm.startPrank(alice);
        usd.approve(address(fresh), 10_000e6);
        uint256 shares = fresh.deposit(10_000e6, alice);
        vm.stopPrank();
        queued = shares / 2;
        liar.request(alice, queued);
    }

    function _freshPool() private returns (FinancingPool) {
        return
            new FinancingPool(
                IERC20(address(usd)),
                address(manager),
                registry,
                IReceivableToken(address(rcv)),
                treasury,
                "Other",
                "OTH",
                _defaultPolicy()
            );
    }

    // ------------------------------------------------------------ entries and exits

    function test_deposit_revertsWhenSharesRoundToZero() public {
        // No discount fee, so after the impairment the exit (net) price is exactly the cash and the
        // whole supply can leave while the impaired advance stays in the gross entry price.
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.discountRateBps = 0;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR + 6 days);
        vm.prank(poolManager);
        pool.impair(id);
        uint256 all = pool.maxRedeem(alice);
        vm.prank(alice);
        pool.redeem(all, alice, alice);
        assertLt(pool.totalSupply() + 1e6, pool.totalAssets(), "1 wei buys no share");
        usd.mint(bob, 1);
        vm.startPrank(bob);
        usd.approve(address(pool), 1);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.deposit(1, bob);
        vm.stopPrank();
    }

    function test_mint_revertsAboveCashRoom() public {
        uint256 room = type(uint96).max;
        uint256 shares = (room + 1) * 1e6;
        uint256 assets = pool.previewMint(shares);
        assertEq(assets, room + 1);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, alice, assets, room));
        pool.mint(shares, alice);
    }

    function test_withdraw_revertsOnZero() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.withdraw(0, alice, alice);
    }

    function test_withdraw_paysAssetsAndBurnsPreviewedShares() public {
        uint256 shares = _deposit(alice, 1_000e6);
        uint256 expected = pool.previewWithdraw(400e6);
        vm.prank(alice);
        uint256 burned = pool.withdraw(400e6, alice, alice);
        assertEq(burned, expected);
        assertEq(pool.balanceOf(alice), shares - burned);
        assertEq(usd.balanceOf(alice), 400e6);
        assertEq(pool.totalAssets(), 600e6);
    }

    function test_redeem_revertsOnZeroShares() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.redeem(0, alice, alice);
    }

    function test_redeem_revertsWhenAssetsRoundToZero() public {
        _deposit(alice, 1_000e6);
        assertEq(pool.previewRedeem(1), 0);
        vm.prank(alice);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.redeem(1, alice, alice);
    }

    function test_convertToShares_matchesPreviewDeposit() public {
        assertEq(pool.convertToShares(1e6), 1e12, "empty pool: decimals offset of 6");
        _deposit(alice, 1_000e6);
        assertEq(pool.convertToShares(250e6), pool.previewDeposit(250e6));
        assertEq(pool.convertToShares(250e6), 250e12);
    }

    function test_previewWithdraw_roundsSharesUp() public {
        _deposit(alice, 1_000e6);
        assertEq(pool.previewWithdraw(100e6), 100e12);
        uint256 supply = pool.totalSupply();
        uint256 assetsNow = pool.totalAssets();
        assertEq(pool.previewWithdraw(1), Math.mulDiv(1, supply + 1e6, assetsNow + 1, Math.Rounding.Ceil));
    }

    // ------------------------------------------------------------ receivable hooks and repay

    function test_onERC721Received_revertsWhenOperatorNotHolder() public {
        vm.prank(address(rcv));
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotReceivableHolder.selector, 7, outsider, sme));
        pool.onERC721Received(outsider, sme, 7, abi.encode(uint256(0)));
    }

    function test_onReceivablePaymentAttested_revertsForFakeCaller() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnauthorizedHookCaller.selector, outsider));
        pool.onReceivablePaymentAttested(1, 1e6, bytes32("bank"));
    }

    function test_onReceivablePaymentAttested_revertsForTokenNotFinanced() public {
        vm.prank(address(rcv));
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolReceivableNotFinanced.selector, UNKNOWN_ID));
        pool.onReceivablePaymentAttested(UNKNOWN_ID, 1e6, bytes32("bank"));
    }

    function test_repay_revertsForTokenNotFinanced() public {
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolReceivableNotFinanced.selector, UNKNOWN_ID));
        pool.repay(UNKNOWN_ID, 1e6);
    }

    function test_repay_revertsOnZero() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.prank(sme);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.repay(id, 0);
    }

    // ------------------------------------------------------------ late assets and policy (PoolBook)

    function test_writeOff_revertsWhenAssetNotActive() public {
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolAssetNotActive.selector,
                UNKNOWN_ID,
                IFinancingPool.AssetStatus.None
            )
        );
        pool.writeOff(UNKNOWN_ID);
    }

    function test_setPolicy_revertsWhenDiscountRateAboveCap() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.discountRateBps = 10_001;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRateAboveCap.selector, 10_001, 10_000));
        pool.setPolicy(p);
    }

    function test_setPolicy_revertsWhenPerformanceFeeAboveCap() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.performanceFeeBps = 3_001;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRateAboveCap.selector, 3_001, 3_000));
        pool.setPolicy(p);
    }

    function test_setPolicy_revertsWhenMaxTenorAboveCap() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxTenor = 730 days + 1;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolTenorTooLong.selector, 0, 730 days + 1, 730 days));
        pool.setPolicy(p);
    }

    function test_setPolicy_storesEveryFieldAsForwarded() public {
        IFinancingPool.Policy memory p = IFinancingPool.Policy({
            advanceRateBps: 8_100,
            discountRateBps: 1_300,
            managementFeeBps: 150,
            performanceFeeBps: 1_000,
            maxTenor: 170 days,
            gracePeriod: 4 days,
            publicImpairDelay: 20 days,
            defaultDelay: 80 days,
            requireVerifiedDebtor: false,
            minTicket: 200e6,
            maxTicket: 900_000e6,
            maxDebtorExposure: 400_000e6,
            maxSmeExposure: 250_000e6,
            minRedeemRequest: 11e6,
            agingHaircutBps: [uint16(100), 200, 300, 400]
        });
        vm.prank(policyNow);
        pool.setPolicy(p);
        assertEq(abi.encode(pool.policy()), abi.encode(p));
    }

    function test_setPolicy_revertsOnDirtyEncoding() public {
        bytes memory data = abi.encodeCall(pool.setPolicy, (_defaultPolicy()));
        // advanceRateBps with a bit above its 16: the decoder refuses it, nothing is stored.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(add(data, 36), add(shl(16, 1), 9000))
        }
        vm.prank(policyNow);
        (bool ok, ) = address(pool).call(data);
        assertFalse(ok);
        assertEq(abi.encode(pool.policy()), abi.encode(_defaultPolicy()));
    }

    function test_payFees_revertsWhenNothingOwed() public {
        _deposit(alice, 1_000e6);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.payFees();
    }

    // ------------------------------------------------------------ redemption queue

    function test_requestRedeem_revertsOnZero() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(IRedemptionQueue.QueueZeroAmount.selector);
        queue.requestRedeem(0, alice, alice);
    }

    function test_requestRedeem_revertsWithoutAllowance() public {
        uint256 shares = _deposit(alice, 1_000e6);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, bob, 0, shares));
        queue.requestRedeem(shares, bob, alice);
    }

    function test_requestRedeem_spendsAllowanceWhenCallerIsNotOwner() public {
        uint256 shares = _deposit(alice, 100_000e6);
        _financeNew(FACE, TENOR);
        vm.prank(alice);
        pool.approve(bob, shares);
        vm.prank(bob);
        queue.requestRedeem(shares / 2, bob, alice);
        assertEq(pool.allowance(alice, bob), shares - shares / 2);
        assertEq(pool.balanceOf(alice), shares - shares / 2);
        (, uint256 tail) = queue.queueBounds();
        assertEq(queue.ticket(tail - 1).controller, bob);
        pool.processQueue(1);
        assertEq(queue.claimableRedeemRequest(0, bob), shares / 2, "filled from idle cash");
        assertEq(queue.claimableRedeemRequest(0, alice), 0);
    }

    /// Financing books an asset at the current checkpoint; after 200 idle days (more than the
    /// 120-boundary cap the walk used to have) one call still brings the books up to now.
    function test_finance_afterLongIdleGapNeedsNoSeparateCheckpoint() public {
        _deposit(alice, 100_000e6);
        _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + 200 days);
        uint256 id = _invoice(sme2, debtor2, FACE, TENOR);
        uint256 advance = _finance(sme2, id);
        assertGt(advance, 0);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Active));
    }

    /// With an asset still accruing through a long idle spell, the views already price every day
    /// of it: a checkpoint then moves neither NAV nor the accrued income (finding F-6).
    function test_checkpoint_afterLongIdleGapMovesNoPrice() public {
        _deposit(alice, 100_000e6);
        _financeNew(FACE, 170 days);
        _financeNew(FACE, 20 days);
        vm.warp(block.timestamp + 160 days);
        uint256 nav = pool.totalAssets();
        uint256 accrued = pool.navBreakdown().accruedIncome;
        pool.checkpoint();
        pool.checkpoint(); // a capped walk would book its remaining days here, a jump
        assertEq(pool.totalAssets(), nav, "NAV unchanged by the checkpoints");
        assertEq(pool.navBreakdown().accruedIncome, accrued);
    }

    // ------------------------------------------------------------ views

    function test_sharePrice_isAssetsPerWholeShare() public {
        assertEq(pool.decimals(), 12);
        _deposit(alice, 1_000e6);
        assertEq(pool.sharePrice(), 1e6);
        assertEq(pool.sharePrice(), pool.convertToAssets(1e12));
    }

    function test_utilizationBps_principalOverGross() public {
        assertEq(pool.utilizationBps(), 0, "empty pool");
        _deposit(alice, 100_000e6);
        assertEq(pool.utilizationBps(), 0);
        (, uint256 advance) = _financeNew(FACE, TENOR);
        assertEq(pool.utilizationBps(), Math.mulDiv(advance, 10_000, pool.totalAssets()));
    }

    function test_claimableRedeem_andQueueBoundsAfterInstantFill() public {
        uint256 shares = _deposit(alice, 1_000e6);
        (uint256 head, uint256 tail) = queue.queueBounds();
        assertEq(head, 1);
        assertEq(tail, 1);
        vm.prank(alice);
        queue.requestRedeem(shares, alice, alice);
        (head, tail) = queue.queueBounds();
        assertEq(tail, 2);
        pool.processQueue(1);
        (head, tail) = queue.queueBounds();
        assertEq(head, 2, "filled request left the queue");
        assertEq(queue.claimableRedeemRequest(0, alice), shares);
        assertEq(queue.maxWithdraw(alice), 1_000e6);
        assertEq(queue.maxWithdraw(bob), 0);
    }

    function test_receivableToken_andTreasury() public view {
        assertEq(address(pool.receivableToken()), address(rcv));
        assertEq(pool.treasury(), treasury);
    }
}

/// @notice A redemption queue that reports the pool's share and asset but asks, at every fill,
/// for twice what the shares are worth.
contract LyingQueue {
    FinancingPool private immutable POOL;
    /// @dev true: fill claims one share more than it holds; false: asks twice what shares are worth.
    bool public overfill;

    constructor(FinancingPool pool_) {
        POOL = pool_;
    }

    function share() external view returns (address) {
        return address(POOL);
    }

    function asset() external view returns (address) {
        return POOL.asset();
    }

    function request(address owner, uint256 shares) external {
        POOL.lockForRedemption(owner, owner, address(0), shares);
    }

    function giveBack(address controller, uint256 shares) external {
        POOL.unlockFromRedemption(controller, shares);
    }

    function setOverfill(bool on) external {
        overfill = on;
    }

    function fill(
        uint256,
        uint256 net,
        uint256 supply,
        uint256 virtualShares,
        uint256
    ) external view returns (uint256 shares, uint256 assets) {
        shares = POOL.balanceOf(address(this));
        if (overfill) return (shares + 1, 1);
        assets = (2 * shares * (net + 1)) / (supply + virtualShares);
    }
}
