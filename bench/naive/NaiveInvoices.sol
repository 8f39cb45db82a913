// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721URIStorage} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721URIStorage.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {INaiveIdentity, INaivePaymentHook} from "./NaiveInterfaces.sol";

/// @notice Benchmark reference only (never deployed): the receivable token as a developer would
/// first write it with plain OpenZeppelin pieces — one full slot per field, the URI stored, a
/// `bool` mapping per duplicate key, a status enum in its own slot. Same checks and events as the
/// real one in spirit (KYC of issuer and debtor, duplicate rejection, EIP-712 acknowledgement,
/// payment to the current holder, financier notified), none of its packing.
contract NaiveInvoices is ERC721URIStorage, EIP712, Ownable {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Issued,
        Acknowledged,
        Financed,
        Paid
    }

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

    struct Invoice {
        address issuer;
        address debtor;
        address currency;
        uint256 faceValue;
        uint256 amountPaid;
        uint256 issueDate;
        uint256 dueDate;
        bytes32 invoiceNumberHash;
        Status status;
    }

    bytes32 public constant ACKNOWLEDGEMENT_TYPEHASH = keccak256(
        "Acknowledgement(uint256 tokenId,address debtor,address currency,uint256 faceValue,uint256 dueDate,uint8 termsVersion,uint256 deadline)"
    );

    INaiveIdentity public immutable IDENTITY;
    mapping(uint256 tokenId => Invoice) public invoices;
    mapping(bytes32 key => bool) public usedKeys;
    mapping(address financier => bool) public financiers;

    event Tokenized(uint256 indexed tokenId, address indexed issuer, address indexed debtor, uint256 faceValue);
    event Acknowledged(uint256 indexed tokenId, address indexed debtor);
    event Paid(uint256 indexed tokenId, address indexed payer, address indexed holder, uint256 amount);

    error Naive(string reason);

    constructor(
        INaiveIdentity identity
    ) ERC721("Naive Invoice", "NINV") EIP712("NaiveInvoices", "1") Ownable(msg.sender) {
        IDENTITY = identity;
    }

    function setFinancier(address financier, bool on) external onlyOwner {
        financiers[financier] = on;
    }

    function tokenize(TokenizeParams calldata p) public returns (uint256 tokenId) {
        if (!IDENTITY.isVerified(msg.sender, 1) || !IDENTITY.isVerified(p.debtor, 2)) revert Naive("kyc");
        tokenId = uint256(p.documentHash);
        bytes32 key = keccak256(abi.encode(msg.sender, p.debtor, p.invoiceNumberHash));
        if (usedKeys[key] || _ownerOf(tokenId) != address(0)) revert Naive("duplicate");
        usedKeys[key] = true;
        invoices[tokenId] = Invoice(
            msg.sender,
            p.debtor,
            p.currency,
            p.faceValue,
            0,
            p.issueDate,
            p.dueDate,
            p.invoiceNumberHash,
            Status.Issued
        );
        _safeMint(msg.sender, tokenId);
        _setTokenURI(tokenId, p.metadataURI);
        emit Tokenized(tokenId, msg.sender, p.debtor, p.faceValue);
    }

    function tokenizeBatch(TokenizeParams[] calldata ps) external returns (uint256[] memory ids) {
        ids = new uint256[](ps.length);
        for (uint256 i = 0; i < ps.length; i++) ids[i] = tokenize(ps[i]);
    }

    function acknowledgeWithSignature(uint256 tokenId, uint256 deadline, bytes calldata signature) external {
        Invoice storage inv = invoices[tokenId];
        if (inv.status != Status.Issued || block.timestamp > deadline) revert Naive("ack");
        bytes32 digest = _hashTypedDataV4(
            keccak256(
                abi.encode(
                    ACKNOWLEDGEMENT_TYPEHASH,
                    tokenId,
                    inv.debtor,
                    inv.currency,
                    inv.faceValue,
                    inv.dueDate,
                    0,
                    deadline
                )
            )
        );
        if (ECDSA.recover(digest, signature) != inv.debtor) revert Naive("signer");
        inv.status = Status.Acknowledged;
        emit Acknowledged(tokenId, inv.debtor);
    }

    function markFinanced(uint256 tokenId) external {
        if (!financiers[msg.sender] || invoices[tokenId].status != Status.Acknowledged) revert Naive("finance");
        invoices[tokenId].status = Status.Financed;
    }

    function pay(uint256 tokenId, uint128 amount) external {
        Invoice storage inv = invoices[tokenId];
        if (inv.status != Status.Acknowledged && inv.status != Status.Financed) revert Naive("status");
        if (inv.amountPaid + amount > inv.faceValue) revert Naive("overpay");
        inv.amountPaid += amount;
        if (inv.amountPaid == inv.faceValue) inv.status = Status.Paid;
        address holder = ownerOf(tokenId);
        IERC20(inv.currency).safeTransferFrom(msg.sender, holder, amount);
        emit Paid(tokenId, msg.sender, holder, amount);
        if (financiers[holder]) INaivePaymentHook(holder).onPaid(tokenId, amount);
    }

    function dueDateOf(uint256 tokenId) external view returns (uint256) {
        return invoices[tokenId].dueDate;
    }

    function faceValueOf(uint256 tokenId) external view returns (uint256) {
        return invoices[tokenId].faceValue;
    }

    function issuerOf(uint256 tokenId) external view returns (address) {
        return invoices[tokenId].issuer;
    }

    function debtorOf(uint256 tokenId) external view returns (address) {
        return invoices[tokenId].debtor;
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        return super.tokenURI(tokenId);
    }

    function supportsInterface(bytes4 id) public view override returns (bool) {
        return super.supportsInterface(id);
    }
}
