// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

// The handler tries actions that the pool or the loan manager may refuse and swallows those
// reverts on purpose.
// solhint-disable no-empty-blocks

import {Test} from "forge-std/Test.sol";
import {PoolLoanBase} from "./PoolLoanBase.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanLens} from "../../contracts/loans/LoanLens.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";

/// @notice Drives the pool's loan book: the pool manager funds loans (alone or beside another
/// lender), the borrower draws down, repays, withdraws; anyone claims; the manager impairs,
/// defaults and the pool revalues. Keeps ghost totals of the cash the pool sent and received.
contract PoolLoanHandler is Test {
    FinancingPool internal pool;
    LoanManager internal loans;
    LoanLens internal lens;
    DemoUSD internal usd;
    address internal investor;
    address internal borrower;
    address internal lender;
    address internal poolManager;
    address internal underwriter;
    uint256[] public ids;
    uint256 public deposited;
    uint256 public funded;
    uint256 public collected;
    uint256 public recovered;

    constructor(FinancingPool pool_, LoanManager loans_, LoanLens lens_, DemoUSD usd_, address[5] memory actors) {
        pool = pool_;
        loans = loans_;
        lens = lens_;
        usd = usd_;
        (investor, borrower, lender, poolManager, underwriter) = (
            actors[0],
            actors[1],
            actors[2],
            actors[3],
            actors[4]
        );
    }

    function deposit(uint256 assets) external {
        assets = bound(assets, 1e6, 100_000e6);
        usd.mint(investor, assets);
        vm.startPrank(investor);
        usd.approve(address(pool), assets);
        pool.deposit(assets, investor);
        vm.stopPrank();
        deposited += assets;
    }

    function fundLoan(uint256 principal, uint256 poolPart, bool drawdown) external {
        principal = bound(principal, 1_000e6, 40_000e6);
        poolPart = bound(poolPart, 1e6, principal);
        ILoanManager.RequestParams memory p = ILoanManager.RequestParams({
            principal: uint128(principal),
            rateBps: 1_500,
            count: 4,
            period: 30 days,
            kind: Schedule.Kind.Amortizing,
            graceCount: 0,
            collateralToken: address(0),
            collateralId: 0,
            fundingDeadline: uint40(block.timestamp + 7 days)
        });
        vm.prank(borrower);
        uint256 id = loans.request(p);
        vm.prank(underwriter);
        loans.approve(id, uint128(principal), 1_500);
        vm.prank(poolManager);
        try pool.fundLoan(address(loans), id, poolPart) {
            funded += poolPart;
            ids.push(id);
        } catch {
            return;
        }
        if (poolPart < principal) {
            usd.mint(lender, principal - poolPart);
            vm.startPrank(lender);
            usd.approve(address(loans), principal - poolPart);
            loans.fund(id, principal - poolPart);
            vm.stopPrank();
        }
        if (drawdown) {
            vm.prank(borrower);
            loans.drawdown(id);
        }
    }

    function repay(uint256 which, uint256 amount) external {
        if (ids.length == 0) return;
        uint256 id = ids[which % ids.length];
        (, , , uint256 total) = lens.payoffQuote(id);
        if (total == 0) return;
        amount = bound(amount, 1, total);
        usd.mint(borrower, amount);
        vm.startPrank(borrower);
        usd.approve(address(loans), amount);
        try loans.repay(id, amount) {} catch {}
        vm.stopPrank();
    }

    function claim(uint256 which) external {
        if (ids.length == 0) return;
        uint256 id = ids[which % ids.length];
        bool writtenOff = pool.loanPosition(address(loans), id).status == IFinancingPool.LoanStatus.WrittenOff;
        try pool.claimLoan(address(loans), id) returns (uint256 amount) {
            collected += amount;
            if (writtenOff) recovered += amount;
        } catch {}
    }

    function withdrawRequest(uint256 which) external {
        if (ids.length == 0) return;
        vm.prank(borrower);
        try loans.withdrawRequest(ids[which % ids.length]) {} catch {}
    }

    function markDown(uint256 which, bool toDefault) external {
        if (ids.length == 0) return;
        uint256 id = ids[which % ids.length];
        vm.startPrank(poolManager);
        if (toDefault) {
            try loans.markDefaulted(id) {} catch {}
        } else {
            try loans.impair(id) {} catch {}
        }
        // A revaluation of a defaulted loan first takes any claim still pending: count that cash.
        uint256 before = usd.balanceOf(address(pool));
        try pool.revalueLoan(address(loans), id) {
            collected += usd.balanceOf(address(pool)) - before;
        } catch {}
        vm.stopPrank();
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 30 days));
    }

    function idsLength() external view returns (uint256) {
        return ids.length;
    }
}

