// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title TransferIn
/// @notice Pulls tokens from the caller and measures what arrived, so a contract books the
/// balance delta and refuses a fee-on-transfer or rebasing token with its own named error.
library TransferIn {
    using SafeERC20 for IERC20;

    /// @notice Moves `amount` of `token` from `msg.sender` to this contract; returns the increase
    /// of this contract's balance (0 if it fell), which the caller compares with `amount`.
    function pullMeasured(IERC20 token, uint256 amount) internal returns (uint256 received) {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 afterwards = token.balanceOf(address(this));
        return afterwards > before ? afterwards - before : 0;
    }
}
