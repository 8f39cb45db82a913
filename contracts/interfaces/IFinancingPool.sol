// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IReceivableToken} from "./IReceivableToken.sol";
import {IReceivablePaymentHook} from "./IReceivablePaymentHook.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC7575Share, IERC7575Vault} from "./IERC7540.sol";

/// @title IFinancingPool
/// @notice ERC-4626 pool over one stablecoin that advances cash against acknowledged invoices
/// (receivable tokens). It is the share token and the synchronous ERC-4626 entry point (instant
/// exits up to idle cash); exits beyond that go through its ERC-7540 redemption queue, a second
/// entry point over the same shares (ERC-7575, {IRedemptionQueue}).
/// @dev Entries (deposit, mint) are priced at the gross NAV; exits (withdraw, redeem, queue fills,
/// `convertToAssets`) at the NAV net of unrealized losses (impairments). A depositor therefore
/// pays for an impaired asset at book value and cannot capture its later recovery, and a leaver
/// cannot push a pending loss onto those who stay.
interface IFinancingPool is IERC4626, IERC7575Vault, IERC7575Share, IERC165, IReceivablePaymentHook {
    /// @notice Financing and risk parameters. Amounts are in the pool asset's units.
    /// @dev Discount rate is annual; fee = face * rate * secondsToDue / 365 days, rounded up.
    /// Exposure limits are on advance principal outstanding per company (identity entity).
    /// The management fee is annual on principal outstanding (deployed capital), rounded down:
    /// idle cash pays none, so an underused pool does not cost its investors.
    /// `agingHaircutBps` marks unimpaired receivable principal down in the exit price by lateness,
    /// without anyone acting: [1-30, 31-60, 61-90, 90+] days past the due date's UTC day, each
    /// bucket starting only once `gracePeriod` (rounded up to whole days) is over; non-decreasing,
    /// at most 10,000 (see `NavBreakdown.agingHaircut`).
    struct Policy {
        uint16 advanceRateBps;
        uint16 discountRateBps;
        uint16 managementFeeBps;
        uint16 performanceFeeBps;
        uint32 maxTenor;
        uint32 gracePeriod;
        uint32 publicImpairDelay;
        uint32 defaultDelay;
        bool requireVerifiedDebtor;
        uint64 minTicket;
        uint64 maxTicket;
        uint128 maxDebtorExposure;
        uint128 maxSmeExposure;
        uint128 minRedeemRequest;
        uint16[4] agingHaircutBps;
    }

    /// @notice Pool-side state of one financed receivable.
    enum AssetStatus {
        None,
        Active,
        Impaired,
        Repaid,
        WrittenOff
    }

    /// @notice Pool-side state of a loan position (ERC-1155 notes of a LoanManager held by the pool).
    /// `Funded`: principal at cost on the books; `Impaired`: that principal is an unrealized loss;
    /// `Closed`: principal all back (repaid or refunded); `WrittenOff`: the loss is realized, and
    /// anything claimed afterwards is a recovery.
    enum LoanStatus {
        None,
        Funded,
        Impaired,
        Closed,
        WrittenOff
    }

    /// @notice The pool's position in loan `loanId` of one LoanManager. `funded` is the cost (note
    /// units); `principal` what is still on the books (funded − principal received − written off);
    /// `income` the interest, fees and recoveries received so far (before the performance fee).
    struct LoanPosition {
        uint96 funded;
        uint96 principal;
        LoanStatus status;
        uint96 principalReceived;
        uint96 income;
    }

    /// @notice A financed receivable as the pool books it (unpacked for callers).
    // solhint-disable-next-line gas-struct-packing
    struct Asset {
        uint256 advance;
        uint256 fee;
        uint256 performanceFee;
        uint256 collected;
        uint256 attestedOwedBySme;
        uint40 financedAt;
        uint40 dueDate;
        AssetStatus status;
    }

    /// @notice Net asset value, itemized. `grossAssets` prices entries, `netAssets` exits.
    // solhint-disable-next-line gas-struct-packing
    struct NavBreakdown {
        uint256 cash;
        uint256 principalOutstanding;
        uint256 accruedIncome;
        /// @dev Unrealized loss that exits exclude: principal left and accrued income of impaired assets.
        uint256 impaired;
        uint256 feesOwed;
        uint256 grossAssets;
        uint256 netAssets;
        /// @dev Shares waiting in the redemption queue (held there, still priced in NAV per share).
        uint256 pendingRedeemShares;
        /// @dev Income that arrived unaccrued and is still being released into NAV (finding F-10):
        /// gross = cash + principal + accrued − fees owed − locked.
        uint256 lockedIncome;
        /// @dev Ageing haircut of overdue, unimpaired receivable principal (policy
        /// `agingHaircutBps`), rounded up: net = gross − impaired − agingHaircut.
        uint256 agingHaircut;
    }

