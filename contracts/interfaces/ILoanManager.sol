// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Schedule} from "../libraries/Schedule.sol";
import {IIdentityRegistry} from "./IIdentityRegistry.sol";
import {ICreditHistory} from "./ICreditHistory.sol";
import {ILoanCalculator} from "./ILoanCalculator.sol";
import {ILoanNotes} from "./ILoanNotes.sol";
import {IReceivableToken} from "./IReceivableToken.sol";

/// @dev Most installments a loan may have (10 years monthly, ~4 months daily, ~2.3 years weekly):
/// it bounds the work of every repayment, payoff, default and lateness check, which walk the
/// overdue rows (finding F-20; worst cases in test/loans/LoanGas.t.sol). The Schedule library
/// itself computes up to `Schedule.MAX_INSTALLMENTS`.
uint256 constant LOAN_MAX_INSTALLMENTS = 120;

/// @title ILoanManager
/// @notice Escrowed micro-loans: a verified SME requests, an underwriter (or its credit limit)
/// approves, lenders fund into escrow and receive ERC-1155 notes (id = loan id, one unit per unit
/// of principal funded), the borrower draws down, repays on a schedule, and note holders pull
/// their pro-rata share of every repayment.
/// @dev Life cycle, only ever moving forward in this enum's order:
/// Pending → Offered → Funding → Active → Repaid | Defaulted, and Pending | Offered | Funding →
/// Cancelled (borrower withdrew) | Expired (deadline passed before drawdown). Impairment is a flag
/// on an Active loan, cleared when the borrower cures (pays everything overdue).
interface ILoanManager {
    enum Status {
        None,
        Pending,
        Offered,
        Funding,
        Active,
        Repaid,
        Defaulted,
        Cancelled,
        Expired
    }

    /// @notice What a borrower asks for. `collateralToken` zero means no collateral.
    // Calldata only; never stored as is.
    // solhint-disable-next-line gas-struct-packing
    struct RequestParams {
        uint128 principal;
        uint16 rateBps;
        uint16 count;
        uint32 period;
        Schedule.Kind kind;
        uint16 graceCount;
        address collateralToken;
        uint256 collateralId;
        uint40 fundingDeadline;
    }

    /// @notice A loan as stored (8 slots; `repay` touches slots 0-4 only). `terms.start` is the
    /// drawdown time (0 before). `head`: first installment not complete (a row owing nothing
    /// completes once its date passes); `headPaid`: paid toward it
    /// (interest first); `feesOwed`: late fees charged up to `feesAccruedTo` and not paid yet;
    /// `prepaid`: principal paid ahead of schedule (shortens the schedule, see `repay`);
    /// `accPerUnit`: repaid per note unit, scaled by 1e18, rounded down; `repaid`: everything
    /// repaid into escrow for the note holders; `collateralId`: the pledged receivable (0: none),
    /// held by {collateralVault}.
    struct Loan {
        Schedule.Terms terms;
        address borrower;
        Status status;
        bool impaired;
        uint40 fundingDeadline;
        uint16 lateFeeBps;
        uint8 lateGraceDays;
        uint16 maxDaysLate;
        uint16 head;
        uint40 feesAccruedTo;
        uint96 headPaid;
        uint96 feesOwed;
        uint128 funded;
        uint128 prepaid;
        uint128 accPerUnit;
        uint128 repaid;
        uint40 defaultedAt;
        uint256 collateralId;
        bytes32 entity;
    }

    /// @notice Late and default policy. Fee terms are copied into each loan at request.
    struct Policy {
        uint16 lateFeeBps;
        uint8 lateGraceDays;
        uint16 impairAfterDays;
        uint16 defaultAfterDays;
    }

