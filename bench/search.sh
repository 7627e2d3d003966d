#!/usr/bin/env bash
# Search benchmark: a directory of N generated services (default 100,000) on SQLite, the Release
# server answering a realistic query mix (bench/search_queries.txt) under wrk at 64 and 256
# connections, and the same mix through the index in process (directory_search_benchmark), so the
# HTTP and JSON overhead is a ratio. Also reports seeding time, the server's index build time and
# memory. The seeded data is kept in build/bench-data/search-N for the next run.
# Usage: bench/search.sh [services, default 100000] [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
services="${1:-100000}"
duration="${2:-10}"
bin=build/release/allmende
bench_bin=build/release/src/directory/directory_search_benchmark
ninja -C build/release allmende directory_search_benchmark > /dev/null
data=build/bench-data/search-$services
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

if [ ! -f "$data/seeded" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  start=$(date +%s.%N)
  ALLMENDE_DEMO_PASSWORD="bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')" \
    "$bin" seed --data "$data" --services "$services" --seed 1 --set log.file="$data/seed.log" > /dev/null
  end=$(date +%s.%N)
  echo "seeded $services services in $(echo "$end - $start" | bc) s"
  touch "$data/seeded"
fi
echo "== in process (one core, no HTTP)"
"$bench_bin" --data "$data" --rounds 50

# Twice: with the answers cache (directory.search_cache_mb, default 64 MiB; the mix repeats its
# 31 queries, as visitors repeat popular ones) and without it (every request searches the index).
for cache_mb in 64 0; do
  echo "== HTTP (Release server, SQLite, 2 I/O threads; wrk -t2), search cache ${cache_mb} MiB"
  port_file=$(mktemp)
  start=$(date +%s.%N)
  ALLMENDE_DEMO_MODE=true "$bin" serve --port 0 --port-file "$port_file" --data "$data" --io-threads 2 \
    --log-file "$data/serve.log" --set directory.search_cache_mb=$cache_mb &
  server_pid=$!
  for _ in $(seq 1 2400); do
    [ -s "$port_file" ] && curl -fsS -o /dev/null "http://127.0.0.1:$(cat "$port_file")/readyz" 2>/dev/null && break
    sleep 0.05
  done
  port=$(cat "$port_file")
  ready=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$server_pid/status")
  echo "server ready in $(echo "$ready - $start" | bc) s, RSS $rss MiB; index: $(grep -o '"directory_index_built"[^}]*' "$data/serve.log" | tail -1)"
  for c in 64 256; do
    out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -s bench/search.lua "http://127.0.0.1:$port" 2>&1)
    rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    echo "connections $c: $rps searches/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}"
  done
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  rm -f "$port_file"
done
