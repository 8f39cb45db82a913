// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IdentityBase} from "../identity/IdentityBase.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {RedemptionQueue} from "../../contracts/pool/RedemptionQueue.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {Roles} from "../../contracts/access/Roles.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {ReceivableTokenDouble} from "./ReceivableTokenDouble.sol";

/// @notice Pool wired to the AccessManager as in deployment (policy admin with delay, plus an
/// immediate one for tests), the identity registry, DemoUSD and the receivable test double.
abstract contract PoolBase is IdentityBase {
    uint128 internal constant FACE = 10_000e6;
    uint256 internal constant TENOR = 60 days;
    uint40 internal constant LONG_EXPIRY = uint40(START + 10 * 365 days);
    bytes32 internal constant SME_CO = keccak256("entity:sme");
    bytes32 internal constant SME2_CO = keccak256("entity:sme2");
    bytes32 internal constant DEBTOR_CO = keccak256("entity:debtor");
    bytes32 internal constant DEBTOR2_CO = keccak256("entity:debtor2");

    DemoUSD internal usd;
    ReceivableTokenDouble internal rcv;
    FinancingPool internal pool;
    RedemptionQueue internal queue;
    address internal poolManager = makeAddr("poolManager");
    address internal policyNow = makeAddr("policyNow");
    address internal treasury = makeAddr("treasury");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal sme2 = makeAddr("sme2");
    address internal debtor = makeAddr("debtor");
    address internal debtor2 = makeAddr("debtor2");
    address internal outsider = makeAddr("outsider");

    function setUp() public virtual override {
        super.setUp();
        usd = new DemoUSD(address(this));
        rcv = new ReceivableTokenDouble();
        pool = new FinancingPool(
            IERC20(address(usd)),
            address(manager),
            registry,
            IReceivableToken(address(rcv)),
            treasury,
            "SME Pool Share",
            "SMEP",
            _defaultPolicy()
        );
        queue = new RedemptionQueue(pool);
        vm.prank(admin);
        pool.setRedemptionQueue(address(queue));
        rcv.registerFinancier(address(pool), true);
        _wire(address(pool), IFinancingPool.setPolicy.selector, Roles.POLICY_ADMIN);
        bytes4[] memory managed = new bytes4[](2);
        managed[0] = IFinancingPool.impair.selector;
        managed[1] = IFinancingPool.writeOff.selector;
        _wire(address(pool), managed, Roles.POOL_MANAGER);
        _wirePause(address(pool));
        _grant(Roles.POOL_MANAGER, poolManager, 0);
        _grant(Roles.POLICY_ADMIN, policyNow, 0);

        _verifyAs(alice, PartyRoles.INVESTOR, keccak256("entity:alice"));
        _verifyAs(bob, PartyRoles.INVESTOR, keccak256("entity:bob"));
        _verifyAs(sme, PartyRoles.SME, SME_CO);
        _verifyAs(sme2, PartyRoles.SME, SME2_CO);
        _verifyAs(debtor, PartyRoles.DEBTOR, DEBTOR_CO);
        _verifyAs(debtor2, PartyRoles.DEBTOR, DEBTOR2_CO);
        vm.label(address(pool), "pool");
        vm.label(address(queue), "queue");
        vm.label(address(rcv), "receivables");
    }

    function _defaultPolicy() internal pure returns (IFinancingPool.Policy memory) {
        return
            IFinancingPool.Policy({
                advanceRateBps: 9_000,
                discountRateBps: 1_200,
                managementFeeBps: 0,
                performanceFeeBps: 0,
                maxTenor: 180 days,
                gracePeriod: 5 days,
                publicImpairDelay: 30 days,
                defaultDelay: 90 days,
                requireVerifiedDebtor: true,
                minTicket: 100e6,
                maxTicket: 1_000_000e6,
                maxDebtorExposure: 500_000e6,
                maxSmeExposure: 300_000e6,
                minRedeemRequest: 10e6,
                agingHaircutBps: [uint16(0), 0, 0, 0]
            });
    }

    function _verifyAs(address account, uint8 roles, bytes32 entity) internal {
        vm.prank(kyc);
        registry.verify(account, roles, KE, LONG_EXPIRY, entity);
    }

    function _setPolicy(IFinancingPool.Policy memory p) internal {
        vm.prank(policyNow);
        pool.setPolicy(p);
    }

    function _deposit(address who, uint256 assets) internal returns (uint256 shares) {
        usd.mint(who, assets);
        vm.startPrank(who);
        usd.approve(address(pool), assets);
        shares = pool.deposit(assets, who);
        vm.stopPrank();
    }

    /// @dev An acknowledged invoice of `face` due at the end of `tenor` (kept mid-day, away from a
    /// day boundary, so accrual ends strictly before the due date).
    function _invoice(address issuer, address debtor_, uint128 face, uint256 tenor) internal returns (uint256 id) {
        bytes32 issuerCo = issuer == sme ? SME_CO : SME2_CO;
        bytes32 debtorCo = debtor_ == debtor ? DEBTOR_CO : DEBTOR2_CO;
        id = rcv.mintAcknowledged(
            issuer,
            debtor_,
            address(usd),
            face,
            uint40(block.timestamp + tenor),
            issuerCo,
            debtorCo
        );
    }

    function _finance(address issuer, uint256 id) internal returns (uint256 advance) {
        vm.startPrank(issuer);
        rcv.approve(address(pool), id);
        advance = pool.finance(id, 0);
        vm.stopPrank();
    }

    function _financeNew(uint128 face, uint256 tenor) internal returns (uint256 id, uint256 advance) {
        id = _invoice(sme, debtor, face, tenor);
        advance = _finance(sme, id);
    }

    function _pay(address payer, uint256 id, uint128 amount) internal {
        usd.mint(payer, amount);
        vm.startPrank(payer);
        usd.approve(address(rcv), amount);
        rcv.pay(id, amount);
        vm.stopPrank();
    }

    /// @dev Seconds an invoice due `tenor` from now is charged for: until its due day begins (UTC).
    function _feeSeconds(uint256 tenor) internal view returns (uint256) {
        uint256 due = block.timestamp + tenor;
        return due - (due % 1 days) - block.timestamp;
    }

    function _price() internal view returns (uint256) {
        return pool.convertToAssets(1e12);
    }
}
