// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {IReceivablePaymentHook} from "../../contracts/interfaces/IReceivablePaymentHook.sol";

/// @notice TEST DOUBLE of the receivable token, never deployed. It implements only what the pool
/// uses, with the behaviour the pool assumes of the real token (IReceivableToken):
/// - `receivable(id)` returns the stored struct; `outstanding(id)` = face - paid - attested.
/// - `pay(id, amount)`: refuses amount 0 and overpayment; allowed in status Acknowledged and
///   Defaulted (recoveries); moves `amount` from the payer straight to the current holder, then,
///   if the holder is a registered financier, calls `onReceivablePayment(id, payer, amount,
///   invoice)` with the stored issuer, currency and entities, and
///   requires its selector back; status becomes Paid when paid + attested reach the face value.
/// - `attestPayment(id, amount, ref)`: (SERVICER-only in the real token; open here) records an
///   off-chain payment and calls `onReceivablePaymentAttested` on a financier holder.
/// - `markDefaulted(id)`: only by a financier holder, only after the due date, sets Defaulted.
/// - Status does not change when the pool takes the token (no Financed status in the enum).
/// - `creditHistory()` is zero: no credit history, so the pool records no SME default here.
contract ReceivableTokenDouble is ERC721 {
    using SafeERC20 for IERC20;

    mapping(uint256 tokenId => IReceivableToken.Receivable) private _receivables;
    mapping(address account => bool) private _financiers;
    uint256 private _nextId = 1;

    constructor() ERC721("Receivable double", "RCV-D") {}

    /// @notice Test helper: an invoice minted to `issuer` and already acknowledged by `debtor`.
    function mintAcknowledged(
        address issuer,
        address debtor,
        address currency,
        uint128 face,
        uint40 dueDate,
        bytes32 issuerEntity,
        bytes32 debtorEntity
    ) external returns (uint256 tokenId) {
        tokenId = _nextId++;
        IReceivableToken.Receivable storage r = _receivables[tokenId];
        r.issuer = issuer;
        r.debtor = debtor;
        r.currency = currency;
        r.faceValue = face;
        r.issueDate = uint40(block.timestamp);
        r.dueDate = dueDate;
        r.status = IReceivableToken.Status.Acknowledged;
        r.issuerEntity = issuerEntity;
        r.debtorEntity = debtorEntity;
        _mint(issuer, tokenId);
    }

    /// @notice Test helper: force a status (e.g. Disputed).
    function setStatus(uint256 tokenId, IReceivableToken.Status status) external {
        _receivables[tokenId].status = status;
    }

    function registerFinancier(address financier, bool registered) external {
        _financiers[financier] = registered;
        emit IReceivableToken.FinancierRegistered(financier, registered);
    }

    function creditHistory() external pure returns (address) {
        return address(0);
    }

    function isFinancier(address account) external view returns (bool) {
        return _financiers[account];
    }

    function receivable(uint256 tokenId) external view returns (IReceivableToken.Receivable memory) {
        if (_receivables[tokenId].issuer == address(0)) revert IReceivableToken.ReceivableNotFound(tokenId);
        return _receivables[tokenId];
    }

    /// @notice As the real token: the stored invoice with its entities left zero, and its holder.
    function receivableAndOwner(
        uint256 tokenId
    ) external view returns (IReceivableToken.Receivable memory r, address holder) {
        IReceivableToken.Receivable storage stored = _receivables[tokenId];
        if (stored.issuer == address(0)) revert IReceivableToken.ReceivableNotFound(tokenId);
        // Field by field: the entity slots are not read, as the real token asks no registry here.
        r.issuer = stored.issuer;
        r.debtor = stored.debtor;
        r.currency = stored.currency;
        r.faceValue = stored.faceValue;
        r.amountPaid = stored.amountPaid;
        r.amountAttested = stored.amountAttested;
        r.issueDate = stored.issueDate;
        r.dueDate = stored.dueDate;
        r.status = stored.status;
        r.statusBeforeDispute = stored.statusBeforeDispute;
        r.termsVersion = stored.termsVersion;
        holder = _ownerOf(tokenId);
    }

    function outstanding(uint256 tokenId) public view returns (uint128) {
        IReceivableToken.Receivable storage r = _receivables[tokenId];
        return r.faceValue - r.amountPaid - r.amountAttested;
    }

    function pay(uint256 tokenId, uint128 amount) external {
        IReceivableToken.Receivable storage r = _receivables[tokenId];
        if (amount == 0) revert IReceivableToken.ReceivableZeroAmount();
        if (r.status != IReceivableToken.Status.Acknowledged && r.status != IReceivableToken.Status.Defaulted) {
            revert IReceivableToken.ReceivableInvalidStatus(tokenId, r.status);
        }
        uint128 left = outstanding(tokenId);
        if (amount > left) revert IReceivableToken.ReceivableOverpayment(tokenId, amount, left);
        address holder = ownerOf(tokenId);
        r.amountPaid += amount;
        bool full = amount == left;
        if (full) r.status = IReceivableToken.Status.Paid;
        emit IReceivableToken.ReceivablePaid(tokenId, msg.sender, holder, r.currency, amount, r.amountPaid, full);
        IERC20(r.currency).safeTransferFrom(msg.sender, holder, amount);
        if (_financiers[holder]) {
            IReceivablePaymentHook.PaidInvoice memory paid = IReceivablePaymentHook.PaidInvoice(
                r.issuer,
                r.currency,
                r.issuerEntity,
                r.debtorEntity
            );
            bytes4 ret = IReceivablePaymentHook(holder).onReceivablePayment(tokenId, msg.sender, amount, paid);
            if (ret != IReceivablePaymentHook.onReceivablePayment.selector) {
                revert IReceivableToken.ReceivableHookRejected(holder);
            }
        }
    }

    function attestPayment(uint256 tokenId, uint128 amount, bytes32 referenceHash) external {
        IReceivableToken.Receivable storage r = _receivables[tokenId];
        uint128 left = outstanding(tokenId);
        if (amount > left) revert IReceivableToken.ReceivableOverpayment(tokenId, amount, left);
        r.amountAttested += amount;
        bool full = amount == left;
        if (full) r.status = IReceivableToken.Status.Paid;
        emit IReceivableToken.ReceivablePaymentAttested(
            tokenId,
            msg.sender,
            amount,
            r.amountAttested,
            referenceHash,
            full
        );
        address holder = ownerOf(tokenId);
        if (_financiers[holder]) {
            bytes4 ret = IReceivablePaymentHook(holder).onReceivablePaymentAttested(tokenId, amount, referenceHash);
            if (ret != IReceivablePaymentHook.onReceivablePaymentAttested.selector) {
                revert IReceivableToken.ReceivableHookRejected(holder);
            }
        }
    }

    function markDefaulted(uint256 tokenId) external {
        IReceivableToken.Receivable storage r = _receivables[tokenId];
        if (ownerOf(tokenId) != msg.sender) revert IReceivableToken.ReceivableNotHolder(tokenId, msg.sender);
        if (!_financiers[msg.sender]) revert IReceivableToken.ReceivableNotFinancier(msg.sender);
        if (block.timestamp <= r.dueDate)
            revert IReceivableToken.ReceivableNotYetDue(tokenId, r.dueDate, block.timestamp);
        if (r.status != IReceivableToken.Status.Acknowledged)
            revert IReceivableToken.ReceivableInvalidStatus(tokenId, r.status);
        r.status = IReceivableToken.Status.Defaulted;
        emit IReceivableToken.ReceivableDefaulted(tokenId, msg.sender, outstanding(tokenId));
    }
}
