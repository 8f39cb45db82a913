// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";

/// @title IReceivableToken
/// @notice Tokenized invoices: one ERC-721 per invoice, minted by a verified SME to itself, paid
/// by the debtor through this contract to whoever holds the token at that moment.
/// @dev The token id is the invoice's document hash (SHA-256 of the file, computed off chain), so
/// one document can never be tokenized twice. A second key, (issuer entity, debtor entity,
/// canonical invoice number), stops the same invoice coming back under another file, another
/// wallet of the same company or another spelling of its number: the contract canonicalizes the
/// number itself (see {InvoiceNumber}: `INV-001`, `inv 0001` and `INV1` are all `INV1`).
/// Cancelling frees neither key. The debtor's acknowledgement names the invoice number, face
/// value and due date it confirms, and is checked against the invoice.
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
        /// @dev As printed on the invoice; registered and emitted in its canonical form.
        string invoiceNumber;
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

    /// @notice `invoiceNumber` is the canonical form the invoice is registered under.
    event ReceivableTokenized(
        uint256 indexed tokenId,
        address indexed issuer,
        address indexed debtor,
        address currency,
        uint128 faceValue,
        uint40 issueDate,
        uint40 dueDate,
        string invoiceNumber,
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
    /// @notice The document hash (the token id) must not be zero.
    error ReceivableZeroDocumentHash();
    /// @notice The canonical `invoiceNumber` is already registered between these two entities.
    error ReceivableInvoiceAlreadyTokenized(bytes32 issuerEntity, bytes32 debtorEntity, string invoiceNumber);
    /// @notice `invoiceNumber` is empty, or only separators.
    error ReceivableInvoiceNumberEmpty(string invoiceNumber);
    /// @notice `invoiceNumber` is `length` bytes long; at most `max` are accepted.
    error ReceivableInvoiceNumberTooLong(string invoiceNumber, uint256 length, uint256 max);
    /// @notice Byte `index` of `invoiceNumber` is not printable ASCII (0x20-0x7E).
    error ReceivableInvoiceNumberInvalidCharacter(string invoiceNumber, uint256 index);
    /// @notice The debtor named `invoiceNumber` (canonical form), which is not the number `tokenId`
    /// was registered under between its issuer's and debtor's entities.
    error ReceivableInvoiceNumberMismatch(uint256 tokenId, string invoiceNumber);
    /// @notice The debtor confirmed `faceValue` by `dueDate`; the invoice says `actualFaceValue` by
    /// `actualDueDate`.
    error ReceivableAcknowledgedTermsMismatch(
        uint256 tokenId,
        uint128 faceValue,
        uint40 dueDate,
        uint128 actualFaceValue,
        uint40 actualDueDate
    );
    error ReceivableNotFound(uint256 tokenId);
    error ReceivableInvalidStatus(uint256 tokenId, Status status);
    error ReceivableNotIssuer(uint256 tokenId, address caller);
    error ReceivableNotDebtor(uint256 tokenId, address caller);
    error ReceivableNotHolder(uint256 tokenId, address caller);
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
    /// @notice The debtor confirms it owes `faceValue` by `dueDate` for the invoice numbered
    /// `invoiceNumber` (any spelling with the same canonical form); each must match the invoice.
    /// `entityPair` as for {acknowledgeWithSignature}.
    function acknowledge(
        uint256 tokenId,
        bytes32 entityPair,
        string calldata invoiceNumber,
        uint128 faceValue,
        uint40 dueDate
    ) external;
    /// @notice Anyone submits the debtor's EIP-712 `Acknowledgement`, which names the canonical
    /// `invoiceNumber` and the invoice's current face value, due date and terms version.
    /// `invoiceNumber` is taken as signed, in canonical form ({canonicalInvoiceNumber}; the number
    /// `ReceivableTokenized` carries). `entityPair` is keccak256(abi.encode(issuerEntity,
    /// debtorEntity)) with the entities the invoice was tokenized under (those of {receivable}
    /// unless a party was re-keyed since); it is not signed. With a wrong pair or another spelling
    /// the number is not found (`ReceivableInvoiceNumberMismatch`).
    function acknowledgeWithSignature(
        uint256 tokenId,
        bytes32 entityPair,
        string calldata invoiceNumber,
        uint256 deadline,
        bytes calldata signature
    ) external;
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

    /// @notice The invoice, with `issuerEntity` and `debtorEntity` as the identity registry reports
    /// them now (zero when revoked). Reverts with `ReceivableNotFound` for an unknown id.
    function receivable(uint256 tokenId) external view returns (Receivable memory);
    /// @notice {receivable} without asking the identity registry (`issuerEntity` and `debtorEntity`
    /// are left zero), with the token's current owner (zero once burned): what a financier
    /// reads to buy the invoice when it asks the registry itself (the pool's `finance`, which
    /// verifies both parties with `verifiedEntity` and so gets their entities in the same call).
    /// @param tokenId The invoice's token id.
    /// @return r The invoice as {receivable} reports it, entities zero.
    /// @return owner The token's holder, zero when cancelled (burned).
    function receivableAndOwner(uint256 tokenId) external view returns (Receivable memory r, address owner);
    function outstanding(uint256 tokenId) external view returns (uint128);
    /// @notice Status and currency only (one storage read, no registry call): what a lender checks
    /// before accepting the invoice as collateral. `None` and zero for an unknown id.
    function statusAndCurrency(uint256 tokenId) external view returns (Status status, address currency);
    function isCurrencyAllowed(address currency) external view returns (bool);
    function isFinancier(address account) external view returns (bool);
    /// @notice The credit-history recorder, zero when none.
    function creditHistory() external view returns (address);
    /// @notice The identity registry parties are checked against.
    function identityRegistry() external view returns (address);
    /// @notice Whether `invoiceNumber` (canonicalized) is registered between the two entities.
    function isInvoiceKeyUsed(
        bytes32 issuerEntity,
        bytes32 debtorEntity,
        string calldata invoiceNumber
    ) external view returns (bool);
    /// @notice The form `invoiceNumber` is registered and acknowledged under (see {InvoiceNumber});
    /// reverts with the errors `tokenize` would.
    function canonicalInvoiceNumber(string calldata invoiceNumber) external pure returns (string memory);
    /// @notice The EIP-712 digest the debtor signs to acknowledge the invoice's current terms
    /// under `invoiceNumber` (canonicalized and checked against the invoice).
    function hashAcknowledgement(
        uint256 tokenId,
        string calldata invoiceNumber,
        uint256 deadline
    ) external view returns (bytes32);
    /// @notice The EIP-712 digest the debtor signs to consent to a credit note.
    function hashCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline
    ) external view returns (bytes32);
}
