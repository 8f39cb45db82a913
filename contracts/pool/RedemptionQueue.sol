// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {IRedemptionQueue} from "../interfaces/IRedemptionQueue.sol";
import {IERC7540Operator, IERC7540Redeem} from "../interfaces/IERC7540.sol";
import {SharesMath} from "../libraries/SharesMath.sol";

/// @title RedemptionQueue
/// @notice The pool's ERC-7540 asynchronous-redemption entry point (ERC-7575: same share token,
/// same asset, same book). Holds the shares of pending requests and the assets of filled ones;
/// the pool prices and pays the fills. See {IRedemptionQueue}.
contract RedemptionQueue is IRedemptionQueue, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @dev ERC-165 id of ERC-7575 vaults: `share()` plus the ERC-4626 functions other than ERC-20's.
    bytes4 private constant ERC7575_VAULT_ID = 0x2f0a18c5;

    /// @dev `pending` unfilled shares; tickets of this controller numbered below `liveFrom` are
    /// void (cancelled). Set to the new ticket's number whenever `pending` was zero, so the slot
    /// stays non-zero for a returning investor.
    struct Account {
        uint128 pending;
        uint64 liveFrom;
    }

    /// @dev Filled shares (already burned) and the assets held here for them.
    struct Claim {
        uint128 shares;
        uint128 assets;
    }

    IFinancingPool private immutable POOL;
    IERC20 private immutable ASSET;

    uint64 private _head;
    uint64 private _tail;
    /// @dev Number of the ticket stored at position 0 of `_tickets`: reset to the next number
    /// whenever a request finds the queue empty, so the queue's slots are reused instead of a new
    /// slot per request (live tickets are numbers `_head` to `_tail - 1`, at `number - _base`).
    uint64 private _base;
    /// @dev Tickets by position (see `_base`). Position 0 is not cleared when passed, only its
    /// shares zeroed, so the slot stays non-zero for the next request into an empty queue.
    mapping(uint256 position => Ticket) private _tickets;
    mapping(address controller => Account) private _accounts;
    mapping(address controller => Claim) private _claims;
    mapping(address controller => mapping(address operator => bool)) private _operators;

    constructor(IFinancingPool pool_) {
        POOL = pool_;
        ASSET = IERC20(pool_.asset());
        // Ticket numbers start at 1, so `liveFrom` is non-zero once set.
        (_head, _tail) = (1, 1);
    }

    // ---------------------------------------------------------------- ERC-7540 requests

    /// @inheritdoc IERC7540Redeem
    /// @dev ERC-7540 approval: the owner itself, its operator, or a spender of its share
    /// allowance. The pool checks identities (F-13), spends the allowance, checks the minimum
    /// request and moves the shares here.
    function requestRedeem(
        uint256 shares,
        address controller,
        address owner
    ) external nonReentrant returns (uint256 requestId) {
        if (shares == 0) revert QueueZeroAmount();
        if (controller == address(0)) revert QueueUnauthorized(msg.sender, controller);
        address spender = msg.sender == owner || _operators[owner][msg.sender] ? address(0) : msg.sender;
        (uint256 head, uint256 number, uint256 base) = (_head, _tail, _base);
        // An empty queue starts again at position 0: one slot rewritten instead of a new one.
        if (head == number) base = number;
        // One number per request: 2^64 requests is out of reach.
        (_tail, _base) = (uint64(number + 1), uint64(base));
        _tickets[number - base] = Ticket(controller, shares.toUint96());
        Account storage a = _accounts[controller];
        Account memory acc = a;
        // No live ticket left: every earlier ticket of `controller` is filled or cancelled.
        a.liveFrom = acc.pending == 0 ? uint64(number) : acc.liveFrom;
        a.pending = acc.pending + uint128(shares); // shares fit 96 bits (toUint96 above)
        emit RedeemRequest(controller, owner, 0, msg.sender, shares);
        POOL.lockForRedemption(owner, controller, spender, shares);
        return 0;
    }

    /// @inheritdoc IRedemptionQueue
    function cancelRedeemRequest(address controller) external nonReentrant returns (uint256 shares) {
        _checkController(controller);
        Account storage a = _accounts[controller];
        shares = a.pending;
        if (shares == 0) revert QueueNothingPending(controller);
        a.pending = 0;
        a.liveFrom = _tail; // voids every ticket of `controller` so far, partly filled ones too
        emit RedeemRequestCancelled(controller, msg.sender, shares);
        POOL.unlockFromRedemption(controller, shares);
    }

    /// @inheritdoc IRedemptionQueue
    function fill(
        uint256 free,
        uint256 net,
        uint256 supply,
        uint256 virtualShares,
        uint256 maxTickets
    ) external returns (uint256 shares, uint256 assets) {
        if (msg.sender != address(POOL)) revert QueueOnlyPool(msg.sender);
        (uint256 head, uint256 tail, uint256 base) = (_head, _tail, _base);
        for (; head < tail && maxTickets != 0; --maxTickets) {
            Ticket memory t = _tickets[head - base];
            Account storage a = _accounts[t.controller];
            // Filled tickets are cleared as the head passes them, so zero shares cannot be met here;
            // a ticket numbered below its controller's `liveFrom` was cancelled.
            if (head < a.liveFrom) {
                _pass(head - base); // cancelled
                ++head;
                continue;
            }
            (uint256 s, uint256 v) = _quoteDown(t.shares, free, net, supply, virtualShares);
            // A partial fill worth nothing waits for cash; a whole dust ticket is cleared.
            if (v == 0 && s != t.shares) break;
            free -= v;
            shares += s;
            assets += v;
            a.pending -= uint128(s);
            Claim storage c = _claims[t.controller];
            c.shares += uint128(s);
            c.assets += uint128(v); // v <= free <= the pool's cash, which fits 96 bits
            emit RedeemRequestFilled(head, t.controller, s, v);
            if (s != t.shares) {
                _tickets[head - base].shares = uint96(t.shares - s);
                break;
            }
            _pass(head - base);
            ++head;
        }
        _head = uint64(head);
    }

    /// @dev Clears the ticket at `position` as the head passes it; position 0 keeps its controller
    /// (non-zero), so the next request into an empty queue rewrites that slot (2,900 gas) instead
    /// of creating one (20,000). Views never read a passed position ({ticket}).
    function _pass(uint256 position) private {
        if (position == 0) _tickets[0].shares = 0;
        else delete _tickets[position];
    }

    /// @dev All of `pending` at the exit price, or as many shares as `free` pays for; both down.
    function _quoteDown(
        uint256 pending,
        uint256 free,
        uint256 net,
        uint256 supply,
        uint256 virtualShares
    ) private pure returns (uint256 shares, uint256 assets) {
        shares = pending;
        assets = SharesMath.toAssetsDown(shares, net, supply, virtualShares);
        if (assets > free) {
            shares = SharesMath.toSharesDown(free, net, supply, virtualShares);
            assets = SharesMath.toAssetsDown(shares, net, supply, virtualShares);
        }
    }

    // ---------------------------------------------------------------- ERC-7540 claims

    /// @inheritdoc IRedemptionQueue
    function redeem(uint256 shares, address receiver, address controller) external nonReentrant returns (uint256) {
        _checkController(controller);
        Claim memory c = _claims[controller];
        if (shares == 0) revert QueueZeroAmount();
        if (shares > c.shares) revert QueueExceededClaimableShares(controller, shares, c.shares);
        return _claim(c, _claimAssetsDown(shares, c), shares, receiver, controller);
    }

    /// @inheritdoc IRedemptionQueue
    function withdraw(uint256 assets, address receiver, address controller) external nonReentrant returns (uint256) {
        _checkController(controller);
        Claim memory c = _claims[controller];
        if (assets == 0) revert QueueZeroAmount();
        if (assets > c.assets) revert QueueExceededClaimableAssets(controller, assets, c.assets);
        uint256 shares = _claimSharesUp(assets, c);
        _claim(c, assets, shares, receiver, controller);
        return shares;
    }

    function _claim(
        Claim memory c,
        uint256 assets,
        uint256 shares,
        address receiver,
        address controller
    ) private returns (uint256) {
        _claims[controller] = Claim(c.shares - uint128(shares), c.assets - uint128(assets));
        emit Withdraw(msg.sender, receiver, controller, assets, shares);
        ASSET.safeTransfer(receiver, assets);
        return assets;
    }

    /// @dev A part of a claim pays its pro-rata assets, rounded down; the whole claim pays all.
    function _claimAssetsDown(uint256 shares, Claim memory c) private pure returns (uint256) {
        return shares == c.shares ? c.assets : Math.mulDiv(shares, c.assets, c.shares);
    }

    /// @dev A part of a claim uses up its pro-rata shares, rounded up; the whole claim all of them.
    function _claimSharesUp(uint256 assets, Claim memory c) private pure returns (uint256) {
        return assets == c.assets ? c.shares : Math.mulDiv(assets, c.shares, c.assets, Math.Rounding.Ceil);
    }

    // ---------------------------------------------------------------- operators

    /// @inheritdoc IERC7540Operator
    function setOperator(address operator, bool approved) external returns (bool) {
        _operators[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    /// @inheritdoc IERC7540Operator
    function isOperator(address controller, address operator) external view returns (bool) {
        return _operators[controller][operator];
    }

    function _checkController(address controller) private view {
        if (msg.sender != controller && !_operators[controller][msg.sender]) {
            revert QueueUnauthorized(msg.sender, controller);
        }
    }

    // ---------------------------------------------------------------- ERC-4626 surface

    /// @inheritdoc IRedemptionQueue
    function deposit(uint256 assets, address receiver) external pure returns (uint256) {
        revert QueueDepositsClosed(receiver, assets);
    }

    /// @inheritdoc IRedemptionQueue
    function mint(uint256 shares, address receiver) external pure returns (uint256) {
        revert QueueDepositsClosed(receiver, shares);
    }

    /// @inheritdoc IRedemptionQueue
    function maxDeposit(address) external pure returns (uint256) {
        return 0;
    }

    /// @inheritdoc IRedemptionQueue
    function maxMint(address) external pure returns (uint256) {
        return 0;
    }

    /// @inheritdoc IRedemptionQueue
    function previewDeposit(uint256 assets) external view returns (uint256) {
        return POOL.previewDeposit(assets);
    }

    /// @inheritdoc IRedemptionQueue
    function previewMint(uint256 shares) external view returns (uint256) {
        return POOL.previewMint(shares);
    }

    /// @inheritdoc IRedemptionQueue
    function previewWithdraw(uint256) external pure returns (uint256) {
        revert QueuePreviewUnavailable();
    }

    /// @inheritdoc IRedemptionQueue
    function previewRedeem(uint256) external pure returns (uint256) {
        revert QueuePreviewUnavailable();
    }

    /// @inheritdoc IRedemptionQueue
    function maxWithdraw(address controller) external view returns (uint256) {
        return _claims[controller].assets;
    }

    /// @inheritdoc IRedemptionQueue
    function maxRedeem(address controller) external view returns (uint256) {
        return _claims[controller].shares;
    }

    /// @inheritdoc IRedemptionQueue
    function asset() external view returns (address) {
        return address(ASSET);
    }

    /// @inheritdoc IRedemptionQueue
    function totalAssets() external view returns (uint256) {
        return POOL.totalAssets();
    }

    /// @inheritdoc IRedemptionQueue
    function convertToShares(uint256 assets) external view returns (uint256) {
        return POOL.convertToShares(assets);
    }

    /// @inheritdoc IRedemptionQueue
    function convertToAssets(uint256 shares) external view returns (uint256) {
        return POOL.convertToAssets(shares);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IERC7540Redeem
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        return requestId == 0 ? _accounts[controller].pending : 0;
    }

    /// @inheritdoc IERC7540Redeem
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        return requestId == 0 ? _claims[controller].shares : 0;
    }

    /// @notice ERC-7575: the pool's share token.
    function share() external view returns (address) {
        return address(POOL);
    }

    /// @inheritdoc IRedemptionQueue
    function pool() external view returns (address) {
        return address(POOL);
    }

    /// @inheritdoc IRedemptionQueue
    function ticket(uint256 number) external view returns (Ticket memory t) {
        // Only live numbers are stored; a filled or cancelled-and-passed number reads as zero.
        if (number >= _head && number < _tail) t = _tickets[number - _base];
    }

    /// @inheritdoc IRedemptionQueue
    function queueBounds() external view returns (uint256 head, uint256 tail) {
        return (_head, _tail);
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            interfaceId == type(IERC7540Operator).interfaceId ||
            interfaceId == type(IERC7540Redeem).interfaceId ||
            interfaceId == ERC7575_VAULT_ID;
    }
}
