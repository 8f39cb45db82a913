// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title TransferIn
/// @notice Moves tokens from the caller and measures what arrived, so a contract books the
/// balance delta and refuses a fee-on-transfer or rebasing token with its own named error.
library TransferIn {
    using SafeERC20 for IERC20;

    /// @notice Moves `amount` of `token` from `msg.sender` to `to` (the caller itself, or the holder
    /// a payment goes to); returns the increase of `to`'s balance (0 if it fell), which the caller
    /// compares with `amount`.
    function moveMeasured(IERC20 token, address to, uint256 amount) internal returns (uint256 received) {
        uint256 before = token.balanceOf(to);
        token.safeTransferFrom(msg.sender, to, amount);
        uint256 afterwards = token.balanceOf(to);
        return afterwards > before ? afterwards - before : 0;
    }
}
