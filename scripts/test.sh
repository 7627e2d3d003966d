#!/usr/bin/env bash
# Runs every test suite against the sanitizer build: unit tests, then the integration tests (the
# real binary on free loopback ports) on SQLite and on a throwaway PostgreSQL 15, then the web
# UI's unit tests, the interop tests (HSDS and FHIR answers against their schemas) and the browser
# tests in Debian's Chromium against the real server.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
pgdir=$(mktemp -d -t allmende-pg.XXXXXX)
trap 'bash scripts/test-postgres.sh stop "$pgdir"' EXIT
ALLMENDE_TEST_POSTGRES_URL=$(bash scripts/test-postgres.sh start "$pgdir")
export ALLMENDE_TEST_POSTGRES_URL
ctest --test-dir build/debug --output-on-failure -j "$(nproc)" --timeout 180
bash scripts/test-postgres.sh stop "$pgdir"
trap - EXIT
bash scripts/web-build.sh --test
ALLMENDE_BIN=build/debug/allmende bash scripts/interop-test.sh
ALLMENDE_BIN=build/debug/allmende bash scripts/browser-test.sh
