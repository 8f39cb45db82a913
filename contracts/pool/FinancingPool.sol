// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ManagedPausable} from "../access/ManagedPausable.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {IReceivablePaymentHook} from "../interfaces/IReceivablePaymentHook.sol";
import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {IRedemptionQueue} from "../interfaces/IRedemptionQueue.sol";
import {IERC7575Share, IERC7575Vault} from "../interfaces/IERC7540.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {PartyRoles} from "../identity/PartyRoles.sol";
import {SharesMath} from "../libraries/SharesMath.sol";
import {DiscountMath} from "../libraries/DiscountMath.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";
import {PoolBook} from "./PoolBook.sol";
import {PoolLoans} from "./PoolLoans.sol";
import {PoolCredit} from "./PoolCredit.sol";
import {PoolAging} from "./PoolAging.sol";
import {PoolPolicy} from "./PoolPolicy.sol";

/// @title FinancingPool
/// @notice Investors deposit one stablecoin for shares; verified SMEs sell acknowledged invoices
/// to the pool for an advance in one transaction; debtors' payments flow back through the
/// receivable token's hook. See {IFinancingPool} for the pricing rules.
/// @dev One job per part, each a linked library over the pool's one {PoolBook-State} (`using
/// Pool for State`, as Uniswap v4): the asset book, income accrual and late assets in {PoolBook}
/// (its NatSpec explains the accrual), the ageing haircut in {PoolAging}, loan positions in
/// {PoolLoans}, policy and fees in {PoolPolicy}, SME defaults on the credit record in {PoolCredit};
/// each library entry that moves NAV's inputs accrues first ({PoolBook-accrue}). The ERC-7540
/// redemption queue is its own contract, {RedemptionQueue}, a second entry point over these shares
/// (ERC-7575). This contract is the share token, the synchronous ERC-4626 vault and the entry
/// points. Receivables are keyed by token id, loan positions by (LoanManager, loan id).
contract FinancingPool is ERC4626, ManagedPausable, ReentrancyGuardTransient, IERC721Receiver, IFinancingPool {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice Virtual shares = 10**6: an inflation attack must donate 1e6 times the victim's deposit.
    uint8 private constant OFFSET = PoolBook.DECIMALS_OFFSET;
    /// @notice Queue tickets a payment, repayment or loan claim fills on its own (bounded). Not a
    /// deposit: a depositor would choose when queued exits are priced (just before a payment that
    /// lifts an ageing haircut, say) and take part of what they forfeit.
    uint256 private constant QUEUE_STEPS = 3;

    IIdentityRegistry private immutable IDENTITY;
    IReceivableToken private immutable RECEIVABLES;
    address private immutable TREASURY;

    PoolBook.State private _s;
    /// @dev The ERC-7540 redemption queue, set once at deployment (`setRedemptionQueue`).
    address private _queue;

    /// @dev Set only while shares move into or out of the redemption queue: no identity check
    /// there, so KYC cannot freeze an exit (finding F-13).
    bool private transient _escrowing;

    /// @dev ReentrancyGuardTransient's flag, in a transient slot the compiler assigns: one byte to
    /// address in each guarded function where the namespaced slot takes 32. The namespace protects
    /// upgradeable layouts, which the pool does not have; its libraries use only hashed slots.
    uint256 private transient _reentrancyFlag;

    constructor(
        IERC20 asset_,
        address authority,
        IIdentityRegistry identity,
        IReceivableToken receivables,
        address treasury_,
        string memory name_,
        string memory symbol_,
        Policy memory initialPolicy
    ) ERC20(name_, symbol_) ERC4626(asset_) ManagedPausable(authority) {
        if (
            address(asset_) == address(0) ||
            address(identity) == address(0) ||
            address(receivables) == address(0) ||
            treasury_ == address(0)
        ) revert PoolZeroAddress();
        IDENTITY = identity;
        RECEIVABLES = receivables;
        TREASURY = treasury_;
        _s.accrual.last = uint40(block.timestamp);
        // "No income locked since deployment": keeps the slot of `impaired`, `queued` and
        // `lockEnd` non-zero, so the first share queued for redemption costs no new slot.
        _s.lockEnd = uint40(block.timestamp);
        PoolPolicy.setPolicy(_s, abi.encode(initialPolicy));
        emit VaultUpdate(address(asset_), address(this));
    }

    // ---------------------------------------------------------------- ERC-4626 entries and exits

    /// @inheritdoc IERC4626
    function deposit(
        uint256 assets,
        address receiver
    ) public override(ERC4626, IERC4626) nonReentrant whenNotPaused returns (uint256 shares) {
        _checkEntry(receiver, assets);
        shares = _previewDeposit(receiver, assets);
        if (shares == 0) revert PoolZeroAmount();
        _deposit(msg.sender, receiver, assets, shares);
    }

    /// @inheritdoc IERC4626
    function mint(
        uint256 shares,
        address receiver
    ) public override(ERC4626, IERC4626) nonReentrant whenNotPaused returns (uint256 assets) {
        _checkEntry(receiver, shares);
        assets = previewMint(shares);
        _checkRoom(receiver, assets);
        _deposit(msg.sender, receiver, assets, shares);
    }

    /// @inheritdoc IERC4626
    function withdraw(
        uint256 assets,
        address receiver,
        address owner
    ) public override(ERC4626, IERC4626) nonReentrant returns (uint256 shares) {
        if (assets == 0) revert PoolZeroAmount();
        uint256 max = maxWithdraw(owner);
        if (assets > max) revert ERC4626ExceededMaxWithdraw(owner, assets, max);
        shares = previewWithdraw(assets);
        _withdraw(msg.sender, receiver, owner, assets, shares);
    }

    /// @inheritdoc IERC4626
    function redeem(
        uint256 shares,
        address receiver,
        address owner
    ) public override(ERC4626, IERC4626) nonReentrant returns (uint256 assets) {
        if (shares == 0) revert PoolZeroAmount();
        assets = previewRedeem(shares);
        if (assets == 0) revert PoolZeroAmount();
        // Same bound as maxRedeem, checked on the assets so the NAV is computed once.
        if (shares > balanceOf(owner) || assets > instantLiquidity()) {
            revert ERC4626ExceededMaxRedeem(owner, shares, maxRedeem(owner));
        }
        _withdraw(msg.sender, receiver, owner, assets, shares);
    }

    /// @notice Gross NAV: cash + principal + accrued income − fees owed − income still locked.
    /// Entries are priced on it; exits on the same minus impaired principal and the ageing haircut.
    function totalAssets() public view override(ERC4626, IERC4626) returns (uint256) {
        return PoolBook.grossNav(_s);
    }

    /// @inheritdoc IERC4626
    function convertToShares(uint256 assets) public view override(ERC4626, IERC4626) returns (uint256) {
        return previewDeposit(assets);
    }

    /// @notice Exit value of `shares` (net of unrealized losses), rounded down.
    function convertToAssets(uint256 shares) public view override(ERC4626, IERC4626) returns (uint256) {
        (, uint256 net) = _navs();
        return SharesMath.toAssetsDown(shares, net, totalSupply(), 10 ** OFFSET);
    }

    /// @inheritdoc IERC4626
    function maxDeposit(address receiver) public view override(ERC4626, IERC4626) returns (uint256) {
        if (paused() || !_isInvestor(receiver)) return 0;
        return _cashRoom();
    }

    /// @inheritdoc IERC4626
    function maxMint(address receiver) public view override(ERC4626, IERC4626) returns (uint256) {
        uint256 room = maxDeposit(receiver);
        return room == 0 ? 0 : convertToShares(room);
    }

    /// @inheritdoc IERC4626
    function maxWithdraw(address owner) public view override(ERC4626, IERC4626) returns (uint256) {
        return Math.min(previewRedeem(balanceOf(owner)), instantLiquidity());
    }

    /// @inheritdoc IERC4626
    /// @dev Zero when those shares are worth less than one asset unit: `redeem` refuses to burn
    /// shares for nothing, and ERC-4626's max must not overstate what passes.
    function maxRedeem(address owner) public view override(ERC4626, IERC4626) returns (uint256) {
        (, uint256 net) = _navs();
        uint256 supply = totalSupply();
        uint256 liquid = SharesMath.toSharesDown(instantLiquidity(), net, supply, 10 ** OFFSET);
        uint256 shares = Math.min(balanceOf(owner), liquid);
        return SharesMath.toAssetsDown(shares, net, supply, 10 ** OFFSET) == 0 ? 0 : shares;
    }

    /// @inheritdoc IERC4626
    /// @dev Reverts by name above the cash room, which no deposit can exceed (no overflow panic).
    function previewDeposit(uint256 assets) public view override(ERC4626, IERC4626) returns (uint256) {
        return _previewDeposit(address(0), assets);
    }

    /// @dev The cash room is checked before pricing, so a huge amount cannot overflow the conversion.
    function _previewDeposit(address receiver, uint256 assets) private view returns (uint256) {
        _checkRoom(receiver, assets);
        return SharesMath.toSharesDown(assets, totalAssets(), totalSupply(), 10 ** OFFSET);
    }

    /// @inheritdoc IERC4626
    function previewMint(uint256 shares) public view override(ERC4626, IERC4626) returns (uint256) {
        return SharesMath.toAssetsUp(shares, totalAssets(), totalSupply(), 10 ** OFFSET);
    }

    /// @inheritdoc IERC4626
    /// @dev Reverts with `ERC4626ExceededMaxWithdraw(address(0), assets, 2^96 - 1)` above what
    /// booked cash can ever hold, so no overflow panic; every amount `maxWithdraw` reports passes.
    function previewWithdraw(uint256 assets) public view override(ERC4626, IERC4626) returns (uint256) {
        if (assets > type(uint96).max) revert ERC4626ExceededMaxWithdraw(address(0), assets, type(uint96).max);
        (, uint256 net) = _navs();
        return SharesMath.toSharesUp(assets, net, totalSupply(), 10 ** OFFSET);
    }

    /// @inheritdoc IERC4626
    function previewRedeem(uint256 shares) public view override(ERC4626, IERC4626) returns (uint256) {
        return convertToAssets(shares);
    }

    // ---------------------------------------------------------------- financing

    /// @inheritdoc IFinancingPool
    function finance(
        uint256 tokenId,
        uint256 minAdvance
    ) external nonReentrant whenNotPaused returns (uint256 advance) {
        // The book checks that the caller holds the token (one call to the token for both).
        advance = _finance(msg.sender, msg.sender, tokenId, minAdvance);
        // Plain transferFrom: the pool is the receiver and must not re-enter its own onERC721Received.
        RECEIVABLES.transferFrom(msg.sender, address(this), tokenId);
        IERC20(asset()).safeTransfer(msg.sender, advance);
    }

    /// @notice Finances on `safeTransferFrom(sme, pool, tokenId, abi.encode(minAdvance))`: no
    /// approval needed. Only the holder itself may send (operator == from).
    function onERC721Received(
        address operator,
        address from,
        uint256 tokenId,
        bytes calldata data
    ) external nonReentrant whenNotPaused returns (bytes4) {
        if (msg.sender != address(RECEIVABLES)) revert PoolUnexpectedToken(msg.sender);
        if (operator != from) revert PoolNotReceivableHolder(tokenId, operator, from);
        if (data.length != 32) revert PoolInvalidFinanceData(data.length);
        uint256 advance = _finance(from, address(this), tokenId, abi.decode(data, (uint256)));
        IERC20(asset()).safeTransfer(from, advance);
        return IERC721Receiver.onERC721Received.selector;
    }

    /// @dev Checks and effects of financing (in the book); the caller moves the token and pays.
    /// `holder`: who holds the token now (the SME, or this pool inside `onERC721Received`).
    function _finance(address sme, address holder, uint256 tokenId, uint256 minAdvance) private returns (uint256) {
        return PoolBook.finance(_s, RECEIVABLES, IDENTITY, asset(), sme, holder, tokenId, minAdvance);
    }

    // ---------------------------------------------------------------- payments

    /// @inheritdoc IReceivablePaymentHook
    function onReceivablePayment(
        uint256 tokenId,
        address payer,
        uint128 amount,
        PaidInvoice calldata invoice
    ) external nonReentrant returns (bytes4) {
        if (msg.sender != address(RECEIVABLES)) revert PoolUnauthorizedHookCaller(msg.sender);
        PoolBook.collect(_s, asset(), tokenId, payer, amount, invoice);
        _afterInflow();
        return IReceivablePaymentHook.onReceivablePayment.selector;
    }

    /// @inheritdoc IReceivablePaymentHook
    /// @dev The debtor paid the SME by bank, so the pool's claim on that money is now on the SME.
    /// The asset stays on the books at full value and keeps ageing; the SME settles through
    /// {repay}, else the usual impairment and write-off path applies. NAV does not move here.
    function onReceivablePaymentAttested(
        uint256 tokenId,
        uint128 amount,
        bytes32 referenceHash
    ) external nonReentrant returns (bytes4) {
        if (msg.sender != address(RECEIVABLES)) revert PoolUnauthorizedHookCaller(msg.sender);
        PoolBook.attest(_s, RECEIVABLES, tokenId, amount, referenceHash);
        return IReceivablePaymentHook.onReceivablePaymentAttested.selector;
    }

    /// @inheritdoc IFinancingPool
    function repay(uint256 tokenId, uint256 amount) external nonReentrant {
        uint256 kept = PoolBook.repay(_s, RECEIVABLES, tokenId, amount);
        _pull(kept);
        _afterInflow();
    }

    // ---------------------------------------------------------------- late assets

    /// @inheritdoc IFinancingPool
    function impair(uint256 tokenId) external restricted nonReentrant {
        PoolBook.impair(_s, tokenId, false);
    }

    /// @inheritdoc IFinancingPool
    function impairOverdue(uint256 tokenId) external nonReentrant {
        PoolBook.impair(_s, tokenId, true);
    }

    /// @inheritdoc IFinancingPool
    function writeOff(uint256 tokenId) external restricted nonReentrant {
        PoolBook.writeOff(_s, RECEIVABLES, tokenId);
    }

    /// @inheritdoc IFinancingPool
    function recordKeptPayment(uint256 tokenId) external nonReentrant {
        PoolCredit.recordSmeDefault(_s, RECEIVABLES, tokenId, false);
    }

    // ---------------------------------------------------------------- loans (see PoolLoans)

    /// @inheritdoc IFinancingPool
    function fundLoan(address manager, uint256 loanId, uint256 amount) external restricted nonReentrant whenNotPaused {
        PoolLoans.fund(_s, asset(), ILoanManager(manager), loanId, amount);
    }

    /// @inheritdoc IFinancingPool
    function claimLoan(address manager, uint256 loanId) external nonReentrant returns (uint256 amount) {
        amount = PoolLoans.collect(_s, asset(), ILoanManager(manager), loanId);
        _afterInflow();
    }

    /// @inheritdoc IFinancingPool
    function revalueLoan(address manager, uint256 loanId) external nonReentrant {
        PoolLoans.revalue(_s, asset(), ILoanManager(manager), loanId);
    }

    /// @inheritdoc IFinancingPool
    function setLoanManager(address manager, bool registered) external restricted {
        PoolLoans.setManager(_s, asset(), manager, registered);
    }

    /// @inheritdoc IFinancingPool
    function returnReceivable(uint256 tokenId) external nonReentrant {
        PoolBook.returnReceivable(_s, RECEIVABLES, tokenId);
    }

    /// @notice Accepts a loan's ERC-1155 notes only as the mint of a `fundLoan` in progress, from
    /// the notes contract of the manager being funded; any other transfer to the pool reverts.
    function onERC1155Received(
        address operator,
        address from,
        uint256,
        uint256,
        bytes calldata
    ) external view returns (bytes4) {
        if (from != address(0) || !PoolLoans.expectsNotes(msg.sender)) revert PoolUnexpectedNotes(msg.sender, operator);
        return this.onERC1155Received.selector;
    }

    // ---------------------------------------------------------------- redemption queue

    /// @inheritdoc IFinancingPool
    function setRedemptionQueue(address queue) external restricted {
        if (_queue != address(0)) revert PoolRedemptionQueueAlreadySet(_queue);
        IRedemptionQueue q = IRedemptionQueue(queue);
        if (q.share() != address(this) || q.asset() != asset()) revert PoolRedemptionQueueMismatch(queue);
        _queue = queue;
        emit RedemptionQueueSet(queue);
    }

    /// @inheritdoc IFinancingPool
    function lockForRedemption(address owner, address controller, address spender, uint256 shares) external {
        address queue = _onlyQueue();
        if (controller != owner) {
            _checkVerified(owner, PartyRoles.INVESTOR);
            _checkVerified(controller, PartyRoles.INVESTOR);
        }
        if (spender != address(0)) _spendAllowance(owner, spender, shares);
        uint256 value = convertToAssets(shares);
        uint256 minAssets = _s.policy.minRedeemRequest;
        if (value < minAssets) revert PoolRedeemRequestTooSmall(shares, value, minAssets);
        _s.queued = (_s.queued + shares).toUint96();
        _escrowing = true;
        _transfer(owner, queue, shares);
        _escrowing = false;
    }

    /// @inheritdoc IFinancingPool
    function unlockFromRedemption(address controller, uint256 shares) external {
        address queue = _onlyQueue();
        _dequeue(shares);
        _escrowing = true;
        _transfer(queue, controller, shares);
        _escrowing = false;
    }

    /// @inheritdoc IFinancingPool
    function processQueue(uint256 maxRequests) external nonReentrant returns (uint256 shares, uint256 assets) {
        PoolBook.checkpoint(_s);
        return _fillQueue(maxRequests);
    }

    /// @dev Money came in: queued redemptions get the first call on it.
    function _afterInflow() private {
        if (_s.queued != 0) _fillQueue(QUEUE_STEPS);
    }

    /// @dev The queue picks the tickets (oldest first) at the exit price; the pool checks the
    /// total against that price and its idle cash, burns the shares and moves the assets.
    function _fillQueue(uint256 maxTickets) private returns (uint256 shares, uint256 assets) {
        if (_s.queued == 0) return (0, 0);
        address queue = _queue;
        (, uint256 net) = _navs();
        uint256 supply = totalSupply();
        uint256 free = idleCash();
        (shares, assets) = IRedemptionQueue(queue).fill(free, net, supply, 10 ** OFFSET, maxTickets);
        if (shares == 0) return (0, 0);
        uint256 worth = Math.min(free, SharesMath.toAssetsDown(shares, net, supply, 10 ** OFFSET));
        if (assets > worth) revert PoolQueueOverpaid(shares, assets, worth);
        _dequeue(shares);
        _s.ledger.cash -= uint96(assets); // assets <= idle cash <= cash
        _burn(queue, shares);
        emit RedemptionsFunded(queue, shares, assets);
        IERC20(asset()).safeTransfer(queue, assets);
    }

    /// @dev The queue holds exactly the pending shares; asking for more is a faulty queue.
    function _dequeue(uint256 shares) private {
        uint256 pending = _s.queued;
        if (shares > pending) revert PoolQueueExceedsPending(shares, pending);
        _s.queued = uint96(pending - shares);
    }

    function _onlyQueue() private view returns (address queue) {
        queue = _queue;
        // Before the queue is set `queue` is zero, which no caller is.
        if (msg.sender != queue) revert PoolNotRedemptionQueue(msg.sender);
    }

    // ---------------------------------------------------------------- policy, fees, accrual

    /// @inheritdoc IFinancingPool
    /// @dev Forwards the policy as it arrived: the library decodes and checks it.
    function setPolicy(Policy calldata) external restricted {
        PoolPolicy.setPolicy(_s, msg.data[4:]);
    }

    /// @inheritdoc IFinancingPool
    function payFees() external nonReentrant returns (uint256 amount) {
        amount = PoolPolicy.payFees(_s, asset(), TREASURY);
    }

    /// @inheritdoc IFinancingPool
    /// @dev Unguarded: no call leaves the pool, and the accrual it writes is what the views price at
    /// any point of a transaction (every entry that moves its inputs accrues first).
    function checkpoint() external {
        PoolBook.checkpoint(_s);
    }

    // ---------------------------------------------------------------- shares: KYC on every holder

    function _update(address from, address to, uint256 value) internal override {
        // Mints and burns are checked by deposit/mint and need no check on exit.
        // Moves into a redemption request and back on its cancellation pass between an owner and
        // the queue, not to anyone else: no identity check, so KYC cannot freeze them (F-13).
        if (from != address(0) && to != address(0) && !_escrowing) {
            if (to == address(this)) revert PoolSharesToPool(from);
            // The queue is no verified investor: shares reach it only through `requestRedeem`.
            _checkVerified(from, PartyRoles.INVESTOR);
            _checkVerified(to, PartyRoles.INVESTOR);
        }
        super._update(from, to, value);
    }

    /// @dev Not ERC4626's `_deposit`: cash is booked first, then `_pull` checks the balance covers it.
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        _s.ledger.cash = (_s.ledger.cash + assets).toUint96();
        _pull(assets);
        _mint(receiver, shares);
        emit Deposit(caller, receiver, assets, shares);
    }

    /// @dev Pulls `amount`, already booked as cash, and refuses a balance below the books
    /// (fee-on-transfer or rebasing asset), so booked cash never exceeds the balance (finding F-2).
    /// One `balanceOf` against the books instead of a delta of two saves a call per pull; an
    /// unbooked surplus (a donation) may absorb a shortfall, and the books stay covered either way.
    function _pull(uint256 amount) private {
        IERC20 token = IERC20(asset());
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 held = token.balanceOf(address(this));
        uint256 booked = _s.ledger.cash;
        if (held < booked) {
            // What arrived beyond the books before this pull: exact unless a surplus existed.
            uint256 received = held + amount > booked ? held + amount - booked : 0;
            revert PoolTransferShortfall(address(token), amount, received);
        }
    }

    function _withdraw(
        address caller,
        address receiver,
        address owner,
        uint256 assets,
        uint256 shares
    ) internal override {
        _s.ledger.cash -= uint96(assets); // assets <= instant liquidity <= cash
        super._withdraw(caller, receiver, owner, assets, shares);
    }

    function _reentrancyGuardStorageSlot() internal pure override returns (bytes32 slot) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            slot := _reentrancyFlag.slot
        }
    }

    function _decimalsOffset() internal pure override returns (uint8) {
        return OFFSET;
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IFinancingPool
    function navBreakdown() external view returns (NavBreakdown memory) {
        return PoolAging.navBreakdown(_s);
    }

    /// @inheritdoc IFinancingPool
    function sharePrice() external view returns (uint256) {
        return convertToAssets(10 ** decimals());
    }

    /// @inheritdoc IFinancingPool
    function utilizationBps() external view returns (uint256) {
        uint256 gross = totalAssets();
        return gross == 0 ? 0 : Math.mulDiv(_s.ledger.principalOut, DiscountMath.BPS, gross);
    }

    /// @inheritdoc IFinancingPool
    function idleCash() public view returns (uint256) {
        return PoolBook.idleCash(_s);
    }

    /// @inheritdoc IFinancingPool
    function instantLiquidity() public view returns (uint256) {
        return PoolBook.instantLiquidity(_s, totalSupply());
    }

    /// @inheritdoc IFinancingPool
    function aging() external view returns (Aging memory) {
        return PoolAging.aging(_s);
    }

    /// @inheritdoc IFinancingPool
    function smeDefaultRecorded(uint256 tokenId) external view returns (bool) {
        return _s.smeDefaulted[tokenId];
    }

    /// @inheritdoc IFinancingPool
    function assetOf(uint256 tokenId) external view returns (Asset memory) {
        return PoolBook.assetOf(_s, tokenId);
    }

    /// @inheritdoc IFinancingPool
    function redemptionQueue() external view returns (address) {
        return _queue;
    }

    /// @inheritdoc IERC7575Vault
    function share() external view returns (address) {
        return address(this);
    }

    /// @inheritdoc IERC7575Share
    function vault(address asset_) external view returns (address) {
        return asset_ == asset() ? address(this) : address(0);
    }

    /// @inheritdoc IERC165
    /// @dev ERC-7575: 0x2f0a18c5 for the vault, 0xf815c03d for the share.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return
            interfaceId == type(IERC165).interfaceId ||
            interfaceId == 0x2f0a18c5 ||
            interfaceId == type(IERC7575Share).interfaceId;
    }

    /// @inheritdoc IFinancingPool
    function policy() external view returns (Policy memory) {
        return _s.policy;
    }

    /// @inheritdoc IFinancingPool
    function isLoanManager(address manager) external view returns (bool) {
        return _s.loanManagers[manager];
    }

    /// @inheritdoc IFinancingPool
    function lockedIncome() external view returns (uint256) {
        return PoolBook.lockedNow(_s);
    }

    /// @inheritdoc IFinancingPool
    function loanPosition(address manager, uint256 loanId) external view returns (LoanPosition memory) {
        return _s.loans[manager][loanId];
    }

    /// @inheritdoc IFinancingPool
    function debtorExposure(bytes32 entity) external view returns (uint256) {
        return _s.debtorExposure[entity];
    }

    /// @inheritdoc IFinancingPool
    function smeExposure(bytes32 entity) external view returns (uint256) {
        return _s.smeExposure[entity];
    }

    /// @inheritdoc IFinancingPool
    function receivableToken() external view returns (IReceivableToken) {
        return RECEIVABLES;
    }

    /// @inheritdoc IFinancingPool
    function treasury() external view returns (address) {
        return TREASURY;
    }

    // ---------------------------------------------------------------- internals

    function _navs() private view returns (uint256 gross, uint256 net) {
        return PoolBook.navs(_s);
    }

    function _cashRoom() private view returns (uint256) {
        return type(uint96).max - _s.ledger.cash;
    }

    function _checkRoom(address receiver, uint256 assets) private view {
        uint256 room = _cashRoom();
        if (assets > room) revert ERC4626ExceededMaxDeposit(receiver, assets, room);
    }

    function _checkEntry(address receiver, uint256 amount) private view {
        if (amount == 0) revert PoolZeroAmount();
        _checkVerified(msg.sender, PartyRoles.INVESTOR);
        if (receiver != msg.sender) _checkVerified(receiver, PartyRoles.INVESTOR);
    }

    function _checkVerified(address account, uint8 role) private view {
        if (!IDENTITY.isVerified(account, role)) revert PoolNotVerified(account, role);
    }

    function _isInvestor(address account) private view returns (bool) {
        return IDENTITY.isVerified(account, PartyRoles.INVESTOR);
    }
}
