// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {console} from "forge-std/console.sol";
import {LoanBase} from "./LoanBase.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanLens} from "../../contracts/loans/LoanLens.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ILoanNotes} from "../../contracts/interfaces/ILoanNotes.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";

/// @notice Drives the manager with a borrower, lenders, an attacker moving notes around, and time.
contract LoanHandler is Test {
    LoanManager internal loans;
    LoanLens internal lens;
    ILoanNotes internal notes;
    DemoUSD internal usd;
    address internal borrower;
    address internal underwriter;
    address internal poolManager;
    address[3] internal holders;

    uint256[] public ids;
    mapping(uint256 id => uint256) public repaid;
    mapping(uint256 id => uint256) public claimed;
    mapping(uint256 id => uint256) public refunded;
    mapping(uint256 id => uint8) public lastStatus;
    bool public statusWentBack;
    uint256 public repays;
    uint256 public claims;
    uint256 public refunds;
    uint256 public drawdowns;
    uint256 public transfers;

    constructor(
        LoanManager loans_,
        LoanLens lens_,
        DemoUSD usd_,
        address borrower_,
        address underwriter_,
        address poolManager_,
        address[3] memory holders_
    ) {
        loans = loans_;
        lens = lens_;
        notes = loans_.notes();
        usd = usd_;
        borrower = borrower_;
        underwriter = underwriter_;
        poolManager = poolManager_;
        holders = holders_;
    }

    function idsLength() external view returns (uint256) {
        return ids.length;
    }

    function holderAt(uint256 n) external view returns (address) {
        return holders[n];
    }

    function _id(uint256 seed) internal view returns (uint256) {
        return ids[seed % ids.length];
    }

    function _track(uint256 id) internal {
        uint8 s = uint8(loans.loan(id).status);
        if (s < lastStatus[id]) statusWentBack = true;
        lastStatus[id] = s;
    }

    function request(uint128 principal, uint8 count, uint8 kind) external {
        if (ids.length >= 3) return;
        principal = uint128(bound(principal, 1e6, 100_000e6));
        ILoanManager.RequestParams memory p = ILoanManager.RequestParams({
            principal: principal,
            rateBps: 1200,
            count: uint16(bound(count, 1, 12)),
            period: 30 days,
            kind: Schedule.Kind(kind % 3),
            graceCount: 0,
            collateralToken: address(0),
            collateralId: 0,
            fundingDeadline: uint40(block.timestamp + 10 days)
        });
        vm.prank(borrower);
        uint256 id = loans.request(p);
        vm.prank(underwriter);
        loans.approve(id, principal, 1200);
        ids.push(id);
        _track(id);
    }

    function fund(uint256 seed, uint256 who, uint256 amount) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        ILoanManager.Loan memory ln = loans.loan(id);
        if (ln.status != ILoanManager.Status.Funding || block.timestamp > ln.fundingDeadline) return;
        uint256 remaining = ln.terms.principal - ln.funded;
        if (remaining == 0) return;
        address lender = holders[who % 2];
        vm.prank(lender);
        loans.fund(id, bound(amount, 1, remaining));
        _track(id);
    }

    function drawdown(uint256 seed) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        ILoanManager.Loan memory ln = loans.loan(id);
        if (ln.status != ILoanManager.Status.Funding || ln.funded != ln.terms.principal) return;
        if (block.timestamp > ln.fundingDeadline) return;
        vm.prank(borrower);
        loans.drawdown(id);
        ++drawdowns;
        _track(id);
    }

    function repay(uint256 seed, uint256 amount) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        (, , , uint256 total) = lens.payoffQuote(id);
        if (total == 0) return;
        vm.prank(borrower);
        repaid[id] += loans.repay(id, bound(amount, 1, total + 1e6));
        ++repays;
        _track(id);
    }

    function claim(uint256 seed, uint256 who) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        address holder = holders[who % 3];
        if (loans.claimable(id, holder) == 0) return;
        vm.prank(holder);
        claimed[id] += loans.claim(id);
        ++claims;
    }

    /// The attacker (and lenders) move notes: claims must follow units without loss or gain.
    function transferNotes(uint256 seed, uint256 from, uint256 to, uint256 amount) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        address a = holders[from % 3];
        address b = holders[to % 3];
        uint256 bal = notes.balanceOf(a, id);
        if (bal == 0) return;
        vm.prank(a);
        notes.safeTransferFrom(a, b, id, bound(amount, 1, bal), "");
        ++transfers;
    }

    function withdraw(uint256 seed) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        if (loans.loan(id).status > ILoanManager.Status.Funding) return;
        vm.prank(borrower);
        loans.withdrawRequest(id);
        _track(id);
    }

    function refund(uint256 seed, uint256 who) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        ILoanManager.Loan memory ln = loans.loan(id);
        bool closed = ln.status == ILoanManager.Status.Cancelled || ln.status == ILoanManager.Status.Expired;
        bool expirable = ln.status <= ILoanManager.Status.Funding && block.timestamp > ln.fundingDeadline;
        address holder = holders[who % 3];
        if (!(closed || expirable) || notes.balanceOf(holder, id) == 0) return;
        vm.prank(holder);
        refunded[id] += loans.refund(id);
        ++refunds;
        _track(id);
    }

    function markDefaulted(uint256 seed) external {
        if (ids.length == 0) return;
        uint256 id = _id(seed);
        if (loans.loan(id).status != ILoanManager.Status.Active || loans.daysLate(id) < 60) return;
        vm.prank(poolManager);
        loans.markDefaulted(id);
        _track(id);
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1 hours, 45 days));
    }
}