    event LoanRequested(
        uint256 indexed loanId,
        address indexed borrower,
        bytes32 indexed entity,
        uint128 principal,
        uint16 rateBps,
        uint16 count,
        uint32 period,
        Schedule.Kind kind,
        uint16 graceCount,
        uint40 fundingDeadline
    );
    /// @notice Collateral NFT `tokenId` of `token` moved from `from` into escrow (the collateral vault).
    event LoanCollateralEscrowed(uint256 indexed loanId, address indexed from, address indexed token, uint256 tokenId);
    /// @notice Collateral left escrow to `to` (borrower after repayment or cancellation, recovery after default).
    event LoanCollateralReleased(
        uint256 indexed loanId,
        address indexed to,
        address indexed token,
        uint256 tokenId,
        bool seized
    );
    /// @notice The loan opened for funding at these terms; `approver` is this contract when automatic.
    event LoanApproved(
        uint256 indexed loanId,
        address indexed approver,
        uint128 principal,
        uint16 rateBps,
        bool automatic
    );
    /// @notice The underwriter offered changed terms; the borrower must accept.
    event LoanOffered(uint256 indexed loanId, address indexed underwriter, uint128 principal, uint16 rateBps);
    /// @notice `lender` moved `amount` into escrow and received as many note units.
    event LoanFunded(uint256 indexed loanId, address indexed lender, uint256 amount, uint256 totalFunded);
    /// @notice `principal` left escrow to `borrower`; the schedule starts at `start`.
    event LoanDrawnDown(uint256 indexed loanId, address indexed borrower, uint256 principal, uint40 start);
    /// @notice The loan ended before drawdown (`status` Cancelled or Expired); `by` triggered it.
    event LoanClosedUnfunded(uint256 indexed loanId, address indexed by, Status status);
    /// @notice `amount` left escrow back to `holder`, who burnt as many note units.
    event LoanRefunded(uint256 indexed loanId, address indexed holder, uint256 amount);
    /// @notice `payer` paid `amount` into escrow for the lenders of `borrower`'s loan, split as shown.
    event LoanRepaid(
        uint256 indexed loanId,
        address indexed payer,
        address indexed borrower,
        uint256 amount,
        uint256 feesPaid,
        uint256 interestPaid,
        uint256 principalPaid,
        uint256 prepaid
    );
    /// @notice The loan is fully repaid; recorded in the credit history with `outcome` and `daysLate`.
    event LoanPaidOff(uint256 indexed loanId, address indexed borrower, uint8 outcome, uint16 daysLate);
    /// @notice `amount` left escrow to note `holder`: its share of repayments.
    event LoanClaimed(uint256 indexed loanId, address indexed holder, uint256 amount);
    event LoanImpaired(uint256 indexed loanId, address indexed by, uint256 daysLate);
    event LoanCured(uint256 indexed loanId);
    /// @notice Written off; `principalOutstanding` and `feesOwed` remain recoverable through `repay`.
    event LoanDefaulted(
        uint256 indexed loanId,
        address indexed by,
        uint256 daysLate,
        uint256 principalOutstanding,
        uint256 feesOwed
    );
    event LenderAllowed(address indexed lender, bool allowed);
    /// @notice Receivables of `token` are accepted as collateral from now on, held by `vault`.
    event CollateralTokenSet(address indexed token, address indexed vault);
    event PolicySet(uint16 lateFeeBps, uint8 lateGraceDays, uint16 impairAfterDays, uint16 defaultAfterDays);

