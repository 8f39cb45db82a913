/**
 * `npm start`: the whole product on this machine. Starts a Hardhat node, compiles, deploys
 * with Ignition, writes the dApp's contract file, starts the indexer (Ponder) and serves the dApp
 * with `next dev`.
 * Ctrl-C stops everything it started.
 */
import { join } from "node:path";
import {
  APP_URL,
  INDEXER_URL,
  RPC_URL,
  assertPortsFree,
  deployLocal,
  generateContracts,
  log,
  root,
  rpc,
  run,
  seedDemo,
  seedScale,
  startApp,
  startIndexer,
  startNode,
  stopAll,
} from "./stack.ts";

const started = Date.now();
try {
  await assertPortsFree();
  log("compiling contracts (hardhat build)");
  await run(join(root, "node_modules", ".bin", "hardhat"), ["build"]);
  await startNode(true);
  await deployLocal();
  await seedDemo();
  // SEED_SCALE=1 adds 1,000 invoices and 200 loans, to see the paged lists at volume.
  if (process.env.SEED_SCALE === "1") await seedScale();
  await generateContracts();
  // The dApp reads its lists from the indexer; the two start side by side.
  await Promise.all([startIndexer(), startApp("dev")]);
  const accounts = await rpc<string[]>("eth_accounts");
  const listed = accounts
    .slice(0, 5)
    .map((a, i) => `    #${i}  ${a}${i === 0 ? "  (deployer, protocol admin)" : ""}`)
    .join("\n");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  SME Finance is running (ready in ${seconds} s)

    dApp        ${APP_URL}
    JSON-RPC    ${RPC_URL}  (chain id 31337)
    Indexer     ${INDEXER_URL}  (Ponder on PGlite: SQL over HTTP at /sql, GraphQL at /graphql, /status)

  Dev accounts (unlocked on the local node; connect with "Hardhat dev account"):
${listed}
    … ${accounts.length} accounts in all, 10,000 ETH each (keys: \`npx hardhat node\` prints them; never use them on a real network)

  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(`\x1b[31m[stack] ${(error as Error).message}\x1b[0m`);
  stopAll();
  process.exit(1);
}
