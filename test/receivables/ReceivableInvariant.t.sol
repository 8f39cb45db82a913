// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {ReceivableBase} from "./ReceivableBase.sol";
import {ReceivableToken} from "../../contracts/receivables/ReceivableToken.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";

/// @notice Random tokenize / acknowledge / pay / attest / dispute / transfer sequences.
contract ReceivableHandler is Test {
    ReceivableToken internal immutable TOKEN;
    DemoUSD internal immutable USD;
    address internal immutable SME;
    address internal immutable DEBTOR;
    address internal immutable SERVICER;

    uint256[] public ids;
    address[] public holders;
    uint256[] internal _numbers;
    mapping(uint256 id => string) internal _spelling;
    uint256 public duplicatesAccepted;
    uint256 public paidGhost;
    uint256 public succeeded;
    uint256 public rejected;
    uint256 internal _nonce;

    constructor(ReceivableToken token, DemoUSD usd, address sme, address debtor, address servicer) {
        TOKEN = token;
        USD = usd;
        SME = sme;
        DEBTOR = debtor;
        SERVICER = servicer;
        holders.push(sme);
        holders.push(makeAddr("holderA"));
        holders.push(makeAddr("holderB"));
    }

    function idCount() external view returns (uint256) {
        return ids.length;
    }

    function holderCount() external view returns (uint256) {
        return holders.length;
    }

    function tokenize(uint128 face, uint32 tenor, bool reuseNumber, bool reuseDocument) external {
        face = uint128(bound(face, 1, 1e12));
        tenor = uint32(bound(tenor, 1, 365 days));
        bool reuse = (reuseNumber && _numbers.length > 0) || (reuseDocument && ids.length > 0);
        // A reused number comes back in another spelling (case, zeros, separators): same canonical form.
        uint256 number = reuseNumber && _numbers.length > 0 ? _numbers[face % _numbers.length] : 1_000_000 + _nonce;
        string memory spelled = string.concat(face % 2 == 0 ? "n-00" : "N ", vm.toString(number));
        bytes32 doc =
            reuseDocument && ids.length > 0 ? bytes32(ids[face % ids.length]) : keccak256(abi.encode("d", _nonce));
        ++_nonce;
        IReceivableToken.TokenizeParams memory p = IReceivableToken.TokenizeParams({
            debtor: DEBTOR,
            currency: address(USD),
            faceValue: face,
            issueDate: uint40(block.timestamp),
            dueDate: uint40(block.timestamp + tenor),
            documentHash: doc,
            invoiceNumber: spelled,
            metadataURI: ""
        });
        vm.prank(SME);
        try TOKEN.tokenize(p) returns (uint256 id) {
            if (reuse) ++duplicatesAccepted;
            ids.push(id);
            _numbers.push(number);
            _spelling[id] = spelled;
        } catch {
            assertTrue(reuse, "fresh keys must tokenize");
        }
    }

    function acknowledge(uint256 seed) external {
        if (ids.length == 0) return;
        uint256 id = ids[seed % ids.length];
        vm.prank(DEBTOR);
        IReceivableToken.Receivable memory r = TOKEN.receivable(id);
        bytes32 pair = keccak256(abi.encode(r.issuerEntity, r.debtorEntity));
        try TOKEN.acknowledge(id, pair, _spelling[id], r.faceValue, r.dueDate) {
            ++succeeded;
        } catch {
            ++rejected;
        }
    }

    function pay(uint256 seed, uint128 amount) external {
        if (ids.length == 0) return;
        uint256 id = ids[seed % ids.length];
        uint256 outstanding = TOKEN.outstanding(id);
        amount = uint128(bound(amount, 1, outstanding + 10));
        vm.prank(DEBTOR);
        try TOKEN.pay(id, amount) {
            paidGhost += amount;
        } catch {
            ++rejected;
        }
    }

    function attest(uint256 seed, uint128 amount) external {
        if (ids.length == 0) return;
        uint256 id = ids[seed % ids.length];
        amount = uint128(bound(amount, 1, TOKEN.outstanding(id) + 10));
        vm.prank(SERVICER);
        try TOKEN.attestPayment(id, amount, bytes32(0)) {
            ++succeeded;
        } catch {
            ++rejected;
        }
    }

    function dispute(uint256 seed, bool withdraw) external {
        if (ids.length == 0) return;
        uint256 id = ids[seed % ids.length];
        vm.prank(DEBTOR);
        if (withdraw) {
            try TOKEN.withdrawDispute(id) {
                ++succeeded;
            } catch {
                ++rejected;
            }
        } else {
            try TOKEN.dispute(id, bytes32(seed)) {
                ++succeeded;
            } catch {
                ++rejected;
            }
        }
    }

    function transfer(uint256 seed, uint256 to) external {
        if (ids.length == 0) return;
        uint256 id = ids[seed % ids.length];
        address recipient = holders[to % holders.length];
        try TOKEN.ownerOf(id) returns (address owner) {
            vm.prank(owner);
            TOKEN.transferFrom(owner, recipient, id);
        } catch {
            ++rejected;
        }
    }

    function warp(uint32 by) external {
        // At most 5 days per call: identities (one year) stay valid over a whole run.
        vm.warp(block.timestamp + bound(by, 0, 5 days));
    }
}

contract ReceivableInvariantTest is ReceivableBase {
    ReceivableHandler internal handler;

    function setUp() public override {
        super.setUp();
        usd.mint(debtor, 1e18);
        handler = new ReceivableHandler(token, usd, sme, debtor, servicer);
        targetContract(address(handler));
    }

    function invariant_settledNeverExceedsFace() public view {
        uint256 n = handler.idCount();
        for (uint256 i; i < n; ++i) {
            IReceivableToken.Receivable memory r = token.receivable(handler.ids(i));
            assertLe(uint256(r.amountPaid) + r.amountAttested, r.faceValue);
        }
    }

    function invariant_holdersReceivedExactlyAmountPaid() public view {
        uint256 n = handler.idCount();
        uint256 sumPaid;
        for (uint256 i; i < n; ++i) sumPaid += token.receivable(handler.ids(i)).amountPaid;
        uint256 received;
        for (uint256 i; i < handler.holderCount(); ++i) received += usd.balanceOf(handler.holders(i));
        assertEq(received, sumPaid);
        assertEq(handler.paidGhost(), sumPaid);
    }

    function invariant_keysNeverReused() public view {
        assertEq(handler.duplicatesAccepted(), 0);
    }
}
