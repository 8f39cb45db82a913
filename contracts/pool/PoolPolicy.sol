// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {DiscountMath} from "../libraries/DiscountMath.sol";
import {PoolAging} from "./PoolAging.sol";
import {PoolBook} from "./PoolBook.sol";

/// @title PoolPolicy
/// @notice The financing pool's policy (pricing, limits, late-asset thresholds, fee rates) and the
/// payment of the fees it accrues. Linked like {PoolBook} (DELEGATECALL in the pool's storage);
/// the management fee itself accrues in {PoolBook-accrue}, with the income.
library PoolPolicy {
    using SafeERC20 for IERC20;

    uint256 internal constant MAX_MANAGEMENT_FEE_BPS = 300;
    uint256 internal constant MAX_PERFORMANCE_FEE_BPS = 3_000;
    uint256 internal constant MAX_DISCOUNT_RATE_BPS = 10_000;

    /// @notice Validates and stores a new policy, given ABI-encoded (`encoded`, as the pool's
    /// `setPolicy` receives it): decoded once, here, where it is checked.
    // Memory, not calldata: the pool's constructor passes it from memory.
    // solhint-disable-next-line gas-calldata-parameters
    function setPolicy(PoolBook.State storage s, bytes memory encoded) external {
        IFinancingPool.Policy memory p = abi.decode(encoded, (IFinancingPool.Policy));
        PoolBook.accrue(s);
        if (p.advanceRateBps == 0 || p.advanceRateBps > DiscountMath.BPS)
            revert IFinancingPool.PoolInvalidAdvanceRate(p.advanceRateBps);
        if (p.discountRateBps > MAX_DISCOUNT_RATE_BPS)
            revert IFinancingPool.PoolRateAboveCap(p.discountRateBps, MAX_DISCOUNT_RATE_BPS);
        if (p.managementFeeBps > MAX_MANAGEMENT_FEE_BPS) {
            revert IFinancingPool.PoolRateAboveCap(p.managementFeeBps, MAX_MANAGEMENT_FEE_BPS);
        }
        if (p.performanceFeeBps > MAX_PERFORMANCE_FEE_BPS) {
            revert IFinancingPool.PoolRateAboveCap(p.performanceFeeBps, MAX_PERFORMANCE_FEE_BPS);
        }
        if (p.maxTenor > PoolBook.MAX_TENOR_CAP)
            revert IFinancingPool.PoolTenorTooLong(0, p.maxTenor, PoolBook.MAX_TENOR_CAP);
        if (p.minTicket == 0 || p.minTicket > p.maxTicket)
            revert IFinancingPool.PoolInvalidTicketRange(p.minTicket, p.maxTicket);
        if (p.gracePeriod > p.publicImpairDelay || p.publicImpairDelay > p.defaultDelay) {
            revert IFinancingPool.PoolInvalidLateThresholds(p.gracePeriod, p.publicImpairDelay, p.defaultDelay);
        }
        s.policy = p;
        s.accrual.managementFeeBps = p.managementFeeBps;
        PoolAging.reset(s); // validates the haircut and recomputes it under the new buckets
        emit IFinancingPool.PolicyUpdated(p);
    }

    /// @notice Pays the accrued fees to `treasury` in `asset`, as far as cash allows.
    function payFees(PoolBook.State storage s, address asset, address treasury) external returns (uint256 amount) {
        PoolBook.accrue(s);
        PoolBook.Ledger memory ldg = s.ledger;
        amount = Math.min(ldg.feesOwed, ldg.cash);
        if (amount == 0) revert IFinancingPool.PoolZeroAmount();
        ldg.feesOwed -= uint64(amount); // amount <= feesOwed
        ldg.cash -= uint96(amount); // amount <= cash
        s.ledger = ldg;
        emit IFinancingPool.FeesPaid(treasury, amount);
        IERC20(asset).safeTransfer(treasury, amount);
    }
}
