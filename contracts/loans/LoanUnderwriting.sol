// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {LoanMath} from "./LoanMath.sol";
import {LoanProgress} from "./LoanProgress.sol";

/// @title LoanUnderwriting
/// @notice The underwriter's credit decisions on a loan of a LoanManager, run on its storage
/// (`using LoanUnderwriting for ILoanManager.Loan`): approving a request or offering changed
/// terms (which the borrower then accepts), and declaring a loan in default. The manager checks the caller and the loan's existence;
/// these functions check the loan's state and emit the manager's events.
/// @dev `exposure` is the manager's principal per entity of loans open for funding or drawn down.
library LoanUnderwriting {
    /// @notice Approves request `loanId` at `newPrincipal` and `newRateBps` (see
    /// `ILoanManager.approve`): unchanged terms open a Pending loan for funding, changed ones (or
    /// an Offered loan) become an offer the borrower accepts.
    /// @param ln The loan, in storage.
    /// @param exposure The manager's exposure per entity.
    /// @param loanId The loan's id.
    /// @param newPrincipal The principal approved, at most the one asked.
    /// @param newRateBps The annual rate approved, in basis points.
    function approve(
        ILoanManager.Loan storage ln,
        mapping(bytes32 => uint256) storage exposure,
        uint256 loanId,
        uint128 newPrincipal,
        uint16 newRateBps
    ) external {
        ILoanManager.Status status = ln.status;
        if (status != ILoanManager.Status.Pending && status != ILoanManager.Status.Offered) {
            revert ILoanManager.LoanInvalidStatus(loanId, status);
        }
        Schedule.Terms memory t = ln.terms;
        if (newPrincipal == 0 || newPrincipal > t.principal) {
            revert ILoanManager.LoanInvalidApproval(loanId, newPrincipal, t.principal);
        }
        bool same = newPrincipal == t.principal && newRateBps == t.rateBps;
        t.principal = newPrincipal;
        t.rateBps = newRateBps;
        Schedule.validate(t);
        ln.terms = t;
        if (same && status == ILoanManager.Status.Pending) {
            open(ln, exposure, loanId);
        } else {
            ln.status = ILoanManager.Status.Offered;
            emit ILoanManager.LoanOffered(loanId, msg.sender, newPrincipal, newRateBps);
        }
    }

    /// @notice The borrower accepts the terms offered on loan `loanId` (see `ILoanManager.accept`):
    /// it opens for funding.
    /// @param ln The loan, in storage.
    /// @param exposure The manager's exposure per entity.
    /// @param loanId The loan's id.
    function accept(
        ILoanManager.Loan storage ln,
        mapping(bytes32 => uint256) storage exposure,
        uint256 loanId
    ) external {
        if (ln.status != ILoanManager.Status.Offered) revert ILoanManager.LoanInvalidStatus(loanId, ln.status);
        if (block.timestamp > ln.fundingDeadline) {
            revert ILoanManager.LoanFundingClosed(loanId, ln.fundingDeadline, block.timestamp);
        }
        open(ln, exposure, loanId);
    }

    /// @dev Opens the loan for funding, approved by the caller (the underwriter, or the borrower
    /// accepting its offer), and counts its principal in the borrower's exposure.
    function open(ILoanManager.Loan storage ln, mapping(bytes32 => uint256) storage exposure, uint256 loanId) private {
        ln.status = ILoanManager.Status.Funding;
        exposure[ln.entity] += ln.terms.principal;
        emit ILoanManager.LoanApproved(loanId, msg.sender, ln.terms.principal, ln.terms.rateBps, false);
    }

    /// @notice Declares Active loan `loanId` in default once `defaultAfterDays` late (see
    /// `ILoanManager.markDefaulted`): fees are charged to now and the loan's clock stops, the
    /// borrower's exposure is released and the default recorded in its credit history.
    /// @param ln The loan, in storage.
    /// @param exposure The manager's exposure per entity.
    /// @param loanId The loan's id.
    /// @param defaultAfterDays Days late from which a loan may be defaulted (the manager's policy).
    /// @param credit The credit history the outcome is recorded in.
    function markDefaulted(
        ILoanManager.Loan storage ln,
        mapping(bytes32 => uint256) storage exposure,
        uint256 loanId,
        uint256 defaultAfterDays,
        ICreditHistory credit
    ) external {
        if (ln.status != ILoanManager.Status.Active) revert ILoanManager.LoanInvalidStatus(loanId, ln.status);
        Schedule.Terms memory t = ln.terms;
        uint256 late = LoanProgress.lateness(ln, t, block.timestamp);
        if (late < defaultAfterDays) revert ILoanManager.LoanNotLateEnough(loanId, late, defaultAfterDays);
        // What `ILoanCalculator.settle` does with nothing paid, in this library's code rather
        // than through a call: fees accrued to now, rows owing nothing skipped.
        LoanMath.Progress memory s = LoanProgress.progressOf(ln);
        uint256 graceSeconds = uint256(ln.lateGraceDays) * 1 days;
        LoanMath.accrueFees(t, s, block.timestamp, ln.lateFeeBps, graceSeconds);
        LoanMath.applyPayment(t, s, 0, block.timestamp, graceSeconds);
        uint256 principalLeft = LoanMath.principalRemaining(t, s);
        LoanProgress.store(ln, s);
        ln.status = ILoanManager.Status.Defaulted;
        ln.defaultedAt = uint40(block.timestamp);
        bytes32 entity = ln.entity;
        exposure[entity] -= t.principal;
        emit ILoanManager.LoanDefaulted(loanId, msg.sender, late, principalLeft, s.fees);
        credit.recordLoan(entity, t.principal, t.start, ICreditHistory.Outcome.Defaulted, SafeCast.toUint32(late));
    }
}
