#!/usr/bin/env bash
# Runs every test of the lab: lint, types, unit and property tests, the production build, and the
# end-to-end tests in a real Chromium. Ends with one plain line "N passed, N failed" and a non-zero
# exit status when anything failed. Steps go on after a failure so one run shows everything.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/*.json
failed_steps=()

step() { echo; echo "::: $1"; }
run_step() { # name, command...
  local name=$1; shift
  step "$name"
  if "$@"; then echo "$name: ok" >>reports/steps.txt; else echo "$name: failed" >>reports/steps.txt; failed_steps+=("$name"); fi
}
: >reports/steps.txt

run_step "chromium" bash scripts/ensure-chromium.sh
run_step "lint" npx biome ci .
run_step "typecheck" npx tsc -p tsconfig.json
run_step "unit" npx vitest run --reporter=default --reporter=json --outputFile=reports/vitest.json
run_step "build" npx vite build --logLevel warn
if [ -d dist ]; then
  run_step "e2e" env PLAYWRIGHT_JSON_OUTPUT_NAME=reports/e2e.json npx playwright test --reporter=list,json
fi

step "summary"
node scripts/summary.mjs reports/steps.txt reports/vitest.json reports/e2e.json
