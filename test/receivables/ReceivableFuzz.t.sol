// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ReceivableBase} from "./ReceivableBase.sol";
import {MockCreditHistory} from "./ReceivableMocks.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";

/// @notice Fuzzed amounts, dates and payment sequences.
contract ReceivableFuzzTest is ReceivableBase {
    function setUp() public override {
        super.setUp();
        usd.mint(debtor, 1e18);
    }

    function testFuzz_pay_partialPaymentsNeverExceedFace(uint128 face, uint128[6] memory amounts) public {
        face = uint128(bound(face, 1, 1e15));
        uint256 id = _tokenize(sme, _params(face, DUE));
        uint128 total;
        for (uint256 i; i < amounts.length; ++i) {
            uint128 amount = uint128(bound(amounts[i], 0, uint256(face) * 2));
            uint128 outstanding = face - total;
            if (outstanding == 0) break;
            if (amount == 0) {
                vm.expectRevert(IReceivableToken.ReceivableZeroAmount.selector);
            } else if (amount > outstanding) {
                vm.expectRevert(
                    abi.encodeWithSelector(IReceivableToken.ReceivableOverpayment.selector, id, amount, outstanding)
                );
            } else {
                total += amount;
            }
            _pay(id, amount);
            assertLe(total, face);
            assertEq(usd.balanceOf(sme), total, "holder got exactly what was paid");
            assertEq(token.receivable(id).amountPaid, total);
        }
        bool paid = token.receivable(id).status == IReceivableToken.Status.Paid;
        assertEq(paid, total == face);
    }

    function testFuzz_payAndAttest_settledNeverExceedsFace(uint128 face, uint128 paid, uint128 attested) public {
        face = uint128(bound(face, 2, 1e15));
        paid = uint128(bound(paid, 1, face - 1));
        attested = uint128(bound(attested, 1, face));
        uint256 id = _tokenize(sme, _params(face, DUE));
        _pay(id, paid);
        if (attested > face - paid) {
            vm.expectRevert(
                abi.encodeWithSelector(IReceivableToken.ReceivableOverpayment.selector, id, attested, face - paid)
            );
        }
        vm.prank(servicer);
        token.attestPayment(id, attested, bytes32(0));
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertLe(uint256(r.amountPaid) + r.amountAttested, face);
        assertEq(r.amountPaid, paid);
        assertEq(usd.balanceOf(sme), paid);
    }

    function testFuzz_tokenize_dates(uint40 issueDate, uint40 dueDate) public {
        IReceivableToken.TokenizeParams memory p = _params(FACE, dueDate);
        p.issueDate = issueDate;
        if (issueDate > block.timestamp || dueDate <= block.timestamp) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IReceivableToken.ReceivableInvalidDates.selector,
                    issueDate,
                    dueDate,
                    block.timestamp
                )
            );
        }
        vm.prank(sme);
        token.tokenize(p);
    }

    function testFuzz_tokenize_faceValue(uint128 face) public {
        IReceivableToken.TokenizeParams memory p = _params(face, DUE);
        if (face == 0) vm.expectRevert(IReceivableToken.ReceivableZeroFaceValue.selector);
        else if (face > type(uint96).max) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IReceivableToken.ReceivableFaceValueTooLarge.selector,
                    face,
                    uint128(type(uint96).max)
                )
            );
        }
        vm.prank(sme);
        uint256 id = token.tokenize(p);
        if (face != 0 && face <= type(uint96).max) assertEq(token.receivable(id).faceValue, face);
    }

    function testFuzz_creditHistory_daysLateRoundedUp(uint256 delay) public {
        delay = bound(delay, 0, 3650 days);
        MockCreditHistory history = new MockCreditHistory();
        vm.prank(receivablesAdmin);
        token.setCreditHistory(address(history));
        uint256 id = _tokenize();
        vm.warp(uint256(DUE) + delay);
        _pay(id, FACE);
        MockCreditHistory.Entry memory e = history.entry(0);
        uint256 expected = (delay + 1 days - 1) / 1 days;
        assertEq(e.daysLate, expected);
        assertEq(uint8(e.outcome), uint8(delay == 0 ? ICreditHistory.Outcome.OnTime : ICreditHistory.Outcome.Late));
    }

    function testFuzz_applyCreditNote_bounds(uint128 paid, uint128 newFace) public {
        paid = uint128(bound(paid, 0, FACE - 1));
        newFace = uint128(bound(newFace, 0, uint256(FACE) + 1));
        uint256 id = _tokenize();
        if (paid > 0) _pay(id, paid);
        bytes memory sig = _signNote(debtorKey, id, newFace, bytes32(0), block.timestamp);
        if (newFace >= FACE || newFace < paid) {
            vm.expectRevert(
                abi.encodeWithSelector(IReceivableToken.ReceivableInvalidCreditNote.selector, id, newFace, FACE, paid)
            );
        }
        vm.prank(sme);
        token.applyCreditNote(id, newFace, bytes32(0), block.timestamp, sig);
        IReceivableToken.Receivable memory r = token.receivable(id);
        assertLe(uint256(r.amountPaid) + r.amountAttested, r.faceValue);
        if (newFace == paid && newFace < FACE) assertEq(uint8(r.status), uint8(IReceivableToken.Status.Paid));
    }
}
