import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { deployProtocol, initialPoolPolicy } from "./Protocol.js";
import { Roles, selectors } from "./roles.js";

const DAY = 86_400;

/** A second pool for short invoices: higher advance, lower discount, 45 days' tenor at most. */
export const shortTenorPoolPolicy = {
  ...initialPoolPolicy,
  advanceRateBps: 9_000,
  discountRateBps: 900,
  maxTenor: 45 * DAY,
  gracePeriod: 3 * DAY,
  defaultDelay: 60 * DAY,
  maxTicket: 250_000n * 1_000_000n,
  maxSmeExposure: 500_000n * 1_000_000n,
};

/**
 * Local Hardhat chain: deploys the local-only DemoUSD stablecoin, then the protocol, and gives
 * the demo accounts their roles (README, "Dev accounts"):
 *   #0 admin · #1 KYC provider · #2 pool manager (+ policy admin, delayed) · #3 underwriter
 *   #4 pauser · #5 servicer
 */
export default buildModule("Local", (m) => {
  const stablecoin = m.contract("DemoUSD", [m.getAccount(0)], { id: "Stablecoin" });
  const protocol = deployProtocol(m, stablecoin);
  const policyDelay = m.getParameter("policyDelaySeconds", 3600);

  const grants: [keyof typeof Roles, number][] = [
    ["KYC_PROVIDER", 1],
    ["POOL_MANAGER", 2],
    ["UNDERWRITER", 3],
    ["PAUSER", 4],
    ["SERVICER", 5],
  ];
  for (const [role, account] of grants) {
    m.call(protocol.accessManager, "grantRole", [Roles[role], m.getAccount(account), 0], { id: `grant_${role}` });
  }
  // Policy changes move money, so even locally they wait: schedule, then execute after the delay.
  m.call(protocol.accessManager, "grantRole", [Roles.POLICY_ADMIN, m.getAccount(2), policyDelay], {
    id: "grant_POLICY_ADMIN",
  });

  // A second pool, wired as Protocol.ts wires the first: registered financier of the receivables
  // (in the same batch as the protocol's own set-up, before those functions are handed to
  // POLICY_ADMIN), a lender to the loan manager, a credit recorder, and its functions given to the
  // same roles.
  const poolAging = m.library("PoolAging", { id: "ShortTenorPoolAging" });
  const poolCredit = m.library("PoolCredit", { id: "ShortTenorPoolCredit" });
  const poolBook = m.library("PoolBook", {
    id: "ShortTenorPoolBook",
    libraries: { PoolAging: poolAging, PoolCredit: poolCredit },
  });
  const poolLoans = m.library("PoolLoans", { id: "ShortTenorPoolLoans", libraries: { PoolAging: poolAging } });
  const poolPolicy = m.library("PoolPolicy", { id: "ShortTenorPoolPolicy", libraries: { PoolAging: poolAging } });
  const shortTenorPool = m.contract(
    "FinancingPool",
    [
      stablecoin,
      protocol.accessManager,
      protocol.identityRegistry,
      protocol.receivableToken,
      m.getAccount(0),
      "SME Short Tenor Pool",
      "SSTP",
      shortTenorPoolPolicy,
    ],
    {
      id: "ShortTenorPool",
      libraries: {
        PoolBook: poolBook,
        PoolLoans: poolLoans,
        PoolAging: poolAging,
        PoolCredit: poolCredit,
        PoolPolicy: poolPolicy,
      },
    },
  );
  const shortTenorQueue = m.contract("RedemptionQueue", [shortTenorPool], { id: "ShortTenorRedemptionQueue" });
  m.call(shortTenorPool, "setRedemptionQueue", [shortTenorQueue], { id: "short_tenor_pool_redemption_queue" });
  const registered = m.call(protocol.receivableToken, "registerFinancier", [shortTenorPool, true], {
    id: "receivables_short_tenor_pool",
  });
  const lender = m.call(protocol.loanManager, "setLender", [shortTenorPool, true], {
    id: "loans_short_tenor_pool_lender",
  });
  const manager = m.call(shortTenorPool, "setLoanManager", [protocol.loanManager, true], {
    id: "short_tenor_pool_loan_manager",
  });
  // It records SME defaults (kept attested payments, write-offs) like the first pool.
  m.call(protocol.creditHistory, "setRecorder", [shortTenorPool, true], { id: "credit_short_tenor_pool" });
  const restrict = (id: string, signatures: string[], role: bigint) =>
    m.call(protocol.accessManager, "setTargetFunctionRole", [shortTenorPool, selectors(...signatures), role], {
      id,
      after: [registered, lender, manager],
    });
  restrict(
    "short_tenor_pool_policy",
    [
      "setPolicy((uint16,uint16,uint16,uint16,uint32,uint32,uint32,uint32,bool,uint64,uint64,uint128,uint128,uint128,uint16[4]))",
      "setLoanManager(address,bool)",
    ],
    Roles.POLICY_ADMIN,
  );
  restrict(
    "short_tenor_pool_manager",
    ["impair(uint256)", "writeOff(uint256)", "fundLoan(address,uint256,uint256)"],
    Roles.POOL_MANAGER,
  );
  restrict("short_tenor_pool_pauser", ["pause()", "unpause()"], Roles.PAUSER);
  return { ...protocol, shortTenorPool, shortTenorQueue };
});
