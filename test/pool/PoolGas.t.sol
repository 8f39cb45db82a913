// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/console.sol";
import {PoolBase} from "./PoolBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";

/// @dev Reports a measured call's transaction gas (base and calldata included) against a ceiling.
abstract contract PoolGasBase is PoolBase {
    function _report(string memory label, bytes memory data, uint256 ceiling) internal view {
        uint256 total = vm.lastCallGas().gasTotalUsed + 21_000 + _calldataGas(data);
        console.log(label, total);
        assertLe(total, ceiling, label);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 g) {
        for (uint256 i = 0; i < data.length; ++i) g += data[i] == 0 ? 4 : 16;
    }
}

/// @notice Gas per user action in steady state: every account, balance, bucket and exposure slot
/// already exists (warmed up in setUp, a separate transaction, so the measured call still pays cold
/// access like a real one). Figures include the 21,000 base and calldata. Run with
/// `--build-profile production`. The payment is measured with the receivable test double; the
/// pool's share is the difference with the same payment to a non-financier holder.
contract PoolGasTest is PoolGasBase {
    uint256 internal financedId;
    uint256 internal plainId;
    uint256 internal freshId;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 500_000e6);
        _deposit(bob, 100_000e6);
        usd.mint(alice, 1_000_000e6);
        vm.prank(alice);
        usd.approve(address(pool), type(uint256).max);
        vm.prank(sme);
        rcv.setApprovalForAll(address(pool), true);
        (uint256 warm, ) = _financeNew(FACE, TENOR);
        (financedId, ) = _financeNew(FACE, TENOR);
        freshId = _invoice(sme, debtor, FACE, TENOR);
        plainId = _invoice(sme2, debtor, FACE, TENOR);
        vm.warp(block.timestamp + 1 hours);
        _pay(debtor, warm, 1_000e6);
        usd.mint(debtor, 2 * uint256(FACE));
        vm.prank(debtor);
        usd.approve(address(rcv), type(uint256).max);
        usd.mint(sme, 1);
        usd.mint(sme2, 1);
        vm.warp(block.timestamp + 1 hours);
    }

    function test_gas_deposit() public {
        bytes memory data = abi.encodeCall(pool.deposit, (1_000e6, alice));
        vm.prank(alice);
        pool.deposit(1_000e6, alice);
        // 80,186 measured: 77,807 before the identity check read the provider's flag (F-19).
        _report("deposit", data, 80_500);
    }

    function test_gas_redeemFromIdleCash() public {
        bytes memory data = abi.encodeCall(pool.redeem, (1e15, alice, alice));
        vm.prank(alice);
        pool.redeem(1e15, alice, alice);
        _report("redeem from idle cash", data, 75_000);
    }

    function test_gas_financeInvoice() public {
        bytes memory data = abi.encodeCall(pool.finance, (freshId, 1));
        vm.prank(sme);
        pool.finance(freshId, 1);
        // Lowered from 200,000 (issue 21): one call to the token for the invoice and its owner, one
        // registry call per party (196,625 measured with the double).
        _report("finance an invoice", data, 174_000);
    }

    function test_gas_debtorPaysFinancedInvoiceInFull() public {
        bytes memory data = abi.encodeCall(rcv.pay, (financedId, FACE));
        vm.prank(debtor);
        rcv.pay(financedId, FACE);
        // Target 130,000 for the whole transaction is NOT met: 144,447 measured, of which the double's
        // own pay() is ~61k (baseline below) and the pool's hook ~83k. What the hook must do, each a
        // cold slot read then written (2,100 + 2,900): the accrual checkpoint; the asset's status
        // and its collected amount (two slots); the ledger (cash, principal out); the debtor's and
        // the SME's exposure (two mappings, two slots); the due-day bucket (aging principal and the
        // ending accrual rate): 7 x 5,000 = 35,000. Plus the forward of the surplus to the SME (a
        // token transfer into a cold balance slot, ~9k), the linked library's cold account (2,600),
        // the token's `receivable()` view for the issuer and the entities (~8k of cold reads in the
        // token; gone since, see below), and two events. Packing the asset into one slot would save ~5k; the rest needs
        // either fewer invariants (no aging, no exposure) or the token splitting the payment itself.
        // Paid two hours after financing, i.e. early: since the F-1 fix the pool also cuts the fee to
        // what was earned and emits `ReceivableFeeRebated` (~+5.7k over the 144,447 before the fix).
        // Since the F-6 fix the earned fee's net stays in the accrual until paid and the payment then
        // converts it, with the rounding dust booked to fees (~+3k: 154,119 measured). The F-7 fix
        // (exposure release skips a revoked entity, never below zero) adds ~240: 154,278. Since the
        // token passes the issuer, currency and entities into the hook, the pool no longer calls
        // its `receivable()` view back: 148,888. The F-15 fix emits `AssetRepaid` when the pool's
        // claim is complete (an event of one topic and one word, ~1.4k) and the checkpoint reads the
        // accrual's last time for `ManagementFeeAccrued`: 151,168.
        _report("debtor pays financed invoice in full (double + pool)", data, 145_000);
    }

    function test_gas_debtorPaysUnfinancedInvoice_baseline() public {
        bytes memory data = abi.encodeCall(rcv.pay, (plainId, FACE));
        vm.prank(debtor);
        rcv.pay(plainId, FACE);
        _report("debtor pays a non-financed invoice (double only, baseline)", data, type(uint256).max);
    }
}

