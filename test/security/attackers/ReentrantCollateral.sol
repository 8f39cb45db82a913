// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @notice A malicious collateral NFT: the borrower chooses the collateral contract, so the loan
/// manager calls attacker code when it escrows and when it releases. On each `transferFrom` this
/// token calls `target` with `payload` (set by the attacker) and records the outcome; with
/// `revertOnRelease` it refuses to leave the manager's escrow (griefing a refund).
contract ReentrantCollateral is ERC721 {
    address public target;
    bytes public payload;
    bool public revertOnRelease;
    address public escrow;
    bool public reentered;
    bool public reentryOk;
    bytes public reentryError;

    constructor() ERC721("Evil collateral", "EVIL") {}

    function mint(address to, uint256 id) external {
        _mint(to, id);
    }

    function arm(address target_, bytes calldata payload_) external {
        target = target_;
        payload = payload_;
    }

    function setRevertOnRelease(address escrow_, bool on) external {
        escrow = escrow_;
        revertOnRelease = on;
    }

    function transferFrom(address from, address to, uint256 id) public override {
        if (revertOnRelease && from == escrow) revert("EVIL: stuck");
        super.transferFrom(from, to, id);
        if (target != address(0)) {
            address t = target;
            target = address(0); // once
            reentered = true;
            // solhint-disable-next-line avoid-low-level-calls
            (reentryOk, reentryError) = t.call(payload);
        }
    }
}
