// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {ReceivableBase} from "./ReceivableBase.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {InvoiceNumber} from "../../contracts/receivables/InvoiceNumber.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Exposes the library on calldata, as the token uses it.
contract InvoiceNumberHarness {
    function canonical(string calldata number) external pure returns (string memory) {
        return string(InvoiceNumber.canonicalize(number));
    }
}

/// @notice F-9: one real invoice is one registry key, whatever the spelling of its number, and the
/// debtor's acknowledgement names the number, face value and due date it confirms.
contract ReceivableInvoiceNumberTest is ReceivableBase {
    function _spelled(string memory number) internal returns (IReceivableToken.TokenizeParams memory p) {
        p = _params(FACE, DUE);
        p.invoiceNumber = number;
    }

    function _expectDuplicate(string memory canonical) internal {
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvoiceAlreadyTokenized.selector,
                ACME,
                DEBTOR_CO,
                canonical
            )
        );
    }

    // ------------------------------------------------------------ tokenize

    function test_tokenize_revertsWhenNumberDiffersOnlyByCaseOrZeros() public {
        _tokenize(sme, _spelled("INV-001"));
        string[6] memory variants = ["inv-001", "INV-001 ", "INV-0001", "INV 1", "INV1", " i n v _ 0 0 1 # "];
        for (uint256 i; i < variants.length; ++i) {
            IReceivableToken.TokenizeParams memory p = _spelled(variants[i]);
            _expectDuplicate("INV1");
            _tokenize(i % 2 == 0 ? sme : smeWallet2, p);
        }
    }

    function test_tokenize_emitsCanonicalNumber() public {
        IReceivableToken.TokenizeParams memory p = _spelled(" inv/2024.0042-b ");
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableTokenized(
            uint256(p.documentHash),
            sme,
            debtor,
            address(usd),
            FACE,
            p.issueDate,
            DUE,
            "INV20240042B",
            p.metadataURI
        );
        _tokenize(sme, p);
        assertTrue(token.isInvoiceKeyUsed(ACME, DEBTOR_CO, "inv2024 0042B"));
        assertFalse(token.isInvoiceKeyUsed(ACME, DEBTOR_CO, "INV20240042C"));
    }

    function test_tokenize_acceptsNumbersWithDifferentCanonicalForms() public {
        _tokenize(sme, _spelled("INV-10"));
        _tokenize(sme, _spelled("INV-1"));
        _tokenize(sme, _spelled("INV-100"));
        _tokenize(sme, _spelled("INV-1A"));
        assertTrue(token.isInvoiceKeyUsed(ACME, DEBTOR_CO, "inv 0010"));
    }

    function test_tokenize_revertsWhenNumberEmpty() public {
        IReceivableToken.TokenizeParams memory p = _spelled("");
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberEmpty.selector, ""));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenNumberOnlySeparators() public {
        IReceivableToken.TokenizeParams memory p = _spelled(" -_/.# ");
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberEmpty.selector, " -_/.# "));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenNumberTooLong() public {
        // 65 bytes, one over the limit (the canonical form would be short: INV1).
        string memory long =
            "INV-"
            "000000000000000000000000000000"
            "000000000000000000000000000000"
            "1";
        assertEq(bytes(long).length, 65);
        IReceivableToken.TokenizeParams memory p = _spelled(long);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberTooLong.selector, long, 65, 64));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenNumberNotAscii() public {
        string memory number = unicode"INV-Ø01";
        IReceivableToken.TokenizeParams memory p = _spelled(number);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberInvalidCharacter.selector, number, 4)
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenNumberHasControlCharacter() public {
        string memory number = "INV\t1";
        IReceivableToken.TokenizeParams memory p = _spelled(number);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberInvalidCharacter.selector, number, 3)
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenDocumentHashZero() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.documentHash = bytes32(0);
        vm.expectRevert(IReceivableToken.ReceivableZeroDocumentHash.selector);
        _tokenize(sme, p);
    }

    function test_tokenizeBatch_revertsWhenTwoSpellingsOfOneNumber() public {
        IReceivableToken.TokenizeParams[] memory ps = new IReceivableToken.TokenizeParams[](2);
        ps[0] = _spelled("A-7");
        ps[1] = _spelled("a007");
        _expectDuplicate("A7");
        vm.prank(sme);
        token.tokenizeBatch(ps);
    }

    // ------------------------------------------------------------ acknowledge

    function test_acknowledge_acceptsAnySpellingOfItsNumber() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        vm.prank(debtor);
        token.acknowledge(id, PAIR, "inv 1", FACE, DUE);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Acknowledged));
    }

    function test_acknowledge_revertsWhenNumberIsAnotherInvoices() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        _tokenize(sme, _spelled("INV-002"));
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV2"));
        vm.prank(debtor);
        token.acknowledge(id, PAIR, "INV-002", FACE, DUE);
    }

    function test_acknowledge_revertsWhenNumberUnknown() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV9"));
        vm.prank(debtor);
        token.acknowledge(id, PAIR, "INV-009", FACE, DUE);
    }

    function test_acknowledge_revertsWhenFaceValueDiffers() public {
        uint256 id = _tokenize();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableAcknowledgedTermsMismatch.selector,
                id,
                FACE - 1,
                DUE,
                FACE,
                DUE
            )
        );
        vm.prank(debtor);
        token.acknowledge(id, PAIR, numberOf[id], FACE - 1, DUE);
    }

    function test_acknowledge_revertsWhenDueDateDiffers() public {
        uint256 id = _tokenize();
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableAcknowledgedTermsMismatch.selector,
                id,
                FACE,
                DUE + 1 days,
                FACE,
                DUE
            )
        );
        vm.prank(debtor);
        token.acknowledge(id, PAIR, numberOf[id], FACE, DUE + 1 days);
    }

    function test_acknowledgeWithSignature_revertsWhenSignedForAnotherNumber() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        _tokenize(sme, _spelled("INV-002"));
        uint256 deadline = block.timestamp + 1 days;
        // The debtor signed "INV2" with this invoice's id, amount and date.
        bytes32 digest = _ackDigest(id, "INV2", address(usd), FACE, DUE, 0, deadline);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(debtorKey, digest);
        bytes memory sig = abi.encodePacked(r, s, v);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvalidSignature.selector, id, debtor));
        token.acknowledgeWithSignature(id, PAIR, "INV1", deadline, sig);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV2"));
        token.acknowledgeWithSignature(id, PAIR, "INV2", deadline, sig);
    }

    /// The signed path takes the number as signed, i.e. canonical: another spelling is no number
    /// of this invoice (it hashes to no key holding it).
    function test_acknowledgeWithSignature_revertsWhenNumberNotCanonical() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        (uint256 deadline, bytes memory sig) = _signedAck(id, "INV1");
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV-001")
        );
        token.acknowledgeWithSignature(id, PAIR, "INV-001", deadline, sig);
        token.acknowledgeWithSignature(id, PAIR, "INV1", deadline, sig);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Acknowledged));
    }

    /// The entity pair is not signed: a pair other than the one the invoice was tokenized under
    /// locates no key holding this invoice, whatever the number.
    function test_acknowledgeWithSignature_revertsWhenEntityPairIsNotTheInvoices() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        // The other SME registered the same number with the same debtor: a key that exists.
        _tokenize(otherSme, _spelled("INV-001"));
        (uint256 deadline, bytes memory sig) = _signedAck(id, "INV1");
        bytes32[3] memory wrong = [_pair(OTHER_CO, DEBTOR_CO), _pair(DEBTOR_CO, ACME), bytes32(0)];
        for (uint256 i; i < wrong.length; ++i) {
            vm.expectRevert(
                abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV1")
            );
            token.acknowledgeWithSignature(id, wrong[i], "INV1", deadline, sig);
        }
    }

    /// The signed acknowledgement names the pair the invoice was tokenized under, so it still
    /// works after the KYC provider re-keys the SME or the debtor (it read the registry's current
    /// entities before and failed); the current pair is then the wrong one.
    function test_acknowledgeWithSignature_succeedsAfterPartiesReKeyed() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        _verifyAs(sme, PartyRoles.SME, keccak256("entity:acme-rekeyed"));
        _verifyAs(debtor, PartyRoles.DEBTOR, keccak256("entity:debtor-co-rekeyed"));
        (uint256 deadline, bytes memory sig) = _signedAck(id, "INV1");
        IReceivableToken.Receivable memory r = token.receivable(id);
        bytes32 current = _pair(r.issuerEntity, r.debtorEntity);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV1"));
        token.acknowledgeWithSignature(id, current, "INV1", deadline, sig);
        token.acknowledgeWithSignature(id, PAIR, "INV1", deadline, sig);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Acknowledged));
    }

    /// The direct acknowledgement takes the pair too: after a re-key of both parties the debtor
    /// still acknowledges under the pair of tokenization (it read the registry before and failed).
    function test_acknowledge_succeedsAfterPartiesReKeyed() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        _verifyAs(sme, PartyRoles.SME, keccak256("entity:acme-rekeyed"));
        _verifyAs(debtor, PartyRoles.DEBTOR, keccak256("entity:debtor-co-rekeyed"));
        IReceivableToken.Receivable memory r = token.receivable(id);
        bytes32 current = _pair(r.issuerEntity, r.debtorEntity);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberMismatch.selector, id, "INV1"));
        vm.prank(debtor);
        token.acknowledge(id, current, "inv 001", FACE, DUE);
        vm.prank(debtor);
        token.acknowledge(id, PAIR, "inv 001", FACE, DUE);
        assertEq(uint8(token.receivable(id).status), uint8(IReceivableToken.Status.Acknowledged));
    }

    function _signedAck(
        uint256 id,
        string memory canonical
    ) internal view returns (uint256 deadline, bytes memory sig) {
        deadline = block.timestamp + 1 days;
        bytes32 digest = _ackDigest(id, canonical, address(usd), FACE, DUE, 0, deadline);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(debtorKey, digest);
        sig = abi.encodePacked(r, s, v);
    }

    function test_hashAcknowledgement_namesCanonicalNumberWhateverTheSpelling() public {
        uint256 id = _tokenize(sme, _spelled("INV-001"));
        uint256 deadline = block.timestamp + 1 days;
        bytes32 expected = _ackDigest(id, "INV1", address(usd), FACE, DUE, 0, deadline);
        assertEq(token.hashAcknowledgement(id, "inv-0001", deadline), expected);
        assertEq(token.hashAcknowledgement(id, "INV1", deadline), expected);
    }
}

