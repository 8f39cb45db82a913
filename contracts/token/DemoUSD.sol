// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IDemoUSD} from "../interfaces/IDemoUSD.sol";

/// @title DemoUSD
/// @notice Local-only 6-decimals stablecoin with EIP-2612 permit and a rate-limited faucet.
contract DemoUSD is ERC20, ERC20Permit, Ownable, IDemoUSD {
    /// @notice The only chain this token may exist on (Hardhat's local chain).
    uint256 public constant LOCAL_CHAIN_ID = 31_337;
    /// @notice Faucet allowance per account per window: 10,000 dUSD.
    uint256 public constant FAUCET_LIMIT = 10_000e6;
    /// @notice Length of a faucet window.
    uint256 public constant FAUCET_WINDOW = 1 days;

    // One slot per account: when its window opened and how much it took since.
    struct FaucetUse {
        uint64 windowStart;
        uint192 used;
    }

    mapping(address account => FaucetUse) private _faucetUse;

    constructor(address initialOwner) ERC20("Demo USD", "dUSD") ERC20Permit("Demo USD") Ownable(initialOwner) {
        if (block.chainid != LOCAL_CHAIN_ID) revert DemoUSDWrongChain(block.chainid);
    }

    /// @inheritdoc ERC20
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @inheritdoc IDemoUSD
    function faucet(uint256 amount) external {
        if (amount == 0) revert DemoUSDZeroAmount();
        FaucetUse memory use = _currentUse(msg.sender);
        uint256 available = FAUCET_LIMIT - use.used;
        if (amount > available) revert DemoUSDFaucetLimitExceeded(msg.sender, amount, available);
        // amount <= FAUCET_LIMIT, so the sum fits in uint192.
        use.used += uint192(amount);
        _faucetUse[msg.sender] = use;
        emit FaucetDrip(msg.sender, amount, use.used);
        _mint(msg.sender, amount);
    }

    /// @inheritdoc IDemoUSD
    function mint(address to, uint256 amount) external onlyOwner {
        if (amount == 0) revert DemoUSDZeroAmount();
        emit OwnerMint(to, amount);
        _mint(to, amount);
    }

    /// @inheritdoc IDemoUSD
    function faucetAvailable(address account) external view returns (uint256) {
        return FAUCET_LIMIT - _currentUse(account).used;
    }

    /// @inheritdoc IDemoUSD
    function faucetWindowEnd(address account) external view returns (uint256) {
        uint256 start = _faucetUse[account].windowStart;
        if (start == 0 || block.timestamp >= start + FAUCET_WINDOW) return 0;
        return start + FAUCET_WINDOW;
    }

    // The stored window, or a fresh one when it has expired or never opened.
    function _currentUse(address account) private view returns (FaucetUse memory use) {
        use = _faucetUse[account];
        if (use.windowStart == 0 || block.timestamp >= uint256(use.windowStart) + FAUCET_WINDOW) {
            use = FaucetUse({windowStart: uint64(block.timestamp), used: 0});
        }
    }
}
