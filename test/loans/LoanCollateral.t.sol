// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {LoanBase} from "./LoanBase.sol";
import {MockCollateral} from "./LoanMocks.sol";
import {ReceivableToken} from "../../contracts/receivables/ReceivableToken.sol";
import {IReceivablePaymentHook} from "../../contracts/interfaces/IReceivablePaymentHook.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {ICollateralVault} from "../../contracts/interfaces/ICollateralVault.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Receivables pledged as loan collateral, with the real ReceivableToken: the debtor's
/// payments on a pledged invoice are booked on the loan it secures (waterfall, excess to the
/// borrower, recoveries to lenders after default) and never stay in the vault or the manager.
contract LoanCollateralTest is LoanBase {
    bytes32 internal constant DEBTOR_CO = keccak256("entity:debtor-co");
    uint128 internal constant FACE = 20_000e6;

    ReceivableToken internal receivables;
    ICollateralVault internal collateralVault;
    address internal debtor = makeAddr("debtor");
    uint256 internal invoice;
    uint256 internal nextDoc = 1;

    function _collateralToken() internal override returns (address) {
        receivables = new ReceivableToken(address(manager), registry);
        return address(receivables);
    }

    function setUp() public override {
        super.setUp();
        collateralVault = ICollateralVault(vault);
        // Admin-only until mapped to roles, as in deployment's set-up phase.
        vm.startPrank(admin);
        receivables.setCurrencyAllowed(address(usd), true);
        receivables.registerFinancier(vault, true);
        vm.stopPrank();
        _verifyAs(debtor, PartyRoles.DEBTOR, DEBTOR_CO);
        usd.mint(debtor, 1_000_000e6);
        vm.prank(debtor);
        usd.approve(address(receivables), type(uint256).max);
        vm.prank(borrower);
        receivables.setApprovalForAll(address(loans), true);
        invoice = _invoice(FACE);
    }

    /// @dev A receivable of `face` issued by the borrower and acknowledged by the debtor.
    function _invoice(uint128 face) internal returns (uint256 id) {
        uint256 doc = nextDoc++;
        vm.prank(borrower);
        id = receivables.tokenize(
            IReceivableToken.TokenizeParams({
                debtor: debtor,
                currency: address(usd),
                faceValue: face,
                issueDate: uint40(block.timestamp),
                dueDate: uint40(block.timestamp + 400 days),
                documentHash: keccak256(abi.encode("invoice", doc)),
                invoiceNumberHash: keccak256(abi.encode("number", doc)),
                metadataURI: ""
            })
        );
        vm.prank(debtor);
        receivables.acknowledge(id, 0);
    }

    function _securedParams(uint256 tokenId) internal view returns (ILoanManager.RequestParams memory p) {
        p = _params(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        p.collateralToken = address(receivables);
        p.collateralId = tokenId;
    }

    /// @dev Secured by `invoice`, approved, funded 1/3 by lender1 and 2/3 by lender2.
    function _securedFunded() internal returns (uint256 id) {
        id = _request(_securedParams(invoice));
        vm.prank(underwriter);
        loans.approve(id, PRINCIPAL, RATE);
        _fund(id, lender1, PRINCIPAL / 3);
        _fund(id, lender2, PRINCIPAL - PRINCIPAL / 3);
    }

    function _securedActive() internal returns (uint256 id) {
        id = _securedFunded();
        vm.prank(borrower);
        loans.drawdown(id);
    }

    function _debtorPays(uint128 amount) internal {
        vm.prank(debtor);
        receivables.pay(invoice, amount);
    }

    // ------------------------------------------------------------ set-up and access

    function test_request_escrowsReceivableInVault() public {
        uint256 id = _request(_securedParams(invoice));
        assertEq(receivables.ownerOf(invoice), vault);
        assertEq(loans.loanSecuredBy(invoice), id);
        assertEq(loans.loan(id).collateralId, invoice);
        assertEq(collateralVault.receivables(), address(receivables));
        assertEq(collateralVault.manager(), address(loans));
    }

    function test_request_revertsWhenCollateralTokenNotAccepted() public {
        MockCollateral other = new MockCollateral();
        other.mint(borrower, 1);
        ILoanManager.RequestParams memory p = _securedParams(1);
        p.collateralToken = address(other);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanCollateralNotAccepted.selector, address(other), 1));
        _request(p);
    }

    function test_request_revertsWhenCollateralIdZero() public {
        ILoanManager.RequestParams memory p = _securedParams(0);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanCollateralNotAccepted.selector, address(receivables), 0)
        );
        _request(p);
    }

    function test_setCollateralToken_revertsWhenAlreadySet() public {
        vm.expectRevert(abi.encodeWithSelector(ICollateralVault.CollateralAlreadyBound.selector, address(receivables)));
        vm.prank(admin);
        loans.setCollateralToken(address(nft));
    }

    function test_setCollateralToken_revertsOnZero() public {
        vm.expectRevert(ILoanManager.LoanZeroAddress.selector);
        vm.prank(admin);
        loans.setCollateralToken(address(0));
    }

    function test_setCollateralToken_revertsForStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        loans.setCollateralToken(address(nft));
    }

    function test_bind_revertsWhenNotManager() public {
        vm.expectRevert(abi.encodeWithSelector(ICollateralVault.CollateralNotManager.selector, stranger));
        vm.prank(stranger);
        collateralVault.bind(stranger);
    }

    function test_onReceivablePayment_revertsWhenCallerIsNotReceivableToken() public {
        uint256 id = _securedActive();
        usd.mint(vault, 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(ICollateralVault.CollateralUnauthorizedHookCaller.selector, stranger));
        vm.prank(stranger);
        collateralVault.onReceivablePayment(
            invoice,
            stranger,
            1_000e6,
            IReceivablePaymentHook.PaidInvoice(stranger, address(usd), 0, 0)
        );
        assertEq(loans.loan(id).repaid, 0);
    }

    function test_onReceivablePaymentAttested_revertsWhenCallerIsNotReceivableToken() public {
        vm.expectRevert(abi.encodeWithSelector(ICollateralVault.CollateralUnauthorizedHookCaller.selector, stranger));
        vm.prank(stranger);
        collateralVault.onReceivablePaymentAttested(invoice, 1, bytes32(0));
    }

    // ------------------------------------------------------------ payments on collateral

    function test_onReceivablePayment_repaysTheLoanItSecures() public {
        uint256 id = _securedActive();
        vm.warp(lens.installment(id, 0).dueDate);
        uint256 due = _installmentTotal(id, 0);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        vm.expectEmit(vault);
        emit ICollateralVault.CollateralPaymentBooked(id, invoice, borrower, debtor, address(usd), due, due, 0);
        _debtorPays(uint128(due));
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(ln.head, 1);
        assertEq(ln.repaid, due);
        assertEq(usd.balanceOf(borrower), borrowerBefore);
        assertEq(usd.balanceOf(vault), 0);
        assertEq(receivables.receivable(invoice).amountPaid, due);
        // Lenders pull their share as from any repayment (rounded down, at most a unit short).
        assertApproxEqAbs(loans.claimable(id, lender1), due / 3, 1);
        vm.prank(lender2);
        assertApproxEqAbs(loans.claim(id), due - due / 3, 1);
    }

    function test_onReceivablePayment_paysLateFeesFirst() public {
        uint256 id = _securedActive();
        (uint40 due0, , , , ) = _rowTuple(id, 0);
        vm.warp(due0 + 20 days);
        vm.prank(poolManager);
        loans.impair(id);
        (uint256 fees, , , ) = lens.payoffQuote(id);
        assertGt(fees, 0);
        _debtorPays(uint128(fees));
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(ln.feesOwed, 0);
        assertEq(ln.repaid, fees);
        assertEq(ln.head, 0);
    }

    function test_onReceivablePayment_sendsExcessToBorrower() public {
        uint256 id = _securedActive();
        vm.warp(block.timestamp + 45 days);
        (, , , uint256 owed) = lens.payoffQuote(id);
        assertLt(owed, FACE);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        vm.expectEmit(vault);
        emit ICollateralVault.CollateralPaymentBooked(
            id,
            invoice,
            borrower,
            debtor,
            address(usd),
            FACE,
            owed,
            FACE - owed
        );
        _debtorPays(FACE);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertEq(loans.loan(id).repaid, owed);
        assertEq(usd.balanceOf(borrower), borrowerBefore + FACE - owed);
        assertEq(usd.balanceOf(vault), 0);
        assertEq(uint8(receivables.receivable(invoice).status), uint8(IReceivableToken.Status.Paid));
        // The paid invoice goes back to the borrower.
        loans.releaseCollateral(id);
        assertEq(receivables.ownerOf(invoice), borrower);
        assertEq(loans.loanSecuredBy(invoice), 0);
    }

    function test_onReceivablePayment_afterDefaultGoesToLenders() public {
        uint256 id = _securedActive();
        (uint40 due0, , , , ) = _rowTuple(id, 0);
        vm.warp(due0 + 61 days);
        vm.prank(poolManager);
        loans.markDefaulted(id);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        _debtorPays(5_000e6);
        assertEq(loans.loan(id).repaid, 5_000e6);
        assertEq(usd.balanceOf(borrower), borrowerBefore);
        assertApproxEqAbs(loans.claimable(id, lender1), uint256(5_000e6) / 3, 1);
        assertLe(loans.claimable(id, lender1) + loans.claimable(id, lender2), 5_000e6);
        // What is left is capped at what the defaulted loan still owes; the rest is the borrower's.
        (, , , uint256 owed) = lens.payoffQuote(id);
        uint128 rest = FACE - 5_000e6;
        assertLt(owed, rest);
        _debtorPays(rest);
        assertEq(loans.loan(id).repaid, 5_000e6 + owed);
        assertEq(usd.balanceOf(borrower), borrowerBefore + rest - owed);
        assertEq(usd.balanceOf(vault), 0);
    }

    function test_onReceivablePayment_defaultedAndRecoveredGoesToBorrower() public {
        uint256 id = _securedActive();
        (uint40 due0, , , , ) = _rowTuple(id, 0);
        vm.warp(due0 + 61 days);
        vm.prank(poolManager);
        loans.markDefaulted(id);
        (, , , uint256 owed) = lens.payoffQuote(id);
        vm.prank(recovery);
        loans.repay(id, owed);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        _debtorPays(1_000e6);
        assertEq(loans.loan(id).repaid, owed);
        assertEq(usd.balanceOf(borrower), borrowerBefore + 1_000e6);
    }

    function test_onReceivablePayment_beforeDrawdownGoesToBorrower() public {
        uint256 id = _securedFunded();
        uint256 borrowerBefore = usd.balanceOf(borrower);
        _debtorPays(1_000e6);
        assertEq(usd.balanceOf(borrower), borrowerBefore + 1_000e6);
        assertEq(loans.loan(id).repaid, 0);
        assertEq(usd.balanceOf(address(loans)), PRINCIPAL);
    }

    function test_onReceivablePayment_afterCancelGoesToBorrower() public {
        uint256 id = _securedFunded();
        vm.prank(borrower);
        loans.withdrawRequest(id);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        _debtorPays(1_000e6);
        assertEq(usd.balanceOf(borrower), borrowerBefore + 1_000e6);
        // Lenders' escrow is untouched and refundable.
        vm.prank(lender1);
        assertEq(loans.refund(id), PRINCIPAL / 3);
    }

    function test_onReceivablePayment_afterPayoffGoesToBorrower() public {
        uint256 id = _securedActive();
        (, , , uint256 owed) = lens.payoffQuote(id);
        _repay(id, owed);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        _debtorPays(2_000e6);
        assertEq(usd.balanceOf(borrower), borrowerBefore + 2_000e6);
        assertEq(loans.loan(id).repaid, owed);
    }

    function test_onReceivablePayment_revertsForUnpledgedReceivable() public {
        uint256 stray = _invoice(1_000e6);
        vm.prank(borrower);
        receivables.transferFrom(borrower, vault, stray);
        vm.expectRevert(abi.encodeWithSelector(ICollateralVault.CollateralNotPledged.selector, stray));
        vm.prank(debtor);
        receivables.pay(stray, 1_000e6);
    }

    function test_onReceivablePaymentAttested_recordsWithoutMovingMoney() public {
        uint256 id = _securedActive();
        bytes32 ref = keccak256("bank transfer 42");
        vm.expectEmit(vault);
        emit ICollateralVault.CollateralPaymentAttested(id, invoice, 3_000e6, ref);
        vm.prank(admin);
        receivables.attestPayment(invoice, 3_000e6, ref);
        assertEq(loans.loan(id).repaid, 0);
    }

    function test_seizeCollateral_movesReceivableOutOfVault() public {
        uint256 id = _securedActive();
        (uint40 due0, , , , ) = _rowTuple(id, 0);
        vm.warp(due0 + 61 days);
        vm.startPrank(poolManager);
        loans.markDefaulted(id);
        loans.seizeCollateral(id, recovery);
        vm.stopPrank();
        assertEq(receivables.ownerOf(invoice), recovery);
        assertEq(loans.loanSecuredBy(invoice), 0);
        // Now paid to the recovery desk directly, which brings proceeds back through `repay`.
        uint256 before = usd.balanceOf(recovery);
        _debtorPays(1_000e6);
        assertEq(usd.balanceOf(recovery), before + 1_000e6);
    }

    /// @dev Whatever part of the face is paid, and whenever, the vault keeps nothing and every
    /// unit lands either in the loan's escrow (as a booked repayment) or with the borrower.
    function testFuzz_onReceivablePayment_booksEveryUnit(uint128 amount, uint32 elapsed) public {
        amount = uint128(bound(amount, 1, FACE));
        uint256 id = _securedActive();
        vm.warp(block.timestamp + bound(elapsed, 0, 500 days));
        uint256 borrowerBefore = usd.balanceOf(borrower);
        uint256 escrowBefore = usd.balanceOf(address(loans));
        _debtorPays(amount);
        uint256 booked = loans.loan(id).repaid;
        assertEq(usd.balanceOf(vault), 0);
        assertEq(usd.balanceOf(address(loans)), escrowBefore + booked);
        assertEq(usd.balanceOf(borrower), borrowerBefore + amount - booked);
    }
}
