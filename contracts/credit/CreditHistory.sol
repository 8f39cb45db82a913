// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";

/// @title CreditHistory
/// @notice Per-entity repayment record of receivables and loans, a transparent score and the
/// credit limit that loan auto-approval uses. Non-transferable by construction: it is keyed by
/// the identity registry's entity id, not held by a wallet.
/// @dev Score, 0..1000, integer math, every division rounding down:
///   n        = settled receivables + settled loans (on time + late + defaulted)
///   quality  = 1000 · (2 · onTime + late) / (2 · n)          (late counts half, default zero)
///   penalty  = min(quality, 2 · totalDaysLate / n)            (2 points per average day late)
///   score    = (quality − penalty) · min(n, 5) / 5            (full weight after 5 obligations)
///   and 0 when n = 0 (no history, no automatic credit).
/// Credit limit:
///   limit = min(baseLimit · score / 1000, repaidVolume − defaultedVolume)   (0 if negative)
///   where the volumes add receivables and loans. A borrower can thus never be auto-approved for
///   more than it has already repaid net of what it defaulted on, however good its score.
/// Writes never revert on large inputs (counts and volumes saturate): a recorder's payment or
/// close path must not be blocked by bookkeeping.
contract CreditHistory is AccessManaged, ICreditHistory {
    /// @notice Highest score.
    uint256 public constant MAX_SCORE = 1000;
    /// @notice Settled obligations after which the score carries its full weight.
    uint256 public constant FULL_WEIGHT_COUNT = 5;

    /// @dev Slot 1 of an entity: counts and total days late (6 × 32 + 64 bits).
    struct Counts {
        uint32 receivablesOnTime;
        uint32 receivablesLate;
        uint32 receivablesDefaulted;
        uint32 loansOnTime;
        uint32 loansLate;
        uint32 loansDefaulted;
        uint64 totalDaysLate;
    }

    /// @dev Slot 2 of an entity: volumes (4 × 64 bits).
    struct Volumes {
        uint64 receivablesRepaid;
        uint64 receivablesDefaulted;
        uint64 loansRepaid;
        uint64 loansDefaulted;
    }

    mapping(address recorder => bool allowed) private _recorders;
    mapping(bytes32 entity => Counts) private _counts;
    mapping(bytes32 entity => Volumes) private _volumes;
    uint256 private _baseLimit;

    constructor(address initialAuthority, uint256 initialBaseLimit) AccessManaged(initialAuthority) {
        _baseLimit = initialBaseLimit;
        emit BaseLimitSet(initialBaseLimit);
    }

    modifier onlyRecorder() {
        if (!_recorders[msg.sender]) revert CreditNotRecorder(msg.sender);
        _;
    }

    /// @inheritdoc ICreditHistory
    function recordReceivable(
        bytes32 entity,
        uint256 faceValue,
        Outcome outcome,
        uint32 daysLate
    ) external onlyRecorder {
        if (entity == bytes32(0)) revert CreditZeroEntity();
        Counts memory c = _counts[entity];
        Volumes memory v = _volumes[entity];
        if (outcome == Outcome.OnTime) {
            c.receivablesOnTime = _inc32(c.receivablesOnTime);
            v.receivablesRepaid = _add64(v.receivablesRepaid, faceValue);
        } else if (outcome == Outcome.Late) {
            c.receivablesLate = _inc32(c.receivablesLate);
            v.receivablesRepaid = _add64(v.receivablesRepaid, faceValue);
        } else {
            c.receivablesDefaulted = _inc32(c.receivablesDefaulted);
            v.receivablesDefaulted = _add64(v.receivablesDefaulted, faceValue);
        }
        c.totalDaysLate = _add64(c.totalDaysLate, daysLate);
        _counts[entity] = c;
        _volumes[entity] = v;
        emit ReceivableRecorded(entity, msg.sender, faceValue, outcome, daysLate);
    }

    /// @inheritdoc ICreditHistory
    function recordLoan(bytes32 entity, uint256 principal, Outcome outcome, uint32 daysLate) external onlyRecorder {
        if (entity == bytes32(0)) revert CreditZeroEntity();
        Counts memory c = _counts[entity];
        Volumes memory v = _volumes[entity];
        if (outcome == Outcome.OnTime) {
            c.loansOnTime = _inc32(c.loansOnTime);
            v.loansRepaid = _add64(v.loansRepaid, principal);
        } else if (outcome == Outcome.Late) {
            c.loansLate = _inc32(c.loansLate);
            v.loansRepaid = _add64(v.loansRepaid, principal);
        } else {
            c.loansDefaulted = _inc32(c.loansDefaulted);
            v.loansDefaulted = _add64(v.loansDefaulted, principal);
        }
        c.totalDaysLate = _add64(c.totalDaysLate, daysLate);
        _counts[entity] = c;
        _volumes[entity] = v;
        emit LoanRecorded(entity, msg.sender, principal, outcome, daysLate);
    }

    /// @inheritdoc ICreditHistory
    function setRecorder(address recorder, bool allowed) external restricted {
        if (recorder == address(0)) revert CreditZeroRecorder();
        _recorders[recorder] = allowed;
        emit RecorderSet(recorder, allowed);
    }

    /// @inheritdoc ICreditHistory
    function setBaseLimit(uint256 newBaseLimit) external restricted {
        _baseLimit = newBaseLimit;
        emit BaseLimitSet(newBaseLimit);
    }

    /// @inheritdoc ICreditHistory
    function isRecorder(address account) external view returns (bool) {
        return _recorders[account];
    }

    /// @inheritdoc ICreditHistory
    function baseLimit() external view returns (uint256) {
        return _baseLimit;
    }

    /// @inheritdoc ICreditHistory
    function recordOf(bytes32 entity) external view returns (CreditRecord memory r) {
        Counts memory c = _counts[entity];
        Volumes memory v = _volumes[entity];
        r = CreditRecord({
            receivablesOnTime: c.receivablesOnTime,
            receivablesLate: c.receivablesLate,
            receivablesDefaulted: c.receivablesDefaulted,
            loansOnTime: c.loansOnTime,
            loansLate: c.loansLate,
            loansDefaulted: c.loansDefaulted,
            totalDaysLate: c.totalDaysLate,
            receivablesRepaidVolume: v.receivablesRepaid,
            receivablesDefaultedVolume: v.receivablesDefaulted,
            loansRepaidVolume: v.loansRepaid,
            loansDefaultedVolume: v.loansDefaulted
        });
    }

    /// @inheritdoc ICreditHistory
    function scoreOf(bytes32 entity) public view returns (uint256) {
        return _score(_counts[entity]);
    }

    /// @inheritdoc ICreditHistory
    function creditLimitOf(bytes32 entity) external view returns (uint256) {
        uint256 score = _score(_counts[entity]);
        if (score == 0) return 0;
        Volumes memory v = _volumes[entity];
        uint256 repaid = uint256(v.receivablesRepaid) + v.loansRepaid;
        uint256 defaulted = uint256(v.receivablesDefaulted) + v.loansDefaulted;
        if (defaulted >= repaid) return 0;
        uint256 byScore = Math.mulDiv(_baseLimit, score, MAX_SCORE);
        return Math.min(byScore, repaid - defaulted);
    }

    function _score(Counts memory c) private pure returns (uint256) {
        uint256 onTime = uint256(c.receivablesOnTime) + c.loansOnTime;
        uint256 late = uint256(c.receivablesLate) + c.loansLate;
        uint256 n = onTime + late + c.receivablesDefaulted + c.loansDefaulted;
        if (n == 0) return 0;
        uint256 quality = (MAX_SCORE * (2 * onTime + late)) / (2 * n);
        uint256 penalty = Math.min(quality, (2 * uint256(c.totalDaysLate)) / n);
        return ((quality - penalty) * Math.min(n, FULL_WEIGHT_COUNT)) / FULL_WEIGHT_COUNT;
    }

    function _inc32(uint32 x) private pure returns (uint32) {
        return x == type(uint32).max ? x : x + 1;
    }

    function _add64(uint64 x, uint256 y) private pure returns (uint64) {
        uint256 sum = uint256(x) + Math.min(y, type(uint64).max);
        return sum > type(uint64).max ? type(uint64).max : uint64(sum);
    }
}
