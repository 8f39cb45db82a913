// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {PoolBase} from "./PoolBase.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {CreditHistory} from "../../contracts/credit/CreditHistory.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanCalculator} from "../../contracts/loans/LoanCalculator.sol";
import {LoanLens} from "../../contracts/loans/LoanLens.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {Roles} from "../../contracts/access/Roles.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";

/// @notice The pool next to a real LoanManager, wired as in deployment: the pool is an allowed
/// lender, the pool manager holds POOL_MANAGER on both, an underwriter approves loans. The borrower is the pool's `sme` (entity SME_CO, shared with its invoices).
abstract contract PoolLoanBase is PoolBase {
    uint128 internal constant LOAN = 12_000e6;
    uint16 internal constant LOAN_RATE = 1_200;
    uint16 internal constant LOAN_COUNT = 6;
    uint32 internal constant MONTH = 30 days;

    LoanManager internal loans;
    LoanLens internal lens;
    CreditHistory internal credit;
    address internal lender = makeAddr("lender");
    address internal underwriter = makeAddr("underwriter");

    function setUp() public virtual override {
        super.setUp();
        _wire(address(pool), IFinancingPool.fundLoan.selector, Roles.POOL_MANAGER);
        loans = _deployLoans(address(usd));
        vm.prank(admin);
        pool.setLoanManager(address(loans), true);
        lens = new LoanLens(loans);
        _verifyAs(lender, PartyRoles.INVESTOR, keccak256("entity:lender"));
        usd.mint(lender, 1_000_000e6);
        vm.prank(lender);
        usd.approve(address(loans), type(uint256).max);
        usd.mint(sme, 1_000_000e6);
        vm.prank(sme);
        usd.approve(address(loans), type(uint256).max);
        vm.label(address(loans), "loans");
    }

    function _deployLoans(address currency) internal returns (LoanManager m) {
        credit = new CreditHistory(address(manager), 100_000e6);
        m = new LoanManager(
            address(manager),
            IIdentityRegistry(address(registry)),
            ICreditHistory(address(credit)),
            IERC20(currency),
            new LoanCalculator(),
            ILoanManager.Policy({lateFeeBps: 3_650, lateGraceDays: 3, impairAfterDays: 15, defaultAfterDays: 60})
        );
        bytes4[] memory pm = new bytes4[](3);
        pm[0] = ILoanManager.impair.selector;
        pm[1] = ILoanManager.markDefaulted.selector;
        pm[2] = ILoanManager.setLender.selector;
        _wire(address(m), pm, Roles.POOL_MANAGER);
        _wire(address(m), ILoanManager.approve.selector, Roles.UNDERWRITER);
        _grant(Roles.UNDERWRITER, underwriter, 0);
        vm.prank(admin);
        credit.setRecorder(address(m), true);
        vm.prank(poolManager);
        m.setLender(address(pool), true);
    }

    /// @dev A loan of `principal` requested by `sme` and approved as asked: open for funding.
    function _loan(uint128 principal) internal returns (uint256 id) {
        vm.prank(sme);
        id = loans.request(
            ILoanManager.RequestParams({
                principal: principal,
                rateBps: LOAN_RATE,
                count: LOAN_COUNT,
                period: MONTH,
                kind: Schedule.Kind.Amortizing,
                graceCount: 0,
                collateralToken: address(0),
                collateralId: 0,
                fundingDeadline: uint40(block.timestamp + 7 days)
            })
        );
        vm.prank(underwriter);
        loans.approve(id, principal, LOAN_RATE);
    }

    function _fundLoan(uint256 id, uint256 amount) internal {
        vm.prank(poolManager);
        pool.fundLoan(address(loans), id, amount);
    }

    /// @dev Funded `poolPart` by the pool and the rest by `lender`, drawn down now.
    function _activeLoan(uint128 principal, uint256 poolPart) internal returns (uint256 id) {
        id = _loan(principal);
        if (poolPart != 0) _fundLoan(id, poolPart);
        if (poolPart < principal) {
            vm.prank(lender);
            loans.fund(id, principal - poolPart);
        }
        vm.prank(sme);
        loans.drawdown(id);
    }

    function _repayLoan(uint256 id, uint256 amount) internal {
        vm.prank(sme);
        loans.repay(id, amount);
    }

    function _row(uint256 id, uint256 k) internal view returns (uint256 principal, uint256 interest, uint40 due) {
        LoanLens.InstallmentRow memory r = lens.installment(id, k);
        return (r.principal, r.interest, r.dueDate);
    }

    function _position(uint256 id) internal view returns (IFinancingPool.LoanPosition memory) {
        return pool.loanPosition(address(loans), id);
    }
}

/// @notice A LoanManager that lies: its claim pays the pool 1 unit and reports `reported`. Used
/// to show the pool books what its balance measured, never what a callee returns (F-8).
contract LyingLoanManager {
    IERC20 private immutable ASSET;
    bytes32 private immutable ENTITY;
    uint256 private immutable REPORTED;
    uint128 private principal;

    constructor(IERC20 asset_, bytes32 entity, uint256 reported) {
        ASSET = asset_;
        ENTITY = entity;
        REPORTED = reported;
    }

    function asset() external view returns (IERC20) {
        return ASSET;
    }

    function notes() external view returns (address) {
        return address(this);
    }

    function loan(uint256) external view returns (ILoanManager.Loan memory ln) {
        ln.status = ILoanManager.Status.Repaid;
        ln.terms.principal = principal;
        ln.entity = ENTITY;
        ln.fundingDeadline = type(uint40).max;
    }

    /// @dev As a real manager reports a Repaid loan: all of its principal.
    function principalRepaid(uint256) external view returns (uint256) {
        return principal;
    }

    function fund(uint256, uint256 amount) external {
        principal += uint128(amount);
        ASSET.transferFrom(msg.sender, address(this), amount);
    }

    function claim(uint256) external returns (uint256) {
        ASSET.transfer(msg.sender, 1);
        return REPORTED;
    }
}
