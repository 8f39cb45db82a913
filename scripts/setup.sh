#!/usr/bin/env bash
# Installs the dependencies exactly as package-lock.json says, under Node >= 22 even when the
# machine's Node is older: Hardhat's runtime (EDR) is an optional package that npm skips when
# the Node running npm is too old. Skips the install when the lock file has not changed.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.setup-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f $stamp && $(cat "$stamp") == "$want" && -x node_modules/.bin/node ]]; then
  echo "setup: dependencies are up to date ($(node_modules/.bin/node -v))"
  exit 0
fi

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
echo "setup: installing dependencies with npm ci (system Node $(node -v 2>/dev/null || echo none))"
if ((major >= 22)); then
  npm ci
else
  # npx puts Node 24 first on PATH for this one command, so npm installs as Node 24 would.
  npx --yes --package=node@24 -c 'npm ci'
fi
echo "$want" >"$stamp"
echo "setup: done, toolchain Node is $(node_modules/.bin/node -v)"
