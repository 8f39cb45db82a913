// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {InvoiceNumber} from "./InvoiceNumber.sol";
import {InvoiceKeys} from "./InvoiceKeys.sol";
import {ReceivablePacking} from "./ReceivablePacking.sol";
import {ReceivableRules} from "./ReceivableRules.sol";

/// @title ReceivableMessages
/// @notice The EIP-712 messages a debtor signs (see the token's NatSpec for the types): their type
/// hashes, their struct hashes, and the lookups behind the token's `hashAcknowledgement` and
/// `hashCreditNote` views, which wallets and relayers call. Linked library: the lookups run by
/// DELEGATECALL in the token's storage; the token's signed acknowledgement and
/// {ReceivableServicing}'s credit note inline the struct hashes, so verifying a signature calls no
/// library. The token applies its EIP-712 domain to each struct hash.
library ReceivableMessages {
    using ReceivablePacking for uint256;

    /// @dev EIP-712 type hash of the debtor's acknowledgement.
    bytes32 internal constant ACKNOWLEDGEMENT_TYPEHASH = keccak256(
        "Acknowledgement(uint256 tokenId,address debtor,string invoiceNumber,address currency,uint256 faceValue,uint256 dueDate,uint8 termsVersion,uint256 deadline)"
    );
    /// @dev EIP-712 type hash of the debtor's consent to a credit note.
    bytes32 internal constant CREDIT_NOTE_TYPEHASH = keccak256(
        "CreditNote(uint256 tokenId,address debtor,uint256 newFaceValue,bytes32 noteHash,uint8 termsVersion,uint256 deadline)"
    );

    /// @dev The `Acknowledgement` of invoice `inv`'s current terms under `invoiceNumber`, which is
    /// canonicalized and checked against the key of the parties' entities as `registry` now has
    /// them (a party re-keyed since tokenization finds no key). `keys` is the token's duplicate-key
    /// register.
    function acknowledgementHashOf(
        ReceivablePacking.Invoice storage inv,
        mapping(bytes32 invoiceKey => uint256 record) storage keys,
        IIdentityRegistry registry,
        uint256 tokenId,
        string calldata invoiceNumber,
        uint256 deadline
    ) external view returns (bytes32) {
        (bytes32 numberHash, address currency) = _checkInvoiceNumber(keys, registry, tokenId, inv, invoiceNumber);
        return _acknowledgementHashOf(inv, tokenId, currency, numberHash, deadline);
    }

    /// @dev The `CreditNote` lowering invoice `inv`'s face value to `newFaceValue` at its current
    /// terms version.
    function creditNoteHashOf(
        ReceivablePacking.Invoice storage inv,
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline
    ) external view returns (bytes32) {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivableRules.requireExists(tokenId, t.status);
        return creditNoteHash(tokenId, inv.parties.debtor(), newFaceValue, noteHash, t.termsVersion, deadline);
    }

    /// @dev The struct hash of an `Acknowledgement` of the terms `t` and parties `p` under the
    /// canonical number hashing to `numberHash`.
    function acknowledgementHash(
        uint256 tokenId,
        ReceivablePacking.Parties memory p,
        address currency,
        bytes32 numberHash,
        ReceivablePacking.Terms memory t,
        uint256 deadline
    ) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    ACKNOWLEDGEMENT_TYPEHASH,
                    tokenId,
                    p.debtor,
                    numberHash,
                    currency,
                    uint256(p.faceValue),
                    uint256(t.dueDate),
                    t.termsVersion,
                    deadline
                )
            );
    }

    /// @dev The struct hash of a `CreditNote` lowering the face value to `newFaceValue` at `termsVersion`.
    function creditNoteHash(
        uint256 tokenId,
        address debtor,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint8 termsVersion,
        uint256 deadline
    ) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encode(
                    CREDIT_NOTE_TYPEHASH,
                    tokenId,
                    debtor,
                    uint256(newFaceValue),
                    noteHash,
                    termsVersion,
                    deadline
                )
            );
    }

    /// @dev Returns keccak256 of the canonical `invoiceNumber` and the invoice's currency once the
    /// number is checked against the key of the parties' entities as `registry` now has them.
    function _checkInvoiceNumber(
        mapping(bytes32 invoiceKey => uint256 record) storage keys,
        IIdentityRegistry registry,
        uint256 tokenId,
        ReceivablePacking.Invoice storage inv,
        string calldata invoiceNumber
    ) private view returns (bytes32 numberHash, address currency) {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivableRules.requireExists(tokenId, t.status);
        bytes memory number = InvoiceNumber.canonicalize(invoiceNumber);
        numberHash = keccak256(number);
        bytes32 pair = InvoiceKeys.entityPair(registry.entityOf(t.issuer), registry.entityOf(inv.parties.debtor()));
        currency = InvoiceKeys.checkInvoiceKey(keys, tokenId, inv, pair, numberHash, string(number));
    }

    function _acknowledgementHashOf(
        ReceivablePacking.Invoice storage inv,
        uint256 tokenId,
        address currency,
        bytes32 numberHash,
        uint256 deadline
    ) private view returns (bytes32) {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        return acknowledgementHash(tokenId, p, currency, numberHash, t, deadline);
    }
}
