import type {
  ContractFuture,
  IgnitionModuleBuilder,
  NamedArtifactContractAtFuture,
  NamedArtifactContractDeploymentFuture,
} from "@nomicfoundation/ignition-core";
import { ADMIN_ROLE, Roles, selectors } from "./roles.js";

type Stablecoin = NamedArtifactContractAtFuture<string> | NamedArtifactContractDeploymentFuture<string>;

const DAY = 86_400;
const usd = (dollars: number) => BigInt(dollars) * 1_000_000n;

/** Pool policy the deployment starts with; POLICY_ADMIN changes it later, after the delay. */
export const initialPoolPolicy = {
  advanceRateBps: 8_000,
  discountRateBps: 1_200,
  managementFeeBps: 100,
  performanceFeeBps: 1_000,
  maxTenor: 180 * DAY,
  gracePeriod: 5 * DAY,
  publicImpairDelay: 30 * DAY,
  defaultDelay: 90 * DAY,
  requireVerifiedDebtor: true,
  minTicket: usd(100),
  maxTicket: usd(1_000_000),
  maxDebtorExposure: usd(2_000_000),
  maxSmeExposure: usd(1_000_000),
  minRedeemRequest: usd(10),
  // Ageing haircut of overdue principal in the exit price, once the grace days are over:
  // 10 % at 1-30 days late, 25 % at 31-60, 50 % at 61-90, 100 % beyond (the default delay).
  agingHaircutBps: [1_000, 2_500, 5_000, 10_000],
};

/** Late fee 36.5 % a year (0.1 % a day) after 3 days' grace; impair after 15 days, default after 60. */
export const initialLoanPolicy = { lateFeeBps: 3_650, lateGraceDays: 3, impairAfterDays: 15, defaultAfterDays: 60 };

/**
 * The protocol's contracts, wired to a stablecoin and to one AccessManager whose admin is the
 * deploying account. Shared by the local module (which deploys DemoUSD first) and the testnet
 * module (which takes an existing stablecoin's address). Granting roles to people is left to
 * the caller: the local module grants the demo accounts; on a real network the admin does.
 *
 * Order matters: the admin's own set-up calls (allow the currency, register the pool, connect
 * credit history) run while every function is still admin-only, and only then are functions
 * handed to their roles; POLICY_ADMIN's grant carries a delay, the admin's does not.
 */
