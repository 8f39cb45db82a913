// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IReceivablePaymentHook
/// @notice Implemented by financiers (the pool) that hold receivable tokens and must book
/// payments in the same transaction. Only financiers registered in the receivable contract are
/// called; an implementation must check that `msg.sender` is that receivable contract.
interface IReceivablePaymentHook {
    /// @notice The invoice a payment settles, as the receivable contract reads it at payment: its
    /// issuer (the SME), its currency, and the entities the identity registry reports now for
    /// its issuer and debtor (zero when revoked). Passed in so the holder books the payment
    /// without calling back into the receivable contract.
    struct PaidInvoice {
        address issuer;
        address currency;
        bytes32 issuerEntity;
        bytes32 debtorEntity;
    }

    /// @notice `amount` of the invoice's currency has just been transferred to the holder.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param payer The account that paid.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param invoice The invoice as the receivable contract reads it at payment.
    /// @return selector The selector of this function, or the payment reverts.
    function onReceivablePayment(
        uint256 tokenId,
        address payer,
        uint128 amount,
        PaidInvoice calldata invoice
    ) external returns (bytes4);

    /// @notice A servicer attested that `amount` was paid off chain (to the issuer, by bank).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount, in the asset's smallest unit.
    /// @param referenceHash Hash of the off-chain payment reference.
    /// @return selector The selector of this function, or the attestation reverts.
    function onReceivablePaymentAttested(
        uint256 tokenId,
        uint128 amount,
        bytes32 referenceHash
    ) external returns (bytes4);
}
