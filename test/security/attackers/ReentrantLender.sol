// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC1155Holder} from "@openzeppelin/contracts/token/ERC1155/utils/ERC1155Holder.sol";
import {ILoanManager} from "../../../contracts/interfaces/ILoanManager.sol";
import {ITokenReceiverHook} from "./HookToken.sol";

/// @notice An (allowed) lender contract that re-enters the loan manager from a hook token's
/// receive callback: claim twice, refund twice (the Cream Finance pattern: state read before the
/// transfer, updated after). Records whether the re-entry succeeded and what it got.
contract ReentrantLender is ITokenReceiverHook, ERC1155Holder {
    ILoanManager private immutable LOANS;
    bytes public payload;
    bool public armed;
    uint256 public hookCalls;
    bool public reentryOk;
    bytes public reentryError;

    constructor(ILoanManager loans) {
        LOANS = loans;
    }

    function arm(bytes calldata payload_) external {
        payload = payload_;
        armed = true;
    }

    function approve(IERC20 token) external {
        token.approve(address(LOANS), type(uint256).max);
    }

    function fund(uint256 loanId, uint256 amount) external {
        LOANS.fund(loanId, amount);
    }

    function claim(uint256 loanId) external returns (uint256) {
        return LOANS.claim(loanId);
    }

    function refund(uint256 loanId) external returns (uint256) {
        return LOANS.refund(loanId);
    }

    function tokensReceived(address, uint256) external {
        ++hookCalls;
        if (!armed) return;
        armed = false;
        // solhint-disable-next-line avoid-low-level-calls
        (reentryOk, reentryError) = address(LOANS).call(payload);
    }
}
