// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IReceivableToken} from "../interfaces/IReceivableToken.sol";

/// @title InvoiceNumber
/// @notice The one canonical form of an invoice number, so that spellings of the same number
/// (`INV-001`, `inv-001`, `INV-001 `, `INV-0001`, `INV 1`) are one invoice (`INV1`).
/// @dev Rule, applied byte by byte to the number as given:
/// 1. the number is 1 to 64 bytes of printable ASCII (0x20-0x7E); anything else is refused;
/// 2. the separators space, `-`, `_`, `/`, `.` and `#` are dropped (so surrounding spaces too);
/// 3. letters `a`-`z` become `A`-`Z`;
/// 4. in what remains, every run of digits loses its leading zeros (a run of zeros only becomes
///    `0`); runs are taken after dropping separators, so `12-03` is the run `1203`;
/// 5. every other printable character is kept as is; an empty result is refused.
/// The rule is idempotent: the canonical form of a canonical form is itself.
library InvoiceNumber {
    /// @notice Longest number accepted, in bytes, before canonicalization.
    uint256 internal constant MAX_LENGTH = 64;

    /// @dev Bit c set for each separator byte c: space 0x20, # 0x23, - 0x2d, . 0x2e, / 0x2f, _ 0x5f.
    uint256 private constant SEPARATORS = 0x800000000000e00900000000;

    /// @notice The canonical form of `number` (see the library's rule); reverts on a number that
    /// is empty, longer than {MAX_LENGTH}, holds a byte outside printable ASCII, or has nothing
    /// left once separators are dropped.
    /// @dev One pass in assembly (it runs on every tokenization and acknowledgement: about a third
    /// of the gas of the same loop in Solidity, whose index checks cannot fail here). It writes
    /// the result in fresh memory and allocates exactly what it wrote.
    function canonicalize(string calldata number) internal pure returns (bytes memory out) {
        uint256 n = bytes(number).length;
        if (n == 0) revert IReceivableToken.ReceivableInvoiceNumberEmpty(number);
        if (n > MAX_LENGTH) revert IReceivableToken.ReceivableInvoiceNumberTooLong(number, n, MAX_LENGTH);
        uint256 bad;
        (out, bad) = _scan(number);
        if (bad != 0) revert IReceivableToken.ReceivableInvoiceNumberInvalidCharacter(number, bad - 1);
        if (out.length == 0) revert IReceivableToken.ReceivableInvoiceNumberEmpty(number);
    }

    /// @dev The rule's steps 2-4 on `number`, stopping at the first byte outside printable ASCII
    /// (`bad` is then 1 + its index, else 0). Digit-run state: `zeroPending`, the run so far is
    /// zeros only; `copying`, the run's first non-zero digit was seen.
    function _scan(string calldata number) private pure returns (bytes memory out, uint256 bad) {
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            out := mload(0x40)
            let dst := add(out, 0x20)
            let len := 0
            let zeroPending := 0
            let copying := 0
            for {
                let i := 0
            } lt(i, number.length) {
                i := add(i, 1)
            } {
                let c := byte(0, calldataload(add(number.offset, i)))
                if or(lt(c, 0x20), gt(c, 0x7e)) {
                    bad := add(i, 1)
                    break
                }
                if and(shr(c, SEPARATORS), 1) {
                    continue
                }
                let digit := lt(sub(c, 0x30), 10)
                // A zero before the run's first other digit waits: it may be a leading zero.
                if and(digit, and(iszero(copying), eq(c, 0x30))) {
                    zeroPending := 1
                    continue
                }
                // Anything but a digit ends the run; a run of zeros only keeps one zero.
                if and(zeroPending, iszero(digit)) {
                    mstore8(add(dst, len), 0x30)
                    len := add(len, 1)
                }
                zeroPending := 0
                copying := digit
                if lt(sub(c, 0x61), 26) {
                    c := sub(c, 0x20)
                }
                mstore8(add(dst, len), c)
                len := add(len, 1)
            }
            if zeroPending {
                mstore8(add(dst, len), 0x30)
                len := add(len, 1)
            }
            mstore(out, len)
            mstore(0x40, add(dst, and(add(len, 31), not(31))))
        }
    }
}
