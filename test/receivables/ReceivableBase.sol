// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IdentityBase} from "../identity/IdentityBase.sol";
import {ReceivableToken} from "../../contracts/receivables/ReceivableToken.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice AccessManager + IdentityRegistry + DemoUSD + ReceivableToken wired as in deployment;
/// verified SME (two wallets of one company), debtor, second SME; EIP-712 digests built
/// independently of the token's own hashing.
abstract contract ReceivableBase is IdentityBase {
    bytes32 internal constant ACK_TYPEHASH = keccak256(
        "Acknowledgement(uint256 tokenId,address debtor,string invoiceNumber,address currency,uint256 faceValue,uint256 dueDate,uint8 termsVersion,uint256 deadline)"
    );
    bytes32 internal constant NOTE_TYPEHASH = keccak256(
        "CreditNote(uint256 tokenId,address debtor,uint256 newFaceValue,bytes32 noteHash,uint8 termsVersion,uint256 deadline)"
    );
    bytes32 internal constant DEBTOR_CO = keccak256("entity:debtor-co");
    bytes32 internal constant OTHER_CO = keccak256("entity:other-co");
    /// @dev The entity pair of the SME's invoices to the debtor, as a signed acknowledgement names it.
    bytes32 internal constant PAIR = keccak256(abi.encode(ACME, DEBTOR_CO));
    uint128 internal constant FACE = 10_000e6;
    uint40 internal constant DUE = uint40(START + 60 days);

    ReceivableToken internal token;
    DemoUSD internal usd;
    address internal servicer = makeAddr("servicer");
    address internal receivablesAdmin = makeAddr("receivablesAdmin");
    address internal smeWallet2 = makeAddr("smeWallet2");
    address internal otherSme = makeAddr("otherSme");
    address internal buyer = makeAddr("buyer");
    address internal debtor;
    uint256 internal debtorKey;
    uint256 internal nextDoc = 1;
    /// @dev The number each invoice was tokenized with, and its canonical form (the token's).
    mapping(uint256 id => string) internal numberOf;
    mapping(uint256 id => string) internal canonicalOf;

    function setUp() public virtual override {
        super.setUp();
        (debtor, debtorKey) = makeAddrAndKey("debtor");
        usd = new DemoUSD(address(this));
        token = new ReceivableToken(address(manager), IIdentityRegistry(address(registry)));
        vm.label(address(token), "ReceivableToken");
        _wireReceivables(token);
        _grant(Roles.SERVICER, servicer, 0);
        // Deployment grants POLICY_ADMIN with a delay; tests use an undelayed holder of that role.
        _grant(Roles.POLICY_ADMIN, receivablesAdmin, 0);

        _verifyAs(sme, PartyRoles.SME, ACME);
        _verifyAs(smeWallet2, PartyRoles.SME, ACME);
        _verifyAs(otherSme, PartyRoles.SME, OTHER_CO);
        _verifyAs(debtor, PartyRoles.DEBTOR, DEBTOR_CO);

        vm.prank(receivablesAdmin);
        token.setCurrencyAllowed(address(usd), true);
        usd.mint(debtor, 1_000_000e6);
        vm.prank(debtor);
        usd.approve(address(token), type(uint256).max);
    }

    function _wireReceivables(ReceivableToken t) internal {
        bytes4[] memory policy = new bytes4[](3);
        policy[0] = IReceivableToken.setCurrencyAllowed.selector;
        policy[1] = IReceivableToken.registerFinancier.selector;
        policy[2] = IReceivableToken.setCreditHistory.selector;
        _wire(address(t), policy, Roles.POLICY_ADMIN);
        _wire(address(t), IReceivableToken.attestPayment.selector, Roles.SERVICER);
        _wirePause(address(t));
    }

    function _verifyAs(address account, uint8 roles, bytes32 entity) internal {
        vm.prank(kyc);
        registry.verify(account, roles, KE, EXPIRY, entity);
    }

    function _params(uint128 face, uint40 due) internal returns (IReceivableToken.TokenizeParams memory p) {
        uint256 n = nextDoc++;
        p = IReceivableToken.TokenizeParams({
            debtor: debtor,
            currency: address(usd),
            faceValue: face,
            issueDate: uint40(block.timestamp),
            dueDate: due,
            documentHash: keccak256(abi.encode("document", n)),
            invoiceNumber: string.concat("INV-", vm.toString(n)),
            metadataURI: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"
        });
    }

    function _tokenize(address issuer, IReceivableToken.TokenizeParams memory p) internal returns (uint256 id) {
        vm.prank(issuer);
        id = token.tokenize(p);
        // Zero when the call was expected to revert.
        if (id != 0) {
            numberOf[id] = p.invoiceNumber;
            canonicalOf[id] = token.canonicalInvoiceNumber(p.invoiceNumber);
        }
    }

    function _tokenize() internal returns (uint256) {
        return _tokenize(sme, _params(FACE, DUE));
    }

    function _acknowledged() internal returns (uint256 id) {
        id = _tokenize();
        _ack(id);
    }

    /// @dev The debtor acknowledges `id` by a call naming its number and current terms.
    function _ack(uint256 id) internal {
        IReceivableToken.Receivable memory r = token.receivable(id);
        bytes32 pair = _pair(r.issuerEntity, r.debtorEntity);
        vm.prank(r.debtor);
        token.acknowledge(id, pair, numberOf[id], r.faceValue, r.dueDate);
    }

    function _pair(bytes32 issuerEntity, bytes32 debtorEntity) internal pure returns (bytes32) {
        return keccak256(abi.encode(issuerEntity, debtorEntity));
    }

    function _pay(uint256 id, uint128 amount) internal {
        vm.prank(debtor);
        token.pay(id, amount);
    }

    function _domain() internal view returns (bytes32) {
        return
            keccak256(
                abi.encode(DOMAIN_TYPEHASH, keccak256("ReceivableToken"), keccak256("1"), block.chainid, address(token))
            );
    }

    function _ackDigest(
        uint256 id,
        string memory canonicalNumber,
        address currency,
        uint256 face,
        uint256 due,
        uint8 version,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                ACK_TYPEHASH,
                id,
                debtor,
                keccak256(bytes(canonicalNumber)),
                currency,
                face,
                due,
                version,
                deadline
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", _domain(), structHash));
    }

    function _signAck(uint256 key, uint256 id, uint256 deadline) internal view returns (bytes memory) {
        IReceivableToken.Receivable memory r = token.receivable(id);
        bytes32 digest = _ackDigest(id, canonicalOf[id], r.currency, r.faceValue, r.dueDate, r.termsVersion, deadline);
        (uint8 v, bytes32 rs, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(rs, s, v);
    }

    function _noteDigest(
        uint256 id,
        uint256 newFace,
        bytes32 noteHash,
        uint8 version,
        uint256 deadline
    ) internal view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(NOTE_TYPEHASH, id, debtor, newFace, noteHash, version, deadline));
        return keccak256(abi.encodePacked("\x19\x01", _domain(), structHash));
    }

    function _signNote(
        uint256 key,
        uint256 id,
        uint128 newFace,
        bytes32 noteHash,
        uint256 deadline
    ) internal view returns (bytes memory) {
        bytes32 digest = _noteDigest(id, newFace, noteHash, token.receivable(id).termsVersion, deadline);
        (uint8 v, bytes32 rs, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(rs, s, v);
    }
}
