// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Vm} from "forge-std/Vm.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReceivableBase} from "./ReceivableBase.sol";
import {MockFinancier} from "./ReceivableMocks.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";

/// @notice Every invoice can be rebuilt from the token's logs alone: a scripted history touching
/// every event is replayed and the result compared with {IReceivableToken.receivable}.
contract ReceivableEventsTest is ReceivableBase {
    struct Rebuilt {
        address issuer;
        address debtor;
        address currency;
        uint128 faceValue;
        uint128 amountPaid;
        uint128 amountAttested;
        uint40 issueDate;
        uint40 dueDate;
        IReceivableToken.Status status;
        uint8 termsVersion;
        address holder;
    }

    mapping(uint256 id => Rebuilt) internal _rebuilt;
    mapping(address holder => uint256) internal _received;
    uint256[] internal _ids;

    function test_events_rebuildEveryInvoiceFromLogs() public {
        MockFinancier financier = new MockFinancier(IReceivableToken(address(token)));
        vm.prank(receivablesAdmin);
        token.registerFinancier(address(financier), true);

        vm.recordLogs();
        // A: amended, acknowledged by signature, disputed and withdrawn, paid in two parts across a transfer.
        uint256 a = _tokenize();
        vm.prank(sme);
        token.amendTerms(a, FACE + 500, DUE + 10 days);
        bytes memory ackSig = _signAck(debtorKey, a, block.timestamp);
        token.acknowledgeWithSignature(a, PAIR, canonicalOf[a], block.timestamp, ackSig);
        vm.startPrank(debtor);
        token.dispute(a, keccak256("late delivery"));
        token.withdrawDispute(a);
        token.pay(a, 1_000);
        vm.stopPrank();
        vm.prank(sme);
        token.transferFrom(sme, buyer, a);
        _pay(a, FACE + 500 - 1_000);
        // B: credit note, attestation, financed, partially paid, defaulted.
        uint256 b = _acknowledged();
        bytes memory sig = _signNote(debtorKey, b, FACE - 2_000, keccak256("note"), block.timestamp);
        vm.prank(sme);
        token.applyCreditNote(b, FACE - 2_000, keccak256("note"), block.timestamp, sig);
        vm.prank(servicer);
        token.attestPayment(b, 3_000, keccak256("bank"));
        vm.prank(sme);
        token.transferFrom(sme, address(financier), b);
        _pay(b, 4_000);
        vm.warp(DUE + 1);
        financier.markDefaulted(b);
        // C: cancelled.
        uint256 c = _tokenize(sme, _params(FACE, DUE + 30 days));
        vm.prank(sme);
        token.cancel(c);
        // D: disputed, then settled by a credit note down to what was paid.
        uint256 d = _tokenize(sme, _params(FACE, DUE + 30 days));
        _pay(d, 7_000);
        vm.prank(debtor);
        token.dispute(d, keccak256("wrong quantity"));
        sig = _signNote(debtorKey, d, 7_000, keccak256("note-d"), block.timestamp);
        vm.prank(sme);
        token.applyCreditNote(d, 7_000, keccak256("note-d"), block.timestamp, sig);

        _replay(vm.getRecordedLogs());
        assertEq(_ids.length, 4);
        for (uint256 i; i < _ids.length; ++i) _compare(_ids[i]);
        assertEq(_received[sme], usd.balanceOf(sme));
        assertEq(_received[buyer], usd.balanceOf(buyer));
        assertEq(_received[address(financier)], usd.balanceOf(address(financier)));
    }

    function _replay(Vm.Log[] memory logs) internal {
        for (uint256 i; i < logs.length; ++i) {
            Vm.Log memory entry = logs[i];
            if (entry.emitter != address(token)) continue;
            bytes32 sel = entry.topics[0];
            if (sel == IERC721.Transfer.selector) {
                // Transfer(from, to, tokenId): all indexed.
                _rebuilt[uint256(entry.topics[3])].holder = address(uint160(uint256(entry.topics[2])));
                continue;
            }
            uint256 id = entry.topics.length > 1 ? uint256(entry.topics[1]) : 0;
            Rebuilt storage r = _rebuilt[id];
            if (!_applyTerms(r, id, entry) && !_applyStatus(r, entry)) continue;
            // Settling in full, by any route, makes the invoice Paid.
            if (r.faceValue != 0 && uint256(r.amountPaid) + r.amountAttested == r.faceValue) {
                r.status = IReceivableToken.Status.Paid;
            }
        }
    }

    function _applyTerms(Rebuilt storage r, uint256 id, Vm.Log memory entry) internal returns (bool) {
        bytes32 sel = entry.topics[0];
        if (sel == IReceivableToken.ReceivableTokenized.selector) {
            (address currency, uint128 face, uint40 issueDate, uint40 dueDate, , ) = abi.decode(
                entry.data,
                (address, uint128, uint40, uint40, bytes32, string)
            );
            _ids.push(id);
            r.issuer = address(uint160(uint256(entry.topics[2])));
            r.debtor = address(uint160(uint256(entry.topics[3])));
            r.currency = currency;
            r.faceValue = face;
            r.issueDate = issueDate;
            r.dueDate = dueDate;
            r.status = IReceivableToken.Status.Issued;
        } else if (sel == IReceivableToken.ReceivableTermsAmended.selector) {
            (, uint128 newFace, , uint40 newDue, uint8 version) = abi.decode(
                entry.data,
                (uint128, uint128, uint40, uint40, uint8)
            );
            r.faceValue = newFace;
            r.dueDate = newDue;
            r.termsVersion = version;
        } else if (sel == IReceivableToken.ReceivableCreditNoteApplied.selector) {
            (, uint128 newFace, ) = abi.decode(entry.data, (uint128, uint128, bytes32));
            r.faceValue = newFace;
            ++r.termsVersion;
        } else {
            return false;
        }
        return true;
    }

    function _applyStatus(Rebuilt storage r, Vm.Log memory entry) internal returns (bool) {
        bytes32 sel = entry.topics[0];
        if (sel == IReceivableToken.ReceivableAcknowledged.selector) {
            r.status = IReceivableToken.Status.Acknowledged;
        } else if (sel == IReceivableToken.ReceivableDisputed.selector) {
            r.status = IReceivableToken.Status.Disputed;
        } else if (sel == IReceivableToken.ReceivableDisputeWithdrawn.selector) {
            r.status = abi.decode(entry.data, (IReceivableToken.Status));
        } else if (sel == IReceivableToken.ReceivablePaid.selector) {
            (, uint128 amount, uint128 totalPaid, ) = abi.decode(entry.data, (address, uint128, uint128, bool));
            r.amountPaid += amount;
            assertEq(r.amountPaid, totalPaid);
            _received[address(uint160(uint256(entry.topics[3])))] += amount;
        } else if (sel == IReceivableToken.ReceivablePaymentAttested.selector) {
            (uint128 amount, , , ) = abi.decode(entry.data, (uint128, uint128, bytes32, bool));
            r.amountAttested += amount;
        } else if (sel == IReceivableToken.ReceivableCancelled.selector) {
            r.status = IReceivableToken.Status.Cancelled;
        } else if (sel == IReceivableToken.ReceivableDefaulted.selector) {
            r.status = IReceivableToken.Status.Defaulted;
        } else {
            return false;
        }
        return true;
    }

    function _compare(uint256 id) internal view {
        Rebuilt memory e = _rebuilt[id];
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(r.issuer, e.issuer, "issuer");
        assertEq(r.debtor, e.debtor, "debtor");
        assertEq(r.currency, e.currency, "currency");
        assertEq(r.faceValue, e.faceValue, "face");
        assertEq(r.amountPaid, e.amountPaid, "paid");
        assertEq(r.amountAttested, e.amountAttested, "attested");
        assertEq(r.issueDate, e.issueDate, "issueDate");
        assertEq(r.dueDate, e.dueDate, "dueDate");
        assertEq(uint8(r.status), uint8(e.status), "status");
        assertEq(r.termsVersion, e.termsVersion, "termsVersion");
        if (e.holder != address(0)) assertEq(token.ownerOf(id), e.holder, "holder");
    }
}
