// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/console.sol";
import {ReceivableBase} from "./ReceivableBase.sol";
import {MockCreditHistory} from "./ReceivableMocks.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";

/// @notice Gas per user action as a transaction would pay it: 21,000 + calldata + execution
/// (`vm.lastCallGas`). Steady state: setUp (its own transaction) leaves the SME holding invoices,
/// the holder holding the currency and the debtor with a finite allowance; each test's first
/// touch of any slot is therefore cold, as in a real transaction. Run with
/// `--build-profile production` for the reported numbers.
contract ReceivableGasTest is ReceivableBase {
    // Raised from 150,000 and 110,000: the number is canonicalized on chain and emitted as a
    // string (F-9, ~+2,400 and ~+3,800), and each identity check reads its provider's suspension
    // flag (F-19: one cold slot for the issuer's provider, ~+2,400). Tightened to the issue's
    // bounds (bench: 156,003 and 113,193), then to the bench once each party is verified with one
    // registry call, `verifiedEntity` (issue 21: 154,154 and 112,095).
    uint256 internal constant TOKENIZE_CEILING = 154_154;
    uint256 internal constant BATCH_CEILING_PER_INVOICE = 112_095;
    // The issue's rule: 5 % above 44,789 (the acknowledgement before F-9). The signed path takes
    // the entity pair and the canonical number from the caller: no registry call, no
    // canonicalization, and the currency is read from the duplicate key's slot.
    uint256 internal constant ACK_CEILING = 47_028;
    uint256 internal constant PAY_CEILING = 90_000;

    uint256 internal issuedId;
    uint256 internal ackedId;

    function setUp() public virtual override {
        super.setUp();
        for (uint256 i; i < 3; ++i) _tokenize();
        issuedId = _tokenize();
        ackedId = _acknowledged();
        usd.mint(sme, 1e6);
        vm.prank(debtor);
        usd.approve(address(token), 100_000_000e6);
    }

    function _txGas(bytes memory data) internal view returns (uint256 total) {
        total = 21_000 + vm.lastCallGas().gasTotalUsed;
        for (uint256 i; i < data.length; ++i) total += data[i] == 0 ? 4 : 16;
    }

    function test_gas_tokenize() public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, DUE);
        vm.prank(sme);
        token.tokenize(p);
        uint256 gas = _txGas(abi.encodeCall(token.tokenize, (p)));
        console.log("tokenize (tx gas):", gas);
        assertLe(gas, TOKENIZE_CEILING);
    }

    function test_gas_tokenizeBatchOf20() public {
        IReceivableToken.TokenizeParams[] memory ps = new IReceivableToken.TokenizeParams[](20);
        for (uint256 i; i < 20; ++i) ps[i] = _params(FACE, DUE);
        vm.prank(sme);
        token.tokenizeBatch(ps);
        uint256 gas = _txGas(abi.encodeCall(token.tokenizeBatch, (ps)));
        console.log("tokenizeBatch of 20 (tx gas):", gas);
        console.log("tokenizeBatch per invoice:", gas / 20);
        assertLe(gas / 20, BATCH_CEILING_PER_INVOICE);
    }

    function test_gas_acknowledgeWithSignature() public {
        uint256 deadline = block.timestamp + 1 days;
        // Built without calling the token so that no slot is warmed before the measured call.
        bytes32 digest = _ackDigest(issuedId, canonicalOf[issuedId], address(usd), FACE, DUE, 0, deadline);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(debtorKey, digest);
        bytes memory sig = abi.encodePacked(r, s, v);
        vm.prank(relayer);
        string memory number = canonicalOf[issuedId];
        token.acknowledgeWithSignature(issuedId, PAIR, number, deadline, sig);
        uint256 gas = _txGas(abi.encodeCall(token.acknowledgeWithSignature, (issuedId, PAIR, number, deadline, sig)));
        console.log("acknowledgeWithSignature (tx gas):", gas);
        assertLe(gas, ACK_CEILING);
    }

    /// The debtor's own call: no signature, but the number is canonicalized on chain.
    function test_gas_acknowledge() public {
        string memory number = numberOf[issuedId];
        vm.prank(debtor);
        token.acknowledge(issuedId, PAIR, number, FACE, DUE);
        uint256 gas = _txGas(abi.encodeCall(token.acknowledge, (issuedId, PAIR, number, FACE, DUE)));
        console.log("acknowledge (tx gas):", gas);
        assertLe(gas, ACK_CEILING);
    }

    function test_gas_payInFull() public {
        vm.prank(debtor);
        token.pay(ackedId, FACE);
        uint256 gas = _txGas(abi.encodeCall(token.pay, (ackedId, FACE)));
        console.log(_payLabel(), gas);
        assertLe(gas, _payCeiling());
    }

    function test_gas_payPartial() public {
        vm.prank(debtor);
        token.pay(ackedId, FACE / 2);
        uint256 gas = _txGas(abi.encodeCall(token.pay, (ackedId, FACE / 2)));
        console.log("pay partial, first payment (tx gas):", gas);
    }

    function _payCeiling() internal pure virtual returns (uint256) {
        return PAY_CEILING;
    }

    function _payLabel() internal view virtual returns (string memory) {
        return "pay in full, no credit history (tx gas):";
    }
}

/// @notice Same measurements with a credit-history recorder set (a settlement writes one record).
contract ReceivableGasWithHistoryTest is ReceivableGasTest {
    function setUp() public override {
        super.setUp();
        MockCreditHistory history = new MockCreditHistory();
        vm.prank(receivablesAdmin);
        token.setCreditHistory(address(history));
        // One record already written, so the mock's array slot is not fresh (steady state).
        uint256 id = _tokenize();
        _pay(id, FACE);
    }

    /// @dev The ceiling binds with no recorder set; with one, the recorder's own writes (here the
    /// mock's three fresh slots per record) come on top and are only reported.
    function _payCeiling() internal pure override returns (uint256) {
        return type(uint256).max;
    }

    function _payLabel() internal pure override returns (string memory) {
        return "pay in full, with credit history (mock recorder) (tx gas):";
    }
}
