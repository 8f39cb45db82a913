import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";
import { deployProtocol } from "./Protocol.js";

/**
 * Any real EVM network: the stablecoin already exists there; pass its address with
 * `--parameters ignition/parameters/<network>.json` ({ "Testnet": { "stablecoin": "0x…" } }).
 */
export default buildModule("Testnet", (m) => {
  const stablecoin = m.contractAt("IERC20Metadata", m.getParameter<string>("stablecoin"), { id: "Stablecoin" });
  return deployProtocol(m, stablecoin);
});
