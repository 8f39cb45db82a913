// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ManagedPausable} from "../access/ManagedPausable.sol";
import {PartyRoles} from "../identity/PartyRoles.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {ILoanManager, LOAN_MAX_INSTALLMENTS} from "../interfaces/ILoanManager.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {TransferIn} from "../libraries/TransferIn.sol";
import {ILoanCalculator} from "../interfaces/ILoanCalculator.sol";
import {LoanMath} from "./LoanMath.sol";
import {LoanProgress} from "./LoanProgress.sol";
import {LoanUnderwriting} from "./LoanUnderwriting.sol";
import {LoanNotes} from "./LoanNotes.sol";
import {ILoanNotes} from "../interfaces/ILoanNotes.sol";
import {ICollateralVault} from "../interfaces/ICollateralVault.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {CollateralVault} from "./CollateralVault.sol";

/// @title LoanManager
/// @notice Escrowed micro-loans with on-chain schedules; see {ILoanManager}.
/// @dev Escrow: this contract holds every lender's funds until drawdown, every repayment until its
/// note holders claim it, and the collateral NFT until the loan closes. Nothing depends on a push
/// to a third party: refunds, claims and collateral release are pulls, never blocked by pause,
/// and no status change waits on a collateral contract.
/// Auto-approval: a request opens for funding at once when principal + the entity's exposure (the
/// principal of its loans here that are open for funding, drawn down and not closed) is at most
/// `CREDIT.creditLimitOf(entity)`; otherwise it waits for an underwriter.
/// Collateral moves into escrow at request, so one NFT can never back two loans. Only receivables
/// of the one collateral token are accepted, acknowledged by their debtor and in the loan's asset, and they are held by the {collateralVault}, which
/// the receivable contract pays and notifies; the vault applies each payment through `repay`.
/// Storing the token once instead of per loan saves a fresh slot per collateralized request.
/// Jobs run on this contract's storage by linked libraries: the underwriter's decisions (approve,
/// accept an offer, default) in {LoanUnderwriting}, reads of a loan's progress against its schedule
/// (lateness, principal repaid) in {LoanProgress}. Impairment stays here: its O(1) lateness makes
/// no call. The hot paths (request, fund, drawdown, repay, claim) call no library.
contract LoanManager is ManagedPausable, ReentrancyGuardTransient, ILoanManager {
    using SafeERC20 for IERC20;
    using LoanProgress for Loan;
    using LoanUnderwriting for Loan;

    IERC20 private immutable ASSET;
    IIdentityRegistry private immutable IDENTITY;
    ICreditHistory private immutable CREDIT;
    ILoanCalculator private immutable CALCULATOR;
    ILoanNotes private immutable NOTES;
    ICollateralVault private immutable VAULT;

    /// @dev Fixed-point scale of the per-unit accumulator.
    uint256 private constant ACC_SCALE = 1e18;

    mapping(uint256 loanId => Loan) private _loans;
    mapping(bytes32 entity => uint256 principal) private _exposure;
    mapping(address lender => bool allowed) private _lenders;
    mapping(uint256 tokenId => uint256 loanId) private _securedBy;
    // One slot: a collateralized request reads both at the price of one cold read.
    uint96 private _loanCount;
    address private _collateralToken;
    Policy private _policy;

    constructor(
        address initialAuthority,
        IIdentityRegistry identityRegistry_,
        ICreditHistory creditHistory_,
        IERC20 asset_,
        ILoanCalculator calculator_,
        Policy memory initialPolicy
    ) ManagedPausable(initialAuthority) {
        if (
            address(identityRegistry_) == address(0) ||
            address(creditHistory_) == address(0) ||
            address(asset_) == address(0) ||
            address(calculator_) == address(0)
        ) revert LoanZeroAddress();
        IDENTITY = identityRegistry_;
        CREDIT = creditHistory_;
        ASSET = asset_;
        CALCULATOR = calculator_;
        NOTES = new LoanNotes();
        VAULT = new CollateralVault(asset_);
        _setPolicy(initialPolicy);
    }

    // ---------------------------------------------------------------- origination

    /// @inheritdoc ILoanManager
    function request(RequestParams calldata p) external nonReentrant whenNotPaused returns (uint256 loanId) {
        // One registry call: verified as an SME, and its entity (zero when not verified).
        bytes32 entity = IDENTITY.verifiedEntity(msg.sender, PartyRoles.SME);
        if (entity == bytes32(0)) revert LoanNotVerified(msg.sender, PartyRoles.SME);
        if (p.fundingDeadline <= block.timestamp) revert LoanInvalidDeadline(p.fundingDeadline, block.timestamp);
        Schedule.Terms memory t = Schedule.Terms({
            principal: p.principal,
            start: 0,
            period: p.period,
            rateBps: p.rateBps,
            count: p.count,
            graceCount: p.graceCount,
            kind: p.kind
        });
        Schedule.validate(t);
        // Bounds the rows a repayment walks (finding F-20).
        if (p.count > LOAN_MAX_INSTALLMENTS) revert LoanTooManyInstallments(p.count, LOAN_MAX_INSTALLMENTS);
        if (p.principal > type(uint96).max) revert LoanPrincipalTooLarge(p.principal, type(uint96).max);
        loanId = ++_loanCount;
        Loan storage ln = _loans[loanId];
        ln.terms = t;
        Policy memory pol = _policy;
        bool automatic = p.principal + _exposure[entity] <= CREDIT.creditLimitOf(entity);
        ln.borrower = msg.sender;
        ln.status = automatic ? Status.Funding : Status.Pending;
        ln.fundingDeadline = p.fundingDeadline;
        ln.lateFeeBps = pol.lateFeeBps;
        ln.lateGraceDays = pol.lateGraceDays;
        ln.entity = entity;
        _emitRequested(loanId, p, entity);
        if (automatic) {
            _exposure[entity] += p.principal;
            emit LoanApproved(loanId, address(this), p.principal, p.rateBps, true);
        }
        if (p.collateralToken != address(0)) {
            address token = _collateralToken;
            uint256 id = p.collateralId;
            // Id 0 is refused: it marks "no collateral" in the loan.
            if (p.collateralToken != token || id == 0) revert LoanCollateralNotAccepted(p.collateralToken, id);
            _checkPledge(id, token);
            ln.collateralId = id;
            _securedBy[id] = loanId;
            emit LoanCollateralEscrowed(loanId, msg.sender, token, id);
            // Last (CEI). `transferFrom`, not `safeTransferFrom`: the vault is ours and holds any
            // ERC-721, so the receiver callback would only cost gas; the token checks that the
            // caller owns `id` and approved this contract.
            IERC721(token).transferFrom(msg.sender, address(VAULT), id);
        }
    }

    /// @inheritdoc ILoanManager
    function approve(uint256 loanId, uint128 newPrincipal, uint16 newRateBps) external restricted {
        _existing(loanId).approve(_exposure, loanId, newPrincipal, newRateBps);
    }

    /// @inheritdoc ILoanManager
    function accept(uint256 loanId) external whenNotPaused {
        Loan storage ln = _existing(loanId);
        _onlyBorrower(loanId, ln);
        ln.accept(_exposure, loanId);
    }

    /// @inheritdoc ILoanManager
    function withdrawRequest(uint256 loanId) external {
        Loan storage ln = _existing(loanId);
        _onlyBorrower(loanId, ln);
        _closeUnfunded(loanId, ln, Status.Cancelled);
    }

    /// @inheritdoc ILoanManager
    function expire(uint256 loanId) external {
        Loan storage ln = _existing(loanId);
        if (block.timestamp <= ln.fundingDeadline) {
            revert LoanFundingStillOpen(loanId, ln.fundingDeadline, block.timestamp);
        }
        _closeUnfunded(loanId, ln, Status.Expired);
    }

    // ---------------------------------------------------------------- escrow

    /// @inheritdoc ILoanManager
    function fund(uint256 loanId, uint256 amount) external nonReentrant whenNotPaused {
        Loan storage ln = _existing(loanId);
        if (ln.status != Status.Funding) revert LoanInvalidStatus(loanId, ln.status);
        if (block.timestamp > ln.fundingDeadline) {
            revert LoanFundingClosed(loanId, ln.fundingDeadline, block.timestamp);
        }
        if (amount == 0) revert LoanZeroAmount();
        if (!_lenders[msg.sender] && !IDENTITY.isVerified(msg.sender, PartyRoles.INVESTOR)) {
            revert LoanNotVerified(msg.sender, PartyRoles.INVESTOR);
        }
        uint256 funded = ln.funded;
        uint256 remaining = ln.terms.principal - funded;
        if (amount > remaining) revert LoanOverfunded(loanId, amount, remaining);
        // Safe: funded + amount ≤ principal < 2^128.
        ln.funded = uint128(funded + amount);
        NOTES.mint(msg.sender, loanId, amount);
        emit LoanFunded(loanId, msg.sender, amount, funded + amount);
        _pull(amount);
    }

    /// @inheritdoc ILoanManager
    function drawdown(uint256 loanId) external nonReentrant whenNotPaused {
        Loan storage ln = _existing(loanId);
        _onlyBorrower(loanId, ln);
        if (ln.status != Status.Funding) revert LoanInvalidStatus(loanId, ln.status);
        if (block.timestamp > ln.fundingDeadline) {
            revert LoanFundingClosed(loanId, ln.fundingDeadline, block.timestamp);
        }
        uint256 principal = ln.terms.principal;
        if (ln.funded != principal) revert LoanNotFullyFunded(loanId, ln.funded, principal);
        if (!IDENTITY.isVerified(msg.sender, PartyRoles.SME)) {
            revert LoanNotVerified(msg.sender, PartyRoles.SME);
        }
        uint40 start = uint40(block.timestamp);
        ln.terms.start = start;
        ln.status = Status.Active;
        ln.feesAccruedTo = start;
        emit LoanDrawnDown(loanId, msg.sender, principal, start);
        ASSET.safeTransfer(msg.sender, principal);
    }

    /// @inheritdoc ILoanManager
    function refund(uint256 loanId) external nonReentrant returns (uint256 amount) {
        Loan storage ln = _existing(loanId);
        Status status = ln.status;
        if (status <= Status.Funding && block.timestamp > ln.fundingDeadline) {
            _closeUnfunded(loanId, ln, Status.Expired);
            status = Status.Expired;
        }
        if (status != Status.Cancelled && status != Status.Expired) revert LoanInvalidStatus(loanId, status);
        amount = NOTES.balanceOf(msg.sender, loanId);
        if (amount == 0) revert LoanNothingToRefund(loanId, msg.sender);
        NOTES.burn(msg.sender, loanId, amount);
        emit LoanRefunded(loanId, msg.sender, amount);
        ASSET.safeTransfer(msg.sender, amount);
    }

    // ---------------------------------------------------------------- servicing

    /// @inheritdoc ILoanManager
    function repay(uint256 loanId, uint256 amount) external nonReentrant returns (uint256 paid) {
        if (amount == 0) revert LoanZeroAmount();
        Loan storage ln = _existing(loanId);
        Status status = ln.status;
        if (status != Status.Active && status != Status.Defaulted) revert LoanInvalidStatus(loanId, status);
        Schedule.Terms memory t = ln.terms;
        uint256 nowT = status == Status.Defaulted ? ln.defaultedAt : block.timestamp;
        (LoanMath.Progress memory s, LoanMath.Split memory split, , uint256 dueCount) = CALCULATOR.settle(
            t,
            ln.progressOf(),
            amount,
            nowT,
            ln.lateFeeBps,
            uint256(ln.lateGraceDays) * 1 days
        );
        paid = split.fees + split.interest + split.principal + split.prepaid;
        if (paid == 0) revert LoanNothingOwed(loanId);
        ln.store(s);
        // acc grows by paid / units, rounded down: holders can never claim more than was paid.
        ln.accPerUnit = SafeCast.toUint128(ln.accPerUnit + (paid * ACC_SCALE) / t.principal);
        ln.repaid = SafeCast.toUint128(ln.repaid + paid);
        emit LoanRepaid(
            loanId,
            msg.sender,
            ln.borrower,
            paid,
            split.fees,
            split.interest,
            split.principal,
            split.prepaid
        );
        if (status == Status.Active) {
            if (s.head >= t.count) {
                _payOff(loanId, ln, t.principal, s.maxDaysLate);
            } else if (ln.impaired && s.head >= dueCount) {
                ln.impaired = false;
                emit LoanCured(loanId);
            }
        }
        _pull(paid);
    }

    /// @dev Pulls `amount` from the caller and refuses a shortfall (fee-on-transfer or rebasing
    /// asset): notes and claims are minted for exactly what the escrow holds (finding F-3).
    function _pull(uint256 amount) private {
        uint256 received = TransferIn.moveMeasured(ASSET, address(this), amount);
        if (received < amount) revert LoanTransferShortfall(address(ASSET), amount, received);
    }

    /// @inheritdoc ILoanManager
    function claim(uint256 loanId) external nonReentrant returns (uint256 amount) {
        amount = NOTES.takeClaim(loanId, msg.sender, _loans[loanId].accPerUnit);
        if (amount == 0) revert LoanNothingToClaim(loanId, msg.sender);
        emit LoanClaimed(loanId, msg.sender, amount);
        ASSET.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc ILoanManager
    function impair(uint256 loanId) external restricted {
        Loan storage ln = _existing(loanId);
        if (ln.status != Status.Active) revert LoanInvalidStatus(loanId, ln.status);
        if (ln.impaired) revert LoanAlreadyImpaired(loanId);
        uint256 late = _lateness(ln, ln.terms, block.timestamp);
        if (late < _policy.impairAfterDays) revert LoanNotLateEnough(loanId, late, _policy.impairAfterDays);
        ln.impaired = true;
        emit LoanImpaired(loanId, msg.sender, late);
    }

    /// @inheritdoc ILoanManager
    function markDefaulted(uint256 loanId) external restricted {
        _existing(loanId).markDefaulted(_exposure, loanId, _policy.defaultAfterDays, CREDIT);
    }

    /// @inheritdoc ILoanManager
    function seizeCollateral(uint256 loanId, address recipient) external restricted nonReentrant {
        if (recipient == address(0)) revert LoanZeroAddress();
        Loan storage ln = _existing(loanId);
        if (ln.status != Status.Defaulted) revert LoanInvalidStatus(loanId, ln.status);
        _releaseCollateral(loanId, ln, recipient, true);
    }

    /// @inheritdoc ILoanManager
    function releaseCollateral(uint256 loanId) external nonReentrant {
        Loan storage ln = _existing(loanId);
        Status status = ln.status;
        if (status != Status.Repaid && status != Status.Cancelled && status != Status.Expired) {
            revert LoanInvalidStatus(loanId, status);
        }
        _releaseCollateral(loanId, ln, ln.borrower, false);
    }

    // ---------------------------------------------------------------- admin

    /// @inheritdoc ILoanManager
    function setLender(address lender, bool allowed) external restricted {
        if (lender == address(0)) revert LoanZeroAddress();
        _lenders[lender] = allowed;
        emit LenderAllowed(lender, allowed);
    }

    /// @inheritdoc ILoanManager
    function setPolicy(Policy calldata newPolicy) external restricted {
        _setPolicy(newPolicy);
    }

    /// @inheritdoc ILoanManager
    function setCollateralToken(address token) external restricted {
        if (token == address(0)) revert LoanZeroAddress();
        _collateralToken = token;
        emit CollateralTokenSet(token, address(VAULT));
        // Reverts when already bound: the token is set once, so pledged receivables can always leave.
        VAULT.bind(token);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc ILoanManager
    function collateralVault() external view returns (address) {
        return address(VAULT);
    }

    /// @inheritdoc ILoanManager
    function loanSecuredBy(uint256 tokenId) external view returns (uint256) {
        return _securedBy[tokenId];
    }

    /// @inheritdoc ILoanManager
    function loan(uint256 loanId) external view returns (Loan memory) {
        return _existingView(loanId);
    }

    /// @inheritdoc ILoanManager
    function principalRepaid(uint256 loanId) external view returns (uint256) {
        return _loans[loanId].principalRepaid(loanId);
    }

    /// @inheritdoc ILoanManager
    function daysLate(uint256 loanId) external view returns (uint256) {
        return _daysLate(_existingView(loanId));
    }

    /// @inheritdoc ILoanManager
    function accPerUnit(uint256 loanId) external view returns (uint256) {
        return _loans[loanId].accPerUnit;
    }

    /// @inheritdoc ILoanManager
    function claimable(uint256 loanId, address holder) external view returns (uint256) {
        return NOTES.claimable(loanId, holder);
    }

    /// @inheritdoc ILoanManager
    function asset() external view returns (IERC20) {
        return ASSET;
    }

    /// @inheritdoc ILoanManager
    function identityRegistry() external view returns (IIdentityRegistry) {
        return IDENTITY;
    }

    /// @inheritdoc ILoanManager
    function creditHistory() external view returns (ICreditHistory) {
        return CREDIT;
    }

    /// @inheritdoc ILoanManager
    function calculator() external view returns (ILoanCalculator) {
        return CALCULATOR;
    }

    /// @inheritdoc ILoanManager
    function notes() external view returns (ILoanNotes) {
        return NOTES;
    }

    /// @inheritdoc ILoanManager
    function exposureOf(bytes32 entity) external view returns (uint256) {
        return _exposure[entity];
    }

    /// @inheritdoc ILoanManager
    function isLender(address account) external view returns (bool) {
        return _lenders[account];
    }

    /// @inheritdoc ILoanManager
    function policy() external view returns (Policy memory) {
        return _policy;
    }

    /// @inheritdoc ILoanManager
    function loanCount() external view returns (uint256) {
        return _loanCount;
    }

    // ---------------------------------------------------------------- internals

    function _existing(uint256 loanId) private view returns (Loan storage ln) {
        ln = _loans[loanId];
        if (ln.status == Status.None) revert LoanNotFound(loanId);
    }

    function _existingView(uint256 loanId) private view returns (Loan storage) {
        return _existing(loanId);
    }

    function _onlyBorrower(uint256 loanId, Loan storage ln) private view {
        if (msg.sender != ln.borrower) revert LoanNotBorrower(loanId, msg.sender);
    }

    function _closeUnfunded(uint256 loanId, Loan storage ln, Status newStatus) private {
        Status status = ln.status;
        if (status != Status.Pending && status != Status.Offered && status != Status.Funding) {
            revert LoanInvalidStatus(loanId, status);
        }
        if (status == Status.Funding) _exposure[ln.entity] -= ln.terms.principal;
        ln.status = newStatus;
        emit LoanClosedUnfunded(loanId, msg.sender, newStatus);
    }

    function _payOff(uint256 loanId, Loan storage ln, uint256 principal, uint256 maxDaysLate) private {
        ln.status = Status.Repaid;
        // Paid off while impaired: the loan is no longer a risk, so the flag goes with a cure
        // event, and a lender's mirror of it (the pool) reverses its impairment (finding F-14).
        if (ln.impaired) {
            ln.impaired = false;
            emit LoanCured(loanId);
        }
        _exposure[ln.entity] -= principal;
        ICreditHistory.Outcome outcome = maxDaysLate == 0 ? ICreditHistory.Outcome.OnTime : ICreditHistory.Outcome.Late;
        emit LoanPaidOff(loanId, ln.borrower, uint8(outcome), uint16(maxDaysLate));
        CREDIT.recordLoan(ln.entity, principal, ln.terms.start, outcome, uint32(maxDaysLate));
    }

    /// @dev A pledge must be acknowledged by its debtor (as the pool requires before an advance)
    /// and paid in this loan's asset, so that every payment on it can go to the loan.
    function _checkPledge(uint256 id, address token) private view {
        (IReceivableToken.Status status, address currency) = IReceivableToken(token).statusAndCurrency(id);
        if (status != IReceivableToken.Status.Acknowledged) revert LoanCollateralNotAcknowledged(id, status);
        if (currency != address(ASSET)) revert LoanCollateralCurrencyMismatch(id, currency, address(ASSET));
    }

    function _releaseCollateral(uint256 loanId, Loan storage ln, address to, bool seized) private {
        uint256 id = ln.collateralId;
        if (id == 0) revert LoanNoCollateral(loanId);
        ln.collateralId = 0;
        delete _securedBy[id];
        address token = _collateralToken;
        emit LoanCollateralReleased(loanId, to, token, id, seized);
        // This contract is the vault's operator (see {CollateralVault-bind}).
        IERC721(token).transferFrom(address(VAULT), to, id);
    }

    function _daysLate(Loan storage ln) private view returns (uint256) {
        Status status = ln.status;
        if (status != Status.Active && status != Status.Defaulted) return 0;
        return _lateness(ln, ln.terms, status == Status.Defaulted ? ln.defaultedAt : block.timestamp);
    }

    /// @dev `LoanProgress.lateness` with its O(1) case inline: impairing an interest-bearing
    /// amortizing or balloon loan makes no call.
    function _lateness(Loan storage ln, Schedule.Terms memory t, uint256 nowT) private view returns (uint256) {
        if (t.kind == Schedule.Kind.Bullet || t.rateBps == 0) return ln.latenessAt(nowT);
        return LoanProgress.latenessOfHead(t, ln.head, nowT);
    }

    function _emitRequested(uint256 loanId, RequestParams calldata p, bytes32 entity) private {
        emit LoanRequested(
            loanId,
            msg.sender,
            entity,
            p.principal,
            p.rateBps,
            p.count,
            p.period,
            p.kind,
            p.graceCount,
            p.fundingDeadline
        );
    }

    function _setPolicy(Policy memory p) private {
        if (
            p.lateFeeBps > Schedule.MAX_LATE_FEE_BPS ||
            p.defaultAfterDays == 0 ||
            p.impairAfterDays > p.defaultAfterDays
        ) revert LoanInvalidPolicy(p.lateFeeBps, p.impairAfterDays, p.defaultAfterDays);
        _policy = p;
        emit PolicySet(p.lateFeeBps, p.lateGraceDays, p.impairAfterDays, p.defaultAfterDays);
    }
}
