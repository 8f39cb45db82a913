// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SecurityBase} from "./SecurityBase.sol";
import {RebasingToken} from "./attackers/RebasingToken.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";

/// @notice Non-standard stablecoins. The receivable token measures what the holder received and
/// refuses any difference by name; the pool and loans assume a plain ERC-20 (a deployment-time
/// trust assumption, see THREAT_MODEL.md and SecurityFindings.t.sol F-2, F-3). Fee-on-transfer
/// refusal in receivables: test/receivables/ReceivablePayment.t.sol
/// `test_pay_revertsForFeeOnTransferCurrency`.
contract SecurityTokensTest is SecurityBase {
    RebasingToken private reb;

    function _rebasingInvoice() private returns (uint256 id) {
        reb = new RebasingToken();
        vm.prank(policyNow);
        rcv.setCurrencyAllowed(address(reb), true);
        IReceivableToken.TokenizeParams memory p = _params(debtor, FACE, TENOR);
        p.currency = address(reb);
        vm.prank(sme);
        id = rcv.tokenize(p);
        reb.mint(debtor, 1_000_000e6);
        vm.prank(debtor);
        reb.approve(address(rcv), type(uint256).max);
    }

    /// A rebasing currency delivers `amount` rounded through its index: the payment is refused
    /// with the amounts, so the invoice never books more than the holder got.
    function test_tokens_rebasingCurrencyPayment_refusedByBalanceDelta() public {
        uint256 id = _rebasingInvoice();
        reb.rebase(1.1e18);
        uint128 amount = 1_000e6;
        uint256 credited = (((uint256(amount) * 1e18) / 1.1e18) * 1.1e18) / 1e18;
        assertEq(reb.balanceOf(sme), 0);
        assertTrue(credited != amount);
        vm.prank(debtor);
        vm.expectRevert(
            abi.encodeWithSelector(
                IReceivableToken.ReceivableTransferAmountMismatch.selector,
                address(reb),
                uint256(amount),
                credited
            )
        );
        rcv.pay(id, amount);
    }

    /// At index 1:1 the same token behaves exactly; the payment is booked.
    function test_tokens_rebasingCurrencyAtParity_paysExactly() public {
        uint256 id = _rebasingInvoice();
        vm.prank(debtor);
        rcv.pay(id, 1_000e6);
        assertEq(rcv.receivable(id).amountPaid, 1_000e6);
        assertEq(reb.balanceOf(sme), 1_000e6);
    }
}
