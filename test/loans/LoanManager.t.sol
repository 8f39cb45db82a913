// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {LoanBase} from "./LoanBase.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ILoanLens} from "../../contracts/interfaces/ILoanLens.sol";
import {ILoanNotes} from "../../contracts/interfaces/ILoanNotes.sol";
import {ILoanCalculator} from "../../contracts/interfaces/ILoanCalculator.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {IScheduleErrors} from "../../contracts/interfaces/IScheduleErrors.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

contract LoanManagerTest is LoanBase {
    // ------------------------------------------------------------ request

    function test_request_pendingWithoutCreditHistory() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(uint8(ln.status), uint8(ILoanManager.Status.Pending));
        assertEq(ln.borrower, borrower);
        assertEq(ln.entity, BORROWER_CO);
        assertEq(ln.terms.principal, PRINCIPAL);
        assertEq(loans.exposureOf(BORROWER_CO), 0);
    }

    function test_request_autoApprovedWithinCreditLimit() public {
        vm.prank(admin);
        credit.setRecorder(address(this), true);
        for (uint256 n = 0; n < 5; ++n) {
            credit.recordLoan(BORROWER_CO, 10_000e6, block.timestamp - 30 days, ICreditHistory.Outcome.OnTime, 0);
        }
        assertEq(credit.creditLimitOf(BORROWER_CO), 50_000e6);
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Funding));
        assertEq(loans.exposureOf(BORROWER_CO), PRINCIPAL);
        // A second one beyond limit − exposure waits for the underwriter.
        uint256 id2 = _request(_params(40_000e6, 12, Schedule.Kind.Amortizing));
        assertEq(uint8(loans.loan(id2).status), uint8(ILoanManager.Status.Pending));
    }

    function test_request_escrowsCollateral() public {
        nft.mint(borrower, 77);
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        p.collateralToken = address(nft);
        p.collateralId = 77;
        vm.expectEmit(address(loans));
        emit ILoanManager.LoanCollateralEscrowed(1, borrower, address(nft), 77);
        _request(p);
        assertEq(nft.ownerOf(77), vault);
        assertEq(loans.loan(1).collateralId, 77);
        assertEq(loans.loanSecuredBy(77), 1);
    }

    function test_request_revertsWhenNotVerifiedSme() public {
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotVerified.selector, lender1, PartyRoles.SME));
        vm.prank(lender1);
        loans.request(p);
    }

    function test_request_revertsOnPastDeadline() public {
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        p.fundingDeadline = uint40(block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidDeadline.selector, p.fundingDeadline, block.timestamp)
        );
        _request(p);
    }

    function test_request_revertsOnInvalidTerms() public {
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 0, Schedule.Kind.Amortizing);
        vm.expectRevert(abi.encodeWithSelector(IScheduleErrors.ScheduleInvalidCount.selector, 0, 1000));
        _request(p);
    }

    function test_request_revertsWhenPaused() public {
        vm.prank(pauser);
        loans.pause();
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _request(p);
    }

    // ------------------------------------------------------------ approve / accept

    function test_approve_sameTermsOpensFunding() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.expectEmit(address(loans));
        emit ILoanManager.LoanApproved(id, underwriter, PRINCIPAL, RATE, false);
        vm.prank(underwriter);
        loans.approve(id, PRINCIPAL, RATE);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Funding));
        assertEq(loans.exposureOf(BORROWER_CO), PRINCIPAL);
    }

    function test_approve_counterOfferThenAccept() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.prank(underwriter);
        loans.approve(id, 10_000e6, 1500);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Offered));
        vm.prank(borrower);
        loans.accept(id);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(uint8(ln.status), uint8(ILoanManager.Status.Funding));
        assertEq(ln.terms.principal, 10_000e6);
        assertEq(ln.terms.rateBps, 1500);
    }

    function test_approve_revertsOnHigherPrincipal() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidApproval.selector, id, PRINCIPAL + 1, PRINCIPAL)
        );
        vm.prank(underwriter);
        loans.approve(id, PRINCIPAL + 1, RATE);
    }

    function test_approve_revertsForStranger() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        loans.approve(id, PRINCIPAL, RATE);
    }

    function test_approve_revertsWhenNotPending() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Funding)
        );
        vm.prank(underwriter);
        loans.approve(id, PRINCIPAL, RATE);
    }

    function test_accept_revertsForNonBorrower() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.prank(underwriter);
        loans.approve(id, 1e6, RATE);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotBorrower.selector, id, stranger));
        vm.prank(stranger);
        loans.accept(id);
    }

    function test_loan_revertsWhenUnknown() public {
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotFound.selector, 9));
        loans.loan(9);
    }

    // ------------------------------------------------------------ fund / drawdown

    function test_fund_mintsNotesAndEscrows() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectEmit(address(loans));
        emit ILoanManager.LoanFunded(id, lender1, 5_000e6, 5_000e6);
        _fund(id, lender1, 5_000e6);
        assertEq(notes.balanceOf(lender1, id), 5_000e6);
        assertEq(usd.balanceOf(address(loans)), 5_000e6);
    }

    function test_fund_revertsOnOverfunding() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 10_000e6);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanOverfunded.selector, id, 3_000e6, 2_000e6));
        _fund(id, lender2, 3_000e6);
    }

    function test_fund_revertsForUnverifiedLender() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotVerified.selector, stranger, PartyRoles.INVESTOR));
        _fund(id, stranger, 1e6);
    }

    function test_fund_allowedContractLender() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(poolManager);
        loans.setLender(stranger, true);
        usd.mint(stranger, 1e6);
        vm.prank(stranger);
        usd.approve(address(loans), 1e6);
        _fund(id, stranger, 1e6);
        assertEq(notes.balanceOf(stranger, id), 1e6);
    }

    function test_fund_revertsOnZero() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(ILoanManager.LoanZeroAmount.selector);
        _fund(id, lender1, 0);
    }

    function test_fund_revertsAfterDeadline() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        uint40 deadline = loans.loan(id).fundingDeadline;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanFundingClosed.selector, id, deadline, deadline + 1));
        _fund(id, lender1, 1e6);
    }

    function test_fund_revertsWhenPending() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Pending)
        );
        _fund(id, lender1, 1e6);
    }

    function test_drawdown_paysBorrowerAndStartsSchedule() public {
        uint256 before = usd.balanceOf(borrower);
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(uint8(ln.status), uint8(ILoanManager.Status.Active));
        assertEq(ln.terms.start, block.timestamp);
        assertEq(usd.balanceOf(borrower), before + PRINCIPAL);
        assertEq(usd.balanceOf(address(loans)), 0);
    }

    function test_drawdown_revertsWhenNotFullyFunded() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 1e6);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotFullyFunded.selector, id, 1e6, PRINCIPAL));
        vm.prank(borrower);
        loans.drawdown(id);
    }

    function test_drawdown_revertsForNonBorrower() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotBorrower.selector, id, lender1));
        vm.prank(lender1);
        loans.drawdown(id);
    }

    // ------------------------------------------------------------ cancel / expire / refund

    function test_refund_afterWithdrawReturnsFundsAndCollateral() public {
        nft.mint(borrower, 5);
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        p.collateralToken = address(nft);
        p.collateralId = 5;
        uint256 id = _request(p);
        vm.prank(underwriter);
        loans.approve(id, PRINCIPAL, RATE);
        _fund(id, lender1, 4_000e6);
        vm.prank(borrower);
        loans.withdrawRequest(id);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Cancelled));
        assertEq(loans.exposureOf(BORROWER_CO), 0);
        uint256 before = usd.balanceOf(lender1);
        vm.prank(lender1);
        assertEq(loans.refund(id), 4_000e6);
        assertEq(usd.balanceOf(lender1), before + 4_000e6);
        loans.releaseCollateral(id);
        assertEq(nft.ownerOf(5), borrower);
        assertEq(loans.loanSecuredBy(5), 0);
        assertEq(loans.loan(id).collateralId, 0);
    }

    function test_refund_expiresAfterDeadlineEvenWhenPaused() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 4_000e6);
        vm.warp(block.timestamp + 8 days);
        vm.prank(pauser);
        loans.pause();
        vm.prank(lender1);
        loans.refund(id);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Expired));
    }

    function test_refund_followsTransferredNotes() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 4_000e6);
        vm.prank(lender1);
        notes.safeTransferFrom(lender1, lender2, id, 1_000e6, "");
        vm.prank(borrower);
        loans.withdrawRequest(id);
        vm.prank(lender2);
        assertEq(loans.refund(id), 1_000e6);
        vm.prank(lender1);
        assertEq(loans.refund(id), 3_000e6);
    }

    function test_refund_revertsWithoutNotes() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(borrower);
        loans.withdrawRequest(id);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNothingToRefund.selector, id, lender1));
        vm.prank(lender1);
        loans.refund(id);
    }

    function test_refund_revertsWhileFundingOpen() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 1e6);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Funding)
        );
        vm.prank(lender1);
        loans.refund(id);
    }

    function test_expire_revertsBeforeDeadline() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        uint40 deadline = loans.loan(id).fundingDeadline;
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanFundingStillOpen.selector, id, deadline, block.timestamp)
        );
        loans.expire(id);
    }

    function test_withdrawRequest_revertsAfterDrawdown() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Active)
        );
        vm.prank(borrower);
        loans.withdrawRequest(id);
    }

    // ------------------------------------------------------------ repay / claim

    function test_repay_onTimeInstallmentsPayOffAndRecordCredit() public {
        uint256 id = _active(PRINCIPAL, 3, Schedule.Kind.Amortizing);
        for (uint256 k = 0; k < 3; ++k) {
            vm.warp(lens.installment(id, k).dueDate);
            _repay(id, _installmentTotal(id, k));
        }
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        ICreditHistory.CreditRecord memory r = credit.recordOf(BORROWER_CO);
        assertEq(r.loansOnTime, 1);
        assertEq(r.loansCreditedVolume, PRINCIPAL);
        assertEq(loans.exposureOf(BORROWER_CO), 0);
    }

    function test_repay_waterfallFeesInterestPrincipal() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        (uint40 due, uint128 p0, uint128 i0, , ) = _rowTuple(id, 0);
        vm.warp(due + 13 days); // 10 days past the 3-day grace
        uint256 fee = (uint256(p0 + i0) * LATE_FEE_BPS * 10 days + 10_000 * 365 days - 1) / (10_000 * 365 days);
        vm.expectEmit(address(loans));
        emit ILoanManager.LoanRepaid(id, borrower, borrower, fee + i0, fee, i0, 0, 0);
        _repay(id, fee + i0);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(ln.feesOwed, 0);
        assertEq(ln.headPaid, i0);
        assertEq(ln.head, 0);
    }

    function test_repay_excessPrepaysAndShortens() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        (uint40 due, , , , ) = _rowTuple(id, 0);
        vm.warp(due - 1 days);
        uint256 first = _installmentTotal(id, 0);
        _repay(id, first + 5_000e6);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(ln.prepaid, 5_000e6);
        assertEq(ln.head, 1);
        // The last installments vanished: the tail has no principal left.
        assertEq(lens.installment(id, 11).principal, 0);
        (, , uint256 pr, uint256 total) = lens.payoffQuote(id);
        _repay(id, total + 1_000e6);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertGt(pr, 0);
    }

    function test_repay_takesOnlyWhatIsOwed() public {
        uint256 id = _active(PRINCIPAL, 1, Schedule.Kind.Bullet);
        (, , , uint256 total) = lens.payoffQuote(id);
        assertEq(_repay(id, total * 2), total);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Repaid)
        );
        _repay(id, 1);
    }

    function test_repay_anyoneMayPayAndWorksWhenPaused() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(pauser);
        loans.pause();
        vm.prank(recovery);
        assertEq(loans.repay(id, 1e6), 1e6);
    }

    function test_repay_revertsOnZero() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(ILoanManager.LoanZeroAmount.selector);
        _repay(id, 0);
    }

    function test_repay_revertsBeforeDrawdown() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Funding)
        );
        _repay(id, 1);
    }

    function test_claim_proRataAndFollowsTransfer() public {
        uint256 id = _active(9_000e6, 12, Schedule.Kind.Amortizing);
        _repay(id, 900e6);
        // lender1 holds 3,000 of 9,000 units; lender2 6,000.
        assertEq(loans.claimable(id, lender1), 300e6);
        vm.prank(lender1);
        notes.safeTransferFrom(lender1, lender2, id, 3_000e6, "");
        _repay(id, 900e6);
        assertEq(loans.claimable(id, lender1), 300e6);
        assertEq(loans.claimable(id, lender2), 600e6 + 900e6);
        vm.prank(lender1);
        assertEq(loans.claim(id), 300e6);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNothingToClaim.selector, id, lender1));
        vm.prank(lender1);
        loans.claim(id);
    }

    // ------------------------------------------------------------ late, impair, default

    function test_impair_feesSurviveAndCureClearsFlag() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        (uint40 due, , , , ) = _rowTuple(id, 0);
        vm.warp(due + 14 days);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotLateEnough.selector, id, 14, IMPAIR_DAYS));
        vm.prank(poolManager);
        loans.impair(id);
        vm.warp(due + 20 days);
        vm.prank(poolManager);
        loans.impair(id);
        assertTrue(loans.loan(id).impaired);
        (uint256 fees, , , ) = lens.payoffQuote(id);
        assertGt(fees, 0);
        uint256 dueNow = lens.amountDue(id);
        uint256 paid = _repay(id, dueNow);
        assertEq(paid, dueNow);
        assertFalse(loans.loan(id).impaired);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(ln.feesOwed, 0);
        assertGt(ln.maxDaysLate, 0);
    }

    function test_markDefaulted_keepsFeesRecordsAndSeizesCollateral() public {
        nft.mint(borrower, 9);
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        p.collateralToken = address(nft);
        p.collateralId = 9;
        uint256 id = _request(p);
        vm.prank(underwriter);
        loans.approve(id, PRINCIPAL, RATE);
        _fund(id, lender1, PRINCIPAL);
        vm.prank(borrower);
        loans.drawdown(id);
        (uint40 due, , , , ) = _rowTuple(id, 0);
        vm.warp(due + 59 days);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotLateEnough.selector, id, 59, DEFAULT_DAYS));
        vm.prank(poolManager);
        loans.markDefaulted(id);
        vm.warp(due + 61 days);
        vm.prank(poolManager);
        loans.markDefaulted(id);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(uint8(ln.status), uint8(ILoanManager.Status.Defaulted));
        assertGt(ln.feesOwed, 0);
        assertEq(credit.recordOf(BORROWER_CO).loansDefaulted, 1);
        // The clock stopped: the quote does not grow.
        (, , , uint256 total) = lens.payoffQuote(id);
        vm.warp(block.timestamp + 100 days);
        (, , , uint256 later) = lens.payoffQuote(id);
        assertEq(later, total);
        vm.prank(poolManager);
        loans.seizeCollateral(id, recovery);
        assertEq(nft.ownerOf(9), recovery);
        // Recovery proceeds flow to lenders through the same accumulator.
        vm.prank(recovery);
        loans.repay(id, 5_000e6);
        // Rounded down per unit: at most one unit short, never more than was paid.
        assertApproxEqAbs(loans.claimable(id, lender1), 5_000e6, 1);
        assertLe(loans.claimable(id, lender1), 5_000e6);
    }

    function test_seizeCollateral_revertsWhenNotDefaulted() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Active)
        );
        vm.prank(poolManager);
        loans.seizeCollateral(id, recovery);
    }

    function test_releaseCollateral_revertsWithoutCollateral() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(borrower);
        loans.withdrawRequest(id);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNoCollateral.selector, id));
        loans.releaseCollateral(id);
    }

    function test_installments_tableRowsAndStatuses() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.warp(lens.installment(id, 0).dueDate);
        _repay(id, _installmentTotal(id, 0));
        vm.warp(lens.installment(id, 1).dueDate + 5 days);
        ILoanLens.InstallmentRow[] memory rows = lens.installments(id);
        assertEq(rows.length, 12);
        assertEq(uint8(rows[0].status), uint8(ILoanLens.InstallmentStatus.Paid));
        assertEq(uint8(rows[1].status), uint8(ILoanLens.InstallmentStatus.Late));
        assertEq(uint8(rows[2].status), uint8(ILoanLens.InstallmentStatus.Upcoming));
        uint256 sum;
        for (uint256 k = 0; k < 12; ++k) sum += rows[k].principal;
        assertEq(sum, PRINCIPAL);
    }

    function test_setPolicy_revertsOnInvalid() public {
        ILoanManager.Policy memory p = ILoanManager.Policy(100, 3, 90, 60);
        vm.prank(policyAdmin);
        (bool ok, ) = address(manager).call(
            abi.encodeWithSignature(
                "schedule(address,bytes,uint48)",
                address(loans),
                abi.encodeCall(ILoanManager.setPolicy, (p)),
                uint48(0)
            )
        );
        assertTrue(ok);
        vm.warp(block.timestamp + POLICY_DELAY);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanInvalidPolicy.selector, 100, 90, 60));
        vm.prank(policyAdmin);
        manager.execute(address(loans), abi.encodeCall(ILoanManager.setPolicy, (p)));
    }

    // ------------------------------------------------------------ remaining revert paths

    function test_constructor_revertsOnZeroAddress() public {
        ILoanManager.Policy memory p = loans.policy();
        vm.expectRevert(ILoanManager.LoanZeroAddress.selector);
        new LoanManager(address(manager), registry, credit, usd, ILoanCalculator(address(0)), p);
    }

    function test_request_revertsOnPrincipalAbove96Bits() public {
        uint128 big = uint128(type(uint96).max) + 1;
        ILoanManager.RequestParams memory p = _params(big, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanPrincipalTooLarge.selector, big, uint256(type(uint96).max))
        );
        _request(p);
    }

    function test_accept_revertsAfterDeadline() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.prank(underwriter);
        loans.approve(id, 1e6, RATE);
        uint40 deadline = loans.loan(id).fundingDeadline;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanFundingClosed.selector, id, deadline, deadline + 1));
        vm.prank(borrower);
        loans.accept(id);
    }

    function test_accept_revertsWhenNotOffered() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Pending)
        );
        vm.prank(borrower);
        loans.accept(id);
    }

    function test_expire_afterDeadlineByAnyone() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.warp(block.timestamp + 8 days);
        vm.expectEmit(address(loans));
        emit ILoanManager.LoanClosedUnfunded(id, stranger, ILoanManager.Status.Expired);
        vm.prank(stranger);
        loans.expire(id);
    }

    function test_drawdown_revertsAfterDeadline() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, PRINCIPAL);
        uint40 deadline = loans.loan(id).fundingDeadline;
        vm.warp(deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanFundingClosed.selector, id, deadline, deadline + 1));
        vm.prank(borrower);
        loans.drawdown(id);
    }

    function test_fundAndDrawdown_revertWhenPaused() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(pauser);
        loans.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _fund(id, lender1, 1e6);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(borrower);
        loans.drawdown(id);
    }

    function test_claim_worksWhenPaused() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _repay(id, 3_000e6);
        vm.prank(pauser);
        loans.pause();
        vm.prank(lender2);
        assertGt(loans.claim(id), 0);
    }

    function test_impair_revertsWhenAlreadyImpaired() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.warp(lens.installment(id, 0).dueDate + 20 days);
        vm.prank(poolManager);
        loans.impair(id);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanAlreadyImpaired.selector, id));
        vm.prank(poolManager);
        loans.impair(id);
    }

    function test_impair_revertsForStranger() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        loans.impair(id);
    }

    function test_markDefaulted_revertsWhenNotActive() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Funding)
        );
        vm.prank(poolManager);
        loans.markDefaulted(id);
    }

    function test_repay_revertsWhenRecoveredInFull() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.warp(lens.installment(id, 0).dueDate + 61 days);
        vm.prank(poolManager);
        loans.markDefaulted(id);
        (, , , uint256 total) = lens.payoffQuote(id);
        vm.prank(recovery);
        assertEq(loans.repay(id, total), total);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNothingOwed.selector, id));
        vm.prank(recovery);
        loans.repay(id, 1);
    }

    function test_payoff_neverDropsLateFees() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.warp(lens.installment(id, 1).dueDate + 10 days);
        vm.prank(poolManager);
        loans.impair(id);
        (uint256 fees, , , uint256 total) = lens.payoffQuote(id);
        assertGt(fees, 0);
        _repay(id, total);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertEq(loans.loan(id).repaid, total);
    }

    function test_releaseCollateral_revertsWhileActive() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Active)
        );
        loans.releaseCollateral(id);
    }

    function test_setLender_revertsOnZeroAndForStranger() public {
        vm.expectRevert(ILoanManager.LoanZeroAddress.selector);
        vm.prank(poolManager);
        loans.setLender(address(0), true);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        loans.setLender(stranger, true);
    }

    function test_notes_onlyManagerMints() public {
        vm.expectRevert(abi.encodeWithSelector(ILoanNotes.LoanNotesNotManager.selector, stranger));
        vm.prank(stranger);
        notes.mint(stranger, 1, 1);
    }
}