    /// @notice Unimpaired receivable principal outstanding by lateness (days past due): current,
    /// 1-30, 31-60, 61-90, 90+ (loans are outside the buckets: see `loanPosition`); `impaired`
    /// (principal) and `writtenOff` cover every asset, loans included; `haircut` is the ageing
    /// haircut the exit price takes off the late buckets now (as `NavBreakdown.agingHaircut`).
    struct Aging {
        uint256 current;
        uint256 late1To30;
        uint256 late31To60;
        uint256 late61To90;
        uint256 late90Plus;
        uint256 impaired;
        uint256 writtenOff;
        uint256 haircut;
    }

    /// @notice Why the pool put a default on an SME's credit record: it kept money the servicer
    /// attested it received for a financed invoice past the due date plus the grace period
    /// (`recordKeptPayment`), or the pool wrote the invoice off (`writeOff`).
    enum SmeDefaultReason {
        KeptAttestedPayment,
        WrittenOff
    }

    /// @notice `sme` received `advance` from the pool against `tokenId` (face `face`, fee `fee`).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param sme The SME (the invoice's issuer).
    /// @param debtor The invoice's debtor.
    /// @param face The face value of the invoice.
    /// @param advance The advance paid to the SME.
    /// @param fee The discount fee.
    /// @param dueDate The due date (unix seconds).
    event ReceivableFinanced(
        uint256 indexed tokenId,
        address indexed sme,
        address indexed debtor,
        uint256 face,
        uint256 advance,
        uint256 fee,
        uint40 dueDate
    );
    /// @notice `payer` paid the pool `principal` + `income` (+ `recovery` after a write-off) on
    /// `tokenId`; `performanceFee` of the income is owed to the treasury. It includes the rounding
    /// dust (at most a few units) by which the payment exceeds the floored accrual NAV showed, so
    /// investors' NAV never rises on a payment (finding F-6).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param payer The account that paid.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param income The income (interest, fees), before the performance fee.
    /// @param recovery The part recovered after a write-off.
    /// @param performanceFee The performance fee taken on the income.
    event ReceivablePaymentCollected(
        uint256 indexed tokenId,
        address indexed payer,
        uint256 principal,
        uint256 income,
        uint256 recovery,
        uint256 performanceFee
    );
    /// @notice The pool forwarded `amount` (the part of a payment beyond what it is owed) to `sme`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param sme The SME (the invoice's issuer).
    /// @param amount The amount, in the asset's smallest unit.
    event ReceivablePaymentForwarded(uint256 indexed tokenId, address indexed sme, uint256 amount);
    /// @notice The debtor paid `tokenId` before its due date: the pool's fee is cut by `rebate`
    /// (the part not yet earned, pro rata to time), which goes to `sme` with the rest of the face value.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param sme The SME (the invoice's issuer).
    /// @param rebate The unearned fee rebated to the SME.
    event ReceivableFeeRebated(uint256 indexed tokenId, address indexed sme, uint256 rebate);
    /// @notice `amount` was paid to `sme` off chain; the SME now owes it to the pool (`owedBySme` in total).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param sme The SME (the invoice's issuer).
    /// @param amount The amount, in the asset's smallest unit.
    /// @param owedBySme What the SME now owes the pool in all on this invoice.
    /// @param referenceHash Hash of the off-chain payment reference.
    event ReceivablePaymentAttestedOwedBySme(
        uint256 indexed tokenId,
        address indexed sme,
        uint256 amount,
        uint256 owedBySme,
        bytes32 referenceHash
    );
    /// @notice `by` impaired `tokenId`: `principal` and `incomeHeld` of accrued income are now an
    /// unrealized loss: out of the exit price, still in the entry price until paid or written off.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param by The account that acted.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param incomeHeld Accrued income no longer counted in NAV.
    event AssetImpaired(uint256 indexed tokenId, address indexed by, uint256 principal, uint256 incomeHeld);
    /// @notice `by` wrote `tokenId` off: `loss` of principal is realized, and `incomeLost`, the
    /// accrued income still in the entry price (held out of the exit price since impairment),
    /// leaves NAV.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param by The account that acted.
    /// @param loss The principal lost.
    /// @param incomeLost Accrued income reversed.
    event AssetWrittenOff(uint256 indexed tokenId, address indexed by, uint256 loss, uint256 incomeLost);
    /// @notice The pool moved `amount` of cash into `manager`'s escrow for loan `loanId` of
    /// `entity`, booked at cost as principal; `by` (the pool manager) decided it.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param entity The entity id (company) concerned.
    /// @param by The account that acted.
    /// @param amount The amount, in the asset's smallest unit.
    event LoanFundedByPool(
        address indexed manager,
        uint256 indexed loanId,
        bytes32 indexed entity,
        address by,
        uint256 amount
    );
    /// @notice The pool claimed `principal` + `income` + `performanceFee` (+ `recovery` after a
    /// write-off) of loan `loanId` from `manager`'s escrow, as its balance measured it. `income` is
    /// the investors' part, net of `performanceFee` (owed to the treasury), as in
    /// `ReceivablePaymentCollected`; income and recovery are locked, then released (`IncomeLocked`).
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param principal The principal, in the asset's smallest unit.
    /// @param income The income (interest, fees), before the performance fee.
    /// @param recovery The part recovered after a write-off.
    /// @param performanceFee The performance fee taken on the income.
    event LoanClaimedByPool(
        address indexed manager,
        uint256 indexed loanId,
        uint256 principal,
        uint256 income,
        uint256 recovery,
        uint256 performanceFee
    );
    /// @notice `amount` came back from `manager`'s escrow: loan `loanId` was cancelled or expired.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param amount The amount, in the asset's smallest unit.
    event LoanRefundedToPool(address indexed manager, uint256 indexed loanId, uint256 amount);
    /// @notice `by` marked the pool's position in loan `loanId` down (`principal` now an unrealized
    /// loss) because the loan is impaired in `manager`.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param by The account that acted.
    /// @param principal The principal, in the asset's smallest unit.
    event LoanPositionImpaired(address indexed manager, uint256 indexed loanId, address by, uint256 principal);
    /// @notice The loan cured: `principal` is no longer counted as an unrealized loss.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param by The account that acted.
    /// @param principal The principal, in the asset's smallest unit.
    event LoanPositionImpairmentReversed(
        address indexed manager,
        uint256 indexed loanId,
        address by,
        uint256 principal
    );
    /// @notice `by` wrote the position off after the loan defaulted: `loss` of principal realized.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param by The account that acted.
    /// @param loss The principal lost.
    event LoanPositionWrittenOff(address indexed manager, uint256 indexed loanId, address by, uint256 loss);
    /// @notice The financing and risk policy became `policy`.
    /// @param policy The new policy.
    event PolicyUpdated(Policy policy);
    /// @notice The pool burned `shares` that waited in `queue` and moved `assets`, their value at
    /// the exit price, there for the controllers whose tickets they filled to claim.
    /// @param queue The redemption queue.
    /// @param shares The shares.
    /// @param assets The assets, in the pool asset's smallest unit.
    event RedemptionsFunded(address indexed queue, uint256 shares, uint256 assets);
    /// @notice `queue` is the pool's redemption queue from now on (set once).
    /// @param queue The redemption queue.
    event RedemptionQueueSet(address indexed queue);
    /// @notice Accrued management and performance fees paid to `treasury`.
    /// @param treasury The treasury that receives the fees.
    /// @param amount The amount, in the asset's smallest unit.
    event FeesPaid(address indexed treasury, uint256 amount);
    /// @notice The admin (through the AccessManager, after its delay) registered or removed
    /// `manager` as a LoanManager the pool may fund. Only registered managers receive pool cash.
    /// @param manager The LoanManager contract.
    /// @param registered Whether it is registered from now on.
    event LoanManagerSet(address indexed manager, bool registered);
    /// @notice `amount` of income that arrived without having accrued (loan interest and late fees
    /// at claim, recoveries after a write-off) was locked; it reaches the share price linearly
    /// until `unlockEnd`, with what was still locked (`locked` in all).
    /// @param amount The amount, in the asset's smallest unit.
    /// @param locked Income still locked in all.
    /// @param unlockEnd When the locked income is fully released (unix seconds).
    event IncomeLocked(uint256 amount, uint256 locked, uint256 unlockEnd);
    /// @notice The pool has collected everything `tokenId` owed it (`collected` = advance + fee):
    /// the asset leaves the books.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param collected Everything collected on it.
    event AssetRepaid(uint256 indexed tokenId, uint256 collected);
    /// @notice The pool's position in loan `loanId` at `manager` closed: all its principal came back
    /// (`principalReceived`), with `income` (interest, fees; before the performance fee) in all.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param principalReceived The principal that came back.
    /// @param income The income (interest, fees), before the performance fee.
    event LoanPositionClosed(
        address indexed manager,
        uint256 indexed loanId,
        uint256 principalReceived,
        uint256 income
    );
    /// @notice `amount` of management fee accrued to the treasury over (`from`, `to`], on
    /// `principalOutstanding` of deployed capital (rounded down).
    /// @param amount The amount, in the asset's smallest unit.
    /// @param principalOutstanding The principal outstanding.
    /// @param from The start of the period (unix seconds, exclusive).
    /// @param to The end of the period (unix seconds, inclusive).
    event ManagementFeeAccrued(uint256 amount, uint256 principalOutstanding, uint256 from, uint256 to);
    /// @notice A receivable reached the pool without being financed (plain `transferFrom`) and was
    /// sent back to its issuer.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param issuer The invoice's issuer (the SME).
    event UnfinancedReceivableReturned(uint256 indexed tokenId, address indexed issuer);
    /// @notice `by` put the default of `smeEntity` (the invoice issuer's company) on `tokenId` on
    /// its credit record, for `reason`: `amount` is the defaulted volume booked, the money the SME
    /// kept (its attested part still owed to the pool), or the face value when the debtor still
    /// owed on chain at write-off (the receivable token then books it, `ReceivableDefaulted`).
    /// @param smeEntity The SME's entity id.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param by The account that acted.
    /// @param amount The amount, in the asset's smallest unit.
    /// @param reason Why the default was recorded.
    event SmeDefaultRecorded(
        bytes32 indexed smeEntity,
        uint256 indexed tokenId,
        address indexed by,
        uint256 amount,
        SmeDefaultReason reason
    );

