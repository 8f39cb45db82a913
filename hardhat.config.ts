import { createRequire } from "node:module";
import hardhatToolboxMochaEthers from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { configVariable, defineConfig } from "hardhat/config";

// Compile offline: solc-js from the npm `solc` package (pinned to SOLC_VERSION in
// package.json; scripts/check-solc.ts fails the tests if the two ever differ).
const require = createRequire(import.meta.url);
export const SOLC_VERSION = "0.8.30";
const solcPath = require.resolve("solc/soljson.js");

const optimized = {
  optimizer: { enabled: true, runs: 10_000 },
  evmVersion: "cancun",
} as const;

export default defineConfig({
  plugins: [hardhatToolboxMochaEthers],
  // Solidity tests (*.t.sol) live next to their area under test/; TypeScript flow tests in
  // test/flows; the browser tests in test/e2e belong to Playwright, not mocha.
  paths: { tests: { solidity: "test", mocha: "test/flows" } },
  solidity: {
    // OpenZeppelin's AccessManager is deployed as is: the one authority over every contract.
    npmFilesToBuild: ["@openzeppelin/contracts/access/manager/AccessManager.sol"],
    profiles: {
      default: {
        version: SOLC_VERSION,
        path: solcPath,
        // Optimized (lightly) so contracts near the 24 KiB limit deploy in tests as they will
        // in production; gas numbers still come from the production profile.
        settings: { optimizer: { enabled: true, runs: 200 }, evmVersion: "cancun" },
      },
      // Ignition deploys with this profile; benchmarks and gas snapshots use it too. One setting
      // for every contract, each at least 1 KiB under EIP-170's 24,576 B (`npm run bench:check`
      // fails otherwise; `npm run bench` prints the sizes).
      production: {
        compilers: [{ version: SOLC_VERSION, path: solcPath, settings: optimized }],
      },
    },
  },
  // `--coverage` instruments project sources outside test/ (test doubles there never are); the
  // benchmark's reference contracts are not ours to measure. scripts/coverage.ts fails if anything
  // outside contracts/ shows up in the report.
  coverage: { skipFiles: ["bench/**"] },
  test: {
    solidity: {
      profiles: {
        default: {
          fuzz: { runs: 256 },
          invariant: { runs: 64, depth: 50, failOnRevert: false },
        },
        // `npm test` on CI: heavier fuzzing, still within the 30-minute budget.
        ci: {
          fuzz: { runs: 1024 },
          invariant: { runs: 256, depth: 100, failOnRevert: false },
        },
        // Documented for local soak runs: `npx hardhat test solidity --test-profile deep`.
        deep: {
          fuzz: { runs: 20_000 },
          invariant: { runs: 2_000, depth: 200, failOnRevert: false },
        },
      },
    },
  },
  networks: {
    default: {
      type: "edr-simulated",
      chainType: "l1",
    },
    // What `hardhat node` serves (npm start, browser tests): 40 dev accounts, so each
    // browser-test person and each seeded demo party gets its own.
    node: {
      type: "edr-simulated",
      accounts: { count: 40 },
      // scripts/stack.ts starts the node months in the past, so the demo seed's history ends
      // at today's date (dates typed in the dApp then mean what they say).
      ...(process.env.NODE_INITIAL_DATE ? { initialDate: process.env.NODE_INITIAL_DATE } : {}),
    },
    localhost: {
      type: "http",
      chainType: "l1",
      url: process.env.LOCAL_RPC_URL ?? "http://127.0.0.1:8545",
    },
    // Any EVM testnet: `npx hardhat keystore set TESTNET_RPC_URL`, then
    // `npx hardhat keystore set TESTNET_PRIVATE_KEY` (see README, "Deploy to a testnet").
    testnet: {
      type: "http",
      chainType: "l1",
      url: configVariable("TESTNET_RPC_URL"),
      accounts: [configVariable("TESTNET_PRIVATE_KEY")],
    },
  },
});
