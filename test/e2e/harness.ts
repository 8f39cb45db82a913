import type { FullConfig } from "@playwright/test";
import {
  assertPortsFree,
  deployLocal,
  generateContracts,
  log,
  seedDemo,
  startApp,
  startIndexer,
  startNode,
  stopAll,
} from "../../scripts/stack.ts";

/**
 * Brings up node → deployment → demo seed → contract file → indexer and production build of the dApp;
 * returns teardown. Every spec runs on the seeded chain (the seed's parties are HD accounts
 * #40…, never a spec's own account), so pages show the demo data next to each test's own.
 */
export default async function harness(_config: FullConfig) {
  await assertPortsFree();
  try {
    await startNode(true);
    await deployLocal();
    const t0 = Date.now();
    await seedDemo();
    log(`demo seed took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await generateContracts();
    // The dApp reads every list from the indexer; both start at once (each takes about a minute).
    const [indexer] = await Promise.all([startIndexer(), startApp("prod")]);
    // For the spec that stops the indexer and starts it again (workers inherit the environment).
    process.env.E2E_INDEXER_PID = String(indexer.pid);
  } catch (error) {
    stopAll();
    throw error;
  }
  return async () => stopAll();
}
