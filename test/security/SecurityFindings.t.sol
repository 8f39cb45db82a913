// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SecurityBase} from "./SecurityBase.sol";
import {FeeOnTransferToken} from "../receivables/ReceivableMocks.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Roles} from "../../contracts/access/Roles.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanCalculator} from "../../contracts/loans/LoanCalculator.sol";
import {ILoanManager, LOAN_MAX_INSTALLMENTS} from "../../contracts/interfaces/ILoanManager.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {ICollateralVault} from "../../contracts/interfaces/ICollateralVault.sol";

/// @notice Findings of THREAT_MODEL.md, all fixed (F-1 to F-7, F-9, F-16 to F-20): each test proves the property the
/// fix restored and would fail on the code before it.
contract SecurityFindingsTest is SecurityBase {
    /// F-1 (fixed). A debtor paying early used to realize the whole discount fee at once; an
    /// attacker watching the mempool deposited before that payment and redeemed after it. The pool
    /// now keeps only the fee earned so far (what NAV already showed) and rebates the rest to the
    /// SME, so the payment moves no price and the sandwich returns at most what it put in.
    function test_pool_earlyRepaymentSandwich_noProfit() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        vm.warp(block.timestamp + 20 days);
        uint256 amount = 1_000_000e6;
        uint256 shares = _deposit(attacker, amount);
        _pay(id, FACE);
        vm.prank(attacker);
        uint256 back = pool.redeem(shares, attacker, attacker);
        assertLe(back, amount, "sandwich of an early repayment must not profit");
    }

    /// F-5 (fixed). Impairment used to take the asset's accrued income out of gross NAV, so a late
    /// payment of an impaired invoice put it back in one block: a deposit just before the payment
    /// and a redeem just after took a share of it. The income now stays in gross NAV (entries pay
    /// for it) and only leaves net NAV (exits), so the payment moves neither price up.
    function test_pool_latePaymentOfImpairedInvoiceSandwich_noProfit() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        vm.warp(block.timestamp + TENOR + 10 days);
        vm.prank(poolManager);
        pool.impair(id);
        uint256 amount = 1_000_000e6;
        uint256 shares = _deposit(attacker, amount);
        _pay(id, FACE);
        vm.prank(attacker);
        uint256 back = pool.redeem(shares, attacker, attacker);
        assertLe(back, amount, "sandwich of a late payment of an impaired invoice must not profit");
    }

    /// F-6 (fixed). A checkpoint used to cross at most 120 day boundaries, so after a long idle
    /// spell NAV (views and checkpoint alike) stopped short of income an accruing asset had already
    /// earned; the next checkpoint, here the one inside a late payment, lifted it in one step and a
    /// deposit before it shared the jump. The walk now runs to the present (bounded by the tenor cap).
    function test_pool_longIdleSpellSandwich_noProfit() public {
        _deposit(alice, 300_000e6);
        _financed(100_000e6, 175 days); // still accruing after the idle spell
        (uint256 shortId, ) = _financed(FACE, 30 days);
        vm.warp(block.timestamp + 150 days); // more than 120 day boundaries, no checkpoint
        uint256 amount = 1_000_000e6;
        uint256 shares = _deposit(attacker, amount);
        _pay(shortId, FACE); // late payment: its checkpoint walks all 150 days
        vm.prank(attacker);
        uint256 back = pool.redeem(shares, attacker, attacker);
        assertLe(back, amount, "sandwich of the first checkpoint after a long idle spell must not profit");
    }

    /// F-2 (fixed). The pool booked `assets` as cash on deposit without checking what arrived: over
    /// a fee-on-transfer (or negatively rebasing) asset its ledger exceeded its balance and the last
    /// investors could not exit. It now checks its balance against the books after every pull and
    /// refuses a shortfall by name.
    function test_pool_feeOnTransferAsset_refusedWhenBalanceBelowBooks() public {
        (FeeOnTransferToken fot, FinancingPool p) = _fotPool();
        vm.expectRevert(
            abi.encodeWithSelector(IFinancingPool.PoolTransferShortfall.selector, address(fot), 1_000e6, 990e6)
        );
        vm.prank(alice);
        p.deposit(1_000e6, alice);
        assertEq(p.navBreakdown().cash, 0, "nothing booked");
        assertEq(fot.balanceOf(address(p)), 0);
    }

    /// The check is balance against books, not a delta: an unbooked surplus (a donation) may absorb
    /// a transfer fee, and the books still never exceed the balance.
    function test_pool_feeOnTransferAsset_booksStayCoveredByUnbookedSurplus() public {
        (FeeOnTransferToken fot, FinancingPool p) = _fotPool();
        fot.mint(address(p), 50e6); // a donation nobody booked
        vm.prank(alice);
        p.deposit(1_000e6, alice);
        assertEq(p.navBreakdown().cash, 1_000e6, "deposit booked");
        assertEq(fot.balanceOf(address(p)), 1_040e6, "990 arrived on top of the 50 donated");
        assertGe(fot.balanceOf(address(p)), p.navBreakdown().cash, "books covered");
    }

    function _fotPool() private returns (FeeOnTransferToken fot, FinancingPool p) {
        fot = new FeeOnTransferToken();
        p = new FinancingPool(
            IERC20(address(fot)),
            address(manager),
            registry,
            IReceivableToken(address(rcv)),
            treasury,
            "FoT pool",
            "FP",
            _poolPolicy()
        );
        fot.mint(alice, 1_000e6);
        vm.prank(alice);
        fot.approve(address(p), type(uint256).max);
    }

    /// F-3 (fixed). Same in the loan escrow: `fund` minted notes for `amount` whatever arrived; it
    /// now refuses a shortfall by name, so the escrow covers every note.
    function test_loans_feeOnTransferAsset_refusedByBalanceDelta() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        LoanManager lm = new LoanManager(
            address(manager),
            registry,
            credit,
            IERC20(address(fot)),
            new LoanCalculator(),
            ILoanManager.Policy({lateFeeBps: 3650, lateGraceDays: 3, impairAfterDays: 15, defaultAfterDays: 60})
        );
        _wire(address(lm), ILoanManager.approve.selector, 3);
        vm.prank(sme);
        uint256 id = lm.request(_loanParams(PRINCIPAL, 6));
        vm.prank(underwriter);
        lm.approve(id, PRINCIPAL, 1_200);
        fot.mint(alice, PRINCIPAL);
        vm.startPrank(alice);
        fot.approve(address(lm), type(uint256).max);
        vm.expectRevert(
            abi.encodeWithSelector(ILoanManager.LoanTransferShortfall.selector, address(fot), 1_000e6, 990e6)
        );
        lm.fund(id, 1_000e6);
        vm.stopPrank();
        assertEq(lm.loan(id).funded, 0, "no note minted");
        assertEq(fot.balanceOf(address(lm)), 0);
    }

    /// F-4 (fixed). Share conversions use `Math.mulDiv`, which panics (0x11) when the result
    /// exceeds 2^256. A deposit now checks the cash room before pricing, and the views refuse by
    /// name (`ERC4626ExceededMaxDeposit`) an amount above the cash room, which no deposit or
    /// withdrawal could reach.
    function test_pool_hugeAmounts_revertByNameNotPanic() public {
        _deposit(alice, 1_000e6);
        uint256 huge = 2 ** 255;
        uint256 room = type(uint96).max - pool.navBreakdown().cash;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, alice, huge, room));
        pool.deposit(huge, alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, address(0), huge, room));
        pool.previewDeposit(huge);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxDeposit.selector, address(0), huge, room));
        pool.convertToShares(huge);
        vm.expectRevert(
            abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, address(0), huge, type(uint96).max)
        );
        pool.previewWithdraw(huge);
        uint256 maxOut = pool.maxWithdraw(alice);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(ERC4626.ERC4626ExceededMaxWithdraw.selector, alice, huge, maxOut));
        pool.withdraw(huge, alice, alice);
    }

    /// F-7 (fixed). The pool releases a receivable's exposure under the parties' entities as the
    /// identity registry reports them at settlement. Once the KYC provider revoked a party (entity
    /// zero), every settlement of an invoice financed before hit an underflow panic (0x11): the
    /// debtor could not pay, the SME could not repay and the pool could not write it off, so the
    /// money stayed stuck. The release now skips a revoked entity and never goes below zero.
    function test_pool_paymentAfterDebtorRevoked_settles() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financed(FACE, TENOR);
        vm.prank(kyc);
        registry.revoke(debtor, keccak256("sanctions-hit"));
        uint256 smeBefore = usd.balanceOf(sme);
        vm.warp(block.timestamp + TENOR);
        _pay(id, FACE);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid), "settled");
        assertGt(usd.balanceOf(sme), smeBefore, "the SME got the rest of the face value");
        assertEq(pool.smeExposure(ACME), 0, "the SME's exposure is released");
        // Revoked: the old entity keeps its count, which only makes its limit stricter.
        assertEq(pool.debtorExposure(DEBTOR_CO), advance, "a revoked entity is not released");
    }

    function test_pool_writeOffAfterSmeRevoked_settles() public {
        _deposit(alice, 100_000e6);
        (uint256 id, uint256 advance) = _financed(FACE, TENOR);
        vm.prank(kyc);
        registry.revoke(sme, keccak256("fraud"));
        vm.warp(block.timestamp + TENOR + 91 days);
        vm.prank(poolManager);
        pool.writeOff(id);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.WrittenOff), "written off");
        // F-14: the loss stays in the debtor's exposure until recovered.
        assertEq(pool.debtorExposure(DEBTOR_CO), advance, "the debtor's exposure keeps the loss");
        assertEq(pool.aging().writtenOff, advance, "the whole advance is the loss");
    }

    function test_pool_paymentAfterDebtorReKeyed_neverUnderflows() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        bytes32 newCo = keccak256("entity:debtor-new-co");
        _verifyAs(debtor, PartyRoles.DEBTOR, newCo);
        _pay(id, FACE);
        assertEq(uint8(pool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid), "settled");
        assertEq(pool.debtorExposure(newCo), 0, "the new entity's exposure stays at zero");
    }

    /// F-16 (fixed). Lateness was measured from the first installment not yet passed, whether it
    /// owed anything or not: a 6 × 30 days bullet read 61 days late on day 91 with nothing due and
    /// could be defaulted (credit history, collateral) 89 days before maturity. It now counts from
    /// the oldest due installment that still owes something.
    function test_loans_bulletLoanNotDefaultableBeforeMaturity() public {
        ILoanManager.RequestParams memory p = _loanParams(PRINCIPAL, 6);
        p.kind = Schedule.Kind.Bullet;
        uint256 id = _drawnLoan(p);
        vm.warp(block.timestamp + 179 days);
        assertEq(loans.daysLate(id), 0, "nothing due before maturity");
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotLateEnough.selector, id, 0, 60));
        vm.prank(underwriter);
        loans.markDefaulted(id);
    }

    /// F-20 (fixed). Every repayment walks the overdue installments: with 1,000 daily rows
    /// overdue a payoff cost 24.3M gas, near a block. A loan now has at most
    /// LOAN_MAX_INSTALLMENTS rows: longer is refused, and the longest, every row overdue, pays off
    /// well inside a block, even with coverage instrumentation (11.1M measured; 2.73M in the
    /// production profile, asserted against its own ceiling in test/loans/LoanGas.t.sol).
    function test_loans_worstCasePayoffBoundedByInstallmentCap() public {
        ILoanManager.RequestParams memory p = _loanParams(PRINCIPAL, uint16(LOAN_MAX_INSTALLMENTS + 1));
        p.period = 1 days;
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanTooManyInstallments.selector,
                LOAN_MAX_INSTALLMENTS + 1,
                LOAN_MAX_INSTALLMENTS
            )
        );
        vm.prank(sme);
        loans.request(p);
        p.count = uint16(LOAN_MAX_INSTALLMENTS);
        uint256 id = _drawnLoan(p);
        vm.warp(block.timestamp + LOAN_MAX_INSTALLMENTS * 1 days + 30 days);
        (, , , uint256 total) = lens.payoffQuote(id);
        vm.prank(sme);
        uint256 before = gasleft();
        loans.repay(id, total);
        uint256 used = before - gasleft();
        assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid));
        assertLt(used, 15_000_000, "the worst payoff fits half a 30M-gas block");
    }

    /// @dev `p` requested by `sme`, approved if pending, funded by alice, drawn down now.
    function _drawnLoan(ILoanManager.RequestParams memory p) private returns (uint256 id) {
        vm.prank(sme);
        id = loans.request(p);
        if (loans.loan(id).status == ILoanManager.Status.Pending) {
            vm.prank(underwriter);
            loans.approve(id, p.principal, p.rateBps);
        }
        usd.mint(alice, p.principal);
        vm.startPrank(alice);
        usd.approve(address(loans), type(uint256).max);
        loans.fund(id, p.principal);
        vm.stopPrank();
        vm.prank(sme);
        loans.drawdown(id);
    }

    /// F-17 (fixed). With one small on-time invoice as history, an SME borrowed its whole limit at
    /// 0 % for one installment from a colluding lender, drew down and repaid in the same block, six
    /// times: each round trip counted as an on-time loan of its full principal, so the limit went
    /// from 1,000 to the 50,000 base limit at no cost. A loan is now credited by its principal ×
    /// time outstanding (full after 30 days), and one repaid in its first block adds nothing.
    function test_creditLimit_sameBlockRoundTripsAddNothing() public {
        uint256 invoice = _acknowledged(sme, 1_000e6, TENOR);
        _pay(invoice, 1_000e6);
        uint256 limitBefore = credit.creditLimitOf(ACME);
        uint256 scoreBefore = credit.scoreOf(ACME);
        assertEq(limitBefore, 1_000e6, "one small invoice: limit 1,000");
        for (uint256 k = 0; k < 6; ++k) {
            uint128 principal = uint128(credit.creditLimitOf(ACME));
            ILoanManager.RequestParams memory p = _loanParams(principal, 1);
            p.rateBps = 0;
            vm.prank(sme);
            uint256 id = loans.request(p);
            assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Funding), "auto-approved");
            _fundLoan(id, attacker, principal);
            vm.startPrank(sme);
            loans.drawdown(id);
            loans.repay(id, principal);
            vm.stopPrank();
            assertEq(uint8(loans.loan(id).status), uint8(ILoanManager.Status.Repaid), "round trip closed");
        }
        assertEq(credit.creditLimitOf(ACME), limitBefore, "six same-block round trips lift no limit");
        assertEq(credit.scoreOf(ACME), scoreBefore, "nor the score");
        assertEq(credit.recordOf(ACME).loansOnTime, 0, "nor the count of loans");
    }

    /// F-19 (fixed). After a KYC provider's role was revoked, the parties it admitted could still
    /// tokenize, borrow and invest until the admin revoked each one. The admin's one-step
    /// `suspendProvider` (called with the role revocation) now takes all of them out at once.
    function test_isVerified_falseAfterProviderSuspended() public {
        vm.startPrank(admin);
        manager.revokeRole(Roles.KYC_PROVIDER, kyc);
        registry.suspendProvider(kyc);
        vm.stopPrank();
        IReceivableToken.TokenizeParams memory p = _params(debtor, FACE, TENOR);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(IReceivableToken.ReceivableNotVerified.selector, sme, PartyRoles.SME));
        rcv.tokenize(p);
        vm.prank(sme);
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNotVerified.selector, sme, PartyRoles.SME));
        loans.request(_loanParams(PRINCIPAL, 6));
        usd.mint(alice, 1_000e6);
        vm.startPrank(alice);
        usd.approve(address(pool), 1_000e6);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotVerified.selector, alice, PartyRoles.INVESTOR));
        pool.deposit(1_000e6, alice);
        vm.stopPrank();
    }

    /// F-9 (fixed). The duplicate key was a hash of the invoice number computed by the caller, so
    /// "INV-001" and "inv-0001" were two invoices: one financed by the pool, the other pledged as
    /// loan collateral, which needed no acknowledgement. The contract now canonicalizes the number
    /// (both are "INV1") and a pledge needs the debtor's acknowledgement, as the pool does.
    function test_doubleFinancing_otherSpellingOrUnacknowledgedPledge_refused() public {
        _deposit(alice, 100_000e6);
        IReceivableToken.TokenizeParams memory p = _params(debtor, FACE, TENOR);
        p.invoiceNumber = "INV-001";
        vm.prank(sme);
        uint256 id = rcv.tokenize(p);
        _ackAs(rcv, id, p);
        _finance(sme, id);

        p.documentHash = keccak256("the same invoice, scanned again");
        p.invoiceNumber = "inv-0001";
        vm.prank(smeWallet2);
        vm.expectRevert(
            abi.encodeWithSelector(IReceivableToken.ReceivableInvoiceAlreadyTokenized.selector, ACME, DEBTOR_CO, "INV1")
        );
        rcv.tokenize(p);

        IReceivableToken.TokenizeParams memory q = _params(debtor, FACE, TENOR);
        vm.prank(sme);
        uint256 unacknowledged = rcv.tokenize(q);
        ILoanManager.RequestParams memory lp = _loanParams(6_000e6, 3);
        lp.collateralToken = address(rcv);
        lp.collateralId = unacknowledged;
        vm.startPrank(sme);
        rcv.setApprovalForAll(address(loans), true);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanCollateralNotAcknowledged.selector,
                unacknowledged,
                IReceivableToken.Status.Issued
            )
        );
        loans.request(lp);
        vm.stopPrank();
    }

    /// F-18 (fixed). A debtor's payment on a pledged invoice between funding and drawdown was
    /// forwarded to the borrower, who then drew the principal too: 10,000 + 8,000 received, the
    /// lenders' collateral gone. The vault now holds it for the loan and applies it once drawn.
    function test_loans_collateralPaidBeforeDrawdown_borrowerGetsPrincipalOnly() public {
        uint256 invoice = _acknowledged(sme, FACE, TENOR);
        ILoanManager.RequestParams memory lp = _loanParams(8_000e6, 3);
        lp.collateralToken = address(rcv);
        lp.collateralId = invoice;
        vm.startPrank(sme);
        rcv.setApprovalForAll(address(loans), true);
        uint256 id = loans.request(lp);
        vm.stopPrank();
        if (loans.loan(id).status == ILoanManager.Status.Pending) {
            vm.prank(underwriter);
            loans.approve(id, 8_000e6, 1_200);
        }
        _fundLoan(id, alice, 8_000e6);
        uint256 before = usd.balanceOf(sme);
        _pay(invoice, FACE);
        vm.prank(sme);
        loans.drawdown(id);
        assertEq(usd.balanceOf(sme), before + 8_000e6, "the principal, not the collateral's proceeds too");
        ICollateralVault vault = ICollateralVault(loans.collateralVault());
        vault.settleHeld(id);
        ILoanManager.Loan memory ln = loans.loan(id);
        assertEq(uint8(ln.status), uint8(ILoanManager.Status.Repaid), "the proceeds paid the loan off");
        assertEq(usd.balanceOf(sme), before + 8_000e6 + FACE - ln.repaid, "only the excess reached the SME");
        assertEq(usd.balanceOf(address(vault)), 0);
    }
}
