// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Called by {HookToken} on a registered recipient after every transfer to it (ERC-777 style).
interface ITokenReceiverHook {
    function tokensReceived(address from, uint256 amount) external;
}

/// @notice A stablecoin with a receive hook, like ERC-777 / AMP (the Cream Finance exploit): after
/// each transfer it calls `tokensReceived` on recipients that opted in, handing them control in
/// the middle of the sender's function.
contract HookToken is ERC20 {
    mapping(address account => bool) public hooked;

    constructor() ERC20("Hook USD", "hUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setHooked(bool on) external {
        hooked[msg.sender] = on;
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (from != address(0) && hooked[to]) ITokenReceiverHook(to).tokensReceived(from, value);
    }
}