/// @notice The canonicalizer alone: its documented rule, idempotence, and one key per spelling.
contract InvoiceNumberFuzzTest is Test {
    InvoiceNumberHarness internal h = new InvoiceNumberHarness();

    /// @dev Printable ASCII only: byte b becomes 0x20 + b % 95.
    function _printable(bytes memory raw) internal pure returns (string memory) {
        for (uint256 i; i < raw.length; ++i) raw[i] = bytes1(uint8(0x20 + (uint8(raw[i]) % 95)));
        return string(raw);
    }

    function test_canonicalize_documentedExamples() public view {
        assertEq(h.canonical("INV-001"), "INV1");
        assertEq(h.canonical("inv-001"), "INV1");
        assertEq(h.canonical("INV-001 "), "INV1");
        assertEq(h.canonical("INV-0001"), "INV1");
        assertEq(h.canonical("INV 1"), "INV1");
        assertEq(h.canonical("INV-000"), "INV0");
        assertEq(h.canonical("0"), "0");
        // Runs are taken after separators are dropped: "2024/007" is the one run "2024007".
        assertEq(h.canonical("2024/007-a"), "2024007A");
        assertEq(h.canonical("INV-10"), "INV10");
        assertEq(h.canonical("F(12)+x"), "F(12)+X");
    }

    function testFuzz_canonicalize_isIdempotent(bytes memory raw) public view {
        vm.assume(raw.length <= InvoiceNumber.MAX_LENGTH);
        string memory number = _printable(raw);
        try h.canonical(number) returns (string memory c) {
            assertEq(h.canonical(c), c, "canonical form is its own canonical form");
            assertLe(bytes(c).length, bytes(number).length);
        } catch (bytes memory err) {
            // Printable and short: the only refusal is "nothing but separators".
            assertEq(bytes4(err), IReceivableToken.ReceivableInvoiceNumberEmpty.selector);
        }
    }

    /// Case, leading zeros of a digit run, separators and surrounding spaces never change the key.
    function testFuzz_canonicalize_variantsMapToOneKey(
        uint32 n,
        uint8 zeros,
        uint8 sep,
        bool lower,
        uint8 pad
    ) public view {
        string[6] memory seps = [" ", "-", "_", "/", ".", "#"];
        string memory digits = vm.toString(n);
        string memory z = "";
        for (uint256 i; i < zeros % 8; ++i) z = string.concat(z, "0");
        string memory spaces = "";
        for (uint256 i; i < pad % 4; ++i) spaces = string.concat(spaces, " ");
        string memory variant = string.concat(spaces, lower ? "inv" : "INV", seps[sep % 6], z, digits, spaces);
        assertEq(keccak256(bytes(h.canonical(variant))), keccak256(bytes(string.concat("INV", digits))));
    }

    function testFuzz_canonicalize_revertsOnNonAscii(bytes memory raw, uint8 at, uint8 high) public {
        vm.assume(raw.length > 0 && raw.length <= InvoiceNumber.MAX_LENGTH);
        string memory number = _printable(raw);
        uint256 i = at % raw.length;
        bytes(number)[i] = bytes1(uint8(0x80 | high));
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceNumberInvalidCharacter.selector, number, i)
        );
        h.canonical(number);
    }

    function testFuzz_canonicalize_revertsWhenOverLong(uint8 extra) public {
        bytes memory raw = new bytes(InvoiceNumber.MAX_LENGTH + 1 + (extra % 32));
        for (uint256 i; i < raw.length; ++i) raw[i] = "A";
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvoiceNumberTooLong.selector,
                string(raw),
                raw.length,
                InvoiceNumber.MAX_LENGTH
            )
        );
        h.canonical(string(raw));
    }
}
