// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice A rebasing stablecoin (stETH / AMPL style): balances are internal shares times a global
/// index that anyone here may move, so a holder's balance changes without any transfer, and a
/// transfer of `amount` credits `amount` rounded through the index.
contract RebasingToken is IERC20 {
    uint256 private constant ONE = 1e18;
    uint256 public index = ONE;
    uint256 private _totalShares;
    mapping(address account => uint256) private _shares;
    mapping(address owner => mapping(address spender => uint256)) private _allowances;

    function decimals() external pure returns (uint8) {
        return 6;
    }

    /// @notice Sets the index (1e18 = 1:1): a negative rebase shrinks every balance at once.
    function rebase(uint256 newIndex) external {
        index = newIndex;
    }

    function mint(address to, uint256 amount) external {
        uint256 s = (amount * ONE) / index;
        _shares[to] += s;
        _totalShares += s;
        emit Transfer(address(0), to, amount);
    }

    function totalSupply() external view returns (uint256) {
        return (_totalShares * index) / ONE;
    }

    function balanceOf(address account) public view returns (uint256) {
        return (_shares[account] * index) / ONE;
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        if (allowed != type(uint256).max) _allowances[from][msg.sender] = allowed - amount;
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) private {
        uint256 s = (amount * ONE) / index;
        _shares[from] -= s;
        _shares[to] += s;
        emit Transfer(from, to, amount);
    }
}
