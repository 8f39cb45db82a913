// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

/// @notice The one identity view the naive references call (the real IdentityRegistry serves it).
interface INaiveIdentity {
    function isVerified(address account, uint8 roles) external view returns (bool);
}

interface INaivePaymentHook {
    function onPaid(uint256 tokenId, uint256 amount) external;
}

interface INaiveInvoices {
    function markFinanced(uint256 tokenId) external;
    function dueDateOf(uint256 tokenId) external view returns (uint256);
    function faceValueOf(uint256 tokenId) external view returns (uint256);
    function issuerOf(uint256 tokenId) external view returns (address);
    function debtorOf(uint256 tokenId) external view returns (address);
}
