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
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";

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
        id = _issued(face, address(usd));
        vm.prank(debtor);
        receivables.acknowledge(
            id,
            keccak256(abi.encode(BORROWER_CO, DEBTOR_CO)),
            string.concat("N-", vm.toString(nextDoc - 1)),
            face,
            uint40(block.timestamp + 400 days)
        );
    }

    /// @dev A receivable of `face` in `currency` issued by the borrower, not acknowledged.
    function _issued(uint128 face, address currency) internal returns (uint256 id) {
        uint256 doc = nextDoc++;
        vm.prank(borrower);
        id = receivables.tokenize(
            IReceivableToken.TokenizeParams({
                debtor: debtor,
                currency: currency,
                faceValue: face,
                issueDate: uint40(block.timestamp),
                dueDate: uint40(block.timestamp + 400 days),
                documentHash: keccak256(abi.encode("invoice", doc)),
                invoiceNumber: string.concat("N-", vm.toString(doc)),
                metadataURI: ""
            })
        );
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

    /// F-18: a payment after funding and before drawdown is held for the loan; the borrower
    /// draws the principal only, and what was held repays the loan once it is drawn.
    function test_collateralPayment_beforeDrawdownStaysWithLoan() public {
        uint256 id = _securedFunded();
        uint256 borrowerBefore = usd.balanceOf(borrower);
        vm.expectEmit(vault);
        emit ICollateralVault.CollateralPaymentHeld(id, invoice, debtor, 1_000e6, 1_000e6);
        _debtorPays(1_000e6);
        assertEq(usd.balanceOf(borrower), borrowerBefore, "nothing to the borrower");
        assertEq(usd.balanceOf(vault), 1_000e6, "held for the loan");
        assertEq(collateralVault.heldFor(id), 1_000e6);
        vm.prank(borrower);
        loans.drawdown(id);
        assertEq(usd.balanceOf(borrower), borrowerBefore + PRINCIPAL, "principal only");
        vm.expectEmit(vault);
        emit ICollateralVault.CollateralHeldReleased(id, borrower, 1_000e6, 1_000e6, 0);
        vm.prank(lender1);
        collateralVault.settleHeld(id);
        assertEq(loans.loan(id).repaid, 1_000e6, "applied to the loan");
        assertEq(usd.balanceOf(vault), 0);
        assertEq(collateralVault.heldFor(id), 0);
    }

    /// F-18, the reported case: the invoice is paid in full before drawdown. The borrower never
    /// gets both the principal and the proceeds: the loan is paid off from them, and only the
    /// excess over the payoff reaches the borrower.
    function test_collateralPayment_paidInFullBeforeDrawdown_paysOffLoanNotBorrower() public {
        uint256 id = _securedFunded();
        uint256 borrowerBefore = usd.balanceOf(borrower);
        _debtorPays(FACE);
        vm.prank(borrower);
        loans.drawdown(id);
        (, , , uint256 owed) = lens.payoffQuote(id);
        collateralVault.settleHeld(id);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertEq(loans.loan(id).repaid, owed);
        assertEq(usd.balanceOf(borrower), borrowerBefore + PRINCIPAL + FACE - owed);
        assertEq(usd.balanceOf(vault), 0);
    }

    /// F-18: held payments stay held while the loan is undrawn, even after more payments.
    function test_settleHeld_revertsBeforeDrawdown() public {
        uint256 id = _securedFunded();
        _debtorPays(1_000e6);
        _debtorPays(500e6);
        assertEq(collateralVault.heldFor(id), 1_500e6);
        vm.expectRevert(
            abi.encodeWithSelector(ICollateralVault.CollateralLoanNotDrawn.selector, id, ILoanManager.Status.Funding)
        );
        collateralVault.settleHeld(id);
    }

    /// F-18: the next payment after drawdown applies what was held before it, then itself.
    function test_collateralPayment_afterDrawdownAppliesHeldFirst() public {
        uint256 id = _securedFunded();
        _debtorPays(1_000e6);
        vm.prank(borrower);
        loans.drawdown(id);
        _debtorPays(500e6);
        assertEq(loans.loan(id).repaid, 1_500e6);
        assertEq(usd.balanceOf(vault), 0);
        assertEq(collateralVault.heldFor(id), 0);
    }

    /// F-18: when what was held pays the loan off, the next payment goes to the borrower instead
    /// of failing on a repaid loan (the debtor's payment is never blocked).
    function test_collateralPayment_afterHeldPaidLoanOff_nextPaymentGoesToBorrower() public {
        uint256 id = _securedFunded();
        _debtorPays(FACE - 1_000e6);
        vm.prank(borrower);
        loans.drawdown(id);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        (, , , uint256 owed) = lens.payoffQuote(id);
        _debtorPays(1_000e6);
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertEq(loans.loan(id).repaid, owed);
        assertEq(usd.balanceOf(borrower), borrowerBefore + FACE - owed);
        assertEq(usd.balanceOf(vault), 0);
    }

    /// F-18: a loan closed undrawn owes nothing; lenders get their money back in full and what
    /// was held returns to the borrower.
    function test_settleHeld_returnsToBorrowerWhenLoanClosedUndrawn() public {
        uint256 id = _securedFunded();
        _debtorPays(1_000e6);
        vm.prank(borrower);
        loans.withdrawRequest(id);
        uint256 borrowerBefore = usd.balanceOf(borrower);
        collateralVault.settleHeld(id);
        assertEq(usd.balanceOf(borrower), borrowerBefore + 1_000e6);
        vm.prank(lender1);
        assertEq(loans.refund(id), PRINCIPAL / 3);
        vm.expectRevert(abi.encodeWithSelector(ICollateralVault.CollateralNothingHeld.selector, id));
        collateralVault.settleHeld(id);
    }

    /// F-18 / F-9: an invoice its debtor has not acknowledged cannot back a loan (the pool needs
    /// the acknowledgement too).
    function test_request_revertsWhenCollateralNotAcknowledged() public {
        uint256 issued = _issued(FACE, address(usd));
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanCollateralNotAcknowledged.selector,
                issued,
                IReceivableToken.Status.Issued
            )
        );
        _request(_securedParams(issued));
    }

    /// A disputed invoice cannot back a loan either.
    function test_request_revertsWhenCollateralDisputed() public {
        vm.prank(debtor);
        receivables.dispute(invoice, bytes32("wrong goods"));
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanCollateralNotAcknowledged.selector,
                invoice,
                IReceivableToken.Status.Disputed
            )
        );
        _request(_securedParams(invoice));
    }

    /// F-18: an invoice in another currency than the loan's is refused at request.
    function test_request_revertsWhenCollateralCurrencyDiffersFromLoan() public {
        DemoUSD eur = new DemoUSD(address(this));
        vm.prank(admin);
        receivables.setCurrencyAllowed(address(eur), true);
        uint256 id = _issued(FACE, address(eur));
        vm.prank(debtor);
        receivables.acknowledge(
            id,
            keccak256(abi.encode(BORROWER_CO, DEBTOR_CO)),
            string.concat("N-", vm.toString(nextDoc - 1)),
            FACE,
            uint40(block.timestamp + 400 days)
        );
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanCollateralCurrencyMismatch.selector, id, address(eur), address(usd))
        );
        _request(_securedParams(id));
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