    /// @notice An address argument that must be set is zero.
    error PoolZeroAddress();
    /// @notice An amount that must be positive is zero.
    error PoolZeroAmount();
    /// @notice `account` is not a verified party with `role` (PartyRoles bits).
    /// @param account The account.
    /// @param role The role bits (`PartyRoles`) required.
    error PoolNotVerified(address account, uint8 role);
    /// @notice Shares of `from` may not be transferred to the pool itself.
    /// @param from The account whose shares were sent.
    error PoolSharesToPool(address from);
    /// @notice Only the receivable contract may call the payment hooks; `caller` is not it.
    /// @param caller The caller.
    error PoolUnauthorizedHookCaller(address caller);
    /// @notice The pool only accepts receivable tokens of its receivable contract; `token` is another.
    /// @param token The ERC-721 contract that sent the token.
    error PoolUnexpectedToken(address token);
    /// @notice The data sent with a receivable to finance must be one 32-byte word (the minimum advance);
    /// it is `length` bytes.
    /// @param length The length of the data, in bytes.
    error PoolInvalidFinanceData(uint256 length);
    /// @notice The pool has not financed `tokenId` (no asset on its books).
    /// @param tokenId The receivable's token id (its document hash).
    error PoolReceivableNotFinanced(uint256 tokenId);
    /// @notice `tokenId` is financed already.
    /// @param tokenId The receivable's token id (its document hash).
    error PoolReceivableAlreadyFinanced(uint256 tokenId);
    /// @notice `caller` does not hold `tokenId`; `holder` does.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param caller The caller.
    /// @param holder The token's holder.
    error PoolNotReceivableHolder(uint256 tokenId, address caller, address holder);
    /// @notice `caller` did not issue `tokenId`; `issuer` did.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param caller The caller.
    /// @param issuer The invoice's issuer (the SME).
    error PoolNotReceivableIssuer(uint256 tokenId, address caller, address issuer);
    /// @notice Only an invoice its debtor acknowledged can be financed; `tokenId` is `status`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param status The receivable's status.
    error PoolReceivableNotAcknowledged(uint256 tokenId, IReceivableToken.Status status);
    /// @notice The invoice `tokenId` is in `currency`, not the pool's `asset`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param currency The ERC-20 currency of the invoice.
    /// @param asset The pool's asset.
    error PoolCurrencyMismatch(uint256 tokenId, address currency, address asset);
    /// @notice Accrual ends at the start of the due date's UTC day, which must be in the future.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param dueDate The due date (unix seconds).
    /// @param timestamp The current block timestamp.
    error PoolTenorTooShort(uint256 tokenId, uint40 dueDate, uint256 timestamp);
    /// @notice `tokenId` is due `tenor` seconds from now, beyond the policy's `maxTenor`; with `tokenId` 0,
    /// a new policy's `tenor` is above the `maxTenor` cap.
    /// @param tokenId The receivable's token id (its document hash), 0 when setting the policy.
    /// @param tenor The tenor asked (seconds to the due date).
    /// @param maxTenor The longest tenor the policy allows.
    error PoolTenorTooLong(uint256 tokenId, uint256 tenor, uint256 maxTenor);
    /// @notice The face value `face` of `tokenId` is outside the policy's [`minTicket`, `maxTicket`].
    /// @param tokenId The receivable's token id (its document hash).
    /// @param face The face value of the invoice.
    /// @param minTicket The smallest face value accepted.
    /// @param maxTicket The largest face value accepted.
    error PoolTicketOutOfRange(uint256 tokenId, uint256 face, uint256 minTicket, uint256 maxTicket);
    /// @notice Financing `advance` more against debtor `entity`, which has `exposure` outstanding, would exceed the
    /// policy's `limit`.
    /// @param entity The debtor's entity id.
    /// @param exposure The entity's exposure already outstanding.
    /// @param advance The advance (or loan amount) asked.
    /// @param limit The exposure limit.
    error PoolDebtorExposureExceeded(bytes32 entity, uint256 exposure, uint256 advance, uint256 limit);
    /// @notice Financing `advance` more to SME `entity`, which has `exposure` outstanding, would exceed the policy's
    /// `limit`.
    /// @param entity The SME's (or borrower's) entity id.
    /// @param exposure The entity's exposure already outstanding.
    /// @param advance The advance (or loan amount) asked.
    /// @param limit The exposure limit.
    error PoolSmeExposureExceeded(bytes32 entity, uint256 exposure, uint256 advance, uint256 limit);
    /// @notice The advance on `tokenId` would be `advance`, below the caller's `minAdvance`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param advance The advance the pool would pay.
    /// @param minAdvance The smallest advance the caller accepts (slippage guard).
    error PoolAdvanceBelowMinimum(uint256 tokenId, uint256 advance, uint256 minAdvance);
    /// @notice The action needs `needed` of idle cash; only `available` is free.
    /// @param needed The cash needed.
    /// @param available The idle cash available.
    error PoolInsufficientLiquidity(uint256 needed, uint256 available);
    /// @notice The policy's advance rate `advanceRateBps` is zero or above 100 %.
    /// @param advanceRateBps The advance rate, in basis points.
    error PoolInvalidAdvanceRate(uint16 advanceRateBps);
    /// @notice A policy rate `rateBps` is above its `cap`.
    /// @param rateBps The rate given, in basis points.
    /// @param cap The largest rate accepted, in basis points.
    error PoolRateAboveCap(uint256 rateBps, uint256 cap);
    /// @notice The policy's `minTicket` is zero or above its `maxTicket`.
    /// @param minTicket The smallest face value accepted.
    /// @param maxTicket The largest face value accepted.
    error PoolInvalidTicketRange(uint64 minTicket, uint64 maxTicket);
    /// @notice The policy's late thresholds are out of order: they must satisfy `gracePeriod` <= `publicImpairDelay` <=
    /// `defaultDelay`.
    /// @param gracePeriod Seconds after the due date from which the manager may impair.
    /// @param publicImpairDelay Seconds after the due date from which anyone may impair.
    /// @param defaultDelay Seconds after the due date from which an asset may be written off.
    error PoolInvalidLateThresholds(uint32 gracePeriod, uint32 publicImpairDelay, uint32 defaultDelay);
    /// @notice Ageing haircut of lateness bucket `bucket` is above 100 % or below the previous bucket's.
    /// @param bucket The lateness bucket (0: 1-30 days, ... 3: over 90 days).
    /// @param haircutBps The bucket's haircut, in basis points.
    /// @param previousBps The previous bucket's haircut, in basis points.
    error PoolInvalidAgingHaircut(uint256 bucket, uint256 haircutBps, uint256 previousBps);
    /// @notice The action needs `tokenId` to be an asset on the books; its pool status is `status`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param status The asset's pool status.
    error PoolAssetNotActive(uint256 tokenId, AssetStatus status);
    /// @notice `tokenId` cannot be impaired in pool status `status` (only an active asset can).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param status The asset's pool status.
    error PoolAssetNotImpairable(uint256 tokenId, AssetStatus status);
    /// @notice The action on `tokenId` is allowed from `eligibleAt`; it is `timestamp`.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param eligibleAt When the action becomes allowed (unix seconds).
    /// @param timestamp The current block timestamp.
    error PoolAssetNotLateEnough(uint256 tokenId, uint256 eligibleAt, uint256 timestamp);
    /// @notice A repayment of `amount` on `tokenId` exceeds the `owed` the pool still expects.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount offered.
    /// @param owed What is owed.
    error PoolRepayExceedsOwed(uint256 tokenId, uint256 amount, uint256 owed);
    /// @notice A redemption request of `shares`, worth `assets`, is below the policy's `minAssets`.
    /// @param shares The shares.
    /// @param assets What the shares are worth at the exit price.
    /// @param minAssets The smallest request accepted, in assets.
    error PoolRedeemRequestTooSmall(uint256 shares, uint256 assets, uint256 minAssets);
    /// @notice Only the redemption queue may call this; `caller` is not it.
    /// @param caller The caller.
    error PoolNotRedemptionQueue(address caller);
    /// @notice The redemption queue is set once; it is `current`.
    /// @param current The queue already set.
    error PoolRedemptionQueueAlreadySet(address current);
    /// @notice `queue` does not serve this pool's share and asset.
    /// @param queue The redemption queue.
    error PoolRedemptionQueueMismatch(address queue);
    /// @notice The queue asked `assets` for `shares`; they are worth at most `maxAssets` (or free cash).
    /// @param shares The shares.
    /// @param assets The assets, in the pool asset's smallest unit.
    /// @param maxAssets The most they are worth.
    error PoolQueueOverpaid(uint256 shares, uint256 assets, uint256 maxAssets);
    /// @notice The queue filled or returned `shares`, more than the `pending` shares it holds.
    /// @param shares The shares.
    /// @param pending The shares pending in the queue.
    error PoolQueueExceedsPending(uint256 shares, uint256 pending);
    /// @notice The pool holds no position in loan `loanId` of `manager`.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    error PoolLoanNotFunded(address manager, uint256 loanId);
    /// @notice `fundLoan` and a refund need a position that is still `Funded`; it is `status`.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param status The current status.
    error PoolLoanPositionNotOpen(address manager, uint256 loanId, LoanStatus status);
    /// @notice Nothing to mark: loan status `loanStatus` (impaired flag `loanImpaired`) already
    /// matches the position's `status`.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param loanStatus The loan's status at its manager.
    /// @param loanImpaired Whether the manager records the loan as impaired.
    /// @param status The current status.
    error PoolLoanNothingToRevalue(
        address manager,
        uint256 loanId,
        uint8 loanStatus,
        bool loanImpaired,
        LoanStatus status
    );
    /// @notice ERC-1155 units from `token` (moved by `operator`) are accepted only as the mint of
    /// the notes of a loan the pool is funding.
    /// @param token The token contract.
    /// @param operator The operator that moved them.
    error PoolUnexpectedNotes(address token, address operator);
    /// @notice After pulling `expected` of the asset `token`, the pool's balance was below its booked
    /// cash: only `received` arrived beyond the books (a fee-on-transfer or rebasing asset). Refused,
    /// so the pool never books more cash than it holds (finding F-2).
    /// @param token The token contract.
    /// @param expected The amount expected.
    /// @param received The amount actually received.
    error PoolTransferShortfall(address token, uint256 expected, uint256 received);
    /// @notice `manager` is not a LoanManager the admin registered with the pool.
    /// @param manager The LoanManager contract.
    error PoolLoanManagerNotRegistered(address manager);
    /// @notice The pool does not hold `tokenId`, or holds it as a financed asset.
    /// @param tokenId The receivable's token id (its document hash).
    error PoolReceivableNotReturnable(uint256 tokenId);
    /// @notice The SME's default on `tokenId` is already on its credit record (one per invoice).
    /// @param tokenId The receivable's token id (its document hash).
    error PoolSmeDefaultAlreadyRecorded(uint256 tokenId);
    /// @notice The SME owes the pool no attested payment on `tokenId` (none attested, or remitted).
    /// @param tokenId The receivable's token id (its document hash).
    error PoolNothingKeptBySme(uint256 tokenId);

