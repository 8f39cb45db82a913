// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {SecurityBase} from "./SecurityBase.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {ReceivableToken} from "../../contracts/receivables/ReceivableToken.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";

/// @notice F-9: a dishonest SME with two wallets holds four real invoices (numbers 1 to 4, one
/// debtor) and tries every way to get two advances on one of them: other spellings of the number
/// (case, zeros, separators, spaces), the same document again, the pool and loan collateral, with
/// or without the debtor's acknowledgement. An advance is a pool financing or a loan request
/// secured by the invoice (the lenders commit against it). Ghosts count advances per real invoice
/// and per document, and advances on an invoice its debtor had not acknowledged.
contract DoubleFinancingHandler is Test {
    uint256 internal constant REAL_INVOICES = 4;

    DemoUSD private immutable USD;
    ReceivableToken private immutable RCV;
    FinancingPool private immutable POOL;
    LoanManager private immutable LOANS;
    address private immutable SME;
    address private immutable SME2;
    address private immutable DEBTOR;

    uint256[] public tokens;
    mapping(uint256 tokenId => uint256 realInvoice) public realOf;
    mapping(uint256 tokenId => address issuer) public issuerOf;
    mapping(uint256 realInvoice => uint256 count) public advancesOnInvoice;
    mapping(uint256 tokenId => uint256 count) public advancesOnDocument;
    uint256 public maxPerInvoice;
    uint256 public maxPerDocument;
    uint256 public advancesWithoutAcknowledgement;
    uint256 public poolAdvances;
    uint256 public collateralAdvances;
    /// @dev Attempts the contracts refused (expected for most of the attacker's moves).
    uint256 public refused;
    uint256 private nonce;

    constructor(SecurityBase.Wiring memory w) {
        USD = w.usd;
        RCV = w.rcv;
        POOL = w.pool;
        LOANS = w.loans;
        SME = w.sme;
        SME2 = w.sme2;
        DEBTOR = w.debtor;
    }

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    /// @dev Spellings of real invoice `k` (number k + 1) that a person would read as the same.
    function spelling(uint256 k, uint256 variant) public pure returns (string memory) {
        string memory n = vm.toString(k + 1);
        uint256 v = variant % 7;
        if (v == 0) return string.concat("INV-", n);
        if (v == 1) return string.concat("inv-00", n);
        if (v == 2) return string.concat("INV-000", n, " ");
        if (v == 3) return string.concat("INV ", n);
        if (v == 4) return string.concat(" Inv_0", n);
        if (v == 5) return string.concat("INV#", n);
        return string.concat("I.N.V/0", n);
    }

    function tokenize(uint256 k, uint256 variant, bool secondWallet, bool reuseDocument) external {
        k %= REAL_INVOICES;
        address issuer = secondWallet ? SME2 : SME;
        bytes32 doc =
            reuseDocument && tokens.length != 0
                ? bytes32(tokens[variant % tokens.length])
                : keccak256(abi.encode("double-financing-doc", ++nonce));
        IReceivableToken.TokenizeParams memory p = IReceivableToken.TokenizeParams({
            debtor: DEBTOR,
            currency: address(USD),
            faceValue: 5_000e6,
            issueDate: uint40(block.timestamp),
            dueDate: uint40(((block.timestamp + 60 days) / 1 days) * 1 days + 12 hours),
            documentHash: doc,
            invoiceNumber: spelling(k, variant),
            metadataURI: ""
        });
        vm.prank(issuer);
        try RCV.tokenize(p) returns (uint256 id) {
            tokens.push(id);
            realOf[id] = k;
            issuerOf[id] = issuer;
        } catch {
            ++refused;
        }
    }

    /// The debtor acknowledges, naming the number in any spelling and the invoice's terms.
    function acknowledge(uint256 which, uint256 variant) external {
        if (tokens.length == 0) return;
        uint256 id = tokens[which % tokens.length];
        IReceivableToken.Receivable memory r = RCV.receivable(id);
        bytes32 pair = keccak256(abi.encode(r.issuerEntity, r.debtorEntity));
        vm.prank(DEBTOR);
        try RCV.acknowledge(id, pair, spelling(realOf[id], variant), r.faceValue, r.dueDate) {
            return;
        } catch {
            ++refused;
        }
    }

    function financeByPool(uint256 which) external {
        if (tokens.length == 0) return;
        uint256 id = tokens[which % tokens.length];
        IReceivableToken.Status status = RCV.receivable(id).status;
        address issuer = issuerOf[id];
        vm.startPrank(issuer);
        if (RCV.ownerOf(id) == issuer) RCV.approve(address(POOL), id);
        try POOL.finance(id, 0) {
            ++poolAdvances;
            _advanced(id, status);
        } catch {
            ++refused;
        }
        vm.stopPrank();
    }

    function pledgeAsCollateral(uint256 which) external {
        if (tokens.length == 0) return;
        uint256 id = tokens[which % tokens.length];
        IReceivableToken.Status status = RCV.receivable(id).status;
        address issuer = issuerOf[id];
        vm.startPrank(issuer);
        RCV.setApprovalForAll(address(LOANS), true);
        try
            LOANS.request(
                ILoanManager.RequestParams({
                    principal: 3_000e6,
                    rateBps: 1_200,
                    count: 3,
                    period: 30 days,
                    kind: Schedule.Kind.Amortizing,
                    graceCount: 0,
                    collateralToken: address(RCV),
                    collateralId: id,
                    fundingDeadline: uint40(block.timestamp + 7 days)
                })
            )
        {
            ++collateralAdvances;
            _advanced(id, status);
        } catch {
            ++refused;
        }
        vm.stopPrank();
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1 hours, 3 days));
    }

    function _advanced(uint256 id, IReceivableToken.Status statusBefore) private {
        if (statusBefore != IReceivableToken.Status.Acknowledged) ++advancesWithoutAcknowledgement;
        uint256 perInvoice = ++advancesOnInvoice[realOf[id]];
        uint256 perDocument = ++advancesOnDocument[id];
        if (perInvoice > maxPerInvoice) maxPerInvoice = perInvoice;
        if (perDocument > maxPerDocument) maxPerDocument = perDocument;
    }
}

