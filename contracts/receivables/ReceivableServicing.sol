// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {IReceivablePaymentHook} from "../interfaces/IReceivablePaymentHook.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ReceivablePacking} from "./ReceivablePacking.sol";
import {ReceivableRules} from "./ReceivableRules.sol";
import {ReceivableMessages} from "./ReceivableMessages.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// @title ReceivableServicing
/// @notice What may happen to an invoice between tokenization and payment besides acknowledgement:
/// the issuer amends its terms, the debtor disputes them, both agree a credit note, a servicer
/// attests a payment made off chain, the financier holding it writes it off. Linked library: runs
/// by DELEGATECALL in the token's storage (the token's functions of the same names call it), so
/// events come from the token and `msg.sender` is the token's caller. Tokenization,
/// acknowledgement and payment, the paths every invoice takes, stay in the token and pay no call.
library ReceivableServicing {
    using ReceivablePacking for uint256;
    using ReceivablePacking for ReceivablePacking.Terms;
    using ReceivablePacking for ReceivablePacking.Parties;

    /// @dev What the token knows of an invoice beyond its record: its id, its holder (zero once
    /// burned) and where settlements and defaults are reported.
    struct Context {
        uint256 tokenId;
        address holder;
        ICreditHistory history;
        IIdentityRegistry registry;
    }

    /// @dev {IReceivableToken.amendTerms}.
    function amendTerms(
        ReceivablePacking.Invoice storage inv,
        uint256 tokenId,
        address holder,
        uint128 newFaceValue,
        uint40 newDueDate
    ) external {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivableRules.requireIssuerHolder(tokenId, t, holder);
        ReceivableRules.requireStatus(tokenId, t.status, ReceivableRules.ISSUED);
        ReceivableRules.checkFaceValue(newFaceValue);
        if (newDueDate <= block.timestamp) {
            revert IReceivableToken.ReceivableInvalidDates(t.issueDate, newDueDate, block.timestamp);
        }
        uint128 settled = ReceivableRules.settled(inv.settlement);
        if (newFaceValue <= settled) revert IReceivableToken.ReceivableFaceBelowSettled(tokenId, newFaceValue, settled);

        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        uint128 oldFaceValue = p.faceValue;
        uint8 version = ReceivableRules.nextVersion(tokenId, t.termsVersion);
        uint40 oldDueDate = t.dueDate;
        t.dueDate = newDueDate;
        t.termsVersion = version;
        inv.terms = t.pack();
        // Bounded by checkFaceValue.
        p.faceValue = uint96(newFaceValue);
        inv.parties = p.pack();
        emit IReceivableToken.ReceivableTermsAmended(
            tokenId,
            msg.sender,
            oldFaceValue,
            newFaceValue,
            oldDueDate,
            newDueDate,
            version
        );
    }

    /// @dev {IReceivableToken.cancel} but the burn, which the token does next (ERC-721 state is
    /// the token's). The record (and so both duplicate keys) stays: a cancelled invoice can never
    /// come back.
    function cancel(ReceivablePacking.Invoice storage inv, uint256 tokenId, address holder) external {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivableRules.requireIssuerHolder(tokenId, t, holder);
        ReceivableRules.requireStatus(tokenId, t.status, ReceivableRules.ISSUED);
        uint128 settled = ReceivableRules.settled(inv.settlement);
        if (settled != 0) revert IReceivableToken.ReceivableHasPayments(tokenId, settled);
        inv.terms = inv.terms.withStatus(IReceivableToken.Status.Cancelled);
    }

    /// @dev {IReceivableToken.dispute}.
    function dispute(ReceivablePacking.Invoice storage inv, uint256 tokenId, bytes32 reasonHash) external {
        IReceivableToken.Status status = inv.terms.status();
        address debtor = inv.parties.debtor();
        ReceivableRules.requireStatus(tokenId, status, ReceivableRules.ISSUED | ReceivableRules.ACKNOWLEDGED);
        if (msg.sender != debtor) revert IReceivableToken.ReceivableNotDebtor(tokenId, msg.sender);
        // Issued/Acknowledged are never fully settled: settling moves them to Paid.
        inv.settlement.statusBeforeDispute = status;
        inv.terms = inv.terms.withStatus(IReceivableToken.Status.Disputed);
        emit IReceivableToken.ReceivableDisputed(tokenId, msg.sender, reasonHash);
    }

    /// @dev {IReceivableToken.withdrawDispute}.
    function withdrawDispute(ReceivablePacking.Invoice storage inv, uint256 tokenId) external {
        ReceivableRules.requireStatus(tokenId, inv.terms.status(), ReceivableRules.DISPUTED);
        if (msg.sender != inv.parties.debtor()) revert IReceivableToken.ReceivableNotDebtor(tokenId, msg.sender);
        _resolveDispute(tokenId, inv);
    }

    /// @dev {IReceivableToken.applyCreditNote}; `domainSeparator` is the token's EIP-712 domain.
    function applyCreditNote(
        ReceivablePacking.Invoice storage inv,
        Context calldata ctx,
        bytes32 domainSeparator,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline,
        bytes calldata debtorSignature
    ) external {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        ReceivableRules.requireIssuerHolder(ctx.tokenId, t, ctx.holder);
        ReceivableRules.requireStatus(ctx.tokenId, t.status, ReceivableRules.OPEN);
        uint128 settled = ReceivableRules.settled(inv.settlement);
        if (newFaceValue >= p.faceValue || newFaceValue < settled) {
            revert IReceivableToken.ReceivableInvalidCreditNote(ctx.tokenId, newFaceValue, p.faceValue, settled);
        }
        bytes32 digest = MessageHashUtils.toTypedDataHash(
            domainSeparator,
            ReceivableMessages.creditNoteHash(ctx.tokenId, p.debtor, newFaceValue, noteHash, t.termsVersion, deadline)
        );
        ReceivableRules.checkDebtorSignature(ctx.tokenId, p.debtor, digest, deadline, debtorSignature);

        t.termsVersion = ReceivableRules.nextVersion(ctx.tokenId, t.termsVersion);
        inv.terms = t.pack();
        // Smaller than the stored 96-bit face value.
        inv.parties = ReceivablePacking.Parties(p.debtor, uint96(newFaceValue)).pack();
        emit IReceivableToken.ReceivableCreditNoteApplied(
            ctx.tokenId,
            msg.sender,
            p.debtor,
            p.faceValue,
            newFaceValue,
            noteHash
        );
        if (t.status == IReceivableToken.Status.Disputed) _resolveDispute(ctx.tokenId, inv);
        if (newFaceValue == settled) {
            inv.terms = inv.terms.withStatus(IReceivableToken.Status.Paid);
            ReceivableRules.recordSettlement(
                ctx.history,
                ctx.registry,
                t.issuer,
                t.dueDate,
                newFaceValue,
                IReceivableToken.Status.Issued,
                bytes32(0)
            );
        }
    }

    /// @dev {IReceivableToken.attestPayment}; `financiers` is the token's register of financiers.
    function attestPayment(
        ReceivablePacking.Invoice storage inv,
        Context calldata ctx,
        mapping(address account => bool) storage financiers,
        uint128 amount,
        bytes32 referenceHash
    ) external {
        (
            uint128 outstandingAmount,
            ReceivablePacking.Settlement memory s,
            IReceivableToken.Status previous
        ) = ReceivableRules.checkPayment(ctx.tokenId, inv, amount);
        bool fullyPaid = amount == outstandingAmount;
        // Fits 96 bits: amountAttested + amount <= faceValue.
        uint96 totalAttested = s.amountAttested + uint96(amount);
        inv.settlement.amountAttested = totalAttested;
        if (fullyPaid) inv.terms = inv.terms.withStatus(IReceivableToken.Status.Paid);
        emit IReceivableToken.ReceivablePaymentAttested(
            ctx.tokenId,
            msg.sender,
            amount,
            totalAttested,
            referenceHash,
            fullyPaid
        );

        if (financiers[ctx.holder]) {
            bytes4 answer = IReceivablePaymentHook(ctx.holder).onReceivablePaymentAttested(
                ctx.tokenId,
                amount,
                referenceHash
            );
            if (answer != IReceivablePaymentHook.onReceivablePaymentAttested.selector) {
                revert IReceivableToken.ReceivableHookRejected(ctx.holder);
            }
        }
        if (fullyPaid) {
            ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
            ReceivableRules.recordSettlement(
                ctx.history,
                ctx.registry,
                t.issuer,
                t.dueDate,
                outstandingAmount + s.amountPaid + s.amountAttested,
                previous,
                bytes32(0)
            );
        }
    }

    /// @dev {IReceivableToken.markDefaulted}; `financiers` is the token's register of financiers.
    function markDefaulted(
        ReceivablePacking.Invoice storage inv,
        Context calldata ctx,
        mapping(address account => bool) storage financiers
    ) external {
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivableRules.requireStatus(ctx.tokenId, t.status, ReceivableRules.OPEN);
        if (ctx.holder != msg.sender) revert IReceivableToken.ReceivableNotHolder(ctx.tokenId, msg.sender);
        if (!financiers[msg.sender]) revert IReceivableToken.ReceivableNotFinancier(msg.sender);
        if (block.timestamp <= t.dueDate) {
            revert IReceivableToken.ReceivableNotYetDue(ctx.tokenId, t.dueDate, block.timestamp);
        }

        inv.terms = inv.terms.withStatus(IReceivableToken.Status.Defaulted);
        uint96 faceValue = inv.parties.faceValue();
        emit IReceivableToken.ReceivableDefaulted(
            ctx.tokenId,
            msg.sender,
            faceValue - ReceivableRules.settled(inv.settlement)
        );
        if (address(ctx.history) != address(0)) {
            ReceivableRules.record(
                ctx.history,
                ctx.registry,
                t.issuer,
                bytes32(0),
                faceValue,
                ICreditHistory.Outcome.Defaulted,
                ReceivableRules.daysLate(t.dueDate)
            );
        }
    }

    function _resolveDispute(uint256 tokenId, ReceivablePacking.Invoice storage inv) private {
        IReceivableToken.Status restored = inv.settlement.statusBeforeDispute;
        inv.terms = inv.terms.withStatus(restored);
        emit IReceivableToken.ReceivableDisputeWithdrawn(tokenId, inv.parties.debtor(), restored);
    }
}
