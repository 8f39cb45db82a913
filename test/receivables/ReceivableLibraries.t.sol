// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {CurrencyRegister} from "../../contracts/receivables/CurrencyRegister.sol";
import {InvoiceKeys} from "../../contracts/receivables/InvoiceKeys.sol";
import {ReceivableMessages} from "../../contracts/receivables/ReceivableMessages.sol";
import {ReceivablePacking} from "../../contracts/receivables/ReceivablePacking.sol";
import {ReceivableRules} from "../../contracts/receivables/ReceivableRules.sol";

/// @dev A currency register in its own storage, as the token holds one.
contract CurrencyRegisterHarness {
    using CurrencyRegister for CurrencyRegister.Currencies;

    CurrencyRegister.Currencies internal _currencies;

    function setAllowed(address currency, bool allowed) external {
        _currencies.setAllowed(currency, allowed);
    }

    function config(address currency) external view returns (uint8 id, bool allowed) {
        CurrencyRegister.Config memory c = _currencies.configs[currency];
        return (c.id, c.allowed);
    }

    function byId(uint8 id) external view returns (address) {
        return _currencies.byId[id];
    }

    function count() external view returns (uint8) {
        return _currencies.count;
    }
}

/// @notice The token's libraries on their own: the duplicate key, the signed messages' struct
/// hashes, the currency register and the shared rules, each against an independent computation.
contract ReceivableLibrariesTest is Test {
    CurrencyRegisterHarness internal register;

    function setUp() public {
        register = new CurrencyRegisterHarness();
    }

    function testFuzz_entityPair_isAbiEncodedHash(bytes32 issuerEntity, bytes32 debtorEntity) public pure {
        assertEq(InvoiceKeys.entityPair(issuerEntity, debtorEntity), keccak256(abi.encode(issuerEntity, debtorEntity)));
    }

    function testFuzz_invoiceKey_isAbiEncodedHash(bytes32 pair, bytes32 numberHash) public pure {
        assertEq(InvoiceKeys.invoiceKey(pair, numberHash), keccak256(abi.encode(pair, numberHash)));
    }

    function test_acknowledgementHash_encodesEveryField() public pure {
        ReceivablePacking.Parties memory p = ReceivablePacking.Parties(address(0xD), 7e6);
        ReceivablePacking.Terms memory t = ReceivablePacking.Terms(
            address(0x1),
            100,
            200,
            IReceivableToken.Status.Issued,
            3,
            1
        );
        bytes32 typeHash = keccak256(
            "Acknowledgement(uint256 tokenId,address debtor,string invoiceNumber,address currency,uint256 faceValue,uint256 dueDate,uint8 termsVersion,uint256 deadline)"
        );
        bytes32 expected = keccak256(
            abi.encode(typeHash, 42, address(0xD), keccak256("INV1"), address(0xC), 7e6, 200, uint8(3), 300)
        );
        assertEq(ReceivableMessages.acknowledgementHash(42, p, address(0xC), keccak256("INV1"), t, 300), expected);
        assertEq(ReceivableMessages.ACKNOWLEDGEMENT_TYPEHASH, typeHash);
    }

    function test_creditNoteHash_encodesEveryField() public pure {
        bytes32 typeHash = keccak256(
            "CreditNote(uint256 tokenId,address debtor,uint256 newFaceValue,bytes32 noteHash,uint8 termsVersion,uint256 deadline)"
        );
        bytes32 expected = keccak256(abi.encode(typeHash, 42, address(0xD), 5e6, bytes32("note"), uint8(2), 300));
        assertEq(ReceivableMessages.creditNoteHash(42, address(0xD), 5e6, bytes32("note"), 2, 300), expected);
        assertEq(ReceivableMessages.CREDIT_NOTE_TYPEHASH, typeHash);
    }

    function test_setAllowed_givesIdsInOrderAndKeepsThem() public {
        vm.expectEmit(address(register));
        emit IReceivableToken.CurrencyAllowed(address(0xA), true);
        register.setAllowed(address(0xA), true);
        register.setAllowed(address(0xB), true);
        register.setAllowed(address(0xA), false);
        register.setAllowed(address(0xA), true);

        (uint8 idA, bool allowedA) = register.config(address(0xA));
        (uint8 idB, ) = register.config(address(0xB));
        assertEq(idA, 1);
        assertTrue(allowedA);
        assertEq(idB, 2);
        assertEq(register.count(), 2, "re-allowing assigns no new id");
        assertEq(register.byId(1), address(0xA));
        assertEq(register.byId(2), address(0xB));
    }

    function test_setAllowed_disallowedKeepsItsId() public {
        register.setAllowed(address(0xA), true);
        register.setAllowed(address(0xA), false);
        (uint8 id, bool allowed) = register.config(address(0xA));
        assertEq(id, 1);
        assertFalse(allowed);
        assertEq(register.byId(1), address(0xA));
    }

    function test_setAllowed_revertsForZeroAddress() public {
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableCurrencyNotAllowed.selector, address(0)));
        register.setAllowed(address(0), true);
    }

    function test_setAllowed_revertsAfter255Currencies() public {
        for (uint160 i = 1; i <= 255; ++i) register.setAllowed(address(i), true);
        vm.expectRevert(IReceivableToken.ReceivableTooManyCurrencies.selector);
        register.setAllowed(address(1000), true);
        // A known currency still toggles.
        register.setAllowed(address(255), false);
    }

    function test_daysLate_roundsUpWholeDays() public {
        vm.warp(1_000_000);
        assertEq(ReceivableRules.daysLate(1_000_000), 0, "on the due date");
        assertEq(ReceivableRules.daysLate(1_000_001), 0, "before it");
        assertEq(ReceivableRules.daysLate(999_999), 1, "one second late");
        assertEq(ReceivableRules.daysLate(1_000_000 - 1 days), 1, "exactly one day");
        assertEq(ReceivableRules.daysLate(1_000_000 - 1 days - 1), 2, "a day and a second");
    }

    function test_requireStatus_allowsOnlyTheMaskedStatuses() public {
        ReceivableRules.requireStatus(1, IReceivableToken.Status.Disputed, ReceivableRules.OPEN);
        ReceivableRules.requireStatus(1, IReceivableToken.Status.Defaulted, ReceivableRules.PAYABLE);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableInvalidStatus.selector,
                1,
                IReceivableToken.Status.Defaulted
            )
        );
        this.requireStatus(IReceivableToken.Status.Defaulted, ReceivableRules.OPEN);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotFound.selector, 1));
        this.requireStatus(IReceivableToken.Status.None, ReceivableRules.PAYABLE);
    }

    function requireStatus(IReceivableToken.Status status, uint256 allowed) external pure {
        ReceivableRules.requireStatus(1, status, allowed);
    }
}
