/**
 * The indexer against the chain, then PostgreSQL against PGlite. A node of its own (port 8555),
 * the Local deployment and the demo seed; the indexer type-checked, synced from empty on PGlite,
 * and indexer/test/agreement.test.ts compares every table with the chain's views at the indexed
 * block, indexer/test/handlers.test.ts the rows each event kind wrote. Then a throwaway
 * PostgreSQL server (scripts/postgres.ts) and a second indexer on it, and
 * indexer/test/same-tables.test.ts compares the two databases row for row. Prints each sync's
 * time and throughput. `npm test` runs it; alone: `node scripts/indexer-check.ts` after a build
 * (RPC_PORT, INDEXER_PORT, PG_INDEXER_PORT and PG_PORT move it, for two checkouts side by side).
 */
process.env.RPC_PORT ??= "8555";
process.env.INDEXER_PORT ??= "42169";
const PG_INDEXER_PORT = process.env.PG_INDEXER_PORT ?? "42170";
const stack = await import("./stack.ts");
const { INDEXER_URL, RPC_URL, deployLocal, generateContracts, log, root, run, seedDemo, startIndexer, startNode } =
  stack;
const { startPostgres } = await import("./postgres.ts");
const { join } = await import("node:path");

const node = join(root, "node_modules", ".bin", "node");
const testFile = (name: string) => [
  "--import",
  "tsx",
  "--test",
  "--test-reporter",
  "spec",
  join(root, "indexer", "test", name),
];

async function timedSync(options: Parameters<typeof startIndexer>[0], label: string) {
  const t0 = Date.now();
  await startIndexer(options);
  const seconds = (Date.now() - t0) / 1000;
  const url = `http://127.0.0.1:${options?.port ?? process.env.INDEXER_PORT}`;
  const events = await stack.indexedEvents(url);
  log(
    `${label}: synced from empty in ${seconds.toFixed(1)} s, ${events} events (${(events / seconds).toFixed(0)} events/s, start-up included)`,
  );
  return url;
}

let postgres: ReturnType<typeof startPostgres> | undefined;
try {
  await startNode(true);
  await deployLocal();
  await seedDemo();
  await generateContracts();
  // Typed against the generated file it reads, which exists from here on.
  await run(join(root, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", join(root, "indexer", "tsconfig.json")]);
  await timedSync({}, "indexer on PGlite");
  await run(node, testFile("agreement.test.ts"), { INDEXER_URL, RPC_URL });
  await run(node, testFile("handlers.test.ts"), { INDEXER_URL, RPC_URL });
  postgres = startPostgres(Number(process.env.PG_PORT ?? 55432));
  const pgIndexer = await timedSync({ port: PG_INDEXER_PORT, databaseUrl: postgres.url }, "indexer on PostgreSQL");
  await run(node, testFile("same-tables.test.ts"), { INDEXER_URL, INDEXER_PG_URL: pgIndexer });
} finally {
  stack.stopAll();
  postgres?.stop();
}
