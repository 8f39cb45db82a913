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

    /// @notice The canonical form of `number` (see the library's rule); reverts on a number that
    /// is empty, longer than {MAX_LENGTH}, holds a byte outside printable ASCII, or has nothing
    /// left once separators are dropped.
    function canonicalize(string calldata number) internal pure returns (bytes memory out) {
        bytes calldata b = bytes(number);
        uint256 n = b.length;
        if (n == 0) revert IReceivableToken.ReceivableInvoiceNumberEmpty(number);
        if (n > MAX_LENGTH) revert IReceivableToken.ReceivableInvoiceNumberTooLong(number, n, MAX_LENGTH);
        out = new bytes(n);
        uint256 len;
        // Digit-run state: inside a run of digits whose non-zero part has not started yet
        // (a zero is pending), or inside one whose digits are being copied.
        bool zeroPending;
        bool copyingRun;
        unchecked {
            for (uint256 i; i < n; ++i) {
                uint8 c = uint8(b[i]);
                if (c < 0x20 || c > 0x7e) revert IReceivableToken.ReceivableInvoiceNumberInvalidCharacter(number, i);
                // Separators: space - _ / . #
                if (c == 0x20 || c == 0x2d || c == 0x5f || c == 0x2f || c == 0x2e || c == 0x23) continue;
                if (c >= 0x30 && c <= 0x39) {
                    // A zero before the run's first other digit waits: it may be a leading zero.
                    if (!copyingRun && c == 0x30) {
                        zeroPending = true;
                        continue;
                    }
                    copyingRun = true;
                    zeroPending = false;
                } else {
                    // A run of zeros only ends here: it keeps one zero.
                    if (zeroPending) {
                        out[len] = "0";
                        ++len;
                        zeroPending = false;
                    }
                    copyingRun = false;
                    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
                }
                out[len] = bytes1(c);
                ++len;
            }
            if (zeroPending) {
                out[len] = "0";
                ++len;
            }
        }
        if (len == 0) revert IReceivableToken.ReceivableInvoiceNumberEmpty(number);
        // Shrinks the array in place (len ≤ n; the bytes past it are never read). The one assembly
        // block of the code base: without it a second buffer and copy would cost every tokenization.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(out, len)
        }
    }
}
