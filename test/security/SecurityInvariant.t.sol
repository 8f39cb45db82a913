// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {Test} from "forge-std/Test.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {IReceivablePaymentHook} from "../../contracts/interfaces/IReceivablePaymentHook.sol";
import {SecurityBase} from "./SecurityBase.sol";
import {DemoUSD} from "../../contracts/token/DemoUSD.sol";
import {ReceivableToken} from "../../contracts/receivables/ReceivableToken.sol";
import {IReceivableToken} from "../../contracts/interfaces/IReceivableToken.sol";
import {FinancingPool} from "../../contracts/pool/FinancingPool.sol";
import {IFinancingPool} from "../../contracts/interfaces/IFinancingPool.sol";
import {RedemptionQueue} from "../../contracts/pool/RedemptionQueue.sol";
import {IRedemptionQueue} from "../../contracts/interfaces/IRedemptionQueue.sol";
import {HaircutOracle} from "../pool/HaircutOracle.sol";
import {LoanManager} from "../../contracts/loans/LoanManager.sol";
import {ILoanManager} from "../../contracts/interfaces/ILoanManager.sol";
import {ILoanNotes} from "../../contracts/interfaces/ILoanNotes.sol";
import {Schedule} from "../../contracts/libraries/Schedule.sol";
import {LoanLens} from "../../contracts/loans/LoanLens.sol";
import {IdentityRegistry} from "../../contracts/identity/IdentityRegistry.sol";
import {PartyRoles} from "../../contracts/identity/PartyRoles.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @notice Honest parties (two investors, an SME with two wallets, a debtor) and an attacker drive
/// the real pool, receivables and loans together. The attacker donates to the pool and the loan
/// escrow, stuffs the redemption queue, calls the pool's hooks directly, re-tokenizes invoices from
/// the SME's second wallet, tries to sell or cancel what is not its own, and sandwiches payments.
/// Every attempt that should fail is counted if it ever succeeds (`breaches`).
contract SecurityHandler is Test {
    DemoUSD private immutable USD;
    ReceivableToken private immutable RCV;
    FinancingPool private immutable POOL;
    RedemptionQueue private immutable QUEUE;
    LoanManager private immutable LOANS;
    ILoanNotes private immutable NOTES;
    address private immutable SME;
    address private immutable SME2;
    address private immutable DEBTOR;
    address private immutable UNDERWRITER;
    address private immutable ATTACKER;
    address[2] private investors;

    uint256[] public invoices;
    uint256[] public loanIds;
    uint256[] private invoiceNumbers;
    /// Issuer and debtor entities an invoice number was tokenized under (the duplicate key).
    bytes32[] private numberKeys;
    uint256 public breaches;
    uint256 private nonce;

    /// @notice The privileged parties the new flows act as (set once by the test, see `setRoles`).
    struct PrivilegedParties {
        address poolManager;
        address kyc;
        address policyAdmin;
        IdentityRegistry registry;
        LoanLens lens;
    }
    PrivilegedParties private roles;
    uint256[] public poolLoanIds;

    /// Round trips (deposit, one action, redeem) that returned more than was paid in.
    uint256 public roundTripBreaches;
    /// Same-block actions after which the entry price rose beyond rounding.
    uint256 public priceBreaches;
    /// Repayments, payments and claims with valid arguments that reverted.
    uint256 public pathBreaches;
    /// Handler calls after which pool + loan escrow held less than tracked in minus tracked out.
    uint256 public drainBreaches;
    /// Last breach of any kind, for debugging: which action and the revert data if any.
    string public lastBreach;
    bytes public lastRevert;
    /// Ghost totals of what the handlers put into and took out of pool + loan escrow legitimately.
    uint256 public ghostIn;
    uint256 public ghostOut;
    uint256 public ghostStart;
    uint256 private _in;
    uint256 private _out;
    uint256 private _minted;
    /// Successful runs of each new flow (the unit test checks they move money).
    mapping(bytes32 flow => uint256) public hits;

    bytes32 private constant SME_CO = keccak256("entity:acme");
    bytes32 private constant SME_CO_2 = keccak256("entity:acme-rekeyed");
    bytes32 private constant DEBTOR_CO = keccak256("entity:debtor-co");
    bytes32 private constant DEBTOR_CO_2 = keccak256("entity:debtor-co-rekeyed");
    bytes32 private constant INVESTOR_CO = keccak256("entity:investors");
    uint16 private constant JURISDICTION = 404;

    constructor(SecurityBase.Wiring memory w) {
        USD = w.usd;
        RCV = w.rcv;
        POOL = w.pool;
        QUEUE = RedemptionQueue(w.pool.redemptionQueue());
        LOANS = w.loans;
        NOTES = w.loans.notes();
        SME = w.sme;
        SME2 = w.sme2;
        DEBTOR = w.debtor;
        UNDERWRITER = w.underwriter;
        ATTACKER = w.attacker;
        investors = [w.alice, w.bob];
        ghostStart = _held();
    }

    function setRoles(PrivilegedParties calldata r) external {
        require(address(roles.registry) == address(0), "once");
        roles = r;
    }

    function poolLoanCount() external view returns (uint256) {
        return poolLoanIds.length;
    }

    // ------------------------------------------------------------ ghost bookkeeping

    /// @dev Pool + redemption queue (filled, unclaimed) + loan escrow stablecoin balance.
    function _held() private view returns (uint256) {
        return USD.balanceOf(address(POOL)) + USD.balanceOf(address(QUEUE)) + USD.balanceOf(address(LOANS));
    }

    /// Every handler: what left pool + escrow beyond the tracked outflows is a drain.
    modifier conserved() {
        uint256 before = _held();
        _in = 0;
        _out = 0;
        _;
        if (_held() + _out < before + _in) {
            ++drainBreaches;
            lastBreach = string.concat("drain: held ", vm.toString(_held()), " before ", vm.toString(before));
        }
        ghostIn += _in;
        ghostOut += _out;
    }

    /// The entry price (gross NAV per share, virtual share and asset included, 1e36 scale).
    function entryPrice() public view returns (uint256) {
        return Math.mulDiv(POOL.totalAssets() + 1, 1e36, POOL.totalSupply() + 1e6);
    }

    /// Exit discount per share (gross minus net NAV, i.e. impaired principal, per share; 1e36 scale).
    function _exitGap() private view returns (uint256) {
        uint256 gross = POOL.totalAssets();
        uint256 net = POOL.navBreakdown().netAssets;
        return gross > net ? Math.mulDiv(gross - net, 1e36, POOL.totalSupply() + 1e6, Math.Rounding.Ceil) : 0;
    }

    /// Every non-time action: with no time passed, the entry price may rise only by rounding (one
    /// asset unit over the whole supply per round-down: a deposit, a redeem, each queue fill) and by what exits
    /// left behind: exits are priced on net NAV (impaired principal off), entries on gross, so a
    /// share burned while impairments stand leaves its discount to the remaining shares (by design).
    modifier priced(string memory label) {
        _priceBefore();
        _;
        _checkPrice(label);
    }

    /// @dev State before the action, kept in storage (the modifier wraps wide handlers).
    struct PriceState {
        uint256 time;
        uint256 price;
        uint256 supply;
        uint256 gap;
        uint256 head;
    }
    PriceState private _before;

    function _priceBefore() private {
        (uint256 head, ) = QUEUE.queueBounds();
        _before = PriceState(block.timestamp, entryPrice(), POOL.totalSupply(), _exitGap(), head);
        _minted = 0;
    }

    function _checkPrice(string memory label) private {
        PriceState memory b = _before;
        if (block.timestamp != b.time) return;
        (uint256 p0, uint256 s0, uint256 gap0, uint256 head0) = (b.price, b.supply, b.gap, b.head);
        uint256 s1 = POOL.totalSupply();
        (uint256 head1, ) = QUEUE.queueBounds();
        // Each queue fill rounds its assets down (< 1 unit kept), as a deposit and a redeem do.
        uint256 tol = ((3 + head1 - head0) * 1e36) / ((s0 < s1 ? s0 : s1) + 1e6) + 1;
        uint256 burned = s0 + _minted > s1 ? s0 + _minted - s1 : 0;
        uint256 gap1 = _exitGap();
        uint256 left = burned == 0 ? 0 : Math.mulDiv(burned, gap0 > gap1 ? gap0 : gap1, s1 + 1e6, Math.Rounding.Ceil);
        uint256 p1 = entryPrice();
        if (p1 > p0 + tol + left) {
            ++priceBreaches;
            lastBreach = string.concat(
                "price rose in one block: ",
                label,
                " ",
                vm.toString(p0),
                " -> ",
                vm.toString(p1),
                " exit discount allowance ",
                vm.toString(left),
                _detail(burned, s1, head1 - head0)
            );
        }
    }

    function _detail(uint256 burned, uint256 supply, uint256 fills) private pure returns (string memory) {
        return
            string.concat(
                " burned ",
                vm.toString(burned),
                " supply ",
                vm.toString(supply),
                " fills ",
                vm.toString(fills)
            );
    }

    /// @dev A call that must not revert: a revert is a path breach, its data kept.
    function _must(
        address who,
        address target,
        bytes memory data,
        string memory what
    ) private returns (bool ok, bytes memory ret) {
        vm.prank(who);
        (ok, ret) = target.call(data);
        if (!ok) {
            ++pathBreaches;
            lastBreach = what;
            lastRevert = ret;
        }
    }

    function _may(address who, address target, bytes memory data) private returns (bool ok, bytes memory ret) {
        vm.prank(who);
        (ok, ret) = target.call(data);
    }

    function invoiceCount() external view returns (uint256) {
        return invoices.length;
    }

    function loanCount() external view returns (uint256) {
        return loanIds.length;
    }

    function investorAt(uint256 n) external view returns (address) {
        return n < 2 ? investors[n] : ATTACKER;
    }

    // ------------------------------------------------------------ honest flows

    function deposit(uint256 who, uint256 assets) external conserved priced("deposit") {
        address a = investors[who % 2];
        assets = bound(assets, 1e6, 200_000e6);
        USD.mint(a, assets);
        vm.startPrank(a);
        USD.approve(address(POOL), assets);
        _minted += POOL.deposit(assets, a);
        vm.stopPrank();
        _in += assets;
    }

    function redeem(uint256 who, uint256 shares) external conserved priced("redeem") {
        address a = investors[who % 2];
        shares = bound(shares, 1, POOL.maxRedeem(a) + 1);
        vm.prank(a);
        _out += POOL.redeem(shares, a, a);
    }

    function requestRedeem(uint256 who, uint256 shares) external conserved priced("requestRedeem") {
        address a = investors[who % 2];
        shares = bound(shares, 1, POOL.balanceOf(a) + 1);
        vm.prank(a);
        QUEUE.requestRedeem(shares, a, a);
    }

    function claimRedeem(uint256 who) external conserved priced("claimRedeem") {
        address a = investors[who % 2];
        vm.prank(a);
        POOL.processQueue(10);
        uint256 claimable = QUEUE.maxRedeem(a);
        vm.prank(a);
        _out += QUEUE.redeem(claimable, a, a);
    }

    function finance(uint128 face, uint256 tenor) external conserved priced("finance") {
        face = uint128(bound(face, 100e6, 50_000e6));
        tenor = bound(tenor, 3 days, 150 days);
        uint256 number = ++nonce;
        IReceivableToken.TokenizeParams memory p = IReceivableToken.TokenizeParams({
            debtor: DEBTOR,
            currency: address(USD),
            faceValue: face,
            issueDate: uint40(block.timestamp),
            dueDate: uint40(((block.timestamp + tenor) / 1 days) * 1 days + 12 hours),
            documentHash: keccak256(abi.encode("doc", nonce)),
            invoiceNumber: string.concat("inv-", vm.toString(number)),
            metadataURI: ""
        });
        vm.prank(SME);
        uint256 id = RCV.tokenize(p);
        invoiceNumbers.push(number);
        numberKeys.push(_entityKey(SME));
        IReceivableToken.Receivable memory r = RCV.receivable(id);
        bytes32 pair = keccak256(abi.encode(r.issuerEntity, r.debtorEntity));
        vm.prank(DEBTOR);
        RCV.acknowledge(id, pair, p.invoiceNumber, face, p.dueDate);
        vm.startPrank(SME);
        RCV.approve(address(POOL), id);
        uint256 smeBefore = USD.balanceOf(SME);
        POOL.finance(id, 0);
        vm.stopPrank();
        _out += USD.balanceOf(SME) - smeBefore; // the advance
        invoices.push(id);
    }

    /// The debtor pays part or all of what is still owed: must never revert (active, impaired,
    /// written off, after KYC re-keys alike).
    function pay(uint256 which, uint128 amount) external conserved priced("pay") {
        if (invoices.length == 0) return;
        uint256 id = invoices[which % invoices.length];
        uint128 owed = RCV.outstanding(id);
        if (owed == 0) return;
        _payChecked(id, uint128(bound(amount, 1, owed)), "pay");
    }

    /// @dev Debtor pays `amount` (<= outstanding) of `id`; counts what enters the pool and what it
    /// forwards to the issuer; a revert is a path breach.
    function _payChecked(uint256 id, uint128 amount, string memory what) private returns (bool ok) {
        USD.mint(DEBTOR, amount);
        vm.prank(DEBTOR);
        USD.approve(address(RCV), amount);
        uint256 smeBefore = USD.balanceOf(SME);
        (ok, ) = _must(DEBTOR, address(RCV), abi.encodeCall(IReceivableToken.pay, (id, amount)), what);
        if (ok) {
            _in += amount;
            _out += USD.balanceOf(SME) - smeBefore; // forwarded to the issuer
        }
    }

    function impairOverdue(uint256 which) external conserved priced("impairOverdue") {
        if (invoices.length == 0) return;
        POOL.impairOverdue(invoices[which % invoices.length]);
    }

    function loanLifecycle(uint128 principal, uint256 step, uint256 which) external conserved priced("loanLifecycle") {
        uint256 s = step % 5;
        if (s == 0 || loanIds.length == 0) {
            _requestLoan(uint128(bound(principal, 1_000e6, 30_000e6)));
            return;
        }
        uint256 loanId = loanIds[which % loanIds.length];
        ILoanManager.Loan memory ln = LOANS.loan(loanId);
        address lender = step % 2 == 0 ? investors[0] : ATTACKER;
        if (s == 1) {
            uint256 amount = ln.terms.principal - ln.funded;
            if (amount > 1) amount = bound(principal, 1, amount);
            USD.mint(lender, amount);
            vm.startPrank(lender);
            USD.approve(address(LOANS), amount);
            LOANS.fund(loanId, amount);
            vm.stopPrank();
            _in += amount;
        } else if (s == 2) {
            uint256 smeBefore = USD.balanceOf(SME);
            vm.prank(SME);
            LOANS.drawdown(loanId);
            _out += USD.balanceOf(SME) - smeBefore;
        } else if (s == 3) {
            USD.mint(SME, principal);
            vm.startPrank(SME);
            USD.approve(address(LOANS), type(uint256).max);
            _in += LOANS.repay(loanId, principal);
            vm.stopPrank();
        } else {
            uint256 before = USD.balanceOf(lender);
            vm.prank(lender);
            if (ln.status == ILoanManager.Status.Active || ln.status == ILoanManager.Status.Repaid) {
                LOANS.claim(loanId);
            } else {
                LOANS.refund(loanId);
            }
            _out += USD.balanceOf(lender) - before;
        }
    }

    function _requestLoan(uint128 principal) private {
        vm.prank(SME);
        uint256 id = LOANS.request(
            ILoanManager.RequestParams({
                principal: principal,
                rateBps: 1_200,
                count: 6,
                period: 30 days,
                kind: Schedule.Kind.Amortizing,
                graceCount: 0,
                collateralToken: address(0),
                collateralId: 0,
                fundingDeadline: uint40(block.timestamp + 7 days)
            })
        );
        if (LOANS.loan(id).status == ILoanManager.Status.Pending) {
            vm.prank(UNDERWRITER);
            LOANS.approve(id, principal, 1_200);
        }
        loanIds.push(id);
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1 hours, 20 days));
    }

    /// Lands just before (`after_` false) or just after a UTC day boundary 1 to 20 days ahead,
    /// where the pool's accrual steps its rate.
    function warpNearDay(uint256 days_, uint256 small, bool after_) external {
        uint256 boundary = (block.timestamp / 1 days + bound(days_, 1, 20)) * 1 days;
        small = bound(small, 1, 300);
        if (boundary - small <= block.timestamp) boundary += 1 days; // time only moves forward
        vm.warp(after_ ? boundary + small : boundary - small);
    }

    // ------------------------------------------------------------ pool-funded loans

    /// Step 0 opens a loan the pool manager funds from pool cash and the SME draws; then the SME
    /// repays in part (1) or in full (2), on time or late depending on the warps; anyone claims (3);
    /// the underwriter impairs (4) or defaults (5) it and anyone revalues it for the pool.
    function poolLoan(uint128 amount, uint256 step, uint256 which) external conserved priced("poolLoan") {
        uint256 s = step % 6;
        if (s == 0 || poolLoanIds.length == 0) {
            _openPoolLoan(uint128(bound(amount, 1_000e6, 30_000e6)));
            return;
        }
        uint256 id = poolLoanIds[which % poolLoanIds.length];
        if (s == 1 || s == 2) {
            (, , , uint256 total) = roles.lens.payoffQuote(id);
            if (total == 0) return;
            _repayChecked(id, s == 2 ? total : bound(amount, 1, total));
        } else if (s == 3) {
            _claimChecked(id, "poolLoan: claimLoan");
        } else if (s == 4) {
            (bool ok, ) = _may(UNDERWRITER, address(LOANS), abi.encodeCall(ILoanManager.impair, (id)));
            if (ok) ++hits["loanImpaired"];
            _revalue(id);
        } else {
            (bool ok, ) = _may(UNDERWRITER, address(LOANS), abi.encodeCall(ILoanManager.markDefaulted, (id)));
            if (ok) ++hits["loanDefaulted"];
            _revalue(id);
        }
    }

    function _openPoolLoan(uint128 principal) private {
        ILoanManager.RequestParams memory r = ILoanManager.RequestParams({
            principal: principal,
            rateBps: 1_200,
            count: 3,
            period: 30 days,
            kind: Schedule.Kind.Amortizing,
            graceCount: 0,
            collateralToken: address(0),
            collateralId: 0,
            fundingDeadline: uint40(block.timestamp + 7 days)
        });
        (bool ok, bytes memory ret) = _may(SME, address(LOANS), abi.encodeCall(ILoanManager.request, (r)));
        if (!ok) return; // credit limit reached
        uint256 id = abi.decode(ret, (uint256));
        if (LOANS.loan(id).status == ILoanManager.Status.Pending) {
            vm.prank(UNDERWRITER);
            LOANS.approve(id, principal, 1_200);
        }
        (ok, ) = _may(
            roles.poolManager,
            address(POOL),
            abi.encodeCall(IFinancingPool.fundLoan, (address(LOANS), id, principal))
        );
        if (!ok) return; // not enough idle cash or over the SME's limit
        poolLoanIds.push(id); // pool cash moved into the escrow: tracked as internal
        uint256 smeBefore = USD.balanceOf(SME);
        (ok, ) = _may(SME, address(LOANS), abi.encodeCall(ILoanManager.drawdown, (id)));
        if (ok) {
            _out += USD.balanceOf(SME) - smeBefore;
            ++hits["poolLoanDrawn"];
        }
    }

    /// @dev The SME repays `amount` (<= the payoff quote) of a live loan; a revert is a breach.
    function _repayChecked(uint256 id, uint256 amount) private {
        USD.mint(SME, amount);
        vm.prank(SME);
        USD.approve(address(LOANS), amount);
        uint256 before = USD.balanceOf(SME);
        (bool ok, ) = _must(SME, address(LOANS), abi.encodeCall(ILoanManager.repay, (id, amount)), "repay");
        if (ok) {
            _in += before - USD.balanceOf(SME);
            ++hits["poolLoanRepaid"];
        }
    }

    /// @dev Anyone (the attacker) claims for the pool. With something claimable, or a loan that
    /// lapsed unstarted while the pool's position is open, a revert is a breach.
    function _claimChecked(uint256 id, string memory what) private returns (bool ok) {
        IFinancingPool.LoanStatus ps = POOL.loanPosition(address(LOANS), id).status;
        if (ps == IFinancingPool.LoanStatus.None) return false;
        ILoanManager.Loan memory ln = LOANS.loan(id);
        bool lapsed =
            (ln.status <= ILoanManager.Status.Funding && block.timestamp > ln.fundingDeadline) ||
                ln.status == ILoanManager.Status.Cancelled ||
                ln.status == ILoanManager.Status.Expired;
        bool valid = lapsed ? ps == IFinancingPool.LoanStatus.Funded : LOANS.claimable(id, address(POOL)) != 0;
        bytes memory data = abi.encodeCall(IFinancingPool.claimLoan, (address(LOANS), id));
        uint256 before = USD.balanceOf(address(POOL));
        if (valid) (ok, ) = _must(ATTACKER, address(POOL), data, what);
        else (ok, ) = _may(ATTACKER, address(POOL), data);
        if (ok && USD.balanceOf(address(POOL)) > before) ++hits["poolLoanClaimed"];
    }

    /// @dev Anyone revalues a pool loan (defaulted: written off; impaired; cured).
    function _revalue(uint256 id) private returns (bool ok) {
        (ok, ) = _may(ATTACKER, address(POOL), abi.encodeCall(IFinancingPool.revalueLoan, (address(LOANS), id)));
        if (ok) ++hits["loanRevalued"];
    }

    // ------------------------------------------------------------ recoveries and revaluations

    /// The pool manager writes off an invoice past the default delay; the debtor pays a written-off
    /// invoice late (a recovery). The payment must not revert.
    function recoverInvoice(uint256 which, uint128 amount) external conserved priced("recoverInvoice") {
        if (invoices.length == 0) return;
        uint256 id = invoices[which % invoices.length];
        IFinancingPool.AssetStatus st = POOL.assetOf(id).status;
        if (st == IFinancingPool.AssetStatus.WrittenOff) {
            uint128 owed = RCV.outstanding(id);
            if (owed == 0) return;
            if (_payChecked(id, uint128(bound(amount, 1, owed)), "recoverInvoice: pay")) ++hits["recovered"];
        } else {
            (bool ok, ) = _may(roles.poolManager, address(POOL), abi.encodeCall(IFinancingPool.writeOff, (id)));
            if (ok) ++hits["writtenOff"];
        }
    }

    /// Anyone revalues: an overdue invoice (`impairOverdue`) or a pool loan (`revalueLoan`).
    function revalueAny(uint256 which, bool loan) external conserved priced("revalueAny") {
        if (loan) {
            if (poolLoanIds.length != 0) _revalue(poolLoanIds[which % poolLoanIds.length]);
        } else if (invoices.length != 0) {
            (bool ok, ) = _may(
                ATTACKER,
                address(POOL),
                abi.encodeCall(IFinancingPool.impairOverdue, (invoices[which % invoices.length]))
            );
            if (ok) ++hits["impairedOverdue"];
        }
    }

    // ------------------------------------------------------------ KYC and admin

    /// The KYC provider re-keys the SME or the debtor to another entity (and back), revokes an
    /// investor (and re-verifies it); the policy admin toggles the pool's rates and fees.
    function kycChange(uint256 what) external conserved priced("kycChange") {
        uint256 w = what % 7;
        uint40 expiry = uint40(block.timestamp + 3650 days);
        IdentityRegistry reg = roles.registry;
        if (w == 4) {
            if (!reg.isVerified(investors[1], PartyRoles.INVESTOR)) return;
            vm.prank(roles.kyc);
            reg.revoke(investors[1], keccak256("kyc expired"));
        } else if (w == 6) {
            IFinancingPool.Policy memory p = POOL.policy();
            bool raise = p.discountRateBps == 1_200;
            p.discountRateBps = raise ? 1_500 : 1_200;
            p.managementFeeBps = raise ? 100 : 0;
            p.performanceFeeBps = raise ? 1_000 : 0;
            // The ageing haircut's buckets change too: the pool recomputes it (finding F-22).
            p.agingHaircutBps = raise ? [uint16(500), 2_000, 5_000, 10_000] : [uint16(1_000), 2_500, 5_000, 10_000];
            vm.prank(roles.policyAdmin);
            POOL.setPolicy(p);
        } else {
            (address who, uint8 role, bytes32 entity) = w == 0
                ? (SME, PartyRoles.SME, SME_CO_2)
                : w == 1
                    ? (SME, PartyRoles.SME, SME_CO)
                    : w == 2
                        ? (DEBTOR, PartyRoles.DEBTOR, DEBTOR_CO_2)
                        : w == 3
                            ? (DEBTOR, PartyRoles.DEBTOR, DEBTOR_CO)
                            : (investors[1], PartyRoles.INVESTOR, INVESTOR_CO);
            vm.prank(roles.kyc);
            reg.verify(who, role, JURISDICTION, expiry, entity);
        }
        ++hits["kyc"];
    }

    /// Anyone takes the fees owed to the treasury (a legitimate outflow).
    function payFees() external conserved priced("payFees") {
        (bool ok, bytes memory ret) = _may(ATTACKER, address(POOL), abi.encodeCall(IFinancingPool.payFees, ()));
        if (ok) _out += abi.decode(ret, (uint256));
    }

    // ------------------------------------------------------------ attacker

    /// @dev Calls `target` as `who`; a success is a breach.
    function _mustFail(address who, address target, bytes memory data) private {
        vm.prank(who);
        (bool ok, ) = target.call(data);
        if (ok) ++breaches;
    }

    function attackDonate(uint256 amount, bool toLoans) external conserved priced("attackDonate") {
        amount = bound(amount, 1, 1_000_000e6);
        USD.mint(ATTACKER, amount);
        _in += amount;
        vm.prank(ATTACKER);
        USD.transfer(toLoans ? address(LOANS) : address(POOL), amount);
    }

    /// Deposit, let a payment land, redeem at once: must never return more than was paid in
    /// when the payment is on time or late, the asset active or impaired (F-5, F-6). Early
    /// payments are covered by `test_pool_earlyRepaymentSandwich_noProfit`. A recovery after a
    /// write-off is a realized gain by design (THREAT_MODEL.md, residual of F-5), not measured.
    function attackSandwich(uint256 amount, uint256 which) external conserved priced("attackSandwich") {
        if (invoices.length == 0) return;
        uint256 id = invoices[which % invoices.length];
        uint40 due = RCV.receivable(id).dueDate;
        uint256 dueDay = due - (due % 1 days);
        if (block.timestamp < dueDay || RCV.outstanding(id) == 0) return;
        IFinancingPool.AssetStatus status = POOL.assetOf(id).status;
        if (status != IFinancingPool.AssetStatus.Active && status != IFinancingPool.AssetStatus.Impaired) return;
        amount = bound(amount, 1e6, 1_000_000e6);
        USD.mint(ATTACKER, amount);
        vm.startPrank(ATTACKER);
        USD.approve(address(POOL), amount);
        uint256 shares = POOL.deposit(amount, ATTACKER);
        _minted += shares;
        vm.stopPrank();
        _in += amount;
        (uint256 head, ) = QUEUE.queueBounds();
        uint256 pending = POOL.balanceOf(address(QUEUE));
        _payChecked(id, RCV.outstanding(id), "attackSandwich: pay");
        uint256 max = POOL.maxRedeem(ATTACKER);
        if (max < shares) return; // not enough idle cash to exit at once: no measurement
        vm.prank(ATTACKER);
        uint256 back = POOL.redeem(shares, ATTACKER, ATTACKER);
        _out += back;
        // The payment may fill queued redemptions: their rounding stays with the holders (below).
        if (back > amount + _fillDust(head, pending)) ++breaches;
    }

    /// Generic sandwich: the attacker deposits, ONE other action runs in the same block (a loan
    /// claim, a full payment of any invoice — active, impaired, written off, early —, a loan
    /// revaluation, an impairment, a write-off, a checkpoint, a KYC re-key), the attacker redeems
    /// the same shares. Getting back more than was paid in is a breach.
    function attackRoundTrip(
        uint256 amount,
        uint256 action,
        uint256 which
    ) external conserved priced("attackRoundTrip") {
        amount = bound(amount, 1e6, 1_000_000e6);
        uint256 shares = _attackerIn(amount);
        if (shares == 0) return;
        (uint256 head, ) = QUEUE.queueBounds();
        uint256 pending = POOL.balanceOf(address(QUEUE));
        string memory label = _oneAction(action % 8, which);
        _attackerOut(shares, amount, _fillDust(head, pending), label);
    }

    /// An inflow fills queued redemptions, each ticket's payout rounded down (ERC-4626's rule: the
    /// fraction stays with the remaining holders, the attacker one of them): under one unit per
    /// ticket the head passed, plus one for a ticket filled in part.
    function _fillDust(uint256 headBefore, uint256 pendingBefore) private view returns (uint256) {
        if (POOL.balanceOf(address(QUEUE)) >= pendingBefore) return 0;
        (uint256 head, ) = QUEUE.queueBounds();
        return head - headBefore + 1;
    }

    /// Sandwich across a UTC day boundary: deposit `small` seconds before it, cross it, checkpoint,
    /// redeem. The attacker may keep its pro-rata share of what the NAV earned over those seconds
    /// (time earned), nothing more: a step in the accrual at the boundary would show here.
    function attackAcrossDay(uint256 amount, uint256 small) external conserved {
        small = bound(small, 1, 120);
        uint256 boundary = (block.timestamp / 1 days + 1) * 1 days;
        if (boundary - small <= block.timestamp) boundary += 1 days; // time only moves forward
        vm.warp(boundary - small);
        amount = bound(amount, 1e6, 1_000_000e6);
        uint256 shares = _attackerIn(amount);
        if (shares == 0) return;
        uint256 supply = POOL.totalSupply();
        uint256 navBefore = POOL.totalAssets();
        vm.warp(boundary + small);
        POOL.checkpoint();
        uint256 navAfter = POOL.totalAssets();
        uint256 earned =
            navAfter > navBefore ? Math.mulDiv(navAfter - navBefore, shares, supply, Math.Rounding.Ceil) : 0;
        _attackerOut(shares, amount, earned, "checkpoint across a day boundary");
        ++hits["acrossDay"];
    }

    function _attackerIn(uint256 amount) private returns (uint256 shares) {
        USD.mint(ATTACKER, amount);
        vm.prank(ATTACKER);
        USD.approve(address(POOL), amount);
        (bool ok, bytes memory ret) = _may(
            ATTACKER,
            address(POOL),
            abi.encodeCall(IERC4626.deposit, (amount, ATTACKER))
        );
        if (!ok) return 0;
        _in += amount;
        shares = abi.decode(ret, (uint256));
        _minted += shares;
    }

    function _attackerOut(uint256 shares, uint256 paidIn, uint256 allowance, string memory label) private {
        if (POOL.maxRedeem(ATTACKER) < shares) return; // not enough idle cash to exit at once: no measurement
        vm.prank(ATTACKER);
        uint256 back = POOL.redeem(shares, ATTACKER, ATTACKER);
        _out += back;
        ++hits["roundTrip"];
        if (back > paidIn + allowance) {
            ++roundTripBreaches;
            lastBreach = string.concat(
                "round trip around ",
                label,
                ": in ",
                vm.toString(paidIn),
                " out ",
                vm.toString(back),
                " allowed ",
                vm.toString(allowance)
            );
        }
    }

    /// @dev One action in the current block; returns its label.
    function _oneAction(uint256 a, uint256 which) private returns (string memory) {
        uint256 ni = invoices.length;
        uint256 nl = poolLoanIds.length;
        if (a == 0 && nl != 0) {
            _claimChecked(poolLoanIds[which % nl], "roundTrip: claimLoan");
            return "claimLoan";
        } else if (a == 1 && ni != 0) {
            uint256 id = invoices[which % ni];
            uint128 owed = RCV.outstanding(id);
            if (owed != 0) _payChecked(id, owed, "roundTrip: pay");
            return string.concat("pay of an invoice in status ", vm.toString(uint8(POOL.assetOf(id).status)));
        } else if (a == 2 && nl != 0) {
            _revalue(poolLoanIds[which % nl]);
            return "revalueLoan";
        } else if (a == 3 && ni != 0) {
            _may(ATTACKER, address(POOL), abi.encodeCall(IFinancingPool.impairOverdue, (invoices[which % ni])));
            return "impairOverdue";
        } else if (a == 4 && ni != 0) {
            _may(roles.poolManager, address(POOL), abi.encodeCall(IFinancingPool.writeOff, (invoices[which % ni])));
            return "writeOff";
        } else if (a == 5 && nl != 0) {
            uint256 id = poolLoanIds[which % nl];
            (, , , uint256 total) = roles.lens.payoffQuote(id);
            if (total != 0) _repayChecked(id, total);
            return "loan payoff";
        } else if (a == 6) {
            vm.prank(roles.kyc);
            roles.registry.verify(
                SME,
                PartyRoles.SME,
                JURISDICTION,
                uint40(block.timestamp + 3650 days),
                which % 2 == 0 ? SME_CO : SME_CO_2
            );
            return "SME re-key";
        }
        POOL.checkpoint();
        return "checkpoint";
    }

    function attackQueueDust(uint8 count) external conserved priced("attackQueueDust") {
        uint256 dust = POOL.convertToShares(10e6) + 1;
        vm.startPrank(ATTACKER);
        for (uint256 n = 0; n < bound(count, 1, 5); ++n) {
            if (POOL.balanceOf(ATTACKER) < dust) break;
            QUEUE.requestRedeem(dust, ATTACKER, ATTACKER);
        }
        vm.stopPrank();
    }

    function attackFakeHook(uint256 which, uint128 amount) external conserved priced("attackFakeHook") {
        if (invoices.length == 0) return;
        uint256 id = invoices[which % invoices.length];
        _mustFail(
            ATTACKER,
            address(POOL),
            abi.encodeCall(
                IReceivablePaymentHook.onReceivablePayment,
                (id, ATTACKER, amount, IReceivablePaymentHook.PaidInvoice(ATTACKER, address(0), 0, 0))
            )
        );
        _mustFail(
            ATTACKER,
            address(POOL),
            abi.encodeCall(IReceivablePaymentHook.onReceivablePaymentAttested, (id, amount, bytes32(0)))
        );
    }

    /// @dev Duplicates are keyed by (issuer entity, debtor entity, number): after a KYC re-key of
    /// either party the same number under the new pair is another key, so only a re-tokenization
    /// under the same pair counts as a breach.
    function _entityKey(address issuer) private view returns (bytes32) {
        IdentityRegistry reg = roles.registry;
        if (address(reg) == address(0)) return bytes32(0); // before setRoles: original entities
        return keccak256(abi.encode(reg.entityOf(issuer), reg.entityOf(DEBTOR)));
    }

    function attackDoubleTokenize(uint256 which) external conserved priced("attackDoubleTokenize") {
        if (invoiceNumbers.length == 0) return;
        if (numberKeys[which % invoiceNumbers.length] != _entityKey(SME2)) return;
        IReceivableToken.TokenizeParams memory p = IReceivableToken.TokenizeParams({
            debtor: DEBTOR,
            currency: address(USD),
            faceValue: 1_000e6,
            issueDate: uint40(block.timestamp),
            dueDate: uint40(block.timestamp + 30 days),
            documentHash: keccak256(abi.encode("other file", ++nonce)),
            // Another spelling of a number already financed (F-9): the same canonical form.
            invoiceNumber: string.concat(
                which % 2 == 0 ? "INV 00" : "inv-",
                vm.toString(invoiceNumbers[which % invoiceNumbers.length])
            ),
            metadataURI: ""
        });
        _mustFail(SME2, address(RCV), abi.encodeCall(IReceivableToken.tokenize, (p)));
    }

    function attackTakeOthers(uint256 which) external conserved priced("attackTakeOthers") {
        if (invoices.length != 0) {
            uint256 id = invoices[which % invoices.length];
            _mustFail(ATTACKER, address(POOL), abi.encodeCall(IFinancingPool.finance, (id, 0)));
        }
        (uint256 head, uint256 tail) = QUEUE.queueBounds();
        if (tail > head) {
            address controller = QUEUE.ticket(head + (which % (tail - head))).controller;
            if (controller != ATTACKER && QUEUE.pendingRedeemRequest(0, controller) != 0) {
                _mustFail(ATTACKER, address(QUEUE), abi.encodeCall(IRedemptionQueue.cancelRedeemRequest, (controller)));
            }
            if (controller != ATTACKER && QUEUE.maxRedeem(controller) != 0) {
                _mustFail(ATTACKER, address(QUEUE), abi.encodeCall(IRedemptionQueue.redeem, (1, ATTACKER, controller)));
            }
        }
        uint256 mine = POOL.balanceOf(ATTACKER);
        if (mine != 0) {
            _mustFail(ATTACKER, address(POOL), abi.encodeCall(IERC20.transfer, (address(POOL), mine)));
            // Shares reach the queue only as a request: a plain transfer would inflate "pending".
            _mustFail(ATTACKER, address(POOL), abi.encodeCall(IERC20.transfer, (address(QUEUE), mine)));
        }
    }
}

