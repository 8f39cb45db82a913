import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { deployProtocol } from "./Protocol.js";

/** Local Hardhat chain: deploys the local-only DemoUSD stablecoin, then the protocol. */
export default buildModule("Local", (m) => {
  const stablecoin = m.contract("DemoUSD", [m.getAccount(0)], { id: "Stablecoin" });
  return deployProtocol(m, stablecoin);
});
