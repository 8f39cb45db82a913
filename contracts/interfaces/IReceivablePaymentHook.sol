// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @title IReceivablePaymentHook
/// @notice Implemented by financiers (the pool) that hold receivable tokens and must book
/// payments in the same transaction. Only financiers registered in the receivable contract are
/// called; an implementation must check that `msg.sender` is that receivable contract.
interface IReceivablePaymentHook {
    /// @notice `amount` of the invoice's currency has just been transferred to the holder.
    /// @return The selector of this function, or the payment reverts.
    function onReceivablePayment(uint256 tokenId, address payer, uint128 amount) external returns (bytes4);

    /// @notice A servicer attested that `amount` was paid off chain (to the issuer, by bank).
    /// @return The selector of this function, or the attestation reverts.
    function onReceivablePaymentAttested(
        uint256 tokenId,
        uint128 amount,
        bytes32 referenceHash
    ) external returns (bytes4);
}
