// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IdentityBase} from "../identity/IdentityBase.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {ReceivableToken} from "../../contracts/receivables/ReceivableToken.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {IIdentityRegistry} from "../../contracts/interfaces/IIdentityRegistry.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {RedemptionQueue} from "../../contracts/pool/RedemptionQueue.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {CreditHistory} from "../../contracts/credit/CreditHistory.sol";
import {ICreditHistory} from "../../contracts/interfaces/ICreditHistory.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {LoanCalculator} from "../../contracts/loans/LoanCalculator.sol";
import {LoanLens} from "../../contracts/loans/LoanLens.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ILoanNotes} from "../../contracts/interfaces/ILoanNotes.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Roles} from "../../contracts/access/Roles.sol";

/// @notice The real protocol, wired as `ignition/modules/Protocol.ts` wires it: one AccessManager,
/// IdentityRegistry, DemoUSD, ReceivableToken (pool registered as financier, credit history
/// set), FinancingPool (library PoolBook linked by the test runner), LoanManager + notes + lens +
/// calculator, CreditHistory (receivables, loans and the pool as recorders). No test doubles: attacks run
/// against the contracts that ship. Every role holder is undelayed here except `policyAdmin`
/// (AccessBase), so tests reach each power directly.
abstract contract SecurityBase is IdentityBase {
    uint128 internal constant FACE = 10_000e6;
    uint256 internal constant TENOR = 60 days;
    uint40 internal constant LONG_EXPIRY = uint40(START + 10 * 365 days);
    bytes32 internal constant DEBTOR_CO = keccak256("entity:debtor-co");
    bytes32 internal constant INVESTOR_CO = keccak256("entity:investors");
    bytes32 internal constant ATTACKER_CO = keccak256("entity:attacker");
    uint128 internal constant PRINCIPAL = 12_000e6;

    DemoUSD internal usd;
    ReceivableToken internal rcv;
    FinancingPool internal pool;
    RedemptionQueue internal queue;
    CreditHistory internal credit;
    LoanManager internal loans;
    LoanLens internal lens;
    ILoanNotes internal notes;

    address internal poolManager = makeAddr("poolManager");
    address internal underwriter = makeAddr("underwriter");
    address internal servicer = makeAddr("servicer");
    address internal policyNow = makeAddr("policyNow");
    address internal treasury = makeAddr("treasury");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    /// @dev A verified investor with bad intent: KYC says nothing about honesty.
    address internal attacker = makeAddr("attacker");
    /// @dev Second wallet of the SME's company (same entity as `sme`).
    address internal smeWallet2 = makeAddr("smeWallet2");
    address internal debtor;
    uint256 internal debtorKey;
    uint256 internal nextDoc = 1;

    function setUp() public virtual override {
        super.setUp();
        (debtor, debtorKey) = makeAddrAndKey("debtor");
        usd = new DemoUSD(address(this));
        credit = new CreditHistory(address(manager), 50_000e6);
        rcv = new ReceivableToken(address(manager), IIdentityRegistry(address(registry)));
        pool = new FinancingPool(
            IERC20(address(usd)),
            address(manager),
            registry,
            IReceivableToken(address(rcv)),
            treasury,
            "SME Invoice Pool",
            "SIP",
            _poolPolicy()
        );
        loans = new LoanManager(
            address(manager),
            registry,
            credit,
            usd,
            new LoanCalculator(),
            ILoanManager.Policy({lateFeeBps: 3650, lateGraceDays: 3, impairAfterDays: 15, defaultAfterDays: 60})
        );
        notes = loans.notes();
        lens = new LoanLens(loans);

        // Admin set-up calls, as Ignition runs them before handing functions to roles.
        vm.startPrank(admin);
        queue = new RedemptionQueue(pool);
        pool.setRedemptionQueue(address(queue));
        rcv.setCurrencyAllowed(address(usd), true);
        rcv.registerFinancier(address(pool), true);
        rcv.setCreditHistory(address(credit));
        credit.setRecorder(address(rcv), true);
        credit.setRecorder(address(loans), true);
        credit.setRecorder(address(pool), true);
        loans.setLender(address(pool), true);
        pool.setLoanManager(address(loans), true);
        loans.setCollateralToken(address(rcv));
        rcv.registerFinancier(address(loans.collateralVault()), true);
        vm.stopPrank();
        _wireRoles();

        _verifyParties();
        _fundParties();
    }

    function _verifyParties() private {
        _verifyAs(alice, PartyRoles.INVESTOR, INVESTOR_CO);
        _verifyAs(bob, PartyRoles.INVESTOR, INVESTOR_CO);
        _verifyAs(attacker, PartyRoles.INVESTOR, ATTACKER_CO);
        _verifyAs(sme, PartyRoles.SME, ACME);
        _verifyAs(smeWallet2, PartyRoles.SME, ACME);
        _verifyAs(debtor, PartyRoles.DEBTOR, DEBTOR_CO);
    }

    function _fundParties() private {
        usd.mint(debtor, 10_000_000e6);
        vm.prank(debtor);
        usd.approve(address(rcv), type(uint256).max);
        usd.mint(sme, 1_000_000e6);
        vm.startPrank(sme);
        usd.approve(address(loans), type(uint256).max);
        usd.approve(address(pool), type(uint256).max);
        vm.stopPrank();

        vm.label(address(pool), "pool");
        vm.label(address(rcv), "receivables");
        vm.label(address(loans), "loans");
        vm.label(address(credit), "credit");
        vm.label(address(usd), "usd");
    }

    function _wireRoles() private {
        bytes4[] memory rp = new bytes4[](3);
        rp[0] = IReceivableToken.setCurrencyAllowed.selector;
        rp[1] = IReceivableToken.registerFinancier.selector;
        rp[2] = IReceivableToken.setCreditHistory.selector;
        _wire(address(rcv), rp, Roles.POLICY_ADMIN);
        _wire(address(rcv), IReceivableToken.attestPayment.selector, Roles.SERVICER);
        _wirePause(address(rcv));
        _wire(address(credit), ICreditHistory.setBaseLimit.selector, Roles.POLICY_ADMIN);
        bytes4[] memory pp = new bytes4[](2);
        pp[0] = IFinancingPool.setPolicy.selector;
        pp[1] = IFinancingPool.setLoanManager.selector;
        _wire(address(pool), pp, Roles.POLICY_ADMIN);
        bytes4[] memory pm = new bytes4[](3);
        pm[0] = IFinancingPool.impair.selector;
        pm[1] = IFinancingPool.writeOff.selector;
        pm[2] = IFinancingPool.fundLoan.selector;
        _wire(address(pool), pm, Roles.POOL_MANAGER);
        _wirePause(address(pool));
        bytes4[] memory uw = new bytes4[](3);
        uw[0] = ILoanManager.approve.selector;
        uw[1] = ILoanManager.impair.selector;
        uw[2] = ILoanManager.markDefaulted.selector;
        _wire(address(loans), uw, Roles.UNDERWRITER);
        bytes4[] memory lm = new bytes4[](2);
        lm[0] = ILoanManager.seizeCollateral.selector;
        lm[1] = ILoanManager.setLender.selector;
        _wire(address(loans), lm, Roles.POOL_MANAGER);
        _wire(address(loans), ILoanManager.setPolicy.selector, Roles.POLICY_ADMIN);
        _wirePause(address(loans));
        _grant(Roles.POOL_MANAGER, poolManager, 0);
        _grant(Roles.UNDERWRITER, underwriter, 0);
        _grant(Roles.SERVICER, servicer, 0);
        _grant(Roles.POLICY_ADMIN, policyNow, 0);
    }

    /// @notice The deployed contracts and parties, handed to invariant handlers.
    struct Wiring {
        DemoUSD usd;
        ReceivableToken rcv;
        FinancingPool pool;
        LoanManager loans;
        address sme;
        address sme2;
        address debtor;
        address underwriter;
        address attacker;
        address alice;
        address bob;
    }

    function _wiring() internal view returns (Wiring memory) {
        return Wiring(usd, rcv, pool, loans, sme, smeWallet2, debtor, underwriter, attacker, alice, bob);
    }

    function _poolPolicy() internal pure returns (IFinancingPool.Policy memory) {
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

    // ---------------------------------------------------------------- pool helpers

    function _deposit(address who, uint256 assets) internal returns (uint256 shares) {
        usd.mint(who, assets);
        vm.startPrank(who);
        usd.approve(address(pool), assets);
        shares = pool.deposit(assets, who);
        vm.stopPrank();
    }

    function _redeemAll(address who) internal returns (uint256 assets) {
        uint256 shares = pool.balanceOf(who);
        vm.prank(who);
        assets = pool.redeem(shares, who, who);
    }

    // ---------------------------------------------------------------- receivable helpers

    function _params(
        address debtor_,
        uint128 face,
        uint256 tenor
    ) internal returns (IReceivableToken.TokenizeParams memory p) {
        uint256 n = nextDoc++;
        p = IReceivableToken.TokenizeParams({
            debtor: debtor_,
            currency: address(usd),
            faceValue: face,
            issueDate: uint40(block.timestamp),
            // Mid-day, away from a day boundary, so pool accrual ends strictly before it.
            dueDate: uint40(((block.timestamp + tenor) / 1 days) * 1 days + 12 hours),
            documentHash: keccak256(abi.encode("security-document", n)),
            invoiceNumber: string.concat("SEC-INV-", vm.toString(n)),
            metadataURI: "ipfs://doc"
        });
    }

    /// @dev Tokenized by `issuer` and acknowledged by the debtor: ready to finance.
    function _acknowledged(address issuer, uint128 face, uint256 tenor) internal returns (uint256 id) {
        IReceivableToken.TokenizeParams memory p = _params(debtor, face, tenor);
        vm.prank(issuer);
        id = rcv.tokenize(p);
        _ackAs(rcv, id, p);
    }

    /// @dev The debtor acknowledges `id` on `t` naming the number and terms it was tokenized with.
    function _ackAs(ReceivableToken t, uint256 id, IReceivableToken.TokenizeParams memory p) internal {
        IReceivableToken.Receivable memory r = t.receivable(id);
        bytes32 pair = keccak256(abi.encode(r.issuerEntity, r.debtorEntity));
        vm.prank(p.debtor);
        t.acknowledge(id, pair, p.invoiceNumber, p.faceValue, p.dueDate);
    }

    function _finance(address issuer, uint256 id) internal returns (uint256 advance) {
        vm.startPrank(issuer);
        rcv.approve(address(pool), id);
        advance = pool.finance(id, 0);
        vm.stopPrank();
    }

    function _financed(uint128 face, uint256 tenor) internal returns (uint256 id, uint256 advance) {
        id = _acknowledged(sme, face, tenor);
        advance = _finance(sme, id);
    }

    function _pay(uint256 id, uint128 amount) internal {
        vm.prank(debtor);
        rcv.pay(id, amount);
    }

    // ---------------------------------------------------------------- loan helpers

    function _loanParams(uint128 principal, uint16 count) internal view returns (ILoanManager.RequestParams memory) {
        return
            ILoanManager.RequestParams({
                principal: principal,
                rateBps: 1_200,
                count: count,
                period: 30 days,
                kind: Schedule.Kind.Amortizing,
                graceCount: 0,
                collateralToken: address(0),
                collateralId: 0,
                fundingDeadline: uint40(block.timestamp + 7 days)
            });
    }

    /// @dev Requested by `sme` and approved by the underwriter at the asked terms: status Funding.
    function _fundingLoan(uint128 principal, uint16 count) internal returns (uint256 id) {
        vm.prank(sme);
        id = loans.request(_loanParams(principal, count));
        if (loans.loan(id).status == ILoanManager.Status.Pending) {
            vm.prank(underwriter);
            loans.approve(id, principal, 1_200);
        }
    }

    function _fundLoan(uint256 id, address lender, uint256 amount) internal {
        usd.mint(lender, amount);
        vm.startPrank(lender);
        usd.approve(address(loans), amount);
        loans.fund(id, amount);
        vm.stopPrank();
    }

    /// @dev Funded by alice (1/3) and bob (2/3) and drawn down by the SME.
    function _activeLoan(uint128 principal, uint16 count) internal returns (uint256 id) {
        id = _fundingLoan(principal, count);
        _fundLoan(id, alice, principal / 3);
        _fundLoan(id, bob, principal - principal / 3);
        vm.prank(sme);
        loans.drawdown(id);
    }
}
