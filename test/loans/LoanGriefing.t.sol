// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {LoanBase} from "./LoanBase.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";

/// @notice A lender contract that does everything a griever can: refuses ERC-1155 receipts,
/// never claims nor refunds, moves its notes around, pays dust, expires loans.
contract Griever {
    ILoanManager internal immutable LOANS;

    constructor(ILoanManager loans) {
        LOANS = loans;
        loans.asset().approve(address(loans), type(uint256).max);
    }

    function fund(uint256 id, uint256 amount) external {
        LOANS.fund(id, amount);
    }

    function give(address to, uint256 id, uint256 amount) external {
        LOANS.notes().safeTransferFrom(address(this), to, id, amount, "");
    }

    function repayDust(uint256 id) external {
        LOANS.repay(id, 1);
    }

    function expire(uint256 id) external {
        LOANS.expire(id);
    }
}

/// @notice One lender's refund and claim never depend on what another lender does.
contract LoanGriefingTest is LoanBase {
    Griever internal griever;

    function setUp() public override {
        super.setUp();
        griever = new Griever(loans);
        usd.mint(address(griever), 1_000_000e6);
        vm.prank(poolManager);
        loans.setLender(address(griever), true);
    }

    function test_refund_cannotBeBlockedByAnotherLender() public {
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 4_000e6);
        // The griever takes all but one unit, so the borrower can never draw down...
        griever.fund(id, PRINCIPAL - 4_000e6 - 1);
        // ...hands a unit to the victim, expires the loan itself, and never refunds.
        griever.give(lender1, id, 1);
        vm.warp(block.timestamp + 8 days);
        griever.expire(id);
        vm.prank(lender1);
        assertEq(loans.refund(id), 4_000e6 + 1);
        // The griever's own part stays refundable to it alone, fully backed.
        assertEq(usd.balanceOf(address(loans)), PRINCIPAL - 4_000e6 - 2);
        assertEq(notes.balanceOf(address(griever), id), PRINCIPAL - 4_000e6 - 2);
    }

    function test_claim_cannotBeBlockedByAnotherLender() public {
        uint256 id = _approved(9_000e6, 12, Schedule.Kind.Amortizing);
        _fund(id, lender1, 3_000e6);
        griever.fund(id, 6_000e6);
        vm.prank(borrower);
        loans.drawdown(id);
        _repay(id, 900e6);
        // Dust payments and note moves by the griever never cut the victim's accrued claim.
        griever.repayDust(id);
        griever.give(lender1, id, 6_000e6);
        griever.repayDust(id);
        vm.prank(lender1);
        uint256 got = loans.claim(id);
        // Its third of the 900 (and a share of the dust), never less.
        assertGe(got, 300e6);
        assertLe(got, 300e6 + 2);
        // What the griever left unclaimed is its own, and still backed in escrow.
        uint256 left = loans.claimable(id, address(griever));
        assertGe(left, 600e6);
        assertLe(got + left, 900e6 + 2);
        assertGe(usd.balanceOf(address(loans)), left);
    }

    /// @dev Whatever share the griever holds and moves, and in whatever order it acts, each
    /// lender's claim is its own units times the per-unit repayments while it held them.
    function testFuzz_claim_independentOfOtherHolder(
        uint128 grieverUnits,
        uint128 repayment,
        bool grieverFirst
    ) public {
        grieverUnits = uint128(bound(grieverUnits, 1, PRINCIPAL - 1));
        uint256 id = _approved(PRINCIPAL, 12, Schedule.Kind.Amortizing);
        uint256 mine = PRINCIPAL - grieverUnits;
        _fund(id, lender1, mine);
        griever.fund(id, grieverUnits);
        vm.prank(borrower);
        loans.drawdown(id);
        repayment = uint128(bound(repayment, 1, PRINCIPAL));
        uint256 paid = _repay(id, repayment);
        if (grieverFirst) griever.give(lender2, id, grieverUnits);
        uint256 owed = (mine * loans.accPerUnit(id)) / 1e18;
        if (owed == 0) {
            vm.expectRevert(abi.encodeWithSelector(ILoanManager.LoanNothingToClaim.selector, id, lender1));
            vm.prank(lender1);
            loans.claim(id);
            return;
        }
        vm.prank(lender1);
        assertEq(loans.claim(id), owed);
        assertLe(owed, paid);
        assertGe(IERC20(address(usd)).balanceOf(address(loans)), paid - owed);
    }
}
