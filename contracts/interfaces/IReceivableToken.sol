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
    /// @param tokenId The receivable's token id (its document hash).
    /// @param issuer The invoice's issuer (the SME).
    /// @param debtor The invoice's debtor.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param faceValue The face value of the invoice.
    /// @param issueDate The issue date (unix seconds).
    /// @param dueDate The due date (unix seconds).
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @param metadataURI The invoice's metadata URI (emitted, not stored).
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
    /// @notice `issuer` changed the face value and due date of `tokenId` before acknowledgement; `termsVersion` counts
    /// the changes.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param issuer The invoice's issuer (the SME).
    /// @param oldFaceValue The face value before.
    /// @param newFaceValue The new face value.
    /// @param oldDueDate The due date before.
    /// @param newDueDate The new due date (unix seconds).
    /// @param termsVersion The terms version after the change.
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
    /// @param tokenId The receivable's token id (its document hash).
    /// @param debtor The invoice's debtor.
    /// @param submitter The account that submitted the acknowledgement.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param faceValue The face value of the invoice.
    /// @param dueDate The due date (unix seconds).
    /// @param bySignature Whether the debtor's signature was relayed.
    event ReceivableAcknowledged(
        uint256 indexed tokenId,
        address indexed debtor,
        address indexed submitter,
        address currency,
        uint128 faceValue,
        uint40 dueDate,
        bool bySignature
    );
    /// @notice `debtor` disputed `tokenId`; financing is blocked until the dispute is withdrawn.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param debtor The invoice's debtor.
    /// @param reasonHash Hash of the off-chain reason.
    event ReceivableDisputed(uint256 indexed tokenId, address indexed debtor, bytes32 reasonHash);
    /// @notice `debtor` withdrew its dispute of `tokenId`, which returns to `restoredStatus`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param debtor The invoice's debtor.
    /// @param restoredStatus The status the invoice returns to.
    event ReceivableDisputeWithdrawn(uint256 indexed tokenId, address indexed debtor, Status restoredStatus);
    /// @notice Issuer and debtor agreed to lower the face value (a credit note, both consented).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param issuer The invoice's issuer (the SME).
    /// @param debtor The invoice's debtor.
    /// @param oldFaceValue The face value before.
    /// @param newFaceValue The new face value.
    /// @param noteHash Hash of the credit-note document.
    event ReceivableCreditNoteApplied(
        uint256 indexed tokenId,
        address indexed issuer,
        address indexed debtor,
        uint128 oldFaceValue,
        uint128 newFaceValue,
        bytes32 noteHash
    );
    /// @notice `payer` paid `amount` to `holder` (the token holder at that moment) toward the invoice.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param payer The account that paid.
    /// @param holder The token's holder at that moment.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param totalPaid Everything paid on chain so far.
    /// @param fullyPaid Whether the invoice is now paid in full.
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
    /// @param tokenId The receivable's token id (its document hash).
    /// @param servicer The servicer who attested.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param totalAttested Everything attested so far.
    /// @param referenceHash Hash of the off-chain payment reference.
    /// @param fullyPaid Whether the invoice is now paid in full.
    event ReceivablePaymentAttested(
        uint256 indexed tokenId,
        address indexed servicer,
        uint128 amount,
        uint128 totalAttested,
        bytes32 referenceHash,
        bool fullyPaid
    );
    /// @notice `issuer` cancelled `tokenId` before acknowledgement; the token was burned.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param issuer The invoice's issuer (the SME).
    event ReceivableCancelled(uint256 indexed tokenId, address indexed issuer);
    /// @notice `financier`, holding `tokenId`, wrote it off after its due date with `outstanding` unpaid.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param financier The financier.
    /// @param outstanding What was still unpaid.
    event ReceivableDefaulted(uint256 indexed tokenId, address indexed financier, uint128 outstanding);
    /// @notice `currency` may (or may no longer) be used for new invoices.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param allowed Whether it is allowed from now on.
    event CurrencyAllowed(address indexed currency, bool allowed);
    /// @notice `financier` is (or is no longer) a registered financier, which gets payment hooks.
    /// @param financier The financier.
    /// @param registered Whether it is registered from now on.
    event FinancierRegistered(address indexed financier, bool registered);
    /// @notice Settlements and defaults are reported to `creditHistory` from now on (zero: none).
    /// @param creditHistory The credit-history contract (zero: none).
    event CreditHistorySet(address indexed creditHistory);

    /// @notice `account` is not a verified party with `role` (PartyRoles bits).
    /// @param account The account checked.
    /// @param role The role bits (`PartyRoles`) required.
    error ReceivableNotVerified(address account, uint8 role);
    /// @notice `currency` is not allowed for invoices.
    /// @param currency The ERC-20 currency of the invoice.
    error ReceivableCurrencyNotAllowed(address currency);
    /// @notice The face value is zero.
    error ReceivableZeroFaceValue();
    /// @notice The dates are inconsistent: `issueDate` is in the future, or `dueDate` is not after the
    /// current `timestamp`.
    /// @param issueDate The issue date (unix seconds).
    /// @param dueDate The due date (unix seconds).
    /// @param timestamp The current block timestamp.
    error ReceivableInvalidDates(uint40 issueDate, uint40 dueDate, uint256 timestamp);
    /// @notice `account` cannot be both issuer and debtor of an invoice.
    /// @param account The account.
    error ReceivableDebtorIsIssuer(address account);
    /// @notice Issuer and debtor belong to the same `entity`: a company cannot invoice itself.
    /// @param entity The entity id (company) concerned.
    error ReceivableSameEntity(bytes32 entity);
    /// @notice The document `documentHash` was tokenized already (it is the token id).
    /// @param documentHash The document hash (SHA-256 of the invoice file).
    error ReceivableDocumentAlreadyTokenized(bytes32 documentHash);
    /// @notice The document hash (the token id) must not be zero.
    error ReceivableZeroDocumentHash();
    /// @notice The canonical `invoiceNumber` is already registered between these two entities.
    /// @param issuerEntity The issuer's entity id.
    /// @param debtorEntity The debtor's entity id.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    error ReceivableInvoiceAlreadyTokenized(bytes32 issuerEntity, bytes32 debtorEntity, string invoiceNumber);
    /// @notice `invoiceNumber` is empty, or only separators.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    error ReceivableInvoiceNumberEmpty(string invoiceNumber);
    /// @notice `invoiceNumber` is `length` bytes long; at most `max` are accepted.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @param length Its length, in bytes.
    /// @param max The largest value accepted.
    error ReceivableInvoiceNumberTooLong(string invoiceNumber, uint256 length, uint256 max);
    /// @notice Byte `index` of `invoiceNumber` is not printable ASCII (0x20-0x7E).
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @param index The offending byte's index in `invoiceNumber`.
    error ReceivableInvoiceNumberInvalidCharacter(string invoiceNumber, uint256 index);
    /// @notice The debtor named `invoiceNumber` (canonical form), which is not the number `tokenId`
    /// was registered under between its issuer's and debtor's entities.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    error ReceivableInvoiceNumberMismatch(uint256 tokenId, string invoiceNumber);
    /// @notice The debtor confirmed `faceValue` by `dueDate`; the invoice says `actualFaceValue` by
    /// `actualDueDate`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param faceValue The face value of the invoice.
    /// @param dueDate The due date (unix seconds).
    /// @param actualFaceValue The invoice's face value.
    /// @param actualDueDate The invoice's due date.
    error ReceivableAcknowledgedTermsMismatch(
        uint256 tokenId,
        uint128 faceValue,
        uint40 dueDate,
        uint128 actualFaceValue,
        uint40 actualDueDate
    );
    /// @notice No receivable has id `tokenId`.
    /// @param tokenId The receivable's token id (its document hash).
    error ReceivableNotFound(uint256 tokenId);
    /// @notice The action is not allowed while `tokenId` is `status`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param status The receivable's status.
    error ReceivableInvalidStatus(uint256 tokenId, Status status);
    /// @notice `caller` is not the issuer of `tokenId`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param caller The caller.
    error ReceivableNotIssuer(uint256 tokenId, address caller);
    /// @notice `caller` is not the debtor of `tokenId`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param caller The caller.
    error ReceivableNotDebtor(uint256 tokenId, address caller);
    /// @notice `caller` does not hold `tokenId`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param caller The caller.
    error ReceivableNotHolder(uint256 tokenId, address caller);
    /// @notice The signature could only be used until `deadline`; it is `timestamp`.
    /// @param deadline The deadline (unix seconds).
    /// @param timestamp The current block timestamp.
    error ReceivableSignatureExpired(uint256 deadline, uint256 timestamp);
    /// @notice The signature for `tokenId` is not `expectedSigner`'s.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param expectedSigner The account whose signature was expected.
    error ReceivableInvalidSignature(uint256 tokenId, address expectedSigner);
    /// @notice Paying `amount` on `tokenId` exceeds the `outstanding` amount.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount offered.
    /// @param outstanding What is still owed.
    error ReceivableOverpayment(uint256 tokenId, uint128 amount, uint128 outstanding);
    /// @notice An amount that must be positive is zero.
    error ReceivableZeroAmount();
    /// @notice A credit note must lower the face value of `tokenId` (`faceValue`) to `newFaceValue`, still at or above
    /// the `settled` amount.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param newFaceValue The new face value.
    /// @param faceValue The current face value.
    /// @param settled What was already paid or attested.
    error ReceivableInvalidCreditNote(uint256 tokenId, uint128 newFaceValue, uint128 faceValue, uint128 settled);
    /// @notice `tokenId` is due at `dueDate`; it is `timestamp`, too early to write it off.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param dueDate The due date (unix seconds).
    /// @param timestamp The current block timestamp.
    error ReceivableNotYetDue(uint256 tokenId, uint40 dueDate, uint256 timestamp);
    /// @notice `account` is not a registered financier.
    /// @param account The account.
    error ReceivableNotFinancier(address account);
    /// @notice `holder`'s payment hook did not return its selector.
    /// @param holder The holder whose hook was called.
    error ReceivableHookRejected(address holder);
    /// @notice A batch holds no invoice.
    error ReceivableEmptyBatch();
    /// @notice Face values are stored in 96 bits (7.9e28 base units): `faceValue` exceeds `max`.
    /// @param faceValue The face value of the invoice.
    /// @param max The largest value accepted.
    error ReceivableFaceValueTooLarge(uint128 faceValue, uint128 max);
    /// @notice The holder's balance of `currency` grew by `received`, not by the `expected` amount
    /// paid: fee-on-transfer or rebasing tokens cannot be accounted and are refused.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param expected The amount expected.
    /// @param received The amount actually received.
    error ReceivableTransferAmountMismatch(address currency, uint256 expected, uint256 received);
    /// @notice The terms of `tokenId` were changed 255 times; `termsVersion` cannot grow further.
    /// @param tokenId The receivable's token id (its document hash).
    error ReceivableTermsVersionExhausted(uint256 tokenId);
    /// @notice `tokenId` already received or had attested `settled`; it can no longer be cancelled.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param settled What was already paid or attested.
    error ReceivableHasPayments(uint256 tokenId, uint128 settled);
    /// @notice An amendment must keep the face value above what is already settled.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param newFaceValue The new face value.
    /// @param settled What was already paid or attested.
    error ReceivableFaceBelowSettled(uint256 tokenId, uint128 newFaceValue, uint128 settled);
    /// @notice `payer` holds `tokenId`: paying oneself moves no money and is refused.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param payer The account that paid.
    error ReceivablePayerIsHolder(uint256 tokenId, address payer);
    /// @notice At most 255 currencies can ever be registered (stored as a one-byte id).
    error ReceivableTooManyCurrencies();

    /// @notice A verified SME tokenizes one invoice: mints the token (id = the document hash) to itself, in `Issued`
    /// status.
    /// @param params The invoice's terms.
    /// @return tokenId The new token id (the document hash).
    function tokenize(TokenizeParams calldata params) external returns (uint256 tokenId);
    /// @notice {tokenize} for several invoices in one call; reverts as a whole if one fails.
    /// @param params The invoices' terms.
    /// @return tokenIds The new token ids, in order.
    function tokenizeBatch(TokenizeParams[] calldata params) external returns (uint256[] memory tokenIds);
    /// @notice The issuer changes the face value and due date of `tokenId` before the debtor acknowledges it.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param newFaceValue The new face value.
    /// @param newDueDate The new due date (unix seconds).
    function amendTerms(uint256 tokenId, uint128 newFaceValue, uint40 newDueDate) external;
    /// @notice The issuer withdraws `tokenId` before acknowledgement and before any payment; the token is burned.
    /// @param tokenId The receivable's token id (its document hash).
    function cancel(uint256 tokenId) external;
    /// @notice The debtor confirms it owes `faceValue` by `dueDate` for the invoice numbered
    /// `invoiceNumber` (any spelling with the same canonical form); each must match the invoice.
    /// `entityPair` as for {acknowledgeWithSignature}.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param entityPair keccak256(abi.encode(issuerEntity, debtorEntity)) of the entities the invoice was tokenized
    /// under.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @param faceValue The face value of the invoice.
    /// @param dueDate The due date (unix seconds).
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
    /// @param tokenId The receivable's token id (its document hash).
    /// @param entityPair keccak256(abi.encode(issuerEntity, debtorEntity)) of the entities the invoice was tokenized
    /// under.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @param deadline The deadline of the debtor's signature.
    /// @param signature The debtor's EIP-712 signature.
    function acknowledgeWithSignature(
        uint256 tokenId,
        bytes32 entityPair,
        string calldata invoiceNumber,
        uint256 deadline,
        bytes calldata signature
    ) external;
    /// @notice The debtor contests `tokenId`; financing is blocked until it withdraws the dispute.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param reasonHash Hash of the off-chain reason.
    function dispute(uint256 tokenId, bytes32 reasonHash) external;
    /// @notice The debtor withdraws its dispute of `tokenId`, which returns to its status before the dispute.
    /// @param tokenId The receivable's token id (its document hash).
    function withdrawDispute(uint256 tokenId) external;
    /// @notice The issuer lowers the face value of acknowledged `tokenId` with the debtor's signed consent (a credit
    /// note).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param newFaceValue The new face value.
    /// @param noteHash Hash of the credit-note document.
    /// @param deadline The deadline of the debtor's signature.
    /// @param debtorSignature The debtor's EIP-712 signature.
    function applyCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline,
        bytes calldata debtorSignature
    ) external;
    /// @notice Pays `amount` of the invoice's currency from the caller to the current holder.
    /// Never blocked by pause. Refuses overpayment.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount, in the asset's smallest unit.
    function pay(uint256 tokenId, uint128 amount) external;
    /// @notice Restricted to `Roles.SERVICER`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount, in the asset's smallest unit.
    /// @param referenceHash Hash of the off-chain payment reference.
    function attestPayment(uint256 tokenId, uint128 amount, bytes32 referenceHash) external;
    /// @notice The holder, when it is a registered financier, writes the invoice off after its due date.
    /// @param tokenId The receivable's token id (its document hash).
    function markDefaulted(uint256 tokenId) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN`.
    /// @param currency The ERC-20 currency of the invoice.
    /// @param allowed Whether it is allowed from now on.
    function setCurrencyAllowed(address currency, bool allowed) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN`. Registered financiers get payment hooks.
    /// @param financier The financier.
    /// @param registered Whether it is registered from now on.
    function registerFinancier(address financier, bool registered) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN`. Zero disables reporting. The history contract
    /// must accept this contract as a recorder, or settlements revert.
    /// @param creditHistory The credit-history contract (zero: none).
    function setCreditHistory(address creditHistory) external;

    /// @notice The invoice, with `issuerEntity` and `debtorEntity` as the identity registry reports
    /// them now (zero when revoked). Reverts with `ReceivableNotFound` for an unknown id.
    /// @param tokenId The receivable's token id (its document hash).
    /// @return invoice The invoice.
    function receivable(uint256 tokenId) external view returns (Receivable memory);
    /// @notice {receivable} without asking the identity registry (`issuerEntity` and `debtorEntity`
    /// are left zero), with the token's current owner (zero once burned): what a financier
    /// reads to buy the invoice when it asks the registry itself (the pool's `finance`, which
    /// verifies both parties with `verifiedEntity` and so gets their entities in the same call).
    /// @param tokenId The invoice's token id.
    /// @return r The invoice as {receivable} reports it, entities zero.
    /// @return owner The token's holder, zero when cancelled (burned).
    function receivableAndOwner(uint256 tokenId) external view returns (Receivable memory r, address owner);
    /// @notice What is still owed on `tokenId`: face value less payments received and attested.
    /// @param tokenId The receivable's token id (its document hash).
    /// @return amount The amount outstanding.
    function outstanding(uint256 tokenId) external view returns (uint128);
    /// @notice Status and currency only (one storage read, no registry call): what a lender checks
    /// before accepting the invoice as collateral. `None` and zero for an unknown id.
    /// @param tokenId The receivable's token id (its document hash).
    /// @return status The invoice's status.
    /// @return currency The invoice's currency.
    function statusAndCurrency(uint256 tokenId) external view returns (Status status, address currency);
    /// @notice Whether `currency` may be used for new invoices.
    /// @param currency The ERC-20 currency of the invoice.
    /// @return allowed True when allowed.
    function isCurrencyAllowed(address currency) external view returns (bool);
    /// @notice Whether `account` is a registered financier.
    /// @param account The account.
    /// @return registered True when registered.
    function isFinancier(address account) external view returns (bool);
    /// @notice The credit-history recorder, zero when none.
    /// @return history The credit-history contract's address.
    function creditHistory() external view returns (address);
    /// @notice The identity registry parties are checked against.
    /// @return registry The identity registry's address.
    function identityRegistry() external view returns (address);
    /// @notice Whether `invoiceNumber` (canonicalized) is registered between the two entities.
    /// @param issuerEntity The issuer's entity id.
    /// @param debtorEntity The debtor's entity id.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @return used True when registered.
    function isInvoiceKeyUsed(
        bytes32 issuerEntity,
        bytes32 debtorEntity,
        string calldata invoiceNumber
    ) external view returns (bool);
    /// @notice The form `invoiceNumber` is registered and acknowledged under (see {InvoiceNumber});
    /// reverts with the errors `tokenize` would.
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @return canonical The canonical form.
    function canonicalInvoiceNumber(string calldata invoiceNumber) external pure returns (string memory);
    /// @notice The EIP-712 digest the debtor signs to acknowledge the invoice's current terms
    /// under `invoiceNumber` (canonicalized and checked against the invoice).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param invoiceNumber The invoice number (canonical form unless said otherwise).
    /// @param deadline The deadline of the signature.
    /// @return digest The EIP-712 digest.
    function hashAcknowledgement(
        uint256 tokenId,
        string calldata invoiceNumber,
        uint256 deadline
    ) external view returns (bytes32);
    /// @notice The EIP-712 digest the debtor signs to consent to a credit note.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param newFaceValue The new face value.
    /// @param noteHash Hash of the credit-note document.
    /// @param deadline The deadline of the signature.
    /// @return digest The EIP-712 digest.
    function hashCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline
    ) external view returns (bytes32);
}
