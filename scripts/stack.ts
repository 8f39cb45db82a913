/**
 * Starts and stops the local stack: Hardhat node → Ignition deployment → generated contract
 * file → Next.js. Used by `npm start` (dev server) and by the browser tests (production
 * build). Every child runs in its own process group and is killed with it on exit.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
// RPC_PORT / APP_PORT move the stack, so two checkouts can run their browser tests side by side.
export const RPC_PORT = process.env.RPC_PORT ?? "8545";
export const APP_PORT = process.env.APP_PORT ?? "3000";
export const RPC_URL = `http://127.0.0.1:${RPC_PORT}`;
export const APP_URL = `http://localhost:${APP_PORT}`;
export const INDEXER_PORT = process.env.INDEXER_PORT ?? "42069";
export const INDEXER_URL = `http://127.0.0.1:${INDEXER_PORT}`;

const children = new Set<ChildProcess>();

export function log(message: string) {
  console.log(`\x1b[36m[stack]\x1b[0m ${message}`);
}

/** Runs a command to completion, streaming its output; throws on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Starts a long-running command in its own process group; its output goes to ours. */
export function start(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  quiet = false,
  cwd = root,
): ChildProcess {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
    env: { ...process.env, ...env },
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

export function stopAll() {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
  children.clear();
}

async function answers(url: string, init?: RequestInit): Promise<boolean> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

const rpcPing = {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
};

async function waitFor(what: string, check: () => Promise<boolean>, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${what} did not answer within ${timeoutMs / 1000} s`);
}

/** One JSON-RPC call to the local node. */
export async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const res = await fetch(RPC_URL, { ...rpcPing, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await res.json()) as { result: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

/** Refuses to start when something already listens where the stack wants to be. */
export async function assertPortsFree() {
  if (await answers(RPC_URL, rpcPing)) {
    throw new Error(`Something already answers at ${RPC_URL} (another \`npm start\`?). Stop it first.`);
  }
  if (await answers(`${INDEXER_URL}/health`)) {
    throw new Error(`Something already serves ${INDEXER_URL} (another \`npm start\`?). Stop it first.`);
  }
  if (await answers(APP_URL)) {
    throw new Error(`Something already serves ${APP_URL} (another \`npm start\`?). Stop it first.`);
  }
}

/** The demo seed moves the clock this far forward (scripts/seed.ts, SEED_HISTORY_DAYS). */
export const SEED_HISTORY_DAYS = 180;

export async function startNode(quiet = false): Promise<ChildProcess> {
  log(`starting Hardhat node on ${RPC_URL} (chain id 31337)`);
  // The clock starts SEED_HISTORY_DAYS ago; the seed's history brings it back to today.
  const initialDate = new Date(Date.now() - SEED_HISTORY_DAYS * 86_400_000).toISOString();
  const node = start(
    bin("hardhat"),
    ["node", "--hostname", "127.0.0.1", "--port", RPC_PORT],
    { NODE_INITIAL_DATE: initialDate },
    quiet,
  );
  await waitFor("Hardhat node", () => answers(RPC_URL, rpcPing), node, 60_000);
  return node;
}

/** A fresh node has none of the last run's contracts, so the old local journal must go. */
export async function deployLocal() {
  rmSync(join(root, "ignition", "deployments", "chain-31337"), { recursive: true, force: true });
  log("deploying with Hardhat Ignition (ignition/modules/Local.ts)");
  await run(bin("hardhat"), ["ignition", "deploy", "ignition/modules/Local.ts", "--network", "localhost"], {
    LOCAL_RPC_URL: RPC_URL,
  });
}

/** Demo parties, invoices, pools and loans with history (scripts/seed.ts). */
export async function seedDemo() {
  log("seeding demo data (scripts/seed.ts)");
  await run(bin("hardhat"), ["run", "--no-compile", "scripts/seed.ts", "--network", "localhost"], {
    LOCAL_RPC_URL: RPC_URL,
  });
}

/** 1,000 more invoices and 200 more loans, for the paged lists (scripts/seed-scale.ts). */
export async function seedScale() {
  log("seeding scale data (scripts/seed-scale.ts)");
  await run(bin("hardhat"), ["run", "--no-compile", "scripts/seed-scale.ts", "--network", "localhost"], {
    LOCAL_RPC_URL: RPC_URL,
  });
}

export async function generateContracts() {
  await run(bin("node"), [join(root, "scripts", "gen-contracts.ts")]);
}

/** The indexed block, or undefined while the indexer does not answer or is still backfilling. */
export async function indexedBlock(url = INDEXER_URL): Promise<number | undefined> {
  if (!(await answers(`${url}/ready`))) return undefined;
  const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  if (!res?.ok) return undefined;
  const status = (await res.json()) as Record<string, { block: { number: number } | null } | undefined>;
  return status.protocol?.block?.number;
}

/** Events the indexer has handled: its Prometheus counter, summed over event names. */
export async function indexedEvents(url = INDEXER_URL): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return text
    .split("\n")
    .filter((l) => l.startsWith("ponder_indexing_completed_events"))
    .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
}

/**
 * The Ponder indexer (indexer/) over the local node: on PGlite in indexer/.ponder (the node is new
 * each time, so is that database), or on the PostgreSQL database at `databaseUrl`. Resolves once it
 * has indexed the node's latest block.
 */
export async function startIndexer(options: { port?: string; databaseUrl?: string } = {}): Promise<ChildProcess> {
  const port = options.port ?? INDEXER_PORT;
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PONDER_TELEMETRY_DISABLED: "true",
    PONDER_CHAIN_ID: "31337",
    PONDER_RPC_URL_31337: RPC_URL,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else rmSync(join(root, "indexer", ".ponder"), { recursive: true, force: true });
  log(`starting the indexer (Ponder on ${options.databaseUrl ? "PostgreSQL" : "PGlite"}) on ${url}`);
  // From its own folder: Ponder writes generated/schema.graphql where it runs.
  const args = ["start", "--schema", "sme", "--port", port, "--log-level", "warn"];
  const indexer = start(bin("ponder"), args, env, false, join(root, "indexer"));
  await waitFor(
    "Ponder",
    async () => {
      const head = Number.parseInt(await rpc<string>("eth_blockNumber"), 16);
      return (await indexedBlock(url)) === head;
    },
    indexer,
    300_000,
  );
  return indexer;
}

export async function startApp(mode: "dev" | "prod"): Promise<ChildProcess> {
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: APP_PORT,
    NEXT_PUBLIC_LOCAL_RPC_URL: RPC_URL,
    NEXT_PUBLIC_INDEXER_URL: INDEXER_URL,
  };
  if (mode === "prod") {
    log("building the dApp (next build)");
    await run("npm", ["run", "build", "-w", "app"], env);
  }
  log(`starting the dApp (${mode === "dev" ? "next dev" : "next start"}) on ${APP_URL}`);
  const app = start("npm", ["run", mode === "dev" ? "dev" : "start", "-w", "app"], env);
  await waitFor("Next.js", () => answers(APP_URL), app, 180_000);
  return app;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}
process.on("exit", stopAll);
