#!/usr/bin/env bash
# `npm test`: installs what is missing, brings the infrastructure up, then runs lint, type check, build,
# unit, console component, integration (real PostgreSQL, Kafka, Redis) and end-to-end tests (four
# service processes, and the console in Chromium). Every stage runs even if an earlier one failed;
# the last line is "N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/ensure-deps.sh || exit 1
bash scripts/ensure-browser.sh || exit 1
bash scripts/infra.sh up || exit 1

results=.test-results
rm -rf "$results" && mkdir -p "$results"
failed_stages=()
stage() {
  local name=$1; shift
  echo
  echo "=== $name"
  "$@" || failed_stages+=("$name")
}

export NX_DAEMON=false NX_NO_CLOUD=true
stage lint npx nx run-many -t lint --outputStyle=static
# ts-jest only transpiles (isolatedModules), so the tests' own types are checked here.
stage typecheck npx tsc -p tsconfig.test.json --noEmit
stage build npx nx run-many -t build --outputStyle=static
stage unit npx jest -c jest.config.ts --ci --json --outputFile="$results/unit.json"
# The web console's component tests (Vitest + Testing Library in jsdom).
stage console npx vitest run --root apps/console --reporter=default --reporter=json --outputFile.json="$PWD/$results/console.json"
stage integration npx jest -c jest.integration.config.ts --ci --json --outputFile="$results/integration.json"
stage e2e npx jest -c jest.e2e.config.ts --ci --json --outputFile="$results/e2e.json"

echo
echo "=== summary"
node scripts/test-summary.js "$results" "${failed_stages[@]}"
