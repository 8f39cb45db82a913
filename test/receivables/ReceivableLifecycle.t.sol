// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ReceivableBase} from "./ReceivableBase.sol";
import {MockContractWallet} from "../identity/IdentityMocks.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Terms, acknowledgement, dispute, credit notes and cancellation.
contract ReceivableLifecycleTest is ReceivableBase {
    bytes32 internal constant NOTE = keccak256("credit-note-7");
    bytes32 internal constant REASON = keccak256("goods damaged");

    function _status(uint256 id) internal view returns (IReceivableToken.Status) {
        return token.receivable(id).status;
    }

    // ------------------------------------------------------------ amendTerms

    function test_amendTerms_updatesTermsAndBumpsVersion() public {
        uint256 id = _tokenize();
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableTermsAmended(id, sme, FACE, FACE + 1, DUE, DUE + 1 days, 1);
        vm.prank(sme);
        token.amendTerms(id, FACE + 1, DUE + 1 days);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(r.faceValue, FACE + 1);
        assertEq(r.dueDate, DUE + 1 days);
        assertEq(r.termsVersion, 1);
        assertEq(r.issuer, sme);
    }

    function test_amendTerms_revertsForNonIssuer() public {
        uint256 id = _tokenize();
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotIssuer.selector, id, stranger));
        vm.prank(stranger);
        token.amendTerms(id, FACE, DUE);
    }

    function test_amendTerms_revertsWhenIssuerNoLongerHolds() public {
        uint256 id = _tokenize();
        vm.prank(sme);
        token.transferFrom(sme, buyer, id);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotHolder.selector, id, sme));
        vm.prank(sme);
        token.amendTerms(id, FACE, DUE);
    }

    function test_amendTerms_revertsWhenAcknowledged() public {
        uint256 id = _acknowledged();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Acknowledged
            )
        );
        vm.prank(sme);
        token.amendTerms(id, FACE + 1, DUE);
    }

    function test_amendTerms_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 7));
        vm.prank(sme);
        token.amendTerms(7, FACE, DUE);
    }

    function test_amendTerms_revertsForZeroFace() public {
        uint256 id = _tokenize();
        vm.expectRevert(IReceivableToken.ReceivableZeroFaceValue.selector);
        vm.prank(sme);
        token.amendTerms(id, 0, DUE);
    }

    function test_amendTerms_revertsForPastDueDate() public {
        uint256 id = _tokenize();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidDates.selector,
                uint40(START),
                uint40(START),
                block.timestamp
            )
        );
        vm.prank(sme);
        token.amendTerms(id, FACE, uint40(START));
    }

    function test_amendTerms_revertsBelowSettled() public {
        uint256 id = _tokenize();
        _pay(id, 500);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableFaceBelowSettled.selector, id, 500, 500));
        vm.prank(sme);
        token.amendTerms(id, 500, DUE);
    }

    function test_amendTerms_revertsAfter255Versions() public {
        uint256 id = _tokenize();
        vm.startPrank(sme);
        for (uint256 i; i < 255; ++i) token.amendTerms(id, FACE, DUE);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableTermsVersionExhausted.selector, id));
        token.amendTerms(id, FACE, DUE);
        vm.stopPrank();
    }

    // ------------------------------------------------------------ cancel

    function test_cancel_burnsAndKeepsRecord() public {
        uint256 id = _tokenize();
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableCancelled(id, sme);
        vm.prank(sme);
        token.cancel(id);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Cancelled));
        assertEq(token.balanceOf(sme), 0);
        assertEq(token.outstanding(id), 0);
    }

    function test_cancel_revertsWhenAcknowledged() public {
        uint256 id = _acknowledged();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Acknowledged
            )
        );
        vm.prank(sme);
        token.cancel(id);
    }

    function test_cancel_revertsWithPayments() public {
        uint256 id = _tokenize();
        _pay(id, 10);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableHasPayments.selector, id, 10));
        vm.prank(sme);
        token.cancel(id);
    }

    function test_cancel_revertsForNonIssuer() public {
        uint256 id = _tokenize();
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotIssuer.selector, id, debtor));
        vm.prank(debtor);
        token.cancel(id);
    }

    // ------------------------------------------------------------ acknowledge

    function test_acknowledge_byDebtorFreezesTerms() public {
        uint256 id = _tokenize();
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableAcknowledged(id, debtor, debtor, address(usd), FACE, DUE, false);
        vm.prank(debtor);
        token.acknowledge(id, PAIR, numberOf[id], FACE, DUE);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Acknowledged));
    }

    function test_acknowledge_revertsForNonDebtor() public {
        uint256 id = _tokenize();
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotDebtor.selector, id, stranger));
        vm.prank(stranger);
        token.acknowledge(id, PAIR, numberOf[id], FACE, DUE);
    }

    function test_acknowledge_revertsWhenTermsChangedUnderIt() public {
        uint256 id = _tokenize();
        vm.prank(sme);
        token.amendTerms(id, FACE * 2, DUE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableAcknowledgedTermsMismatch.selector,
                id,
                FACE,
                DUE,
                FACE * 2,
                DUE
            )
        );
        vm.prank(debtor);
        token.acknowledge(id, PAIR, numberOf[id], FACE, DUE);
    }

    function test_acknowledge_revertsWhenAlreadyAcknowledged() public {
        uint256 id = _acknowledged();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Acknowledged
            )
        );
        vm.prank(debtor);
        token.acknowledge(id, PAIR, numberOf[id], FACE, DUE);
    }

    function test_acknowledge_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 9));
        vm.prank(debtor);
        token.acknowledge(9, PAIR, "INV-9", FACE, DUE);
    }

    function test_acknowledgeWithSignature_relayedByAnyone() public {
        uint256 id = _tokenize();
        uint256 deadline = block.timestamp + 1 days;
        bytes memory sig = _signAck(debtorKey, id, deadline);
        assertEq(
            token.hashAcknowledgement(id, numberOf[id], deadline),
            _ackDigest(id, canonicalOf[id], address(usd), FACE, DUE, 0, deadline),
            "digest matches the documented type"
        );
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableAcknowledged(id, debtor, relayer, address(usd), FACE, DUE, true);
        vm.prank(relayer);
        token.acknowledgeWithSignature(id, PAIR, canonicalOf[id], deadline, sig);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Acknowledged));
    }

    function test_acknowledgeWithSignature_revertsWhenExpired() public {
        uint256 id = _tokenize();
        uint256 deadline = block.timestamp - 1;
        bytes memory sig = _signAck(debtorKey, id, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableSignatureExpired.selector, deadline, block.timestamp)
        );
        token.acknowledgeWithSignature(id, PAIR, canonicalOf[id], deadline, sig);
    }

    function test_acknowledgeWithSignature_revertsForWrongSigner() public {
        uint256 id = _tokenize();
        (, uint256 otherKey) = makeAddrAndKey("impostor");
        bytes memory sig = _signAck(otherKey, id, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvalidSignature.selector, id, debtor));
        token.acknowledgeWithSignature(id, PAIR, canonicalOf[id], block.timestamp, sig);
    }

    function test_acknowledgeWithSignature_revertsWhenTermsAmendedAfterSigning() public {
        uint256 id = _tokenize();
        bytes memory sig = _signAck(debtorKey, id, block.timestamp);
        vm.prank(sme);
        token.amendTerms(id, FACE * 2, DUE);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvalidSignature.selector, id, debtor));
        token.acknowledgeWithSignature(id, PAIR, canonicalOf[id], block.timestamp, sig);
    }

    function test_acknowledgeWithSignature_cannotBeReplayed() public {
        uint256 id = _tokenize();
        bytes memory sig = _signAck(debtorKey, id, block.timestamp);
        token.acknowledgeWithSignature(id, PAIR, canonicalOf[id], block.timestamp, sig);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Acknowledged
            )
        );
        token.acknowledgeWithSignature(id, PAIR, canonicalOf[id], block.timestamp, sig);
    }

    function test_acknowledgeWithSignature_acceptsContractWalletDebtor() public {
        (address owner, uint256 ownerKey) = makeAddrAndKey("walletOwner");
        MockContractWallet wallet = new MockContractWallet(owner);
        _verifyAs(address(wallet), PartyRoles.DEBTOR, keccak256("entity:wallet-co"));
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.debtor = address(wallet);
        uint256 id = _tokenize(sme, p);
        bytes32 digest = token.hashAcknowledgement(id, numberOf[id], block.timestamp);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(ownerKey, digest);
        bytes32 pair = _pair(ACME, keccak256("entity:wallet-co"));
        token.acknowledgeWithSignature(id, pair, canonicalOf[id], block.timestamp, abi.encodePacked(r, s, v));
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Acknowledged));
    }

    // ------------------------------------------------------------ dispute

    function test_dispute_fromAcknowledgedAndWithdrawRestores() public {
        uint256 id = _acknowledged();
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableDisputed(id, debtor, REASON);
        vm.prank(debtor);
        token.dispute(id, REASON);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Disputed));
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableDisputeWithdrawn(id, debtor, IReceivableToken.Status.Acknowledged);
        vm.prank(debtor);
        token.withdrawDispute(id);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Acknowledged));
    }

    function test_dispute_fromIssuedRestoresIssued() public {
        uint256 id = _tokenize();
        vm.prank(debtor);
        token.dispute(id, REASON);
        vm.prank(debtor);
        token.withdrawDispute(id);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Issued));
    }

    function test_dispute_revertsForNonDebtor() public {
        uint256 id = _tokenize();
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotDebtor.selector, id, sme));
        vm.prank(sme);
        token.dispute(id, REASON);
    }

    function test_dispute_revertsWhenPaid() public {
        uint256 id = _tokenize();
        _pay(id, FACE);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidStatus.selector, id, IReceivableToken.Status.Paid)
        );
        vm.prank(debtor);
        token.dispute(id, REASON);
    }

    function test_dispute_revertsWhenAlreadyDisputed() public {
        uint256 id = _tokenize();
        vm.prank(debtor);
        token.dispute(id, REASON);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Disputed
            )
        );
        vm.prank(debtor);
        token.dispute(id, REASON);
    }

    function test_dispute_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 3));
        token.dispute(3, REASON);
    }

    function test_withdrawDispute_revertsWhenNotDisputed() public {
        uint256 id = _tokenize();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                id,
                IReceivableToken.Status.Issued
            )
        );
        vm.prank(debtor);
        token.withdrawDispute(id);
    }

    function test_withdrawDispute_revertsForNonDebtor() public {
        uint256 id = _tokenize();
        vm.prank(debtor);
        token.dispute(id, REASON);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotDebtor.selector, id, sme));
        vm.prank(sme);
        token.withdrawDispute(id);
    }

    function test_withdrawDispute_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 3));
        token.withdrawDispute(3);
    }

    // ------------------------------------------------------------ applyCreditNote

    function _applyNote(uint256 id, uint128 newFace) internal {
        bytes memory sig = _signNote(debtorKey, id, newFace, NOTE, block.timestamp);
        vm.prank(sme);
        token.applyCreditNote(id, newFace, NOTE, block.timestamp, sig);
    }

    function test_applyCreditNote_lowersFaceOfAcknowledgedInvoice() public {
        uint256 id = _acknowledged();
        bytes memory sig = _signNote(debtorKey, id, FACE - 100, NOTE, block.timestamp);
        assertEq(
            token.hashCreditNote(id, FACE - 100, NOTE, block.timestamp),
            _noteDigest(id, FACE - 100, NOTE, 0, block.timestamp)
        );
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableCreditNoteApplied(id, sme, debtor, FACE, FACE - 100, NOTE);
        vm.prank(sme);
        token.applyCreditNote(id, FACE - 100, NOTE, block.timestamp, sig);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(r.faceValue, FACE - 100);
        assertEq(r.termsVersion, 1);
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Acknowledged));
    }

    function test_applyCreditNote_resolvesDispute() public {
        uint256 id = _acknowledged();
        vm.prank(debtor);
        token.dispute(id, REASON);
        bytes memory sig = _signNote(debtorKey, id, FACE / 2, NOTE, block.timestamp);
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableDisputeWithdrawn(id, debtor, IReceivableToken.Status.Acknowledged);
        vm.prank(sme);
        token.applyCreditNote(id, FACE / 2, NOTE, block.timestamp, sig);
        assertEq(uint8(_status(id)), uint8(IReceivableToken.Status.Acknowledged));
    }

    function test_applyCreditNote_downToSettledMarksPaid() public {
        uint256 id = _acknowledged();
        _pay(id, 600);
        _applyNote(id, 600);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Paid));
        assertEq(r.amountPaid, 600);
        assertEq(token.outstanding(id), 0);
    }

    function test_applyCreditNote_revertsWhenNotLower() public {
        uint256 id = _acknowledged();
        bytes memory sig = _signNote(debtorKey, id, FACE, NOTE, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidCreditNote.selector, id, FACE, FACE, 0)
        );
        vm.prank(sme);
        token.applyCreditNote(id, FACE, NOTE, block.timestamp, sig);
    }

    function test_applyCreditNote_revertsBelowSettled() public {
        uint256 id = _acknowledged();
        _pay(id, 600);
        bytes memory sig = _signNote(debtorKey, id, 599, NOTE, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidCreditNote.selector, id, 599, FACE, 600)
        );
        vm.prank(sme);
        token.applyCreditNote(id, 599, NOTE, block.timestamp, sig);
    }

    function test_applyCreditNote_revertsWithoutDebtorConsent() public {
        uint256 id = _acknowledged();
        (, uint256 otherKey) = makeAddrAndKey("impostor");
        bytes memory sig = _signNote(otherKey, id, 1, NOTE, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvalidSignature.selector, id, debtor));
        vm.prank(sme);
        token.applyCreditNote(id, 1, NOTE, block.timestamp, sig);
    }

    function test_applyCreditNote_consentCannotBeReplayed() public {
        uint256 id = _tokenize();
        bytes memory sig = _signNote(debtorKey, id, FACE / 2, NOTE, block.timestamp);
        vm.prank(sme);
        token.applyCreditNote(id, FACE / 2, NOTE, block.timestamp, sig);
        vm.prank(sme);
        token.amendTerms(id, FACE, DUE);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvalidSignature.selector, id, debtor));
        vm.prank(sme);
        token.applyCreditNote(id, FACE / 2, NOTE, block.timestamp, sig);
    }

    function test_applyCreditNote_revertsWhenExpired() public {
        uint256 id = _acknowledged();
        uint256 deadline = block.timestamp - 1;
        bytes memory sig = _signNote(debtorKey, id, 1, NOTE, deadline);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableSignatureExpired.selector, deadline, block.timestamp)
        );
        vm.prank(sme);
        token.applyCreditNote(id, 1, NOTE, deadline, sig);
    }

    function test_applyCreditNote_revertsWhenIssuerNoLongerHolds() public {
        uint256 id = _acknowledged();
        vm.prank(sme);
        token.transferFrom(sme, buyer, id);
        bytes memory sig = _signNote(debtorKey, id, 1, NOTE, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotHolder.selector, id, sme));
        vm.prank(sme);
        token.applyCreditNote(id, 1, NOTE, block.timestamp, sig);
    }

    function test_applyCreditNote_revertsWhenPaid() public {
        uint256 id = _acknowledged();
        _pay(id, FACE);
        bytes memory sig = _signNote(debtorKey, id, 1, NOTE, block.timestamp);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidStatus.selector, id, IReceivableToken.Status.Paid)
        );
        vm.prank(sme);
        token.applyCreditNote(id, 1, NOTE, block.timestamp, sig);
    }
}
