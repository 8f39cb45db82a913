// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SecurityBase} from "./SecurityBase.sol";

/// @notice Share-price and rounding attacks against the real pool and loans: first-depositor and
/// donation inflation (Hundred, Radiant, Sentiment v2), donations that would skip a check (Euler),
/// rounding in the caller's favour (M0, Centrifuge findings), the repayment sandwich.
contract SecurityEconomicTest is SecurityBase {
    // ------------------------------------------------------------ inflation and donations

    /// Hundred/Radiant/Sentiment: the first depositor mints 1 unit of shares, donates a fortune to
    /// the pool to push the share price up, and the next depositor's deposit rounds to zero shares.
    function test_pool_firstDepositorDonation_victimKeepsDeposit() public {
        _deposit(attacker, 1);
        usd.mint(attacker, 10_000_000e6);
        vm.prank(attacker);
        usd.transfer(address(pool), 10_000_000e6);

        uint256 victimShares = _deposit(alice, 1_000e6);
        assertEq(victimShares, 1_000e6 * 1e6, "victim priced as if nothing was donated");
        assertEq(_redeemAll(alice), 1_000e6, "victim gets every unit back");
        assertLe(_redeemAll(attacker), 1, "attacker gets at most its 1 unit");
        assertEq(usd.balanceOf(address(pool)), 10_000_000e6, "the donation stays stranded, owned by nobody");
    }

    /// Fuzz of the same: whatever is deposited first and donated, the victim loses at most 1 unit.
    function testFuzz_pool_donationInflation_victimLosesAtMostOneUnit(
        uint256 seed,
        uint256 donation,
        uint256 victim
    ) public {
        seed = bound(seed, 1, 1_000e6);
        donation = bound(donation, 1, 1e30);
        victim = bound(victim, 1, 1_000_000e6);
        _deposit(attacker, seed);
        usd.mint(attacker, donation);
        vm.prank(attacker);
        usd.transfer(address(pool), donation);
        _deposit(alice, victim);
        uint256 back = _redeemAll(alice);
        assertLe(back, victim, "never more than deposited");
        assertGe(back + 1, victim, "never more than one unit lost");
        assertLe(_redeemAll(attacker), seed, "the attacker never profits");
    }

    /// Euler: a donation that changes balances without passing the checks. Cash sent to the pool
    /// outside its entry points changes neither NAV, nor idle cash, nor what anyone may withdraw.
    function test_pool_donation_skipsNoCheckAndMovesNoPrice() public {
        _deposit(alice, 100_000e6);
        (, uint256 advance) = _financed(FACE, TENOR);
        uint256 price = pool.sharePrice();
        uint256 idle = pool.idleCash();
        uint256 maxW = pool.maxWithdraw(alice);
        usd.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usd.transfer(address(pool), 1_000_000e6);
        assertEq(pool.sharePrice(), price);
        assertEq(pool.idleCash(), idle);
        assertEq(pool.maxWithdraw(alice), maxW);
        assertEq(pool.navBreakdown().cash, 100_000e6 - advance, "booked cash ignores the donation");
    }

    /// Euler on loans: a donation to the loan escrow does not raise any note holder's claim, nor
    /// count as a repayment (the schedule and the credit record do not move).
    function test_loans_donation_doesNotCountAsRepaymentOrClaim() public {
        uint256 id = _activeLoan(PRINCIPAL, 6);
        usd.mint(attacker, 1_000_000e6);
        vm.prank(attacker);
        usd.transfer(address(loans), 1_000_000e6);
        assertEq(loans.claimable(id, alice), 0);
        assertEq(loans.claimable(id, bob), 0);
        assertEq(loans.loan(id).repaid, 0);
        assertEq(loans.loan(id).head, 0);
    }

    /// Shares are KYC-gated; donating shares to the pool (burning supply to lift the price) is refused.
    function test_pool_shareDonationToPool_reverts() public {
        uint256 shares = _deposit(attacker, 1_000e6);
        vm.prank(attacker);
        vm.expectRevert(abi.encodeWithSignature("PoolSharesToPool(address)", attacker));
        pool.transfer(address(pool), shares);
    }

    // ------------------------------------------------------------ rounding

    /// M0/Centrifuge: deposit then redeem (or mint then withdraw) at any price never returns more
    /// than was paid, including after income has accrued to a fractional price.
    function testFuzz_pool_roundTrips_neverFavourCaller(uint256 a, uint256 elapsed, uint256 shares) public {
        _deposit(alice, 100_000e6);
        _financed(FACE, TENOR);
        vm.warp(block.timestamp + bound(elapsed, 0, TENOR - 2 days));
        a = bound(a, 100, 50_000e6);
        uint256 minted = _deposit(attacker, a);
        vm.prank(attacker);
        uint256 back = pool.redeem(minted, attacker, attacker);
        assertLe(back, a, "deposit+redeem");

        shares = bound(shares, 1e6, 1e16);
        uint256 cost = pool.previewMint(shares);
        usd.mint(attacker, cost);
        vm.startPrank(attacker);
        usd.approve(address(pool), cost);
        pool.mint(shares, attacker);
        uint256 w = pool.maxWithdraw(attacker);
        if (w != 0) {
            uint256 burned = pool.withdraw(w, attacker, attacker);
            assertLe(burned, shares, "never burns more than held");
            assertLe(w, cost, "mint+withdraw");
        }
        vm.stopPrank();
    }

    /// Withdrawing in many small pieces never beats withdrawing once (each piece rounds shares up).
    function testFuzz_pool_splitWithdrawals_neverBeatOneRedeem(uint256 pieces, uint256 elapsed) public {
        pieces = bound(pieces, 2, 20);
        _deposit(alice, 100_000e6);
        _financed(FACE, TENOR);
        vm.warp(block.timestamp + bound(elapsed, 1, TENOR - 2 days));
        uint256 shares = _deposit(attacker, 3_333_333_333);
        uint256 once = pool.previewRedeem(shares);
        uint256 got;
        vm.startPrank(attacker);
        for (uint256 n = 0; n < pieces; ++n) {
            uint256 left = pool.maxWithdraw(attacker);
            uint256 piece = n + 1 == pieces ? left : left / (pieces - n);
            if (piece == 0) continue;
            pool.withdraw(piece, attacker, attacker);
            got += piece;
        }
        vm.stopPrank();
        assertLe(got, once);
    }

    /// Pro-rata claims (Centrifuge): however notes are split among lenders and however repayments
    /// are sliced, the sum of what lenders can claim never exceeds what was repaid, and the escrow
    /// always covers it.
    function testFuzz_loans_proRataClaims_neverExceedRepaid(uint256 split, uint256 p1, uint256 p2, uint256 p3) public {
        uint256 id = _fundingLoan(PRINCIPAL, 6);
        split = bound(split, 1, PRINCIPAL - 2);
        uint256 third = bound(p1, 1, PRINCIPAL - split - 1);
        _fundLoan(id, alice, split);
        _fundLoan(id, bob, third);
        _fundLoan(id, attacker, PRINCIPAL - split - third);
        vm.prank(sme);
        loans.drawdown(id);
        uint256[3] memory pays = [bound(p1, 1, 5_000e6), bound(p2, 1, 5_000e6), bound(p3, 1, 5_000e6)];
        uint256 repaid;
        for (uint256 n = 0; n < 3; ++n) {
            vm.warp(block.timestamp + 11 days);
            vm.prank(sme);
            repaid += loans.repay(id, pays[n]);
            // Lenders claim at different times: rounding must not accumulate in their favour.
            if (n == 1 && loans.claimable(id, attacker) != 0) {
                vm.prank(attacker);
                loans.claim(id);
            }
        }
        uint256 claimed = usd.balanceOf(attacker);
        uint256 owed = loans.claimable(id, alice) + loans.claimable(id, bob) + loans.claimable(id, attacker);
        assertLe(claimed + owed, repaid, "claims never exceed repayments");
        assertGe(claimed + owed + 3, repaid, "at most one unit of dust per holder stays in escrow");
        assertGe(usd.balanceOf(address(loans)), owed, "escrow covers every claim");
    }

    // ------------------------------------------------------------ repayment sandwich

    /// Deposit just before a debtor's on-time payment lands, redeem just after: the share price
    /// accrued linearly up to the due day, so the payment moves it by rounding only, and the
    /// sandwich loses money. (An early payment is another matter: see SecurityFindings.t.sol.)
    function testFuzz_pool_repaymentSandwich_onTimePaymentNoProfit(uint256 amount, uint256 late) public {
        amount = bound(amount, 1e6, 1_000_000e6);
        _deposit(alice, 100_000e6);
        (uint256 id, ) = _financed(FACE, TENOR);
        uint256 due = rcv.receivable(id).dueDate;
        vm.warp(due - (due % 1 days) + bound(late, 0, 4 days));
        uint256 shares = _deposit(attacker, amount);
        _pay(id, FACE);
        vm.prank(attacker);
        uint256 back = pool.redeem(shares, attacker, attacker);
        assertLe(back, amount);
    }

    /// The loan-note version: buying notes just before a repayment and selling just after earns
    /// nothing of that repayment for the buyer beyond what the seller accrued (claims settle on
    /// transfer, so a repayment already made stays with the seller).
    function test_loans_noteTransferAfterRepayment_pastClaimsStayWithSeller() public {
        uint256 id = _activeLoan(PRINCIPAL, 6);
        vm.warp(block.timestamp + 30 days);
        vm.prank(sme);
        uint256 paid = loans.repay(id, 5_000e6);
        uint256 aliceOwed = loans.claimable(id, alice);
        assertGt(aliceOwed, 0);
        vm.prank(alice);
        notes.safeTransferFrom(alice, attacker, id, PRINCIPAL / 3, "");
        assertEq(loans.claimable(id, attacker), 0, "buyer gets no past repayment");
        assertEq(loans.claimable(id, alice), aliceOwed, "seller keeps it");
        assertLe(aliceOwed + loans.claimable(id, bob), paid);
    }
}
