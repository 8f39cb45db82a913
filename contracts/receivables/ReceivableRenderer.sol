// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";

/// @title ReceivableRenderer
/// @notice Builds the on-chain `tokenURI` JSON of a receivable from its stored terms.
/// @dev A separate contract, deployed by the token's constructor, so the string building lives in
/// the token's init code rather than its runtime code (which must stay under 24 KiB). Pure: it
/// holds no state and trusts whatever terms it is given.
// JSON fragments are full of double quotes: Prettier writes such literals in single quotes rather
// than escaping, which solhint's `quotes` rule would flag on every line.
// solhint-disable quotes
contract ReceivableRenderer {
    using Strings for uint256;
    using Strings for address;

    /// @notice `data:application/json;base64,` URI with name, description and attributes (face
    /// value, currency, due date, status, amount paid, amount attested, outstanding).
    function render(uint256 tokenId, IReceivableToken.Receivable calldata r) external pure returns (string memory) {
        string memory terms = string.concat(
            _number("Face value", r.faceValue),
            _text("Currency", r.currency.toChecksumHexString()),
            _date("Due date", r.dueDate),
            _text("Status", _status(r.status))
        );
        string memory attributes = string.concat(
            terms,
            _number("Amount paid", r.amountPaid),
            _number("Amount attested", r.amountAttested),
            _number("Outstanding", _outstanding(r))
        );
        string memory json = string.concat(
            '{"name":"Receivable #',
            tokenId.toHexString(32),
            '","description":"Tokenized invoice. Payments to this token go to its holder. Amounts are in base units of the currency.","attributes":[',
            attributes,
            '{"trait_type":"Terms version","value":',
            uint256(r.termsVersion).toString(),
            "}]}"
        );
        return string.concat("data:application/json;base64,", Base64.encode(bytes(json)));
    }

    function _outstanding(IReceivableToken.Receivable calldata r) private pure returns (uint256) {
        uint256 settled = uint256(r.amountPaid) + r.amountAttested;
        return r.faceValue > settled ? r.faceValue - settled : 0;
    }

    function _number(string memory trait, uint256 value) private pure returns (string memory) {
        return string.concat('{"trait_type":"', trait, '","display_type":"number","value":', value.toString(), "},");
    }

    function _date(string memory trait, uint256 value) private pure returns (string memory) {
        return string.concat('{"trait_type":"', trait, '","display_type":"date","value":', value.toString(), "},");
    }

    function _text(string memory trait, string memory value) private pure returns (string memory) {
        return string.concat('{"trait_type":"', trait, '","value":"', value, '"},');
    }

    function _status(IReceivableToken.Status s) private pure returns (string memory) {
        if (s == IReceivableToken.Status.Issued) return "Issued";
        if (s == IReceivableToken.Status.Acknowledged) return "Acknowledged";
        if (s == IReceivableToken.Status.Disputed) return "Disputed";
        if (s == IReceivableToken.Status.Paid) return "Paid";
        if (s == IReceivableToken.Status.Cancelled) return "Cancelled";
        if (s == IReceivableToken.Status.Defaulted) return "Defaulted";
        return "None";
    }
}
