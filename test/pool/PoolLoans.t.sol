// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {PoolLoanBase, LyingLoanManager} from "./PoolLoanBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {DiscountMath} from "../../contracts/libraries/DiscountMath.sol";

contract PoolLoansTest is PoolLoanBase {
    function setUp() public override {
        super.setUp();
        _deposit(alice, 100_000e6);
    }

    // ------------------------------------------------------------ fundLoan

    function test_fundLoan_booksPrincipalAtCostAndMovesCash() public {
        uint256 id = _loan(LOAN);
        uint256 navBefore = pool.totalAssets();
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanFundedByPool(address(loans), id, SME_CO, poolManager, LOAN);
        _fundLoan(id, LOAN);
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.cash, 100_000e6 - LOAN);
        assertEq(n.principalOutstanding, LOAN);
        assertEq(pool.totalAssets(), navBefore, "funding moves cash to principal, NAV unchanged");
        assertEq(usd.balanceOf(address(loans)), LOAN);
        assertEq(loans.notes().balanceOf(address(pool), id), LOAN);
        assertEq(pool.smeExposure(SME_CO), LOAN);
        assertEq(usd.allowance(address(pool), address(loans)), 0, "no allowance left over");
        IFinancingPool.LoanPosition memory p = _position(id);
        assertEq(p.funded, LOAN);
        assertEq(p.principal, LOAN);
        assertEq(uint8(p.status), uint8(IFinancingPool.LoanStatus.Funded));
        assertEq(pool.aging().current + pool.aging().late90Plus, 0, "loans stay out of the receivable buckets");
    }

    function test_fundLoan_topUpAddsToPosition() public {
        uint256 id = _loan(LOAN);
        _fundLoan(id, 2_000e6);
        _fundLoan(id, 3_000e6);
        assertEq(_position(id).funded, 5_000e6);
        assertEq(pool.smeExposure(SME_CO), 5_000e6);
    }

    function test_fundLoan_revertsForNonManager() public {
        uint256 id = _loan(LOAN);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, alice));
        pool.fundLoan(address(loans), id, LOAN);
    }

    function test_fundLoan_revertsWhenPaused() public {
        uint256 id = _loan(LOAN);
        vm.prank(pauser);
        pool.pause();
        vm.prank(poolManager);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        pool.fundLoan(address(loans), id, LOAN);
    }

    function test_fundLoan_revertsOnZero() public {
        uint256 id = _loan(LOAN);
        vm.prank(poolManager);
        vm.expectRevert(IFinancingPool.PoolZeroAmount.selector);
        pool.fundLoan(address(loans), id, 0);
    }

    function test_fundLoan_revertsBeyondInstantLiquidity() public {
        uint256 id = _loan(LOAN);
        vm.prank(alice);
        pool.withdraw(95_000e6, alice, alice);
        vm.prank(poolManager);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolInsufficientLiquidity.selector, LOAN, 5_000e6));
        pool.fundLoan(address(loans), id, LOAN);
    }

    function test_setLoanManager_revertsOnCurrencyMismatch() public {
        DemoUSD other = new DemoUSD(address(this));
        ILoanManager foreign = _deployLoans(address(other));
        vm.prank(admin);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolCurrencyMismatch.selector, 0, address(other), address(usd))
        );
        pool.setLoanManager(address(foreign), true);
    }

    /// F-8: the pool manager cannot send pool cash to a manager the admin did not register, even a
    /// real LoanManager over the right asset.
    function test_fundLoan_revertsForUnregisteredManager() public {
        loans = _deployLoans(address(usd));
        uint256 id = _loan(LOAN);
        uint256 cash = usd.balanceOf(address(pool));
        vm.prank(poolManager);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolLoanManagerNotRegistered.selector, address(loans)));
        pool.fundLoan(address(loans), id, LOAN);
        assertEq(usd.balanceOf(address(pool)), cash, "no cash left the pool");
    }

    /// F-8: a claim books the pool's measured balance increase, not what the manager reports,
    /// even from a registered manager (here one that pays 1 unit and reports a million).
    function test_claimLoan_booksMeasuredBalanceNotReportedAmount() public {
        LyingLoanManager liar = new LyingLoanManager(usd, SME_CO, 1_000_000e6);
        vm.prank(admin);
        pool.setLoanManager(address(liar), true);
        vm.prank(poolManager);
        pool.fundLoan(address(liar), 7, 1_000e6);
        uint256 cashBefore = pool.navBreakdown().cash;
        vm.prank(stranger);
        uint256 amount = pool.claimLoan(address(liar), 7);
        assertEq(amount, 1, "what arrived, not what was reported");
        assertEq(pool.navBreakdown().cash, cashBefore + 1, "one unit booked");
        assertEq(pool.navBreakdown().cash, usd.balanceOf(address(pool)), "books = balance");
        assertEq(pool.loanPosition(address(liar), 7).principalReceived, 1);
    }

    /// Removing a manager stops new funding there, never claims of positions already funded.
    function test_setLoanManager_removedManagerStillPaysItsClaims() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        (uint256 principal, uint256 interest, uint40 due) = _row(id, 0);
        vm.warp(due);
        _repayLoan(id, principal + interest);
        vm.prank(admin);
        pool.setLoanManager(address(loans), false);
        uint256 other = _loan(LOAN);
        vm.prank(poolManager);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolLoanManagerNotRegistered.selector, address(loans)));
        pool.fundLoan(address(loans), other, LOAN);
        vm.prank(stranger);
        assertGt(pool.claimLoan(address(loans), id), 0, "the claim still pays the pool");
    }

    function test_setLoanManager_onlyAdminRegisters() public {
        ILoanManager other = _deployLoans(address(usd));
        vm.prank(poolManager);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, poolManager));
        pool.setLoanManager(address(other), true);
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanManagerSet(address(other), true);
        vm.prank(admin);
        pool.setLoanManager(address(other), true);
        assertTrue(pool.isLoanManager(address(other)));
    }

    function test_fundLoan_revertsBeyondSmeExposure() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxSmeExposure = 10_000e6;
        _setPolicy(p);
        uint256 id = _loan(LOAN);
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolSmeExposureExceeded.selector, SME_CO, 0, LOAN, 10_000e6)
        );
        pool.fundLoan(address(loans), id, LOAN);
    }

    function test_fundLoan_countsTowardInvoiceExposureOfSameSme() public {
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxSmeExposure = 15_000e6;
        _setPolicy(p);
        uint256 id = _loan(LOAN);
        _fundLoan(id, LOAN);
        uint256 invoice = _invoice(sme, debtor, FACE, TENOR);
        uint256 fee = DiscountMath.feeUp(FACE, 1_200, _feeSeconds(TENOR));
        uint256 advance = DiscountMath.advanceDown(FACE, 9_000, fee);
        vm.startPrank(sme);
        rcv.approve(address(pool), invoice);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolSmeExposureExceeded.selector, SME_CO, LOAN, advance, 15_000e6)
        );
        pool.finance(invoice, 0);
        vm.stopPrank();
    }

    function test_fundLoan_revertsWhenPositionClosed() public {
        uint256 id = _loan(LOAN);
        _fundLoan(id, LOAN);
        vm.prank(sme);
        loans.withdrawRequest(id);
        pool.claimLoan(address(loans), id);
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolLoanPositionNotOpen.selector,
                address(loans),
                id,
                IFinancingPool.LoanStatus.Closed
            )
        );
        pool.fundLoan(address(loans), id, 1e6);
    }

    function test_fundLoan_revertsWhenLoanNotOpenForFunding() public {
        uint256 id = _loan(LOAN);
        vm.prank(sme);
        loans.withdrawRequest(id);
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Cancelled)
        );
        pool.fundLoan(address(loans), id, LOAN);
    }

    // ------------------------------------------------------------ claimLoan

    function test_claimLoan_splitsInstallmentIntoPrincipalAndInterest() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        (uint256 principal, uint256 interest, uint40 due) = _row(id, 0);
        vm.warp(due);
        _repayLoan(id, principal + interest);
        uint256 navBefore = pool.totalAssets();
        // The notes' accumulator rounds down per unit: the claim may be a unit short.
        uint256 claimable = loans.claimable(id, address(pool));
        assertApproxEqAbs(claimable, principal + interest, 1);
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanClaimedByPool(address(loans), id, principal, claimable - principal, 0, 0);
        vm.prank(stranger);
        uint256 amount = pool.claimLoan(address(loans), id);
        assertEq(amount, claimable);
        assertEq(pool.totalAssets(), navBefore, "F-10: the interest claimed does not lift NAV at once");
        vm.warp(block.timestamp + 7 days);
        assertEq(pool.totalAssets(), navBefore + amount - principal, "NAV rises by the interest over the window");
        IFinancingPool.LoanPosition memory p = _position(id);
        assertEq(p.principal, LOAN - principal);
        assertEq(p.principalReceived, principal);
        assertApproxEqAbs(p.income, interest, 1);
        assertEq(pool.smeExposure(SME_CO), LOAN - principal);
    }

    function test_claimLoan_fullRepaymentClosesPosition() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        uint256 interestTotal;
        for (uint256 k = 0; k < LOAN_COUNT; ++k) {
            (uint256 principal, uint256 interest, uint40 due) = _row(id, k);
            vm.warp(due);
            _repayLoan(id, principal + interest);
            interestTotal += interest;
            if (k % 2 == 1) pool.claimLoan(address(loans), id);
        }
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        IFinancingPool.LoanPosition memory p = _position(id);
        assertEq(uint8(p.status), uint8(IFinancingPool.LoanStatus.Closed));
        assertEq(p.principal, 0);
        assertEq(p.principalReceived, LOAN);
        assertApproxEqAbs(p.income, interestTotal, LOAN_COUNT);
        assertEq(pool.navBreakdown().principalOutstanding, 0);
        vm.warp(block.timestamp + 7 days);
        assertEq(pool.totalAssets(), 100_000e6 + p.income);
        assertEq(pool.smeExposure(SME_CO), 0);
    }

    function test_claimLoan_sharedLoanSplitsProRata() public {
        uint256 id = _activeLoan(LOAN, LOAN / 4);
        (uint256 principal, uint256 interest, uint40 due) = _row(id, 0);
        vm.warp(due);
        _repayLoan(id, principal + interest);
        uint256 amount = pool.claimLoan(address(loans), id);
        IFinancingPool.LoanPosition memory p = _position(id);
        assertEq(p.principalReceived, principal / 4);
        assertEq(p.income, amount - principal / 4);
        assertApproxEqAbs(amount, (principal + interest) / 4, 1);
    }

    function test_claimLoan_chargesPerformanceFeeOnInterest() public {
        IFinancingPool.Policy memory pol = _defaultPolicy();
        pol.performanceFeeBps = 1_000;
        _setPolicy(pol);
        uint256 id = _activeLoan(LOAN, LOAN);
        (uint256 principal, uint256 interest, uint40 due) = _row(id, 0);
        vm.warp(due);
        _repayLoan(id, principal + interest);
        pool.claimLoan(address(loans), id);
        assertEq(pool.navBreakdown().feesOwed, interest / 10);
    }

    function test_claimLoan_revertsWithoutPosition() public {
        uint256 id = _activeLoan(LOAN, 0);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolLoanNotFunded.selector, address(loans), id));
        pool.claimLoan(address(loans), id);
    }

    function test_claimLoan_revertsWhenNothingToClaim() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNothingToClaim.selector, id, address(pool)));
        pool.claimLoan(address(loans), id);
    }

    function test_claimLoan_fillsQueuedRedemption() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        uint256 liquid = pool.maxWithdraw(alice);
        vm.prank(alice);
        pool.withdraw(liquid, alice, alice);
        uint256 shares = pool.balanceOf(alice) / 10;
        vm.prank(alice);
        queue.requestRedeem(shares, alice, alice);
        assertEq(queue.pendingRedeemRequest(0, alice), shares);
        (uint256 principal, uint256 interest, uint40 due) = _row(id, 0);
        vm.warp(due);
        _repayLoan(id, principal + interest);
        pool.claimLoan(address(loans), id);
        assertLt(queue.pendingRedeemRequest(0, alice), shares, "the claim's cash went to the queue");
    }

    // ------------------------------------------------------------ claimLoan: refunds

    function test_claimLoan_refund_returnsCashAfterCancellation() public {
        uint256 id = _loan(LOAN);
        _fundLoan(id, LOAN);
        vm.prank(sme);
        loans.withdrawRequest(id);
        uint256 navBefore = pool.totalAssets();
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanRefundedToPool(address(loans), id, LOAN);
        vm.prank(stranger);
        assertEq(pool.claimLoan(address(loans), id), LOAN);
        assertEq(pool.totalAssets(), navBefore);
        assertEq(pool.navBreakdown().cash, 100_000e6);
        assertEq(pool.navBreakdown().principalOutstanding, 0);
        assertEq(pool.smeExposure(SME_CO), 0);
        assertEq(uint8(_position(id).status), uint8(IFinancingPool.LoanStatus.Closed));
    }

    function test_claimLoan_refund_expiresLapsedLoanFirst() public {
        uint256 id = _loan(LOAN);
        _fundLoan(id, LOAN / 2);
        vm.warp(block.timestamp + 8 days);
        assertEq(pool.claimLoan(address(loans), id), LOAN / 2);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Expired));
    }

    function test_claimLoan_refund_revertsWhilePositionNotFunded() public {
        uint256 id = _loan(LOAN);
        _fundLoan(id, LOAN);
        vm.prank(sme);
        loans.withdrawRequest(id);
        pool.claimLoan(address(loans), id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolLoanPositionNotOpen.selector,
                address(loans),
                id,
                IFinancingPool.LoanStatus.Closed
            )
        );
        pool.claimLoan(address(loans), id);
    }

    function test_claimLoan_revertsBeforeDrawdownWhileFundingOpen() public {
        uint256 id = _loan(LOAN);
        _fundLoan(id, LOAN);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNothingToClaim.selector, id, address(pool)));
        pool.claimLoan(address(loans), id);
    }

    function test_claimLoan_refund_revertsWithoutPosition() public {
        uint256 id = _loan(LOAN);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolLoanNotFunded.selector, address(loans), id));
        pool.claimLoan(address(loans), id);
    }

    // ------------------------------------------------------------ revalueLoan

    function test_revalueLoan_impairsWhenLoanImpaired() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        (, , uint40 due) = _row(id, 0);
        vm.warp(uint256(due) + 16 days);
        vm.prank(poolManager);
        loans.impair(id);
        uint256 gross = pool.totalAssets();
        uint256 price = _price();
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanPositionImpaired(address(loans), id, poolManager, LOAN);
        vm.prank(poolManager);
        pool.revalueLoan(address(loans), id);
        assertEq(pool.totalAssets(), gross, "entries still priced at book");
        assertEq(pool.navBreakdown().impaired, LOAN);
        assertLt(_price(), price, "exit price net of the loss");
        assertEq(pool.aging().impaired, LOAN);
    }

    function test_revalueLoan_reversesWhenLoanCures() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        (, , uint40 due) = _row(id, 0);
        vm.warp(uint256(due) + 16 days);
        vm.prank(poolManager);
        loans.impair(id);
        vm.prank(poolManager);
        pool.revalueLoan(address(loans), id);
        _repayLoan(id, lens.amountDue(id));
        assertFalse(loans.loan(id).impaired);
        pool.claimLoan(address(loans), id);
        uint256 left = _position(id).principal;
        assertEq(pool.navBreakdown().impaired, left, "claimed principal left the impairment");
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanPositionImpairmentReversed(address(loans), id, poolManager, left);
        vm.prank(poolManager);
        pool.revalueLoan(address(loans), id);
        assertEq(pool.navBreakdown().impaired, 0);
        assertEq(uint8(_position(id).status), uint8(IFinancingPool.LoanStatus.Funded));
    }

    function test_revalueLoan_writesOffOnDefaultAndRecoveryFlowsBack() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        (uint256 principal, uint256 interest, uint40 due) = _row(id, 0);
        vm.warp(due);
        _repayLoan(id, principal + interest);
        vm.warp(uint256(due) + MONTH + 61 days);
        vm.prank(poolManager);
        loans.markDefaulted(id);
        uint256 nav = pool.totalAssets();
        // F-11: the default reaches the exit price through anyone's call, no role needed.
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanPositionWrittenOff(address(loans), id, stranger, LOAN - principal);
        vm.prank(stranger);
        pool.revalueLoan(address(loans), id);
        // The pending installment was claimed first (principal; its interest is locked), then the
        // rest written off.
        assertApproxEqAbs(pool.totalAssets(), nav - (LOAN - principal), 1);
        assertEq(pool.aging().writtenOff, LOAN - principal);
        assertEq(pool.navBreakdown().principalOutstanding, 0);
        // F-14: the loss stays in the borrower's exposure until recovered.
        assertEq(pool.smeExposure(SME_CO), LOAN - principal, "exposure keeps the loss");
        assertEq(uint8(_position(id).status), uint8(IFinancingPool.LoanStatus.WrittenOff));

        _repayLoan(id, 1_000e6);
        vm.warp(block.timestamp + 7 days); // the interest claimed above is released
        nav = pool.totalAssets();
        uint256 recovered = loans.claimable(id, address(pool));
        assertApproxEqAbs(recovered, 1_000e6, 1);
        vm.expectEmit(address(pool));
        emit IFinancingPool.LoanClaimedByPool(address(loans), id, 0, 0, recovered, 0);
        pool.claimLoan(address(loans), id);
        assertEq(pool.totalAssets(), nav, "F-10: no step up when the recovery lands");
        assertEq(pool.smeExposure(SME_CO), LOAN - principal - recovered, "the recovery releases exposure");
        vm.warp(block.timestamp + 7 days);
        assertEq(pool.totalAssets(), nav + recovered, "recovery flows back into NAV over the window");
    }

    function test_revalueLoan_revertsWhenNothingChanged() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolLoanNothingToRevalue.selector,
                address(loans),
                id,
                uint8(ILoanManager.Status.Active),
                false,
                IFinancingPool.LoanStatus.Funded
            )
        );
        pool.revalueLoan(address(loans), id);
    }

    /// F-14: once the loan is repaid there is nothing to mirror: the pool claims, it does not revalue.
    function test_revalueLoan_revertsForRepaidLoan() public {
        uint256 id = _activeLoan(LOAN, LOAN);
        (, , , uint256 total) = lens.payoffQuote(id);
        _repayLoan(id, total);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        vm.prank(stranger);
        vm.expectRevert();
        pool.revalueLoan(address(loans), id);
        pool.claimLoan(address(loans), id);
        assertEq(uint8(_position(id).status), uint8(IFinancingPool.LoanStatus.Closed), "the claim closes it");
    }

    function test_revalueLoan_revertsWithoutPosition() public {
        uint256 id = _activeLoan(LOAN, 0);
        vm.prank(poolManager);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolLoanNotFunded.selector, address(loans), id));
        pool.revalueLoan(address(loans), id);
    }

    // ------------------------------------------------------------ notes

    function test_onERC1155Received_rejectsNotesSentOutsideFunding() public {
        uint256 id = _loan(LOAN);
        vm.prank(lender);
        loans.fund(id, 1_000e6);
        IERC1155 notes = IERC1155(address(loans.notes()));
        vm.prank(lender);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnexpectedNotes.selector, address(notes), lender));
        notes.safeTransferFrom(lender, address(pool), id, 1_000e6, "");
    }

    function test_onERC1155Received_rejectsMintFromUnknownContract() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnexpectedNotes.selector, stranger, stranger));
        pool.onERC1155Received(stranger, address(0), 1, 1, "");
    }

    function test_loanPosition_emptyForUnknownLoan() public view {
        assertEq(uint8(pool.loanPosition(address(loans), 99).status), uint8(IFinancingPool.LoanStatus.None));
    }

    function testFuzz_claimLoan_neverBooksMoreThanReceived(uint256 poolPart, uint256 pay) public {
        poolPart = bound(poolPart, 1e6, LOAN);
        uint256 id = _activeLoan(LOAN, poolPart);
        (, , uint40 due) = _row(id, 0);
        vm.warp(due);
        (, , , uint256 total) = lens.payoffQuote(id);
        pay = bound(pay, 1e6, total);
        _repayLoan(id, pay);
        uint256 nav = pool.totalAssets();
        uint256 amount = pool.claimLoan(address(loans), id);
        IFinancingPool.LoanPosition memory p = _position(id);
        assertEq(uint256(p.principalReceived) + p.income, amount);
        assertEq(uint256(p.principal) + p.principalReceived, poolPart);
        assertEq(pool.totalAssets(), nav, "NAV does not move at the claim");
        vm.warp(block.timestamp + 7 days);
        assertEq(pool.totalAssets(), nav + p.income, "NAV moves by the income only, over the window");
        assertLe(p.principalReceived, (pay * poolPart) / LOAN);
    }
}
