// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title IReceivableToken
/// @notice Tokenized invoices: one ERC-721 per invoice, minted by a verified SME to itself, paid
/// by the debtor through this contract to whoever holds the token at that moment.
/// @dev The token id is the invoice's document hash (SHA-256 of the file, computed off chain), so
/// one document can never be tokenized twice. A second key, (issuer entity, debtor entity,
/// invoice number hash), stops the same invoice coming back under another file or another wallet
/// of the same company. Cancelling frees neither key.
interface IReceivableToken is IERC721 {
    /// @notice Life cycle. `Issued`: terms may still change. `Acknowledged`: the debtor confirmed
    /// the terms, which are now frozen. `Disputed`: the debtor contests; financing is blocked.
    /// `Paid`: received + attested payments cover the face value. `Cancelled`: withdrawn by the
    /// issuer before acknowledgement. `Defaulted`: written off by its financier after the due date.
    enum Status {
        None,
        Issued,
        Acknowledged,
        Disputed,
        Paid,
        Cancelled,
        Defaulted
    }

    /// @notice What an SME submits to tokenize one invoice. `metadataURI` is emitted, not stored.
    struct TokenizeParams {
        address debtor;
        address currency;
        uint128 faceValue;
        uint40 issueDate;
        uint40 dueDate;
        bytes32 documentHash;
        bytes32 invoiceNumberHash;
        string metadataURI;
    }

    /// @notice An invoice as stored (unpacked for callers). `amountAttested` counts payments made
    /// off chain and attested by a servicer: recorded, never received by this contract.
    // Only ever built in memory for callers; storage packs it differently.
    // solhint-disable-next-line gas-struct-packing
    struct Receivable {
        address issuer;
        address debtor;
        address currency;
        uint128 faceValue;
        uint128 amountPaid;
        uint128 amountAttested;
        uint40 issueDate;
        uint40 dueDate;
        Status status;
        /// @dev Status before a dispute, restored when the dispute is withdrawn.
        Status statusBeforeDispute;
        uint8 termsVersion;
        bytes32 issuerEntity;
        bytes32 debtorEntity;
    }

    event ReceivableTokenized(
        uint256 indexed tokenId,
        address indexed issuer,
        address indexed debtor,
        address currency,
        uint128 faceValue,
        uint40 issueDate,
        uint40 dueDate,
        bytes32 invoiceNumberHash,
        string metadataURI
    );
    event ReceivableTermsAmended(
        uint256 indexed tokenId,
        address indexed issuer,
        uint128 oldFaceValue,
        uint128 newFaceValue,
        uint40 oldDueDate,
        uint40 newDueDate,
        uint8 termsVersion
    );
    /// @notice `debtor` confirmed it owes `faceValue` of `currency` by `dueDate`; `submitter` is the
    /// debtor itself or whoever relayed the debtor's signature.
    event ReceivableAcknowledged(
        uint256 indexed tokenId,
        address indexed debtor,
        address indexed submitter,
        address currency,
        uint128 faceValue,
        uint40 dueDate,
        bool bySignature
    );
    event ReceivableDisputed(uint256 indexed tokenId, address indexed debtor, bytes32 reasonHash);
    event ReceivableDisputeWithdrawn(uint256 indexed tokenId, address indexed debtor, Status restoredStatus);
    /// @notice Issuer and debtor agreed to lower the face value (a credit note, both consented).
    event ReceivableCreditNoteApplied(
        uint256 indexed tokenId,
        address indexed issuer,
        address indexed debtor,
        uint128 oldFaceValue,
        uint128 newFaceValue,
        bytes32 noteHash
    );
    /// @notice `payer` paid `amount` to `holder` (the token holder at that moment) toward the invoice.
    event ReceivablePaid(
        uint256 indexed tokenId,
        address indexed payer,
        address indexed holder,
        address currency,
        uint128 amount,
        uint128 totalPaid,
        bool fullyPaid
    );
    /// @notice A servicer recorded a payment made off chain; no tokens moved.
    event ReceivablePaymentAttested(
        uint256 indexed tokenId,
        address indexed servicer,
        uint128 amount,
        uint128 totalAttested,
        bytes32 referenceHash,
        bool fullyPaid
    );
    event ReceivableCancelled(uint256 indexed tokenId, address indexed issuer);
    event ReceivableDefaulted(uint256 indexed tokenId, address indexed financier, uint128 outstanding);
    event CurrencyAllowed(address indexed currency, bool allowed);
    event FinancierRegistered(address indexed financier, bool registered);
    /// @notice Settlements and defaults are reported to `creditHistory` from now on (zero: none).
    event CreditHistorySet(address indexed creditHistory);

