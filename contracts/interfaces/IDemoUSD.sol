// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IDemoUSD
/// @notice A 6-decimals stablecoin stand-in for local development and tests only.
/// @dev Deploying it on any chain other than the local Hardhat chain (31337) reverts, so a
/// worthless token can never be mistaken for real money on a public network.
interface IDemoUSD {
    /// @notice Emitted when the faucet mints `amount` to `account`; the ERC-20 `Transfer`
    /// from the zero address carries the same amount, this event says why.
    /// @param account The account.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param usedInWindow What the account has taken in the current window, this drip included.
    event FaucetDrip(address indexed account, uint256 amount, uint256 usedInWindow);

    /// @notice Emitted when the owner mints outside the faucet (demo seeding).
    /// @param to The recipient.
    /// @param amount The amount, in the asset's smallest unit.
    event OwnerMint(address indexed to, uint256 amount);

    /// @notice The token was deployed on `chainId`, which is not the local chain.
    /// @param chainId The chain id the token was deployed on.
    error DemoUSDWrongChain(uint256 chainId);

    /// @notice A faucet or mint call asked for zero tokens.
    error DemoUSDZeroAmount();

    /// @notice `account` asked for `requested` but only `available` is left in this window.
    /// @param account The account.
    /// @param requested The amount asked.
    /// @param available The amount available.
    error DemoUSDFaucetLimitExceeded(address account, uint256 requested, uint256 available);

    /// @notice Mints `amount` to the caller, within the per-account limit of the current window.
    /// @param amount The amount, in the asset's smallest unit.
    function faucet(uint256 amount) external;

    /// @notice Mints `amount` to `to`; owner only, for seeding demo data.
    /// @param to The recipient.
    /// @param amount The amount, in the asset's smallest unit.
    function mint(address to, uint256 amount) external;

    /// @notice How much `account` can still take from the faucet right now.
    /// @param account The account.
    /// @return available The amount `account` may still take now.
    function faucetAvailable(address account) external view returns (uint256);

    /// @notice When `account`'s current faucet window ends (0 when no window is open).
    /// @param account The account.
    /// @return windowEnd The end of the current window (unix seconds), or 0.
    function faucetWindowEnd(address account) external view returns (uint256);
}
