// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessManaged} from "@openzeppelin/contracts/access/manager/AccessManaged.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";

/// @title CreditHistory
/// @notice Per-entity repayment record of receivables and loans, a transparent score and the
/// credit limit that loan auto-approval uses. Non-transferable by construction: it is keyed by
/// the identity registry's entity id, not held by a wallet.
/// @dev Loans are credited by what their lenders risked, not by their principal (finding F-17):
///   outstanding = payoff time − drawdown time                 (seconds)
///   credited    = principal · min(outstanding, SEASONING) / SEASONING     (SEASONING = 30 days)
///   a repaid loan adds `credited` to the loans' credited volume. It counts as an on-time
///   obligation (in n below) only once outstanding ≥ SEASONING; repaid on time sooner it adds its
///   credited volume and no count, and repaid in the block it was drawn down it adds nothing at
///   all. A late loan always counts as late with its days late; a default books its whole
///   principal as defaulted volume.
/// Score, 0..1000, integer math, every division rounding down:
///   n        = settled receivables + settled loans (on time + late + defaulted)
///   quality  = 1000 · (2 · onTime + late) / (2 · n)          (late counts half, default zero)
///   penalty  = min(quality, 2 · totalDaysLate / n)            (2 points per average day late)
///   score    = (quality − penalty) · min(n, 5) / 5            (full weight after 5 obligations)
///   and 0 when n = 0 (no history, no automatic credit).
/// Credit limit:
///   limit = min(baseLimit · score / 1000, repaid − defaulted)   (0 if negative)
///   repaid    = receivables' repaid face value + loans' credited volume
///   defaulted = receivables' defaulted face value + loans' defaulted principal
///   A borrower can thus never be auto-approved for more than it has already repaid net of what it
///   defaulted on, however good its score. Why it resists wash credit: auto-approval keeps a
///   borrower's open principal within its limit L, and an open loan credits at most its principal
///   per SEASONING, so loans lift L by at most L per 30 days, L(t) ≤ L(0) · e^(t / 30 days),
///   whatever the rate, the lender or the number of round trips; 1,000 → 50,000 takes at least
///   ln 50 · 30 ≈ 118 days of real outstanding time. Interest paid is not credited: between a
///   colluding lender and borrower it is a transfer that goes back, and a whole installment's
///   interest can be paid in the first block.
/// Writes never revert on large inputs (counts, volumes and days late saturate): a recorder's payment or
/// close path must not be blocked by bookkeeping.
contract CreditHistory is AccessManaged, ICreditHistory {
    /// @notice Highest score.
    uint256 public constant MAX_SCORE = 1000;
    /// @notice Settled obligations after which the score carries its full weight.
    uint256 public constant FULL_WEIGHT_COUNT = 5;
    /// @notice Time outstanding after which a repaid loan credits its whole principal.
    uint256 public constant SEASONING = 30 days;

    /// @dev One kind of obligation of an entity (receivables or loans), packed in one slot so a
    /// settlement reads and writes one slot: 3 × 32 + 2 × 64 + 32 bits. Days late are kept per
    /// kind and added in views; each saturates like every other field. For loans `repaidVolume`
    /// holds the credited (time-weighted) volume.
    struct Tally {
        uint32 onTime;
        uint32 late;
        uint32 defaulted;
        uint64 repaidVolume;
        uint64 defaultedVolume;
        uint32 daysLate;
    }

    mapping(address recorder => bool allowed) private _recorders;
    mapping(bytes32 entity => Tally) private _receivables;
    mapping(bytes32 entity => Tally) private _loans;
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
        _receivables[entity] = _tally(_receivables[entity], faceValue, outcome, daysLate);
        emit ReceivableRecorded(entity, msg.sender, faceValue, outcome, daysLate);
    }

    /// @inheritdoc ICreditHistory
    function recordLoan(
        bytes32 entity,
        uint256 principal,
        uint256 drawnDownAt,
        Outcome outcome,
        uint32 daysLate
    ) external onlyRecorder {
        if (entity == bytes32(0)) revert CreditZeroEntity();
        // solhint-disable-next-line not-rely-on-time
        uint256 outstanding = block.timestamp > drawnDownAt ? block.timestamp - drawnDownAt : 0;
        uint256 credited;
        if (outcome == Outcome.Defaulted) {
            _loans[entity] = _tally(_loans[entity], principal, outcome, daysLate);
        } else {
            // Cannot overflow or panic: mulDiv is full-precision and the result is at most `principal`.
            credited = Math.mulDiv(principal, Math.min(outstanding, SEASONING), SEASONING);
            if (outstanding >= SEASONING || outcome == Outcome.Late) {
                _loans[entity] = _tally(_loans[entity], credited, outcome, daysLate);
            } else if (credited != 0) {
                // Repaid on time within SEASONING: its share of volume, no count, so tiny short
                // loans cannot buy the score's full weight. Nothing at all in its first block.
                Tally memory t = _loans[entity];
                t.repaidVolume = _add64(t.repaidVolume, credited);
                _loans[entity] = t;
            }
        }
        emit LoanRecorded(entity, msg.sender, principal, outstanding, credited, outcome, daysLate);
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
        Tally memory rc = _receivables[entity];
        Tally memory ln = _loans[entity];
        r = CreditRecord({
            receivablesOnTime: rc.onTime,
            receivablesLate: rc.late,
            receivablesDefaulted: rc.defaulted,
            loansOnTime: ln.onTime,
            loansLate: ln.late,
            loansDefaulted: ln.defaulted,
            totalDaysLate: uint64(rc.daysLate) + ln.daysLate,
            receivablesRepaidVolume: rc.repaidVolume,
            receivablesDefaultedVolume: rc.defaultedVolume,
            loansCreditedVolume: ln.repaidVolume,
            loansDefaultedVolume: ln.defaultedVolume
        });
    }

    /// @inheritdoc ICreditHistory
    function scoreOf(bytes32 entity) public view returns (uint256) {
        return _score(_receivables[entity], _loans[entity]);
    }

    /// @inheritdoc ICreditHistory
    function creditLimitOf(bytes32 entity) external view returns (uint256) {
        Tally memory rc = _receivables[entity];
        Tally memory ln = _loans[entity];
        uint256 score = _score(rc, ln);
        if (score == 0) return 0;
        uint256 repaid = uint256(rc.repaidVolume) + ln.repaidVolume;
        uint256 defaulted = uint256(rc.defaultedVolume) + ln.defaultedVolume;
        if (defaulted >= repaid) return 0;
        uint256 byScore = Math.mulDiv(_baseLimit, score, MAX_SCORE);
        return Math.min(byScore, repaid - defaulted);
    }

    function _tally(
        Tally memory t,
        uint256 amount,
        Outcome outcome,
        uint32 daysLate
    ) private pure returns (Tally memory) {
        if (outcome == Outcome.OnTime) {
            t.onTime = _inc32(t.onTime);
            t.repaidVolume = _add64(t.repaidVolume, amount);
        } else if (outcome == Outcome.Late) {
            t.late = _inc32(t.late);
            t.repaidVolume = _add64(t.repaidVolume, amount);
        } else {
            t.defaulted = _inc32(t.defaulted);
            t.defaultedVolume = _add64(t.defaultedVolume, amount);
        }
        t.daysLate = _add32(t.daysLate, daysLate);
        return t;
    }

    function _score(Tally memory rc, Tally memory ln) private pure returns (uint256) {
        uint256 onTime = uint256(rc.onTime) + ln.onTime;
        uint256 late = uint256(rc.late) + ln.late;
        uint256 n = onTime + late + rc.defaulted + ln.defaulted;
        if (n == 0) return 0;
        uint256 quality = (MAX_SCORE * (2 * onTime + late)) / (2 * n);
        uint256 penalty = Math.min(quality, (2 * (uint256(rc.daysLate) + ln.daysLate)) / n);
        return ((quality - penalty) * Math.min(n, FULL_WEIGHT_COUNT)) / FULL_WEIGHT_COUNT;
    }

    function _inc32(uint32 x) private pure returns (uint32) {
        return x == type(uint32).max ? x : x + 1;
    }

    function _add32(uint32 x, uint32 y) private pure returns (uint32) {
        uint256 sum = uint256(x) + y;
        return sum > type(uint32).max ? type(uint32).max : uint32(sum);
    }

    function _add64(uint64 x, uint256 y) private pure returns (uint64) {
        uint256 sum = uint256(x) + Math.min(y, type(uint64).max);
        return sum > type(uint64).max ? type(uint64).max : uint64(sum);
    }
}
