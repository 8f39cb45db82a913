// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {ReceivablePacking} from "./ReceivablePacking.sol";

/// @title InvoiceKeys
/// @notice The duplicate key of an invoice, keccak256(entity pair, keccak256 of the canonical
/// number), and the record it holds (see the token's NatSpec): computed by the token at
/// tokenization and acknowledgement, and by {ReceivableDigests} for the acknowledgement digest.
library InvoiceKeys {
    /// @dev What a caller names to acknowledge by signature: keccak256(abi.encode(issuer entity,
    /// debtor entity)) as registered at tokenization. Hashed in scratch space (no allocation).
    function entityPair(bytes32 issuerEntity, bytes32 debtorEntity) internal pure returns (bytes32 pair) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, issuerEntity)
            mstore(0x20, debtorEntity)
            pair := keccak256(0x00, 0x40)
        }
    }

    /// @dev keccak256(abi.encode(entityPair, invoiceNumberHash)), in scratch space.
    function invoiceKey(bytes32 pair, bytes32 invoiceNumberHash) internal pure returns (bytes32 key) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, pair)
            mstore(0x20, invoiceNumberHash)
            key := keccak256(0x00, 0x40)
        }
    }

    /// @dev The word a duplicate key holds: the invoice's currency in the low 160 bits (never zero,
    /// so a used key is non-zero) and, above it, the top 96 bits of the invoice's storage slot,
    /// keccak256(tokenId, slot of the token's invoice mapping): a fingerprint of the token id that
    /// costs no hashing (the slot is computed anyway). Matching another token's record needs a
    /// document hash whose slot shares 96 given bits (≈2^96 hashes; the id's own bits would be free
    /// to match, the id being the caller's document hash). The currency rides along so that an
    /// acknowledgement reads it from this slot (read anyway), not from the currency register (a
    /// cold read more).
    function keyRecord(ReceivablePacking.Invoice storage inv, address currency) internal pure returns (uint256 record) {
        uint256 slot;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            slot := inv.slot
        }
        record = ((slot >> 160) << 160) | uint160(currency);
    }

    /// @dev Returns the invoice's currency once the key of (`pair`, `numberHash`) in `keys` is
    /// checked to hold this invoice's record (see {keyRecord}); `number` only names it in the error.
    function checkInvoiceKey(
        mapping(bytes32 invoiceKey => uint256 record) storage keys,
        uint256 tokenId,
        ReceivablePacking.Invoice storage inv,
        bytes32 pair,
        bytes32 numberHash,
        string memory number
    ) internal view returns (address currency) {
        uint256 record = keys[invoiceKey(pair, numberHash)];
        if ((record ^ keyRecord(inv, address(0))) >> 160 != 0) {
            revert IReceivableToken.ReceivableInvoiceNumberMismatch(tokenId, number);
        }
        currency = address(uint160(record));
    }
}
