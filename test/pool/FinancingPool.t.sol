// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {PoolBase} from "./PoolBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {IRedemptionQueue} from "../../contracts/interfaces/IRedemptionQueue.sol";
import {IReceivablePaymentHook} from "../../contracts/interfaces/IReceivablePaymentHook.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

contract FinancingPoolTest is PoolBase {
    // ------------------------------------------------------------ deposits and shares

    function test_deposit_mintsSharesWithDecimalsOffset() public {
        uint256 shares = _deposit(alice, 1_000e6);
        assertEq(shares, 1_000e6 * 1e6);
        assertEq(pool.decimals(), 12);
        assertEq(pool.totalAssets(), 1_000e6);
        assertEq(usd.balanceOf(address(pool)), 1_000e6);
    }

    function test_deposit_revertsForUnverifiedCaller() public {
        usd.mint(outsider, 1e6);
        vm.startPrank(outsider);
        usd.approve(address(pool), 1e6);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, outsider, PartyRoles.INVESTOR));
        pool.deposit(1e6, outsider);
        vm.stopPrank();
    }

    function test_deposit_revertsForUnverifiedReceiver() public {
        usd.mint(alice, 1e6);
        vm.startPrank(alice);
        usd.approve(address(pool), 1e6);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, outsider, PartyRoles.INVESTOR));
        pool.deposit(1e6, outsider);
        vm.stopPrank();
    }

    function test_deposit_revertsOnZero() public {
        vm.prank(alice);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.deposit(0, alice);
    }

    function test_deposit_revertsWhenPaused() public {
        vm.prank(pauser);
        pool.pause();
        vm.prank(alice);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.deposit(1e6, alice);
        assertEq(pool.maxDeposit(alice), 0);
    }

    function test_maxDeposit_zeroForUnverified() public view {
        assertEq(pool.maxDeposit(outsider), 0);
        assertEq(pool.maxMint(outsider), 0);
        assertGt(pool.maxDeposit(alice), 0);
    }

    function test_mint_pullsPreviewedAssets() public {
        _deposit(alice, 1_000e6);
        uint256 assets = pool.previewMint(5e18);
        usd.mint(bob, assets);
        vm.startPrank(bob);
        usd.approve(address(pool), assets);
        assertEq(pool.mint(5e18, bob), assets);
        vm.stopPrank();
        assertEq(pool.balanceOf(bob), 5e18);
    }

    function test_transfer_revertsToUnverifiedInvestor() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, outsider, PartyRoles.INVESTOR));
        pool.transfer(outsider, 1);
    }

    function test_transfer_revertsFromRevokedInvestor() public {
        _deposit(alice, 1_000e6);
        vm.prank(kyc);
        registry.revoke(alice, bytes32(0));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, alice, PartyRoles.INVESTOR));
        pool.transfer(bob, 1);
    }

    function test_transfer_revertsToPoolItself() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolSharesToPool.selector, alice));
        pool.transfer(address(pool), 1);
    }

    function test_transfer_betweenInvestors() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        pool.transfer(bob, 7);
        assertEq(pool.balanceOf(bob), 7);
    }

    function test_redeem_returnsIdleCash() public {
        uint256 shares = _deposit(alice, 1_000e6);
        vm.prank(alice);
        uint256 assets = pool.redeem(shares, alice, alice);
        assertEq(assets, 1_000e6);
        assertEq(usd.balanceOf(alice), assets);
    }

    function test_redeem_worksWhenPausedAndAfterKycRevoked() public {
        uint256 shares = _deposit(alice, 1_000e6);
        vm.prank(pauser);
        pool.pause();
        vm.prank(kyc);
        registry.revoke(alice, bytes32(0));
        vm.prank(alice);
        pool.redeem(shares, alice, alice);
        assertEq(pool.balanceOf(alice), 0);
    }

    function test_withdraw_revertsBeyondIdleCash() public {
        _deposit(alice, 100_000e6);
        (, uint256 advance) = _financeNew(FACE, TENOR);
        uint256 max = pool.maxWithdraw(alice);
        assertEq(max, 100_000e6 - advance);
        vm.prank(alice);
        vm.expectRevert(); // ERC4626ExceededMaxWithdraw(alice, max + 1, max)
        pool.withdraw(max + 1, alice, alice);
    }

    // ------------------------------------------------------------ inflation attack

    function test_donation_firstDepositorInflationAttackFails() public {
        address attacker = bob;
        _deposit(attacker, 1);
        // Donations do not count: the pool books cash it received through its own paths only.
        usd.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usd.transfer(address(pool), 1_000_000e6);
        uint256 victimShares = _deposit(alice, 1_000e6);
        assertGt(victimShares, 0);
        vm.prank(alice);
        uint256 back = pool.redeem(victimShares, alice, alice);
        assertApproxEqAbs(back, 1_000e6, 1);
        uint256 attackerShares = pool.balanceOf(attacker);
        vm.prank(attacker);
        uint256 attackerBack = pool.redeem(attackerShares, attacker, attacker);
        assertLe(attackerBack, 1);
    }

    // ------------------------------------------------------------ financing

    function test_finance_paysAdvanceAndBooksAsset() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        uint256 fee = (uint256(FACE) * 1_200 * _feeSeconds(TENOR) + 10_000 * 365 days - 1) / (10_000 * 365 days);
        uint256 expected = (uint256(FACE) * 9_000) / 10_000 - fee;
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        vm.expectEmit(address(pool));
        emit IFinancingPool.ReceivableFinanced(id, sme, debtor, FACE, expected, fee, uint40(block.timestamp + TENOR));
        uint256 advance = pool.finance(id, expected);
        vm.stopPrank();
        assertEq(advance, expected);
        assertEq(usd.balanceOf(sme), expected);
        assertEq(rcv.ownerOf(id), address(pool));
        IFinancingPool.Asset memory a = pool.assetOf(id);
        assertEq(a.advance, expected);
        assertEq(a.fee, fee);
        assertEq(uint8(a.status), uint8(IFinancingPool.AssetStatus.Active));
        assertEq(pool.debtorExposure(DEBTOR_CO), expected);
        assertEq(pool.smeExposure(SME_CO), expected);
        assertEq(pool.totalAssets(), 100_000e6);
    }

    /// Issue 21: one registry call per party, each answering "verified for the role" and "which
    /// entity" at once; nothing else is asked of the registry, and nothing of the token but the
    /// invoice with its owner (no `ownerOf`, no `receivable` that asks the registry again).
    function test_finance_asksRegistryOncePerParty() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        vm.expectCall(address(registry), abi.encodeCall(registry.verifiedEntity, (sme, PartyRoles.SME)), 1);
        vm.expectCall(address(registry), abi.encodeCall(registry.verifiedEntity, (debtor, PartyRoles.DEBTOR)), 1);
        vm.expectCall(address(registry), abi.encodeWithSelector(registry.isVerified.selector), 0);
        vm.expectCall(address(registry), abi.encodeWithSelector(registry.entityOf.selector), 0);
        vm.expectCall(address(rcv), abi.encodeCall(rcv.receivableAndOwner, (id)), 1);
        vm.expectCall(address(rcv), abi.encodeWithSelector(rcv.ownerOf.selector), 0);
        pool.finance(id, 0);
        vm.stopPrank();
    }

    function test_finance_booksExposureUnderTheRegistryEntities() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        bytes32 newSme = keccak256("entity:sme-rekeyed");
        bytes32 newDebtor = keccak256("entity:debtor-rekeyed");
        _verifyAs(sme, PartyRoles.SME, newSme);
        _verifyAs(debtor, PartyRoles.DEBTOR, newDebtor);
        uint256 advance = _finance(sme, id);
        assertEq(pool.smeExposure(newSme), advance, "the SME's entity as verified now");
        assertEq(pool.debtorExposure(newDebtor), advance, "the debtor's entity as verified now");
        assertEq(pool.smeExposure(SME_CO), 0);
        assertEq(pool.debtorExposure(DEBTOR_CO), 0);
    }

    function test_finance_unverifiedDebtorAllowedByPolicyBookedUnderItsEntity() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.requireVerifiedDebtor = false;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(kyc);
        registry.revoke(debtor, bytes32(0));
        uint256 advance = _finance(sme, id);
        // Revoked: no entity, so the exposure sits under entity zero, as `receivable` reported it.
        assertEq(pool.debtorExposure(bytes32(0)), advance);
        assertEq(pool.smeExposure(SME_CO), advance);
    }

    function test_finance_revertsForUnknownToken() public {
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 4242));
        pool.finance(4242, 0);
    }

    function test_onERC721Received_financesWithoutApproval() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        rcv.safeTransferFrom(sme, address(pool), id, abi.encode(uint256(1)));
        assertEq(rcv.ownerOf(id), address(pool));
        assertGt(usd.balanceOf(sme), 0);
    }

    function test_onERC721Received_revertsWithoutMinAdvanceData() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolInvalidFinanceData.selector, 0));
        rcv.safeTransferFrom(sme, address(pool), id);
    }

    function test_onERC721Received_revertsFromOtherContract() public {
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnexpectedToken.selector, address(this)));
        pool.onERC721Received(address(this), address(this), 1, abi.encode(uint256(0)));
    }

    function test_finance_revertsWhenInvoiceAlreadyFinanced() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.prank(address(pool));
        rcv.transferFrom(address(pool), sme, id); // even if the token came back somehow
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolReceivableAlreadyFinanced.selector, id));
        pool.finance(id, 0);
        vm.stopPrank();
    }

    function test_finance_revertsWhenCallerNotHolder() public {
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme2);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotReceivableHolder.selector, id, sme2, sme));
        pool.finance(id, 0);
    }

    function test_finance_revertsWhenHolderIsNotIssuer() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        rcv.transferFrom(sme, sme2, id);
        vm.startPrank(sme2);
        rcv.approve(address(pool), id);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotReceivableIssuer.selector, id, sme2, sme));
        pool.finance(id, 0);
        vm.stopPrank();
    }

    function test_finance_revertsWhenDisputed() public {
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        rcv.setStatus(id, IReceivableToken.Status.Disputed);
        vm.prank(sme);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolReceivableNotAcknowledged.selector,
                id,
                IReceivableToken.Status.Disputed
            )
        );
        pool.finance(id, 0);
    }

    function test_finance_revertsOnCurrencyMismatch() public {
        address other = makeAddr("otherCoin");
        uint256 id = rcv.mintAcknowledged(sme, debtor, other, FACE, uint40(block.timestamp + TENOR), SME_CO, DEBTOR_CO);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolCurrencyMismatch.selector, id, other, address(usd)));
        pool.finance(id, 0);
    }

    function test_finance_revertsForUnverifiedSme() public {
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, sme, PartyRoles.SME));
        pool.finance(id, 0);
    }

    function test_finance_revertsForUnverifiedDebtorWhenRequired() public {
        vm.prank(kyc);
        registry.revoke(debtor, bytes32(0));
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, debtor, PartyRoles.DEBTOR));
        pool.finance(id, 0);
    }

    function test_finance_revertsWhenTenorTooLong() public {
        uint256 id = _invoice(sme, debtor, FACE, 200 days);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolTenorTooLong.selector, id, 200 days, 180 days));
        pool.finance(id, 0);
    }

    function test_finance_revertsWhenDueToday() public {
        uint256 id = _invoice(sme, debtor, FACE, 1 hours);
        vm.prank(sme);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolTenorTooShort.selector,
                id,
                uint40(block.timestamp + 1 hours),
                block.timestamp
            )
        );
        pool.finance(id, 0);
    }

    function test_finance_revertsWhenTicketOutOfRange() public {
        uint256 id = _invoice(sme, debtor, 50e6, TENOR);
        vm.prank(sme);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolTicketOutOfRange.selector, id, 50e6, 100e6, 1_000_000e6)
        );
        pool.finance(id, 0);
    }

    /// F-10 (day buckets): an invoice financed seconds before midnight and due the next day is
    /// charged, and accrues, only those seconds: NAV cannot gain most of a day's fee in seconds.
    function test_finance_secondsBeforeMidnight_accruesOnlyThoseSeconds() public {
        _deposit(alice, 100_000e6);
        vm.warp((block.timestamp / 1 days + 1) * 1 days - 10); // 23:59:50 UTC
        uint256 id = _invoice(sme, debtor, FACE, 12 hours + 10); // due tomorrow at noon
        uint256 navBefore = pool.totalAssets();
        _finance(sme, id);
        uint256 fee = pool.assetOf(id).fee;
        assertEq(fee, (uint256(FACE) * 1_200 * 10 + 10_000 * 365 days - 1) / (10_000 * 365 days), "10 s of fee");
        vm.warp(block.timestamp + 10);
        assertLe(pool.totalAssets(), navBefore + fee, "NAV rose by at most the 10 s of fee");
    }

    function test_finance_revertsBelowMinAdvance() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        uint256 fee = (uint256(FACE) * 1_200 * _feeSeconds(TENOR) + 10_000 * 365 days - 1) / (10_000 * 365 days);
        uint256 advance = (uint256(FACE) * 9_000) / 10_000 - fee;
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolAdvanceBelowMinimum.selector, id, advance, advance + 1)
        );
        pool.finance(id, advance + 1);
        vm.stopPrank();
    }

    function test_finance_revertsWhenDebtorExposureExceeded() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxDebtorExposure = 12_000e6;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        (, uint256 first) = _financeNew(FACE, TENOR);
        uint256 id = _invoice(sme2, debtor, FACE, TENOR);
        vm.startPrank(sme2);
        rcv.approve(address(pool), id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolDebtorExposureExceeded.selector,
                DEBTOR_CO,
                first,
                first,
                12_000e6
            )
        );
        pool.finance(id, 0);
        vm.stopPrank();
    }

    function test_finance_revertsWhenSmeExposureExceeded() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxSmeExposure = 12_000e6;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        (, uint256 first) = _financeNew(FACE, TENOR);
        uint256 id = _invoice(sme, debtor2, FACE, TENOR);
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolSmeExposureExceeded.selector, SME_CO, first, first, 12_000e6)
        );
        pool.finance(id, 0);
        vm.stopPrank();
    }

    function test_finance_revertsWithoutLiquidity() public {
        _deposit(alice, 1_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.startPrank(sme);
        rcv.approve(address(pool), id);
        vm.expectRevert(); // PoolInsufficientLiquidity(advance, 1_000e6)
        pool.finance(id, 0);
        vm.stopPrank();
    }

    function test_finance_revertsWhenPaused() public {
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(pauser);
        pool.pause();
        vm.prank(sme);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.finance(id, 0);
    }

    // ------------------------------------------------------------ payments

    function test_onReceivablePayment_revertsForFakeCaller() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnauthorizedHookCaller.selector, outsider));
        pool.onReceivablePayment(1, outsider, 1, IReceivablePaymentHook.PaidInvoice(outsider, address(usd), 0, 0));
    }

    /// F-14: a token sent to the pool with a plain transferFrom is never stuck: payments go
    /// through to its issuer, and anyone can send it back.
    function test_onReceivablePayment_unfinancedTokenPaysThroughToIssuer() public {
        _deposit(alice, 100_000e6);
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        rcv.transferFrom(sme, address(pool), id);
        uint256 navBefore = pool.totalAssets();
        uint256 smeBefore = usd.balanceOf(sme);
        _pay(debtor, id, 1_000e6);
        assertEq(usd.balanceOf(sme) - smeBefore, 1_000e6, "the issuer got the whole payment");
        assertEq(pool.totalAssets(), navBefore, "the pool kept nothing");
    }

    function test_returnReceivable_sendsUnfinancedTokenBackToIssuer() public {
        uint256 id = _invoice(sme, debtor, FACE, TENOR);
        vm.prank(sme);
        rcv.transferFrom(sme, address(pool), id);
        vm.expectEmit(address(pool));
        emit IFinancingPool.UnfinancedReceivableReturned(id, sme);
        vm.prank(outsider);
        pool.returnReceivable(id);
        assertEq(rcv.ownerOf(id), sme, "back with its issuer");
    }

    function test_returnReceivable_revertsForFinancedToken() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolReceivableNotReturnable.selector, id));
        pool.returnReceivable(id);
    }

    function test_pay_onTimeSplitsAndDoesNotJumpSharePrice() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        IFinancingPool.Asset memory a = pool.assetOf(id);
        uint256 smeBefore = usd.balanceOf(sme);
        vm.warp(block.timestamp + TENOR - 1 hours);
        uint256 before = pool.totalAssets();
        _pay(debtor, id, FACE);
        assertLe(pool.totalAssets(), before, "no jump up on an on-time payment");
        assertApproxEqAbs(pool.totalAssets(), before, 1, "nor down by more than rounding dust");
        // The pool keeps the whole fee: the investors' accrued income, the dust NAV never showed to fees.
        assertEq(pool.totalAssets() + pool.navBreakdown().feesOwed, 100_000e6 + a.fee);
        assertEq(usd.balanceOf(sme) - smeBefore, FACE - advance - a.fee, "remainder forwarded");
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
        assertEq(pool.debtorExposure(DEBTOR_CO), 0);
    }

    function test_accrual_priceRisesSmoothlyBeforeDue() public {
        _deposit(alice, 100_000e6);
        _financeNew(FACE, TENOR);
        uint256 last = _price();
        uint256 t0 = block.timestamp;
        for (uint256 i = 1; i <= 11; ++i) {
            vm.warp(t0 + i * 5 days);
            uint256 p = _price();
            assertGt(p, last, "price rises while the invoice accrues");
            last = p;
        }
        vm.warp(t0 + TENOR);
        uint256 atDue = _price();
        vm.warp(t0 + TENOR + 30 days); // past due, unpaid: accrual stopped
        assertEq(_price(), atDue);
    }

    function test_pay_partialGoesToPrincipalFirst() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        _pay(debtor, id, 1_000e6);
        IFinancingPool.Asset memory a = pool.assetOf(id);
        assertEq(a.collected, 1_000e6);
        assertEq(pool.debtorExposure(DEBTOR_CO), advance - 1_000e6);
        assertEq(usd.balanceOf(sme), advance, "nothing forwarded yet");
    }

    function test_pay_earlyRebatesUnearnedFeeToSme() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        uint256 fee = pool.assetOf(id).fee;
        uint256 smeBefore = usd.balanceOf(sme);
        vm.warp(block.timestamp + 20 days);
        uint256 navBefore = pool.totalAssets();
        uint256 earned = navBefore - 100_000e6; // no fees: NAV = deposit + income accrued
        assertGt(earned, 0);
        assertLt(earned, fee);
        usd.mint(debtor, FACE);
        vm.startPrank(debtor);
        usd.approve(address(rcv), FACE);
        vm.expectEmit(address(pool));
        emit IFinancingPool.ReceivableFeeRebated(id, sme, fee - earned);
        rcv.pay(id, FACE);
        vm.stopPrank();
        assertEq(pool.totalAssets(), navBefore, "the pool keeps exactly what NAV showed");
        assertEq(usd.balanceOf(sme) - smeBefore, FACE - advance - earned, "unearned fee rebated to the SME");
        IFinancingPool.Asset memory a = pool.assetOf(id);
        assertEq(a.fee, earned);
        assertEq(uint8(a.status), uint8(IFinancingPool.AssetStatus.Repaid));
    }

    /// Whatever the payment day (early, on the due day, late) and with a performance fee, a full
    /// payment never lifts the share price, nor NAV by more than one unit.
    function testFuzz_pay_anyDayNeverJumpsSharePriceUp(uint256 elapsed) public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.performanceFeeBps = 2_000;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + bound(elapsed, 0, TENOR + 20 days));
        pool.checkpoint();
        uint256 price = _price();
        uint256 nav = pool.totalAssets();
        _pay(debtor, id, FACE);
        assertLe(_price(), price, "share price jump");
        assertLe(pool.totalAssets(), nav, "NAV jump");
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
    }

    /// Paid in two parts on any two days (the first may reach into the fee early or late), with a
    /// performance fee: neither payment lifts NAV by a single unit. Each converts accrued income
    /// into cash, and the rounding dust NAV never showed goes to the protocol's fees (finding F-6).
    function testFuzz_pay_inTwoPartsNeverLiftsNav(uint256 firstDay, uint256 gap, uint128 first) public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.performanceFeeBps = 1_500;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE + 7, TENOR);
        vm.warp(block.timestamp + bound(firstDay, 0, TENOR + 20 days));
        first = uint128(bound(first, 1, rcv.outstanding(id) - 1));
        uint256 nav = pool.totalAssets();
        uint256 fees = pool.navBreakdown().feesOwed;
        _pay(debtor, id, first);
        assertLe(pool.totalAssets(), nav, "first payment lifts NAV");
        vm.warp(block.timestamp + bound(gap, 0, 60 days));
        nav = pool.totalAssets();
        _pay(debtor, id, rcv.outstanding(id));
        assertLe(pool.totalAssets(), nav, "second payment lifts NAV");
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
        assertEq(pool.navBreakdown().accruedIncome, 0, "nothing left accruing");
        assertGe(pool.navBreakdown().feesOwed, fees, "fees only grow");
    }

    function test_repay_earlyPullsOnlyAdvanceAndEarnedFee() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        IFinancingPool.Asset memory a = pool.assetOf(id);
        vm.warp(block.timestamp + 30 days);
        uint256 earned = pool.totalAssets() - 100_000e6;
        uint256 owed = a.advance + a.fee;
        usd.mint(sme, owed);
        uint256 smeBefore = usd.balanceOf(sme); // the advance received + owed
        vm.startPrank(sme);
        usd.approve(address(pool), owed);
        pool.repay(id, owed);
        vm.stopPrank();
        assertEq(smeBefore - usd.balanceOf(sme), advance + earned, "pulled advance + earned fee");
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
    }

    function test_attestedPayment_recordsSmeDebtAndRepayClearsIt() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        rcv.attestPayment(id, FACE, bytes32("bank"));
        IFinancingPool.Asset memory a = pool.assetOf(id);
        uint256 owed = a.advance + a.fee;
        assertEq(a.attestedOwedBySme, owed);
        usd.mint(sme, owed);
        vm.startPrank(sme);
        usd.approve(address(pool), owed);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRepayExceedsOwed.selector, id, owed + 1, owed));
        pool.repay(id, owed + 1);
        // Repaid at once: the whole fee is unearned and rebated, the SME pays back the advance only.
        pool.repay(id, owed);
        vm.stopPrank();
        assertEq(usd.balanceOf(sme), advance + owed - a.advance, "pulled the advance only");
        a = pool.assetOf(id);
        assertEq(a.attestedOwedBySme, 0);
        assertEq(uint8(a.status), uint8(IFinancingPool.AssetStatus.Repaid));
    }

    // ------------------------------------------------------------ late assets

    function test_impair_revertsBeforeGrace() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        uint256 due = block.timestamp + TENOR;
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolAssetNotLateEnough.selector, id, due + 5 days, block.timestamp)
        );
        pool.impair(id);
    }

    function test_impair_restrictedToManager() public {
        vm.prank(outsider);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, outsider));
        pool.impair(1);
    }

    function test_impairOverdue_publicAfterThreshold() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR + 10 days);
        vm.prank(outsider);
        vm.expectRevert();
        pool.impairOverdue(id);
        vm.warp(block.timestamp + 20 days);
        vm.prank(outsider);
        pool.impairOverdue(id);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Impaired));
    }

    function test_impair_exitPriceNetEntryPriceGross() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR + 6 days);
        IFinancingPool.NavBreakdown memory before = pool.navBreakdown();
        vm.prank(poolManager);
        pool.impair(id);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        // The accrued income stays in gross NAV and leaves net NAV with the principal.
        assertEq(n.accruedIncome, before.accruedIncome);
        assertEq(n.grossAssets, before.grossAssets);
        assertEq(n.impaired, advance + before.accruedIncome);
        assertEq(n.grossAssets - n.netAssets, advance + before.accruedIncome);
        assertEq(pool.aging().impaired, advance, "aging counts principal only");
        assertEq(pool.totalAssets(), n.grossAssets);
        assertEq(pool.convertToAssets(pool.totalSupply()), n.netAssets);
        // Entry pays the gross price: a newcomer cannot buy the loss cheap.
        uint256 shares = pool.previewDeposit(1_000e6);
        assertEq(shares, (1_000e6 * (pool.totalSupply() + 1e6)) / (n.grossAssets + 1));
    }

    function test_pay_lateImpairedMovesNeitherPriceUp() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR + 6 days);
        vm.prank(poolManager);
        pool.impair(id);
        uint256 entryBefore = pool.previewMint(1e6);
        IFinancingPool.NavBreakdown memory n0 = pool.navBreakdown();
        _pay(debtor, id, FACE);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.impaired, 0, "impairment fully released");
        assertEq(pool.aging().impaired, 0);
        assertEq(n.accruedIncome, 0);
        // Entries priced as before (to rounding in the pool's favour); exits rise to the entry price.
        assertLe(pool.previewMint(1e6), entryBefore + 1);
        assertGe(pool.previewMint(1e6) + 1, entryBefore);
        assertEq(n.netAssets, n.grossAssets);
        assertApproxEqAbs(n.grossAssets, n0.grossAssets, 2);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
    }

    function test_writeOff_booksLossMarksDefaultedAndRecoveryFlowsBack() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR + 6 days);
        vm.prank(poolManager);
        pool.impair(id);
        vm.prank(poolManager);
        vm.expectRevert();
        pool.writeOff(id);
        vm.warp(block.timestamp + 90 days);
        vm.prank(poolManager);
        pool.writeOff(id);
        assertEq(uint8(rcv.receivable(id).status), uint8(IReceivableToken.Status.Defaulted));
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.impaired, 0);
        assertEq(n.principalOutstanding, 0);
        assertEq(n.grossAssets, 100_000e6 - advance);
        assertEq(pool.aging().writtenOff, advance);
        _pay(debtor, id, 5_000e6);
        // F-10: a recovery reaches NAV over the unlock window, not in the block it lands.
        assertEq(pool.totalAssets(), 100_000e6 - advance, "no step up when the recovery lands");
        assertEq(pool.lockedIncome(), 5_000e6, "the recovery is locked");
        vm.warp(block.timestamp + 7 days);
        assertEq(pool.totalAssets(), 100_000e6 - advance + 5_000e6, "recovery back in NAV after the window");
    }

    function test_aging_bucketsLatePrincipal() public {
        _deposit(alice, 100_000e6);
        (, uint256 a1) = _financeNew(FACE, 10 days);
        (, uint256 a2) = _financeNew(FACE, 100 days);
        uint256 t0 = block.timestamp;
        vm.warp(t0 + 45 days);
        IFinancingPool.Aging memory g = pool.aging();
        assertEq(g.current, a2);
        assertEq(g.late31To60, a1);
        vm.warp(t0 + 150 days);
        g = pool.aging();
        assertEq(g.late90Plus, a1);
        assertEq(g.late31To60, a2);
        assertEq(g.current + g.late1To30 + g.late61To90, 0);
    }

    // ------------------------------------------------------------ redemption queue

    function test_requestRedeem_filledByRepaymentFifoAndClaimed() public {
        uint256 aliceShares = _deposit(alice, 50_000e6);
        uint256 bobShares = _deposit(bob, 50_000e6);
        (uint256 id1, ) = _financeNew(40_000e6, TENOR);
        (uint256 id2, ) = _financeNew(40_000e6, TENOR);
        vm.prank(alice);
        assertEq(queue.requestRedeem(aliceShares, alice, alice), 0, "requests are fungible per controller");
        vm.prank(bob);
        queue.requestRedeem(bobShares / 2, bob, bob);
        assertEq(queue.pendingRedeemRequest(0, bob), bobShares / 2);
        assertEq(pool.balanceOf(address(queue)), aliceShares + bobShares / 2, "shares wait in the queue");
        assertEq(pool.instantLiquidity(), 0);
        pool.processQueue(10);
        uint256 aliceLeft = queue.pendingRedeemRequest(0, alice);
        assertLt(aliceLeft, aliceShares, "alice partly filled from idle cash first");
        assertEq(queue.pendingRedeemRequest(0, bob), bobShares / 2, "bob waits behind alice");
        vm.warp(block.timestamp + TENOR - 1 hours);
        _pay(debtor, id1, 40_000e6);
        assertEq(queue.pendingRedeemRequest(0, alice), 0);
        assertEq(queue.claimableRedeemRequest(0, alice), aliceShares);
        _pay(debtor, id2, 40_000e6);
        assertEq(queue.pendingRedeemRequest(0, bob), 0);
        uint256 owed = queue.maxWithdraw(alice);
        vm.prank(alice);
        uint256 got = queue.redeem(aliceShares, alice, alice);
        assertEq(got, owed);
        assertGt(got, 50_000e6, "alice earned her share of fees");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueExceededClaimableShares.selector, alice, 1, 0));
        queue.redeem(1, alice, alice);
    }

    /// A deposit does not fill the queue (a depositor would pick the moment queued exits are
    /// priced); the next payment, or anyone's processQueue, does.
    function test_deposit_leavesQueueForThePaymentOrProcessQueue() public {
        uint256 aliceShares = _deposit(alice, 20_000e6);
        _financeNew(FACE, TENOR);
        _financeNew(FACE, TENOR); // idle cash about 2,000
        vm.prank(alice);
        queue.requestRedeem(aliceShares, alice, alice);
        _deposit(bob, 30_000e6);
        assertEq(queue.pendingRedeemRequest(0, alice), aliceShares, "a deposit fills nothing");
        vm.prank(outsider);
        pool.processQueue(10);
        assertEq(queue.pendingRedeemRequest(0, alice), 0, "anyone fills it from idle cash");
        assertEq(usd.balanceOf(address(queue)), queue.maxWithdraw(alice), "held for alice's claim");
        assertGt(queue.maxWithdraw(alice), 19_000e6);
    }

    function test_requestRedeem_revertsBelowMinimum() public {
        _deposit(alice, 1_000e6);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRedeemRequestTooSmall.selector, 1e12, 1e6, 10e6));
        queue.requestRedeem(1e12, alice, alice);
    }

    function test_cancelRedeemRequest_returnsPendingShares() public {
        uint256 shares = _deposit(alice, 20_000e6);
        _financeNew(FACE, TENOR);
        _financeNew(FACE, TENOR);
        vm.prank(alice);
        queue.requestRedeem(shares, alice, alice);
        pool.processQueue(10);
        uint256 pending = queue.pendingRedeemRequest(0, alice);
        assertGt(pending, 0);
        assertLt(pending, shares, "partly filled from idle cash");
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueUnauthorized.selector, bob, alice));
        queue.cancelRedeemRequest(alice);
        vm.prank(alice);
        assertEq(queue.cancelRedeemRequest(alice), pending);
        assertEq(pool.balanceOf(alice), pending, "pending shares back to alice");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IRedemptionQueue.QueueNothingPending.selector, alice));
        queue.cancelRedeemRequest(alice);
        assertEq(queue.pendingRedeemRequest(0, alice), 0);
        assertEq(queue.claimableRedeemRequest(0, alice), shares - pending, "the filled part stays claimable");
    }

    // ------------------------------------------------------------ policy and fees

    function test_setPolicy_delayedAdminMustSchedule() public {
        vm.prank(policyAdmin);
        vm.expectPartialRevert(IAccessManager.AccessManagerNotScheduled.selector);
        pool.setPolicy(_defaultPolicy());
    }

    function test_setPolicy_revertsOnInvalidValues() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.advanceRateBps = 10_001;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolInvalidAdvanceRate.selector, 10_001));
        pool.setPolicy(p);
        p = _defaultPolicy();
        p.managementFeeBps = 301;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolRateAboveCap.selector, 301, 300));
        pool.setPolicy(p);
        p = _defaultPolicy();
        p.minTicket = 2;
        p.maxTicket = 1;
        vm.prank(policyNow);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolInvalidTicketRange.selector, 2, 1));
        pool.setPolicy(p);
        p = _defaultPolicy();
        p.gracePeriod = 31 days;
        vm.prank(policyNow);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolInvalidLateThresholds.selector, 31 days, 30 days, 90 days)
        );
        pool.setPolicy(p);
    }

    function test_fees_managementAndPerformanceAccrueAndPay() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.managementFeeBps = 200;
        p.performanceFeeBps = 1_000;
        _setPolicy(p);
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financeNew(FACE, TENOR);
        vm.warp(block.timestamp + TENOR - 1 hours);
        _pay(debtor, id, FACE);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        IFinancingPool.Asset memory a = pool.assetOf(id);
        assertGt(n.feesOwed, a.performanceFee, "management fee accrued too");
        uint256 paid = pool.payFees();
        assertEq(paid, n.feesOwed);
        assertEq(usd.balanceOf(treasury), paid);
    }
}
