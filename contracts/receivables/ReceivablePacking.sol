// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReceivableToken} from "../interfaces/IReceivableToken.sol";

/// @title ReceivablePacking
/// @notice The two words every invoice writes at tokenization, packed by hand so that each is
/// written with one SSTORE (a struct written member by member costs a read-modify-write per member),
/// and the stored invoice they belong to.
/// @dev Terms word: issuer [0,160) | issueDate uint32 [160,192) | dueDate uint40 [192,232) |
/// status uint8 [232,240) | termsVersion uint8 [240,248) | currencyId uint8 [248,256).
/// Parties word: debtor [0,160) | faceValue uint96 [160,256).
/// `issueDate` fits 32 bits until 2106 because it cannot be in the future; `currencyId` is 1-based.
library ReceivablePacking {
    // Only ever built in memory; storage holds the packed word.
    // solhint-disable-next-line gas-struct-packing
    struct Terms {
        address issuer;
        uint32 issueDate;
        uint40 dueDate;
        IReceivableToken.Status status;
        uint8 termsVersion;
        uint8 currencyId;
    }

    struct Parties {
        address debtor;
        uint96 faceValue;
    }

    /// @dev Slot 3 of an invoice, zero until the first partial payment, attestation or dispute.
    struct Settlement {
        uint96 amountPaid;
        uint96 amountAttested;
        IReceivableToken.Status statusBeforeDispute;
    }

    /// @dev An invoice as stored: `terms` and `parties` are the packed words, written whole.
    struct Invoice {
        uint256 terms;
        uint256 parties;
        Settlement settlement;
    }

    uint256 private constant STATUS_SHIFT = 232;
    uint256 private constant VERSION_SHIFT = 240;
    uint256 private constant DUE_SHIFT = 192;
    uint256 private constant FACE_SHIFT = 160;

    function pack(Terms memory t) internal pure returns (uint256) {
        return packTerms(t.issuer, t.issueDate, t.dueDate, t.status, t.termsVersion, t.currencyId);
    }

    function packTerms(
        address issuer,
        uint32 issueDate,
        uint40 dueDate,
        IReceivableToken.Status s,
        uint8 termsVersion,
        uint8 currencyId
    ) internal pure returns (uint256) {
        return
            uint256(uint160(issuer)) |
            (uint256(issueDate) << 160) |
            (uint256(dueDate) << DUE_SHIFT) |
            (uint256(uint8(s)) << STATUS_SHIFT) |
            (uint256(termsVersion) << VERSION_SHIFT) |
            (uint256(currencyId) << 248);
    }

    function unpackTerms(uint256 word) internal pure returns (Terms memory t) {
        // Every cast below keeps exactly the bits of its field; status bytes are only ever written
        // from a valid Status, so the enum conversion cannot panic.
        t.issuer = address(uint160(word));
        t.issueDate = uint32(word >> 160);
        t.dueDate = uint40(word >> DUE_SHIFT);
        t.status = IReceivableToken.Status(uint8(word >> STATUS_SHIFT));
        t.termsVersion = uint8(word >> VERSION_SHIFT);
        t.currencyId = uint8(word >> 248);
    }

    function status(uint256 word) internal pure returns (IReceivableToken.Status) {
        return IReceivableToken.Status(uint8(word >> STATUS_SHIFT));
    }

    function withStatus(uint256 word, IReceivableToken.Status s) internal pure returns (uint256) {
        return (word & ~(uint256(0xff) << STATUS_SHIFT)) | (uint256(uint8(s)) << STATUS_SHIFT);
    }

    function pack(Parties memory p) internal pure returns (uint256) {
        return packParties(p.debtor, p.faceValue);
    }

    function packParties(address debtor_, uint96 faceValue_) internal pure returns (uint256) {
        return uint256(uint160(debtor_)) | (uint256(faceValue_) << FACE_SHIFT);
    }

    function unpackParties(uint256 word) internal pure returns (Parties memory p) {
        p.debtor = address(uint160(word));
        p.faceValue = uint96(word >> FACE_SHIFT);
    }

    function debtor(uint256 word) internal pure returns (address) {
        return address(uint160(word));
    }

    function faceValue(uint256 word) internal pure returns (uint96) {
        return uint96(word >> FACE_SHIFT);
    }
}
