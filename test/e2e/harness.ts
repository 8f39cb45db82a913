import type { FullConfig } from "@playwright/test";
import { assertPortsFree, deployLocal, generateContracts, startApp, startNode, stopAll } from "../../scripts/stack.ts";

/** Brings up node → deployment → contract file → production build of the dApp; returns teardown. */
export default async function harness(_config: FullConfig) {
  await assertPortsFree();
  try {
    await startNode(true);
    await deployLocal();
    await generateContracts();
    await startApp("prod");
  } catch (error) {
    stopAll();
    throw error;
  }
  return async () => stopAll();
}
