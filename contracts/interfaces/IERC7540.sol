// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title ERC-7575 vault: the share token may live outside the vault
/// @notice ERC-165 id 0x2f0a18c5 (with the ERC-4626 functions other than ERC-20's).
interface IERC7575Vault {
    /// @notice The ERC-20 share token this vault mints and burns.
    /// @return shareToken Address of the share token.
    function share() external view returns (address shareToken);
}

/// @title ERC-7575 share token: maps each asset to the vault entry point that takes it
/// @notice ERC-165 id 0xf815c03d.
interface IERC7575Share {
    /// @notice `vault` is now the entry point for `asset`.
    /// @param asset The asset.
    /// @param vault The vault that takes `asset` for this share.
    event VaultUpdate(address indexed asset, address vault);

    /// @notice The vault entry point for `asset`.
    /// @param asset The asset.
    /// @return vault The vault, or zero when none takes `asset`.
    function vault(address asset) external view returns (address);
}

/// @title ERC-7540 operators
/// @notice ERC-165 id 0xe3bc4e65.
interface IERC7540Operator {
    /// @notice `controller` set `operator`'s approval to manage its requests to `approved`.
    /// @param controller The account whose requests the operator may manage.
    /// @param operator The operator.
    /// @param approved Whether the operator is approved.
    event OperatorSet(address indexed controller, address indexed operator, bool approved);

    /// @notice Approves or revokes `operator` to manage the caller's requests and claims.
    /// @param operator The operator.
    /// @param approved Whether it is approved.
    /// @return success Always true.
    function setOperator(address operator, bool approved) external returns (bool);

    /// @notice Whether `operator` may manage `controller`'s requests and claims.
    /// @param controller The controller.
    /// @param operator The operator.
    /// @return status True when approved.
    function isOperator(address controller, address operator) external view returns (bool status);
}

/// @title ERC-7540 asynchronous redemption
/// @notice ERC-165 id 0x620ee8e4.
interface IERC7540Redeem {
    /// @notice `sender` moved `shares` of `owner` into a redemption request of `controller`.
    /// @param controller The account that may claim the request.
    /// @param owner The account whose shares were taken.
    /// @param requestId The request id (0: requests are fungible per controller).
    /// @param sender The caller.
    /// @param shares The shares requested.
    event RedeemRequest(
        address indexed controller,
        address indexed owner,
        uint256 indexed requestId,
        address sender,
        uint256 shares
    );

    /// @notice Takes `shares` from `owner` into a redemption request that `controller` claims.
    /// @param shares Shares to redeem.
    /// @param controller The account that will claim.
    /// @param owner The account whose shares are taken.
    /// @return requestId The request id.
    function requestRedeem(uint256 shares, address controller, address owner) external returns (uint256 requestId);

    /// @notice Shares of `controller` requested and not yet claimable.
    /// @param requestId The request id.
    /// @param controller The controller.
    /// @return pendingShares The pending shares.
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256 pendingShares);

    /// @notice Shares of `controller` ready to claim through `redeem` or `withdraw`.
    /// @param requestId The request id.
    /// @param controller The controller.
    /// @return claimableShares The claimable shares.
    function claimableRedeemRequest(
        uint256 requestId,
        address controller
    ) external view returns (uint256 claimableShares);
}