    /// @notice Finances `tokenId`, pulled from the caller (its holder and issuer, who approved the
    /// pool). Pays the advance to the caller at once. Reverts below `minAdvance` (slippage guard).
    /// @param tokenId The receivable's token id (its document hash).
    /// @param minAdvance The smallest advance the caller accepts (slippage guard).
    /// @return advance The advance paid to the SME.
    function finance(uint256 tokenId, uint256 minAdvance) external returns (uint256 advance);
    /// @notice Restricted to `Roles.POLICY_ADMIN` (executes after its delay).
    /// @param policy The policy.
    function setPolicy(Policy calldata policy) external;
    /// @notice Restricted to `Roles.POOL_MANAGER`: impairs a receivable `gracePeriod` after its due date.
    /// @param tokenId The receivable's token id (its document hash).
    function impair(uint256 tokenId) external;
    /// @notice Anyone may impair a receivable `publicImpairDelay` after its due date.
    /// @param tokenId The receivable's token id (its document hash).
    function impairOverdue(uint256 tokenId) external;
    /// @notice Restricted to `Roles.POOL_MANAGER`: books the loss `defaultDelay` after the due date
    /// and, unless `recordKeptPayment` did it first, puts one default on the SME's credit record:
    /// while the debtor still owes on chain it marks the token defaulted (the token records it at
    /// face value), else the pool records the attested money the SME still owes it.
    /// @param tokenId The receivable's token id (its document hash).
    function writeOff(uint256 tokenId) external;
    /// @notice Anyone, from `gracePeriod` after the due date: the attested payment the SME still
    /// owes the pool on `tokenId` (`assetOf().attestedOwedBySme`, money the debtor paid it off
    /// chain and it kept) becomes the SME's default on its credit record (`SmeDefaultRecorded`),
    /// once per invoice. Reverts `PoolAssetNotLateEnough(tokenId, eligibleAt, now)` before,
    /// `PoolNothingKeptBySme` when nothing is owed, `PoolSmeDefaultAlreadyRecorded` the second time.
    /// @param tokenId The receivable's token id (its document hash).
    function recordKeptPayment(uint256 tokenId) external;
    /// @notice Whether the SME's default on `tokenId` is on its credit record (by the pool).
    /// @param tokenId The receivable's token id (its document hash).
    /// @return recorded True once the default is on the SME's record.
    function smeDefaultRecorded(uint256 tokenId) external view returns (bool);
    /// @notice Pays the pool directly toward what `tokenId` owes it (e.g. the SME returning a
    /// payment its debtor made by bank). Never paused. Pulls at most `amount`: before the due
    /// date the unearned part of the fee is rebated (see `ReceivableFeeRebated`), so the pool
    /// pulls only what it keeps.
    /// @param tokenId The receivable's token id (its document hash).
    /// @param amount The amount, in the asset's smallest unit.
    function repay(uint256 tokenId, uint256 amount) external;
    /// @notice Books accrued income and fees up to now. Walks the day boundaries only while an asset
    /// accrues, so at most 730 of them (the tenor cap), however long the pool sat idle.
    function checkpoint() external;
    /// @notice Anyone: fills up to `maxRequests` tickets of the redemption queue, oldest first,
    /// from idle cash at the exit price (debtor payments, repayments and loan claims fill up to 3 on
    /// their own; deposits do not, see `FinancingPool`).
    /// @param maxRequests Tickets to visit at most.
    /// @return shares Shares filled (burned).
    /// @return assets Assets moved to the queue for their controllers to claim.
    function processQueue(uint256 maxRequests) external returns (uint256 shares, uint256 assets);
    /// @notice Only the redemption queue, in `requestRedeem`: moves `shares` of `owner` into the
    /// queue. Naming another `controller` hands it the claim, so both must be verified investors
    /// (a request for oneself needs none: KYC cannot freeze an exit, finding F-13). A non-zero
    /// `spender` spends `owner`'s share allowance. The request must be worth the policy's minimum.
    /// @param owner The account whose shares are taken.
    /// @param controller The account that will claim.
    /// @param spender The caller spending `owner`'s allowance, or zero (owner or its operator).
    /// @param shares The shares requested.
    function lockForRedemption(address owner, address controller, address spender, uint256 shares) external;
    /// @notice Only the redemption queue, on a cancellation: sends `shares` back to `controller`.
    /// @param controller The controller of the cancelled requests.
    /// @param shares The shares returned.
    function unlockFromRedemption(address controller, uint256 shares) external;
    /// @notice Restricted (the admin, once, at deployment): `queue` becomes the pool's ERC-7540
    /// redemption queue; its `share()` must be this pool and its `asset()` the pool's asset.
    /// @param queue The redemption queue.
    function setRedemptionQueue(address queue) external;
    /// @notice The pool's redemption queue (zero before `setRedemptionQueue`).
    /// @return queue The queue.
    function redemptionQueue() external view returns (address);
    /// @notice Pays accrued fees to the treasury, as far as free cash allows.
    /// @return amount The amount, in the asset's smallest unit.
    function payFees() external returns (uint256 amount);