/// @notice Worst cases of the walks after long idle periods. The policy is set in setUp, a
/// separate transaction: `setPolicy` recomputes the haircut over every due day from 90 days back
/// to the tenor cap ahead, which inside the measured test's transaction would warm the very days
/// the checkpoint then walks.
contract PoolGasIdleTest is PoolGasBase {
    function setUp() public override {
        super.setUp();
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxTenor = 730 days;
        _setPolicy(p);
        _deposit(alice, 500_000e6);
    }

    /// The worst case of the uncapped accrual walk (finding F-6): an invoice at the 730-day tenor
    /// cap keeps the rate above zero, and nothing touches the pool for two years, so the first
    /// write crosses every day boundary (one cold bucket read each).
    function test_gas_checkpointAfterTwoIdleYears() public {
        _financeNew(FACE, 729 days);
        vm.warp(block.timestamp + 729 days);
        // No view first: it would walk (and warm) the same day buckets inside this test's transaction.
        bytes memory data = abi.encodeCall(pool.checkpoint, ());
        pool.checkpoint();
        _report("checkpoint after two idle years (730-day walk)", data, 2_100_000);
        assertGt(pool.navBreakdown().accruedIncome, 0, "the long invoice's income was booked");
    }
}

/// @notice The ageing haircut's walks (finding F-22): invoices due on nine different days, the
/// haircut on, everything set up in a separate transaction.
contract PoolGasHaircutTest is PoolGasBase {
    function setUp() public override {
        super.setUp();
        IFinancingPool.Policy memory p = _defaultPolicy();
        p.maxTenor = 730 days;
        p.agingHaircutBps = [uint16(1_000), 2_500, 5_000, 10_000];
        _setPolicy(p);
        _deposit(alice, 500_000e6);
        _financeNew(FACE, 729 days);
        for (uint256 i = 0; i < 8; ++i) _financeNew(FACE, 10 days + i * 40 days);
        usd.mint(alice, 1); // the exit pays into a balance that exists, as in PoolGasTest
    }

    /// Nobody checkpointed for two years while the invoices aged through every bucket: the
    /// haircut's walk reads each due day in the union of the four boundary ranges once (730 + 91
    /// days), on top of the accrual walk.
    function test_gas_checkpointAfterHaircutIdleTwoYears() public {
        vm.warp(block.timestamp + 729 days);
        bytes memory data = abi.encodeCall(pool.checkpoint, ());
        pool.checkpoint();
        _report("checkpoint after two idle years, accrual and haircut walks", data, 4_300_000);
        assertGt(pool.navBreakdown().agingHaircut, 0, "the overdue invoices were cut");
    }

    /// An exit on a day nobody checkpointed yet walks that day in its view (four due days read).
    function test_gas_redeemOnANewDayWithHaircut() public {
        vm.warp(block.timestamp + 1 days);
        bytes memory data = abi.encodeCall(pool.redeem, (1_000e6, alice, alice));
        vm.prank(alice);
        pool.redeem(1_000e6, alice, alice);
        _report("redeem, haircut walked one day in the view", data, 100_000);
    }
}
