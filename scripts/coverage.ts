/**
 * Coverage gate of `npm test`: runs the Solidity tests instrumented (`hardhat test --coverage`),
 * shows Hardhat's report as it is printed, and fails when lines or statements of `contracts/`
 * fall under the floor.
 *
 * Where the numbers come from: lines from `coverage/lcov.info` (Hardhat writes only DA/LH/LF
 * records there), statements from the "Total" row of the printed table, the only place Hardhat
 * reports them. Test doubles live in `test/` and are never instrumented (Hardhat skips the tests
 * folder); anything else that gets instrumented outside `contracts/` fails the gate rather than
 * silently diluting the total, so it must be added to `coverage.skipFiles` in hardhat.config.ts.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { root } from "./stack.ts";

/** Minimum percentage of lines and of statements of `contracts/`. */
export const COVERAGE_FLOOR = 95;

const SOURCES = "contracts/";
const LCOV = join(root, "coverage", "lcov.info");

export interface Coverage {
  lines: number;
  statements: number;
}

export interface CoverageTable {
  files: (Coverage & { path: string })[];
  total: Coverage;
}

/** Rows of Hardhat's "Coverage Report" table (box drawing, ANSI colours) and its Total row. */
export function parseCoverageTable(output: string): CoverageTable {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, "");
  const start = plain.lastIndexOf("Coverage Report");
  if (start === -1) throw new Error("no coverage report in the output");
  const files: CoverageTable["files"] = [];
  let total: Coverage | undefined;
  for (const line of plain.slice(start).split("\n")) {
    const cells = line
      .replace(/^\s*║/, "")
      .replace(/║\s*$/, "")
      .split("│")
      .map((c) => c.trim());
    if (cells.length < 3 || !/^\d+\.\d+$/.test(cells[1]) || !/^\d+\.\d+$/.test(cells[2])) continue;
    const row = { lines: Number(cells[1]), statements: Number(cells[2]) };
    if (cells[0] === "Total") total = row;
    else files.push({ path: cells[0], ...row });
  }
  if (total === undefined) throw new Error("no Total row in the coverage report");
  return { files, total };
}

/** Line coverage of the files under `prefix` in an lcov tracefile: [hit, found]. */
export function lcovLines(lcov: string, prefix: string): [number, number] {
  let hit = 0;
  let found = 0;
  let inScope = false;
  for (const line of lcov.split("\n")) {
    if (line.startsWith("SF:")) inScope = line.slice(3).replaceAll("\\", "/").startsWith(prefix);
    else if (inScope && line.startsWith("LH:")) hit += Number(line.slice(3));
    else if (inScope && line.startsWith("LF:")) found += Number(line.slice(3));
  }
  return [hit, found];
}

/** Runs `command`, echoing its stdout live, and resolves with that output once it exits 0. */
function runTee(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ["inherit", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * Runs the given Solidity test files instrumented, then checks the floor. The instrumented build
 * overwrites `artifacts/`: a later step must rebuild before anything is deployed from them.
 */
export async function solidityCoverage(hardhat: string, profile: string, files: string[]) {
  rmSync(LCOV, { force: true });
  // The umbrella `test` task, not `test solidity`: it builds every source before running, whereas
  // `test solidity <files>` emits artifacts for the test roots only, and the tests then link
  // external libraries (PoolBook) from whatever stale, uninstrumented artifact is on disk.
  const output = await runTee(hardhat, ["test", "--coverage", "--test-profile", profile, ...files]);
  const table = parseCoverageTable(output);
  const outside = table.files.filter((f) => !f.path.startsWith(SOURCES)).map((f) => f.path);
  if (outside.length > 0) {
    throw new Error(`instrumented outside ${SOURCES}: ${outside.join(", ")} (add them to coverage.skipFiles)`);
  }
  if (!existsSync(LCOV)) throw new Error(`${LCOV} was not written`);
  const [hit, found] = lcovLines(readFileSync(LCOV, "utf8"), SOURCES);
  const lines = found === 0 ? 0 : (hit * 100) / found;
  const { statements } = table.total;
  console.log(
    `Coverage of ${SOURCES}: lines ${lines.toFixed(2)} % (${hit}/${found}), statements ${statements.toFixed(2)} %` +
      ` (floor ${COVERAGE_FLOOR} %)`,
  );
  const low = Object.entries({ lines, statements }).filter(([, pct]) => pct < COVERAGE_FLOOR);
  if (low.length > 0) {
    const below = low.map(([name, pct]) => `${name} ${pct.toFixed(2)} %`).join(", ");
    throw new Error(`coverage under ${COVERAGE_FLOOR} %: ${below}`);
  }
}
