// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title SharesMath
/// @notice ERC-4626 conversions with virtual shares and assets (decimals offset), the rounding
/// direction in each name. Callers pick the direction that favours the pool.
/// @dev `virtualShares` is 10**offset and the virtual asset is 1, as in OpenZeppelin's ERC4626:
/// a donation then has to be 10**offset times the victim's deposit to steal a single unit.
library SharesMath {
    /// @notice floor(assets * (supply + virtualShares) / (totalAssets + 1)).
    function toSharesDown(
        uint256 assets,
        uint256 totalAssets,
        uint256 supply,
        uint256 virtualShares
    ) internal pure returns (uint256) {
        return Math.mulDiv(assets, supply + virtualShares, totalAssets + 1, Math.Rounding.Floor);
    }

    /// @notice ceil(assets * (supply + virtualShares) / (totalAssets + 1)).
    function toSharesUp(
        uint256 assets,
        uint256 totalAssets,
        uint256 supply,
        uint256 virtualShares
    ) internal pure returns (uint256) {
        return Math.mulDiv(assets, supply + virtualShares, totalAssets + 1, Math.Rounding.Ceil);
    }

    /// @notice floor(shares * (totalAssets + 1) / (supply + virtualShares)).
    function toAssetsDown(
        uint256 shares,
        uint256 totalAssets,
        uint256 supply,
        uint256 virtualShares
    ) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets + 1, supply + virtualShares, Math.Rounding.Floor);
    }

    /// @notice ceil(shares * (totalAssets + 1) / (supply + virtualShares)).
    function toAssetsUp(
        uint256 shares,
        uint256 totalAssets,
        uint256 supply,
        uint256 virtualShares
    ) internal pure returns (uint256) {
        return Math.mulDiv(shares, totalAssets + 1, supply + virtualShares, Math.Rounding.Ceil);
    }
}
