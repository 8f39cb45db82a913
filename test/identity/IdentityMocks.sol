// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {IAccessManager} from "@openzeppelin/contracts/access/manager/IAccessManager.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";

/// @notice Test-only ERC-1271 wallet: a signature is valid when its owner key signed the hash.
contract MockContractWallet is IERC1271 {
    address private immutable OWNER;

    constructor(address owner_) {
        OWNER = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata signature) external view returns (bytes4) {
        (address signer, ECDSA.RecoverError err, ) = ECDSA.tryRecoverCalldata(hash, signature);
        return err == ECDSA.RecoverError.NoError && signer == OWNER ? IERC1271.isValidSignature.selector : bytes4(0);
    }
}

/// @notice Test-only consumer measuring what another contract pays for `isVerified`.
contract IsVerifiedProbe {
    IIdentityRegistry private immutable REGISTRY;

    constructor(IIdentityRegistry registry) {
        REGISTRY = registry;
    }

    function measure(address account, uint8 roles) external view returns (uint256 cold, uint256 warm, bool result) {
        uint256 before = gasleft();
        result = REGISTRY.isVerified(account, roles);
        cold = before - gasleft();
        before = gasleft();
        REGISTRY.isVerified(account, roles);
        warm = before - gasleft();
    }
}

/// @notice Test-only consumer measuring the alternative design of F-19: asking the AccessManager
/// whether a party's provider still holds its role on every check.
contract HasRoleProbe {
    IAccessManager private immutable MANAGER;

    constructor(IAccessManager manager) {
        MANAGER = manager;
    }

    function measure(uint64 roleId, address account) external view returns (uint256 cold, uint256 warm, bool result) {
        uint256 before = gasleft();
        (result, ) = MANAGER.hasRole(roleId, account);
        cold = before - gasleft();
        before = gasleft();
        MANAGER.hasRole(roleId, account);
        warm = before - gasleft();
    }
}
