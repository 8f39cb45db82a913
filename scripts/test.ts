/**
 * `npm test`: the whole suite, in the order a failure is cheapest to find. Prints how long each
 * step took. On CI (CI=true) the Solidity tests run with the heavier `ci` fuzz/invariant profile.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { COVERAGE_FLOOR, solidityCoverage } from "./coverage.ts";
import { root, run } from "./stack.ts";

const bin = (name: string) => join(root, "node_modules", ".bin", name);
const profile = process.env.CI ? "ci" : "default";

function checkSolcPin() {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const declared = /SOLC_VERSION = "([^"]+)"/.exec(readFileSync(join(root, "hardhat.config.ts"), "utf8"))?.[1];
  if (pkg.devDependencies.solc !== declared) {
    throw new Error(`solc in package.json (${pkg.devDependencies.solc}) != SOLC_VERSION (${declared})`);
  }
}

// Gas tests assert ceilings measured with the production compiler profile, so they run apart,
// built with that profile; every other Solidity test runs with the default one.
const solidityTests = (readdirSync(join(root, "test"), { recursive: true }) as string[])
  .filter((f) => f.endsWith(".t.sol"))
  .map((f) => join("test", f))
  .sort();
const gasTests = solidityTests.filter((f) => f.endsWith("Gas.t.sol"));
const unitTests = solidityTests.filter((f) => !gasTests.includes(f));

const steps: [string, () => Promise<void> | void][] = [
  ["solc pinned to the declared version", checkSolcPin],
  ["lint: prettier, solhint, eslint", () => run("npm", ["run", "lint"])],
  ["compile contracts + TypeChain", () => run(bin("hardhat"), ["build"])],
  ["type check (scripts, tests, config)", () => run(bin("tsc"), ["-p", "tsconfig.json"])],
  // Before the coverage build: it writes instrumented artifacts (the Schedule library inside the
  // test harness the reference test deploys), which would change gas the mocha tests measure.
  ["TypeScript tests (mocha)", () => run(bin("hardhat"), ["test", "mocha", "--no-compile"])],
  // The Solidity tests run once, instrumented: coverage markers change gas and code size, not
  // behaviour, so every assertion still holds. The gas step then rebuilds uninstrumented with the
  // production profile (replacing the instrumented artifacts before anything deploys them).
  [
    `Solidity tests with coverage (profile ${profile}; floor ${COVERAGE_FLOOR} % of contracts/ lines and statements)`,
    () => solidityCoverage(bin("hardhat"), profile, unitTests),
  ],
  [
    "gas per user action (production profile, ceilings asserted)",
    // Contracts first, so artifacts/ (what Ignition and the bench deploy, and the external
    // library PoolBook the pool links) is production code, not the coverage build's; then only
    // the gas tests and what they import (`hardhat test` would rebuild all ~100 test files with
    // 10,000 optimizer runs: over 25 minutes with solc-js on these machines, against under 3).
    async () => {
      await run(bin("hardhat"), ["build", "--build-profile", "production", "--no-tests"]);
      await run(bin("hardhat"), ["test", "solidity", "--build-profile", "production", ...gasTests]);
    },
  ],
  // Named gas snapshots: the bench scenario's real transactions (same production build, so no
  // recompilation) against bench/gas.json; an action that got costlier fails until
  // `npm run bench` rewrites the file and it is committed on purpose.
  ["gas snapshots: bench scenario vs bench/gas.json", () => run("npm", ["run", "bench:check"])],
  // The indexer from empty over the seeded chain (production artifacts, as the steps above left
  // them): every table it serves checked against the chain's own views at the indexed block.
  [
    "indexer: sync from empty (PGlite), type check, tables vs chain",
    async () => {
      await run(bin("node"), [join(root, "scripts", "indexer-check.ts")]);
    },
  ],
  ["dApp build + browser tests (Playwright, Chromium)", () => run(bin("playwright"), ["test"])],
];

const times: [string, number][] = [];
const started = Date.now();
for (const [name, step] of steps) {
  console.log(`\n\x1b[1m▶ ${name}\x1b[0m`);
  const t0 = Date.now();
  try {
    await step();
  } catch (error) {
    console.error(`\n\x1b[31m✖ ${name}: ${(error as Error).message}\x1b[0m`);
    process.exit(1);
  }
  times.push([name, (Date.now() - t0) / 1000]);
}
console.log("\nStep times");
for (const [name, seconds] of times) console.log(`  ${seconds.toFixed(1).padStart(7)} s  ${name}`);
const total = (Date.now() - started) / 1000;
console.log(`  ${total.toFixed(1).padStart(7)} s  total`);
// `npm run bench` reports these.
mkdirSync(join(root, "bench", "out"), { recursive: true });
writeFileSync(
  join(root, "bench", "out", "test-times.json"),
  `${JSON.stringify({ at: new Date().toISOString(), total, steps: times }, null, 2)}\n`,
);
console.log(`\nAll ${steps.length} steps passed.`);
