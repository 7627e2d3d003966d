#!/usr/bin/env bash
# Builds the web UI into web/dist: installs the locked npm packages when package-lock.json is
# newer than what is installed, assembles the OpenAPI document and generates the API types from
# it, then type-checks and bundles. `--if-needed` skips the type-check and bundle when web/dist is
# newer than every source file. `--test` also lints the OpenAPI document with Redocly and runs the
# Vitest unit tests.
set -euo pipefail
cd "$(dirname "$0")/../web"

if_needed=0
run_tests=0
for arg in "$@"; do
  case "$arg" in
    --if-needed) if_needed=1 ;;
    --test) run_tests=1 ;;
    *) echo "web-build: unknown argument $arg" >&2; exit 2 ;;
  esac
done

command -v npm > /dev/null || { echo "web-build: npm is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "web-build: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The OpenAPI document from src/server/openapi.base.json and every src/<feature>/openapi.json
# (rewritten only when its content changes), and the TypeScript types generated from it. Both are
# git-ignored; src/api/types.ts and the tests read them.
node ../scripts/assemble-openapi.mjs src/api/openapi.json
if [ ! -f src/api/schema.gen.ts ] || [ src/api/openapi.json -nt src/api/schema.gen.ts ] ||
  [ node_modules/.package-lock.json -nt src/api/schema.gen.ts ]; then
  npx openapi-typescript src/api/openapi.json --output src/api/schema.gen.ts > /dev/null
fi

if [ "$run_tests" -eq 1 ]; then
  # Rules in web/redocly.yaml; any problem fails the build. No update check over the network.
  REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint src/api/openapi.json
  npx vitest run
fi

built=dist/.built
if [ "$if_needed" -eq 1 ] && [ -f "$built" ] && [ -z "$(find src public index.html vite.config.ts tsconfig.json package-lock.json -newer "$built" -print -quit 2> /dev/null)" ]; then
  echo "web-build: web/dist is up to date"
  exit 0
fi

echo "web-build: type-checking and bundling"
npx tsc --noEmit -p tsconfig.json
npx vite build --logLevel warn
touch "$built"
echo "web-build: web/dist ready"