/// @notice Properties of the whole protocol under honest and hostile actors.
contract SecurityInvariantTest is SecurityBase {
    SecurityHandler private handler;

    function setUp() public override {
        super.setUp();
        _deposit(alice, 100_000e6);
        handler = new SecurityHandler(_wiring());
        handler.setRoles(SecurityHandler.PrivilegedParties(poolManager, kyc, policyNow, registry, lens));
        usd.transferOwnership(address(handler)); // the handler mints what its actors spend
        targetContract(address(handler));
        IFinancingPool.Policy memory p = pool.policy();
        p.agingHaircutBps = [uint16(1_000), 2_500, 5_000, 10_000];
        vm.prank(policyNow);
        pool.setPolicy(p);
    }

    /// The handler's flows really run (the invariant runner discards reverting calls silently).
    function test_handler_exercisesEveryFlow() public {
        handler.deposit(0, 50_000e6);
        handler.finance(10_000e6, 30 days);
        uint256 id = handler.invoices(0);
        handler.attackFakeHook(0, 1e6);
        handler.attackDoubleTokenize(0);
        handler.attackTakeOthers(0);
        handler.attackDonate(1_000e6, false);
        handler.attackDonate(1_000e6, true);
        handler.loanLifecycle(6_000e6, 0, 0); // request, approved
        handler.loanLifecycle(6_000e6, 1, 0); // funded in full by the attacker
        handler.loanLifecycle(0, 2, 0); // drawn down
        handler.warp(20 days);
        handler.warp(10 days); // the invoice's due day
        handler.attackSandwich(100_000e6, 0); // deposit, on-time payment, redeem
        assertEq(rcv.outstanding(id), 0, "sandwiched payment landed");
        handler.loanLifecycle(2_000e6, 3, 0); // repaid in part
        handler.loanLifecycle(0, 9, 0); // the attacker claims its share
        assertEq(handler.invoiceCount(), 1);
        assertEq(handler.loanCount(), 1);
        assertEq(uint8(loans.loan(handler.loanIds(0)).status), uint8(ILoanManager.Status.Active));
        assertGt(usd.balanceOf(attacker), 0, "attacker claimed and exited");
        assertEq(handler.breaches(), 0);
    }

    /// The new flows move money: a pool-funded loan drawn, repaid late in part, claimed, defaulted,
    /// revalued and partly recovered; an invoice written off then recovered; KYC re-keys and a
    /// revocation; round trips around one action and across a day boundary.
    function test_handler_exercisesPoolLoansRecoveriesAndKyc() public {
        handler.deposit(0, 200_000e6);
        handler.finance(20_000e6, 10 days);
        uint256 invoice = handler.invoices(0);
        handler.poolLoan(20_000e6, 0, 0); // pool funds, the SME draws
        uint256 loanId = handler.poolLoanIds(0);
        assertEq(uint8(loans.loan(loanId).status), uint8(ILoanManager.Status.Active), "pool loan drawn");
        uint256 cash = usd.balanceOf(address(pool));
        handler.warp(20 days);
        handler.warp(20 days); // first instalment late
        handler.poolLoan(5_000e6, 1, 0); // partial late repayment
        handler.poolLoan(0, 3, 0); // anyone claims for the pool
        assertGt(usd.balanceOf(address(pool)), cash, "the claim reached the pool");
        assertGt(pool.lockedIncome(), 0, "interest and late fees locked");
        handler.kycChange(0); // SME re-keyed
        handler.kycChange(2); // debtor re-keyed
        handler.kycChange(4); // bob revoked
        assertFalse(registry.isVerified(bob, PartyRoles.INVESTOR));
        handler.kycChange(5); // bob re-verified
        handler.kycChange(6); // policy: fees on
        handler.warp(20 days);
        handler.warp(20 days); // over 60 days late
        handler.warpNearDay(60, 30, false);
        handler.warpNearDay(1, 30, true);
        handler.poolLoan(0, 5, 0); // underwriter defaults, anyone revalues: written off
        assertEq(uint8(pool.loanPosition(address(loans), loanId).status), uint8(IFinancingPool.LoanStatus.WrittenOff));
        handler.poolLoan(3_000e6, 1, 0); // partly repaid after default
        cash = usd.balanceOf(address(pool));
        handler.poolLoan(0, 3, 0); // claimed: a recovery
        assertGt(usd.balanceOf(address(pool)), cash, "the recovery reached the pool");
        handler.warp(10 days); // the invoice is past its default delay
        handler.recoverInvoice(0, 0); // written off by the pool manager
        assertEq(uint8(pool.assetOf(invoice).status), uint8(IFinancingPool.AssetStatus.WrittenOff));
        handler.attackRoundTrip(500_000e6, 1, 0); // deposit, the written-off invoice paid, redeem
        assertEq(rcv.outstanding(invoice), 0, "recovered inside the round trip");
        handler.attackAcrossDay(100_000e6, 10);
        handler.payFees();
        handler.revalueAny(0, false);
        assertGt(handler.hits("poolLoanRepaid"), 1);
        assertGt(handler.hits("poolLoanClaimed"), 1);
        assertEq(handler.hits("loanDefaulted"), 1);
        assertEq(handler.hits("writtenOff"), 1);
        assertGe(handler.hits("roundTrip"), 2, "both round trips measured");
        assertEq(handler.hits("acrossDay"), 1);
        assertEq(handler.roundTripBreaches(), 0, handler.lastBreach());
        assertEq(handler.priceBreaches(), 0, handler.lastBreach());
        assertEq(handler.pathBreaches(), 0, handler.lastBreach());
        assertEq(handler.drainBreaches(), 0, handler.lastBreach());
    }

    /// Every attempt that must fail failed; no on-time sandwich returned more than it put in.
    function invariant_attackerAttemptsNeverSucceed() public view {
        assertEq(handler.breaches(), 0);
    }

    /// The pool never books more cash than it holds (donations only add to the balance), and
    /// the queue holds what its controllers may claim and the shares still pending.
    function invariant_poolBooksNoMoreThanItHolds() public view {
        IFinancingPool.NavBreakdown memory n = pool.navBreakdown();
        assertLe(n.cash, usd.balanceOf(address(pool)), "booked cash <= held");
        uint256 claimable = queue.maxWithdraw(alice) + queue.maxWithdraw(bob) + queue.maxWithdraw(attacker);
        assertLe(claimable, usd.balanceOf(address(queue)), "claims held by the queue");
        assertEq(pool.balanceOf(address(queue)), n.pendingRedeemShares, "pending shares held by the queue");
    }

    /// Every share is backed: the exit value of all shares never exceeds the pool's net assets.
    function invariant_sharesBackedByNetAssets() public view {
        assertLe(pool.convertToAssets(pool.totalSupply()), pool.navBreakdown().netAssets + 1);
    }

    /// No early exit shifts a known loss (finding F-22): whatever the attacker and the honest
    /// parties did, all shares together never exit for more than gross NAV less impairments and the
    /// brute-force ageing haircut of every overdue, unimpaired invoice; nobody had to act for it.
    function invariant_noEarlyExitShiftsAKnownLoss() public view {
        uint256[] memory all = new uint256[](handler.invoiceCount());
        for (uint256 n = 0; n < all.length; ++n) all[n] = handler.invoices(n);
        IFinancingPool.NavBreakdown memory b = pool.navBreakdown();
        uint256 haircut = HaircutOracle.total(pool, all);
        assertEq(b.agingHaircut, haircut, "incremental haircut == brute force");
        uint256 minus = b.impaired + haircut;
        uint256 floor = b.grossAssets > minus ? b.grossAssets - minus : 0;
        assertLe(pool.convertToAssets(pool.totalSupply()), floor, "exit value <= gross - impaired - haircut");
    }

    /// A financed invoice stays with the pool for good; it is never financed twice.
    function invariant_financedInvoicesHeldByPool() public view {
        for (uint256 n = 0; n < handler.invoiceCount(); ++n) {
            uint256 id = handler.invoices(n);
            assertEq(rcv.ownerOf(id), address(pool));
            assertTrue(pool.assetOf(id).status != IFinancingPool.AssetStatus.None);
        }
    }

    /// The loan escrow always covers what holders can claim plus what lenders can take back.
    function invariant_loanEscrowCoversClaimsAndRefunds() public view {
        uint256 owed;
        for (uint256 n = 0; n < handler.loanCount(); ++n) {
            uint256 id = handler.loanIds(n);
            ILoanManager.Loan memory ln = loans.loan(id);
            bool refundable =
                ln.status <= ILoanManager.Status.Funding ||
                    ln.status == ILoanManager.Status.Cancelled ||
                    ln.status == ILoanManager.Status.Expired;
            for (uint256 k = 0; k < 3; ++k) {
                address h = handler.investorAt(k);
                owed += loans.claimable(id, h);
                if (refundable) owed += notes.balanceOf(h, id);
            }
        }
        assertGe(usd.balanceOf(address(loans)), owed);
    }

    /// No deposit-one-action-redeem round trip, in one block or across a day boundary, returned
    /// more than was paid in (plus, across a boundary, the pro-rata NAV earned over those seconds).
    function invariant_noRoundTripAroundAnyCallProfits() public view {
        assertEq(handler.roundTripBreaches(), 0, string.concat("round trip profited: ", handler.lastBreach()));
    }

    /// Within one block (no time passed) no action raised the entry price beyond rounding.
    function invariant_entryPriceRisesAtMostByTimeEarned() public view {
        assertEq(handler.priceBreaches(), 0, string.concat("entry price rose in a block: ", handler.lastBreach()));
    }

    /// Debtor payments, loan repayments and pool loan claims with valid arguments never reverted,
    /// whatever KYC re-keys, revocations and policy changes came before.
    function invariant_repaymentAndClaimPathsNeverRevert() public view {
        assertEq(handler.pathBreaches(), 0, string.concat("a payment or claim reverted: ", handler.lastBreach()));
    }

    /// No role drains: pool + redemption queue + loan escrow hold at least the start plus tracked
    /// inflows minus the tracked legitimate outflows (advances, exits, fees, drawdowns, lender
    /// claims, forwards).
    function invariant_noRoleDrains() public view {
        assertEq(handler.drainBreaches(), 0, string.concat("untracked outflow: ", handler.lastBreach()));
        uint256 held = usd.balanceOf(address(pool)) + usd.balanceOf(address(queue)) + usd.balanceOf(address(loans));
        assertGe(held + handler.ghostOut(), handler.ghostStart() + handler.ghostIn(), "pool + queue + escrow");
    }
}