    error ReceivableNotVerified(address account, uint8 role);
    error ReceivableCurrencyNotAllowed(address currency);
    error ReceivableZeroFaceValue();
    error ReceivableInvalidDates(uint40 issueDate, uint40 dueDate, uint256 timestamp);
    error ReceivableDebtorIsIssuer(address account);
    error ReceivableSameEntity(bytes32 entity);
    error ReceivableDocumentAlreadyTokenized(bytes32 documentHash);
    error ReceivableInvoiceAlreadyTokenized(bytes32 issuerEntity, bytes32 debtorEntity, bytes32 invoiceNumberHash);
    error ReceivableNotFound(uint256 tokenId);
    error ReceivableInvalidStatus(uint256 tokenId, Status status);
    error ReceivableNotIssuer(uint256 tokenId, address caller);
    error ReceivableNotDebtor(uint256 tokenId, address caller);
    error ReceivableNotHolder(uint256 tokenId, address caller);
    error ReceivableTermsVersionMismatch(uint256 tokenId, uint8 expected, uint8 given);
    error ReceivableSignatureExpired(uint256 deadline, uint256 timestamp);
    error ReceivableInvalidSignature(uint256 tokenId, address expectedSigner);
    error ReceivableOverpayment(uint256 tokenId, uint128 amount, uint128 outstanding);
    error ReceivableZeroAmount();
    error ReceivableInvalidCreditNote(uint256 tokenId, uint128 newFaceValue, uint128 faceValue, uint128 settled);
    error ReceivableNotYetDue(uint256 tokenId, uint40 dueDate, uint256 timestamp);
    error ReceivableNotFinancier(address account);
    error ReceivableHookRejected(address holder);
    error ReceivableEmptyBatch();
    /// @notice Face values are stored in 96 bits (7.9e28 base units): `faceValue` exceeds `max`.
    error ReceivableFaceValueTooLarge(uint128 faceValue, uint128 max);
    /// @notice The holder's balance of `currency` grew by `received`, not by the `expected` amount
    /// paid: fee-on-transfer or rebasing tokens cannot be accounted and are refused.
    error ReceivableTransferAmountMismatch(address currency, uint256 expected, uint256 received);
    /// @notice The terms of `tokenId` were changed 255 times; `termsVersion` cannot grow further.
    error ReceivableTermsVersionExhausted(uint256 tokenId);
    /// @notice `tokenId` already received or had attested `settled`; it can no longer be cancelled.
    error ReceivableHasPayments(uint256 tokenId, uint128 settled);
    /// @notice An amendment must keep the face value above what is already settled.
    error ReceivableFaceBelowSettled(uint256 tokenId, uint128 newFaceValue, uint128 settled);
    /// @notice `payer` holds `tokenId`: paying oneself moves no money and is refused.
    error ReceivablePayerIsHolder(uint256 tokenId, address payer);
    /// @notice At most 255 currencies can ever be registered (stored as a one-byte id).
    error ReceivableTooManyCurrencies();

    function tokenize(TokenizeParams calldata params) external returns (uint256 tokenId);
    function tokenizeBatch(TokenizeParams[] calldata params) external returns (uint256[] memory tokenIds);
    function amendTerms(uint256 tokenId, uint128 newFaceValue, uint40 newDueDate) external;
    function cancel(uint256 tokenId) external;
    function acknowledge(uint256 tokenId, uint8 termsVersion) external;
    function acknowledgeWithSignature(uint256 tokenId, uint256 deadline, bytes calldata signature) external;
    function dispute(uint256 tokenId, bytes32 reasonHash) external;
    function withdrawDispute(uint256 tokenId) external;
    function applyCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline,
        bytes calldata debtorSignature
    ) external;
    /// @notice Pays `amount` of the invoice's currency from the caller to the current holder.
    /// Never blocked by pause. Refuses overpayment.
    function pay(uint256 tokenId, uint128 amount) external;
    /// @notice Restricted to `Roles.SERVICER`.
    function attestPayment(uint256 tokenId, uint128 amount, bytes32 referenceHash) external;
    /// @notice The holder, when it is a registered financier, writes the invoice off after its due date.
    function markDefaulted(uint256 tokenId) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN`.
    function setCurrencyAllowed(address currency, bool allowed) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN`. Registered financiers get payment hooks.
    function registerFinancier(address financier, bool registered) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN`. Zero disables reporting. The history contract
    /// must accept this contract as a recorder, or settlements revert.
    function setCreditHistory(address creditHistory) external;

    function receivable(uint256 tokenId) external view returns (Receivable memory);
    function outstanding(uint256 tokenId) external view returns (uint128);
    function isCurrencyAllowed(address currency) external view returns (bool);
    function isFinancier(address account) external view returns (bool);
    /// @notice The credit-history recorder, zero when none.
    function creditHistory() external view returns (address);
    /// @notice The identity registry parties are checked against.
    function identityRegistry() external view returns (address);
    function isInvoiceKeyUsed(
        bytes32 issuerEntity,
        bytes32 debtorEntity,
        bytes32 invoiceNumberHash
    ) external view returns (bool);
    /// @notice The EIP-712 digest the debtor signs to acknowledge the invoice's current terms.
    function hashAcknowledgement(uint256 tokenId, uint256 deadline) external view returns (bytes32);
    /// @notice The EIP-712 digest the debtor signs to consent to a credit note.
    function hashCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline
    ) external view returns (bytes32);
}
