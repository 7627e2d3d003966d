#!/usr/bin/env bash
# SIGTERM while wrk writes: the server must exit 0 within its shutdown deadline, and every write
# wrk saw acknowledged (201) must be in the database afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/allmende
work=$(mktemp -d)
server_pid=""
wrk_pid=""
cleanup() {
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
token=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
run=$RANDOM
ALLMENDE_ADMIN_TOKEN="$token" "$bin" serve --port 0 --port-file "$work/port" --data "$work/data" \
  --set server.shutdown_timeout_ms=5000 --log-file "$work/allmende.log" &
server_pid=$!
for _ in $(seq 1 200); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
BENCH_COUNT=1 BENCH_PREFIX=s BENCH_RUN=$run BENCH_TOKEN=$token wrk -t2 -c64 -d6s -s bench/write_region.lua \
  "http://127.0.0.1:${port}/api/v1/regions" > "$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 2
start=$(date +%s%N)
kill -TERM "$server_pid"
set +e
wait "$server_pid"
code=$?
set -e
server_pid=""
took_ms=$(( ($(date +%s%N) - start) / 1000000 ))
wait "$wrk_pid" || true
wrk_pid=""
acknowledged=$(awk '/^acknowledged_writes/ {print $2}' "$work/wrk.txt")
stored=$(sqlite3 "$work/data/allmende.db" "SELECT count(*) FROM regions WHERE code LIKE 's${run}-%'")
echo "SIGTERM under write load: exit code ${code}, shutdown took ${took_ms} ms (deadline 5000 ms), acknowledged writes ${acknowledged}, rows stored ${stored}"
if [ "$code" -ne 0 ] || [ "$took_ms" -gt 5500 ] || [ "${acknowledged:-0}" -eq 0 ] || [ "$stored" -lt "$acknowledged" ]; then
  echo "sigterm: FAILED" >&2
  exit 1
fi
echo "sigterm: ok (no acknowledged write lost)"
