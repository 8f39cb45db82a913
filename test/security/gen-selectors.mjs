import { Interface } from "ethers";
import fs from "node:fs";
const targets = [
  ["FinancingPool", "artifacts/contracts/pool/FinancingPool.sol/FinancingPool.json"],
  ["RedemptionQueue", "artifacts/contracts/pool/RedemptionQueue.sol/RedemptionQueue.json"],
  ["ReceivableToken", "artifacts/contracts/receivables/ReceivableToken.sol/ReceivableToken.json"],
  ["LoanManager", "artifacts/contracts/loans/LoanManager.sol/LoanManager.json"],
  ["LoanNotes", "artifacts/contracts/loans/LoanNotes.sol/LoanNotes.json"],
  ["LoanLens", "artifacts/contracts/loans/LoanLens.sol/LoanLens.json"],
  ["CollateralVault", "artifacts/contracts/loans/CollateralVault.sol/CollateralVault.json"],
  ["LoanCalculator", "artifacts/contracts/loans/LoanCalculator.sol/LoanCalculator.json"],
  ["CreditHistory", "artifacts/contracts/credit/CreditHistory.sol/CreditHistory.json"],
  ["IdentityRegistry", "artifacts/contracts/identity/IdentityRegistry.sol/IdentityRegistry.json"],
];
let out = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.30;

// Generated lists, one function per contract: their length is the contract's ABI.
// solhint-disable function-max-lines

/// @notice Every external function selector of each deployed contract, generated from the build's
/// ABIs (artifacts/) so the random-calldata fuzz covers the real surface. Regenerate after an ABI
/// change: \`node test/security/gen-selectors.mjs && npx prettier --write test/security/Selectors.sol\`.
library Selectors {
`;
for (const [name, path] of targets) {
  const abi = JSON.parse(fs.readFileSync(path, "utf8")).abi;
  const iface = new Interface(abi);
  const fns = [];
  iface.forEachFunction((f) => fns.push(f));
  fns.sort((a, b) => a.format("sighash").localeCompare(b.format("sighash")));
  out += `    function ${name[0].toLowerCase() + name.slice(1)}() internal pure returns (bytes4[] memory s) {\n`;
  out += `        s = new bytes4[](${fns.length});\n`;
  fns.forEach((f, i) => {
    out += `        s[${i}] = ${f.selector}; // ${f.format("sighash")}\n`;
  });
  out += `    }\n\n`;
}
out = out.trimEnd() + "\n}\n";
fs.writeFileSync("test/security/Selectors.sol", out);
