/**
 * The indexer against the chain: a node of its own (port 8555), the Local deployment and the demo
 * seed, the indexer type-checked and synced from empty on PGlite, then indexer/test/agreement.test.ts compares every
 * table with the chain's views at the indexed block. Prints how long the indexer took from empty.
 * `npm test` runs it; alone: `node scripts/indexer-check.ts` (after a production build).
 */
process.env.RPC_PORT ??= "8555";
process.env.INDEXER_PORT ??= "42169";
const stack = await import("./stack.ts");
const {
  INDEXER_URL,
  RPC_URL,
  deployLocal,
  generateContracts,
  log,
  root,
  run,
  seedDemo,
  startIndexer,
  startNode,
  stopAll,
} = stack;
const { join } = await import("node:path");

try {
  await startNode(true);
  await deployLocal();
  await seedDemo();
  await generateContracts();
  // Typed against the generated file it reads, which exists from here on.
  await run(join(root, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", join(root, "indexer", "tsconfig.json")]);
  const t0 = Date.now();
  await startIndexer();
  log(`indexer synced from empty in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await run(
    join(root, "node_modules", ".bin", "node"),
    ["--import", "tsx", "--test", "--test-reporter", "spec", join(root, "indexer", "test", "agreement.test.ts")],
    { INDEXER_URL, RPC_URL },
  );
} finally {
  stopAll();
}
