// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ManagedPausable} from "../access/ManagedPausable.sol";
import {PartyRoles} from "../identity/PartyRoles.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {IReceivablePaymentHook} from "../interfaces/IReceivablePaymentHook.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {ReceivableRenderer} from "./ReceivableRenderer.sol";
import {ReceivablePacking} from "./ReceivablePacking.sol";
import {InvoiceNumber} from "./InvoiceNumber.sol";
import {TransferIn} from "../libraries/TransferIn.sol";

/// @title ReceivableToken
/// @notice One ERC-721 per invoice; see {IReceivableToken}. EIP-712 domain: name
/// "ReceivableToken", version "1". Debtor signatures are checked with OpenZeppelin
/// `SignatureChecker`, so contract wallets (ERC-1271) can acknowledge and consent too.
/// Signed types (expose their digests through {hashAcknowledgement} and {hashCreditNote}):
/// `Acknowledgement(uint256 tokenId,address debtor,string invoiceNumber,address currency,uint256 faceValue,uint256 dueDate,uint8 termsVersion,uint256 deadline)`
/// where `invoiceNumber` is the canonical form (see {InvoiceNumber}).
/// `CreditNote(uint256 tokenId,address debtor,uint256 newFaceValue,bytes32 noteHash,uint8 termsVersion,uint256 deadline)`
/// @dev Storage: two slots per invoice are written at tokenization (`Terms`, `Parties`); the
/// third (`Settlement`) only on partial payment, attestation or dispute. The currency is a
/// one-byte id into a list of registered currencies; the face value is stored in 96 bits.
///
/// Entities. The duplicate key needs both entities at tokenization (read from the registry then).
/// Afterwards only the issuer's entity is needed, for credit history; storing it would cost a
/// fresh slot on every tokenization (a per-invoice copy: 22,100 gas) or a cold read of a
/// per-wallet snapshot (2,100 gas), which the 150k tokenization ceiling cannot afford. So it is
/// looked up in the registry when the invoice settles or defaults (only when credit history is
/// set). Consequences, accepted: a wallet re-verified under another company reports its older
/// invoices under the newer one, and an issuer whose identity was revoked (entity zero) is not
/// reported at all; a revoked party can no longer tokenize, borrow or be financed anyway. The
/// `issuerEntity`/`debtorEntity` fields of {receivable} are likewise the registry's current values
/// ({receivableAndOwner} leaves them zero for callers that ask the registry themselves). A payment
/// to a financier asks the registry once per party: the issuer's entity passed to the hook is the
/// one its settlement is then recorded under.
///
/// Invoice numbers. The duplicate key is keccak256(entity pair, keccak256 of the canonical number),
/// the entity pair being keccak256(issuer entity, debtor entity) at tokenization, and it holds a
/// record of the token id and the currency ({_keyRecord}); an acknowledgement that names a number is
/// checked by recomputing the key (no per-invoice copy of the number). The signed acknowledgement
/// takes the entity pair and the number as signed (canonical) from the caller: a wrong pair or
/// another spelling finds no record of this token, so the registry is not asked (two cross-contract
/// reads, ≈7,700 gas), the number is not canonicalized again, and a party re-keyed since
/// tokenization can still acknowledge. The direct acknowledgement takes the entity pair too, and
/// the number in any spelling. Only the {hashAcknowledgement} view pairs the registry's current
/// entities.
/// A zero document hash is refused: token id 0 would read as "no invoice" there.
///
/// Settlement shortcut: when a payment settles an invoice in full, `amountPaid` is not written
/// (it would be the only write to a fresh slot); once `Paid`, paid + attested == face holds, so
/// {receivable} reports `amountPaid = faceValue - amountAttested`.
contract ReceivableToken is ERC721, EIP712, ManagedPausable, ReentrancyGuardTransient, IReceivableToken {
    using ReceivablePacking for uint256;
    using ReceivablePacking for ReceivablePacking.Terms;
    using ReceivablePacking for ReceivablePacking.Parties;

    /// @notice EIP-712 type hash of the debtor's acknowledgement.
    bytes32 public constant ACKNOWLEDGEMENT_TYPEHASH = keccak256(
        "Acknowledgement(uint256 tokenId,address debtor,string invoiceNumber,address currency,uint256 faceValue,uint256 dueDate,uint8 termsVersion,uint256 deadline)"
    );
    /// @notice EIP-712 type hash of the debtor's consent to a credit note.
    bytes32 public constant CREDIT_NOTE_TYPEHASH = keccak256(
        "CreditNote(uint256 tokenId,address debtor,uint256 newFaceValue,bytes32 noteHash,uint8 termsVersion,uint256 deadline)"
    );

    /// @dev Slot 3 of an invoice, zero until the first partial payment, attestation or dispute.
    struct Settlement {
        uint96 amountPaid;
        uint96 amountAttested;
        Status statusBeforeDispute;
    }

    /// @dev `terms` and `parties` are {ReceivablePacking} words, written whole.
    struct Invoice {
        uint256 terms;
        uint256 parties;
        Settlement settlement;
    }

    /// @dev `id` is 1-based (zero: never registered); ids are never reused so stored invoices keep
    /// their currency even after it is disallowed for new invoices.
    struct CurrencyConfig {
        uint8 id;
        bool allowed;
    }

    // Status bit masks for _requireStatus (bit i = Status(i)).
    uint256 private constant ISSUED = 1 << uint8(Status.Issued);
    uint256 private constant ACKNOWLEDGED = 1 << uint8(Status.Acknowledged);
    uint256 private constant DISPUTED = 1 << uint8(Status.Disputed);
    uint256 private constant DEFAULTED = 1 << uint8(Status.Defaulted);
    /// @dev Not settled, cancelled or written off: may be disputed, credit-noted, defaulted.
    uint256 private constant OPEN = ISSUED | ACKNOWLEDGED | DISPUTED;
    /// @dev Payments are taken in every open status and after default (recoveries).
    uint256 private constant PAYABLE = OPEN | DEFAULTED;

    IIdentityRegistry private immutable _REGISTRY;
    ReceivableRenderer private immutable _RENDERER;

    mapping(uint256 tokenId => Invoice) private _invoices;
    mapping(bytes32 invoiceKey => uint256 tokenId) private _invoiceKeys;
    mapping(address currency => CurrencyConfig) private _currencyConfigs;
    mapping(uint8 currencyId => address) private _currencies;
    mapping(address account => bool) private _financiers;
    uint8 private _currencyCount;
    ICreditHistory private _creditHistory;

    constructor(
        address initialAuthority,
        IIdentityRegistry identityRegistry_
    ) ERC721("SME Receivable", "RCV") EIP712("ReceivableToken", "1") ManagedPausable(initialAuthority) {
        _REGISTRY = identityRegistry_;
        _RENDERER = new ReceivableRenderer();
    }

    // ---------------------------------------------------------------- tokenization

    /// @inheritdoc IReceivableToken
    function tokenize(TokenizeParams calldata params) external whenNotPaused returns (uint256 tokenId) {
        return _tokenize(params, msg.sender, _issuerEntity(msg.sender));
    }

    /// @inheritdoc IReceivableToken
    function tokenizeBatch(
        TokenizeParams[] calldata params
    ) external whenNotPaused returns (uint256[] memory tokenIds) {
        uint256 n = params.length;
        if (n == 0) revert ReceivableEmptyBatch();
        bytes32 issuerEntity = _issuerEntity(msg.sender);
        tokenIds = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            tokenIds[i] = _tokenize(params[i], msg.sender, issuerEntity);
        }
    }

    /// @inheritdoc IReceivableToken
    function amendTerms(uint256 tokenId, uint128 newFaceValue, uint40 newDueDate) external {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        _requireIssuerHolder(tokenId, t);
        _requireStatus(tokenId, t.status, ISSUED);
        _checkFaceValue(newFaceValue);
        if (newDueDate <= block.timestamp) revert ReceivableInvalidDates(t.issueDate, newDueDate, block.timestamp);
        uint128 settled = _settled(inv.settlement);
        if (newFaceValue <= settled) revert ReceivableFaceBelowSettled(tokenId, newFaceValue, settled);

        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        uint128 oldFaceValue = p.faceValue;
        uint8 version = _nextVersion(tokenId, t.termsVersion);
        uint40 oldDueDate = t.dueDate;
        t.dueDate = newDueDate;
        t.termsVersion = version;
        inv.terms = t.pack();
        // Bounded by _checkFaceValue.
        p.faceValue = uint96(newFaceValue);
        inv.parties = p.pack();
        emit ReceivableTermsAmended(tokenId, msg.sender, oldFaceValue, newFaceValue, oldDueDate, newDueDate, version);
    }

    /// @inheritdoc IReceivableToken
    function cancel(uint256 tokenId) external {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        _requireIssuerHolder(tokenId, t);
        _requireStatus(tokenId, t.status, ISSUED);
        uint128 settled = _settled(inv.settlement);
        if (settled != 0) revert ReceivableHasPayments(tokenId, settled);
        // The record (and so both duplicate keys) stays: a cancelled invoice can never come back.
        inv.terms = inv.terms.withStatus(Status.Cancelled);
        _burn(tokenId);
        emit ReceivableCancelled(tokenId, msg.sender);
    }

    // ---------------------------------------------------------------- debtor

    /// @inheritdoc IReceivableToken
    /// @dev `entityPair` only locates the duplicate key, as for {acknowledgeWithSignature}.
    function acknowledge(
        uint256 tokenId,
        bytes32 entityPair,
        string calldata invoiceNumber,
        uint128 faceValue,
        uint40 dueDate
    ) external {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        _requireStatus(tokenId, t.status, ISSUED);
        if (msg.sender != p.debtor) revert ReceivableNotDebtor(tokenId, msg.sender);
        if (faceValue != p.faceValue || dueDate != t.dueDate) {
            revert ReceivableAcknowledgedTermsMismatch(tokenId, faceValue, dueDate, p.faceValue, t.dueDate);
        }
        bytes memory number = InvoiceNumber.canonicalize(invoiceNumber);
        address currency = _checkInvoiceKey(tokenId, inv, entityPair, keccak256(number), string(number));
        _acknowledge(tokenId, inv, t, p, currency, false);
    }

    /// @inheritdoc IReceivableToken
    /// @dev `entityPair` only locates the duplicate key: a wrong pair finds no key holding this
    /// token, so it is not signed, and the registry is not asked (see contract NatSpec).
    function acknowledgeWithSignature(
        uint256 tokenId,
        bytes32 entityPair,
        string calldata invoiceNumber,
        uint256 deadline,
        bytes calldata signature
    ) external {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        _requireStatus(tokenId, t.status, ISSUED);
        // Taken as signed (canonical): another spelling hashes to no key of this token.
        bytes32 numberHash = keccak256(bytes(invoiceNumber));
        address currency = _checkInvoiceKey(tokenId, inv, entityPair, numberHash, invoiceNumber);
        bytes32 digest = _hashAcknowledgement(tokenId, p, currency, numberHash, t, deadline);
        _checkDebtorSignature(tokenId, p.debtor, digest, deadline, signature);
        _acknowledge(tokenId, inv, t, p, currency, true);
    }

    /// @inheritdoc IReceivableToken
    function dispute(uint256 tokenId, bytes32 reasonHash) external {
        Invoice storage inv = _invoices[tokenId];
        Status status = inv.terms.status();
        address debtor = inv.parties.debtor();
        _requireStatus(tokenId, status, ISSUED | ACKNOWLEDGED);
        if (msg.sender != debtor) revert ReceivableNotDebtor(tokenId, msg.sender);
        // Issued/Acknowledged are never fully settled: settling moves them to Paid.
        inv.settlement.statusBeforeDispute = status;
        inv.terms = inv.terms.withStatus(Status.Disputed);
        emit ReceivableDisputed(tokenId, msg.sender, reasonHash);
    }

    /// @inheritdoc IReceivableToken
    function withdrawDispute(uint256 tokenId) external {
        Invoice storage inv = _invoices[tokenId];
        Status status = inv.terms.status();
        _requireStatus(tokenId, status, DISPUTED);
        if (msg.sender != inv.parties.debtor()) revert ReceivableNotDebtor(tokenId, msg.sender);
        _resolveDispute(tokenId, inv);
    }

    /// @inheritdoc IReceivableToken
    /// @dev The debtor consents by signing `CreditNote` over the current `termsVersion`, which the
    /// note then bumps, so a consent can be used once. A credit note settles any open dispute: the
    /// status before the dispute is restored (and `ReceivableDisputeWithdrawn` emitted) since the
    /// debtor signed the new terms. When the new face value equals what is already settled, the
    /// invoice becomes `Paid`.
    function applyCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline,
        bytes calldata debtorSignature
    ) external nonReentrant {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        _requireIssuerHolder(tokenId, t);
        _requireStatus(tokenId, t.status, OPEN);
        uint128 settled = _settled(inv.settlement);
        if (newFaceValue >= p.faceValue || newFaceValue < settled) {
            revert ReceivableInvalidCreditNote(tokenId, newFaceValue, p.faceValue, settled);
        }
        bytes32 digest = _hashCreditNote(tokenId, p.debtor, newFaceValue, noteHash, t.termsVersion, deadline);
        _checkDebtorSignature(tokenId, p.debtor, digest, deadline, debtorSignature);

        t.termsVersion = _nextVersion(tokenId, t.termsVersion);
        inv.terms = t.pack();
        // Smaller than the stored 96-bit face value.
        inv.parties = ReceivablePacking.Parties(p.debtor, uint96(newFaceValue)).pack();
        emit ReceivableCreditNoteApplied(tokenId, msg.sender, p.debtor, p.faceValue, newFaceValue, noteHash);
        if (t.status == Status.Disputed) _resolveDispute(tokenId, inv);
        if (newFaceValue == settled) {
            inv.terms = inv.terms.withStatus(Status.Paid);
            _recordSettlement(t.issuer, t.dueDate, newFaceValue, Status.Issued, bytes32(0));
        }
    }

    // ---------------------------------------------------------------- payments

    /// @inheritdoc IReceivableToken
    function pay(uint256 tokenId, uint128 amount) external nonReentrant {
        Invoice storage inv = _invoices[tokenId];
        (uint128 outstandingAmount, Settlement memory s, Status previous) = _checkPayment(tokenId, inv, amount);
        address holder = _ownerOf(tokenId);
        if (holder == msg.sender) revert ReceivablePayerIsHolder(tokenId, msg.sender);
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        IERC20 currency = IERC20(_currencies[t.currencyId]);

        bool fullyPaid = amount == outstandingAmount;
        // Fits 96 bits: amountPaid + amount <= faceValue.
        uint96 totalPaid = s.amountPaid + uint96(amount);
        // When fully paid, amountPaid is implied (see contract NatSpec) and not written.
        if (fullyPaid) inv.terms = inv.terms.withStatus(Status.Paid);
        else inv.settlement.amountPaid = totalPaid;
        emit ReceivablePaid(tokenId, msg.sender, holder, address(currency), amount, totalPaid, fullyPaid);

        _collect(currency, holder, amount);
        // The issuer's entity is asked of the registry once, for the hook and the credit record
        // both (zero: not asked, or revoked).
        bytes32 issuerEntity;
        if (_financiers[holder])
            issuerEntity = _notifyPayment(tokenId, holder, amount, t.issuer, address(currency), inv);
        // Settled: face = what was outstanding + what was settled before (no storage read).
        if (fullyPaid) {
            _recordSettlement(
                t.issuer,
                t.dueDate,
                outstandingAmount + s.amountPaid + s.amountAttested,
                previous,
                issuerEntity
            );
        }
    }

    /// @inheritdoc IReceivableToken
    function attestPayment(uint256 tokenId, uint128 amount, bytes32 referenceHash) external restricted nonReentrant {
        Invoice storage inv = _invoices[tokenId];
        (uint128 outstandingAmount, Settlement memory s, Status previous) = _checkPayment(tokenId, inv, amount);
        bool fullyPaid = amount == outstandingAmount;
        // Fits 96 bits: amountAttested + amount <= faceValue.
        uint96 totalAttested = s.amountAttested + uint96(amount);
        inv.settlement.amountAttested = totalAttested;
        if (fullyPaid) inv.terms = inv.terms.withStatus(Status.Paid);
        emit ReceivablePaymentAttested(tokenId, msg.sender, amount, totalAttested, referenceHash, fullyPaid);

        address holder = _ownerOf(tokenId);
        if (_financiers[holder]) {
            bytes4 answer = IReceivablePaymentHook(holder).onReceivablePaymentAttested(tokenId, amount, referenceHash);
            if (answer != IReceivablePaymentHook.onReceivablePaymentAttested.selector) {
                revert ReceivableHookRejected(holder);
            }
        }
        if (fullyPaid) {
            ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
            _recordSettlement(
                t.issuer,
                t.dueDate,
                outstandingAmount + s.amountPaid + s.amountAttested,
                previous,
                bytes32(0)
            );
        }
    }

    /// @inheritdoc IReceivableToken
    function markDefaulted(uint256 tokenId) external nonReentrant {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        _requireStatus(tokenId, t.status, OPEN);
        if (_ownerOf(tokenId) != msg.sender) revert ReceivableNotHolder(tokenId, msg.sender);
        if (!_financiers[msg.sender]) revert ReceivableNotFinancier(msg.sender);
        if (block.timestamp <= t.dueDate) revert ReceivableNotYetDue(tokenId, t.dueDate, block.timestamp);

        inv.terms = inv.terms.withStatus(Status.Defaulted);
        uint96 faceValue = inv.parties.faceValue();
        emit ReceivableDefaulted(tokenId, msg.sender, faceValue - _settled(inv.settlement));
        ICreditHistory history = _creditHistory;
        if (address(history) != address(0)) {
            _record(history, t.issuer, bytes32(0), faceValue, ICreditHistory.Outcome.Defaulted, _daysLate(t.dueDate));
        }
    }

    // ---------------------------------------------------------------- administration

    /// @inheritdoc IReceivableToken
    function setCurrencyAllowed(address currency, bool allowed) external restricted {
        if (currency == address(0)) revert ReceivableCurrencyNotAllowed(currency);
        CurrencyConfig memory c = _currencyConfigs[currency];
        if (c.id == 0) {
            uint8 count = _currencyCount;
            if (count == type(uint8).max) revert ReceivableTooManyCurrencies();
            c.id = count + 1;
            _currencyCount = c.id;
            _currencies[c.id] = currency;
        }
        c.allowed = allowed;
        _currencyConfigs[currency] = c;
        emit CurrencyAllowed(currency, allowed);
    }

    /// @inheritdoc IReceivableToken
    function registerFinancier(address financier, bool registered) external restricted {
        if (financier == address(0)) revert ReceivableNotFinancier(financier);
        _financiers[financier] = registered;
        emit FinancierRegistered(financier, registered);
    }

    /// @inheritdoc IReceivableToken
    function setCreditHistory(address creditHistory_) external restricted {
        _creditHistory = ICreditHistory(creditHistory_);
        emit CreditHistorySet(creditHistory_);
    }

    // ---------------------------------------------------------------- views

    /// @inheritdoc IReceivableToken
    function receivable(uint256 tokenId) public view returns (Receivable memory r) {
        r = _receivable(tokenId);
        r.issuerEntity = _REGISTRY.entityOf(r.issuer);
        r.debtorEntity = _REGISTRY.entityOf(r.debtor);
    }

    /// @inheritdoc IReceivableToken
    function receivableAndOwner(uint256 tokenId) external view returns (Receivable memory r, address owner) {
        r = _receivable(tokenId);
        owner = _ownerOf(tokenId);
    }

    /// @dev The stored invoice unpacked; the entity fields are left zero (no registry call).
    function _receivable(uint256 tokenId) private view returns (Receivable memory r) {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        _requireExists(tokenId, t.status);
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        Settlement memory s = inv.settlement;
        r.issuer = t.issuer;
        r.debtor = p.debtor;
        r.currency = _currencies[t.currencyId];
        r.faceValue = p.faceValue;
        r.amountPaid = t.status == Status.Paid ? p.faceValue - s.amountAttested : s.amountPaid;
        r.amountAttested = s.amountAttested;
        r.issueDate = t.issueDate;
        r.dueDate = t.dueDate;
        r.status = t.status;
        r.statusBeforeDispute = s.statusBeforeDispute;
        r.termsVersion = t.termsVersion;
    }

    /// @inheritdoc IReceivableToken
    function outstanding(uint256 tokenId) external view returns (uint128) {
        Invoice storage inv = _invoices[tokenId];
        Status status = inv.terms.status();
        _requireExists(tokenId, status);
        if ((PAYABLE >> uint8(status)) & 1 == 0) return 0;
        return inv.parties.faceValue() - _settled(inv.settlement);
    }

    /// @inheritdoc IReceivableToken
    function statusAndCurrency(uint256 tokenId) external view returns (Status status, address currency) {
        uint256 terms = _invoices[tokenId].terms;
        status = terms.status();
        if (status != Status.None) currency = _currencies[terms.unpackTerms().currencyId];
    }

    /// @inheritdoc IReceivableToken
    function isCurrencyAllowed(address currency) external view returns (bool) {
        return _currencyConfigs[currency].allowed;
    }

    /// @inheritdoc IReceivableToken
    function isFinancier(address account) external view returns (bool) {
        return _financiers[account];
    }

    /// @inheritdoc IReceivableToken
    function creditHistory() external view returns (address) {
        return address(_creditHistory);
    }

    /// @inheritdoc IReceivableToken
    function identityRegistry() external view returns (address) {
        return address(_REGISTRY);
    }

    /// @inheritdoc IReceivableToken
    function isInvoiceKeyUsed(
        bytes32 issuerEntity,
        bytes32 debtorEntity,
        string calldata invoiceNumber
    ) external view returns (bool) {
        bytes32 numberHash = keccak256(InvoiceNumber.canonicalize(invoiceNumber));
        return _invoiceKeys[_invoiceKey(_entityPair(issuerEntity, debtorEntity), numberHash)] != 0;
    }

    /// @inheritdoc IReceivableToken
    function canonicalInvoiceNumber(string calldata invoiceNumber) external pure returns (string memory) {
        return string(InvoiceNumber.canonicalize(invoiceNumber));
    }

    /// @inheritdoc IReceivableToken
    function hashAcknowledgement(
        uint256 tokenId,
        string calldata invoiceNumber,
        uint256 deadline
    ) external view returns (bytes32) {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        _requireExists(tokenId, t.status);
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        (bytes32 numberHash, address currency) = _checkInvoiceNumber(tokenId, inv, t.issuer, p.debtor, invoiceNumber);
        return _hashAcknowledgement(tokenId, p, currency, numberHash, t, deadline);
    }

    /// @inheritdoc IReceivableToken
    function hashCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline
    ) external view returns (bytes32) {
        Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        _requireExists(tokenId, t.status);
        return _hashCreditNote(tokenId, inv.parties.debtor(), newFaceValue, noteHash, t.termsVersion, deadline);
    }

    /// @notice On-chain `data:application/json;base64,` metadata built from the stored terms; also
    /// answers for cancelled (burned) invoices, whose record is kept.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        return _RENDERER.render(tokenId, receivable(tokenId));
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC721, IERC165) returns (bool) {
        return interfaceId == type(IReceivableToken).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- internals

    function _issuerEntity(address issuer) private view returns (bytes32) {
        return _verifiedEntity(issuer, PartyRoles.SME);
    }

    /// @dev One registry call: the entity of `account` when verified for `role` (never zero then).
    function _verifiedEntity(address account, uint8 role) private view returns (bytes32 entity) {
        entity = _REGISTRY.verifiedEntity(account, role);
        if (entity == bytes32(0)) revert ReceivableNotVerified(account, role);
    }

    function _tokenize(TokenizeParams calldata p, address issuer, bytes32 issuerEntity) private returns (uint256) {
        bytes32 debtorEntity = _verifiedEntity(p.debtor, PartyRoles.DEBTOR);
        CurrencyConfig memory c = _currencyConfigs[p.currency];
        if (!c.allowed) revert ReceivableCurrencyNotAllowed(p.currency);
        _checkFaceValue(p.faceValue);
        if (p.issueDate > block.timestamp || p.dueDate <= block.timestamp) {
            revert ReceivableInvalidDates(p.issueDate, p.dueDate, block.timestamp);
        }
        if (p.debtor == issuer) revert ReceivableDebtorIsIssuer(issuer);
        if (debtorEntity == issuerEntity) revert ReceivableSameEntity(issuerEntity);

        uint256 tokenId = uint256(p.documentHash);
        if (tokenId == 0) revert ReceivableZeroDocumentHash();
        Invoice storage inv = _invoices[tokenId];
        // A record is never deleted (cancel keeps it), so this also covers cancelled documents.
        if (inv.terms.status() != Status.None) revert ReceivableDocumentAlreadyTokenized(p.documentHash);
        bytes memory number = InvoiceNumber.canonicalize(p.invoiceNumber);
        bytes32 key = _invoiceKey(_entityPair(issuerEntity, debtorEntity), keccak256(number));
        if (_invoiceKeys[key] != 0) {
            revert ReceivableInvoiceAlreadyTokenized(issuerEntity, debtorEntity, string(number));
        }
        _invoiceKeys[key] = _keyRecord(inv, p.currency);
        // Casts: issueDate <= block.timestamp < 2^32 until 2106; faceValue checked above.
        inv.terms = ReceivablePacking.packTerms(issuer, uint32(p.issueDate), p.dueDate, Status.Issued, 0, c.id);
        inv.parties = ReceivablePacking.packParties(p.debtor, uint96(p.faceValue));
        // The minter asked for the token itself: no onERC721Received check needed.
        _mint(issuer, tokenId);
        _emitTokenized(tokenId, issuer, p, string(number));
        return tokenId;
    }

    /// @dev Its own frame: the event's nine fields do not fit the stack of `_tokenize`.
    function _emitTokenized(
        uint256 tokenId,
        address issuer,
        TokenizeParams calldata p,
        string memory canonicalNumber
    ) private {
        emit ReceivableTokenized(
            tokenId,
            issuer,
            p.debtor,
            p.currency,
            p.faceValue,
            p.issueDate,
            p.dueDate,
            canonicalNumber,
            p.metadataURI
        );
    }

    /// @dev Returns keccak256 of the canonical `invoiceNumber` and the invoice's currency once the
    /// number is checked against the key of the parties' entities as the registry now has them
    /// (for the digest view only: a party re-keyed since tokenization finds no key).
    function _checkInvoiceNumber(
        uint256 tokenId,
        Invoice storage inv,
        address issuer,
        address debtor,
        string calldata invoiceNumber
    ) private view returns (bytes32 numberHash, address currency) {
        bytes memory number = InvoiceNumber.canonicalize(invoiceNumber);
        numberHash = keccak256(number);
        bytes32 pair = _entityPair(_REGISTRY.entityOf(issuer), _REGISTRY.entityOf(debtor));
        currency = _checkInvoiceKey(tokenId, inv, pair, numberHash, string(number));
    }

    /// @dev Returns the invoice's currency once the key of (`entityPair`, `numberHash`) is checked
    /// to hold this invoice's record (see {_keyRecord}); `number` only names it in the error.
    function _checkInvoiceKey(
        uint256 tokenId,
        Invoice storage inv,
        bytes32 entityPair,
        bytes32 numberHash,
        string memory number
    ) private view returns (address currency) {
        uint256 record = _invoiceKeys[_invoiceKey(entityPair, numberHash)];
        if ((record ^ _keyRecord(inv, address(0))) >> 160 != 0) {
            revert ReceivableInvoiceNumberMismatch(tokenId, number);
        }
        currency = address(uint160(record));
    }

    function _acknowledge(
        uint256 tokenId,
        Invoice storage inv,
        ReceivablePacking.Terms memory t,
        ReceivablePacking.Parties memory p,
        address currency,
        bool bySignature
    ) private {
        inv.terms = inv.terms.withStatus(Status.Acknowledged);
        emit ReceivableAcknowledged(tokenId, p.debtor, msg.sender, currency, p.faceValue, t.dueDate, bySignature);
    }

    /// @dev Moves `amount` from the payer straight to the holder and refuses tokens that deliver
    /// anything else (fee-on-transfer, rebasing): the invoice books exactly what the holder got.
    function _collect(IERC20 currency, address holder, uint128 amount) private {
        uint256 received = TransferIn.moveMeasured(currency, holder, amount);
        if (received != amount) revert ReceivableTransferAmountMismatch(address(currency), amount, received);
    }

    /// @dev Hands a financier holder what it needs to book the payment, so it need not call back
    /// into this contract or the registry. Returns the issuer's entity, which the credit record
    /// then reuses instead of asking the registry again.
    function _notifyPayment(
        uint256 tokenId,
        address holder,
        uint128 amount,
        address issuer,
        address currency,
        Invoice storage inv
    ) private returns (bytes32 issuerEntity) {
        issuerEntity = _REGISTRY.entityOf(issuer);
        IReceivablePaymentHook.PaidInvoice memory paid = IReceivablePaymentHook.PaidInvoice(
            issuer,
            currency,
            issuerEntity,
            _REGISTRY.entityOf(inv.parties.debtor())
        );
        bytes4 answer = IReceivablePaymentHook(holder).onReceivablePayment(tokenId, msg.sender, amount, paid);
        if (answer != IReceivablePaymentHook.onReceivablePayment.selector) revert ReceivableHookRejected(holder);
    }

    function _resolveDispute(uint256 tokenId, Invoice storage inv) private {
        Status restored = inv.settlement.statusBeforeDispute;
        inv.terms = inv.terms.withStatus(restored);
        emit ReceivableDisputeWithdrawn(tokenId, inv.parties.debtor(), restored);
    }

    /// @dev Shared checks of `pay` and `attestPayment`; returns the outstanding amount before it.
    function _checkPayment(
        uint256 tokenId,
        Invoice storage inv,
        uint128 amount
    ) private view returns (uint128 outstandingAmount, Settlement memory s, Status status) {
        if (amount == 0) revert ReceivableZeroAmount();
        status = inv.terms.status();
        _requireStatus(tokenId, status, PAYABLE);
        s = inv.settlement;
        // Cannot underflow: paid + attested < face while the invoice is payable (not Paid).
        outstandingAmount = inv.parties.faceValue() - s.amountPaid - s.amountAttested;
        if (amount > outstandingAmount) revert ReceivableOverpayment(tokenId, amount, outstandingAmount);
    }

    /// @dev Reports the settlement of an invoice of `faceValue` due on `dueDate` to credit history.
    /// Runs after every transfer and hook; a recovery after default (`previous` Defaulted) is not
    /// reported again: the default already was. `issuerEntity`: the issuer's entity when the
    /// caller already asked the registry in this transaction (the payment hook), else zero.
    function _recordSettlement(
        address issuer,
        uint40 dueDate,
        uint256 faceValue,
        Status previous,
        bytes32 issuerEntity
    ) private {
        ICreditHistory history = _creditHistory;
        if (address(history) == address(0) || previous == Status.Defaulted) return;
        uint32 daysLate = _daysLate(dueDate);
        _record(
            history,
            issuer,
            issuerEntity,
            faceValue,
            daysLate == 0 ? ICreditHistory.Outcome.OnTime : ICreditHistory.Outcome.Late,
            daysLate
        );
    }

    /// @dev Reports to `history` under the issuer's current entity (see contract NatSpec); nothing
    /// when the issuer's identity is gone. `entity` is that entity when the caller already has it,
    /// else zero and the registry is asked here (a revoked issuer is then asked twice, and
    /// recorded by neither).
    function _record(
        ICreditHistory history,
        address issuer,
        bytes32 entity,
        uint256 faceValue,
        ICreditHistory.Outcome outcome,
        uint32 daysLate
    ) private {
        if (entity == bytes32(0)) entity = _REGISTRY.entityOf(issuer);
        if (entity != bytes32(0)) history.recordReceivable(entity, faceValue, outcome, daysLate);
    }

    function _requireIssuerHolder(uint256 tokenId, ReceivablePacking.Terms memory t) private view {
        _requireExists(tokenId, t.status);
        if (msg.sender != t.issuer) revert ReceivableNotIssuer(tokenId, msg.sender);
        if (_ownerOf(tokenId) != msg.sender) revert ReceivableNotHolder(tokenId, msg.sender);
    }

    /// @dev `allowed` is a bit mask of statuses (bit i = Status(i)).
    function _requireStatus(uint256 tokenId, Status status, uint256 allowed) private pure {
        _requireExists(tokenId, status);
        if ((allowed >> uint8(status)) & 1 == 0) revert ReceivableInvalidStatus(tokenId, status);
    }

    function _requireExists(uint256 tokenId, Status status) private pure {
        if (status == Status.None) revert ReceivableNotFound(tokenId);
    }

    function _checkDebtorSignature(
        uint256 tokenId,
        address debtor,
        bytes32 digest,
        uint256 deadline,
        bytes calldata signature
    ) private view {
        if (deadline < block.timestamp) revert ReceivableSignatureExpired(deadline, block.timestamp);
        if (!SignatureChecker.isValidSignatureNowCalldata(debtor, digest, signature)) {
            revert ReceivableInvalidSignature(tokenId, debtor);
        }
    }

    function _checkFaceValue(uint128 faceValue) private pure {
        if (faceValue == 0) revert ReceivableZeroFaceValue();
        if (faceValue > type(uint96).max) revert ReceivableFaceValueTooLarge(faceValue, type(uint96).max);
    }

    function _nextVersion(uint256 tokenId, uint8 version) private pure returns (uint8) {
        if (version == type(uint8).max) revert ReceivableTermsVersionExhausted(tokenId);
        return version + 1;
    }

    function _hashAcknowledgement(
        uint256 tokenId,
        ReceivablePacking.Parties memory p,
        address currency,
        bytes32 numberHash,
        ReceivablePacking.Terms memory t,
        uint256 deadline
    ) private view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(
                        ACKNOWLEDGEMENT_TYPEHASH,
                        tokenId,
                        p.debtor,
                        numberHash,
                        currency,
                        uint256(p.faceValue),
                        uint256(t.dueDate),
                        t.termsVersion,
                        deadline
                    )
                )
            );
    }

    function _hashCreditNote(
        uint256 tokenId,
        address debtor,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint8 termsVersion,
        uint256 deadline
    ) private view returns (bytes32) {
        return
            _hashTypedDataV4(
                keccak256(
                    abi.encode(
                        CREDIT_NOTE_TYPEHASH,
                        tokenId,
                        debtor,
                        uint256(newFaceValue),
                        noteHash,
                        termsVersion,
                        deadline
                    )
                )
            );
    }

    /// @dev What a caller names to acknowledge by signature: keccak256(abi.encode(issuer entity,
    /// debtor entity)) as registered at tokenization. Hashed in scratch space (no allocation).
    function _entityPair(bytes32 issuerEntity, bytes32 debtorEntity) private pure returns (bytes32 pair) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, issuerEntity)
            mstore(0x20, debtorEntity)
            pair := keccak256(0x00, 0x40)
        }
    }

    /// @dev keccak256(abi.encode(entityPair, invoiceNumberHash)), in scratch space.
    function _invoiceKey(bytes32 entityPair, bytes32 invoiceNumberHash) private pure returns (bytes32 key) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, entityPair)
            mstore(0x20, invoiceNumberHash)
            key := keccak256(0x00, 0x40)
        }
    }

    /// @dev The word a duplicate key holds: the invoice's currency in the low 160 bits (never zero,
    /// so a used key is non-zero) and, above it, the top 96 bits of the invoice's storage slot,
    /// keccak256(tokenId, slot of `_invoices`): a fingerprint of the token id that costs no hashing
    /// (the slot is computed anyway). Matching another token's record needs a document hash whose
    /// slot shares 96 given bits (≈2^96 hashes; the id's own bits would be free to match, the id
    /// being the caller's document hash). The currency rides along so that an acknowledgement
    /// reads it from this slot (read anyway), not from `_currencies` (a cold read more).
    function _keyRecord(Invoice storage inv, address currency) private pure returns (uint256 record) {
        uint256 slot;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            slot := inv.slot
        }
        record = ((slot >> 160) << 160) | uint160(currency);
    }

    function _settled(Settlement storage s) private view returns (uint128) {
        return uint128(s.amountPaid) + s.amountAttested;
    }

    /// @dev Whole days after the due date, rounded up; 0 at or before it. The cast cannot truncate
    /// before the year 10^7 (2^32 days).
    function _daysLate(uint40 dueDate) private view returns (uint32) {
        if (block.timestamp <= dueDate) return 0;
        return uint32(Math.ceilDiv(block.timestamp - dueDate, 1 days));
    }
}
