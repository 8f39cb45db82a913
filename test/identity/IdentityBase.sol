// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {AccessBase} from "../access/AccessBase.sol";
import {IdentityRegistry} from "../../contracts/identity/IdentityRegistry.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice Registry wired to the AccessManager as in deployment, a KYC provider key, and an
/// EIP-712 signer built independently of the registry's own hashing.
abstract contract IdentityBase is AccessBase {
    bytes32 internal constant DOMAIN_TYPEHASH = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
    );
    bytes32 internal constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(address account,uint8 roles,uint16 jurisdiction,uint40 expiry,bytes32 entityId,address provider,uint256 nonce,uint256 deadline)"
    );
    uint16 internal constant KE = 404;
    uint16 internal constant DE = 276;
    uint40 internal constant EXPIRY = uint40(START + 365 days);
    bytes32 internal constant ACME = keccak256("entity:acme");

    IdentityRegistry internal registry;
    address internal kyc;
    uint256 internal kycKey;
    address internal sme = makeAddr("sme");
    address internal relayer = makeAddr("relayer");

    function setUp() public virtual override {
        super.setUp();
        (kyc, kycKey) = makeAddrAndKey("kyc");
        registry = _deployRegistry();
        _grant(Roles.KYC_PROVIDER, kyc, 0);
    }

    function _deployRegistry() internal returns (IdentityRegistry r) {
        r = new IdentityRegistry(address(manager));
        bytes4[] memory selectors = new bytes4[](2);
        selectors[0] = IIdentityRegistry.verify.selector;
        selectors[1] = IIdentityRegistry.revoke.selector;
        _wire(address(r), selectors, Roles.KYC_PROVIDER);
        _wirePause(address(r));
    }

    function _verify(address account, uint8 roles, uint40 expiry) internal {
        vm.prank(kyc);
        registry.verify(account, roles, KE, expiry, ACME);
    }

    function _attestation(address account, uint8 roles) internal view returns (IIdentityRegistry.Attestation memory) {
        return
            IIdentityRegistry.Attestation({
                account: account,
                roles: roles,
                jurisdiction: KE,
                expiry: EXPIRY,
                entityId: ACME,
                provider: kyc,
                nonce: registry.nonces(account),
                deadline: block.timestamp + 1 hours
            });
    }

    function _domain(uint256 chainId, address verifyingContract) internal pure returns (bytes32) {
        return
            keccak256(
                abi.encode(DOMAIN_TYPEHASH, keccak256("IdentityRegistry"), keccak256("1"), chainId, verifyingContract)
            );
    }

    function _digest(IIdentityRegistry.Attestation memory a, bytes32 domain) internal pure returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                ATTESTATION_TYPEHASH,
                a.account,
                a.roles,
                a.jurisdiction,
                a.expiry,
                a.entityId,
                a.provider,
                a.nonce,
                a.deadline
            )
        );
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function _sign(
        uint256 key,
        IIdentityRegistry.Attestation memory a,
        bytes32 domain
    ) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, _digest(a, domain));
        return abi.encodePacked(r, s, v);
    }

    function _sign(uint256 key, IIdentityRegistry.Attestation memory a) internal view returns (bytes memory) {
        return _sign(key, a, _domain(block.chainid, address(registry)));
    }
}
