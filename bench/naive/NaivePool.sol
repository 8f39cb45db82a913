// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ERC721Holder} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Holder.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {INaiveIdentity, INaiveInvoices, INaivePaymentHook} from "./NaiveInterfaces.sol";

/// @notice Benchmark reference only (never deployed): the financing pool as plain OpenZeppelin
/// ERC-4626 plus a struct per financed invoice (one slot per field), exposure mappings, a
/// principal-outstanding total in NAV, and a mapping-based FIFO redemption queue. Same job as
/// FinancingPool (KYC, advance rate, discount fee, concentration limits, split of the debtor's
/// payment, queued redemptions), without packing or linear accrual.
contract NaivePool is ERC4626, ERC721Holder, Ownable, ReentrancyGuard, INaivePaymentHook {
    using SafeERC20 for IERC20;

    struct Asset {
        address issuer;
        address debtor;
        uint256 advance;
        uint256 fee;
        uint256 faceValue;
        uint256 dueDate;
        bool active;
        bool impaired;
    }

    struct Request {
        address controller;
        uint256 shares;
    }

    INaiveIdentity public immutable IDENTITY;
    INaiveInvoices public immutable INVOICES;
    uint256 public advanceRateBps = 8_000;
    uint256 public discountRateBps = 1_200;
    uint256 public maxExposure = 2_000_000e6;
    uint256 public principalOutstanding;
    mapping(uint256 tokenId => Asset) public assets;
    mapping(address debtor => uint256) public debtorExposure;
    mapping(address sme => uint256) public smeExposure;
    mapping(uint256 id => Request) public requests;
    uint256 public head;
    uint256 public tail;
    mapping(address controller => uint256) public claimable;
    uint256 public totalClaimable;

    event Financed(uint256 indexed tokenId, address indexed sme, uint256 advance, uint256 fee);
    event Repaid(uint256 indexed tokenId, uint256 toPool, uint256 toSme);
    event RedeemRequest(address indexed controller, address indexed owner, uint256 indexed id, uint256 shares);
    event RedeemClaimed(address indexed controller, address indexed receiver, uint256 assets);

    error Naive(string reason);

    constructor(
        IERC20 asset_,
        INaiveIdentity identity,
        INaiveInvoices invoices
    ) ERC20("Naive Pool", "NPL") ERC4626(asset_) Ownable(msg.sender) {
        IDENTITY = identity;
        INVOICES = invoices;
    }

    function totalAssets() public view override returns (uint256) {
        return IERC20(asset()).balanceOf(address(this)) + principalOutstanding - totalClaimable;
    }

    function _deposit(address caller, address receiver, uint256 assets_, uint256 shares) internal override {
        if (!IDENTITY.isVerified(receiver, 4)) revert Naive("kyc");
        super._deposit(caller, receiver, assets_, shares);
    }

    function finance(uint256 tokenId) external nonReentrant returns (uint256 advance) {
        address debtor = INVOICES.debtorOf(tokenId);
        uint256 face = INVOICES.faceValueOf(tokenId);
        uint256 due = INVOICES.dueDateOf(tokenId);
        if (!IDENTITY.isVerified(msg.sender, 1) || INVOICES.issuerOf(tokenId) != msg.sender) revert Naive("issuer");
        advance = (face * advanceRateBps) / 10_000;
        uint256 fee = (advance * discountRateBps * (due - block.timestamp)) / (10_000 * 365 days);
        if (debtorExposure[debtor] + advance > maxExposure || smeExposure[msg.sender] + advance > maxExposure) {
            revert Naive("exposure");
        }
        debtorExposure[debtor] += advance;
        smeExposure[msg.sender] += advance;
        principalOutstanding += advance;
        assets[tokenId] = Asset(msg.sender, debtor, advance, fee, face, due, true, false);
        IERC721(address(INVOICES)).safeTransferFrom(msg.sender, address(this), tokenId);
        INVOICES.markFinanced(tokenId);
        IERC20(asset()).safeTransfer(msg.sender, advance);
        emit Financed(tokenId, msg.sender, advance, fee);
    }

    /// @dev Called by the invoice contract after the debtor's money reached this pool.
    function onPaid(uint256 tokenId, uint256 amount) external {
        if (msg.sender != address(INVOICES)) revert Naive("caller");
        Asset storage a = assets[tokenId];
        if (!a.active) revert Naive("asset");
        // Naive: settles on full payment only (the benchmark pays in full).
        if (amount < a.faceValue) revert Naive("partial");
        uint256 toPool = a.advance + a.fee;
        uint256 toSme = amount - toPool;
        a.active = false;
        principalOutstanding -= a.advance;
        debtorExposure[a.debtor] -= a.advance;
        smeExposure[a.issuer] -= a.advance;
        IERC20(asset()).safeTransfer(a.issuer, toSme);
        emit Repaid(tokenId, toPool, toSme);
    }

    function impair(uint256 tokenId) external onlyOwner {
        assets[tokenId].impaired = true;
    }

    function requestRedeem(uint256 shares, address controller, address owner) external returns (uint256 id) {
        if (owner != msg.sender) _spendAllowance(owner, msg.sender, shares);
        _transfer(owner, address(this), shares);
        id = tail++;
        requests[id] = Request(controller, shares);
        emit RedeemRequest(controller, owner, id, shares);
    }

    function processQueue(uint256 max) external nonReentrant {
        for (uint256 n = 0; n < max && head < tail; n++) {
            Request memory r = requests[head];
            uint256 assets_ = previewRedeem(r.shares);
            if (assets_ + totalClaimable > IERC20(asset()).balanceOf(address(this))) break;
            _burn(address(this), r.shares);
            claimable[r.controller] += assets_;
            totalClaimable += assets_;
            delete requests[head];
            head++;
        }
    }

    function claimRedeem(address receiver) external nonReentrant returns (uint256 assets_) {
        assets_ = claimable[msg.sender];
        if (assets_ == 0) revert Naive("nothing");
        delete claimable[msg.sender];
        totalClaimable -= assets_;
        IERC20(asset()).safeTransfer(receiver, assets_);
        emit RedeemClaimed(msg.sender, receiver, assets_);
    }
}
