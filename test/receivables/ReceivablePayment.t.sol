// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ReceivableBase} from "./ReceivableBase.sol";
import {MockCreditHistory, MockFinancier, FeeOnTransferToken} from "./ReceivableMocks.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";

/// @notice pay, attestPayment, markDefaulted, financier hooks, credit history, pause rules.
contract ReceivablePaymentTest is ReceivableBase {
    bytes32 internal constant REF = keccak256("bank-transfer-42");
    MockFinancier internal financier;
    MockCreditHistory internal history;

    function setUp() public override {
        super.setUp();
        financier = new MockFinancier(IReceivableToken(address(token)));
        history = new MockCreditHistory();
        vm.startPrank(receivablesAdmin);
        token.registerFinancier(address(financier), true);
        token.setCreditHistory(address(history));
        vm.stopPrank();
    }

    function _financed() internal returns (uint256 id) {
        id = _acknowledged();
        vm.prank(sme);
        token.transferFrom(sme, address(financier), id);
    }

    function _attest(uint256 id, uint128 amount) internal {
        vm.prank(servicer);
        token.attestPayment(id, amount, REF);
    }

    // ------------------------------------------------------------ pay

    function test_pay_partialGoesToHolder() public {
        uint256 id = _acknowledged();
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivablePaid(id, debtor, sme, address(usd), 400, 400, false);
        _pay(id, 400);
        assertEq(usd.balanceOf(sme), 400);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(r.amountPaid, 400);
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Acknowledged));
        assertEq(token.outstanding(id), FACE - 400);
    }

    function test_pay_inFullMarksPaid() public {
        uint256 id = _acknowledged();
        _pay(id, 400);
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivablePaid(id, debtor, sme, address(usd), FACE - 400, FACE, true);
        _pay(id, FACE - 400);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Paid));
        assertEq(r.amountPaid, FACE);
        assertEq(usd.balanceOf(sme), FACE);
        assertEq(token.outstanding(id), 0);
    }

    function test_pay_followsTokenToNewHolder() public {
        uint256 id = _acknowledged();
        _pay(id, 100);
        vm.prank(sme);
        token.transferFrom(sme, buyer, id);
        _pay(id, FACE - 100);
        assertEq(usd.balanceOf(sme), 100);
        assertEq(usd.balanceOf(buyer), FACE - 100);
    }

    function test_pay_byAnyoneAllowed() public {
        uint256 id = _tokenize();
        usd.mint(stranger, 50);
        vm.startPrank(stranger);
        usd.approve(address(token), 50);
        token.pay(id, 50);
        vm.stopPrank();
        assertEq(usd.balanceOf(sme), 50);
    }

    function test_pay_revertsOnOverpayment() public {
        uint256 id = _acknowledged();
        _pay(id, 100);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableOverpayment.selector, id, FACE, FACE - 100));
        _pay(id, FACE);
    }

    function test_pay_revertsOnZeroAmount() public {
        uint256 id = _acknowledged();
        vm.expectRevert(IReceivableToken.ReceivableZeroAmount.selector);
        _pay(id, 0);
    }

    function test_pay_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 5));
        _pay(5, 1);
    }

    function test_pay_revertsWhenPaid() public {
        uint256 id = _acknowledged();
        _pay(id, FACE);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidStatus.selector, id, IReceivableToken.Status.Paid)
        );
        _pay(id, 1);
    }

    function test_pay_revertsWhenCancelled() public {
        uint256 id = _tokenize();
        vm.prank(sme);
        token.cancel(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Cancelled
            )
        );
        _pay(id, 1);
    }

    function test_pay_revertsWhenPayerIsHolder() public {
        uint256 id = _tokenize();
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivablePayerIsHolder.selector, id, sme));
        vm.prank(sme);
        token.pay(id, 1);
    }

    function test_pay_allowedWhileDisputed() public {
        uint256 id = _acknowledged();
        vm.prank(debtor);
        token.dispute(id, bytes32(0));
        _pay(id, FACE);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Paid));
    }

    function test_pay_allowedWhilePaused() public {
        uint256 id = _acknowledged();
        vm.prank(pauser);
        token.pause();
        _pay(id, FACE);
        assertEq(usd.balanceOf(sme), FACE);
    }

    function test_pay_revertsForFeeOnTransferCurrency() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(address(fot), true);
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.currency = address(fot);
        uint256 id = _tokenize(sme, p);
        fot.mint(debtor, FACE);
        vm.prank(debtor);
        fot.approve(address(token), FACE);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableTransferAmountMismatch.selector, address(fot), 1000, 990)
        );
        _pay(id, 1000);
    }

    function test_pay_stillPossibleAfterCurrencyDisallowed() public {
        uint256 id = _acknowledged();
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(address(usd), false);
        _pay(id, FACE);
        assertEq(usd.balanceOf(sme), FACE);
    }

    // ------------------------------------------------------------ hooks

    function test_pay_notifiesRegisteredFinancier() public {
        uint256 id = _financed();
        _pay(id, 700);
        assertEq(financier.paymentCalls(), 1);
        assertEq(financier.lastTokenId(), id);
        assertEq(financier.lastPayer(), debtor);
        assertEq(financier.lastAmount(), 700);
        assertEq(usd.balanceOf(address(financier)), 700);
    }

    function test_pay_passesFinancierTheInvoiceItBooks() public {
        uint256 id = _financed();
        _pay(id, 700);
        (address issuer, address currency, bytes32 issuerEntity, bytes32 debtorEntity) = financier.lastInvoice();
        assertEq(issuer, sme, "issuer");
        assertEq(currency, address(usd), "currency");
        assertEq(issuerEntity, ACME, "the issuer's entity now");
        assertEq(debtorEntity, DEBTOR_CO, "the debtor's entity now");
    }

    function test_pay_passesZeroEntityOfRevokedDebtor() public {
        uint256 id = _financed();
        vm.prank(kyc);
        registry.revoke(debtor, bytes32(0));
        _pay(id, 700);
        (, , , bytes32 debtorEntity) = financier.lastInvoice();
        assertEq(debtorEntity, bytes32(0), "revoked: the holder sees entity zero");
    }

    function test_pay_doesNotCallUnregisteredHolder() public {
        uint256 id = _financed();
        vm.prank(receivablesAdmin);
        token.registerFinancier(address(financier), false);
        _pay(id, 700);
        assertEq(financier.paymentCalls(), 0);
        assertEq(usd.balanceOf(address(financier)), 700);
    }

    function test_pay_revertsWhenHookRejects() public {
        uint256 id = _financed();
        financier.setRejectHook(true);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableHookRejected.selector, address(financier)));
        _pay(id, 700);
    }

    function test_pay_reentrantHookCannotPayTwice() public {
        uint256 id = _financed();
        usd.mint(address(financier), FACE);
        financier.approve(usd, address(token));
        financier.setReenter(true);
        _pay(id, 700);
        assertTrue(financier.reentryFailed(), "inner pay reverted");
        assertEq(token.receivable(id).amountPaid, 700);
        assertEq(usd.balanceOf(address(financier)), FACE + 700);
    }

    function test_pay_reentrantHookRevertsWithGuardError() public {
        uint256 id = _financed();
        usd.mint(address(financier), FACE);
        financier.approve(usd, address(token));
        financier.setReenter(true);
        financier.setStrict(true);
        vm.expectRevert(ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        _pay(id, 700);
    }

    // ------------------------------------------------------------ attestPayment

    function test_attestPayment_recordsSeparatelyAndNotifies() public {
        uint256 id = _financed();
        _pay(id, 300);
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivablePaymentAttested(id, servicer, 200, 200, REF, false);
        _attest(id, 200);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(r.amountPaid, 300);
        assertEq(r.amountAttested, 200);
        assertEq(financier.attestationCalls(), 1);
        assertEq(token.outstanding(id), FACE - 500);
    }

    function test_attestPayment_inFullMarksPaidAndRecordsHistory() public {
        uint256 id = _acknowledged();
        _pay(id, 300);
        _attest(id, FACE - 300);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Paid));
        assertEq(r.amountPaid, 300);
        assertEq(r.amountAttested, FACE - 300);
        assertEq(history.count(), 1);
    }

    function test_attestPayment_revertsForNonServicer() public {
        uint256 id = _acknowledged();
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        token.attestPayment(id, 1, REF);
    }

    function test_attestPayment_revertsOnOverpayment() public {
        uint256 id = _acknowledged();
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableOverpayment.selector, id, FACE + 1, FACE));
        _attest(id, FACE + 1);
    }

    function test_attestPayment_revertsOnZero() public {
        uint256 id = _acknowledged();
        vm.expectRevert(IReceivableToken.ReceivableZeroAmount.selector);
        _attest(id, 0);
    }

    function test_attestPayment_revertsWhenHookRejects() public {
        uint256 id = _financed();
        financier.setRejectHook(true);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableHookRejected.selector, address(financier)));
        _attest(id, 1);
    }

    // ------------------------------------------------------------ markDefaulted

    function test_markDefaulted_byFinancierHolderAfterDue() public {
        uint256 id = _financed();
        _pay(id, 1000);
        vm.warp(DUE + 3 days + 1);
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableDefaulted(id, address(financier), FACE - 1000);
        financier.markDefaulted(id);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Defaulted));
        MockCreditHistory.Entry memory e = history.entry(0);
        assertEq(e.entity, ACME);
        assertEq(e.faceValue, FACE);
        assertEq(uint8(e.outcome), uint8(ICreditHistory.Outcome.Defaulted));
        assertEq(e.daysLate, 4);
    }

    function test_markDefaulted_revertsBeforeDue() public {
        uint256 id = _financed();
        vm.warp(DUE);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotYetDue.selector, id, DUE, DUE));
        financier.markDefaulted(id);
    }

    function test_markDefaulted_revertsForNonHolder() public {
        uint256 id = _financed();
        vm.warp(DUE + 1);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotHolder.selector, id, sme));
        vm.prank(sme);
        token.markDefaulted(id);
    }

    function test_markDefaulted_revertsForUnregisteredHolder() public {
        uint256 id = _acknowledged();
        vm.warp(DUE + 1);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFinancier.selector, sme));
        vm.prank(sme);
        token.markDefaulted(id);
    }

    function test_markDefaulted_revertsWhenPaid() public {
        uint256 id = _financed();
        _pay(id, FACE);
        vm.warp(DUE + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidStatus.selector, id, IReceivableToken.Status.Paid)
        );
        financier.markDefaulted(id);
    }

    function test_markDefaulted_revertsWhenAlreadyDefaulted() public {
        uint256 id = _financed();
        vm.warp(DUE + 1);
        financier.markDefaulted(id);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Defaulted
            )
        );
        financier.markDefaulted(id);
    }

    function test_markDefaulted_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 1));
        financier.markDefaulted(1);
    }

    function test_pay_recoveryAfterDefaultMarksPaidWithoutSecondRecord() public {
        uint256 id = _financed();
        vm.warp(DUE + 1);
        financier.markDefaulted(id);
        _pay(id, FACE);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Paid));
        assertEq(usd.balanceOf(address(financier)), FACE);
        assertEq(history.count(), 1, "only the default is on record");
    }

    // ------------------------------------------------------------ credit history

    function test_creditHistory_onTimeAtDueDate() public {
        uint256 id = _acknowledged();
        vm.warp(DUE);
        _pay(id, FACE);
        MockCreditHistory.Entry memory e = history.entry(0);
        assertEq(e.entity, ACME);
        assertEq(e.faceValue, FACE);
        assertEq(uint8(e.outcome), uint8(ICreditHistory.Outcome.OnTime));
        assertEq(e.daysLate, 0);
    }

    function test_creditHistory_lateRoundsDaysUp() public {
        uint256 id = _acknowledged();
        vm.warp(DUE + 1);
        _pay(id, FACE);
        MockCreditHistory.Entry memory e = history.entry(0);
        assertEq(uint8(e.outcome), uint8(ICreditHistory.Outcome.Late));
        assertEq(e.daysLate, 1);
    }

    function test_creditHistory_partialPaymentRecordsNothing() public {
        uint256 id = _acknowledged();
        _pay(id, FACE - 1);
        assertEq(history.count(), 0);
    }

    function test_creditHistory_creditNoteSettlementRecorded() public {
        uint256 id = _acknowledged();
        _pay(id, 600);
        bytes memory sig = _signNote(debtorKey, id, 600, bytes32(0), block.timestamp);
        vm.prank(sme);
        token.applyCreditNote(id, 600, bytes32(0), block.timestamp, sig);
        assertEq(history.count(), 1);
        assertEq(history.entry(0).faceValue, 600);
    }

    function test_creditHistory_unsetRecordsNothing() public {
        vm.prank(receivablesAdmin);
        token.setCreditHistory(address(0));
        uint256 id = _acknowledged();
        _pay(id, FACE);
        assertEq(history.count(), 0);
    }

    function test_creditHistory_revokedIssuerNotRecorded() public {
        uint256 id = _acknowledged();
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
        _pay(id, FACE);
        assertEq(history.count(), 0);
    }

    // ------------------------------------------------------------ one registry question per party (issue 21)

    function test_pay_financedInFullAsksIssuerEntityOnce() public {
        uint256 id = _financed();
        // Once for the hook; the credit record reuses that answer (it used to ask again).
        vm.expectCall(address(registry), abi.encodeCall(registry.entityOf, (sme)), 1);
        vm.expectCall(address(registry), abi.encodeCall(registry.entityOf, (debtor)), 1);
        _pay(id, FACE);
        assertEq(history.count(), 1);
    }

    function test_pay_financedInFullRecordsUnderTheEntityPassedToHook() public {
        uint256 id = _financed();
        vm.warp(DUE + 1);
        _pay(id, FACE);
        (, , bytes32 hookEntity, ) = financier.lastInvoice();
        MockCreditHistory.Entry memory e = history.entry(0);
        assertEq(hookEntity, ACME, "the hook gets the issuer's entity");
        assertEq(e.entity, hookEntity, "the record is under the same entity");
        assertEq(e.faceValue, FACE, "face value: outstanding + settled before, read from no slot");
        assertEq(uint8(e.outcome), uint8(ICreditHistory.Outcome.Late));
        assertEq(e.daysLate, 1);
    }

    function test_pay_financedInFullAfterPartsRecordsWholeFace() public {
        uint256 id = _financed();
        _pay(id, 300);
        _attest(id, 200);
        _pay(id, FACE - 500);
        assertEq(history.count(), 1);
        assertEq(history.entry(0).faceValue, FACE, "paid + attested before + this payment");
    }

    function test_pay_financedByRevokedIssuerRecordsNothing() public {
        uint256 id = _financed();
        vm.prank(kyc);
        registry.revoke(sme, bytes32(0));
        _pay(id, FACE);
        (, , bytes32 hookEntity, ) = financier.lastInvoice();
        assertEq(hookEntity, bytes32(0), "revoked issuer: entity zero in the hook");
        assertEq(history.count(), 0, "and no record under entity zero");
    }

    function test_attestPayment_inFullRecordsWholeFace() public {
        uint256 id = _financed();
        _pay(id, 400);
        _attest(id, FACE - 400);
        assertEq(history.count(), 1);
        assertEq(history.entry(0).entity, ACME);
        assertEq(history.entry(0).faceValue, FACE);
    }

    // ------------------------------------------------------------ receivableAndOwner

    function test_receivableAndOwner_matchesReceivableWithoutEntities() public {
        uint256 id = _financed();
        _pay(id, 300);
        IReceivableToken.Receivable memory full = token.receivable(id);
        (IReceivableToken.Receivable memory r, address owner) = token.receivableAndOwner(id);
        assertEq(owner, address(financier), "owner");
        assertEq(r.issuer, full.issuer);
        assertEq(r.debtor, full.debtor);
        assertEq(r.currency, full.currency);
        assertEq(r.faceValue, full.faceValue);
        assertEq(r.amountPaid, full.amountPaid);
        assertEq(r.amountAttested, full.amountAttested);
        assertEq(r.dueDate, full.dueDate);
        assertEq(uint8(r.status), uint8(full.status));
        assertEq(r.issuerEntity, bytes32(0), "no registry call: entities left zero");
        assertEq(r.debtorEntity, bytes32(0));
    }

    function test_receivableAndOwner_asksNoRegistry() public {
        uint256 id = _acknowledged();
        vm.expectCall(address(registry), abi.encodeCall(registry.entityOf, (sme)), 0);
        vm.expectCall(address(registry), abi.encodeCall(registry.entityOf, (debtor)), 0);
        token.receivableAndOwner(id);
    }

    function test_receivableAndOwner_zeroOwnerOnceCancelled() public {
        uint256 id = _tokenize();
        vm.prank(sme);
        token.cancel(id);
        (IReceivableToken.Receivable memory r, address owner) = token.receivableAndOwner(id);
        assertEq(owner, address(0));
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Cancelled));
    }

    function test_receivableAndOwner_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 12345));
        token.receivableAndOwner(12345);
    }
}
