// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Vm} from "forge-std/Vm.sol";
import {SecurityBase} from "./SecurityBase.sol";
import {Selectors} from "./Selectors.sol";

/// @notice Random calldata against every deployed contract, from every kind of actor, on a live
/// protocol (deposits, financed invoices, active and cancelled loans, queued redemptions):
/// (1) no call ever reverts with a Panic (0x4e487b71: overflow, division by zero, array bounds,
/// enum conversion...) — bad input must get a named error; (2) no stablecoin balance of a
/// protocol contract moves unless a protocol contract emitted an event in the same call.
/// One exemption, asserted narrowly: Panic(0x41) (memory allocation) comes from Solidity's ABI
/// decoder when random words give a `bytes`/array argument an absurd length, i.e. calldata no ABI
/// encoder produces, not protocol logic. (The pool's share conversions no longer overflow on huge
/// amounts: finding F-4, fixed.)
contract SecurityCalldataFuzzTest is SecurityBase {
    bytes4 private constant PANIC = 0x4e487b71;
    uint256 private constant ALLOCATION = 0x41;

    address[] private actors;
    address[] private protocol;
    uint256[] private ids;

    function setUp() public override {
        super.setUp();
        _livePositions();
        _actorsWithAllowances();
        protocol.push(address(pool));
        protocol.push(address(queue));
        protocol.push(address(loans));
        protocol.push(address(rcv));
        protocol.push(address(notes));
        protocol.push(address(credit));
        protocol.push(address(registry));
    }

    function _livePositions() private {
        _deposit(alice, 200_000e6);
        _deposit(bob, 50_000e6);
        _deposit(attacker, 10_000e6);
        (uint256 invoice, ) = _financed(FACE, TENOR);
        uint256 open = _acknowledged(sme, FACE, TENOR);
        uint256 issued;
        {
            vm.prank(sme);
            issued = rcv.tokenize(_params(debtor, 5_000e6, TENOR));
        }
        uint256 active = _activeLoan(PRINCIPAL, 6);
        uint256 funding = _fundingLoan(6_000e6, 3);
        _fundLoan(funding, attacker, 1_000e6);
        uint256 half = pool.balanceOf(alice) / 2;
        vm.prank(alice);
        queue.requestRedeem(half, alice, alice);
        vm.warp(block.timestamp + 20 days);
        vm.prank(sme);
        loans.repay(active, 2_500e6);

        ids.push(invoice);
        ids.push(open);
        ids.push(issued);
        ids.push(active);
        ids.push(funding);
        ids.push(0);
        ids.push(1);
        ids.push(2);
        ids.push(3);
    }

    function _actorsWithAllowances() private {
        address[12] memory a = [
            alice,
            bob,
            attacker,
            sme,
            smeWallet2,
            debtor,
            poolManager,
            underwriter,
            servicer,
            policyNow,
            kyc,
            stranger
        ];
        for (uint256 n = 0; n < a.length; ++n) {
            actors.push(a[n]);
            usd.mint(a[n], 1_000_000e6);
            vm.startPrank(a[n]);
            usd.approve(address(pool), type(uint256).max);
            usd.approve(address(loans), type(uint256).max);
            usd.approve(address(rcv), type(uint256).max);
            vm.stopPrank();
        }
        actors.push(pauser);
        actors.push(admin);
        actors.push(address(pool));
        actors.push(address(queue));
        actors.push(address(rcv));
    }

    /// @dev One argument word: raw random, a small amount, an actor or protocol address, or a live id.
    function _word(uint256 seed, uint256 n) private view returns (bytes32) {
        uint256 r = uint256(keccak256(abi.encode(seed, n)));
        uint256 mode = r % 5;
        if (mode == 0) return bytes32(r);
        if (mode == 1) return bytes32(r % 100_000e6);
        if (mode == 2) return bytes32(uint256(uint160(actors[(r >> 8) % actors.length])));
        if (mode == 3) return bytes32(ids[(r >> 8) % ids.length]);
        return bytes32(uint256(uint160(protocol[(r >> 8) % protocol.length])));
    }

    function _calldata(bytes4 selector, uint256 seed, uint256 words) private view returns (bytes memory data) {
        data = abi.encodePacked(selector);
        for (uint256 n = 0; n < words; ++n) data = abi.encodePacked(data, _word(seed, n));
    }

    function _balances() private view returns (uint256[] memory b) {
        b = new uint256[](protocol.length);
        for (uint256 n = 0; n < protocol.length; ++n) b[n] = usd.balanceOf(protocol[n]);
    }

    function _protocolEmitted(Vm.Log[] memory logs) private view returns (bool) {
        for (uint256 n = 0; n < logs.length; ++n) {
            for (uint256 k = 0; k < protocol.length; ++k) if (logs[n].emitter == protocol[k]) return true;
        }
        return false;
    }

    function _fuzz(address target, bytes4[] memory selectors, uint256 pick, uint256 seed, uint256 warp) private {
        bytes4 selector = selectors[pick % selectors.length];
        bytes memory data = _calldata(selector, seed, 1 + (seed % 9));
        address actor = actors[(seed >> 128) % actors.length];
        vm.warp(block.timestamp + (warp % 3 == 0 ? warp % 200 days : 0));
        uint256[] memory before = _balances();
        vm.recordLogs();
        vm.prank(actor);
        (bool ok, bytes memory ret) = target.call(data);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        if (!ok && ret.length >= 4 && bytes4(ret) == PANIC) {
            uint256 code = ret.length >= 36 ? abi.decode(_tail(ret), (uint256)) : 0;
            assertEq(code, ALLOCATION, "panic reachable by input");
        }
        uint256[] memory afterB = _balances();
        for (uint256 n = 0; n < afterB.length; ++n) {
            if (afterB[n] != before[n]) assertTrue(_protocolEmitted(logs), "balance moved without a protocol event");
        }
    }

    function _tail(bytes memory ret) private pure returns (bytes memory t) {
        t = new bytes(ret.length - 4);
        for (uint256 n = 0; n < t.length; ++n) t[n] = ret[n + 4];
    }

    function testFuzz_pool_randomCalldata_neverPanicsNorMovesSilently(uint256 pick, uint256 seed, uint256 warp) public {
        _fuzz(address(pool), Selectors.financingPool(), pick, seed, warp);
    }

    function testFuzz_queue_randomCalldata_neverPanicsNorMovesSilently(
        uint256 pick,
        uint256 seed,
        uint256 warp
    ) public {
        _fuzz(address(queue), Selectors.redemptionQueue(), pick, seed, warp);
    }

    function testFuzz_receivables_randomCalldata_neverPanicsNorMovesSilently(
        uint256 pick,
        uint256 seed,
        uint256 warp
    ) public {
        _fuzz(address(rcv), Selectors.receivableToken(), pick, seed, warp);
    }

    function testFuzz_loans_randomCalldata_neverPanicsNorMovesSilently(
        uint256 pick,
        uint256 seed,
        uint256 warp
    ) public {
        _fuzz(address(loans), Selectors.loanManager(), pick, seed, warp);
    }

    function testFuzz_notes_randomCalldata_neverPanicsNorMovesSilently(
        uint256 pick,
        uint256 seed,
        uint256 warp
    ) public {
        _fuzz(address(notes), Selectors.loanNotes(), pick, seed, warp);
    }

    function testFuzz_lens_randomCalldata_neverPanics(uint256 pick, uint256 seed, uint256 warp) public {
        _fuzz(address(lens), Selectors.loanLens(), pick, seed, warp);
    }

    function testFuzz_collateralVault_randomCalldata_neverPanicsNorMovesSilently(
        uint256 pick,
        uint256 seed,
        uint256 warp
    ) public {
        _fuzz(loans.collateralVault(), Selectors.collateralVault(), pick, seed, warp);
    }

    function testFuzz_calculator_randomCalldata_neverPanics(uint256 pick, uint256 seed, uint256 warp) public {
        _fuzz(address(loans.calculator()), Selectors.loanCalculator(), pick, seed, warp);
    }

    function testFuzz_credit_randomCalldata_neverPanicsNorMovesSilently(
        uint256 pick,
        uint256 seed,
        uint256 warp
    ) public {
        _fuzz(address(credit), Selectors.creditHistory(), pick, seed, warp);
    }

    function testFuzz_identity_randomCalldata_neverPanics(uint256 pick, uint256 seed, uint256 warp) public {
        _fuzz(address(registry), Selectors.identityRegistry(), pick, seed, warp);
    }
}