/// @notice Money and state rules of the loan escrow, whatever the sequence of actions.
contract LoanInvariantTest is LoanBase {
    LoanHandler internal handler;
    address internal attacker = makeAddr("attacker");

    function setUp() public override {
        super.setUp();
        vm.prank(borrower);
        usd.approve(address(loans), type(uint256).max);
        usd.mint(borrower, 10_000_000e6);
        handler = new LoanHandler(loans, lens, usd, borrower, underwriter, poolManager, [lender1, lender2, attacker]);
        targetContract(address(handler));
    }

    /// Escrowed balance == funds awaiting drawdown + unrefunded funds + repaid but unclaimed.
    function invariant_escrowBalanceMatchesObligations() public view {
        uint256 expected;
        for (uint256 n = 0; n < handler.idsLength(); ++n) {
            uint256 id = handler.ids(n);
            ILoanManager.Loan memory ln = loans.loan(id);
            if (ln.status <= ILoanManager.Status.Funding) expected += ln.funded;
            else if (ln.status >= ILoanManager.Status.Cancelled) expected += ln.funded - handler.refunded(id);
            else expected += handler.repaid(id) - handler.claimed(id);
        }
        assertEq(usd.balanceOf(address(loans)), expected);
    }

    /// Σ claimed ≤ Σ repaid per loan, and what holders may still claim never exceeds what is left.
    function invariant_claimsNeverExceedRepaid() public view {
        for (uint256 n = 0; n < handler.idsLength(); ++n) {
            uint256 id = handler.ids(n);
            assertLe(handler.claimed(id), handler.repaid(id));
            assertEq(loans.loan(id).repaid, handler.repaid(id));
            uint256 open;
            for (uint256 h = 0; h < 3; ++h) open += loans.claimable(id, handler.holderAt(h));
            assertLe(open, handler.repaid(id) - handler.claimed(id));
        }
    }

    /// Principal repaid never exceeds the principal.
    function invariant_principalConserved() public view {
        for (uint256 n = 0; n < handler.idsLength(); ++n) {
            uint256 id = handler.ids(n);
            ILoanManager.Loan memory ln = loans.loan(id);
            assertLe(lens.principalOutstanding(id), ln.terms.principal);
        }
    }

    /// Shows that the handler reaches every path (printed once per run).
    function afterInvariant() public view {
        console.log("drawdowns / repays / claims / refunds / transfers");
        console.log(handler.drawdowns(), handler.repays(), handler.claims());
        console.log(handler.refunds(), handler.transfers());
    }

    function invariant_statusOnlyMovesForward() public view {
        assertFalse(handler.statusWentBack());
    }
}
