// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {INaiveIdentity} from "./NaiveInterfaces.sol";

/// @notice Benchmark reference only (never deployed): escrowed loans as a plain contract — a
/// struct per loan with one slot per field, a per-lender mapping of funded and claimed amounts,
/// an owner (the underwriter) approving every request, equal installments counted on chain, and
/// a pro-rata pull claim. Same job as LoanManager without packing, notes or credit history.
contract NaiveLoans is Ownable, ReentrancyGuard {
    using SafeERC20 for IERC20;

    enum Status {
        None,
        Requested,
        Funding,
        Active,
        Repaid,
        Impaired,
        Defaulted
    }

    struct Loan {
        address borrower;
        uint256 principal;
        uint256 rateBps;
        uint256 count;
        uint256 period;
        uint256 fundingDeadline;
        uint256 funded;
        uint256 start;
        uint256 repaid;
        uint256 installmentsPaid;
        Status status;
    }

    IERC20 public immutable TOKEN;
    INaiveIdentity public immutable IDENTITY;
    uint256 public loanCount;
    mapping(uint256 id => Loan) public loans;
    mapping(uint256 id => mapping(address lender => uint256)) public funded;
    mapping(uint256 id => mapping(address lender => uint256)) public claimed;

    event Requested(uint256 indexed id, address indexed borrower, uint256 principal);
    event Approved(uint256 indexed id);
    event Funded(uint256 indexed id, address indexed lender, uint256 amount);
    event Drawn(uint256 indexed id, address indexed borrower, uint256 amount);
    event Repaid(uint256 indexed id, address indexed payer, uint256 amount);
    event Claimed(uint256 indexed id, address indexed lender, uint256 amount);
    event Impaired(uint256 indexed id);
    event Defaulted(uint256 indexed id);

    error Naive(string reason);

    constructor(IERC20 token, INaiveIdentity identity) Ownable(msg.sender) {
        TOKEN = token;
        IDENTITY = identity;
    }

    function request(
        uint256 principal,
        uint256 rateBps,
        uint256 count,
        uint256 period,
        uint256 fundingDeadline
    ) external returns (uint256 id) {
        if (!IDENTITY.isVerified(msg.sender, 1)) revert Naive("kyc");
        id = ++loanCount;
        loans[id] = Loan(msg.sender, principal, rateBps, count, period, fundingDeadline, 0, 0, 0, 0, Status.Requested);
        emit Requested(id, msg.sender, principal);
    }

    function approve(uint256 id) external onlyOwner {
        if (loans[id].status != Status.Requested) revert Naive("status");
        loans[id].status = Status.Funding;
        emit Approved(id);
    }

    function fund(uint256 id, uint256 amount) external nonReentrant {
        Loan storage l = loans[id];
        if (!IDENTITY.isVerified(msg.sender, 4)) revert Naive("kyc");
        if (l.status != Status.Funding || block.timestamp > l.fundingDeadline) revert Naive("status");
        if (l.funded + amount > l.principal) revert Naive("overfund");
        l.funded += amount;
        funded[id][msg.sender] += amount;
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        emit Funded(id, msg.sender, amount);
    }

    function drawdown(uint256 id) external nonReentrant {
        Loan storage l = loans[id];
        if (msg.sender != l.borrower || l.status != Status.Funding || l.funded != l.principal) revert Naive("draw");
        l.status = Status.Active;
        l.start = block.timestamp;
        TOKEN.safeTransfer(l.borrower, l.principal);
        emit Drawn(id, l.borrower, l.principal);
    }

    /// @notice Equal installments of principal / count plus simple interest for one period.
    function installmentAmount(uint256 id) public view returns (uint256) {
        Loan storage l = loans[id];
        return l.principal / l.count + (l.principal * l.rateBps * l.period) / (10_000 * 365 days);
    }

    function repay(uint256 id) external nonReentrant {
        Loan storage l = loans[id];
        if (l.status != Status.Active && l.status != Status.Impaired) revert Naive("status");
        uint256 amount = installmentAmount(id);
        l.repaid += amount;
        l.installmentsPaid += 1;
        if (l.installmentsPaid == l.count) l.status = Status.Repaid;
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        emit Repaid(id, msg.sender, amount);
    }

    function claim(uint256 id) external nonReentrant returns (uint256 amount) {
        Loan storage l = loans[id];
        amount = (l.repaid * funded[id][msg.sender]) / l.principal - claimed[id][msg.sender];
        claimed[id][msg.sender] += amount;
        TOKEN.safeTransfer(msg.sender, amount);
        emit Claimed(id, msg.sender, amount);
    }

    function impair(uint256 id) external onlyOwner {
        if (loans[id].status != Status.Active) revert Naive("status");
        loans[id].status = Status.Impaired;
        emit Impaired(id);
    }

    function markDefaulted(uint256 id) external onlyOwner {
        Status s = loans[id].status;
        if (s != Status.Active && s != Status.Impaired) revert Naive("status");
        loans[id].status = Status.Defaulted;
        emit Defaulted(id);
    }
}