    error LoanNotVerified(address account, uint8 role);
    error LoanNotFound(uint256 loanId);
    error LoanInvalidStatus(uint256 loanId, Status status);
    error LoanNotBorrower(uint256 loanId, address caller);
    error LoanInvalidDeadline(uint40 deadline, uint256 timestamp);
    error LoanFundingClosed(uint256 loanId, uint40 deadline, uint256 timestamp);
    error LoanFundingStillOpen(uint256 loanId, uint40 deadline, uint256 timestamp);
    error LoanOverfunded(uint256 loanId, uint256 amount, uint256 remaining);
    error LoanNotFullyFunded(uint256 loanId, uint256 funded, uint256 principal);
    error LoanZeroAmount();
    /// @notice `received` of the asset `token` arrived where `expected` was sent (a fee-on-transfer
    /// or rebasing asset): refused, so the escrow always covers the notes (finding F-3).
    error LoanTransferShortfall(address token, uint256 expected, uint256 received);
    error LoanInvalidApproval(uint256 loanId, uint256 newPrincipal, uint256 principal);
    error LoanNotLateEnough(uint256 loanId, uint256 daysLate, uint256 required);
    error LoanAlreadyImpaired(uint256 loanId);
    error LoanNothingOwed(uint256 loanId);
    error LoanNothingToClaim(uint256 loanId, address holder);
    error LoanNothingToRefund(uint256 loanId, address holder);
    error LoanNoCollateral(uint256 loanId);
    error LoanInvalidPolicy(uint16 lateFeeBps, uint16 impairAfterDays, uint16 defaultAfterDays);
    error LoanZeroAddress();
    /// @notice Only receivables of the collateral token (once set) with a non-zero id are accepted.
    error LoanCollateralNotAccepted(address token, uint256 tokenId);
    /// @notice `count` installments exceed `max` (`LOAN_MAX_INSTALLMENTS`): more would make the
    /// work of one repayment unbounded in practice (finding F-20).
    error LoanTooManyInstallments(uint256 count, uint256 max);
    /// @notice The pledged receivable `tokenId` is `status`: only an invoice its debtor acknowledged
    /// (and not disputed, paid or closed) secures a loan, as it is the only kind the pool finances.
    error LoanCollateralNotAcknowledged(uint256 tokenId, IReceivableToken.Status status);
    /// @notice The pledged receivable `tokenId` is paid in `currency`, not in the loan's `asset`.
    error LoanCollateralCurrencyMismatch(uint256 tokenId, address currency, address asset);
    /// @notice `principal` exceeds `max` (2^96 − 1 units: amounts are packed in 96 bits).
    error LoanPrincipalTooLarge(uint256 principal, uint256 max);

    /// @notice Requests a loan; caller must be a verified SME. Schedule terms are validated by
    /// `Schedule.validate` (its errors), and at most `LOAN_MAX_INSTALLMENTS` installments are
    /// accepted (`LoanTooManyInstallments`). Collateral, if any, must be a receivable of the
    /// collateral token (see {setCollateralToken}) that its debtor acknowledged (`LoanCollateralNotAcknowledged`)
    /// and that is paid in this loan's asset (`LoanCollateralCurrencyMismatch`); it moves into the collateral vault
    /// now (the caller must have approved this contract), so it cannot back two requests, and payments on it belong
    /// to the loan (held until drawdown, then applied; see {ICollateralVault}). Auto-approved (status
    /// Funding) when principal + the entity's open exposure here ≤ its credit limit in the credit
    /// history; otherwise Pending for an underwriter. Blocked while paused.
    function request(RequestParams calldata params) external returns (uint256 loanId);

    /// @notice Underwriter approval of a Pending (or re-offer of an Offered) loan. Same terms:
    /// Funding at once; lower principal or another rate: Offered, the borrower must `accept`.
    /// Restricted to `Roles.UNDERWRITER`.
    function approve(uint256 loanId, uint128 newPrincipal, uint16 newRateBps) external;

    /// @notice The borrower accepts an offer before the funding deadline. Blocked while paused.
    function accept(uint256 loanId) external;

    /// @notice The borrower withdraws a loan not yet drawn down: status Cancelled; lenders then
    /// `refund` and the borrower `releaseCollateral`. Never blocked by pause.
    function withdrawRequest(uint256 loanId) external;

    /// @notice Anyone marks a loan not drawn down by its funding deadline Expired. Never paused.
    function expire(uint256 loanId) external;

    /// @notice Moves `amount` into escrow from a verified INVESTOR or an allowed (contract) lender
    /// and mints it as many note units. Refuses more than the remaining principal. Blocked while paused.
    function fund(uint256 loanId, uint256 amount) external;

    /// @notice The borrower takes the fully funded principal, by the funding deadline; the
    /// schedule starts now. Blocked while paused.
    function drawdown(uint256 loanId) external;

    /// @notice Burns the caller's notes of a Cancelled or Expired loan and pays back their value;
    /// expires the loan first when its deadline passed. Never blocked by pause.
    function refund(uint256 loanId) external returns (uint256 amount);

    /// @notice Pays up to `amount` toward the loan from the caller (anyone may pay for the borrower),
    /// taking only what is owed: late fees, then interest, then principal of the oldest unpaid
    /// installment, through the running (not yet due) installment; any excess prepays principal,
    /// which shortens the schedule (the last installments shrink or vanish; earlier ones keep their
    /// principal part and pay interest on the lower balance). Also takes recoveries after default
    /// (the clock then stops at the default). Never blocked by pause.
    function repay(uint256 loanId, uint256 amount) external returns (uint256 paid);

