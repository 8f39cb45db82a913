// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {LoanBase} from "./LoanBase.sol";
import {ILoanManager, LOAN_MAX_INSTALLMENTS} from "../../contracts/interfaces/ILoanManager.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Revert paths (exact error and arguments) and views of the loan manager, lens and notes
/// not covered elsewhere.
contract LoanRevertsTest is LoanBase {
    // ------------------------------------------------------------ revert paths

    function test_request_revertsWhenRegistryReturnsZeroEntity() public {
        // The registry itself refuses a zero entity, and its `verifiedEntity` answers zero only
        // for an account not verified for the role; the manager refuses a zero answer whatever
        // the registry's reason, so no loan is ever booked under entity zero.
        vm.mockCall(
            address(registry),
            abi.encodeWithSelector(IIdentityRegistry.verifiedEntity.selector, borrower, PartyRoles.SME),
            abi.encode(bytes32(0))
        );
        ILoanManager.RequestParams memory p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(borrower);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotVerified.selector, borrower, PartyRoles.SME));
        loans.request(p);
    }

    function test_drawdown_revertsWhenNotFunding() public {
        uint256 id = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        vm.prank(borrower);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Pending)
        );
        loans.drawdown(id);
    }

    function test_drawdown_revertsWhenBorrowerKycRevoked() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, PRINCIPAL / 3);
        _fund(id, lender2, PRINCIPAL - PRINCIPAL / 3);
        vm.prank(kyc);
        registry.revoke(borrower, keccak256("sanctions"));
        vm.prank(borrower);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotVerified.selector, borrower, PartyRoles.SME));
        loans.drawdown(id);
    }

    function test_impair_revertsWhenNotActive() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(poolManager);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanInvalidStatus.selector, id, ILoanManager.Status.Funding)
        );
        loans.impair(id);
    }

    function test_seizeCollateral_revertsOnZeroRecipient() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.prank(poolManager);
        vm.expectRevert(ILoanManager.LoanZeroAddress.selector);
        loans.seizeCollateral(id, address(0));
    }

    // ------------------------------------------------------------ manager views

    function test_daysLate_countsWholeDaysPastOldestDue() public {
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        assertEq(loans.daysLate(id), 0, "nothing due yet");
        vm.warp(block.timestamp + MONTH + 10 days + 1 hours);
        assertEq(loans.daysLate(id), 10);
    }

    function test_daysLate_zeroWhenNotLive() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.warp(block.timestamp + 2 * MONTH);
        assertEq(loans.daysLate(id), 0);
    }

    function test_daysLate_revertsForUnknownLoan() public {
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotFound.selector, 42));
        loans.daysLate(42);
    }

    function test_wiringViews_returnConstructorArguments() public view {
        assertEq(address(loans.asset()), address(usd));
        assertEq(address(loans.identityRegistry()), address(registry));
        assertEq(address(loans.creditHistory()), address(credit));
        address calc = address(loans.calculator());
        assertNotEq(calc, address(0));
        assertGt(calc.code.length, 0);
    }

    function test_isLender_followsSetLender() public {
        assertFalse(loans.isLender(lender1));
        vm.prank(poolManager);
        loans.setLender(lender1, true);
        assertTrue(loans.isLender(lender1));
        vm.prank(poolManager);
        loans.setLender(lender1, false);
        assertFalse(loans.isLender(lender1));
    }

    function test_loanCount_countsRequests() public {
        assertEq(loans.loanCount(), 0);
        uint256 first = _request(_params(PRINCIPAL, 12, Schedule.Kind.Amortizing));
        uint256 second = _request(_params(PRINCIPAL, 6, Schedule.Kind.Bullet));
        assertEq(first, 1, "ids start at 1");
        assertEq(second, 2);
        assertEq(loans.loanCount(), 2);
    }

    // ------------------------------------------------------------ lens and notes

    function test_lensManager_andNotesManager() public view {
        assertEq(address(lens.manager()), address(loans));
        assertEq(notes.manager(), address(loans));
    }

    function test_amountDue_zeroWhenNotLive() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        vm.warp(block.timestamp + 2 * MONTH);
        assertEq(lens.amountDue(id), 0);
    }

    function test_principalOutstanding_followsRepayments() public {
        uint256 pending = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        assertEq(lens.principalOutstanding(pending), 0, "not drawn");
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        assertEq(lens.principalOutstanding(id), PRINCIPAL);
        vm.warp(block.timestamp + MONTH);
        (, uint128 p, , , ) = _rowTuple(id, 0);
        _repay(id, _installmentTotal(id, 0));
        assertEq(lens.principalOutstanding(id), PRINCIPAL - p);
    }

    function test_principalRepaid_complementsPrincipalOutstanding() public {
        uint256 pending = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        assertEq(loans.principalRepaid(pending), 0, "not drawn");
        uint256 id = _active(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        assertEq(loans.principalRepaid(id), 0, "drawn, nothing repaid");
        vm.warp(block.timestamp + MONTH);
        (, uint128 p, , , ) = _rowTuple(id, 0);
        _repay(id, _installmentTotal(id, 0));
        assertEq(loans.principalRepaid(id), p, "the first row's principal");
        // A part payment: interest first, so principal moves only past the row's interest.
        vm.warp(block.timestamp + MONTH);
        _repay(id, _installmentTotal(id, 1) - 1);
        assertEq(loans.principalRepaid(id) + lens.principalOutstanding(id), PRINCIPAL, "telescopes");
        // Paid off: all of it.
        (, , , uint256 total) = lens.payoffQuote(id);
        _repay(id, total);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertEq(loans.principalRepaid(id), PRINCIPAL, "repaid");
    }

    function test_principalRepaid_revertsForUnknownLoan() public {
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotFound.selector, 999));
        loans.principalRepaid(999);
    }

    /// Finding F-20: the number of installments bounds the work of every repayment; a schedule the
    /// library accepts (up to Schedule.MAX_INSTALLMENTS) but longer than a loan may have is refused.
    function test_request_revertsAboveMaxInstallments() public {
        assertLt(LOAN_MAX_INSTALLMENTS, Schedule.MAX_INSTALLMENTS);
        ILoanManager.RequestParams memory p = _params(
            PRINCIPAL,
            uint16(LOAN_MAX_INSTALLMENTS + 1),
            Schedule.Kind.Amortizing
        );
        p.period = 1 days;
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanTooManyInstallments.selector,
                LOAN_MAX_INSTALLMENTS + 1,
                LOAN_MAX_INSTALLMENTS
            )
        );
        _request(p);
        p.count = uint16(Schedule.MAX_INSTALLMENTS);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanTooManyInstallments.selector,
                Schedule.MAX_INSTALLMENTS,
                LOAN_MAX_INSTALLMENTS
            )
        );
        _request(p);
        p.count = uint16(LOAN_MAX_INSTALLMENTS);
        uint256 id = _request(p);
        assertEq(loans.loan(id).terms.count, LOAN_MAX_INSTALLMENTS, "the cap itself is accepted");
    }
}
