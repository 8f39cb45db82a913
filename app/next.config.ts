import { existsSync, realpathSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { NextConfig } from "next";

/**
 * Turbopack resolves only files under its root. A git worktree may share one install through a
 * symlinked node_modules that lives elsewhere; then the root is the nearest folder holding both
 * the repository and the real node_modules. In an ordinary checkout this is the repository.
 */
function workspaceRoot(): string | undefined {
  const repo = resolve(process.cwd(), "..");
  const modules = join(repo, "node_modules");
  if (!existsSync(modules)) return undefined;
  const real = realpathSync(modules).split(sep);
  const parts = repo.split(sep);
  let i = 0;
  while (i < parts.length && i < real.length && parts[i] === real[i]) i++;
  return parts.slice(0, i).join(sep) || sep;
}

const root = workspaceRoot();

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The generated contract file lives inside the app; nothing else from outside is imported.
  poweredByHeader: false,
  ...(root ? { turbopack: { root }, outputFileTracingRoot: root } : {}),
};

export default nextConfig;
