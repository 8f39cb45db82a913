// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";

/// @title ILoanNotes
/// @notice Lender positions of a LoanManager as ERC-1155 notes: token id = loan id, one unit per
/// unit of principal funded. Only the manager mints and burns; the per-unit accumulator lives in the
/// manager (`ILoanManager.accPerUnit`), which also pays every claim.
interface ILoanNotes is IERC1155 {
    /// @notice `caller` is not the manager.
    /// @param caller The caller.
    error LoanNotesNotManager(address caller);

    /// @notice The manager that owns these notes (and holds the escrowed money).
    /// @return manager The LoanManager's address.
    function manager() external view returns (address);

    /// @notice What `holder` may claim on loan `id` now.
    /// @param id The loan id (the note's token id).
    /// @param holder The holder of the loan's notes.
    /// @return amount The amount claimable now.
    function claimable(uint256 id, address holder) external view returns (uint256);

    /// @notice Mints `amount` units of `id` to `to` (no receiver callback: the lender called `fund`).
    /// @param to The recipient.
    /// @param id The loan id (the note's token id).
    /// @param amount The amount, in the asset's smallest unit.
    function mint(address to, uint256 id, uint256 amount) external;

    /// @notice Burns `amount` units of `id` from `from` (refunds).
    /// @param from The holder whose units are burned.
    /// @param id The loan id (the note's token id).
    /// @param amount The amount, in the asset's smallest unit.
    function burn(address from, uint256 id, uint256 amount) external;

    /// @notice Zeroes `holder`'s claim on `id` at the manager's current `acc` and returns it; the
    /// manager pays it out.
    /// @param id The loan id (the note's token id).
    /// @param holder The holder of the loan's notes.
    /// @param acc The manager's current accumulator for the loan.
    /// @return amount The claim taken, for the manager to pay out.
    function takeClaim(uint256 id, address holder, uint256 acc) external returns (uint256 amount);
}
