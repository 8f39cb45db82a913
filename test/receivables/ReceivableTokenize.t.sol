// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReceivableBase} from "./ReceivableBase.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {ReceivableRenderer} from "../../contracts/receivables/ReceivableRenderer.sol";

contract ReceivableTokenizeTest is ReceivableBase {
    function test_tokenize_mintsToCallerWithDocumentHashAsId() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        vm.expectEmit(address(token));
        emit IReceivableToken.ReceivableTokenized(
            uint256(p.documentHash),
            sme,
            debtor,
            address(usd),
            FACE,
            p.issueDate,
            DUE,
            string.concat("INV", vm.toString(nextDoc - 1)),
            p.metadataURI
        );
        uint256 id = _tokenize(sme, p);
        assertEq(id, uint256(p.documentHash));
        assertEq(token.ownerOf(id), sme);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertEq(r.issuer, sme);
        assertEq(r.debtor, debtor);
        assertEq(r.currency, address(usd));
        assertEq(r.faceValue, FACE);
        assertEq(r.issueDate, p.issueDate);
        assertEq(r.dueDate, DUE);
        assertEq(uint8(r.status), uint8(IReceivableToken.Status.Issued));
        assertEq(r.termsVersion, 0);
        assertEq(r.issuerEntity, ACME);
        assertEq(r.debtorEntity, DEBTOR_CO);
        assertEq(token.outstanding(id), FACE);
        assertTrue(token.isInvoiceKeyUsed(ACME, DEBTOR_CO, p.invoiceNumber));
    }

    function test_tokenize_revertsWhenCallerNotSme() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableNotVerified.selector, stranger, PartyRoles.SME)
        );
        _tokenize(stranger, p);
    }

    function test_tokenize_revertsWhenDebtorNotVerifiedAsDebtor() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.debtor = otherSme;
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableNotVerified.selector, otherSme, PartyRoles.DEBTOR)
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenSmeIdentityExpired() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        vm.warp(EXPIRY);
        p.issueDate = uint40(block.timestamp);
        p.dueDate = uint40(block.timestamp + 30 days);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotVerified.selector, sme, PartyRoles.SME));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenCurrencyNotAllowed() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.currency = address(0xBEEF);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableCurrencyNotAllowed.selector, address(0xBEEF))
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenCurrencyDisallowedLater() public {
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(address(usd), false);
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableCurrencyNotAllowed.selector, address(usd)));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenFaceValueZero() public {
        IReceivableToken.TokenizeParams memory p = _params(0, DUE);
        vm.expectRevert(IReceivableToken.ReceivableZeroFaceValue.selector);
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenFaceValueAbove96Bits() public {
        uint128 face = uint128(type(uint96).max) + 1;
        IReceivableToken.TokenizeParams memory p = _params(face, DUE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableFaceValueTooLarge.selector,
                face,
                uint128(type(uint96).max)
            )
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenIssueDateInFuture() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.issueDate = uint40(block.timestamp + 1);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvalidDates.selector, p.issueDate, DUE, block.timestamp)
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenDueDateNotInFuture() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, uint40(block.timestamp));
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidDates.selector,
                p.issueDate,
                p.dueDate,
                block.timestamp
            )
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenDebtorIsIssuer() public {
        _verifyAs(sme, PartyRoles.SME | PartyRoles.DEBTOR, ACME);
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.debtor = sme;
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableDebtorIsIssuer.selector, sme));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenDebtorIsSameCompany() public {
        _verifyAs(smeWallet2, PartyRoles.SME | PartyRoles.DEBTOR, ACME);
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        p.debtor = smeWallet2;
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableSameEntity.selector, ACME));
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenDocumentAlreadyTokenized() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        _tokenize(sme, p);
        p.invoiceNumber = "another number";
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableDocumentAlreadyTokenized.selector, p.documentHash)
        );
        _tokenize(otherSme, p);
    }

    function test_tokenize_revertsWhenInvoiceNumberReusedByAnotherWalletOfSameCompany() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        _tokenize(sme, p);
        p.documentHash = keccak256("another file of the same invoice");
        string memory canonical = token.canonicalInvoiceNumber(p.invoiceNumber);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvoiceAlreadyTokenized.selector,
                ACME,
                DEBTOR_CO,
                canonical
            )
        );
        _tokenize(smeWallet2, p);
    }

    function test_tokenize_allowsSameInvoiceNumberFromAnotherCompany() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        _tokenize(sme, p);
        p.documentHash = keccak256("other company's file");
        _tokenize(otherSme, p);
        assertTrue(token.isInvoiceKeyUsed(OTHER_CO, DEBTOR_CO, p.invoiceNumber));
    }

    function test_tokenize_cancelledInvoiceKeepsBothKeys() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        uint256 id = _tokenize(sme, p);
        vm.prank(sme);
        token.cancel(id);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableDocumentAlreadyTokenized.selector, p.documentHash)
        );
        _tokenize(sme, p);
        p.documentHash = keccak256("new file");
        string memory canonical = token.canonicalInvoiceNumber(p.invoiceNumber);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvoiceAlreadyTokenized.selector,
                ACME,
                DEBTOR_CO,
                canonical
            )
        );
        _tokenize(sme, p);
    }

    function test_tokenize_revertsWhenPaused() public {
        vm.prank(pauser);
        token.pause();
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        _tokenize(sme, p);
    }

    function test_tokenizeBatch_mintsEveryInvoice() public {
        IReceivableToken.TokenizeParams[] memory ps = new IReceivableToken.TokenizeParams[](3);
        for (uint256 i; i < 3; ++i) ps[i] = _params(FACE, DUE);
        vm.prank(sme);
        uint256[] memory ids = token.tokenizeBatch(ps);
        assertEq(ids.length, 3);
        for (uint256 i; i < 3; ++i) {
            assertEq(ids[i], uint256(ps[i].documentHash));
            assertEq(token.ownerOf(ids[i]), sme);
        }
        assertEq(token.balanceOf(sme), 3);
    }

    function test_tokenizeBatch_revertsWhenEmpty() public {
        IReceivableToken.TokenizeParams[] memory ps = new IReceivableToken.TokenizeParams[](0);
        vm.expectRevert(IReceivableToken.ReceivableEmptyBatch.selector);
        vm.prank(sme);
        token.tokenizeBatch(ps);
    }

    function test_tokenizeBatch_revertsWholeBatchOnDuplicateInside() public {
        IReceivableToken.TokenizeParams[] memory ps = new IReceivableToken.TokenizeParams[](2);
        ps[0] = _params(FACE, DUE);
        ps[1] = ps[0];
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableDocumentAlreadyTokenized.selector, ps[0].documentHash)
        );
        vm.prank(sme);
        token.tokenizeBatch(ps);
    }

    function test_tokenizeBatch_revertsWhenPaused() public {
        vm.prank(pauser);
        token.pause();
        IReceivableToken.TokenizeParams[] memory ps = new IReceivableToken.TokenizeParams[](1);
        ps[0] = _params(FACE, DUE);
        vm.expectRevert(Pausable.EnforcedPause.selector);
        vm.prank(sme);
        token.tokenizeBatch(ps);
    }

    function test_setCurrencyAllowed_emitsAndToggles() public {
        address eur = makeAddr("eur");
        vm.expectEmit(address(token));
        emit IReceivableToken.CurrencyAllowed(eur, true);
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(eur, true);
        assertTrue(token.isCurrencyAllowed(eur));
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(eur, false);
        assertFalse(token.isCurrencyAllowed(eur));
    }

    function test_setCurrencyAllowed_revertsForZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableCurrencyNotAllowed.selector, address(0)));
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(address(0), true);
    }

    function test_setCurrencyAllowed_revertsAfter255Currencies() public {
        // DemoUSD took id 1.
        for (uint160 i = 1; i < 255; ++i) {
            vm.prank(receivablesAdmin);
            token.setCurrencyAllowed(address(i), true);
        }
        vm.expectRevert(IReceivableToken.ReceivableTooManyCurrencies.selector);
        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(address(uint160(1000)), true);
    }

    function test_setCurrencyAllowed_revertsForStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        token.setCurrencyAllowed(address(usd), false);
    }

    function test_registerFinancier_emitsAndToggles() public {
        vm.expectEmit(address(token));
        emit IReceivableToken.FinancierRegistered(buyer, true);
        vm.prank(receivablesAdmin);
        token.registerFinancier(buyer, true);
        assertTrue(token.isFinancier(buyer));
    }

    function test_registerFinancier_revertsForZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFinancier.selector, address(0)));
        vm.prank(receivablesAdmin);
        token.registerFinancier(address(0), true);
    }

    function test_registerFinancier_revertsForStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        token.registerFinancier(buyer, true);
    }

    function test_setCreditHistory_emitsAndIsRestricted() public {
        vm.expectEmit(address(token));
        emit IReceivableToken.CreditHistorySet(address(0xC0FFEE));
        vm.prank(receivablesAdmin);
        token.setCreditHistory(address(0xC0FFEE));
        assertEq(token.creditHistory(), address(0xC0FFEE));
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        token.setCreditHistory(address(0));
    }

    function test_views_revertForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 42));
        token.receivable(42);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 42));
        token.outstanding(42);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 42));
        token.hashAcknowledgement(42, "INV-42", 0);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 42));
        token.hashCreditNote(42, 1, bytes32(0), 0);
    }

    function test_identityRegistry_returnsRegistry() public view {
        assertEq(token.identityRegistry(), address(registry));
    }

    function test_supportsInterface_erc721AndReceivable() public view {
        assertTrue(token.supportsInterface(type(IERC721).interfaceId));
        assertTrue(token.supportsInterface(type(IReceivableToken).interfaceId));
        assertFalse(token.supportsInterface(0xdeadbeef));
    }

    function test_tokenURI_isBase64JsonWithTerms() public {
        uint256 id = _tokenize();
        _pay(id, 1234);
        string memory uri = token.tokenURI(id);
        string memory prefix = "data:application/json;base64,";
        bytes memory u = bytes(uri);
        bytes memory pre = bytes(prefix);
        for (uint256 i; i < pre.length; ++i) assertEq(u[i], pre[i]);
        bytes memory body = new bytes(u.length - pre.length);
        for (uint256 i; i < body.length; ++i) body[i] = u[i + pre.length];
        // Re-encoding the expected JSON must give the same base64 body.
        assertEq(string(body), Base64.encode(bytes(_expectedJson(id))));
    }

    function test_tokenURI_statusAcknowledged() public {
        uint256 id = _acknowledged();
        assertEq(token.tokenURI(id), _uri(id, "Acknowledged", FACE, 0, 0, FACE));
    }

    function test_tokenURI_statusDisputed() public {
        uint256 id = _acknowledged();
        vm.prank(debtor);
        token.dispute(id, keccak256("wrong quantity"));
        assertEq(token.tokenURI(id), _uri(id, "Disputed", FACE, 0, 0, FACE));
    }

    function test_tokenURI_statusPaidReportsFullPaymentAndNothingOutstanding() public {
        uint256 id = _acknowledged();
        _pay(id, FACE);
        assertEq(token.tokenURI(id), _uri(id, "Paid", FACE, FACE, 0, 0));
    }

    function test_tokenURI_statusCancelledAnswersAfterBurn() public {
        uint256 id = _tokenize();
        vm.prank(sme);
        token.cancel(id);
        assertEq(token.tokenURI(id), _uri(id, "Cancelled", FACE, 0, 0, FACE));
    }

    function test_tokenURI_statusDefaultedWithAttestedPart() public {
        uint256 id = _acknowledged();
        vm.prank(servicer);
        token.attestPayment(id, 1_000e6, keccak256("bank transfer"));
        vm.prank(sme);
        token.transferFrom(sme, buyer, id);
        vm.prank(receivablesAdmin);
        token.registerFinancier(buyer, true);
        vm.warp(uint256(DUE) + 1);
        vm.prank(buyer);
        token.markDefaulted(id);
        assertEq(token.tokenURI(id), _uri(id, "Defaulted", FACE, 0, 1_000e6, FACE - 1_000e6));
    }

    function test_tokenURI_revertsForUnknownToken() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 42));
        token.tokenURI(42);
    }

    /// The token never renders an unknown invoice (it reverts first); the renderer itself labels
    /// `None` and reports no outstanding amount when paid + attested exceed the face value.
    function test_render_noneStatusAndOverSettledTermsRenderWithoutReverting() public {
        ReceivableRenderer renderer = new ReceivableRenderer();
        IReceivableToken.Receivable memory r;
        r.currency = address(usd);
        r.faceValue = 5;
        r.amountPaid = 4;
        r.amountAttested = 3;
        r.dueDate = DUE;
        r.termsVersion = 2;
        assertEq(renderer.render(7, r), _uri(7, "None", 5, 4, 3, 2, 0));
    }

    // JSON literals: Prettier keeps them in single quotes rather than escaping double quotes.
    // solhint-disable quotes
    function _expectedJson(uint256 id) internal view returns (string memory) {
        string memory attrs = string.concat(
            '{"trait_type":"Face value","display_type":"number","value":10000000000},',
            '{"trait_type":"Currency","value":"',
            vm.toString(address(usd)),
            '"},{"trait_type":"Due date","display_type":"date","value":',
            vm.toString(uint256(DUE)),
            '},{"trait_type":"Status","value":"Issued"},',
            '{"trait_type":"Amount paid","display_type":"number","value":1234},',
            '{"trait_type":"Amount attested","display_type":"number","value":0},',
            '{"trait_type":"Outstanding","display_type":"number","value":9999998766},',
            '{"trait_type":"Terms version","value":0}]}'
        );
        return
            string.concat(
                '{"name":"Receivable #',
                vm.toString(bytes32(id)),
                '","description":"Tokenized invoice. Payments to this token go to its holder. Amounts are in base units of the currency.","attributes":[',
                attrs
            );
    }

    function _uri(
        uint256 id,
        string memory status,
        uint256 face,
        uint256 paid,
        uint256 attested,
        uint256 outstanding
    ) internal view returns (string memory) {
        return _uri(id, status, face, paid, attested, 0, outstanding);
    }

    /// @dev The expected `tokenURI`, written out field by field independently of the renderer.
    function _uri(
        uint256 id,
        string memory status,
        uint256 face,
        uint256 paid,
        uint256 attested,
        uint256 version,
        uint256 outstanding
    ) internal view returns (string memory) {
        string memory terms = string.concat(
            '{"trait_type":"Face value","display_type":"number","value":',
            vm.toString(face),
            '},{"trait_type":"Currency","value":"',
            vm.toString(address(usd)),
            '"},{"trait_type":"Due date","display_type":"date","value":',
            vm.toString(uint256(DUE)),
            '},{"trait_type":"Status","value":"',
            status,
            '"},'
        );
        string memory amounts = string.concat(
            '{"trait_type":"Amount paid","display_type":"number","value":',
            vm.toString(paid),
            '},{"trait_type":"Amount attested","display_type":"number","value":',
            vm.toString(attested),
            '},{"trait_type":"Outstanding","display_type":"number","value":',
            vm.toString(outstanding),
            '},{"trait_type":"Terms version","value":',
            vm.toString(version),
            "}]}"
        );
        string memory json = string.concat(
            '{"name":"Receivable #',
            vm.toString(bytes32(id)),
            '","description":"Tokenized invoice. Payments to this token go to its holder. Amounts are in base units of the currency.","attributes":[',
            terms,
            amounts
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }
    // solhint-enable quotes
}
