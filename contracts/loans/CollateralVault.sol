// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {LowLevelCall} from "@openzeppelin/contracts/utils/LowLevelCall.sol";
import {ICollateralVault} from "../interfaces/ICollateralVault.sol";
import {IReceivablePaymentHook} from "../interfaces/IReceivablePaymentHook.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";

/// @title CollateralVault
/// @notice Custody of pledged receivables and booking of their payments; see {ICollateralVault}.
/// @dev Why a contract apart from the LoanManager: a receivable's payment goes to its holder and
/// the hook is called on the holder, so the holder must implement the hook; custody and booking a
/// receivable's payments are a job of their own, apart from the loans' life cycle. The manager keeps every decision (which loan a
/// receivable secures, when it leaves) and moves the tokens as this vault's operator; the vault
/// only turns a payment into a `repay` on the manager, which any payer may call, so it needs no
/// privilege there. From the pledge until drawdown (loan Pending, Offered or Funding) a payment is
/// held here for the loan: the lenders commit their money against the collateral, so the borrower
/// must not receive its proceeds and draw the principal too. {settleHeld} (anyone) applies what is
/// held once the loan is drawn, or returns it to the borrower once the loan closed undrawn; the
/// next payment on the receivable does the same. Apart from that, nothing stays here: what the
/// loan does not take goes to the borrower in the same transaction.
contract CollateralVault is ReentrancyGuardTransient, ICollateralVault {
    using SafeERC20 for IERC20;

    ILoanManager private immutable MANAGER;
    IERC20 private immutable ASSET;
    address private _receivables;
    mapping(uint256 loanId => uint256 amount) private _held;

    /// @dev Deployed by the manager, whose asset is passed in (the manager is not callable yet).
    constructor(IERC20 asset_) {
        MANAGER = ILoanManager(msg.sender);
        ASSET = asset_;
    }

    /// @inheritdoc ICollateralVault
    function bind(address token) external {
        if (msg.sender != address(MANAGER)) revert CollateralNotManager(msg.sender);
        if (_receivables != address(0)) revert CollateralAlreadyBound(_receivables);
        _receivables = token;
        emit CollateralVaultBound(token, msg.sender);
        // The manager moves pledged receivables out (release, seizure) and pulls repayments; it
        // is the contract that deployed this vault and owns every decision over its content.
        IERC721(token).setApprovalForAll(msg.sender, true);
        ASSET.forceApprove(msg.sender, type(uint256).max);
    }

    /// @inheritdoc IReceivablePaymentHook
    /// @dev The payment already arrived here (the receivable contract pays the holder first).
    /// A loan not drawn down yet (Pending, Offered, Funding) holds it (see contract NatSpec). A
    /// loan Active or Defaulted takes what it is owed through `repay`, after what was held for it;
    /// the rest is the borrower's: excess, a loan repaid or closed, or an invoice in another
    /// currency than the loan's (refused at request, so only possible for a foreign token).
    function onReceivablePayment(
        uint256 tokenId,
        address payer,
        uint128 amount,
        PaidInvoice calldata invoice
    ) external nonReentrant returns (bytes4) {
        _onlyReceivables();
        uint256 loanId = MANAGER.loanSecuredBy(tokenId);
        if (loanId == 0) revert CollateralNotPledged(tokenId);
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        address currency = invoice.currency;
        if (currency == address(ASSET)) {
            if (ln.status < ILoanManager.Status.Active) {
                uint256 held = _held[loanId] + amount;
                _held[loanId] = held;
                emit CollateralPaymentHeld(loanId, tokenId, payer, amount, held);
                return IReceivablePaymentHook.onReceivablePayment.selector;
            }
            if (_held[loanId] != 0) {
                _releaseHeld(loanId, ln);
                // What was held may have paid the loan off: book this payment on its new status.
                ln = MANAGER.loan(loanId);
            }
        }
        uint256 applied;
        if (
            currency == address(ASSET) &&
            (ln.status == ILoanManager.Status.Active || ln.status == ILoanManager.Status.Defaulted)
        ) applied = _repay(loanId, amount);
        // applied ≤ amount: `repay` takes at most the amount offered.
        uint256 rest = amount - applied;
        emit CollateralPaymentBooked(loanId, tokenId, ln.borrower, payer, currency, amount, applied, rest);
        if (rest != 0) IERC20(currency).safeTransfer(ln.borrower, rest);
        return IReceivablePaymentHook.onReceivablePayment.selector;
    }

    /// @inheritdoc IReceivablePaymentHook
    /// @dev Paid to the issuer by bank: no money here and nothing to book on the loan, whose
    /// borrower keeps owing it; recorded for the audit trail only.
    function onReceivablePaymentAttested(
        uint256 tokenId,
        uint128 amount,
        bytes32 referenceHash
    ) external returns (bytes4) {
        _onlyReceivables();
        emit CollateralPaymentAttested(MANAGER.loanSecuredBy(tokenId), tokenId, amount, referenceHash);
        return IReceivablePaymentHook.onReceivablePaymentAttested.selector;
    }

    /// @inheritdoc ICollateralVault
    function settleHeld(uint256 loanId) external nonReentrant {
        ILoanManager.Loan memory ln = MANAGER.loan(loanId);
        if (ln.status < ILoanManager.Status.Active) revert CollateralLoanNotDrawn(loanId, ln.status);
        if (_held[loanId] == 0) revert CollateralNothingHeld(loanId);
        _releaseHeld(loanId, ln);
    }

    /// @inheritdoc ICollateralVault
    function heldFor(uint256 loanId) external view returns (uint256) {
        return _held[loanId];
    }

    /// @inheritdoc ICollateralVault
    function manager() external view returns (address) {
        return address(MANAGER);
    }

    /// @inheritdoc ICollateralVault
    function receivables() external view returns (address) {
        return _receivables;
    }

    function _onlyReceivables() private view returns (address token) {
        token = _receivables;
        // Before binding `token` is zero, which no caller can be.
        if (msg.sender != token) revert CollateralUnauthorizedHookCaller(msg.sender);
    }

    /// @dev Applies what is held for a drawn loan (Active, Defaulted); a loan closed without it
    /// (Repaid, Cancelled, Expired) owes nothing more, so it is the borrower's.
    function _releaseHeld(uint256 loanId, ILoanManager.Loan memory ln) private {
        uint256 held = _held[loanId];
        _held[loanId] = 0;
        uint256 applied;
        if (ln.status == ILoanManager.Status.Active || ln.status == ILoanManager.Status.Defaulted) {
            applied = _repay(loanId, held);
        }
        // applied ≤ held: `repay` takes at most the amount offered.
        uint256 rest = held - applied;
        emit CollateralHeldReleased(loanId, ln.borrower, held, applied, rest);
        if (rest != 0) ASSET.safeTransfer(ln.borrower, rest);
    }

    /// @dev Repays up to `amount` and returns what the loan took. The one refusal that is not a
    /// fault is a defaulted loan already recovered in full (`LoanNothingOwed`): the payment is then
    /// the borrower's. Any other revert is bubbled up, so the payment fails and no money moves.
    function _repay(uint256 loanId, uint256 amount) private returns (uint256) {
        try MANAGER.repay(loanId, amount) returns (uint256 paid) {
            return paid;
        } catch (bytes memory reason) {
            if (bytes4(reason) == ILoanManager.LoanNothingOwed.selector) return 0;
            LowLevelCall.bubbleRevert(reason);
        }
    }
}
