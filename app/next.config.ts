import { realpathSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { NextConfig } from "next";

// The repository root, and where its node_modules really live: a git worktree may share the main
// checkout's install through a symlink, which Turbopack only follows inside its root. The root is
// then the closest folder holding both (the repository itself when node_modules is not a link).
const repository = resolve(__dirname, "..");
const modules = dirname(realpathSync(join(repository, "node_modules")));
const common = (a: string, b: string): string => (relative(a, b).startsWith("..") ? common(dirname(a), b) : a);
const root = common(repository, modules + sep);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // The generated contract file lives inside the app; nothing else from outside is imported.
  poweredByHeader: false,
  turbopack: { root },
};

export default nextConfig;
