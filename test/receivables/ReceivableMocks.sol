// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {IReceivablePaymentHook} from "../../contracts/interfaces/IReceivablePaymentHook.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";

/// @notice Test-only credit history: remembers every receivable record it is given. Implements only
/// the call the receivable token makes, not the whole ICreditHistory.
contract MockCreditHistory {
    struct Entry {
        bytes32 entity;
        uint256 faceValue;
        ICreditHistory.Outcome outcome;
        uint32 daysLate;
    }

    Entry[] private _entries;

    function recordReceivable(
        bytes32 entity,
        uint256 faceValue,
        ICreditHistory.Outcome outcome,
        uint32 daysLate
    ) external {
        _entries.push(Entry(entity, faceValue, outcome, daysLate));
    }

    function count() external view returns (uint256) {
        return _entries.length;
    }

    function entry(uint256 i) external view returns (Entry memory) {
        return _entries[i];
    }
}

/// @notice Test-only financier: counts hook calls, can answer a wrong selector, and can try to pay
/// the same invoice again from inside the hook.
contract MockFinancier is IReceivablePaymentHook {
    IReceivableToken private immutable RECEIVABLES;
    bool public rejectHook;
    bool public reenter;
    bool public reentryFailed;
    bool public strict;
    uint256 public paymentCalls;
    uint256 public attestationCalls;
    uint256 public lastTokenId;
    address public lastPayer;
    uint128 public lastAmount;
    IReceivablePaymentHook.PaidInvoice public lastInvoice;

    constructor(IReceivableToken receivables) {
        RECEIVABLES = receivables;
    }

    function setRejectHook(bool reject) external {
        rejectHook = reject;
    }

    function setReenter(bool on) external {
        reenter = on;
    }

    /// @dev Strict: the re-entrant pay is not caught, so its revert bubbles up.
    function setStrict(bool on) external {
        strict = on;
    }

    function approve(ERC20 token, address spender) external {
        token.approve(spender, type(uint256).max);
    }

    function markDefaulted(uint256 tokenId) external {
        RECEIVABLES.markDefaulted(tokenId);
    }

    function transferToken(address to, uint256 tokenId) external {
        RECEIVABLES.transferFrom(address(this), to, tokenId);
    }

    function onReceivablePayment(
        uint256 tokenId,
        address payer,
        uint128 amount,
        PaidInvoice calldata invoice
    ) external returns (bytes4) {
        paymentCalls++;
        lastTokenId = tokenId;
        lastPayer = payer;
        lastAmount = amount;
        lastInvoice = invoice;
        if (reenter && strict) RECEIVABLES.pay(tokenId, amount);
        else if (reenter) {
            try RECEIVABLES.pay(tokenId, amount) {
                reentryFailed = false;
            } catch {
                reentryFailed = true;
            }
        }
        return rejectHook ? bytes4(0xdeadbeef) : IReceivablePaymentHook.onReceivablePayment.selector;
    }

    function onReceivablePaymentAttested(uint256 tokenId, uint128 amount, bytes32) external returns (bytes4) {
        attestationCalls++;
        lastTokenId = tokenId;
        lastAmount = amount;
        return rejectHook ? bytes4(0xdeadbeef) : IReceivablePaymentHook.onReceivablePaymentAttested.selector;
    }
}

/// @notice Test-only stablecoin that burns 1% of every transfer.
contract FeeOnTransferToken is ERC20 {
    constructor() ERC20("Fee USD", "fUSD") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value / 100;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
