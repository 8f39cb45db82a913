// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC7540Operator, IERC7540Redeem, IERC7575Vault} from "./IERC7540.sol";

/// @title IRedemptionQueue
/// @notice The financing pool's second entry point over the same share token (ERC-7575): an
/// ERC-7540 asynchronous-redemption vault. Investors whose exit exceeds the pool's idle cash
/// request it here; requests are filled oldest first at the exit price whenever cash comes back
/// (a debtor payment, repayment, loan claim or `FinancingPool.processQueue`), and claimed through `redeem`
/// or `withdraw` with a controller. The pool itself stays the synchronous ERC-4626 entry point.
/// @dev Requests are fungible per controller (`requestId` 0, as ERC-7540 allows): pending and
/// claimable amounts are per controller. Fairness between controllers comes from tickets kept in
/// arrival order; a ticket's number is its `RedeemRequest` event's position in this contract's
/// log and is named again when the ticket fills (`RedeemRequestFilled`). Deposits are not taken
/// here (`maxDeposit` is 0): they go to the pool.
interface IRedemptionQueue is IERC7540Redeem, IERC7540Operator, IERC7575Vault, IERC165 {
    /// @notice A queued request as it waits: `shares` of `controller` still unfilled.
    struct Ticket {
        address controller;
        uint96 shares;
    }