contract PoolLoanInvariantsTest is PoolLoanBase {
    PoolLoanHandler internal handler;

    function setUp() public override {
        super.setUp();
        handler = new PoolLoanHandler(pool, loans, lens, usd, [alice, sme, lender, poolManager, underwriter]);
        usd.transferOwnership(address(handler)); // the handler mints what its actors spend
        targetContract(address(handler));
    }

    /// Cash moves only with deposits, loan funding and what the pool collected back.
    function invariant_cashConserved() public view {
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(usd.balanceOf(address(pool)), n.cash, "balance = booked cash");
        assertEq(n.cash + handler.funded(), handler.deposited() + handler.collected(), "cash flows conserve");
    }

    /// Every position splits its cost into principal on the books, principal back and losses;
    /// the book's principal and the SME's exposure are the sum of positions.
    function invariant_positionsAddUp() public view {
        uint256 principal;
        uint256 impaired;
        uint256 lost;
        for (uint256 i = 0; i < handler.idsLength(); ++i) {
            IFinancingPool.LoanPosition memory p = pool.loanPosition(address(loans), handler.ids(i));
            principal += p.principal;
            if (p.status == IFinancingPool.LoanStatus.Impaired) impaired += p.principal;
            if (p.status == IFinancingPool.LoanStatus.WrittenOff) {
                lost += uint256(p.funded) - p.principalReceived;
                assertEq(p.principal, 0);
            } else {
                assertEq(uint256(p.principal) + p.principalReceived, p.funded, "cost = book + received");
            }
        }
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertEq(n.principalOutstanding, principal, "principal = sum of positions");
        assertEq(n.impaired, impaired, "impaired = sum of impaired positions");
        assertEq(pool.aging().writtenOff, lost, "written off = sum of losses");
        // F-14: losses count toward the limit until recovered (a release floors at zero).
        uint256 exposure = pool.smeExposure(SME_CO);
        assertLe(exposure, principal + lost, "exposure <= principal on the books + losses");
        assertGe(exposure + handler.recovered(), principal + lost, "exposure >= book + losses - recoveries");
    }

    function invariant_sharesBackedByNetAssets() public view {
        assertLe(pool.convertToAssets(pool.totalSupply()), pool.totalAssets());
    }

    /// The handler's actions really move money (they are not all silently refused).
    function test_handler_exercisesEveryFlow() public {
        handler.deposit(100_000e6);
        handler.fundLoan(12_000e6, 12_000e6, true);
        handler.fundLoan(8_000e6, 2_000e6, false);
        assertEq(handler.idsLength(), 2);
        handler.warp(30 days);
        handler.repay(0, 3_000e6);
        handler.claim(0);
        handler.withdrawRequest(1);
        handler.claim(1);
        assertGt(handler.collected(), 2_000e6);
        handler.warp(30 days);
        handler.warp(30 days);
        handler.warp(30 days);
        handler.markDown(0, true);
        assertEq(
            uint8(pool.loanPosition(address(loans), handler.ids(0)).status),
            uint8(IFinancingPool.LoanStatus.WrittenOff)
        );
        invariant_cashConserved();
        invariant_positionsAddUp();
        invariant_sharesBackedByNetAssets();
    }
}