export function deployProtocol(m: IgnitionModuleBuilder, stablecoin: Stablecoin) {
  const admin = m.getAccount(0);
  const accessManager = m.contract("AccessManager", [admin]);
  for (const [name, role] of Object.entries(Roles)) {
    m.call(accessManager, "labelRole", [role, name], { id: `label_${name}` });
  }

  const identityRegistry = m.contract("IdentityRegistry", [accessManager]);
  const creditHistory = m.contract("CreditHistory", [accessManager, m.getParameter("creditBaseLimit", usd(50_000))]);
  const receivableToken = m.contract("ReceivableToken", [accessManager, identityRegistry], {
    libraries: {
      ReceivableServicing: m.library("ReceivableServicing"),
      ReceivableMessages: m.library("ReceivableMessages"),
      CurrencyRegister: m.library("CurrencyRegister"),
    },
  });
  const poolAging = m.library("PoolAging");
  const poolCredit = m.library("PoolCredit");
  const poolBook = m.library("PoolBook", { libraries: { PoolAging: poolAging, PoolCredit: poolCredit } });
  const poolLoans = m.library("PoolLoans", { libraries: { PoolAging: poolAging } });
  const poolPolicy = m.library("PoolPolicy", { libraries: { PoolAging: poolAging } });
  const pool = m.contract(
    "FinancingPool",
    [
      stablecoin,
      accessManager,
      identityRegistry,
      receivableToken,
      m.getParameter("treasury", admin),
      "SME Invoice Pool",
      "SIP",
      initialPoolPolicy,
    ],
    {
      libraries: {
        PoolBook: poolBook,
        PoolLoans: poolLoans,
        PoolAging: poolAging,
        PoolCredit: poolCredit,
        PoolPolicy: poolPolicy,
      },
    },
  );
  // The pool's ERC-7540 entry point for exits beyond idle cash, over the pool's own shares.
  const redemptionQueue = m.contract("RedemptionQueue", [pool]);
  const loanCalculator = m.contract("LoanCalculator");
  const loanProgress = m.library("LoanProgress");
  const loanUnderwriting = m.library("LoanUnderwriting");
  const loanManager = m.contract(
    "LoanManager",
    [accessManager, identityRegistry, creditHistory, stablecoin, loanCalculator, initialLoanPolicy],
    { libraries: { LoanProgress: loanProgress, LoanUnderwriting: loanUnderwriting } },
  );
  const loanLens = m.contract("LoanLens", [loanManager]);
  // Deployed by the LoanManager: holds receivables pledged as loan collateral and books their payments.
  const collateralVault = m.contractAt("CollateralVault", m.staticCall(loanManager, "collateralVault"), {
    id: "CollateralVault",
  });

  const setup = [
    m.call(receivableToken, "setCurrencyAllowed", [stablecoin, true], { id: "receivables_currency" }),
    m.call(receivableToken, "registerFinancier", [pool, true], { id: "receivables_pool" }),
    m.call(pool, "setRedemptionQueue", [redemptionQueue], { id: "pool_redemption_queue" }),
    m.call(receivableToken, "setCreditHistory", [creditHistory], { id: "receivables_credit" }),
    m.call(creditHistory, "setRecorder", [receivableToken, true], { id: "credit_receivables" }),
    m.call(creditHistory, "setRecorder", [loanManager, true], { id: "credit_loans" }),
    // The pool records SME defaults: kept attested payments and write-offs of fully attested invoices.
    m.call(creditHistory, "setRecorder", [pool, true], { id: "credit_pool" }),
    m.call(loanManager, "setLender", [pool, true], { id: "loans_pool_lender" }),
    // The only LoanManager the pool may fund; later ones are registered by POLICY_ADMIN after its delay.
    m.call(pool, "setLoanManager", [loanManager, true], { id: "pool_loan_manager" }),
    m.call(loanManager, "setCollateralToken", [receivableToken], { id: "loans_collateral_token" }),
    m.call(receivableToken, "registerFinancier", [collateralVault, true], { id: "receivables_loans_vault" }),
  ];

  const restrict = (id: string, target: ContractFuture<string>, signatures: string[], role: bigint) =>
    m.call(accessManager, "setTargetFunctionRole", [target, selectors(...signatures), role], { id, after: setup });
  const pausable = ["pause()", "unpause()"];
  restrict(
    "identity_kyc",
    identityRegistry,
    ["verify(address,uint8,uint16,uint40,bytes32)", "revoke(address,bytes32)"],
    Roles.KYC_PROVIDER,
  );
  restrict("identity_pauser", identityRegistry, pausable, Roles.PAUSER);
  // Suspending a KYC provider (all its parties at once, F-19) stays with the AccessManager admin,
  // who revokes the provider's role in the same multicall; mapped explicitly to ADMIN_ROLE (0).
  restrict("identity_admin", identityRegistry, ["suspendProvider(address)", "reinstateProvider(address)"], ADMIN_ROLE);
  restrict(
    "receivables_policy",
    receivableToken,
    ["setCurrencyAllowed(address,bool)", "registerFinancier(address,bool)", "setCreditHistory(address)"],
    Roles.POLICY_ADMIN,
  );
  restrict("receivables_servicer", receivableToken, ["attestPayment(uint256,uint128,bytes32)"], Roles.SERVICER);
  restrict("receivables_pauser", receivableToken, pausable, Roles.PAUSER);
  restrict("credit_policy", creditHistory, ["setBaseLimit(uint256)"], Roles.POLICY_ADMIN);
  restrict(
    "pool_policy",
    pool,
    [
      "setPolicy((uint16,uint16,uint16,uint16,uint32,uint32,uint32,uint32,bool,uint64,uint64,uint128,uint128,uint128,uint16[4]))",
      "setLoanManager(address,bool)",
    ],
    Roles.POLICY_ADMIN,
  );
  restrict(
    "pool_manager",
    pool,
    ["impair(uint256)", "writeOff(uint256)", "fundLoan(address,uint256,uint256)"],
    Roles.POOL_MANAGER,
  );
  restrict("pool_pauser", pool, pausable, Roles.PAUSER);
  // Credit-risk decisions on loans (approve, impair, default) belong to the underwriter.
  restrict(
    "loans_underwriter",
    loanManager,
    ["approve(uint256,uint128,uint16)", "impair(uint256)", "markDefaulted(uint256)"],
    Roles.UNDERWRITER,
  );
  restrict(
    "loans_manager",
    loanManager,
    ["seizeCollateral(uint256,address)", "setLender(address,bool)"],
    Roles.POOL_MANAGER,
  );
  restrict("loans_policy", loanManager, ["setPolicy((uint16,uint8,uint16,uint16))"], Roles.POLICY_ADMIN);
  restrict("loans_pauser", loanManager, pausable, Roles.PAUSER);

  return {
    stablecoin,
    accessManager,
    identityRegistry,
    creditHistory,
    receivableToken,
    pool,
    redemptionQueue,
    loanCalculator,
    loanManager,
    loanLens,
    collateralVault,
  };
}
