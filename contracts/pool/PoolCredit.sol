// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {ICreditHistory} from "../interfaces/ICreditHistory.sol";
import {IFinancingPool} from "../interfaces/IFinancingPool.sol";
import {IReceivableToken} from "../interfaces/IReceivableToken.sol";
import {PoolBook} from "./PoolBook.sol";

/// @title PoolCredit
/// @notice The SME's default on its credit record when the pool loses on a financed invoice
/// (finding F-21): money the servicer attested the SME received and the SME kept past the due
/// date plus the pool's grace period, and every write-off. Linked like {PoolBook} (DELEGATECALL
/// in the pool's storage); {PoolBook-writeOff} calls it after booking the loss.
/// @dev One default per invoice, whoever comes first, marked in the book's `smeDefaulted` map:
/// - A write-off while the debtor still owes on chain calls the token's `markDefaulted`, which
///   books the default at face value, as the pool always did; the token then records no
///   settlement of the invoice when the debtor pays later (a recovery).
/// - Otherwise, kept attested money (`recordKeptPayment`, anyone) or a write-off once every unit
///   was paid or attested (the token is Paid and cannot default; it recorded the debtor's
///   settlement when the last unit was attested), the pool books the attested money the SME still
///   owes it (`attestedOwedBySme`) as a defaulted receivable, under the issuer's current entity, in
///   the token's credit history, as the token itself records.
/// - When `recordKeptPayment` came first and the debtor still owes, the write-off leaves the
///   token's status alone: `markDefaulted` would book a second default of the same invoice. A
///   debtor's later payment in full is then recorded by the token as the invoice's late
///   settlement, which it is; the SME's default for the money it kept stays.
/// A remittance after the default (the SME's `repay`) is a recovery and leaves the record: a
/// default cured late is still a default. `Outcome.Late` does not fit better: the record is written
/// when the default happens, a credit history cannot take a record back, and the token likewise
/// records nothing when a defaulted invoice is paid later. The deadline is the invoice's due date
/// plus the grace period even for money attested later: the invoice was late, and the SME can
/// remit (`repay`) in the attestation's block. Nothing is recorded when the token has no history or
/// the SME's identity is gone (the token skips those too); the invoice is marked all the same. The
/// pool must be a recorder of that history (deployment wiring), or these paths revert.
library PoolCredit {
    /// @notice Records the SME's default on `tokenId`. `writtenOff`: called by
    /// {PoolBook-writeOff} after booking the loss, records unless already done. Else `recordKeptPayment`
    /// (anyone): from `dueDate + gracePeriod` (included, as `impair`) while the SME owes attested
    /// money, once.
    function recordSmeDefault(
        PoolBook.State storage s,
        IReceivableToken token,
        uint256 tokenId,
        bool writtenOff
    ) external {
        if (s.smeDefaulted[tokenId]) {
            if (writtenOff) return;
            revert IFinancingPool.PoolSmeDefaultAlreadyRecorded(tokenId);
        }
        uint256 owed = s.assets[tokenId].attestedOwedBySme;
        if (!writtenOff) {
            if (owed == 0) revert IFinancingPool.PoolNothingKeptBySme(tokenId);
            uint256 eligibleAt = uint256(s.assets[tokenId].dueDate) + s.policy.gracePeriod;
            // solhint-disable-next-line not-rely-on-time
            if (block.timestamp < eligibleAt) {
                revert IFinancingPool.PoolAssetNotLateEnough(tokenId, eligibleAt, block.timestamp);
            }
        }
        s.smeDefaulted[tokenId] = true;
        IReceivableToken.Receivable memory r = token.receivable(tokenId);
        uint256 amount = owed;
        if (writtenOff && r.status != IReceivableToken.Status.Paid) {
            amount = r.faceValue;
            token.markDefaulted(tokenId);
        } else {
            ICreditHistory history = ICreditHistory(token.creditHistory());
            if (address(history) != address(0) && r.issuerEntity != bytes32(0)) {
                // Whole days late, rounded up as the token counts them; both paths run after the due date.
                // solhint-disable-next-line not-rely-on-time
                uint256 daysLate = Math.ceilDiv(block.timestamp - r.dueDate, 1 days);
                history.recordReceivable(r.issuerEntity, owed, ICreditHistory.Outcome.Defaulted, uint32(daysLate));
            }
        }
        emit IFinancingPool.SmeDefaultRecorded(
            r.issuerEntity,
            tokenId,
            msg.sender,
            amount,
            writtenOff
                ? IFinancingPool.SmeDefaultReason.WrittenOff
                : IFinancingPool.SmeDefaultReason.KeptAttestedPayment
        );
    }
}
