// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {TransientSlot} from "@openzeppelin/contracts/utils/TransientSlot.sol";
import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";
import {DiscountMath} from "../libraries/DiscountMath.sol";
import {PoolBook} from "./PoolBook.sol";

/// @title PoolLoans
/// @notice The financing pool's loan positions: it lends through a LoanManager like any lender
/// (fund into escrow, hold the ERC-1155 notes, claim its pro-rata share, refund when the loan
/// never starts). Linked library: runs by DELEGATECALL in the pool's storage, so the pool is the
/// lender of record.
/// @dev Accounting. A position is booked at cost (`funded`) in `ledger.principalOut`, so NAV counts
/// it with the receivables. Interest is recognized when claimed, not accrued: a loan's interest
/// depends on when it is drawn down, on prepayments and on lateness, none of which the pool sees
/// until it reads the loan, and an accrual that had to be reversed on each of them would cost more
/// code than the pool has room for. Each claim is split exactly: the principal part is the pool's
/// pro-rata share (rounded down, so income is never overstated) of the principal the borrower has
/// repaid so far, which its manager reports (`ILoanManager.principalRepaid`: the pool does no loan
/// maths of its own); the rest is income,
/// on which the performance fee is due. Consequence: the share price steps up by the pool's share
/// of an installment's interest when it is claimed; claims are permissionless and an installment's
/// interest is a small fraction of NAV, which bounds what sandwiching a claim can earn.
/// Impairment and write-off mirror the loan's state in its manager (see `revalue`).
library PoolLoans {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using TransientSlot for bytes32;
    using TransientSlot for TransientSlot.AddressSlot;

    /// @dev Transient slot holding the notes contract a `fund` call expects a mint from
    /// (keccak256("sme-finance.pool.expectedNotes") - 1).
    bytes32 internal constant EXPECTED_NOTES_SLOT = 0x30148fdd8a442bceeec3d57c741fa80269cfe8db3efb061800341faa58df0871;

    /// @notice Registers or removes `manager` (finding F-8): only registered managers get pool cash.
    function setManager(PoolBook.State storage s, address asset, address manager, bool registered) external {
        if (registered) {
            address currency = address(ILoanManager(manager).asset());
            if (currency != asset) revert IFinancingPool.PoolCurrencyMismatch(0, currency, asset);
        }
        s.loanManagers[manager] = registered;
        emit IFinancingPool.LoanManagerSet(manager, registered);
    }

    /// @notice Moves `amount` of idle cash (at most `available`) into the escrow of `loanId` at a
    /// registered manager.
    function fund(
        PoolBook.State storage s,
        address asset,
        ILoanManager manager,
        uint256 loanId,
        uint256 amount
    ) external {
        PoolBook.accrue(s); // principal outstanding, the management fee's base, moves
        if (!s.loanManagers[address(manager)]) revert IFinancingPool.PoolLoanManagerNotRegistered(address(manager));
        if (amount == 0) revert IFinancingPool.PoolZeroAmount();
        // After the accrual, like `PoolBook.finance`: the check reads the book as it now stands.
        uint256 available = PoolBook.liquidityNow(s);
        if (amount > available) revert IFinancingPool.PoolInsufficientLiquidity(amount, available);
        address currency = address(manager.asset());
        if (currency != asset) revert IFinancingPool.PoolCurrencyMismatch(loanId, currency, asset);
        IFinancingPool.LoanPosition storage p = s.loans[address(manager)][loanId];
        if (p.status != IFinancingPool.LoanStatus.None && p.status != IFinancingPool.LoanStatus.Funded) {
            revert IFinancingPool.PoolLoanPositionNotOpen(address(manager), loanId, p.status);
        }
        bytes32 entity = manager.loan(loanId).entity;
        uint256 exposure = s.smeExposure[entity];
        uint256 limit = s.policy.maxSmeExposure;
        if (exposure + amount > limit) revert IFinancingPool.PoolSmeExposureExceeded(entity, exposure, amount, limit);
        s.smeExposure[entity] = exposure + amount;
        p.funded = (p.funded + amount).toUint96();
        p.principal += uint96(amount); // principal <= funded, which fits 96 bits
        p.status = IFinancingPool.LoanStatus.Funded;
        _move(s, amount, true);
        emit IFinancingPool.LoanFundedByPool(address(manager), loanId, entity, msg.sender, amount);
        // The manager pulls exactly `amount`; the allowance is set for this call and no longer.
        IERC20(asset).forceApprove(address(manager), amount);
        _expectNotes(address(manager.notes()));
        manager.fund(loanId, amount);
        _expectNotes(address(0));
    }

    /// @notice Refunds a loan that never started (cancelled, expired, or past its funding deadline),
    /// else claims the pool's share of its repayments.
    function collect(
        PoolBook.State storage s,
        address asset,
        ILoanManager manager,
        uint256 loanId
    ) external returns (uint256 amount) {
        PoolBook.accrue(s);
        ILoanManager.Loan memory ln = manager.loan(loanId);
        ILoanManager.Status st = ln.status;
        bool lapsed = st <= ILoanManager.Status.Funding && block.timestamp > ln.fundingDeadline;
        if (lapsed || st == ILoanManager.Status.Cancelled || st == ILoanManager.Status.Expired) {
            return _refund(s, asset, manager, loanId, ln.entity);
        }
        return claim(s, asset, manager, loanId);
    }

    /// @dev The pool's balance of `asset`: claims and refunds book what it shows arrived, never what
    /// the manager reports (finding F-8).
    function _balance(address asset) private view returns (uint256) {
        return IERC20(asset).balanceOf(address(this));
    }

    function _claimMeasured(address asset, ILoanManager manager, uint256 loanId) private returns (uint256) {
        uint256 before = _balance(asset);
        manager.claim(loanId);
        return _balance(asset) - before;
    }

    /// @notice Claims the pool's share of the loan's repayments and books it (see the NatSpec above).
    function claim(
        PoolBook.State storage s,
        address asset,
        ILoanManager manager,
        uint256 loanId
    ) public returns (uint256 amount) {
        IFinancingPool.LoanPosition memory p = _position(s, manager, loanId);
        amount = _claimMeasured(asset, manager, loanId);
        ILoanManager.Loan memory ln = manager.loan(loanId);
        uint256 principal;
        uint256 income;
        uint256 recovery;
        uint256 perfFee;
        if (p.status == IFinancingPool.LoanStatus.WrittenOff) {
            recovery = amount;
            _releaseExposure(s, ln.entity, recovery); // the write-off kept its loss in exposure
        } else {
            uint256 repaid = manager.principalRepaid(loanId);
            // The pool's share of principal repaid so far, rounded down; never more than is booked.
            uint256 share = Math.mulDiv(repaid, p.funded, ln.terms.principal);
            uint256 due = share > p.principalReceived ? share - p.principalReceived : 0;
            principal = Math.min(Math.min(due, amount), p.principal);
            income = amount - principal;
            perfFee = DiscountMath.bpsDown(income, s.policy.performanceFeeBps);
        }
        if (principal != 0) _reduce(s, p, principal, ln.entity);
        p.principalReceived += uint96(principal); // <= funded
        p.income = (p.income + income + recovery).toUint96();
        bool closes = p.principal == 0 && p.status != IFinancingPool.LoanStatus.WrittenOff;
        if (closes) p.status = IFinancingPool.LoanStatus.Closed;
        s.loans[address(manager)][loanId] = p;
        PoolBook.Ledger memory ldg = s.ledger;
        ldg.cash = (ldg.cash + amount).toUint96();
        ldg.feesOwed = (ldg.feesOwed + perfFee).toUint64();
        s.ledger = ldg;
        // Interest, late fees and recoveries were never accrued: they reach NAV gradually (F-10).
        PoolBook.lockIncome(s, income - perfFee + recovery);
        emit IFinancingPool.LoanClaimedByPool(address(manager), loanId, principal, income - perfFee, recovery, perfFee);
        if (closes && principal != 0) {
            emit IFinancingPool.LoanPositionClosed(address(manager), loanId, p.principalReceived, p.income);
        }
    }

    /// @dev Takes the pool's money back from a loan that never started (the manager checks it).
    function _refund(
        PoolBook.State storage s,
        address asset,
        ILoanManager manager,
        uint256 loanId,
        bytes32 entity
    ) private returns (uint256 amount) {
        IFinancingPool.LoanPosition memory p = _position(s, manager, loanId);
        if (p.status != IFinancingPool.LoanStatus.Funded) {
            revert IFinancingPool.PoolLoanPositionNotOpen(address(manager), loanId, p.status);
        }
        uint256 before = _balance(asset);
        manager.refund(loanId);
        amount = _balance(asset) - before;
        // Nothing was drawn down, so the refund is the whole cost: principal back, no income.
        uint256 principal = Math.min(amount, p.principal);
        _reduce(s, p, principal, entity);
        p.principalReceived += uint96(principal);
        p.status = IFinancingPool.LoanStatus.Closed;
        s.loans[address(manager)][loanId] = p;
        s.ledger.cash = (s.ledger.cash + amount).toUint96();
        emit IFinancingPool.LoanRefundedToPool(address(manager), loanId, amount);
        emit IFinancingPool.LoanPositionClosed(address(manager), loanId, p.principalReceived, p.income);
    }

    /// @notice Mirrors the loan's state: Defaulted → write-off (after taking pending claims);
    /// impaired → unrealized loss; no longer impaired → the loss reversed.
    function revalue(PoolBook.State storage s, address asset, ILoanManager manager, uint256 loanId) external {
        PoolBook.accrue(s);
        IFinancingPool.LoanPosition memory p = _position(s, manager, loanId);
        ILoanManager.Loan memory ln = manager.loan(loanId);
        bool open = p.status == IFinancingPool.LoanStatus.Funded || p.status == IFinancingPool.LoanStatus.Impaired;
        if (open && ln.status == ILoanManager.Status.Defaulted) {
            if (manager.claimable(loanId, address(this)) != 0) {
                claim(s, asset, manager, loanId);
                p = s.loans[address(manager)][loanId];
            }
            uint256 loss = p.principal;
            // The loss stays in the borrower's exposure until recovered (finding F-14).
            if (loss != 0) _reduce(s, p, loss, bytes32(0));
            s.writtenOff += uint128(loss); // loss <= the position's principal < 2^96
            p.status = IFinancingPool.LoanStatus.WrittenOff;
            emit IFinancingPool.LoanPositionWrittenOff(address(manager), loanId, msg.sender, loss);
        } else if (p.status == IFinancingPool.LoanStatus.Funded && ln.impaired) {
            s.impaired = (uint256(s.impaired) + p.principal).toUint96();
            p.status = IFinancingPool.LoanStatus.Impaired;
            emit IFinancingPool.LoanPositionImpaired(address(manager), loanId, msg.sender, p.principal);
        } else if (
            p.status == IFinancingPool.LoanStatus.Impaired && !ln.impaired && ln.status != ILoanManager.Status.Repaid
        ) {
            s.impaired -= p.principal; // the position's principal is part of `impaired` while Impaired
            p.status = p.principal == 0 ? IFinancingPool.LoanStatus.Closed : IFinancingPool.LoanStatus.Funded;
            emit IFinancingPool.LoanPositionImpairmentReversed(address(manager), loanId, msg.sender, p.principal);
        } else {
            revert IFinancingPool.PoolLoanNothingToRevalue(
                address(manager),
                loanId,
                uint8(ln.status),
                ln.impaired,
                p.status
            );
        }
        s.loans[address(manager)][loanId] = p;
    }

    /// @notice Whether `notes` is the contract a `fund` call in progress expects notes from.
    function expectsNotes(address notes) internal view returns (bool) {
        return notes != address(0) && EXPECTED_NOTES_SLOT.asAddress().tload() == notes;
    }

    /// @dev Transient: set just for the duration of the manager's `fund`, then cleared.
    function _expectNotes(address notes) private {
        EXPECTED_NOTES_SLOT.asAddress().tstore(notes);
    }

    function _position(
        PoolBook.State storage s,
        ILoanManager manager,
        uint256 loanId
    ) private view returns (IFinancingPool.LoanPosition memory p) {
        p = s.loans[address(manager)][loanId];
        if (p.status == IFinancingPool.LoanStatus.None)
            revert IFinancingPool.PoolLoanNotFunded(address(manager), loanId);
    }

    /// @dev Principal taken off the books (received or written off): ledger, exposure, impairment.
    function _reduce(
        PoolBook.State storage s,
        IFinancingPool.LoanPosition memory p,
        uint256 principal,
        bytes32 entity
    ) private {
        p.principal -= uint96(principal); // callers pass at most p.principal
        if (p.status == IFinancingPool.LoanStatus.Impaired) s.impaired -= uint96(principal);
        _releaseExposure(s, entity, principal);
        _move(s, principal, false);
    }

    /// @dev Invoices and loans share the SME exposure map and a KYC re-key can move an invoice's
    /// release onto another entity, so a release never takes an entity below zero (finding F-12):
    /// a claim or refund must never revert on it.
    function _releaseExposure(PoolBook.State storage s, bytes32 entity, uint256 amount) private {
        if (entity == bytes32(0)) return;
        uint256 held = s.smeExposure[entity];
        s.smeExposure[entity] = held > amount ? held - amount : 0;
    }

    /// @dev Cash to loan principal (`out`) or loan principal off the books (not to cash: callers
    /// book the cash they received themselves).
    function _move(PoolBook.State storage s, uint256 amount, bool out) private {
        PoolBook.Ledger memory ldg = s.ledger;
        if (out) {
            ldg.cash -= uint96(amount); // amount <= available <= cash
            ldg.principalOut = (ldg.principalOut + amount).toUint96();
            s.loanPrincipal += amount;
        } else {
            ldg.principalOut -= uint96(amount); // the position's principal is part of principalOut
            s.loanPrincipal -= amount;
        }
        s.ledger = ldg;
    }
}
