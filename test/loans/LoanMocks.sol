// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @notice Stand-in for the receivable token as collateral: any ERC-721.
contract MockCollateral is ERC721 {
    constructor() ERC721("Mock Receivable", "mRCV") {}

    function mint(address to, uint256 id) external {
        _mint(to, id);
    }
}
