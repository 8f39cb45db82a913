import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium: test tools cannot download browsers on these machines.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "test/e2e",
  // The harness starts a Hardhat node, deploys, builds and serves the dApp, then stops them.
  globalSetup: "./test/e2e/harness.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL: `http://localhost:${process.env.APP_PORT ?? "3000"}`,
    launchOptions: chromium,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions: chromium } },
    // The narrowest phone we support: 390 px wide.
    { name: "phone", use: { ...devices["iPhone 13"], browserName: "chromium", launchOptions: chromium } },
  ],
});
