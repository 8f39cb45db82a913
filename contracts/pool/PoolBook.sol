// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IIdentityRegistry} from "../interfaces/IIdentityRegistry.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {IReceivablePaymentHook} from "../interfaces/IReceivablePaymentHook.sol";
import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {PartyRoles} from "../identity/PartyRoles.sol";
import {SharesMath} from "../libraries/SharesMath.sol";
import {DiscountMath} from "../libraries/DiscountMath.sol";
import {PoolAging} from "./PoolAging.sol";
import {PoolCredit} from "./PoolCredit.sol";

/// @title PoolBook
/// @notice The financing pool's asset book: receivables financed, income accrual, exposures,
/// impairments and write-offs. Deployed once and linked (external functions run by DELEGATECALL
/// in the pool's storage).
/// @dev Income accounting (Maple v2 style): each financed receivable's net discount fee accrues
/// linearly from financing to the start of its due date's UTC day. The book keeps one aggregate
/// `rate` (sum of accruing assets' rates, scaled by SCALE) plus, per day, the rate that stops at
/// that day's start. A checkpoint walks the day boundaries crossed since the last one until the
/// rate reaches zero, so NAV never includes income past an unpaid due date and never jumps when
/// an on-time payment lands. The walk is bounded without a cap: every accruing asset was booked
/// at a checkpoint (`acc.last` then) with a tenor of at most MAX_TENOR_CAP, so the rate is zero
/// at most MAX_TENOR_CAP / DAY boundaries after `acc.last`. A cap that stopped the walk early
/// would leave NAV short of income already earned, and the next checkpoint would lift it in one
/// step, which a deposit before it and a redeem after it could take (finding F-6).
/// Invariant: `accrual.rate == sum of days[d].endingRate for every day d after accrual.last`, and
/// `accrual.accrued == sum over open assets of _scaledLeft(a, accrual.last)` exactly: income
/// accrued (or, once closed early, the earned fee's net) less the investors' share of the fee
/// already collected. A payment of income converts that much accrual into cash, so NAV moves by
/// at most the rounding dust, which goes to the protocol's fees, never up (findings F-1, F-6).
/// This is the seam for other asset kinds (loans): an asset opens with an advance, a fee and an
/// accrual window, is collected principal first, and can be impaired and written off.
library PoolBook {
    using SafeCast for uint256;
    using SafeERC20 for IERC20;

    /// @notice Fixed-point scale of accrual rates (asset units per second).
    uint256 internal constant SCALE = 1e9;
    uint256 internal constant DAY = 1 days;
    /// @dev The share token's decimals over the asset's (ERC-4626's `_decimalsOffset`): 10^6
    /// virtual shares make an inflation attack cost a million times what it could take.
    uint8 internal constant DECIMALS_OFFSET = 6;
    uint256 internal constant VIRTUAL_SHARES = 10 ** DECIMALS_OFFSET;
    /// @notice Hard cap on any policy's max tenor: bounds the aging view's day range and the
    /// checkpoint's walk (at most 730 day boundaries, 2,034,431 gas measured after two idle years,
    /// `test_gas_checkpointAfterTwoIdleYears`).
    uint256 internal constant MAX_TENOR_CAP = 730 days;

    /// @dev Hot slot: read and written by every deposit and exit.
    struct Ledger {
        uint96 cash;
        uint96 principalOut;
        uint64 feesOwed;
    }

    /// @dev `accrued` and `rate` are scaled by SCALE; `last` is the checkpoint time. The management
    /// fee rate is copied here from the policy so deposits and exits read one slot, not two.
    struct Accrual {
        uint104 accrued;
        uint96 rate;
        uint40 last;
        uint16 managementFeeBps;
    }

    /// @dev First slot: the terms, written once by `finance` (advance and fee fit 64 bits: both are
    /// at most the face, which the policy's uint64 `maxTicket` bounds). Second slot: what changes
    /// as money comes in, zero until then, so financing writes one new slot, not two; a repaid
    /// asset's second slot is cleared again (`collected` is then implied, see {_load}).
    // Split by when each slot is written, not by size (the rule only counts bytes).
    // solhint-disable-next-line gas-struct-packing
    struct StoredAsset {
        uint64 advance;
        uint64 fee;
        uint40 financedAt;
        IFinancingPool.AssetStatus status;
        uint16 performanceFeeBps;
        uint40 dueDate;
        /// @dev The second slot was written (it may be non-zero): until then reads skip it.
        bool touched;
        uint96 collected;
        uint96 attestedOwedBySme;
        /// @dev Paid into the fee before its accrual end: the fee was cut to what was earned, the
        /// rate removed, and its income in the aggregate fixed at that fee's investors' share.
        bool closedEarly;
    }

    struct Day {
        uint128 endingRate;
        uint128 principalDue;
    }

    /// @dev Everything NAV depends on except share supply. `queued` counts the shares that wait in
    /// the redemption queue (held there, not yet burned): always the queue's share balance (the
    /// invariants check it), kept here because every inflow reads this slot anyway, so an empty
    /// queue costs a payment no extra read; `impaired` what exits exclude (unrealized loss): the principal left of
    /// impaired assets plus `impairedIncome`, the income they accrued, which stays in gross NAV.
    struct State {
        Ledger ledger;
        Accrual accrual;
        /// @dev One slot with `lockEnd`: every NAV read loads the three together.
        uint96 impaired;
        uint96 queued;
        /// @dev End of the current income lock (`lock`), read first so NAV skips `lock` once it ended.
        uint40 lockEnd;
        uint128 writtenOff;
        uint128 impairedIncome;
        IFinancingPool.Policy policy;
        mapping(uint256 tokenId => StoredAsset) assets;
        mapping(uint256 day => Day) dueDays;
        mapping(bytes32 entity => uint256) debtorExposure;
        mapping(bytes32 entity => uint256) smeExposure;
        mapping(address manager => mapping(uint256 loanId => IFinancingPool.LoanPosition)) loans;
        /// @dev The loans' part of `ledger.principalOut` (booked by PoolLoans).
        uint256 loanPrincipal;
        /// @dev LoanManagers the admin registered: the only contracts `fundLoan` sends cash to.
        mapping(address manager => bool) loanManagers;
        /// @dev Income that arrived unaccrued, released into NAV linearly (finding F-10).
        Lock lock;
        /// @dev Ageing haircut as of the last checkpoint's day, `accrual.last / DAY` (finding F-22,
        /// {PoolAging}); `impaired` holds its rounded-up part, so exits walk nothing that day.
        Haircut haircut;
        /// @dev Principal left of impaired receivables: it has left `dueDays` (and the haircut).
        uint128 impairedInvoices;
        /// @dev Invoices whose SME default is on its credit record (finding F-21): at most one each.
        mapping(uint256 tokenId => bool) smeDefaulted;
    }

    /// @dev `scaled` = Σ_D dueDays[D].principalDue × bps of its lateness at the cursor day, exact
    /// (principal × bps); the policy's bucket bps and grace (whole days, rounded up) copied here.
    struct Haircut {
        uint112 scaled;
        uint16 graceDays;
        uint16 h1;
        uint16 h2;
        uint16 h3;
        uint16 h4;
    }

    /// @dev `locked` as of `last`, released linearly until `State.lockEnd`.
    struct Lock {
        uint96 locked;
        uint40 last;
    }

    /// @notice Window over which income that arrives unaccrued (loan interest and late fees at
    /// claim, recoveries) reaches the share price, as Yearn v3 unlocks realized profit.
    uint256 internal constant UNLOCK_WINDOW = 7 days;

    /// @notice Books `amount` of `asset` just received for `tokenId` from `payer`, of the invoice the
    /// receivable token describes in `invoice`, and forwards to its issuer what the pool does not keep.
    function collect(
        State storage s,
        address asset,
        uint256 tokenId,
        address payer,
        uint256 amount,
        IReceivablePaymentHook.PaidInvoice calldata invoice
    ) external {
        uint256 kept;
        // A token that reached the pool unfinanced (plain transferFrom) keeps nothing: the whole
        // payment goes through to its issuer, so the debtor can always pay (finding F-14).
        if (s.assets[tokenId].status != IFinancingPool.AssetStatus.None) {
            accrue(s);
            kept = _collect(s, tokenId, payer, amount, invoice);
        }
        uint256 forward = amount - kept;
        if (forward != 0) {
            emit IFinancingPool.ReceivablePaymentForwarded(tokenId, invoice.issuer, forward);
            IERC20(asset).safeTransfer(invoice.issuer, forward);
        }
    }

    /// @notice Books the loss of `tokenId` (its principal left) and closes its accrual: the income
    /// it accrued leaves NAV with it; then the SME's default goes on its credit record ({PoolCredit}).
    function writeOff(State storage s, IReceivableToken token, uint256 tokenId) external {
        accrue(s);
        StoredAsset memory a = s.assets[tokenId];
        if (a.status != IFinancingPool.AssetStatus.Active && a.status != IFinancingPool.AssetStatus.Impaired) {
            revert IFinancingPool.PoolAssetNotActive(tokenId, a.status);
        }
        uint256 eligibleAt = uint256(a.dueDate) + s.policy.defaultDelay;
        if (block.timestamp < eligibleAt) {
            revert IFinancingPool.PoolAssetNotLateEnough(tokenId, eligibleAt, block.timestamp);
        }
        uint256 incomeLost = _closeAccrual(s, a);
        uint256 loss = _principalLeft(a);
        if (loss != 0) {
            // Impaired principal leaves `impaired` as it leaves the books; the exposure stays.
            if (a.status == IFinancingPool.AssetStatus.Impaired) {
                s.impaired -= uint96(loss);
                s.impairedInvoices -= uint128(loss);
            } else {
                _dropDue(s, a.dueDate, loss);
            }
            a.status = IFinancingPool.AssetStatus.WrittenOff;
            _reducePrincipal(s, a, loss, _paidInvoice(token, tokenId));
        }
        s.writtenOff += uint128(loss); // loss <= advance < 2^96
        s.assets[tokenId].status = IFinancingPool.AssetStatus.WrittenOff;
        emit IFinancingPool.AssetWrittenOff(tokenId, msg.sender, loss, incomeLost);
        // The token's `markDefaulted` or the pool's own record: one per invoice (finding F-21).
        PoolCredit.recordSmeDefault(s, token, tokenId, true);
    }

    /// @notice Books a direct repayment of up to `amount` by the caller toward `tokenId`; returns
    /// what the pool keeps and pulls (less than `amount` when an early repayment earns a rebate).
    function repay(
        State storage s,
        IReceivableToken token,
        uint256 tokenId,
        uint256 amount
    ) external returns (uint256 kept) {
        accrue(s);
        StoredAsset memory a = _load(s, tokenId);
        if (a.status == IFinancingPool.AssetStatus.None) revert IFinancingPool.PoolReceivableNotFinanced(tokenId);
        if (amount == 0) revert IFinancingPool.PoolZeroAmount();
        uint256 owed = uint256(a.advance) + a.fee - a.collected;
        if (amount > owed) revert IFinancingPool.PoolRepayExceedsOwed(tokenId, amount, owed);
        kept = _collect(s, tokenId, msg.sender, amount, _paidInvoice(token, tokenId));
        uint256 attested = a.attestedOwedBySme;
        // A repaid asset's claim is complete and its second slot cleared: nothing to cut.
        if (attested != 0 && s.assets[tokenId].status != IFinancingPool.AssetStatus.Repaid) {
            // An early repayment's rebate also cuts what the SME owes: never more than is left.
            StoredAsset storage b = s.assets[tokenId];
            uint256 left = uint256(b.advance) + b.fee - b.collected;
            b.attestedOwedBySme = uint96(Math.min(attested > kept ? attested - kept : 0, left));
        }
    }

    /// @dev Checks and effects of financing; the caller moves the token and pays the advance.
    /// `holder` is who must hold the token now: the SME for `finance`, the pool itself inside
    /// `onERC721Received` (the token has moved). One call to the token (the invoice and its
    /// holder, no registry call there) and one registry call per party, each answering both
    /// "verified for this role?" and "which entity?" ({IIdentityRegistry-verifiedEntity}).
    function finance(
        State storage s,
        IReceivableToken token,
        IIdentityRegistry identity,
        address asset,
        address sme,
        address holder,
        uint256 tokenId,
        uint256 minAdvance
    ) external returns (uint256 advance) {
        accrue(s);
        IReceivableToken.Receivable memory r;
        {
            address owner;
            (r, owner) = token.receivableAndOwner(tokenId);
            if (owner != holder) revert IFinancingPool.PoolNotReceivableHolder(tokenId, sme, owner);
        }
        if (s.assets[tokenId].status != IFinancingPool.AssetStatus.None)
            revert IFinancingPool.PoolReceivableAlreadyFinanced(tokenId);
        if (r.issuer != sme) revert IFinancingPool.PoolNotReceivableIssuer(tokenId, sme, r.issuer);
        if (r.status != IReceivableToken.Status.Acknowledged)
            revert IFinancingPool.PoolReceivableNotAcknowledged(tokenId, r.status);
        if (r.currency != asset) revert IFinancingPool.PoolCurrencyMismatch(tokenId, r.currency, asset);
        // The view leaves the entities zero: the registry's answers fill them in.
        r.issuerEntity = _verifiedEntity(identity, sme, PartyRoles.SME);
        // Storage, not a memory copy: finance reads the fields it needs, not the haircut's slot.
        IFinancingPool.Policy storage p = s.policy;
        r.debtorEntity =
            p.requireVerifiedDebtor
                ? _verifiedEntity(identity, r.debtor, PartyRoles.DEBTOR)
                : identity.entityOf(r.debtor);
        // The pool buys what is still owed on chain; attested and paid parts belong to the SME.
        uint256 face = uint256(r.faceValue) - r.amountPaid - r.amountAttested;
        uint256 fee;
        (advance, fee) = _terms(tokenId, face, r.dueDate, minAdvance, p);
        _addExposure(s, r.debtorEntity, r.issuerEntity, advance, p);
        _book(s, tokenId, r.dueDate, advance, fee, p.performanceFeeBps);
        emit IFinancingPool.ReceivableFinanced(tokenId, sme, r.debtor, face, advance, fee, r.dueDate);
    }

    /// @dev Policy checks on tenor and ticket; the fee rounded up, the advance rounded down.
    function _terms(
        uint256 tokenId,
        uint256 face,
        uint40 dueDate,
        uint256 minAdvance,
        IFinancingPool.Policy storage p
    ) private view returns (uint256 advance, uint256 fee) {
        uint256 accrualEnd = dueDate - (dueDate % DAY);
        if (accrualEnd <= block.timestamp) revert IFinancingPool.PoolTenorTooShort(tokenId, dueDate, block.timestamp);
        uint256 tenor = dueDate - block.timestamp;
        if (tenor > p.maxTenor) revert IFinancingPool.PoolTenorTooLong(tokenId, tenor, p.maxTenor);
        if (face < p.minTicket || face > p.maxTicket) {
            revert IFinancingPool.PoolTicketOutOfRange(tokenId, face, p.minTicket, p.maxTicket);
        }
        // The fee is priced on the period it accrues over (to the start of the due day), so NAV
        // rises at the policy's rate, never faster: an invoice financed seconds before midnight
        // cannot accrue most of a day's fee in seconds (finding F-10).
        fee = DiscountMath.feeUp(face, p.discountRateBps, accrualEnd - block.timestamp);
        advance = DiscountMath.advanceDown(face, p.advanceRateBps, fee);
        if (advance == 0 || advance < minAdvance)
            revert IFinancingPool.PoolAdvanceBelowMinimum(tokenId, advance, minAdvance);
    }

    /// @dev Opens the asset: accrual rate, due-day bucket, principal, cash.
    function _book(
        State storage s,
        uint256 tokenId,
        uint40 dueDate,
        uint256 advance,
        uint256 fee,
        uint16 perfBps
    ) private {
        Accrual memory acc = s.accrual; // `finance` accrued first: acc.last == block.timestamp
        // After the accrual: the liquidity check reads the book as it now stands, walking nothing.
        uint256 available = liquidityNow(s);
        if (advance > available) revert IFinancingPool.PoolInsufficientLiquidity(advance, available);
        StoredAsset memory a = StoredAsset({
            advance: advance.toUint64(),
            fee: fee.toUint64(),
            financedAt: uint40(block.timestamp),
            status: IFinancingPool.AssetStatus.Active,
            performanceFeeBps: perfBps,
            collected: 0,
            dueDate: dueDate,
            touched: false,
            attestedOwedBySme: 0,
            closedEarly: false
        });
        // The first slot only: the second (collected, attested, closed early) is still zero.
        StoredAsset storage stored = s.assets[tokenId];
        (stored.advance, stored.fee, stored.financedAt) = (a.advance, a.fee, a.financedAt);
        (stored.status, stored.performanceFeeBps, stored.dueDate) = (a.status, perfBps, dueDate);
        uint256 rate = _rateOf(a);
        Day storage d = s.dueDays[dueDate / DAY];
        d.endingRate += rate.toUint128();
        d.principalDue += advance.toUint128();
        s.accrual.rate = (acc.rate + rate).toUint96();
        Ledger memory ldg = s.ledger;
        ldg.cash -= uint96(advance); // advance <= available <= cash, so the cast and subtraction are exact
        ldg.principalOut = (ldg.principalOut + advance).toUint96();
        s.ledger = ldg;
    }

    function _addExposure(
        State storage s,
        bytes32 debtorEntity,
        bytes32 smeEntity,
        uint256 advance,
        IFinancingPool.Policy storage p
    ) private {
        uint256 de = s.debtorExposure[debtorEntity];
        if (de + advance > p.maxDebtorExposure)
            revert IFinancingPool.PoolDebtorExposureExceeded(debtorEntity, de, advance, p.maxDebtorExposure);
        uint256 se = s.smeExposure[smeEntity];
        if (se + advance > p.maxSmeExposure)
            revert IFinancingPool.PoolSmeExposureExceeded(smeEntity, se, advance, p.maxSmeExposure);
        s.debtorExposure[debtorEntity] = de + advance;
        s.smeExposure[smeEntity] = se + advance;
    }

    /// @dev Books `amount` just received for `tokenId`: principal first, then the fee; after a
    /// write-off everything kept is a recovery. Returns what the pool keeps (at most what it is owed).
    /// Early payment (pro-rata discount rebate): a payment that reaches the fee before the accrual
    /// end closes the accrual and cuts the fee to the part earned so far, i.e. the investors'
    /// accrued income NAV already shows (floored) grossed up by the performance fee, rounded down
    /// so the pool's net income never exceeds what NAV showed: the share price cannot jump up. The
    /// unearned rest goes to the SME with the rest of the face value (`ReceivableFeeRebated`).
    /// Realizing it in NAV at once would let a sandwich of the payment take it (finding F-1).
    function _collect(
        State storage s,
        uint256 tokenId,
        address payer,
        uint256 amount,
        IReceivablePaymentHook.PaidInvoice memory invoice
    ) private returns (uint256 kept) {
        StoredAsset memory a = _load(s, tokenId);
        bool open = a.status == IFinancingPool.AssetStatus.Active || a.status == IFinancingPool.AssetStatus.Impaired;
        if (open && !a.closedEarly && block.timestamp < _accrualEnd(a) && uint256(a.collected) + amount > a.advance) {
            _closeEarly(s, a, tokenId, invoice.issuer);
        }
        uint256 owed = uint256(a.advance) + a.fee - a.collected;
        kept = Math.min(amount, owed);
        if (kept == 0) return 0;
        uint256 principal;
        uint256 income;
        uint256 recovery;
        uint256 perfFee;
        if (a.status == IFinancingPool.AssetStatus.WrittenOff) {
            // A recovery: what was written off stops counting toward the parties' exposure as it
            // comes back, and it reaches NAV gradually (finding F-10).
            recovery = kept;
            _releaseExposure(s.debtorExposure, invoice.debtorEntity, recovery);
            _releaseExposure(s.smeExposure, invoice.issuerEntity, recovery);
            lockIncome(s, recovery);
        } else {
            principal = a.collected < a.advance ? Math.min(kept, uint256(a.advance) - a.collected) : 0;
            income = kept - principal;
            if (principal != 0) _reducePrincipal(s, a, principal, invoice);
            if (income != 0) {
                uint256 feeBefore = a.collected > a.advance ? a.collected - a.advance : 0;
                perfFee = _perfDue(a, feeBefore + income) - _perfDue(a, feeBefore);
                income -= perfFee;
                uint256 dust = _realize(s, a, income); // before `collected` moves
                income -= dust;
                perfFee += dust;
            }
        }
        a.collected += uint96(kept); // kept <= owed, so collected stays <= advance + fee
        if (a.collected == uint256(a.advance) + a.fee && a.status != IFinancingPool.AssetStatus.WrittenOff) {
            a.status = IFinancingPool.AssetStatus.Repaid;
            emit IFinancingPool.AssetRepaid(tokenId, a.collected);
        }
        _store(s, tokenId, a);
        Ledger memory ldg = s.ledger;
        ldg.cash = (ldg.cash + kept).toUint96();
        ldg.feesOwed = (ldg.feesOwed + perfFee).toUint64();
        s.ledger = ldg;
        emit IFinancingPool.ReceivablePaymentCollected(tokenId, payer, principal, income, recovery, perfFee);
    }

    /// @dev Writes back an asset `_collect` moved. A repaid asset's claim is complete: the SME owes
    /// the pool nothing more, and its second slot is cleared, `collected` implied ({_load}).
    function _store(State storage s, uint256 tokenId, StoredAsset memory a) private {
        if (a.status == IFinancingPool.AssetStatus.Repaid)
            (a.collected, a.attestedOwedBySme, a.closedEarly) = (0, 0, false);
        if (a.status == IFinancingPool.AssetStatus.Repaid && !a.touched) {
            // Paid in full at once: the second slot stays zero and unread; the fee (cut by an early
            // close) and the status are the first slot's only fields that moved.
            StoredAsset storage stored = s.assets[tokenId];
            (stored.fee, stored.status) = (a.fee, a.status);
        } else {
            a.touched = true;
            s.assets[tokenId] = a;
        }
    }

    function _reducePrincipal(
        State storage s,
        StoredAsset memory a,
        uint256 principal,
        IReceivablePaymentHook.PaidInvoice memory invoice
    ) private {
        s.ledger.principalOut -= uint96(principal); // principal <= this asset's remaining advance
        // A write-off keeps its loss in the parties' exposure until recovered (finding F-14), so
        // one company cannot make the pool lose more than its limit.
        if (a.status != IFinancingPool.AssetStatus.WrittenOff) {
            _releaseExposure(s.debtorExposure, invoice.debtorEntity, principal);
            _releaseExposure(s.smeExposure, invoice.issuerEntity, principal);
        }
        if (a.status == IFinancingPool.AssetStatus.Impaired) {
            s.impaired -= uint96(principal);
            s.impairedInvoices -= uint128(principal);
        } else if (a.status == IFinancingPool.AssetStatus.Active) {
            _dropDue(s, a.dueDate, principal);
        }
    }

    /// @dev `principal` of an unimpaired asset due on `dueDate` leaves the due-day book, and its
    /// ageing haircut leaves H (nothing to do before the due day ends: no haircut yet).
    function _dropDue(State storage s, uint40 dueDate, uint256 principal) private {
        uint256 day = dueDate / DAY;
        s.dueDays[day].principalDue -= uint128(principal); // principal <= this asset's, part of the day's
        if (s.accrual.last / DAY > day) PoolAging.drop(s, day, principal);
    }

    /// @dev What a direct repayment or a write-off needs of the invoice, read from the token (the
    /// payment hook gets the same fields passed in).
    function _paidInvoice(
        IReceivableToken token,
        uint256 tokenId
    ) private view returns (IReceivablePaymentHook.PaidInvoice memory) {
        IReceivableToken.Receivable memory r = token.receivable(tokenId);
        return IReceivablePaymentHook.PaidInvoice(r.issuer, r.currency, r.issuerEntity, r.debtorEntity);
    }

    /// @dev Exposure is keyed by a party's entity as the registry reports it now; the KYC provider
    /// may have revoked it (zero) or re-keyed it since financing (finding F-7). Neither may block a
    /// settlement or write-off: a revoked entity keeps its count (its limit only gets stricter),
    /// and a release never takes an entity below zero.
    function _releaseExposure(mapping(bytes32 => uint256) storage exposure, bytes32 entity, uint256 amount) private {
        if (entity == bytes32(0)) return;
        uint256 held = exposure[entity];
        exposure[entity] = held > amount ? held - amount : 0;
    }

    /// @notice Marks `tokenId` impaired: by the pool's manager once the policy's grace period has
    /// passed since its due date, by anyone (`overdue`) once the longer public impairment delay has.
    function impair(State storage s, uint256 tokenId, bool overdue) external {
        accrue(s);
        uint256 delay = overdue ? s.policy.publicImpairDelay : s.policy.gracePeriod;
        StoredAsset memory a = s.assets[tokenId];
        if (a.status != IFinancingPool.AssetStatus.Active)
            revert IFinancingPool.PoolAssetNotImpairable(tokenId, a.status);
        uint256 eligibleAt = uint256(a.dueDate) + delay;
        if (block.timestamp < eligibleAt)
            revert IFinancingPool.PoolAssetNotLateEnough(tokenId, eligibleAt, block.timestamp);
        // The accrued income stays in gross NAV (entries pay for it) and leaves net NAV (exits do
        // not): when the debtor pays late, neither price jumps, so the payment cannot be
        // sandwiched (finding F-5). Impairment starts after the due date, so accrual has ended.
        uint256 held = _scaledLeft(a, _accrualEnd(a)) / SCALE;
        uint256 principal = _principalLeft(a);
        // The principal leaves the due-day book (and its haircut, now counted in full) first.
        _dropDue(s, a.dueDate, principal);
        s.impairedInvoices += uint128(principal);
        s.impaired = (s.impaired + principal + held).toUint96();
        s.impairedIncome += uint128(held);
        s.assets[tokenId].status = IFinancingPool.AssetStatus.Impaired;
        emit IFinancingPool.AssetImpaired(tokenId, msg.sender, principal, held);
    }

    /// @dev Early payment into the fee (finding F-1): stops the asset's accrual now and cuts its fee
    /// to what NAV showed of it (floored, grossed up by the performance fee, rounded down); the
    /// unearned rest is rebated to the SME. Its income in the aggregate becomes that fee's net,
    /// which is never more than NAV showed, and payments then convert it into cash.
    function _closeEarly(State storage s, StoredAsset memory a, uint256 tokenId, address issuer) private {
        Accrual memory acc = s.accrual;
        uint256 rate = _rateOf(a);
        // `collect` and `repay` accrued first, so acc.last is now, before the accrual end.
        uint256 rest = acc.accrued - rate * (acc.last - a.financedAt);
        uint256 shown = acc.accrued / SCALE - rest / SCALE;
        // performanceFeeBps <= PoolPolicy.MAX_PERFORMANCE_FEE_BPS < BPS, so the divisor is positive.
        uint256 bps = DiscountMath.BPS;
        uint256 earned = Math.min((shown * bps) / (bps - a.performanceFeeBps), a.fee);
        emit IFinancingPool.ReceivableFeeRebated(tokenId, issuer, a.fee - earned);
        a.fee = uint64(earned); // earned <= fee
        a.closedEarly = true;
        acc.accrued = uint104(rest + _netFee(a) * SCALE); // _netFee <= shown: NAV cannot rise
        acc.rate -= uint96(rate);
        s.dueDays[_accrualEnd(a) / DAY].endingRate -= uint128(rate);
        s.accrual = acc;
    }

    /// @dev Converts `netIncome` just received (the investors' share of a fee payment) from accrual
    /// into cash: the aggregate loses at most the asset's income left, and an impaired asset's
    /// held income shrinks the same way. Returns the dust NAV never showed (the payment exceeds the
    /// floored accrual it replaces), which the caller books as protocol fees, so NAV cannot jump.
    function _realize(State storage s, StoredAsset memory a, uint256 netIncome) private returns (uint256 dust) {
        uint256 accrued = s.accrual.accrued;
        uint256 left = _scaledLeft(a, s.accrual.last);
        uint256 take = Math.min(netIncome * SCALE, left);
        s.accrual.accrued = uint104(accrued - take); // take <= left, this asset's part of the aggregate
        // shown <= ceil(take / SCALE) <= netIncome
        uint256 shown = accrued / SCALE - (accrued - take) / SCALE;
        if (a.status == IFinancingPool.AssetStatus.Impaired) _release(s, left / SCALE - (left - take) / SCALE);
        return netIncome - shown;
    }

    /// @dev Takes an open asset out of the aggregate for good (write-off); returns the NAV it held.
    function _closeAccrual(State storage s, StoredAsset memory a) private returns (uint256 shown) {
        Accrual memory acc = s.accrual;
        uint256 left = _scaledLeft(a, acc.last);
        uint256 end = _accrualEnd(a);
        shown = acc.accrued / SCALE - (acc.accrued - left) / SCALE;
        acc.accrued -= uint104(left);
        if (!a.closedEarly && end > acc.last) {
            uint256 rate = _rateOf(a);
            acc.rate -= uint96(rate);
            s.dueDays[end / DAY].endingRate -= uint128(rate);
        }
        s.accrual = acc;
        if (a.status == IFinancingPool.AssetStatus.Impaired) _release(s, left / SCALE);
    }

    /// @dev Takes `amount` of held income off the impairment (what `impair` added, floored alike).
    function _release(State storage s, uint256 amount) private {
        s.impaired -= uint96(amount); // amount <= impairedIncome <= impaired
        s.impairedIncome -= uint128(amount);
    }

    /// @dev Scaled income of an open (active or impaired) asset still in the aggregate at checkpoint
    /// time `last`. Callers pass only open assets: repaid and written-off ones have left it.
    function _scaledLeft(StoredAsset memory a, uint256 last) private pure returns (uint256) {
        uint256 full =
            a.closedEarly ? _netFee(a) * SCALE : _rateOf(a) * (Math.min(last, _accrualEnd(a)) - a.financedAt);
        uint256 feeCollected = a.collected > a.advance ? a.collected - a.advance : 0;
        uint256 paid = (feeCollected - _perfDue(a, feeCollected)) * SCALE;
        return full > paid ? full - paid : 0;
    }

    /// @notice Brings the accrual and the management fee up to now (see {accrue}).
    function checkpoint(State storage s) external {
        accrue(s);
    }

    /// @notice Writes the accrual and management fee the views compute; once a day, first books the
    /// ageing haircut's growth. Every entry point that moves principal (the fee base) or books
    /// income runs it first; deposits and exits skip it: the views price both exactly.
    function accrue(State storage s) internal {
        (Accrual memory acc, uint256 mgmtFee) = accruedNow(s);
        uint256 from = s.accrual.last;
        // Once a day, before `accrual.last` (the haircut's cursor) moves: the ageing haircut
        // reaches `impaired`, so exits that day need no walk (finding F-22).
        if (from / DAY < block.timestamp / DAY) PoolAging.advance(s);
        s.accrual = acc;
        if (mgmtFee != 0) {
            s.ledger.feesOwed = (s.ledger.feesOwed + mgmtFee).toUint64();
            emit IFinancingPool.ManagementFeeAccrued(mgmtFee, s.ledger.principalOut, from, block.timestamp);
        }
    }

    /// @dev Income accrued up to now and the management fee on principal outstanding (deployed
    /// capital) for the elapsed time, rounded down. Day boundaries are walked only while some asset
    /// accrues (see the library NatSpec for the bound). The fee base changes only where principal
    /// moves, and every such entry point checkpoints first, so deposits and exits price the fee
    /// exactly without writing a checkpoint; idle cash pays no fee.
    function accruedNow(State storage s) internal view returns (Accrual memory acc, uint256 mgmtFee) {
        acc = s.accrual;
        uint256 last = acc.last;
        if (last == block.timestamp) return (acc, 0);
        uint256 accrued = acc.accrued;
        uint256 rate = acc.rate;
        uint256 to = block.timestamp;
        uint256 day = last / DAY;
        uint256 today = to / DAY;
        while (day < today && rate != 0) {
            ++day;
            uint256 boundary = day * DAY;
            accrued += rate * (boundary - last);
            rate -= s.dueDays[day].endingRate;
            last = boundary;
        }
        accrued += rate * (to - last);
        uint256 bps = acc.managementFeeBps;
        if (bps != 0) mgmtFee = DiscountMath.annualDown(s.ledger.principalOut, bps, to - acc.last);
        acc = Accrual(accrued.toUint104(), uint96(rate), uint40(to), acc.managementFeeBps); // rate only decreased
    }

    /// @dev The asset as stored, with a repaid asset's `collected` (not stored) filled in: all of
    /// advance and fee. Every read that may meet a repaid asset goes through here.
    function _load(State storage s, uint256 tokenId) private view returns (StoredAsset memory a) {
        StoredAsset storage stored = s.assets[tokenId];
        (a.advance, a.fee, a.financedAt) = (stored.advance, stored.fee, stored.financedAt);
        (a.status, a.performanceFeeBps, a.dueDate) = (stored.status, stored.performanceFeeBps, stored.dueDate);
        // An untouched second slot is zero: one cold read saved.
        if (stored.touched) {
            (a.touched, a.collected) = (true, stored.collected);
            (a.attestedOwedBySme, a.closedEarly) = (stored.attestedOwedBySme, stored.closedEarly);
        }
        if (a.status == IFinancingPool.AssetStatus.Repaid) a.collected = uint96(uint256(a.advance) + a.fee);
    }

    function _principalLeft(StoredAsset memory a) private pure returns (uint256) {
        return a.collected < a.advance ? uint256(a.advance) - a.collected : 0;
    }

    /// @dev Accrual stops at the start of the due date's UTC day, so it is complete by the due date.
    function _accrualEnd(StoredAsset memory a) private pure returns (uint256) {
        return uint256(a.dueDate) - (a.dueDate % DAY);
    }

    /// @dev Scaled per-second accrual of the investors' part of the fee (after the performance fee).
    function _rateOf(StoredAsset memory a) private pure returns (uint256) {
        return (_netFee(a) * SCALE) / (_accrualEnd(a) - a.financedAt);
    }

    /// @dev The investors' part of the fee (after the performance fee).
    function _netFee(StoredAsset memory a) private pure returns (uint256) {
        return uint256(a.fee) - DiscountMath.bpsDown(a.fee, a.performanceFeeBps);
    }

    /// @dev Performance fee due once `feeCollected` of the fee has been received, rounded down.
    function _perfDue(StoredAsset memory a, uint256 feeCollected) private pure returns (uint256) {
        if (a.fee == 0) return 0;
        return Math.mulDiv(feeCollected, DiscountMath.bpsDown(a.fee, a.performanceFeeBps), a.fee);
    }

    /// @notice Sends `tokenId`, which reached the pool without being financed (a plain transfer),
    /// back to its issuer.
    function returnReceivable(State storage s, IReceivableToken token, uint256 tokenId) external {
        if (s.assets[tokenId].status != IFinancingPool.AssetStatus.None || token.ownerOf(tokenId) != address(this)) {
            revert IFinancingPool.PoolReceivableNotReturnable(tokenId);
        }
        address issuer = token.receivable(tokenId).issuer;
        emit IFinancingPool.UnfinancedReceivableReturned(tokenId, issuer);
        token.transferFrom(address(this), issuer, tokenId);
    }

    /// @notice Records that `amount` of `tokenId` was paid to the SME off chain (see the pool's hook).
    function attest(
        State storage s,
        IReceivableToken token,
        uint256 tokenId,
        uint128 amount,
        bytes32 referenceHash
    ) external {
        StoredAsset memory a = _load(s, tokenId);
        if (a.status == IFinancingPool.AssetStatus.None) revert IFinancingPool.PoolReceivableNotFinanced(tokenId);
        uint256 owed = uint256(a.advance) + a.fee - a.collected;
        uint256 owedBySme = Math.min(uint256(a.attestedOwedBySme) + amount, owed);
        // <= owed, which fits 96 bits; zero for a repaid asset, whose second slot stays clear.
        StoredAsset storage stored = s.assets[tokenId];
        stored.attestedOwedBySme = uint96(owedBySme);
        stored.touched = true;
        emit IFinancingPool.ReceivablePaymentAttestedOwedBySme(
            tokenId,
            token.receivable(tokenId).issuer,
            amount,
            owedBySme,
            referenceHash
        );
    }

    /// @notice What is still locked now, rounded up (NAV shows less, never more).
    function lockedNow(State storage s) internal view returns (uint256) {
        uint256 end = s.lockEnd;
        if (block.timestamp >= end) return 0;
        Lock memory lk = s.lock;
        return Math.mulDiv(lk.locked, end - block.timestamp, end - lk.last, Math.Rounding.Ceil);
    }

    /// @notice Locks `amount` of income that just arrived as cash without having accrued, so NAV
    /// does not move now; it is released linearly. The end is the amount-weighted mean of the
    /// current lock's remaining time and a full window, so frequent small claims cannot hold back
    /// earlier income by more than their weight.
    function lockIncome(State storage s, uint256 amount) internal {
        if (amount == 0) return;
        uint256 left = lockedNow(s);
        uint256 total = left + amount;
        uint256 remaining = left == 0 ? 0 : s.lockEnd - block.timestamp;
        uint256 end =
            block.timestamp +
                Math.mulDiv(left, remaining, total) +
                Math.mulDiv(amount, UNLOCK_WINDOW, total, Math.Rounding.Ceil);
        s.lock = Lock(total.toUint96(), uint40(block.timestamp));
        s.lockEnd = uint40(end);
        emit IFinancingPool.IncomeLocked(amount, total, end);
    }

    /// @notice Gross NAV (the entry price) with accrual and management fee brought up to now.
    function grossNav(State storage s) internal view returns (uint256 gross) {
        (Accrual memory acc, uint256 mgmtFee) = accruedNow(s);
        Ledger memory ldg = s.ledger;
        uint256 plus = uint256(ldg.cash) + ldg.principalOut + acc.accrued / SCALE;
        uint256 minus = uint256(ldg.feesOwed) + mgmtFee + lockedNow(s);
        gross = plus > minus ? plus - minus : 0;
    }

    /// @notice (gross, net) NAV now. Net, the exit price, also leaves out the unrealized loss and
    /// the ageing haircut (in `impaired` as of `haircutDay`, its growth since then rounded up).
    function navs(State storage s) internal view returns (uint256 gross, uint256 net) {
        gross = grossNav(s);
        uint256 impaired = uint256(s.impaired) + _haircutGrowth(s);
        net = gross > impaired ? gross - impaired : 0;
    }

    /// @dev The haircut's growth since the last checkpoint's day (zero, and no call, that day).
    function _haircutGrowth(State storage s) private view returns (uint256) {
        return s.accrual.last / DAY < block.timestamp / DAY ? PoolAging.pending(s) : 0;
    }

    function assetOf(State storage s, uint256 tokenId) external view returns (IFinancingPool.Asset memory) {
        StoredAsset memory a = _load(s, tokenId);
        return
            IFinancingPool.Asset({
                advance: a.advance,
                fee: a.fee,
                performanceFee: DiscountMath.bpsDown(a.fee, a.performanceFeeBps),
                collected: a.collected,
                attestedOwedBySme: a.attestedOwedBySme,
                financedAt: a.financedAt,
                dueDate: a.dueDate,
                status: a.status
            });
    }

    /// @notice Idle cash: cash not owed as fees (accrual brought up to now).
    function idleCash(State storage s) internal view returns (uint256) {
        (, uint256 mgmtFee) = accruedNow(s);
        Ledger memory ldg = s.ledger;
        uint256 committed = uint256(ldg.feesOwed) + mgmtFee;
        return ldg.cash > committed ? ldg.cash - committed : 0;
    }

    /// @notice Idle cash less what the queued redemptions are worth at the exit price, rounded up:
    /// what new assets may take. `supply`: the pool's share supply.
    function instantLiquidity(State storage s, uint256 supply) internal view returns (uint256) {
        uint256 idle = idleCash(s);
        uint256 pending = s.queued;
        if (pending == 0) return idle;
        (, uint256 net) = navs(s);
        uint256 queueNeeds = SharesMath.toAssetsUp(pending, net, supply, VIRTUAL_SHARES);
        return idle > queueNeeds ? idle - queueNeeds : 0;
    }

    /// @notice `instantLiquidity` inside one of the pool's own calls (a library runs in its context):
    /// the share supply, which only queued redemptions need, read from the pool's ERC-20 only then.
    function liquidityNow(State storage s) internal view returns (uint256) {
        return instantLiquidity(s, s.queued == 0 ? 0 : IERC20(address(this)).totalSupply());
    }

    /// @dev The entity of `account` when verified for `role`, in one registry call.
    function _verifiedEntity(IIdentityRegistry identity, address account, uint8 role) private view returns (bytes32 e) {
        e = identity.verifiedEntity(account, role);
        if (e == bytes32(0)) revert IFinancingPool.PoolNotVerified(account, role);
    }
}