    /// @notice ERC-4626: `sender` deposited `assets` for `shares` to `owner` (never emitted here).
    /// @param sender The caller.
    /// @param owner The receiver of the shares.
    /// @param assets The assets deposited.
    /// @param shares The shares minted.
    event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares);
    /// @notice ERC-4626 / ERC-7540 claim: `sender` paid `controller`'s filled redemption of
    /// `shares` (burned when filled) as `assets` to `receiver`.
    /// @param sender The caller (the controller or its operator).
    /// @param receiver The account paid.
    /// @param owner The controller whose claim it was.
    /// @param assets The assets paid.
    /// @param shares The filled shares this claim used up.
    event Withdraw(
        address indexed sender,
        address indexed receiver,
        address indexed owner,
        uint256 assets,
        uint256 shares
    );
    /// @notice Ticket `ticket` of `controller` was filled by `shares` (burned by the pool) for
    /// `assets`, which the pool moved here and `controller` may now claim.
    /// @param ticket The ticket number (order of arrival).
    /// @param controller The controller.
    /// @param shares The shares filled.
    /// @param assets The assets now claimable for them.
    event RedeemRequestFilled(uint256 indexed ticket, address indexed controller, uint256 shares, uint256 assets);
    /// @notice `sender` cancelled every pending request of `controller`: `shares` went back to it.
    /// @param controller The controller, who receives the shares.
    /// @param sender The caller (the controller or its operator).
    /// @param shares The shares returned.
    event RedeemRequestCancelled(address indexed controller, address indexed sender, uint256 shares);

    /// @notice Zero shares or assets.
    error QueueZeroAmount();
    /// @notice `caller` is neither `controller` nor an operator it approved.
    /// @param caller The caller.
    /// @param controller The controller.
    error QueueUnauthorized(address caller, address controller);
    /// @notice `controller` has no pending shares to cancel.
    /// @param controller The controller.
    error QueueNothingPending(address controller);
    /// @notice Only the pool may call this; `caller` is not it.
    /// @param caller The caller.
    error QueueOnlyPool(address caller);
    /// @notice ERC-7540: an asynchronous redemption has no preview; use `claimableRedeemRequest`
    /// and `maxWithdraw`.
    error QueuePreviewUnavailable();
    /// @notice Deposits go to the pool, the synchronous entry point: `assets` or shares asked here.
    /// @param receiver The receiver named.
    /// @param amount The assets or shares asked.
    error QueueDepositsClosed(address receiver, uint256 amount);
    /// @notice `controller` asked to claim `shares`; `claimable` are ready.
    /// @param controller The controller.
    /// @param shares The shares asked.
    /// @param claimable The shares claimable.
    error QueueExceededClaimableShares(address controller, uint256 shares, uint256 claimable);
    /// @notice `controller` asked to claim `assets`; `claimable` are ready.
    /// @param controller The controller.
    /// @param assets The assets asked.
    /// @param claimable The assets claimable.
    error QueueExceededClaimableAssets(address controller, uint256 assets, uint256 claimable);

    // ------------------------------------------------------------ ERC-4626 (without ERC-20)

    /// @notice The pool's asset.
    /// @return assetTokenAddress The asset token.
    function asset() external view returns (address);
    /// @notice The pool's total assets (gross NAV): one book behind both entry points.
    /// @return totalManagedAssets The total assets.
    function totalAssets() external view returns (uint256);
    /// @notice The pool's entry conversion of `assets` to shares.
    /// @param assets The assets.
    /// @return shares The shares.
    function convertToShares(uint256 assets) external view returns (uint256);
    /// @notice The pool's exit conversion of `shares` to assets.
    /// @param shares The shares.
    /// @return assets The assets.
    function convertToAssets(uint256 shares) external view returns (uint256);
    /// @notice Always 0: deposits go to the pool.
    /// @param receiver The receiver.
    /// @return maxAssets Zero.
    function maxDeposit(address receiver) external view returns (uint256);
    /// @notice Always 0: deposits go to the pool.
    /// @param receiver The receiver.
    /// @return maxShares Zero.
    function maxMint(address receiver) external view returns (uint256);
    /// @notice The pool's `previewDeposit` (what a deposit there would give).
    /// @param assets The assets.
    /// @return shares The shares.
    function previewDeposit(uint256 assets) external view returns (uint256);
    /// @notice The pool's `previewMint`.
    /// @param shares The shares.
    /// @return assets The assets.
    function previewMint(uint256 shares) external view returns (uint256);
    /// @notice Always reverts with `QueueDepositsClosed`: deposit at the pool.
    /// @param assets The assets.
    /// @param receiver The receiver.
    /// @return shares Never returns.
    function deposit(uint256 assets, address receiver) external returns (uint256);
    /// @notice Always reverts with `QueueDepositsClosed`: mint at the pool.
    /// @param shares The shares.
    /// @param receiver The receiver.
    /// @return assets Never returns.
    function mint(uint256 shares, address receiver) external returns (uint256);
    /// @notice Assets `controller` may claim now.
    /// @param controller The controller.
    /// @return maxAssets The claimable assets.
    function maxWithdraw(address controller) external view returns (uint256);
    /// @notice Shares `controller` may claim now.
    /// @param controller The controller.
    /// @return maxShares The claimable shares.
    function maxRedeem(address controller) external view returns (uint256);
    /// @notice Reverts (ERC-7540): see `QueuePreviewUnavailable`.
    /// @param assets The assets.
    /// @return shares Never returns.
    function previewWithdraw(uint256 assets) external view returns (uint256);
    /// @notice Reverts (ERC-7540): see `QueuePreviewUnavailable`.
    /// @param shares The shares.
    /// @return assets Never returns.
    function previewRedeem(uint256 shares) external view returns (uint256);
    /// @notice Claims `assets` of `controller`'s filled redemptions to `receiver`, using up the
    /// filled shares pro rata, rounded up.
    /// @param assets The assets to claim.
    /// @param receiver The account paid.
    /// @param controller The controller (the caller or a controller that approved it as operator).
    /// @return shares The filled shares used up.
    function withdraw(uint256 assets, address receiver, address controller) external returns (uint256 shares);
    /// @notice Claims `shares` of `controller`'s filled redemptions to `receiver`, paying their
    /// assets pro rata, rounded down.
    /// @param shares The filled shares to claim.
    /// @param receiver The account paid.
    /// @param controller The controller (the caller or a controller that approved it as operator).
    /// @return assets The assets paid.
    function redeem(uint256 shares, address receiver, address controller) external returns (uint256 assets);

    // ------------------------------------------------------------ queue

    /// @notice Returns every pending (unfilled) share of `controller` to `controller`. Filled
    /// shares stay claimable. Works for a revoked investor too (finding F-13).
    /// @param controller The controller (the caller or a controller that approved it as operator).
    /// @return shares The shares returned.
    function cancelRedeemRequest(address controller) external returns (uint256 shares);
    /// @notice Only the pool, when cash is free: fills up to `maxTickets` tickets oldest first
    /// at the exit price given (`net` assets over `supply` shares plus `virtualShares`), spending
    /// at most `free`; a ticket larger than what is left is filled in part and stays first.
    /// @param free Cash the pool can pay out.
    /// @param net The pool's exit NAV.
    /// @param supply The pool's share supply.
    /// @param virtualShares The pool's virtual shares.
    /// @param maxTickets Tickets to visit at most.
    /// @return shares Total shares filled, which the pool burns from this contract.
    /// @return assets Total assets owed for them, which the pool moves here.
    function fill(
        uint256 free,
        uint256 net,
        uint256 supply,
        uint256 virtualShares,
        uint256 maxTickets
    ) external returns (uint256 shares, uint256 assets);
    /// @notice The pool this queue serves (the share token and the synchronous entry point).
    /// @return pool The pool.
    function pool() external view returns (address);
    /// @notice Ticket `number` as it waits (zero shares once filled; a cancelled ticket keeps its
    /// shares here but is skipped, see `cancelRedeemRequest`).
    /// @param number The ticket number.
    /// @return ticket The ticket.
    function ticket(uint256 number) external view returns (Ticket memory);
    /// @notice Tickets `[head, tail)` are still in line (some may be empty).
    /// @return head The oldest ticket not yet passed.
    /// @return tail The next ticket number.
    function queueBounds() external view returns (uint256 head, uint256 tail);
}
