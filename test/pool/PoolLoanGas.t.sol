// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {console} from "forge-std/console.sol";
import {PoolLoanBase} from "./PoolLoanBase.sol";

/// @notice Gas of the pool's loan actions in steady state (the pool already holds a position in
/// another loan of the same manager, the SME's exposure slot exists). Figures include the 21,000
/// base and calldata. Run with `--build-profile production`.
contract PoolLoanGasTest is PoolLoanBase {
    uint256 internal openId;
    uint256 internal activeId;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 500_000e6);
        uint256 warm = _activeLoan(LOAN, LOAN);
        activeId = _activeLoan(LOAN, LOAN);
        (uint256 principal, uint256 interest, uint40 due) = _row(activeId, 0);
        vm.warp(due);
        _repayLoan(warm, principal + interest);
        pool.claimLoan(address(loans), warm);
        _repayLoan(activeId, principal + interest);
        vm.warp(block.timestamp + 1 hours);
        openId = _loan(LOAN);
    }

    function test_gas_fundLoan() public {
        bytes memory data = abi.encodeCall(pool.fundLoan, (address(loans), openId, LOAN));
        vm.prank(poolManager);
        pool.fundLoan(address(loans), openId, LOAN);
        _report("pool funds a loan (whole principal)", data, 250_000);
    }

    function test_gas_claimLoanInstallment() public {
        bytes memory data = abi.encodeCall(pool.claimLoan, (address(loans), activeId));
        pool.claimLoan(address(loans), activeId);
        _report("pool claims a loan installment", data, 200_000);
    }

    function _report(string memory label, bytes memory data, uint256 ceiling) internal view {
        uint256 total = vm.lastCallGas().gasTotalUsed + 21_000 + _calldataGas(data);
        console.log(label, total);
        assertLe(total, ceiling, label);
    }

    function _calldataGas(bytes memory data) internal pure returns (uint256 g) {
        for (uint256 i = 0; i < data.length; ++i) g += data[i] == 0 ? 4 : 16;
    }
}
