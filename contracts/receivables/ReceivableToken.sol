// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {ManagedPausable} from "../access/ManagedPausable.sol";
import {PartyRoles} from "../identity/PartyRoles.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {IReceivablePaymentHook} from "../interfaces/IReceivablePaymentHook.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {ReceivableRenderer} from "./ReceivableRenderer.sol";
import {ReceivablePacking} from "./ReceivablePacking.sol";
import {InvoiceNumber} from "./InvoiceNumber.sol";
import {ReceivableRules} from "./ReceivableRules.sol";
import {ReceivableServicing} from "./ReceivableServicing.sol";
import {ReceivableMessages} from "./ReceivableMessages.sol";
import {InvoiceKeys} from "./InvoiceKeys.sol";
import {CurrencyRegister} from "./CurrencyRegister.sol";
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
/// Code by job. Tokenization, acknowledgement and payment, the paths every invoice takes, run
/// here and call no library. The rest of an invoice's servicing (amendment, cancellation, dispute,
/// credit note, attested payment, default) runs in the linked library {ReceivableServicing}, the
/// lookups behind the digest views in {ReceivableMessages}, updates of the currency register in
/// {CurrencyRegister}; each runs in this contract's storage and emits from this contract.
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
/// record of the token id and the currency ({InvoiceKeys-keyRecord}); an acknowledgement that names a number is
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
    using CurrencyRegister for CurrencyRegister.Currencies;

    /// @notice EIP-712 type hash of the debtor's acknowledgement.
    bytes32 public constant ACKNOWLEDGEMENT_TYPEHASH = ReceivableMessages.ACKNOWLEDGEMENT_TYPEHASH;
    /// @notice EIP-712 type hash of the debtor's consent to a credit note.
    bytes32 public constant CREDIT_NOTE_TYPEHASH = ReceivableMessages.CREDIT_NOTE_TYPEHASH;

    IIdentityRegistry private immutable _REGISTRY;
    ReceivableRenderer private immutable _RENDERER;

    mapping(uint256 tokenId => ReceivablePacking.Invoice) private _invoices;
    mapping(bytes32 invoiceKey => uint256 tokenId) private _invoiceKeys;
    CurrencyRegister.Currencies private _currencies;
    mapping(address account => bool) private _financiers;
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
        ReceivableServicing.amendTerms(_invoices[tokenId], tokenId, _ownerOf(tokenId), newFaceValue, newDueDate);
    }

    /// @inheritdoc IReceivableToken
    function cancel(uint256 tokenId) external {
        ReceivableServicing.cancel(_invoices[tokenId], tokenId, _ownerOf(tokenId));
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
        ReceivablePacking.Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        ReceivableRules.requireStatus(tokenId, t.status, ReceivableRules.ISSUED);
        if (msg.sender != p.debtor) revert ReceivableNotDebtor(tokenId, msg.sender);
        if (faceValue != p.faceValue || dueDate != t.dueDate) {
            revert ReceivableAcknowledgedTermsMismatch(tokenId, faceValue, dueDate, p.faceValue, t.dueDate);
        }
        bytes memory number = InvoiceNumber.canonicalize(invoiceNumber);
        address currency = InvoiceKeys.checkInvoiceKey(
            _invoiceKeys,
            tokenId,
            inv,
            entityPair,
            keccak256(number),
            string(number)
        );
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
        ReceivablePacking.Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        ReceivableRules.requireStatus(tokenId, t.status, ReceivableRules.ISSUED);
        // Taken as signed (canonical): another spelling hashes to no key of this token.
        bytes32 numberHash = keccak256(bytes(invoiceNumber));
        address currency = InvoiceKeys.checkInvoiceKey(
            _invoiceKeys,
            tokenId,
            inv,
            entityPair,
            numberHash,
            invoiceNumber
        );
        bytes32 digest = _hashTypedDataV4(
            ReceivableMessages.acknowledgementHash(tokenId, p, currency, numberHash, t, deadline)
        );
        ReceivableRules.checkDebtorSignature(tokenId, p.debtor, digest, deadline, signature);
        _acknowledge(tokenId, inv, t, p, currency, true);
    }

    /// @inheritdoc IReceivableToken
    function dispute(uint256 tokenId, bytes32 reasonHash) external {
        ReceivableServicing.dispute(_invoices[tokenId], tokenId, reasonHash);
    }

    /// @inheritdoc IReceivableToken
    function withdrawDispute(uint256 tokenId) external {
        ReceivableServicing.withdrawDispute(_invoices[tokenId], tokenId);
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
        ReceivableServicing.applyCreditNote(
            _invoices[tokenId],
            _context(tokenId),
            _domainSeparatorV4(),
            newFaceValue,
            noteHash,
            deadline,
            debtorSignature
        );
    }

    // ---------------------------------------------------------------- payments

    /// @inheritdoc IReceivableToken
    function pay(uint256 tokenId, uint128 amount) external nonReentrant {
        ReceivablePacking.Invoice storage inv = _invoices[tokenId];
        (uint128 outstandingAmount, ReceivablePacking.Settlement memory s, Status previous) = ReceivableRules
            .checkPayment(tokenId, inv, amount);
        address holder = _ownerOf(tokenId);
        if (holder == msg.sender) revert ReceivablePayerIsHolder(tokenId, msg.sender);
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        IERC20 currency = IERC20(_currencies.byId[t.currencyId]);

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
            ReceivableRules.recordSettlement(
                _creditHistory,
                _REGISTRY,
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
        ReceivableServicing.attestPayment(_invoices[tokenId], _context(tokenId), _financiers, amount, referenceHash);
    }

    /// @inheritdoc IReceivableToken
    function markDefaulted(uint256 tokenId) external nonReentrant {
        ReceivableServicing.markDefaulted(_invoices[tokenId], _context(tokenId), _financiers);
    }

    // ---------------------------------------------------------------- administration

    /// @inheritdoc IReceivableToken
    function setCurrencyAllowed(address currency, bool allowed) external restricted {
        _currencies.setAllowed(currency, allowed);
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
        ReceivablePacking.Invoice storage inv = _invoices[tokenId];
        ReceivablePacking.Terms memory t = inv.terms.unpackTerms();
        ReceivableRules.requireExists(tokenId, t.status);
        ReceivablePacking.Parties memory p = inv.parties.unpackParties();
        ReceivablePacking.Settlement memory s = inv.settlement;
        r.issuer = t.issuer;
        r.debtor = p.debtor;
        r.currency = _currencies.byId[t.currencyId];
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
        ReceivablePacking.Invoice storage inv = _invoices[tokenId];
        Status status = inv.terms.status();
        ReceivableRules.requireExists(tokenId, status);
        if ((ReceivableRules.PAYABLE >> uint8(status)) & 1 == 0) return 0;
        return inv.parties.faceValue() - ReceivableRules.settled(inv.settlement);
    }

    /// @inheritdoc IReceivableToken
    function statusAndCurrency(uint256 tokenId) external view returns (Status status, address currency) {
        uint256 terms = _invoices[tokenId].terms;
        status = terms.status();
        if (status != Status.None) currency = _currencies.byId[terms.unpackTerms().currencyId];
    }

    /// @inheritdoc IReceivableToken
    function isCurrencyAllowed(address currency) external view returns (bool) {
        return _currencies.configs[currency].allowed;
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
        return
            _invoiceKeys[InvoiceKeys.invoiceKey(InvoiceKeys.entityPair(issuerEntity, debtorEntity), numberHash)] != 0;
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
        return
            _hashTypedDataV4(
                ReceivableMessages.acknowledgementHashOf(
                    _invoices[tokenId],
                    _invoiceKeys,
                    _REGISTRY,
                    tokenId,
                    invoiceNumber,
                    deadline
                )
            );
    }

    /// @inheritdoc IReceivableToken
    function hashCreditNote(
        uint256 tokenId,
        uint128 newFaceValue,
        bytes32 noteHash,
        uint256 deadline
    ) external view returns (bytes32) {
        return
            _hashTypedDataV4(
                ReceivableMessages.creditNoteHashOf(_invoices[tokenId], tokenId, newFaceValue, noteHash, deadline)
            );
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

    function _context(uint256 tokenId) private view returns (ReceivableServicing.Context memory) {
        return ReceivableServicing.Context(tokenId, _ownerOf(tokenId), _creditHistory, _REGISTRY);
    }

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
        CurrencyRegister.Config memory c = _currencies.configs[p.currency];
        if (!c.allowed) revert ReceivableCurrencyNotAllowed(p.currency);
        ReceivableRules.checkFaceValue(p.faceValue);
        if (p.issueDate > block.timestamp || p.dueDate <= block.timestamp) {
            revert ReceivableInvalidDates(p.issueDate, p.dueDate, block.timestamp);
        }
        if (p.debtor == issuer) revert ReceivableDebtorIsIssuer(issuer);
        if (debtorEntity == issuerEntity) revert ReceivableSameEntity(issuerEntity);

        uint256 tokenId = uint256(p.documentHash);
        if (tokenId == 0) revert ReceivableZeroDocumentHash();
        ReceivablePacking.Invoice storage inv = _invoices[tokenId];
        // A record is never deleted (cancel keeps it), so this also covers cancelled documents.
        if (inv.terms.status() != Status.None) revert ReceivableDocumentAlreadyTokenized(p.documentHash);
        bytes memory number = InvoiceNumber.canonicalize(p.invoiceNumber);
        bytes32 key = InvoiceKeys.invoiceKey(InvoiceKeys.entityPair(issuerEntity, debtorEntity), keccak256(number));
        if (_invoiceKeys[key] != 0) {
            revert ReceivableInvoiceAlreadyTokenized(issuerEntity, debtorEntity, string(number));
        }
        _invoiceKeys[key] = InvoiceKeys.keyRecord(inv, p.currency);
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

    function _acknowledge(
        uint256 tokenId,
        ReceivablePacking.Invoice storage inv,
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
        ReceivablePacking.Invoice storage inv
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
}
