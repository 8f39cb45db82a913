import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { deployProtocol } from "./Protocol.js";
import { Roles } from "./roles.js";

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
  return protocol;
});