    /// @notice Restricted to `Roles.POOL_MANAGER`: moves `amount` of idle cash into the escrow of
    /// loan `loanId` at `manager` (a LoanManager over the pool's asset that the admin registered,
    /// see `setLoanManager`) and books it at cost; the pool receives the loan's notes. Counts toward
    /// the borrower entity's SME exposure limit.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @param amount The amount, in the asset's smallest unit.
    function fundLoan(address manager, uint256 loanId, uint256 amount) external;
    /// @notice Restricted to `Roles.POLICY_ADMIN` (executes after its delay): registers or removes
    /// `manager` as a LoanManager the pool may fund. Removing one never blocks claims and refunds of
    /// positions already funded.
    /// @param manager The LoanManager contract; its `asset()` must be the pool's asset.
    /// @param registered Whether the pool may fund loans at `manager` from now on.
    function setLoanManager(address manager, bool registered) external;
    /// @notice Whether `manager` is a registered LoanManager (see `setLoanManager`).
    /// @param manager The LoanManager contract.
    /// @return registered True when the pool may fund loans at `manager`.
    function isLoanManager(address manager) external view returns (bool);
    /// @notice Anyone: sends a receivable the pool holds without having financed it (it arrived by
    /// a plain `transferFrom`) back to its issuer.
    /// @param tokenId The receivable's token id (its document hash).
    function returnReceivable(uint256 tokenId) external;
    /// @notice Income that arrived unaccrued and has not yet reached the share price.
    /// @return locked The income still locked, in the pool asset's smallest unit.
    function lockedIncome() external view returns (uint256);
    /// @notice Anyone: pulls what loan `loanId` owes the pool into the pool. Once drawn down: the
    /// pool's share of repayments, split into principal (its pro-rata part of the principal the
    /// borrower repaid) and income (the rest: interest, late fees), recognized when claimed; after a
    /// write-off everything is a recovery. Cancelled or expired before drawdown (or past its funding
    /// deadline): the refund of what the pool put in escrow.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @return amount The amount, in the asset's smallest unit.
    function claimLoan(address manager, uint256 loanId) external returns (uint256 amount);
    /// @notice Anyone (finding F-11): mirrors the loan's risk, as its manager records it, in NAV, so
    /// a known loss reaches the exit price without waiting for a role. Defaulted: the
    /// position's principal is written off (claims still pending are taken first); impaired: that
    /// principal becomes an unrealized loss; cured after an impairment: the loss is reversed.
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    function revalueLoan(address manager, uint256 loanId) external;
    /// @notice The pool's position in loan `loanId` at `manager` (all zero when it has none).
    /// @param manager The LoanManager contract.
    /// @param loanId The loan's id.
    /// @return position The position.
    function loanPosition(address manager, uint256 loanId) external view returns (LoanPosition memory);