    /// @notice Pays the caller's share of repayments so far. Never blocked by pause.
    function claim(uint256 loanId) external returns (uint256 amount);

    /// @notice Flags an Active loan impaired once its oldest installment still owing something is
    /// `impairAfterDays` late. Late fees keep accruing. Restricted to POOL_MANAGER/UNDERWRITER.
    function impair(uint256 loanId) external;

    /// @notice Defaults an Active loan `defaultAfterDays` late: fees are charged up to now, the
    /// clock stops, the credit history records a default. Restricted to POOL_MANAGER/UNDERWRITER.
    function markDefaulted(uint256 loanId) external;

    /// @notice Sends a defaulted loan's collateral to `recipient` (the recovery desk), whose
    /// proceeds come back through `repay`. Restricted to POOL_MANAGER.
    function seizeCollateral(uint256 loanId, address recipient) external;

    /// @notice Returns the collateral to the borrower once the loan is Repaid, Cancelled or Expired.
    /// Anyone may call; never blocked by pause.
    function releaseCollateral(uint256 loanId) external;

    /// @notice Allows a contract (the pool) to fund without an INVESTOR identity. Restricted to POOL_MANAGER.
    function setLender(address lender, bool allowed) external;

    /// @notice Restricted to `Roles.POLICY_ADMIN`.
    function setPolicy(Policy calldata newPolicy) external;

    /// @notice Accepts receivables of `token` (the ReceivableToken) as collateral, once (the vault
    /// refuses a second binding: `CollateralAlreadyBound`): pledged receivables live in
    /// {collateralVault}, which the token must register as a financier so that payments on them
    /// are booked. The token is then `ICollateralVault.receivables()`. Admin only (not mapped).
    function setCollateralToken(address token) external;
    /// @notice Holds the pledged receivables and applies their payments (deployed by this contract).
    function collateralVault() external view returns (address);
    /// @notice The loan that receivable `tokenId` secures (0: none).
    function loanSecuredBy(uint256 tokenId) external view returns (uint256);

    function loan(uint256 loanId) external view returns (Loan memory);
    /// @notice Principal the borrower of `loanId` has repaid so far: all of it once Repaid, zero
    /// before drawdown or once closed unfunded, else the principal less what its progress still
    /// owes (`LoanMath.principalRemaining` over the progress as stored). What a lender (the pool)
    /// splits a claim by, without doing loan maths itself.
    /// @param loanId The loan; reverts with `LoanNotFound` for an unknown id.
    /// @return repaid Principal repaid, at most `terms.principal`.
    function principalRepaid(uint256 loanId) external view returns (uint256 repaid);
    /// @notice Whole days the oldest due installment that still owes something is past its due date
    /// (0 if none): rows owing nothing (a bullet's checkpoints, rate-0 interest-only or grace rows)
    /// never make a loan late.
    function daysLate(uint256 loanId) external view returns (uint256);

    /// @notice The stablecoin lent and repaid (held in escrow by this contract).
    function asset() external view returns (IERC20);
    /// @notice Who may borrow (SME) and lend (INVESTOR).
    function identityRegistry() external view returns (IIdentityRegistry);
    /// @notice Where outcomes are recorded and credit limits read.
    function creditHistory() external view returns (ICreditHistory);
    /// @notice The stateless loan math (fees, waterfall), outside this contract for code size.
    function calculator() external view returns (ILoanCalculator);
    /// @notice The lenders' ERC-1155 notes, deployed by this contract.
    function notes() external view returns (ILoanNotes);

    /// @notice Amount repaid per note unit of `loanId`, scaled by 1e18 (rounded down).
    function accPerUnit(uint256 loanId) external view returns (uint256);

    function claimable(uint256 loanId, address holder) external view returns (uint256);
    function exposureOf(bytes32 entity) external view returns (uint256);
    function isLender(address account) external view returns (bool);
    function policy() external view returns (Policy memory);
    function loanCount() external view returns (uint256);
}
