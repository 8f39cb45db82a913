// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";

/// @notice Brute-force ageing haircut (finding F-22), restated from the policy alone: every
/// unimpaired receivable's principal left × the bps of its lateness today, summed, rounded up.
library HaircutOracle {
    uint256 internal constant DAY = 1 days;

    function total(IFinancingPool pool, uint256[] memory ids) internal view returns (uint256) {
        IFinancingPool.Policy memory p = pool.policy();
        uint256 sum;
        for (uint256 i = 0; i < ids.length; ++i) sum += scaled(pool, p, ids[i]);
        return (sum + 9_999) / 10_000;
    }

    /// @dev principal left × bps for one receivable (0 unless active, unpaid and past grace).
    function scaled(IFinancingPool pool, IFinancingPool.Policy memory p, uint256 id) internal view returns (uint256) {
        IFinancingPool.Asset memory a = pool.assetOf(id);
        if (a.status != IFinancingPool.AssetStatus.Active || a.collected >= a.advance) return 0;
        uint256 today = block.timestamp / DAY;
        uint256 due = a.dueDate / DAY;
        if (today <= due) return 0;
        return (a.advance - a.collected) * bps(p, today - due);
    }

    /// @dev The policy's haircut of principal `late` days past its due day.
    function bps(IFinancingPool.Policy memory p, uint256 late) internal pure returns (uint256) {
        uint256 graceDays = (uint256(p.gracePeriod) + DAY - 1) / DAY;
        if (late <= graceDays) return 0;
        if (late <= 30) return p.agingHaircutBps[0];
        if (late <= 60) return p.agingHaircutBps[1];
        if (late <= 90) return p.agingHaircutBps[2];
        return p.agingHaircutBps[3];
    }
}