/// @notice One real invoice backs at most one advance, pool or collateral (F-9).
contract SecurityDoubleFinancingTest is SecurityBase {
    DoubleFinancingHandler private handler;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 200_000e6);
        handler = new DoubleFinancingHandler(_wiring());
        targetContract(address(handler));
    }

    /// The handler's paths really run; the attack that worked before F-9 (a second spelling,
    /// financed by the pool, the first pledged as collateral without acknowledgement) now fails.
    function test_handler_secondSpellingBacksNoSecondAdvance() public {
        handler.tokenize(0, 0, false, false); // "INV-1" by the SME
        handler.tokenize(0, 1, true, false); // "inv-001" by its second wallet: refused
        handler.tokenize(1, 2, true, false); // "INV-0002 " by the second wallet
        assertEq(handler.tokenCount(), 2, "the second spelling of INV1 was refused");
        handler.pledgeAsCollateral(0); // not acknowledged: refused
        assertEq(handler.collateralAdvances(), 0, "no collateral without acknowledgement");
        handler.acknowledge(0, 3); // the debtor names it "INV 1"
        handler.acknowledge(1, 4); // " Inv_02"
        handler.financeByPool(0);
        handler.pledgeAsCollateral(0); // held by the pool now: refused
        handler.pledgeAsCollateral(1);
        handler.financeByPool(1); // held by the vault now: refused
        assertEq(handler.poolAdvances(), 1);
        assertEq(handler.collateralAdvances(), 1);
        assertEq(handler.maxPerInvoice(), 1);
        assertEq(handler.advancesWithoutAcknowledgement(), 0);
    }

    function test_spelling_variantsShareOneCanonicalForm() public view {
        for (uint256 v; v < 7; ++v) {
            assertEq(rcv.canonicalInvoiceNumber(handler.spelling(2, v)), "INV3");
        }
    }

    /// No real invoice (canonical issuer entity, debtor entity, number) backs two advances.
    function invariant_noInvoiceBacksTwoAdvances() public view {
        assertLe(handler.maxPerInvoice(), 1);
    }

    /// No document backs two advances.
    function invariant_noDocumentBacksTwoAdvances() public view {
        assertLe(handler.maxPerDocument(), 1);
    }

    /// Every advance, pool or collateral, was on an invoice its debtor had acknowledged.
    function invariant_everyAdvanceWasAcknowledged() public view {
        assertEq(handler.advancesWithoutAcknowledgement(), 0);
    }
}