    /// @notice The current financing and risk policy.
    /// @return policy The policy.
    function policy() external view returns (Policy memory);
    /// @notice How the pool books the financed receivable `tokenId` (all zero when it never financed it).
    /// @param tokenId The receivable's token id (its document hash).
    /// @return asset The pool's record of the receivable.
    function assetOf(uint256 tokenId) external view returns (Asset memory);
    /// @notice The pool's net asset value now, itemized: cash, principal, accrued income, losses, fees and the two
    /// prices.
    /// @return nav The itemized net asset value.
    function navBreakdown() external view returns (NavBreakdown memory);
    /// @notice Assets per share unit (10**decimals shares), exit price, rounded down.
    /// @return price Assets per 10**decimals shares.
    function sharePrice() external view returns (uint256);
    /// @notice Principal outstanding over gross assets, in bps.
    /// @return bps The utilization, in basis points.
    function utilizationBps() external view returns (uint256);
    /// @notice Cash free for new financing, instant exits and the queue: cash - fees owed.
    /// @return cash The idle cash, in the pool asset's smallest unit.
    function idleCash() external view returns (uint256);
    /// @notice Cash instant exits may take: idle cash minus what the queue needs.
    /// @return cash The cash instant exits may take.
    function instantLiquidity() external view returns (uint256);
    /// @notice Principal by lateness; computed over the last 90 days' due-date buckets (bounded).
    /// @return aging Principal outstanding per lateness bucket.
    function aging() external view returns (Aging memory);
    /// @notice Advance principal the pool has outstanding against debtor `entity` (capped by `maxDebtorExposure`).
    /// @param entity The debtor's entity id.
    /// @return exposure The principal outstanding.
    function debtorExposure(bytes32 entity) external view returns (uint256);
    /// @notice Principal the pool has outstanding with SME `entity`, advances and loans (capped by `maxSmeExposure`).
    /// @param entity The SME's entity id.
    /// @return exposure The principal outstanding.
    function smeExposure(bytes32 entity) external view returns (uint256);
    /// @notice The receivable contract whose invoices the pool finances.
    /// @return token The receivable contract.
    function receivableToken() external view returns (IReceivableToken);
    /// @notice The account that receives the pool's management and performance fees.
    /// @return treasury The treasury.
    function treasury() external view returns (address);
}
