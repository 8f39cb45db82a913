// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {PoolBook} from "./PoolBook.sol";

/// @title PoolAging
/// @notice The pool's ageing haircut (finding F-22) and aging view: overdue, unimpaired receivable
/// principal is marked down in the exit price by lateness without anyone acting, so leaving early
/// never pushes a known loss onto those who stay. Linked like {PoolBook} (DELEGATECALL in the
/// pool's storage).
/// @dev H = Σ_D principalDue[D] × h(cursor − D) is kept exactly, in principal × bps, as of the
/// cursor day, the last checkpoint's (`accrual.last / DAY`, which every NAV reads anyway);
/// `State.impaired` holds ceil(H / BPS), so exits pay nothing extra while the cursor is today. h(L) is the policy's bucket bps of lateness L (days past due
/// day D), 0 within the grace days. Bringing H from cursor c to day t adds, for each due day D
/// that crossed a bucket boundary b (c − D < b <= t − D), principalDue[D] × (h(t − D) − h(c − D)):
/// one read per due day in the union of the four ranges (c − b, t − b], at most
/// min(4 (t − c), (t − c) + 91) reads (730 idle days: 821, `test_gas_checkpointAfterHaircutIdleTwoYears`).
/// Principal read live, so payments already made are respected; a decrease of principalDue[D]
/// by x takes x × h(c − D) off H at once (no walk).
library PoolAging {
    uint256 internal constant DAY = 1 days;
    uint256 internal constant BPS = 10_000;
    uint256 internal constant AGING_DAYS = 90;

    /// @notice Growth of the haircut (asset units, rounded up) from the cursor to today: what the
    /// exit price takes off beyond `impaired` (view: nothing written).
    function pending(PoolBook.State storage s) external view returns (uint256) {
        PoolBook.Haircut memory h = s.haircut;
        uint256 grown = _walk(s, h, _cursor(s), block.timestamp / DAY);
        return _ceil(h.scaled + grown) - _ceil(h.scaled);
    }

    /// @notice Books the haircut's growth from the cursor to today into `impaired`; the caller (a
    /// checkpoint) then moves the cursor by writing `accrual.last`.
    function advance(PoolBook.State storage s) external {
        uint256 today = block.timestamp / DAY;
        PoolBook.Haircut memory h = s.haircut;
        uint256 grown = _walk(s, h, _cursor(s), today);
        if (grown != 0) _set(s, h.scaled, h.scaled + grown);
    }

    /// @notice `principal` just left principalDue[`day`] (payment, impairment, write-off): its
    /// haircut as of the cursor leaves H, so the exit price rises only by value actually kept.
    function drop(PoolBook.State storage s, uint256 day, uint256 principal) external {
        PoolBook.Haircut memory h = s.haircut;
        uint256 w = _bps(h, _cursor(s) - day); // the caller checked day < cursor
        if (w != 0) _set(s, h.scaled, h.scaled - principal * w); // principal*w is part of H
    }

    /// @notice Validates the policy's haircut and recomputes H from scratch under it, as of today
    /// ({PoolPolicy-setPolicy} accrued first). Bounded: 91 + MAX_TENOR_CAP / DAY + 1 reads (admin call).
    function reset(PoolBook.State storage s) external {
        IFinancingPool.Policy storage p = s.policy;
        uint16[4] memory b = p.agingHaircutBps;
        uint256 previous;
        for (uint256 k; k < 4; ++k) {
            if (b[k] > BPS || b[k] < previous) revert IFinancingPool.PoolInvalidAgingHaircut(k, b[k], previous);
            previous = b[k];
        }
        // Grace rounded up to whole days: no haircut before dueDate + gracePeriod.
        uint256 graceDays = (uint256(p.gracePeriod) + DAY - 1) / DAY;
        PoolBook.Haircut memory h = PoolBook.Haircut(s.haircut.scaled, uint16(graceDays), b[0], b[1], b[2], b[3]);
        uint256 today = block.timestamp / DAY;
        (uint256[5] memory late, uint256 scaled) = _byLateness(s, h, today);
        scaled += late[4] * h.h4; // 90+ days late: the unimpaired principal not due on a later day
        _set(s, h.scaled, scaled);
        h.scaled = uint112(scaled);
        s.haircut = h;
    }

    /// @notice NAV items with accrual, management fee and haircut brought up to now; `impaired`
    /// without the haircut, which is `agingHaircut`.
    function navBreakdown(PoolBook.State storage s) external view returns (IFinancingPool.NavBreakdown memory n) {
        (PoolBook.Accrual memory acc, uint256 mgmtFee) = PoolBook.accruedNow(s);
        PoolBook.Ledger memory ldg = s.ledger;
        PoolBook.Haircut memory h = s.haircut;
        uint256 booked = _ceil(h.scaled);
        n.cash = ldg.cash;
        n.principalOutstanding = ldg.principalOut;
        n.accruedIncome = acc.accrued / PoolBook.SCALE;
        n.impaired = s.impaired - booked;
        n.feesOwed = uint256(ldg.feesOwed) + mgmtFee;
        n.lockedIncome = PoolBook.lockedNow(s);
        n.agingHaircut = _ceil(h.scaled + _walk(s, h, _cursor(s), block.timestamp / DAY));
        n.grossAssets = PoolBook.grossNav(s);
        uint256 minus = n.impaired + n.agingHaircut;
        n.netAssets = n.grossAssets > minus ? n.grossAssets - minus : 0;
        n.pendingRedeemShares = s.queued;
    }

    /// @notice Principal by lateness (see {IFinancingPool-Aging}), bounded iteration, view only.
    function aging(PoolBook.State storage s) external view returns (IFinancingPool.Aging memory g) {
        uint256 today = block.timestamp / DAY;
        PoolBook.Haircut memory h = s.haircut;
        (uint256[5] memory late, ) = _byLateness(s, h, today);
        g.current = late[0];
        g.late1To30 = late[1];
        g.late31To60 = late[2];
        g.late61To90 = late[3];
        g.late90Plus = late[4];
        uint256 booked = _ceil(h.scaled);
        g.impaired = s.impaired - s.impairedIncome - booked;
        g.writtenOff = s.writtenOff;
        g.haircut = _ceil(h.scaled + _walk(s, h, _cursor(s), today));
    }

    /// @dev Unimpaired receivable principal by lateness today ([current, 1-30, 31-60, 61-90, 90+]),
    /// and Σ principal × h over the last 90 days (the 90+ part is left to the caller).
    function _byLateness(
        PoolBook.State storage s,
        PoolBook.Haircut memory h,
        uint256 today
    ) private view returns (uint256[5] memory late, uint256 scaled) {
        for (uint256 d = today; d <= today + PoolBook.MAX_TENOR_CAP / DAY; ++d) late[0] += s.dueDays[d].principalDue;
        for (uint256 lateDays = 1; lateDays <= AGING_DAYS && lateDays <= today; ++lateDays) {
            uint256 due = s.dueDays[today - lateDays].principalDue;
            late[(lateDays + 29) / 30] += due;
            scaled += due * _bps(h, lateDays);
        }
        late[4] =
            uint256(s.ledger.principalOut) -
            s.loanPrincipal -
            s.impairedInvoices -
            late[0] -
            late[1] -
            late[2] -
            late[3];
    }

    /// @dev Σ principalDue[D] × (h(to − D) − h(from − D)) over the due days that crossed a
    /// boundary; ranges visited right to left of the largest boundary first, each day once.
    function _walk(
        PoolBook.State storage s,
        PoolBook.Haircut memory h,
        uint256 from,
        uint256 to
    ) private view returns (uint256 grown) {
        if (to <= from || h.h4 == 0) return 0; // h4 == 0: all buckets are 0 (non-decreasing)
        uint256 g = uint256(h.graceDays) + 1;
        uint256 next;
        for (uint256 k = 4; k != 0;) {
            --k;
            uint256 b = k == 0 ? g : _max(g, 30 * k + 1);
            if (to < b) continue;
            uint256 hi = to - b;
            uint256 lo = _max(from + 1 > b ? from + 1 - b : 0, next);
            for (uint256 d = lo; d <= hi; ++d) {
                uint256 w = _bps(h, to - d) - (from > d ? _bps(h, from - d) : 0);
                if (w != 0) grown += s.dueDays[d].principalDue * w;
            }
            if (hi + 1 > next) next = hi + 1;
        }
    }

    /// @dev Haircut bps of principal `late` days past its due day.
    function _bps(PoolBook.Haircut memory h, uint256 late) private pure returns (uint256) {
        if (late <= h.graceDays) return 0;
        if (late <= 30) return h.h1;
        if (late <= 60) return h.h2;
        if (late <= AGING_DAYS) return h.h3;
        return h.h4;
    }

    /// @dev Stores H and moves its rounded-up part of `impaired` with it.
    function _set(PoolBook.State storage s, uint256 oldScaled, uint256 newScaled) private {
        s.haircut.scaled = uint112(newScaled); // <= principalOut * BPS < 2^110
        s.impaired = uint96(uint256(s.impaired) + _ceil(newScaled) - _ceil(oldScaled));
    }

    /// @dev The cursor day is the last checkpoint's: every checkpoint that crosses a day calls
    /// {advance} before it writes `accrual.last`, and `setPolicy` checkpoints before {reset}.
    function _cursor(PoolBook.State storage s) private view returns (uint256) {
        return s.accrual.last / DAY;
    }

    function _ceil(uint256 scaled) private pure returns (uint256) {
        return (scaled + BPS - 1) / BPS;
    }

    function _max(uint256 a, uint256 b) private pure returns (uint256) {
        return a > b ? a : b;
    }
}
