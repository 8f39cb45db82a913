// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {ILoanNotes} from "../interfaces/ILoanNotes.sol";
import {ILoanManager} from "../interfaces/ILoanManager.sol";

/// @title LoanNotes
/// @notice Lender positions as ERC-1155 notes; see {ILoanNotes}. Deployed by the LoanManager.
/// @dev Why ERC-1155: a loan's positions are fungible with each other (same claim per unit), a
/// lender can sell part of a position, several lenders share one id, and one contract serves every
/// loan; an ERC-721 per position could not be split, an ERC-20 per loan would need a deployment
/// per loan. Accounting: the manager's `accPerUnit(id)` grows by amount · 1e18 / units (rounded down) at each
/// repayment. A holder's claim is pending + balance · (acc − snapshot) / 1e18 (rounded down);
/// every balance change first settles both sides at the current acc (`_update`), so transfers
/// move future claims with the units and never lose past ones. O(1) per claim and per transfer.
/// A contract of its own: the notes are a token lenders hold and trade, with their own claim
/// accounting; the manager only mints, burns and takes claims.
contract LoanNotes is ERC1155, ILoanNotes {
    /// @dev Fixed-point scale of the accumulator.
    uint256 private constant ACC_SCALE = 1e18;

    /// @dev A holder's settled position in one loan: the acc it was settled at and what it is owed.
    struct Checkpoint {
        uint128 snapshot;
        uint128 pending;
    }

    address private immutable MANAGER;
    mapping(uint256 loanId => mapping(address holder => Checkpoint)) private _checkpoints;

    constructor() ERC1155("") {
        MANAGER = msg.sender;
    }

    modifier onlyManager() {
        if (msg.sender != MANAGER) revert LoanNotesNotManager(msg.sender);
        _;
    }

    /// @inheritdoc ILoanNotes
    function manager() external view returns (address) {
        return MANAGER;
    }

    /// @inheritdoc ILoanNotes
    function claimable(uint256 id, address holder) external view returns (uint256) {
        return _claimable(id, holder, ILoanManager(MANAGER).accPerUnit(id));
    }

    /// @inheritdoc ILoanNotes
    function mint(address to, uint256 id, uint256 amount) external onlyManager {
        (uint256[] memory ids, uint256[] memory values) = _single(id, amount);
        // No receiver callback: the lender called `fund` itself, so it knows it holds notes, and a
        // lender contract cannot re-enter mid-fund.
        _update(address(0), to, ids, values);
    }

    /// @inheritdoc ILoanNotes
    function burn(address from, uint256 id, uint256 amount) external onlyManager {
        _burn(from, id, amount);
    }

    /// @inheritdoc ILoanNotes
    function takeClaim(uint256 id, address holder, uint256 acc) external onlyManager returns (uint256 amount) {
        amount = _claimable(id, holder, acc);
        _checkpoints[id][holder] = Checkpoint({snapshot: SafeCast.toUint128(acc), pending: 0});
    }

    function _claimable(uint256 id, address holder, uint256 acc) private view returns (uint256) {
        Checkpoint memory cp = _checkpoints[id][holder];
        return cp.pending + (balanceOf(holder, id) * (acc - cp.snapshot)) / ACC_SCALE;
    }

    function _settle(uint256 id, address holder) private {
        Checkpoint storage cp = _checkpoints[id][holder];
        uint256 acc = ILoanManager(MANAGER).accPerUnit(id);
        uint256 snapshot = cp.snapshot;
        if (acc == snapshot) return;
        uint256 owed = (balanceOf(holder, id) * (acc - snapshot)) / ACC_SCALE;
        cp.snapshot = SafeCast.toUint128(acc);
        if (owed != 0) cp.pending = SafeCast.toUint128(cp.pending + owed);
    }

    /// @dev Settles both sides of every id before balances change.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        for (uint256 n = 0; n < ids.length; ++n) {
            if (from != address(0)) _settle(ids[n], from);
            if (to != address(0)) _settle(ids[n], to);
        }
        super._update(from, to, ids, values);
    }

    function _single(uint256 id, uint256 amount) private pure returns (uint256[] memory ids, uint256[] memory values) {
        ids = new uint256[](1);
        values = new uint256[](1);
        ids[0] = id;
        values[0] = amount;
    }
}
