/**
 * A throwaway PostgreSQL server for the indexer's PostgreSQL check: Debian's `postgresql` package
 * (`.ci/run` installs it when missing), a new cluster in a temporary folder, on a port of its own,
 * listening on 127.0.0.1 only, trust authentication, removed on stop. Run as the `postgres`
 * system user when we are root (the server refuses to run as root).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, "bin", "postgres")))
        .sort((x, y) => Number(y) - Number(x))
    : [];
  if (versions.length === 0) {
    throw new Error("No PostgreSQL server found under /usr/lib/postgresql: `apt-get install postgresql` (Debian).");
  }
  return join(base, versions[0]!, "bin");
}

export interface Postgres {
  url: string;
  stop: () => void;
}

export function startPostgres(port = 55432): Postgres {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), "sme-pg-"));
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  if (asRoot) {
    uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  const pg = (tool: string, args: string[]) => {
    const result = spawnSync(join(bin, tool), args, { uid, stdio: ["ignore", "pipe", "pipe"], cwd: dir });
    if (result.status !== 0) {
      throw new Error(`${tool} failed: ${result.stderr.toString() || result.stdout.toString()}`);
    }
  };
  const data = join(dir, "data");
  pg("initdb", ["-D", data, "-U", "sme", "--auth=trust", "--encoding=UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  pg("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]);
  return {
    url: `postgresql://sme@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        pg("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
