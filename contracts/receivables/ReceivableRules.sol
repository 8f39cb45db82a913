// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {ReceivablePacking} from "./ReceivablePacking.sol";

/// @title ReceivableRules
/// @notice The checks and the credit reporting that both the token and {ReceivableServicing}
/// apply to an invoice: which statuses allow an action, who may act, what a payment may be, how a
/// settlement or default is reported to credit history.
library ReceivableRules {
    // Status bit masks for requireStatus (bit i = Status(i)).
    uint256 internal constant ISSUED = 1 << uint8(IReceivableToken.Status.Issued);
    uint256 internal constant ACKNOWLEDGED = 1 << uint8(IReceivableToken.Status.Acknowledged);
    uint256 internal constant DISPUTED = 1 << uint8(IReceivableToken.Status.Disputed);
    uint256 internal constant DEFAULTED = 1 << uint8(IReceivableToken.Status.Defaulted);
    /// @dev Not settled, cancelled or written off: may be disputed, credit-noted, defaulted.
    uint256 internal constant OPEN = ISSUED | ACKNOWLEDGED | DISPUTED;
    /// @dev Payments are taken in every open status and after default (recoveries).
    uint256 internal constant PAYABLE = OPEN | DEFAULTED;

    /// @dev `holder` is the token's current owner (zero once burned).
    function requireIssuerHolder(uint256 tokenId, ReceivablePacking.Terms memory t, address holder) internal view {
        requireExists(tokenId, t.status);
        if (msg.sender != t.issuer) revert IReceivableToken.ReceivableNotIssuer(tokenId, msg.sender);
        if (holder != msg.sender) revert IReceivableToken.ReceivableNotHolder(tokenId, msg.sender);
    }

    /// @dev `allowed` is a bit mask of statuses (bit i = Status(i)).
    function requireStatus(uint256 tokenId, IReceivableToken.Status status, uint256 allowed) internal pure {
        requireExists(tokenId, status);
        if ((allowed >> uint8(status)) & 1 == 0) revert IReceivableToken.ReceivableInvalidStatus(tokenId, status);
    }

    function requireExists(uint256 tokenId, IReceivableToken.Status status) internal pure {
        if (status == IReceivableToken.Status.None) revert IReceivableToken.ReceivableNotFound(tokenId);
    }

    /// @dev Shared checks of `pay` and `attestPayment`; returns the outstanding amount before it.
    function checkPayment(
        uint256 tokenId,
        ReceivablePacking.Invoice storage inv,
        uint128 amount
    )
        internal
        view
        returns (uint128 outstandingAmount, ReceivablePacking.Settlement memory s, IReceivableToken.Status status)
    {
        if (amount == 0) revert IReceivableToken.ReceivableZeroAmount();
        status = ReceivablePacking.status(inv.terms);
        requireStatus(tokenId, status, PAYABLE);
        s = inv.settlement;
        // Cannot underflow: paid + attested < face while the invoice is payable (not Paid).
        outstandingAmount = ReceivablePacking.faceValue(inv.parties) - s.amountPaid - s.amountAttested;
        if (amount > outstandingAmount)
            revert IReceivableToken.ReceivableOverpayment(tokenId, amount, outstandingAmount);
    }

    function checkDebtorSignature(
        uint256 tokenId,
        address debtor,
        bytes32 digest,
        uint256 deadline,
        bytes calldata signature
    ) internal view {
        if (deadline < block.timestamp) revert IReceivableToken.ReceivableSignatureExpired(deadline, block.timestamp);
        if (!SignatureChecker.isValidSignatureNowCalldata(debtor, digest, signature)) {
            revert IReceivableToken.ReceivableInvalidSignature(tokenId, debtor);
        }
    }

    function checkFaceValue(uint128 faceValue) internal pure {
        if (faceValue == 0) revert IReceivableToken.ReceivableZeroFaceValue();
        if (faceValue > type(uint96).max) {
            revert IReceivableToken.ReceivableFaceValueTooLarge(faceValue, type(uint96).max);
        }
    }

    function nextVersion(uint256 tokenId, uint8 version) internal pure returns (uint8) {
        if (version == type(uint8).max) revert IReceivableToken.ReceivableTermsVersionExhausted(tokenId);
        return version + 1;
    }

    function settled(ReceivablePacking.Settlement storage s) internal view returns (uint128) {
        return uint128(s.amountPaid) + s.amountAttested;
    }

    /// @dev Reports the settlement of an invoice of `faceValue` due on `dueDate` to `history`
    /// (nothing when zero). Runs after every transfer and hook; a recovery after default
    /// (`previous` Defaulted) is not reported again: the default already was. `issuerEntity`: the
    /// issuer's entity when the caller already asked the registry in this transaction (the payment
    /// hook), else zero.
    function recordSettlement(
        ICreditHistory history,
        IIdentityRegistry registry,
        address issuer,
        uint40 dueDate,
        uint256 faceValue,
        IReceivableToken.Status previous,
        bytes32 issuerEntity
    ) internal {
        if (address(history) == address(0) || previous == IReceivableToken.Status.Defaulted) return;
        uint32 late = daysLate(dueDate);
        record(
            history,
            registry,
            issuer,
            issuerEntity,
            faceValue,
            late == 0 ? ICreditHistory.Outcome.OnTime : ICreditHistory.Outcome.Late,
            late
        );
    }

    /// @dev Reports to `history` under the issuer's current entity (see the token's NatSpec);
    /// nothing when the issuer's identity is gone. `entity` is that entity when the caller already
    /// has it, else zero and the registry is asked here (a revoked issuer is then asked twice, and
    /// recorded by neither).
    function record(
        ICreditHistory history,
        IIdentityRegistry registry,
        address issuer,
        bytes32 entity,
        uint256 faceValue,
        ICreditHistory.Outcome outcome,
        uint32 late
    ) internal {
        if (entity == bytes32(0)) entity = registry.entityOf(issuer);
        if (entity != bytes32(0)) history.recordReceivable(entity, faceValue, outcome, late);
    }

    /// @dev Whole days after the due date, rounded up; 0 at or before it. The cast cannot truncate
    /// before the year 10^7 (2^32 days).
    function daysLate(uint40 dueDate) internal view returns (uint32) {
        if (block.timestamp <= dueDate) return 0;
        return uint32(Math.ceilDiv(block.timestamp - dueDate, 1 days));
    }
}
