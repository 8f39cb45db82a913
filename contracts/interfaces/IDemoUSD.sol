// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IDemoUSD
/// @notice A 6-decimals stablecoin stand-in for local development and tests only.
/// @dev Deploying it on any chain other than the local Hardhat chain (31337) reverts, so a
/// worthless token can never be mistaken for real money on a public network.
interface IDemoUSD {
    /// @notice Emitted when the faucet mints `amount` to `account`; the ERC-20 `Transfer`
    /// from the zero address carries the same amount, this event says why.
    event FaucetDrip(address indexed account, uint256 amount, uint256 usedInWindow);

    /// @notice Emitted when the owner mints outside the faucet (demo seeding).
    event OwnerMint(address indexed to, uint256 amount);

    /// @notice The token was deployed on `chainId`, which is not the local chain.
    error DemoUSDWrongChain(uint256 chainId);

    /// @notice A faucet or mint call asked for zero tokens.
    error DemoUSDZeroAmount();

    /// @notice `account` asked for `requested` but only `available` is left in this window.
    error DemoUSDFaucetLimitExceeded(address account, uint256 requested, uint256 available);

    /// @notice Mints `amount` to the caller, within the per-account limit of the current window.
    function faucet(uint256 amount) external;

    /// @notice Mints `amount` to `to`; owner only, for seeding demo data.
    function mint(address to, uint256 amount) external;

    /// @notice How much `account` can still take from the faucet right now.
    function faucetAvailable(address account) external view returns (uint256);

    /// @notice When `account`'s current faucet window ends (0 when no window is open).
    function faucetWindowEnd(address account) external view returns (uint256);
}
