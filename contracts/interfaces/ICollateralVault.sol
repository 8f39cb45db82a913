// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReceivablePaymentHook} from "./IReceivablePaymentHook.sol";
import {ILoanManager} from "./ILoanManager.sol";

/// @title ICollateralVault
/// @notice Holds the receivables pledged as loan collateral for one LoanManager and books every
/// payment a debtor makes on them. The receivable contract pays the holder (this vault) and calls
/// its hook; the vault then, in the same transaction: repays the loan the receivable secures
/// through the manager's public `repay` (fees, interest, principal, prepayment; after default a
/// recovery for the lenders) and sends whatever the loan does not take (excess, a loan repaid or
/// cancelled, another currency) to the borrower. A payment made before drawdown (loan Pending,
/// Offered or Funding) belongs to the loan, never to the borrower: it is held here until
/// {settleHeld} or the next payment applies it to the drawn loan (or, for a loan closed undrawn,
/// returns it to the borrower, whose lenders are refunded in full).
interface ICollateralVault is IReceivablePaymentHook {
    /// @notice `payer` paid `amount` of `currency` on receivable `tokenId`, which secures `loanId`:
    /// `applied` went to the loan (see the manager's `LoanRepaid`), `toBorrower` to `borrower`.
    /// @param loanId The loan's id.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param borrower The loan's borrower.
    /// @param payer The account that paid.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param applied The part applied to the loan.
    /// @param toBorrower The part sent to the borrower.
    event CollateralPaymentBooked(
        uint256 indexed loanId,
        uint256 indexed tokenId,
        address indexed borrower,
        address payer,
        address currency,
        uint256 amount,
        uint256 applied,
        uint256 toBorrower
    );
    /// @notice A servicer attested that `amount` of receivable `tokenId` (securing `loanId`) was
    /// paid off chain to its issuer; no money reached the vault, the loan is unchanged.
    /// @param loanId The loan's id.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount, in the asset's smallest unit.
    /// @param referenceHash Hash of the off-chain payment reference.
    event CollateralPaymentAttested(
        uint256 indexed loanId,
        uint256 indexed tokenId,
        uint256 amount,
        bytes32 referenceHash
    );
    /// @notice `payer` paid `amount` on receivable `tokenId` before `loanId` was drawn down: held
    /// here for the loan, `heldTotal` in all.
    /// @param loanId The loan's id.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param payer The account that paid.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param heldTotal Everything held for the loan now.
    event CollateralPaymentHeld(
        uint256 indexed loanId,
        uint256 indexed tokenId,
        address indexed payer,
        uint256 amount,
        uint256 heldTotal
    );
    /// @notice What was held for `loanId` left the vault: `applied` repaid the loan, `toBorrower`
    /// went to `borrower` (excess, or a loan closed undrawn).
    /// @param loanId The loan's id.
    /// @param borrower The loan's borrower.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param applied The part applied to the loan.
    /// @param toBorrower The part sent to the borrower.
    event CollateralHeldReleased(
        uint256 indexed loanId,
        address indexed borrower,
        uint256 amount,
        uint256 applied,
        uint256 toBorrower
    );
    /// @notice Receivables of `token` are held here from now on; the manager may move them.
    /// @param token The token contract.
    /// @param manager The LoanManager contract.
    event CollateralVaultBound(address indexed token, address indexed manager);

    /// @notice `caller` is not the vault's manager.
    /// @param caller The caller.
    error CollateralNotManager(address caller);
    /// @notice Only the bound receivable contract may call the payment hooks.
    /// @param caller The caller.
    error CollateralUnauthorizedHookCaller(address caller);
    /// @notice The vault is bound already, to `token`.
    /// @param token The token contract.
    error CollateralAlreadyBound(address token);
    /// @notice Receivable `tokenId` is held here but secures no loan (sent to the vault directly).
    /// @param tokenId The receivable's token id (its document hash).
    error CollateralNotPledged(uint256 tokenId);
    /// @notice `loanId` is `status`, not drawn down yet: what is held for it stays held.
    /// @param loanId The loan's id.
    /// @param status The current status.
    error CollateralLoanNotDrawn(uint256 loanId, ILoanManager.Status status);
    /// @notice Nothing is held for `loanId`.
    /// @param loanId The loan's id.
    error CollateralNothingHeld(uint256 loanId);

    /// @notice Binds the vault to the receivable contract, once; lets the manager move its tokens.
    /// Only the manager calls it (from `setCollateralToken`).
    /// @param token The token contract.
    function bind(address token) external;

    /// @notice Releases what is held for `loanId` once it is drawn down (repays it, the excess to the
    /// borrower) or closed undrawn (to the borrower). Anyone may call it.
    /// @param loanId The loan's id.
    function settleHeld(uint256 loanId) external;
    /// @notice Paid on the loan's collateral before drawdown and not applied yet.
    /// @param loanId The loan's id.
    /// @return held The amount held for the loan.
    function heldFor(uint256 loanId) external view returns (uint256);

    /// @notice The LoanManager that deployed this vault and decides where collateral goes.
    /// @return manager The LoanManager's address.
    function manager() external view returns (address);
    /// @notice The receivable contract whose hooks are accepted (zero until bound).
    /// @return token The receivable contract's address, zero until bound.
    function receivables() external view returns (address);
}
