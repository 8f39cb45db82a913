// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IReceivablePaymentHook} from "../../../contracts/interfaces/IReceivablePaymentHook.sol";

/// @notice An unregistered contract posing as the receivable token (the Teller pattern: a fake
/// callback "proves" a repayment that never happened). It mints itself NFTs with the ids of
/// real financed invoices, pushes them into the pool with `safeTransferFrom`, and calls the
/// pool's payment hooks directly.
contract FakeReceivable is ERC721 {
    constructor() ERC721("Fake receivable", "FAKE") {}

    function mint(address to, uint256 id) external {
        _mint(to, id);
    }

    function fakePayment(address pool, uint256 tokenId, uint128 amount) external returns (bytes4) {
        IReceivablePaymentHook.PaidInvoice memory paid = IReceivablePaymentHook.PaidInvoice(
            msg.sender,
            address(0),
            bytes32(0),
            bytes32(0)
        );
        return IReceivablePaymentHook(pool).onReceivablePayment(tokenId, msg.sender, amount, paid);
    }

    function fakeAttestation(address pool, uint256 tokenId, uint128 amount) external returns (bytes4) {
        return IReceivablePaymentHook(pool).onReceivablePaymentAttested(tokenId, amount, bytes32("fake"));
    }
}
