// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IReceivableToken} from "../../../contracts/interfaces/IReceivableToken.sol";
import {IFinancingPool} from "../../../contracts/interfaces/IFinancingPool.sol";
import {ITokenReceiverHook} from "./HookToken.sol";

/// @notice A verified SME that is a contract: it tokenizes, sells invoices to the pool by
/// `safeTransferFrom` (the pool's `onERC721Received` path), and, when the pool pays it in a hook
/// token, re-enters the pool (`payload`) from inside that payment. Records what the re-entry got.
contract ReentrantSme is IERC721Receiver, ITokenReceiverHook {
    IReceivableToken private immutable RECEIVABLES;
    IFinancingPool private immutable POOL;
    bytes public payload;
    address public target;
    uint256 public hookCalls;
    bool public reentryOk;
    bytes public reentryError;

    constructor(IReceivableToken receivables, IFinancingPool pool) {
        RECEIVABLES = receivables;
        POOL = pool;
    }

    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
    }

    function tokenize(IReceivableToken.TokenizeParams calldata p) external returns (uint256) {
        return RECEIVABLES.tokenize(p);
    }

    function sellBySafeTransfer(uint256 tokenId) external {
        RECEIVABLES.safeTransferFrom(address(this), address(POOL), tokenId, abi.encode(uint256(0)));
    }

    function approveToken(address token, address spender) external {
        IERC20(token).approve(spender, type(uint256).max);
        RECEIVABLES.setApprovalForAll(spender, true);
    }

    function exec(address to, bytes calldata data) external returns (bool ok, bytes memory ret) {
        // solhint-disable-next-line avoid-low-level-calls
        (ok, ret) = to.call(data);
    }

    function tokensReceived(address, uint256) external {
        ++hookCalls;
        if (target == address(0)) return;
        address t = target;
        target = address(0); // once
        // solhint-disable-next-line avoid-low-level-calls
        (reentryOk, reentryError) = t.call(payload);
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }
}
