#!/usr/bin/env bash
# Installs node_modules exactly from package-lock.json when they are missing or stale.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

node -e 'const [maj, min] = process.versions.node.split(".").map(Number);
  if (maj < 20 || (maj === 20 && min < 19)) { console.error(`Node ${process.versions.node} is too old: need >= 20.19`); process.exit(1); }'

stamp=node_modules/.installed-from-lock
if [[ -f "$stamp" ]] && cmp -s package-lock.json "$stamp"; then
  exit 0
fi
echo "[deps] installing from package-lock.json (changed, or node_modules missing)"
# Not `npm ci`: npm 11 leaves the platform packages of an optional dependency (sass-embedded,
# pulled in by @nx/webpack) out of the lock file it writes and then calls that same lock file
# out of sync. `npm install` with the lock file present installs the locked versions.
npm install --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
