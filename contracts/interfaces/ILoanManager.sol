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
    /// @notice A loan's life cycle: requested (`Pending`), approved (`Offered`), accepted and open to lenders
    /// (`Funding`), drawn down (`Active`), then `Repaid` or `Defaulted`; or closed undrawn (`Cancelled`, `Expired`).
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

    /// @notice `borrower` of `entity` requested loan `loanId` on these terms, to be funded by `fundingDeadline`.
    /// @param loanId The loan's id.
    /// @param borrower The borrower.
    /// @param entity The borrower's entity id.
    /// @param principal The principal asked.
    /// @param rateBps The annual interest rate, in basis points.
    /// @param count The number of installments.
    /// @param period The length of one period, in seconds.
    /// @param kind The schedule kind.
    /// @param graceCount The number of interest-only installments at the start.
    /// @param fundingDeadline The last moment the loan may be funded (unix seconds).
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
    /// @param loanId The loan's id.
    /// @param from The account the collateral came from (the borrower).
    /// @param token The token contract.
    /// @param tokenId The receivable's token id (its document hash).
    event LoanCollateralEscrowed(uint256 indexed loanId, address indexed from, address indexed token, uint256 tokenId);
    /// @notice Collateral left escrow to `to` (borrower after repayment or cancellation, recovery after default).
    /// @param loanId The loan's id.
    /// @param to The recipient.
    /// @param token The token contract.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param seized Whether it was seized for the lenders (else returned to the borrower).
    event LoanCollateralReleased(
        uint256 indexed loanId,
        address indexed to,
        address indexed token,
        uint256 tokenId,
        bool seized
    );
    /// @notice The loan opened for funding at these terms; `approver` is this contract when automatic.
    /// @param loanId The loan's id.
    /// @param approver The account that approved.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param rateBps The annual interest rate, in basis points.
    /// @param automatic Whether the credit history approved it automatically.
    event LoanApproved(
        uint256 indexed loanId,
        address indexed approver,
        uint128 principal,
        uint16 rateBps,
        bool automatic
    );
    /// @notice The underwriter offered changed terms; the borrower must accept.
    /// @param loanId The loan's id.
    /// @param underwriter The underwriter who offered the terms.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param rateBps The annual interest rate, in basis points.
    event LoanOffered(uint256 indexed loanId, address indexed underwriter, uint128 principal, uint16 rateBps);
    /// @notice `lender` moved `amount` into escrow and received as many note units.
    /// @param loanId The loan's id.
    /// @param lender The lender.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param totalFunded Everything funded so far.
    event LoanFunded(uint256 indexed loanId, address indexed lender, uint256 amount, uint256 totalFunded);
    /// @notice `principal` left escrow to `borrower`; the schedule starts at `start`.
    /// @param loanId The loan's id.
    /// @param borrower The loan's borrower.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param start When the schedule starts (drawdown time).
    event LoanDrawnDown(uint256 indexed loanId, address indexed borrower, uint256 principal, uint40 start);
    /// @notice The loan ended before drawdown (`status` Cancelled or Expired); `by` triggered it.
    /// @param loanId The loan's id.
    /// @param by The account that acted.
    /// @param status The status it closed in (`Cancelled` or `Expired`).
    event LoanClosedUnfunded(uint256 indexed loanId, address indexed by, Status status);
    /// @notice `amount` left escrow back to `holder`, who burnt as many note units.
    /// @param loanId The loan's id.
    /// @param holder The holder of the loan's notes.
    /// @param amount The amount, in the asset's smallest unit.
    event LoanRefunded(uint256 indexed loanId, address indexed holder, uint256 amount);
    /// @notice `payer` paid `amount` into escrow for the lenders of `borrower`'s loan, split as shown.
    /// @param loanId The loan's id.
    /// @param payer The account that paid.
    /// @param borrower The loan's borrower.
    /// @param amount The amount the loan took.
    /// @param feesPaid The part that paid late fees.
    /// @param interestPaid The part that paid interest.
    /// @param principalPaid The part that paid principal.
    /// @param prepaid The part that prepaid principal ahead of the schedule.
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
    /// @param loanId The loan's id.
    /// @param borrower The loan's borrower.
    /// @param outcome How the obligation ended.
    /// @param daysLate Whole days late.
    event LoanPaidOff(uint256 indexed loanId, address indexed borrower, uint8 outcome, uint16 daysLate);
    /// @notice `amount` left escrow to note `holder`: its share of repayments.
    /// @param loanId The loan's id.
    /// @param holder The holder of the loan's notes.
    /// @param amount The amount, in the asset's smallest unit.
    event LoanClaimed(uint256 indexed loanId, address indexed holder, uint256 amount);
    /// @notice `by` impaired loan `loanId`, `daysLate` days late: lenders should expect a loss.
    /// @param loanId The loan's id.
    /// @param by The account that acted.
    /// @param daysLate Whole days late.
    event LoanImpaired(uint256 indexed loanId, address indexed by, uint256 daysLate);
    /// @notice Impaired loan `loanId` caught up and is no longer impaired.
    /// @param loanId The loan's id.
    event LoanCured(uint256 indexed loanId);
    /// @notice Written off; `principalOutstanding` and `feesOwed` remain recoverable through `repay`.
    /// @param loanId The loan's id.
    /// @param by The account that acted.
    /// @param daysLate Whole days late.
    /// @param principalOutstanding The principal outstanding.
    /// @param feesOwed Late fees owed at default.
    event LoanDefaulted(
        uint256 indexed loanId,
        address indexed by,
        uint256 daysLate,
        uint256 principalOutstanding,
        uint256 feesOwed
    );
    /// @notice `lender` may (or may no longer) fund loans.
    /// @param lender The lender.
    /// @param allowed Whether it is allowed from now on.
    event LenderAllowed(address indexed lender, bool allowed);
    /// @notice Receivables of `token` are accepted as collateral from now on, held by `vault`.
    /// @param token The token contract.
    /// @param vault The collateral vault.
    event CollateralTokenSet(address indexed token, address indexed vault);
    /// @notice The late-payment policy became these values.
    /// @param lateFeeBps The annual late-fee rate, in basis points.
    /// @param lateGraceDays Days after a due date before late fees accrue.
    /// @param impairAfterDays Days late after which a loan may be impaired.
    /// @param defaultAfterDays Days late after which a loan may be marked defaulted.
    event PolicySet(uint16 lateFeeBps, uint8 lateGraceDays, uint16 impairAfterDays, uint16 defaultAfterDays);

    /// @notice `account` is not a verified party with `role` (PartyRoles bits).
    /// @param account The account checked.
    /// @param role The role bits (`PartyRoles`) required.
    error LoanNotVerified(address account, uint8 role);
    /// @notice No loan has id `loanId`.
    /// @param loanId The loan's id.
    error LoanNotFound(uint256 loanId);
    /// @notice The action is not allowed while loan `loanId` is `status`.
    /// @param loanId The loan's id.
    /// @param status The loan's status.
    error LoanInvalidStatus(uint256 loanId, Status status);
    /// @notice `caller` is not the borrower of loan `loanId`.
    /// @param loanId The loan's id.
    /// @param caller The caller.
    error LoanNotBorrower(uint256 loanId, address caller);
    /// @notice The funding `deadline` is not after the current `timestamp`.
    /// @param deadline The funding deadline asked.
    /// @param timestamp The current block timestamp.
    error LoanInvalidDeadline(uint40 deadline, uint256 timestamp);
    /// @notice Loan `loanId` could only be funded until `deadline`; it is `timestamp`.
    /// @param loanId The loan's id.
    /// @param deadline The loan's funding deadline.
    /// @param timestamp The current block timestamp.
    error LoanFundingClosed(uint256 loanId, uint40 deadline, uint256 timestamp);
    /// @notice Loan `loanId` can still be funded until `deadline`, so it cannot expire yet; it is `timestamp`.
    /// @param loanId The loan's id.
    /// @param deadline The loan's funding deadline.
    /// @param timestamp The current block timestamp.
    error LoanFundingStillOpen(uint256 loanId, uint40 deadline, uint256 timestamp);
    /// @notice Funding `amount` more into loan `loanId` exceeds the `remaining` principal.
    /// @param loanId The loan's id.
    /// @param amount The amount offered.
    /// @param remaining The principal still unfunded.
    error LoanOverfunded(uint256 loanId, uint256 amount, uint256 remaining);
    /// @notice Loan `loanId` has `funded` of its `principal`; it draws down only when fully funded.
    /// @param loanId The loan's id.
    /// @param funded The amount funded.
    /// @param principal The principal, in the asset's smallest unit.
    error LoanNotFullyFunded(uint256 loanId, uint256 funded, uint256 principal);
    /// @notice An amount that must be positive is zero.
    error LoanZeroAmount();
    /// @notice `received` of the asset `token` arrived where `expected` was sent (a fee-on-transfer
    /// or rebasing asset): refused, so the escrow always covers the notes (finding F-3).
    /// @param token The token contract.
    /// @param expected The amount that should have arrived.
    /// @param received The amount actually received.
    error LoanTransferShortfall(address token, uint256 expected, uint256 received);
    /// @notice The approved `newPrincipal` of loan `loanId` is zero or above the `principal` requested.
    /// @param loanId The loan's id.
    /// @param newPrincipal The principal approved.
    /// @param principal The principal requested.
    error LoanInvalidApproval(uint256 loanId, uint256 newPrincipal, uint256 principal);
    /// @notice Loan `loanId` is `daysLate` days late; the action needs `required`.
    /// @param loanId The loan's id.
    /// @param daysLate Whole days late.
    /// @param required The days late required.
    error LoanNotLateEnough(uint256 loanId, uint256 daysLate, uint256 required);
    /// @notice Loan `loanId` is impaired already.
    /// @param loanId The loan's id.
    error LoanAlreadyImpaired(uint256 loanId);
    /// @notice Loan `loanId` owes nothing now.
    /// @param loanId The loan's id.
    error LoanNothingOwed(uint256 loanId);
    /// @notice `holder` has nothing to claim on loan `loanId`.
    /// @param loanId The loan's id.
    /// @param holder The holder of the loan's notes.
    error LoanNothingToClaim(uint256 loanId, address holder);
    /// @notice `holder` has nothing to be refunded on loan `loanId`.
    /// @param loanId The loan's id.
    /// @param holder The holder of the loan's notes.
    error LoanNothingToRefund(uint256 loanId, address holder);
    /// @notice Loan `loanId` has no collateral (or it was released already).
    /// @param loanId The loan's id.
    error LoanNoCollateral(uint256 loanId);
    /// @notice The policy is inconsistent: the late fee is above its cap, `defaultAfterDays` is zero or
    /// `impairAfterDays` is above it.
    /// @param lateFeeBps The annual late-fee rate, in basis points.
    /// @param impairAfterDays Days late after which a loan may be impaired.
    /// @param defaultAfterDays Days late after which a loan may be marked defaulted.
    error LoanInvalidPolicy(uint16 lateFeeBps, uint16 impairAfterDays, uint16 defaultAfterDays);
    /// @notice An address argument that must be set is zero.
    error LoanZeroAddress();
    /// @notice Only receivables of the collateral token (once set) with a non-zero id are accepted.
    /// @param token The token contract.
    /// @param tokenId The receivable's token id (its document hash).
    error LoanCollateralNotAccepted(address token, uint256 tokenId);
    /// @notice `count` installments exceed `max` (`LOAN_MAX_INSTALLMENTS`): more would make the
    /// work of one repayment unbounded in practice (finding F-20).
    /// @param count The number of installments.
    /// @param max The largest value accepted.
    error LoanTooManyInstallments(uint256 count, uint256 max);
    /// @notice The pledged receivable `tokenId` is `status`: only an invoice its debtor acknowledged
    /// (and not disputed, paid or closed) secures a loan, as it is the only kind the pool finances.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param status The current status.
    error LoanCollateralNotAcknowledged(uint256 tokenId, IReceivableToken.Status status);
    /// @notice The pledged receivable `tokenId` is paid in `currency`, not in the loan's `asset`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param currency The ERC-20 currency of the invoice.
    /// @param asset The pool's or manager's asset.
    error LoanCollateralCurrencyMismatch(uint256 tokenId, address currency, address asset);
    /// @notice `principal` exceeds `max` (2^96 − 1 units: amounts are packed in 96 bits).
    /// @param principal The principal, in the asset's smallest unit.
    /// @param max The largest value accepted.
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
    /// @param params The request's parameters.
    /// @return loanId The loan's id.
    function request(RequestParams calldata params) external returns (uint256 loanId);

    /// @notice Underwriter approval of a Pending (or re-offer of an Offered) loan. Same terms:
    /// Funding at once; lower principal or another rate: Offered, the borrower must `accept`.
    /// Restricted to `Roles.UNDERWRITER`.
    /// @param loanId The loan's id.
    /// @param newPrincipal The principal approved.
    /// @param newRateBps The annual rate approved, in basis points.
    function approve(uint256 loanId, uint128 newPrincipal, uint16 newRateBps) external;

    /// @notice The borrower accepts an offer before the funding deadline. Blocked while paused.
    /// @param loanId The loan's id.
    function accept(uint256 loanId) external;

    /// @notice The borrower withdraws a loan not yet drawn down: status Cancelled; lenders then
    /// `refund` and the borrower `releaseCollateral`. Never blocked by pause.
    /// @param loanId The loan's id.
    function withdrawRequest(uint256 loanId) external;

    /// @notice Anyone marks a loan not drawn down by its funding deadline Expired. Never paused.
    /// @param loanId The loan's id.
    function expire(uint256 loanId) external;

    /// @notice Moves `amount` into escrow from a verified INVESTOR or an allowed (contract) lender
    /// and mints it as many note units. Refuses more than the remaining principal. Blocked while paused.
    /// @param loanId The loan's id.
    /// @param amount The amount, in the asset's smallest unit.
    function fund(uint256 loanId, uint256 amount) external;

    /// @notice The borrower takes the fully funded principal, by the funding deadline; the
    /// schedule starts now. Blocked while paused.
    /// @param loanId The loan's id.
    function drawdown(uint256 loanId) external;

    /// @notice Burns the caller's notes of a Cancelled or Expired loan and pays back their value;
    /// expires the loan first when its deadline passed. Never blocked by pause.
    /// @param loanId The loan's id.
    /// @return amount The amount, in the asset's smallest unit.
    function refund(uint256 loanId) external returns (uint256 amount);

    /// @notice Pays up to `amount` toward the loan from the caller (anyone may pay for the borrower),
    /// taking only what is owed: late fees, then interest, then principal of the oldest unpaid
    /// installment, through the running (not yet due) installment; any excess prepays principal,
    /// which shortens the schedule (the last installments shrink or vanish; earlier ones keep their
    /// principal part and pay interest on the lower balance). Also takes recoveries after default
    /// (the clock then stops at the default). Never blocked by pause.
    /// @param loanId The loan's id.
    /// @param amount The amount, in the asset's smallest unit.
    /// @return paid What the loan took (fees, interest, principal), at most `amount`.
    function repay(uint256 loanId, uint256 amount) external returns (uint256 paid);

    /// @notice Pays the caller's share of repayments so far. Never blocked by pause.
    /// @param loanId The loan's id.
    /// @return amount The amount, in the asset's smallest unit.
    function claim(uint256 loanId) external returns (uint256 amount);

    /// @notice Flags an Active loan impaired once its oldest installment still owing something is
    /// `impairAfterDays` late. Late fees keep accruing. Restricted to POOL_MANAGER/UNDERWRITER.
    /// @param loanId The loan's id.
    function impair(uint256 loanId) external;

    /// @notice Defaults an Active loan `defaultAfterDays` late: fees are charged up to now, the
    /// clock stops, the credit history records a default. Restricted to POOL_MANAGER/UNDERWRITER.
    /// @param loanId The loan's id.
    function markDefaulted(uint256 loanId) external;

    /// @notice Sends a defaulted loan's collateral to `recipient` (the recovery desk), whose
    /// proceeds come back through `repay`. Restricted to POOL_MANAGER.
    /// @param loanId The loan's id.
    /// @param recipient The account that receives the collateral.
    function seizeCollateral(uint256 loanId, address recipient) external;

    /// @notice Returns the collateral to the borrower once the loan is Repaid, Cancelled or Expired.
    /// Anyone may call; never blocked by pause.
    /// @param loanId The loan's id.
    function releaseCollateral(uint256 loanId) external;

    /// @notice Allows a contract (the pool) to fund without an INVESTOR identity. Restricted to POOL_MANAGER.
    /// @param lender The lender.
    /// @param allowed Whether it is allowed from now on.
    function setLender(address lender, bool allowed) external;

    /// @notice Restricted to `Roles.POLICY_ADMIN`.
    /// @param newPolicy The new policy.
    function setPolicy(Policy calldata newPolicy) external;

    /// @notice Accepts receivables of `token` (the ReceivableToken) as collateral, once (the vault
    /// refuses a second binding: `CollateralAlreadyBound`): pledged receivables live in
    /// {collateralVault}, which the token must register as a financier so that payments on them
    /// are booked. The token is then `ICollateralVault.receivables()`. Admin only (not mapped).
    /// @param token The token contract.
    function setCollateralToken(address token) external;
    /// @notice Holds the pledged receivables and applies their payments (deployed by this contract).
    /// @return vault The collateral vault, zero when none is set.
    function collateralVault() external view returns (address);
    /// @notice The loan that receivable `tokenId` secures (0: none).
    /// @param tokenId The receivable's token id (its document hash).
    /// @return loanId The loan's id, zero when none.
    function loanSecuredBy(uint256 tokenId) external view returns (uint256);

    /// @notice Loan `loanId` as stored (all zero for an unknown id).
    /// @param loanId The loan's id.
    /// @return loan The loan.
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
    /// @param loanId The loan's id.
    /// @return days Whole days late, 0 when on time.
    function daysLate(uint256 loanId) external view returns (uint256);

    /// @notice The stablecoin lent and repaid (held in escrow by this contract).
    /// @return asset The asset.
    function asset() external view returns (IERC20);
    /// @notice Who may borrow (SME) and lend (INVESTOR).
    /// @return registry The identity registry.
    function identityRegistry() external view returns (IIdentityRegistry);
    /// @notice Where outcomes are recorded and credit limits read.
    /// @return history The credit-history contract.
    function creditHistory() external view returns (ICreditHistory);
    /// @notice The stateless loan math (fees, waterfall) repayments run, shared by every manager.
    /// @return calculator The loan calculator.
    function calculator() external view returns (ILoanCalculator);
    /// @notice The lenders' ERC-1155 notes, deployed by this contract.
    /// @return notes The ERC-1155 notes contract.
    function notes() external view returns (ILoanNotes);

    /// @notice Amount repaid per note unit of `loanId`, scaled by 1e18 (rounded down).
    /// @param loanId The loan's id.
    /// @return acc The accumulator, scaled as the implementation documents.
    function accPerUnit(uint256 loanId) external view returns (uint256);

    /// @notice What `holder` of notes of loan `loanId` may claim now.
    /// @param loanId The loan's id.
    /// @param holder The holder of the loan's notes.
    /// @return amount The amount claimable.
    function claimable(uint256 loanId, address holder) external view returns (uint256);
    /// @notice Principal outstanding on the loans of borrower entity `entity`.
    /// @param entity The entity id (company) concerned.
    /// @return exposure The principal outstanding.
    function exposureOf(bytes32 entity) external view returns (uint256);
    /// @notice Whether `account` is allowed to fund loans.
    /// @param account The account.
    /// @return allowed True when `account` may fund.
    function isLender(address account) external view returns (bool);
    /// @notice The current late-payment policy.
    /// @return policy The policy.
    function policy() external view returns (Policy memory);
    /// @notice The number of loans requested so far (the last loan's id).
    /// @return count The number of loans.
    function loanCount() external view returns (uint256);
}
