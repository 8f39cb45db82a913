// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";

/// @notice Stand-in for the receivable token as collateral: an ERC-721 whose tokens are
/// acknowledged invoices in `currency` (as the manager checks through `statusAndCurrency`), one
/// storage word per token read, like the real token's terms word.
contract MockCollateral is ERC721 {
    mapping(uint256 id => IReceivableToken.Status) public statusOf;
    address public currency;

    constructor() ERC721("Mock Receivable", "mRCV") {}

    function setCurrency(address currency_) external {
        currency = currency_;
    }

    function setStatus(uint256 id, IReceivableToken.Status status) external {
        statusOf[id] = status;
    }

    function mint(address to, uint256 id) external {
        statusOf[id] = IReceivableToken.Status.Acknowledged;
        _mint(to, id);
    }

    function statusAndCurrency(uint256 id) external view returns (IReceivableToken.Status, address) {
        return (statusOf[id], currency);
    }
}
