// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SecurityBase} from "./SecurityBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";

/// @notice Finding F-21 (issue 20 item 7, was open item O-3): a pool loss is the SME's default on
/// its credit record, once per invoice, and its credit limit and loan auto-approval follow. Each
/// test failed on the code before the fix: a write-off recorded a default only while the debtor
/// still owed on chain, and kept attested money was never recorded.
contract SecurityCreditRecordsTest is SecurityBase {
    uint256 private constant GRACE = 5 days; // _poolPolicy().gracePeriod

    function _attest(uint256 id, uint128 amount) private {
        vm.prank(servicer);
        rcv.attestPayment(id, amount, keccak256(abi.encode("bank-ref", id, amount)));
    }

    function _dueDate(uint256 id) private view returns (uint256) {
        return rcv.receivable(id).dueDate;
    }

    function _writeOff(uint256 id) private {
        vm.warp(_dueDate(id) + 90 days);
        vm.prank(poolManager);
        pool.writeOff(id);
    }

    function _record() private view returns (ICreditHistory.CreditRecord memory) {
        return credit.recordOf(ACME);
    }

    /// A financed invoice the debtor paid in full to the SME by bank (attested), kept by the SME:
    /// the write-off books the SME's default of the attested money it owes the pool. The token had
    /// recorded the debtor's settlement on time; before the fix that was the invoice's only record.
    function test_writeOff_fullyAttestedKeptInvoiceRecordsSmeDefault() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        _attest(id, FACE);
        assertEq(uint8(rcv.receivable(id).status), uint8(IReceivableToken.Status.Paid), "the debtor owes nothing");
        uint256 owed = pool.assetOf(id).attestedOwedBySme;
        assertGt(owed, 0, "the SME owes the pool the attested money");
        assertEq(_record().receivablesOnTime, 1, "the token recorded the debtor's settlement");

        vm.warp(_dueDate(id) + 90 days);
        vm.expectEmit(address(pool));
        emit IFinancingPool.SmeDefaultRecorded(ACME, id, poolManager, owed, IFinancingPool.SmeDefaultReason.WrittenOff);
        vm.prank(poolManager);
        pool.writeOff(id);

        ICreditHistory.CreditRecord memory r = _record();
        assertEq(r.receivablesDefaulted, 1, "one default on the SME's record");
        assertEq(r.receivablesDefaultedVolume, owed, "the money the SME kept");
        assertTrue(pool.smeDefaultRecorded(id), "marked");
    }

    /// A write-off while the debtor still owes on chain (part attested and kept) books exactly one
    /// default: the token's, at face value, and the kept part is not booked a second time.
    function test_writeOff_partlyAttestedRecordsExactlyOneDefault() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        _attest(id, 1_000e6);
        _writeOff(id);
        ICreditHistory.CreditRecord memory r = _record();
        assertEq(r.receivablesDefaulted, 1, "one default");
        assertEq(r.receivablesDefaultedVolume, FACE, "booked by the token at face value");
        assertEq(uint8(rcv.receivable(id).status), uint8(IReceivableToken.Status.Defaulted), "token defaulted");
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolSmeDefaultAlreadyRecorded.selector, id));
        pool.recordKeptPayment(id);
    }

    /// Before the due date plus the grace period the permissionless call reverts by name with the
    /// time it opens and the time now; at that time it goes through.
    function test_recordKeptPayment_revertsBeforeDueDatePlusGrace() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        _attest(id, FACE);
        uint256 eligibleAt = _dueDate(id) + GRACE;
        vm.warp(eligibleAt - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolAssetNotLateEnough.selector, id, eligibleAt, eligibleAt - 1)
        );
        vm.prank(attacker);
        pool.recordKeptPayment(id);
        vm.warp(eligibleAt);
        vm.prank(attacker);
        pool.recordKeptPayment(id);
        assertEq(_record().receivablesDefaulted, 1);
    }

    /// After the due date plus grace anyone records the kept money once, with an event naming the
    /// SME's entity, the token, the amount and the reason; a second call reverts.
    function test_recordKeptPayment_recordsOnceSecondCallReverts() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        _attest(id, 2_000e6);
        uint256 owed = pool.assetOf(id).attestedOwedBySme;
        assertEq(owed, 2_000e6);
        vm.warp(_dueDate(id) + GRACE + 1 days);

        vm.expectEmit(address(credit));
        emit ICreditHistory.ReceivableRecorded(ACME, address(pool), owed, ICreditHistory.Outcome.Defaulted, 6);
        vm.expectEmit(address(pool));
        emit IFinancingPool.SmeDefaultRecorded(
            ACME,
            id,
            attacker,
            owed,
            IFinancingPool.SmeDefaultReason.KeptAttestedPayment
        );
        vm.prank(attacker);
        pool.recordKeptPayment(id);

        ICreditHistory.CreditRecord memory r = _record();
        assertEq(r.receivablesDefaulted, 1, "one default");
        assertEq(r.receivablesDefaultedVolume, owed, "the kept money");
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolSmeDefaultAlreadyRecorded.selector, id));
        vm.prank(bob);
        pool.recordKeptPayment(id);
    }

    /// Nothing attested, or everything attested remitted in time: nothing to record.
    function test_recordKeptPayment_revertsWhenNothingKept() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        (uint256 id2, ) = _financed(FACE, TENOR);
        _attest(id2, 1_000e6);
        vm.warp(_dueDate(id2) - 1 days);
        vm.prank(sme);
        pool.repay(id2, 1_000e6);
        assertEq(pool.assetOf(id2).attestedOwedBySme, 0, "remitted");
        vm.warp(_dueDate(id2) + GRACE);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNothingKeptBySme.selector, id));
        pool.recordKeptPayment(id);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNothingKeptBySme.selector, id2));
        pool.recordKeptPayment(id2);
    }

    /// The permissionless record first, the write-off later: still one default, whether the debtor
    /// owes nothing (fully attested) or still owes on chain (the token's status is left alone,
    /// its `markDefaulted` would book a second default).
    function test_writeOff_afterRecordKeptPayment_doesNotRecordAgain() public {
        _deposit(alice, 100_000e6);
        (uint256 full, ) = _financed(FACE, TENOR);
        (uint256 part, ) = _financed(FACE, TENOR);
        _attest(full, FACE);
        _attest(part, 1_000e6);
        vm.warp(_dueDate(part) + GRACE);
        pool.recordKeptPayment(full);
        pool.recordKeptPayment(part);
        assertEq(_record().receivablesDefaulted, 2, "one default per invoice");

        _writeOff(full);
        _writeOff(part);
        ICreditHistory.CreditRecord memory r = _record();
        assertEq(r.receivablesDefaulted, 2, "the write-offs record nothing more");
        assertEq(uint8(pool.assetOf(part).status), uint8(IFinancingPool.AssetStatus.WrittenOff), "written off");
        assertEq(uint8(rcv.receivable(part).status), uint8(IReceivableToken.Status.Acknowledged), "token untouched");
    }

    /// A remittance after the default is a recovery: the pool books it, the record stays.
    function test_repay_afterKeptPaymentDefault_recordStays() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        _attest(id, FACE);
        vm.warp(_dueDate(id) + GRACE);
        pool.recordKeptPayment(id);
        uint256 owed = pool.assetOf(id).attestedOwedBySme;
        vm.prank(sme);
        pool.repay(id, owed);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid), "remitted in full");
        ICreditHistory.CreditRecord memory r = _record();
        assertEq(r.receivablesDefaulted, 1, "a late default is still a default");
        assertEq(r.receivablesDefaultedVolume, owed);
    }

    /// "With its credit limit and auto-approval following": an SME with five invoices paid on time
    /// has the full limit L = 50,000 and a 45,000 loan request is auto-approved. It then keeps a
    /// financed invoice's attested payment past the due date plus grace; once recorded, its limit
    /// drops below 45,000 and the same request waits for an underwriter.
    function test_creditLimit_keptAttestedPaymentDropsLimitAndAutoApproval() public {
        for (uint256 i; i < 5; ++i) {
            uint256 paid = _acknowledged(sme, FACE, TENOR);
            _pay(paid, FACE);
        }
        assertEq(credit.scoreOf(ACME), 1000, "a perfect history");
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        _attest(id, FACE); // the debtor paid the SME by bank, on time; the token records it
        vm.warp(_dueDate(id) + GRACE);
        uint256 limitBefore = credit.creditLimitOf(ACME);
        assertEq(limitBefore, 50_000e6, "L: the base limit");

        uint256 snap = vm.snapshotState();
        vm.prank(sme);
        uint256 loanId = loans.request(_loanParams(45_000e6, 6));
        assertEq(uint8(loans.loan(loanId).status), uint8(ILoanManager.Status.Funding), "auto-approved before");
        vm.revertToState(snap);

        pool.recordKeptPayment(id);
        // Six on time and one default, 5 days late: score 1000 -> 856, limit 50,000 -> 42,800.
        assertEq(credit.scoreOf(ACME), 856, "the score drops");
        assertEq(credit.creditLimitOf(ACME), 42_800e6, "the limit drops below the request");
        vm.prank(sme);
        loanId = loans.request(_loanParams(45_000e6, 6));
        assertEq(uint8(loans.loan(loanId).status), uint8(ILoanManager.Status.Pending), "now waits for an underwriter");
    }
}
