// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IdentityBase} from "../identity/IdentityBase.sol";
import {MockCollateral} from "./LoanMocks.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {CreditHistory} from "../../contracts/credit/CreditHistory.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanCalculator} from "../../contracts/loans/LoanCalculator.sol";
import {LoanLens} from "../../contracts/loans/LoanLens.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ILoanNotes} from "../../contracts/interfaces/ILoanNotes.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice Loans wired as in deployment: AccessManager roles, identity, credit history (with the
/// manager as recorder), DemoUSD, a collateral NFT, a verified borrower and two verified lenders.
abstract contract LoanBase is IdentityBase {
    bytes32 internal constant BORROWER_CO = keccak256("entity:borrower");
    bytes32 internal constant LENDER_CO = keccak256("entity:lender");
    uint128 internal constant PRINCIPAL = 12_000e6;
    uint16 internal constant RATE = 1200;
    uint32 internal constant MONTH = 30 days;
    uint16 internal constant LATE_FEE_BPS = 3650;
    uint8 internal constant GRACE_DAYS = 3;
    uint16 internal constant IMPAIR_DAYS = 15;
    uint16 internal constant DEFAULT_DAYS = 60;

    DemoUSD internal usd;
    CreditHistory internal credit;
    LoanManager internal loans;
    LoanLens internal lens;
    ILoanNotes internal notes;
    MockCollateral internal nft;
    address internal vault;

    address internal borrower = makeAddr("borrower");
    address internal lender1 = makeAddr("lender1");
    address internal lender2 = makeAddr("lender2");
    address internal underwriter = makeAddr("underwriter");
    address internal poolManager = makeAddr("poolManager");
    address internal recovery = makeAddr("recovery");

    function setUp() public virtual override {
        super.setUp();
        usd = new DemoUSD(address(this));
        nft = new MockCollateral();
        nft.setCurrency(address(usd));
        credit = new CreditHistory(address(manager), 50_000e6);
        loans = new LoanManager(
            address(manager),
            registry,
            credit,
            usd,
            new LoanCalculator(),
            ILoanManager.Policy({
                lateFeeBps: LATE_FEE_BPS,
                lateGraceDays: GRACE_DAYS,
                impairAfterDays: IMPAIR_DAYS,
                defaultAfterDays: DEFAULT_DAYS
            })
        );
        notes = loans.notes();
        lens = new LoanLens(loans);
        _wireLoans();
        vm.prank(admin);
        credit.setRecorder(address(loans), true);
        vault = loans.collateralVault();
        address collateral = _collateralToken();
        vm.prank(admin);
        loans.setCollateralToken(collateral);

        _verifyAs(borrower, PartyRoles.SME, BORROWER_CO);
        _verifyAs(lender1, PartyRoles.INVESTOR, LENDER_CO);
        _verifyAs(lender2, PartyRoles.INVESTOR, LENDER_CO);
        address[4] memory payers = [borrower, lender1, lender2, recovery];
        for (uint256 n = 0; n < payers.length; ++n) {
            usd.mint(payers[n], 1_000_000e6);
            vm.prank(payers[n]);
            usd.approve(address(loans), type(uint256).max);
        }
        vm.prank(borrower);
        nft.setApprovalForAll(address(loans), true);
    }

    /// @dev The ERC-721 accepted as collateral; the mock by default, the real receivable token in
    /// the collateral tests.
    function _collateralToken() internal virtual returns (address) {
        return address(nft);
    }

    function _wireLoans() internal {
        _wire(address(loans), ILoanManager.approve.selector, Roles.UNDERWRITER);
        bytes4[] memory pm = new bytes4[](4);
        pm[0] = ILoanManager.impair.selector;
        pm[1] = ILoanManager.markDefaulted.selector;
        pm[2] = ILoanManager.seizeCollateral.selector;
        pm[3] = ILoanManager.setLender.selector;
        _wire(address(loans), pm, Roles.POOL_MANAGER);
        _wire(address(loans), ILoanManager.setPolicy.selector, Roles.POLICY_ADMIN);
        _wirePause(address(loans));
        _wire(address(credit), ICreditHistory.setBaseLimit.selector, Roles.POLICY_ADMIN);
        _grant(Roles.UNDERWRITER, underwriter, 0);
        _grant(Roles.POOL_MANAGER, poolManager, 0);
    }

    function _verifyAs(address account, uint8 roles, bytes32 entity) internal {
        vm.prank(kyc);
        registry.verify(account, roles, KE, uint40(block.timestamp + 3650 days), entity);
    }

    function _params(
        uint128 principal,
        uint16 count,
        Schedule.Kind kind
    ) internal view returns (ILoanManager.RequestParams memory) {
        return
            ILoanManager.RequestParams({
                principal: principal,
                rateBps: RATE,
                count: count,
                period: MONTH,
                kind: kind,
                graceCount: 0,
                collateralToken: address(0),
                collateralId: 0,
                fundingDeadline: uint40(block.timestamp + 7 days)
            });
    }

    function _request(ILoanManager.RequestParams memory p) internal returns (uint256 id) {
        vm.prank(borrower);
        id = loans.request(p);
    }

    /// @dev Requested, approved by the underwriter at the asked terms: status Funding.
    function _approved(uint128 principal, uint16 count, Schedule.Kind kind) internal returns (uint256 id) {
        id = _request(_params(principal, count, kind));
        vm.prank(underwriter);
        loans.approve(id, principal, RATE);
    }

    function _fund(uint256 id, address lender, uint256 amount) internal {
        vm.prank(lender);
        loans.fund(id, amount);
    }

    /// @dev Funded 1/3 by lender1 and 2/3 by lender2, drawn down now.
    function _active(uint128 principal, uint16 count, Schedule.Kind kind) internal returns (uint256 id) {
        id = _approved(principal, count, kind);
        _fund(id, lender1, principal / 3);
        _fund(id, lender2, principal - principal / 3);
        vm.prank(borrower);
        loans.drawdown(id);
    }

    function _repay(uint256 id, uint256 amount) internal returns (uint256) {
        vm.prank(borrower);
        return loans.repay(id, amount);
    }

    function _installmentTotal(uint256 id, uint256 k) internal view returns (uint256) {
        (, uint128 p, uint128 i, , ) = _rowTuple(id, k);
        return uint256(p) + i;
    }

    function _rowTuple(uint256 id, uint256 k) internal view returns (uint40, uint128, uint128, uint128, uint8) {
        LoanLens.InstallmentRow memory r = lens.installment(id, k);
        return (r.dueDate, r.principal, r.interest, r.paid, uint8(r.status));
    }
}
