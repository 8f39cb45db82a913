import js from "@eslint/js";
import tseslint from "typescript-eslint";
import nextVitals from "eslint-config-next/core-web-vitals";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "artifacts/**",
      "cache/**",
      "types/**",
      "coverage/**",
      "app/.next/**",
      "app/next-env.d.ts",
      "app/src/generated/**",
      "ignition/deployments/**",
      "test-results/**",
      "playwright-report/**",
      "indexer/.ponder/**",
      "indexer/ponder-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...nextVitals.map((config) => ({ ...config, files: ["app/**/*.{ts,tsx}"] })),
  {
    settings: { next: { rootDir: "app/" }, react: { version: "19" } },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
