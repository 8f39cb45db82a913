// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IAccessManaged} from "@openzeppelin/contracts/access/manager/IAccessManaged.sol";
import {SecurityBase} from "./SecurityBase.sol";
import {HookToken} from "./attackers/HookToken.sol";
import {ReentrantSme} from "./attackers/ReentrantSme.sol";
import {ReentrantLender} from "./attackers/ReentrantLender.sol";
import {ReentrantCollateral} from "./attackers/ReentrantCollateral.sol";
import {FakeReceivable} from "./attackers/FakeReceivable.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {Roles} from "../../contracts/access/Roles.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanCalculator} from "../../contracts/loans/LoanCalculator.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ILoanNotes} from "../../contracts/interfaces/ILoanNotes.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice Re-entrancy through every place the protocol hands control to foreign code: the pool's
/// `onERC721Received`, the pool's payment hook (and the SME it forwards to), a stablecoin with
/// transfer hooks (Cream Finance), an attacker-chosen collateral NFT; and fake callbacks from
/// unregistered contracts (Teller).
contract SecurityReentrancyTest is SecurityBase {
    bytes32 private constant EVIL_CO = keccak256("entity:evil-sme");
    bytes4 private constant REENTRANT = bytes4(keccak256("ReentrancyGuardReentrantCall()"));

    HookToken private hook;
    FinancingPool private hookPool;
    ReentrantSme private evilSme;

    /// @dev A second pool over a hook token, registered as financier like the first.
    function _hookPool() private {
        hook = new HookToken();
        hookPool = new FinancingPool(
            IERC20(address(hook)),
            address(manager),
            registry,
            IReceivableToken(address(rcv)),
            treasury,
            "Hook pool",
            "HP",
            _poolPolicy()
        );
        vm.startPrank(policyNow);
        rcv.setCurrencyAllowed(address(hook), true);
        rcv.registerFinancier(address(hookPool), true);
        vm.stopPrank();
        evilSme = new ReentrantSme(IReceivableToken(address(rcv)), IFinancingPool(address(hookPool)));
        _verifyAs(address(evilSme), PartyRoles.SME, EVIL_CO);
        vm.prank(address(evilSme));
        hook.setHooked(true);
        evilSme.approveToken(address(hook), address(hookPool));
        hook.mint(alice, 100_000e6);
        vm.startPrank(alice);
        hook.approve(address(hookPool), type(uint256).max);
        hookPool.deposit(100_000e6, alice);
        vm.stopPrank();
        hook.mint(debtor, 1_000_000e6);
        vm.prank(debtor);
        hook.approve(address(rcv), type(uint256).max);
    }

    function _evilInvoice() private returns (uint256 id) {
        IReceivableToken.TokenizeParams memory p = _params(debtor, FACE, TENOR);
        p.currency = address(hook);
        id = evilSme.tokenize(p);
        _ackAs(rcv, id, p);
    }

    function _assertReentryBlocked(bool ok, bytes memory err) private pure {
        assertFalse(ok, "re-entry must fail");
        assertEq(bytes4(err), REENTRANT, "with the guard's named error");
    }

    // ------------------------------------------------------------ onERC721Received

    /// The SME sells by safeTransferFrom; the advance (a hook token) hands it control inside the
    /// pool's `onERC721Received`; it tries to sell a second invoice there. One advance only.
    function test_reentrancy_onERC721Received_secondSaleInsideAdvanceReverts() public {
        _hookPool();
        uint256 first = _evilInvoice();
        uint256 second = _evilInvoice();
        evilSme.arm(
            address(rcv),
            abi.encodeWithSignature(
                "safeTransferFrom(address,address,uint256,bytes)",
                address(evilSme),
                address(hookPool),
                second,
                abi.encode(uint256(0))
            )
        );
        evilSme.sellBySafeTransfer(first);
        _assertReentryBlocked(evilSme.reentryOk(), evilSme.reentryError());
        assertEq(rcv.ownerOf(first), address(hookPool));
        assertEq(rcv.ownerOf(second), address(evilSme), "second invoice not sold");
        assertEq(hook.balanceOf(address(evilSme)), hookPool.assetOf(first).advance, "exactly one advance");
    }

    /// Same through `finance` (approve + pull): the re-entrant `finance` of another invoice fails.
    function test_reentrancy_finance_reentrantFinanceInsideAdvanceReverts() public {
        _hookPool();
        uint256 first = _evilInvoice();
        uint256 second = _evilInvoice();
        evilSme.arm(address(hookPool), abi.encodeCall(IFinancingPool.finance, (second, 0)));
        evilSme.exec(address(hookPool), abi.encodeCall(IFinancingPool.finance, (first, 0)));
        _assertReentryBlocked(evilSme.reentryOk(), evilSme.reentryError());
        assertEq(uint8(hookPool.assetOf(second).status), uint8(IFinancingPool.AssetStatus.None));
    }

    /// Only the receivable contract may call `onERC721Received`, and only for a sale by the holder.
    function test_reentrancy_onERC721Received_directCallFromAttackerReverts() public {
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnexpectedToken.selector, attacker));
        pool.onERC721Received(attacker, attacker, 1, abi.encode(uint256(0)));
    }

    // ------------------------------------------------------------ payment hook

    /// A full payment makes the pool forward the SME's residual (hook token) to the SME, which
    /// re-enters the pool from there: blocked, and the books close exactly once.
    function test_reentrancy_paymentHookForward_smeCannotReenterPool() public {
        _hookPool();
        uint256 id = _evilInvoice();
        evilSme.exec(address(hookPool), abi.encodeCall(IFinancingPool.finance, (id, 0)));
        IFinancingPool.Asset memory a = hookPool.assetOf(id);
        evilSme.arm(address(hookPool), abi.encodeCall(IFinancingPool.repay, (id, 1)));
        uint256 before = hook.balanceOf(address(evilSme));
        vm.warp(a.dueDate);
        vm.prank(debtor);
        rcv.pay(id, FACE);
        _assertReentryBlocked(evilSme.reentryOk(), evilSme.reentryError());
        assertEq(hook.balanceOf(address(evilSme)) - before, FACE - a.advance - a.fee, "residual forwarded once");
        assertEq(uint8(hookPool.assetOf(id).status), uint8(IFinancingPool.AssetStatus.Repaid));
        assertEq(uint8(rcv.receivable(id).status), uint8(IReceivableToken.Status.Paid));
    }

    /// Re-entering the receivable token itself from the forward (pay again) is blocked too.
    function test_reentrancy_paymentHookForward_payAgainReverts() public {
        _hookPool();
        uint256 id = _evilInvoice();
        evilSme.exec(address(hookPool), abi.encodeCall(IFinancingPool.finance, (id, 0)));
        evilSme.arm(address(rcv), abi.encodeCall(IReceivableToken.pay, (id, 1)));
        vm.prank(debtor);
        rcv.pay(id, FACE);
        _assertReentryBlocked(evilSme.reentryOk(), evilSme.reentryError());
    }

    // ------------------------------------------------------------ token with transfer hooks (Cream)

    function _hookLoans() private returns (LoanManager lm, ReentrantLender evil, uint256 id) {
        hook = new HookToken();
        lm = new LoanManager(
            address(manager),
            registry,
            credit,
            hook,
            new LoanCalculator(),
            ILoanManager.Policy({lateFeeBps: 3650, lateGraceDays: 3, impairAfterDays: 15, defaultAfterDays: 60})
        );
        vm.prank(admin);
        credit.setRecorder(address(lm), true);
        _wire(address(lm), ILoanManager.approve.selector, Roles.UNDERWRITER);
        _wire(address(lm), ILoanManager.setLender.selector, Roles.POOL_MANAGER);
        evil = new ReentrantLender(ILoanManager(address(lm)));
        vm.prank(poolManager);
        lm.setLender(address(evil), true);
        vm.prank(address(evil));
        hook.setHooked(true);
        evil.approve(hook);
        hook.mint(address(evil), PRINCIPAL);
        hook.mint(alice, PRINCIPAL);
        hook.mint(sme, 100_000e6);
        vm.prank(alice);
        hook.approve(address(lm), type(uint256).max);
        vm.prank(sme);
        hook.approve(address(lm), type(uint256).max);
        vm.prank(sme);
        id = lm.request(_loanParams(PRINCIPAL, 6));
        vm.prank(underwriter);
        lm.approve(id, PRINCIPAL, 1_200);
        evil.fund(id, PRINCIPAL / 2);
        vm.prank(alice);
        lm.fund(id, PRINCIPAL / 2);
    }

    /// Cream: the lender's hook re-enters `claim` while its first claim is being paid.
    function test_reentrancy_hookTokenClaim_lenderCannotClaimTwice() public {
        (LoanManager lm, ReentrantLender evil, uint256 id) = _hookLoans();
        vm.prank(sme);
        lm.drawdown(id);
        vm.warp(block.timestamp + 30 days);
        vm.prank(sme);
        lm.repay(id, 4_000e6);
        uint256 owed = lm.claimable(id, address(evil));
        uint256 before = hook.balanceOf(address(evil));
        evil.arm(abi.encodeCall(ILoanManager.claim, (id)));
        uint256 got = evil.claim(id);
        _assertReentryBlocked(evil.reentryOk(), evil.reentryError());
        assertEq(got, owed);
        assertEq(hook.balanceOf(address(evil)) - before, owed, "paid exactly once");
        assertEq(lm.claimable(id, alice), owed, "the other lender's half is intact");
    }

    /// Cream on refunds: the lender's hook re-enters `refund` of a cancelled loan.
    function test_reentrancy_hookTokenRefund_lenderCannotRefundTwice() public {
        (LoanManager lm, ReentrantLender evil, uint256 id) = _hookLoans();
        vm.prank(sme);
        lm.withdrawRequest(id);
        evil.arm(abi.encodeCall(ILoanManager.refund, (id)));
        assertEq(evil.refund(id), PRINCIPAL / 2);
        _assertReentryBlocked(evil.reentryOk(), evil.reentryError());
        assertEq(hook.balanceOf(address(lm)), PRINCIPAL / 2, "alice's escrow untouched");
        vm.prank(alice);
        assertEq(lm.refund(id), PRINCIPAL / 2);
    }

    // ------------------------------------------------------------ attacker-chosen collateral

    /// Collateral can only be the protocol's own receivable token (held by the CollateralVault),
    /// so an attacker's NFT never enters escrow: no callback into the manager on escrow or
    /// release, and no collateral that refuses to leave and blocks a refund.
    function test_reentrancy_attackerCollateral_refusedByNameBeforeAnyCallback() public {
        ReentrantCollateral nft = new ReentrantCollateral();
        nft.arm(address(loans), abi.encodeCall(ILoanManager.refund, (1)));
        nft.mint(sme, 7);
        vm.prank(sme);
        nft.setApprovalForAll(address(loans), true);
        ILoanManager.RequestParams memory p = _loanParams(PRINCIPAL, 6);
        p.collateralToken = address(nft);
        p.collateralId = 7;
        vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanCollateralNotAccepted.selector, address(nft), 7));
        vm.prank(sme);
        loans.request(p);
        assertFalse(nft.reentered());
        assertEq(nft.ownerOf(7), sme);
    }

    // ------------------------------------------------------------ fake callbacks (Teller)

    /// An unregistered contract "reports" a payment on a really financed invoice: refused, and
    /// the asset's books do not move.
    function test_fakeCallback_paymentHookFromUnregisteredContract_reverts() public {
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        FakeReceivable fake = new FakeReceivable();
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnauthorizedHookCaller.selector, address(fake)));
        fake.fakePayment(address(pool), id, FACE);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnauthorizedHookCaller.selector, address(fake)));
        fake.fakeAttestation(address(pool), id, FACE);
        assertEq(pool.assetOf(id).collected, 0);
    }

    /// A fake NFT with the id of a real invoice pushed into the pool by safeTransferFrom: refused.
    function test_fakeCallback_fakeReceivableSafeTransfer_reverts() public {
        _deposit(alice, 100_000e6);
        uint256 id = _acknowledged(sme, FACE, TENOR);
        FakeReceivable fake = new FakeReceivable();
        fake.mint(attacker, id);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolUnexpectedToken.selector, address(fake)));
        fake.safeTransferFrom(attacker, address(pool), id, abi.encode(uint256(0)));
        assertEq(pool.idleCash(), 100_000e6);
    }

    /// The holder's `onERC721Received` sale path refuses an operator selling someone else's invoice.
    function test_fakeCallback_operatorSellingForHolder_reverts() public {
        _deposit(alice, 100_000e6);
        uint256 id = _acknowledged(sme, FACE, TENOR);
        vm.prank(sme);
        rcv.setApprovalForAll(attacker, true);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSelector(IFinancingPool.PoolNotReceivableHolder.selector, id, attacker, sme));
        rcv.safeTransferFrom(sme, address(pool), id, abi.encode(uint256(0)));
    }

    /// Credit history and loan notes accept writes from their protocol contracts only.
    function test_fakeCallback_creditAndNotesRefuseStrangers() public {
        vm.startPrank(attacker);
        vm.expectRevert(abi.encodeWithSelector(ICreditHistory.CreditNotRecorder.selector, attacker));
        credit.recordLoan(ACME, 1_000_000e6, 0, ICreditHistory.Outcome.OnTime, 0);
        vm.expectRevert(abi.encodeWithSelector(ICreditHistory.CreditNotRecorder.selector, attacker));
        credit.recordReceivable(ACME, 1_000_000e6, ICreditHistory.Outcome.OnTime, 0);
        vm.expectRevert(abi.encodeWithSelector(ILoanNotes.LoanNotesNotManager.selector, attacker));
        notes.mint(attacker, 1, 1_000_000e6);
        vm.expectRevert(abi.encodeWithSelector(IAccessManaged.AccessManagedUnauthorized.selector, attacker));
        loans.setLender(attacker, true);
        vm.stopPrank();
    }

    /// A "repayment" into the loan escrow always pulls the money it books from the caller.
    function test_fakeCallback_loanRepayWithoutFunds_reverts() public {
        uint256 id = _activeLoan(PRINCIPAL, 6);
        vm.prank(attacker);
        vm.expectRevert(
            abi.encodeWithSignature("ERC20InsufficientAllowance(address,uint256,uint256)", address(loans), 0, 1_000e6)
        );
        loans.repay(id, 1_000e6);
        assertEq(loans.loan(id).repaid, 0);
    }
}
