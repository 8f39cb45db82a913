// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessBase} from "../access/AccessBase.sol";
import {CreditHistory} from "../../contracts/credit/CreditHistory.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {Roles} from "../../contracts/access/Roles.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";

contract CreditHistoryTest is AccessBase {
    bytes32 internal constant CO = keccak256("entity:co");
    uint256 internal constant BASE_LIMIT = 50_000e6;

    CreditHistory internal credit;
    address internal recorder = makeAddr("recorder");

    function setUp() public override {
        super.setUp();
        credit = new CreditHistory(address(manager), BASE_LIMIT);
        _wire(address(credit), ICreditHistory.setBaseLimit.selector, Roles.POLICY_ADMIN);
        vm.prank(admin);
        credit.setRecorder(recorder, true);
    }

    /// @dev A loan drawn down a full SEASONING ago: credited at its whole principal.
    function _loan(ICreditHistory.Outcome o, uint256 principal, uint32 late) internal {
        _loanHeld(o, principal, late, 30 days);
    }

    function _loanHeld(ICreditHistory.Outcome o, uint256 principal, uint32 late, uint256 held) internal {
        vm.prank(recorder);
        credit.recordLoan(CO, principal, block.timestamp - held, o, late);
    }

    function _receivable(ICreditHistory.Outcome o, uint256 face, uint32 late) internal {
        vm.prank(recorder);
        credit.recordReceivable(CO, face, o, late);
    }

    /// @dev The documented formula, written independently.
    function _expectedScore(
        uint256 onTime,
        uint256 late,
        uint256 defaulted,
        uint256 daysLate
    ) internal pure returns (uint256) {
        uint256 n = onTime + late + defaulted;
        if (n == 0) return 0;
        uint256 quality = (1000 * (2 * onTime + late)) / (2 * n);
        uint256 penalty = (2 * daysLate) / n;
        if (penalty > quality) penalty = quality;
        return ((quality - penalty) * (n < 5 ? n : 5)) / 5;
    }

    function test_scoreOf_zeroWithoutHistory() public view {
        assertEq(credit.scoreOf(CO), 0);
        assertEq(credit.creditLimitOf(CO), 0);
    }

    function test_scoreOf_perfectAfterFiveOnTime() public {
        for (uint256 n = 0; n < 5; ++n) _loan(ICreditHistory.Outcome.OnTime, 20_000e6, 0);
        assertEq(credit.scoreOf(CO), 1000);
        assertEq(credit.creditLimitOf(CO), BASE_LIMIT);
    }

    function test_creditLimitOf_cappedByRepaidVolumeNetOfDefaults() public {
        _receivable(ICreditHistory.Outcome.OnTime, 3_000e6, 0);
        _loan(ICreditHistory.Outcome.OnTime, 2_000e6, 0);
        // score = 1000 · 2/5 = 400 → 20,000 by score, capped by 5,000 repaid.
        assertEq(credit.scoreOf(CO), 400);
        assertEq(credit.creditLimitOf(CO), 5_000e6);
        _loan(ICreditHistory.Outcome.Defaulted, 1_000e6, 60);
        // n = 3: quality = 1000·4/6 = 666, penalty = 120/3 = 40, score = 626·3/5 = 375.
        assertEq(credit.scoreOf(CO), 375);
        assertEq(credit.creditLimitOf(CO), 4_000e6);
    }

    function test_recordOf_countsAndVolumes() public {
        _receivable(ICreditHistory.Outcome.Late, 7e6, 4);
        _loan(ICreditHistory.Outcome.Late, 9e6, 2);
        _loan(ICreditHistory.Outcome.Defaulted, 5e6, 61);
        ICreditHistory.CreditRecord memory r = credit.recordOf(CO);
        assertEq(r.receivablesLate, 1);
        assertEq(r.loansLate, 1);
        assertEq(r.loansDefaulted, 1);
        assertEq(r.totalDaysLate, 67);
        assertEq(r.receivablesRepaidVolume, 7e6);
        assertEq(r.loansCreditedVolume, 9e6);
        assertEq(r.loansDefaultedVolume, 5e6);
    }

    function test_recordLoan_emitsEvent() public {
        vm.expectEmit(address(credit));
        emit ICreditHistory.LoanRecorded(CO, recorder, 1e6, 30 days, 1e6, ICreditHistory.Outcome.OnTime, 0);
        _loan(ICreditHistory.Outcome.OnTime, 1e6, 0);
    }

    function test_recordLoan_revertsForNonRecorder() public {
        vm.expectRevert(abi.encodeWithSelector(ICreditHistory.CreditNotRecorder.selector, stranger));
        vm.prank(stranger);
        credit.recordLoan(CO, 1, START, ICreditHistory.Outcome.OnTime, 0);
    }

    function test_recordReceivable_revertsForNonRecorder() public {
        vm.expectRevert(abi.encodeWithSelector(ICreditHistory.CreditNotRecorder.selector, stranger));
        vm.prank(stranger);
        credit.recordReceivable(CO, 1, ICreditHistory.Outcome.OnTime, 0);
    }

    function test_recordLoan_revertsOnZeroEntity() public {
        vm.expectRevert(ICreditHistory.CreditZeroEntity.selector);
        vm.prank(recorder);
        credit.recordLoan(bytes32(0), 1, START, ICreditHistory.Outcome.OnTime, 0);
    }

    function test_recordReceivable_revertsOnZeroEntity() public {
        vm.expectRevert(ICreditHistory.CreditZeroEntity.selector);
        vm.prank(recorder);
        credit.recordReceivable(bytes32(0), 1, ICreditHistory.Outcome.OnTime, 0);
    }

    function test_recordReceivable_defaultCountsAndVolumeAndEvent() public {
        vm.expectEmit(address(credit));
        emit ICreditHistory.ReceivableRecorded(CO, recorder, 4e6, ICreditHistory.Outcome.Defaulted, 30);
        _receivable(ICreditHistory.Outcome.Defaulted, 4e6, 30);
        ICreditHistory.CreditRecord memory r = credit.recordOf(CO);
        assertEq(r.receivablesDefaulted, 1);
        assertEq(r.receivablesDefaultedVolume, 4e6);
        assertEq(r.receivablesRepaidVolume, 0);
        assertEq(r.totalDaysLate, 30);
        // n = 1: quality 0, so score and limit are 0.
        assertEq(credit.scoreOf(CO), 0);
        assertEq(credit.creditLimitOf(CO), 0);
    }

    function test_creditLimitOf_zeroWhenDefaultsReachRepaidVolume() public {
        _receivable(ICreditHistory.Outcome.OnTime, 3e6, 0);
        _receivable(ICreditHistory.Outcome.OnTime, 3e6, 0);
        _receivable(ICreditHistory.Outcome.Defaulted, 6e6, 10);
        // n = 3: quality = 1000·4/6 = 666, penalty = 20/3 = 6, score = 660·3/5 = 396 > 0, yet
        // defaulted (6e6) >= repaid (6e6) leaves no credit.
        assertEq(credit.scoreOf(CO), 396);
        assertEq(credit.creditLimitOf(CO), 0);
    }

    function test_recordReceivable_saturatesHugeVolume() public {
        _receivable(ICreditHistory.Outcome.OnTime, type(uint256).max, 0);
        _receivable(ICreditHistory.Outcome.OnTime, type(uint256).max, type(uint32).max);
        assertEq(credit.recordOf(CO).receivablesRepaidVolume, type(uint64).max);
    }

    function test_recordOf_daysLateSaturatePerKindAndAdd() public {
        _receivable(ICreditHistory.Outcome.Late, 1e6, type(uint32).max);
        _receivable(ICreditHistory.Outcome.Late, 1e6, 5);
        assertEq(credit.recordOf(CO).totalDaysLate, type(uint32).max, "receivable days late saturate");
        vm.prank(recorder);
        credit.recordLoan(CO, 1e6, START, ICreditHistory.Outcome.Late, 7);
        assertEq(credit.recordOf(CO).totalDaysLate, uint64(type(uint32).max) + 7, "kinds add in the view");
    }

    function test_setRecorder_revertsForStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        credit.setRecorder(stranger, true);
    }

    function test_setRecorder_revertsOnZero() public {
        vm.expectRevert(ICreditHistory.CreditZeroRecorder.selector);
        vm.prank(admin);
        credit.setRecorder(address(0), true);
    }

    function test_setRecorder_revokes() public {
        vm.prank(admin);
        credit.setRecorder(recorder, false);
        assertFalse(credit.isRecorder(recorder));
    }

    function test_setBaseLimit_revertsForStranger() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, stranger));
        vm.prank(stranger);
        credit.setBaseLimit(1);
    }

    function test_setBaseLimit_afterPolicyDelay() public {
        bytes memory call = abi.encodeCall(ICreditHistory.setBaseLimit, (1e6));
        vm.prank(policyAdmin);
        manager.schedule(address(credit), call, 0);
        vm.warp(block.timestamp + POLICY_DELAY);
        vm.prank(policyAdmin);
        manager.execute(address(credit), call);
        assertEq(credit.baseLimit(), 1e6);
    }

    function testFuzz_scoreOf_matchesFormulaAndBounded(uint8 onTime, uint8 late, uint8 defaulted, uint16 days_) public {
        onTime = uint8(bound(onTime, 0, 12));
        late = uint8(bound(late, 0, 12));
        defaulted = uint8(bound(defaulted, 0, 12));
        uint256 totalDays;
        for (uint256 n = 0; n < onTime; ++n) _receivable(ICreditHistory.Outcome.OnTime, 1e6, 0);
        for (uint256 n = 0; n < late; ++n) {
            _loan(ICreditHistory.Outcome.Late, 1e6, days_);
            totalDays += days_;
        }
        for (uint256 n = 0; n < defaulted; ++n) _loan(ICreditHistory.Outcome.Defaulted, 1e6, 0);
        uint256 score = credit.scoreOf(CO);
        assertLe(score, 1000);
        assertEq(score, _expectedScore(onTime, late, defaulted, totalDays));
        uint256 limit = credit.creditLimitOf(CO);
        uint256 repaid = (uint256(onTime) + late) * 1e6;
        uint256 lost = uint256(defaulted) * 1e6;
        assertLe(limit, (BASE_LIMIT * score) / 1000);
        assertLe(limit, repaid > lost ? repaid - lost : 0);
    }

    function testFuzz_scoreOf_lateNeverBeatsOnTime(uint8 count, uint16 days_) public {
        count = uint8(bound(count, 1, 20));
        bytes32 other = keccak256("entity:other");
        for (uint256 n = 0; n < count; ++n) {
            _loan(ICreditHistory.Outcome.OnTime, 1e6, 0);
            vm.prank(recorder);
            credit.recordLoan(other, 1e6, block.timestamp - 30 days, ICreditHistory.Outcome.Late, days_);
        }
        assertGe(credit.scoreOf(CO), credit.scoreOf(other));
    }

    // ---------------------------------------------------------------- F-17: credit by time at risk

    function test_recordLoan_repaidInFirstBlockAddsNothing() public {
        _receivable(ICreditHistory.Outcome.OnTime, 1_000e6, 0);
        ICreditHistory.CreditRecord memory before = credit.recordOf(CO);
        vm.expectEmit(address(credit));
        emit ICreditHistory.LoanRecorded(CO, recorder, 40_000e6, 0, 0, ICreditHistory.Outcome.OnTime, 0);
        _loanHeld(ICreditHistory.Outcome.OnTime, 40_000e6, 0, 0);
        ICreditHistory.CreditRecord memory r = credit.recordOf(CO);
        assertEq(r.loansOnTime, before.loansOnTime, "no count");
        assertEq(r.loansCreditedVolume, 0, "no volume");
        assertEq(credit.scoreOf(CO), 200, "score unchanged");
        assertEq(credit.creditLimitOf(CO), 1_000e6, "limit unchanged");
    }

    function test_creditLimit_sameBlockRoundTripsAddNothing() public {
        _receivable(ICreditHistory.Outcome.OnTime, 1_000e6, 0);
        for (uint256 k = 0; k < 6; ++k) {
            _loanHeld(ICreditHistory.Outcome.OnTime, credit.creditLimitOf(CO), 0, 0);
        }
        assertEq(credit.creditLimitOf(CO), 1_000e6);
        assertEq(credit.scoreOf(CO), 200);
    }

    function test_recordLoan_creditsPrincipalByTimeOutstanding() public {
        vm.expectEmit(address(credit));
        emit ICreditHistory.LoanRecorded(CO, recorder, 30_000e6, 10 days, 10_000e6, ICreditHistory.Outcome.OnTime, 0);
        _loanHeld(ICreditHistory.Outcome.OnTime, 30_000e6, 0, 10 days);
        ICreditHistory.CreditRecord memory r = credit.recordOf(CO);
        assertEq(r.loansCreditedVolume, 10_000e6, "a third of the principal for a third of SEASONING");
        assertEq(r.loansOnTime, 0, "counted only once seasoned");
        _loanHeld(ICreditHistory.Outcome.OnTime, 30_000e6, 0, 90 days);
        r = credit.recordOf(CO);
        assertEq(r.loansCreditedVolume, 40_000e6, "capped at the principal after SEASONING");
        assertEq(r.loansOnTime, 1);
    }

    function test_recordLoan_lateAndDefaultCountWhateverTheTime() public {
        _loanHeld(ICreditHistory.Outcome.Late, 5e6, 3, 0);
        _loanHeld(ICreditHistory.Outcome.Defaulted, 7e6, 61, 0);
        ICreditHistory.CreditRecord memory r = credit.recordOf(CO);
        assertEq(r.loansLate, 1);
        assertEq(r.loansDefaulted, 1);
        assertEq(r.loansDefaultedVolume, 7e6, "a default books the whole principal");
        assertEq(r.totalDaysLate, 64);
    }

    function test_recordLoan_futureDrawdownCountsAsNoTime() public {
        vm.prank(recorder);
        credit.recordLoan(CO, 1e6, block.timestamp + 1 days, ICreditHistory.Outcome.OnTime, 0);
        assertEq(credit.recordOf(CO).loansCreditedVolume, 0);
    }

    /// The limit can at most double per SEASONING through loans: auto-approval keeps open principal
    /// within the limit, and a loan credits at most its principal per SEASONING.
    function testFuzz_creditLimit_loansAtLimitAtMostDoublePerSeasoning(uint256 held, uint8 rounds) public {
        held = bound(held, 0, 30 days);
        rounds = uint8(bound(rounds, 1, 12));
        _receivable(ICreditHistory.Outcome.OnTime, 1_000e6, 0);
        for (uint256 k = 0; k < rounds; ++k) {
            vm.warp(block.timestamp + held);
            _loanHeld(ICreditHistory.Outcome.OnTime, credit.creditLimitOf(CO), 0, held);
        }
        // Each round adds at most limit · held / SEASONING: limit ≤ 1,000 · (1 + held / SEASONING)^rounds.
        uint256 bound_ = 1_000e6;
        for (uint256 k = 0; k < rounds; ++k) bound_ += (bound_ * held) / 30 days;
        assertLe(credit.creditLimitOf(CO), bound_);
        if (held == 0) assertEq(credit.creditLimitOf(CO), 1_000e6, "no time, no credit");
    }
}
