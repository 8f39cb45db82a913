// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {LoanCalculator} from "../../contracts/loans/LoanCalculator.sol";
import {LoanMath} from "../../contracts/loans/LoanMath.sol";
import {LoanProgress} from "../../contracts/loans/LoanProgress.sol";

/// @dev Holds one loan in storage and runs the library on it, as the manager does.
contract LoanProgressHarness {
    using LoanProgress for ILoanManager.Loan;

    ILoanManager.Loan internal _ln;

    function set(ILoanManager.Loan calldata ln) external {
        _ln = ln;
    }

    function get() external view returns (ILoanManager.Loan memory) {
        return _ln;
    }

    function progressOf() external view returns (LoanMath.Progress memory) {
        return _ln.progressOf();
    }

    function store(LoanMath.Progress calldata s) external {
        _ln.store(s);
    }

    function latenessAt(uint256 nowT) external view returns (uint256) {
        return _ln.latenessAt(nowT);
    }

    function principalRepaid() external view returns (uint256) {
        return _ln.principalRepaid(1);
    }
}

contract LoanProgressTest is Test {
    uint40 internal constant START = 1_800_000_000;

    LoanProgressHarness internal h;
    LoanCalculator internal calc;

    function setUp() public {
        h = new LoanProgressHarness();
        calc = new LoanCalculator();
    }

    function _loan(
        Schedule.Kind kind,
        uint16 rateBps,
        uint16 count
    ) internal pure returns (ILoanManager.Loan memory ln) {
        ln.terms = Schedule.Terms({
            principal: 12_000e6,
            start: START,
            period: 30 days,
            rateBps: rateBps,
            count: count,
            graceCount: 0,
            kind: kind
        });
        ln.status = ILoanManager.Status.Active;
        ln.feesAccruedTo = START;
    }

    function test_progressOf_storageAndCopyReadTheSameFields() public {
        ILoanManager.Loan memory ln = _loan(Schedule.Kind.Amortizing, 1_200, 12);
        ln.head = 3;
        ln.headPaid = 7;
        ln.prepaid = 11;
        ln.feesOwed = 13;
        ln.feesAccruedTo = START + 17;
        ln.maxDaysLate = 19;
        h.set(ln);
        LoanMath.Progress memory a = h.progressOf();
        LoanMath.Progress memory b = LoanProgress.progressOfCopy(ln);
        assertEq(abi.encode(a), abi.encode(b), "one layout");
        assertEq(a.head, 3);
        assertEq(a.headPaid, 7);
        assertEq(a.prepaid, 11);
        assertEq(a.fees, 13);
        assertEq(a.feesAccruedTo, START + 17);
        assertEq(a.maxDaysLate, 19);
    }

    function test_store_roundTripsAndSaturatesDaysLate() public {
        h.set(_loan(Schedule.Kind.Amortizing, 1_200, 12));
        LoanMath.Progress memory s = LoanMath.Progress({
            head: 5,
            headPaid: 100,
            prepaid: 200,
            fees: 300,
            feesAccruedTo: START + 400,
            maxDaysLate: 1e9
        });
        h.store(s);
        LoanMath.Progress memory r = h.progressOf();
        assertEq(r.head, 5);
        assertEq(r.headPaid, 100);
        assertEq(r.prepaid, 200);
        assertEq(r.fees, 300);
        assertEq(r.feesAccruedTo, START + 400);
        assertEq(r.maxDaysLate, type(uint16).max, "saturates");
        assertEq(h.get().terms.principal, 12_000e6, "terms untouched");
    }

    function test_store_revertsWhenFeesOverflowTheField() public {
        h.set(_loan(Schedule.Kind.Amortizing, 1_200, 12));
        LoanMath.Progress memory s;
        s.fees = uint256(type(uint96).max) + 1;
        vm.expectRevert(
            abi.encodeWithSelector(SafeCast.SafeCastOverflowedUintDowncast.selector, 96, uint256(type(uint96).max) + 1)
        );
        h.store(s);
    }

    function test_latenessOfHead_countsWholeDaysPastTheHeadRow() public pure {
        Schedule.Terms memory t = _loan(Schedule.Kind.Amortizing, 1_200, 12).terms;
        uint256 due1 = START + 2 * 30 days;
        assertEq(LoanProgress.latenessOfHead(t, 1, due1 - 1), 0, "before due");
        assertEq(LoanProgress.latenessOfHead(t, 1, due1 + 3 days + 1), 3, "3 days");
        assertEq(LoanProgress.latenessOfHead(t, 12, due1 + 300 days), 0, "closed");
    }

    function test_latenessAt_bulletCheckpointsAreNeverLate() public {
        h.set(_loan(Schedule.Kind.Bullet, 1_200, 3));
        uint256 maturity = START + 3 * 30 days;
        assertEq(h.latenessAt(START + 30 days + 20 days), 0, "a checkpoint owes nothing");
        assertEq(h.latenessAt(maturity + 2 days), 2, "maturity");
    }

    /// The library's lateness is the calculator's for every kind and rate.
    function testFuzz_latenessAt_matchesTheCalculator(uint8 kind, uint16 rateBps, uint16 head, uint32 dt) public {
        ILoanManager.Loan memory ln = _loan(
            Schedule.Kind(kind % 3),
            uint16(bound(rateBps, 0, Schedule.MAX_RATE_BPS)),
            12
        );
        ln.head = uint16(bound(head, 0, 12));
        h.set(ln);
        uint256 nowT = uint256(START) + dt;
        assertEq(h.latenessAt(nowT), calc.daysLate(ln.terms, ln.head, 0, nowT));
    }

    function test_principalRepaid_byStatus() public {
        ILoanManager.Loan memory ln = _loan(Schedule.Kind.Amortizing, 1_200, 12);
        ln.status = ILoanManager.Status.None;
        h.set(ln);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotFound.selector, 1));
        h.principalRepaid();
        ln.status = ILoanManager.Status.Funding;
        h.set(ln);
        assertEq(h.principalRepaid(), 0, "not drawn");
        ln.status = ILoanManager.Status.Repaid;
        h.set(ln);
        assertEq(h.principalRepaid(), 12_000e6, "repaid");
        ln.status = ILoanManager.Status.Active;
        ln.head = 1;
        h.set(ln);
        (, uint256 p, ) = Schedule.installment(ln.terms, 0);
        assertEq(h.principalRepaid(), p, "first row");
        ln.status = ILoanManager.Status.Defaulted;
        h.set(ln);
        assertEq(h.principalRepaid(), p, "defaulted keeps what was repaid");
    }
}
