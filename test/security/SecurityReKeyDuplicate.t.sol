// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SecurityBase} from "./SecurityBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice O-4 (THREAT_MODEL.md): once the KYC provider gives the SME's wallet a second entity id,
/// the same invoice number is a new duplicate key and can be tokenized again. These tests pin what
/// still stands between that second token and a second advance: the debtor's own acknowledgement,
/// which neither the pool nor the loan manager can do without.
contract SecurityReKeyDuplicateTest is SecurityBase {
    bytes32 private constant SECOND_ID = keccak256("entity:acme-second-id");

    function _again(IReceivableToken.TokenizeParams memory first) private returns (uint256 id) {
        IReceivableToken.TokenizeParams memory p = _params(debtor, first.faceValue, TENOR);
        p.invoiceNumber = first.invoiceNumber; // the same real invoice, another file
        vm.prank(sme);
        id = rcv.tokenize(p);
    }

    function _firstFinancedThenReKeyed() private returns (IReceivableToken.TokenizeParams memory p, uint256 second) {
        _deposit(alice, 200_000e6);
        p = _params(debtor, FACE, TENOR);
        vm.prank(sme);
        uint256 first = rcv.tokenize(p);
        _ackAs(rcv, first, p);
        _finance(sme, first);
        _verifyAs(sme, PartyRoles.SME, SECOND_ID);
        second = _again(p);
    }

    function test_tokenize_sameNumberBeforeReKey_revertsAsDuplicate() public {
        IReceivableToken.TokenizeParams memory p = _params(debtor, FACE, TENOR);
        vm.prank(sme);
        rcv.tokenize(p);
        IReceivableToken.TokenizeParams memory q = _params(debtor, FACE, TENOR);
        q.invoiceNumber = p.invoiceNumber;
        vm.prank(sme);
        vm.expectPartialRevert(IReceivableToken.ReceivableInvoiceAlreadyTokenized.selector);
        rcv.tokenize(q);
    }

    function test_finance_secondTokenAfterReKey_revertsWithoutTheDebtorsAcknowledgement() public {
        (, uint256 second) = _firstFinancedThenReKeyed();
        vm.startPrank(sme);
        rcv.approve(address(pool), second);
        vm.expectRevert(
            abi.encodeWithSelector(
                IFinancingPool.PoolReceivableNotAcknowledged.selector,
                second,
                IReceivableToken.Status.Issued
            )
        );
        pool.finance(second, 0);
        vm.stopPrank();
    }

    function test_request_secondTokenAfterReKeyAsCollateral_revertsWithoutTheDebtorsAcknowledgement() public {
        (, uint256 second) = _firstFinancedThenReKeyed();
        ILoanManager.RequestParams memory r = _loanParams(5_000e6, 3);
        r.collateralToken = address(rcv);
        r.collateralId = second;
        vm.prank(sme);
        rcv.setApprovalForAll(address(loans), true);
        vm.prank(sme);
        vm.expectRevert(
            abi.encodeWithSelector(
                ILoanManager.LoanCollateralNotAcknowledged.selector,
                second,
                IReceivableToken.Status.Issued
            )
        );
        loans.request(r);
    }
}
