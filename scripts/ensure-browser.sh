#!/usr/bin/env bash
# Installs Debian's Chromium for the console's browser tests (Playwright drives it; browsers cannot be
# downloaded from here, so playwright-core uses this one). Needs root, as on the CI machine.
set -euo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi
echo "[browser] installing chromium from Debian's packages"
if [[ $(id -u) -ne 0 ]]; then
  echo "[browser] need root to install chromium (or set CHROMIUM_PATH to an installed one)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
"$CHROMIUM" --version
