// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Vm} from "forge-std/Vm.sol";
import {SecurityBase} from "./SecurityBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Findings F-8 and F-10 to F-15 (issue 20): each test states the property and failed on
/// the code before its fix (see THREAT_MODEL.md).
contract SecurityPoolFindingsTest is SecurityBase {
    bytes32 private constant NEW_CO = keccak256("entity:acme-rekeyed");

    /// @dev A loan of `principal` funded wholly by the pool and drawn down by the SME.
    function _poolLoan(uint128 principal, uint16 count) private returns (uint256 id) {
        id = _fundingLoan(principal, count);
        vm.prank(poolManager);
        pool.fundLoan(address(loans), id, principal);
        vm.prank(sme);
        loans.drawdown(id);
    }

    function _repayLoan(uint256 id, uint256 amount) private {
        usd.mint(sme, amount);
        vm.startPrank(sme);
        usd.approve(address(loans), amount);
        loans.repay(id, amount);
        vm.stopPrank();
    }

    function _payoff(uint256 id) private {
        (, , , uint256 total) = lens.payoffQuote(id);
        _repayLoan(id, total);
    }

    // ---------------------------------------------------------------- F-10

    /// A deposit just before the claim of a repaid pool-funded loan and a redeem just after earn
    /// nothing: the interest reaches NAV over the unlock window (was +28,614 on a 200k loan).
    function test_pool_loanClaimSandwich_noProfit() public {
        _deposit(alice, 500_000e6);
        uint256 id = _poolLoan(200_000e6, 6);
        vm.warp(block.timestamp + 200 days); // late: interest and late fees pile up
        _payoff(id);
        uint256 amount = 1_000_000e6;
        uint256 shares = _deposit(attacker, amount);
        pool.claimLoan(address(loans), id);
        vm.prank(attacker);
        uint256 back = pool.redeem(shares, attacker, attacker);
        assertLe(back, amount, "no profit from sandwiching a loan claim");
        assertGt(pool.lockedIncome(), 0, "the claim's income is locked");
    }

    /// A recovery after a write-off lands locked, so sandwiching the debtor's late payment earns
    /// nothing (was +63,756 in the same set-up; THREAT_MODEL had called it accepted).
    function test_pool_recoverySandwich_noProfit() public {
        _deposit(alice, 500_000e6);
        (uint256 id, ) = _financed(200_000e6, TENOR);
        vm.warp(block.timestamp + TENOR + 91 days);
        vm.prank(poolManager);
        pool.writeOff(id);
        uint256 amount = 1_000_000e6;
        uint256 shares = _deposit(attacker, amount);
        usd.mint(debtor, 200_000e6);
        _pay(id, 200_000e6);
        vm.prank(attacker);
        uint256 back = pool.redeem(shares, attacker, attacker);
        assertLe(back, amount, "no profit from sandwiching a recovery");
    }

    // ---------------------------------------------------------------- F-11

    /// A loan its manager marked defaulted reaches the exit price through anyone's call: a leaver
    /// cannot exit at cost before the pool manager acts.
    function test_pool_loanDefault_anyoneRevaluesBeforeAnExit() public {
        _deposit(alice, 100_000e6);
        _deposit(bob, 100_000e6);
        uint256 id = _poolLoan(50_000e6, 3);
        vm.warp(block.timestamp + 200 days);
        vm.prank(underwriter);
        loans.markDefaulted(id);
        uint256 priceBefore = pool.convertToAssets(1e12);
        vm.prank(attacker);
        pool.revalueLoan(address(loans), id);
        assertLt(pool.convertToAssets(1e12), priceBefore, "the exit price carries the loss");
        assertEq(uint8(pool.loanPosition(address(loans), id).status), uint8(IFinancingPool.LoanStatus.WrittenOff));
    }

    // ---------------------------------------------------------------- F-12

    /// After the KYC provider re-keys the SME between a pool loan and an invoice, the invoice's
    /// settlement releases exposure from the loan's entity; claiming the loan then underflowed
    /// (panic 0x11) and the pool's repayments stayed in escrow.
    function test_pool_loanClaimAfterSmeReKeyed_neverPanics() public {
        _deposit(alice, 200_000e6);
        uint256 loanId = _poolLoan(30_000e6, 3);
        _verifyAs(sme, PartyRoles.SME, NEW_CO);
        (uint256 invoiceId, ) = _financed(50_000e6, TENOR);
        _verifyAs(sme, PartyRoles.SME, ACME);
        usd.mint(debtor, 50_000e6);
        _pay(invoiceId, 50_000e6);
        _payoff(loanId);
        uint256 cash = usd.balanceOf(address(pool));
        pool.claimLoan(address(loans), loanId);
        assertGt(usd.balanceOf(address(pool)), cash, "the repayment reached the pool");
        assertEq(uint8(pool.loanPosition(address(loans), loanId).status), uint8(IFinancingPool.LoanStatus.Closed));
    }

    // ---------------------------------------------------------------- F-13

    /// A revoked investor still queues, cancels and claims its own redemption: KYC cannot freeze
    /// an exit (requestRedeem used to revert PoolNotVerified).
    function test_pool_revokedInvestor_requestsCancelsAndClaims() public {
        uint256 shares = _deposit(alice, 20_000e6);
        (uint256 id, ) = _financed(20_000e6, TENOR); // leaves 2,000 of cash
        vm.prank(kyc);
        registry.revoke(alice, keccak256("expired"));
        vm.startPrank(alice);
        queue.requestRedeem(shares / 2, alice, alice);
        assertEq(queue.cancelRedeemRequest(alice), shares / 2);
        queue.requestRedeem(pool.balanceOf(alice), alice, alice);
        vm.stopPrank();
        usd.mint(debtor, 20_000e6);
        _pay(id, 20_000e6);
        uint256 before = usd.balanceOf(alice);
        uint256 claimable = queue.maxRedeem(alice);
        vm.prank(alice);
        queue.redeem(claimable, alice, alice);
        assertGt(usd.balanceOf(alice), before, "the revoked investor exited to its own wallet");
    }

    /// Naming another controller hands it the claim, a transfer: a revoked owner cannot.
    function test_pool_revokedInvestor_cannotRequestForAnotherController() public {
        uint256 shares = _deposit(alice, 20_000e6);
        vm.prank(kyc);
        registry.revoke(alice, keccak256("expired"));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, alice, PartyRoles.INVESTOR));
        queue.requestRedeem(shares, bob, alice);
    }

    // ---------------------------------------------------------------- F-14

    /// A written-off advance keeps counting toward the SME's limit until recovered, so one company
    /// cannot make the pool lose more than its limit (was 528,131 lost against 300,000).
    function test_pool_writtenOffLossCountsTowardSmeLimit() public {
        _deposit(alice, 1_000_000e6);
        (uint256 id, uint256 advance) = _financed(250_000e6, TENOR);
        vm.warp(block.timestamp + TENOR + 91 days);
        vm.prank(poolManager);
        pool.writeOff(id);
        assertEq(pool.smeExposure(ACME), advance, "the loss stays in exposure");
        uint256 next = _acknowledged(sme, 250_000e6, TENOR);
        vm.startPrank(sme);
        rcv.approve(address(pool), next);
        vm.expectPartialRevert(IFinancingPool.PoolSmeExposureExceeded.selector);
        pool.finance(next, 0);
        vm.stopPrank();
    }

    /// Once the debtor's payments complete the pool's claim, nothing is left owed by the SME.
    function test_pool_attestedOwedBySme_clearedWhenDebtorCompletesClaim() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        vm.prank(servicer);
        rcv.attestPayment(id, 1_000e6, keccak256("bank-ref"));
        assertGt(pool.assetOf(id).attestedOwedBySme, 0);
        vm.warp(block.timestamp + TENOR);
        usd.mint(debtor, FACE);
        _pay(id, FACE - 1_000e6);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
        assertEq(pool.assetOf(id).attestedOwedBySme, 0, "the SME owes nothing more");
    }

    /// Paying off an impaired loan clears its impaired flag and emits the cure.
    function test_loans_payoffOfImpairedLoan_clearsFlagAndEmitsCure() public {
        _deposit(alice, 100_000e6);
        uint256 id = _poolLoan(30_000e6, 3);
        vm.warp(block.timestamp + 60 days);
        vm.prank(underwriter);
        loans.impair(id);
        vm.prank(attacker);
        pool.revalueLoan(address(loans), id);
        assertEq(uint8(pool.loanPosition(address(loans), id).status), uint8(IFinancingPool.LoanStatus.Impaired));
        (, , , uint256 total) = lens.payoffQuote(id);
        usd.mint(sme, total);
        vm.startPrank(sme);
        usd.approve(address(loans), total);
        vm.expectEmit(address(loans));
        emit ILoanManager.LoanCured(id);
        loans.repay(id, total);
        vm.stopPrank();
        assertFalse(loans.loan(id).impaired, "no longer impaired");
        pool.claimLoan(address(loans), id);
        assertEq(uint8(pool.loanPosition(address(loans), id).status), uint8(IFinancingPool.LoanStatus.Closed));
        assertEq(pool.navBreakdown().impaired, 0, "the pool's impairment is gone");
    }

    /// `maxWithdraw` never reports more than `withdraw` accepts, even with cash near the 96-bit cap.
    function test_pool_maxWithdrawNearCashCap_withdrawAccepts() public {
        uint256 big = type(uint96).max - 1_000e6;
        _deposit(alice, big);
        uint256 max = pool.maxWithdraw(alice);
        assertGt(max, 0);
        vm.prank(alice);
        pool.withdraw(max, alice, alice); // reverted ERC4626ExceededMaxDeposit before the fix
        assertEq(usd.balanceOf(alice), max, "withdrawn");
    }

    // ---------------------------------------------------------------- F-15

    /// An asset becoming repaid and a loan position closing each have their own event; a loan
    /// claim's income is net of the performance fee, as a receivable payment's is.
    function test_pool_events_assetRepaidAndLoanPositionClosed() public {
        _deposit(alice, 200_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        vm.warp(block.timestamp + TENOR);
        vm.expectEmit(address(pool));
        emit IFinancingPool.AssetRepaid(id, pool.assetOf(id).advance + pool.assetOf(id).fee);
        _pay(id, FACE);

        uint256 loanId = _poolLoan(30_000e6, 3);
        _payoff(loanId);
        vm.recordLogs();
        pool.claimLoan(address(loans), loanId);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        bool seen;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].topics[0] == IFinancingPool.LoanPositionClosed.selector) seen = true;
        }
        assertTrue(seen, "LoanPositionClosed emitted");
        assertEq(uint8(pool.loanPosition(address(loans), loanId).status), uint8(IFinancingPool.LoanStatus.Closed));
        assertEq(uint8(loans.loan(loanId).status), uint8(ILoanManager.Status.Repaid));
    }
}
