#!/usr/bin/env bash
# The advice desk's client search: N generated clients (default 200,000; Finnish and Swedish names,
# `allmende seed --clients N`) on SQLite, the Release server answering the desk's query mix
# (bench/client_queries.txt: typos, either name order, prefixes, birth date, phone) as a signed-in
# advisor under wrk at 64 and 256 connections. Beside it, in the same run, a signed-in GET of the
# advice topics (one small query) as the reference for what HTTP, session and JSON cost, so the
# search's own cost is a ratio. The searches write their access-log entries as in production (one
# per person, purpose and region for each minute in which they search).
# The seeded data is kept in build/bench-data/clients-N for the next run.
# Usage: bench/clients.sh [clients, default 200000] [seconds per run, default 10]
# BENCH_SERVE_ARGS adds server settings, e.g. "--set storage.sqlite_mmap_mb=0" to compare.
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-200000}"
duration="${2:-10}"
bin=build/release/allmende
ninja -C build/release allmende > /dev/null
data=build/bench-data/clients-$clients
password_file="$data/demo-password"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

if [ ! -f "$data/seeded" ]; then
  rm -rf "$data"
  mkdir -p "$data"
  echo "bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')" > "$password_file"
  start=$(date +%s.%N)
  ALLMENDE_DEMO_PASSWORD="$(cat "$password_file")" \
    "$bin" seed --data "$data" --clients "$clients" --seed 1 --set log.file="$data/seed.log" > /dev/null
  end=$(date +%s.%N)
  echo "seeded $clients clients in $(echo "$end - $start" | bc) s ($(du -sh "$data" | cut -f1) on disk)"
  touch "$data/seeded"
fi

port_file=$(mktemp)
# One advisor's session sends every search: the per-person search limit is off for the benchmark.
ALLMENDE_DEMO_MODE=true "$bin" serve --port 0 --port-file "$port_file" --data "$data" --io-threads 2 \
  --log-file "$data/serve.log" --set clients.search_per_minute=0 ${BENCH_SERVE_ARGS:-} &
server_pid=$!
for _ in $(seq 1 2400); do
  [ -s "$port_file" ] && curl -fsS -o /dev/null "http://127.0.0.1:$(cat "$port_file")/readyz" 2>/dev/null && break
  sleep 0.05
done
port=$(cat "$port_file")
jar=$(mktemp)
answer=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"mikko.neuvoja@allmende.demo\",\"password\":\"$(cat "$password_file")\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login")
export BENCH_CSRF=$(json_field csrf_token <<< "$answer")
export BENCH_COOKIE="allmende_session=$(awk '$6=="allmende_session" {print $7}' "$jar")"
export BENCH_REGION=$(sqlite3 "$data/allmende.db" "SELECT id FROM regions WHERE code = 'pirkanmaa'")
count=$(sqlite3 "$data/allmende.db" "SELECT count(*) FROM clients WHERE region_id = '$BENCH_REGION'")
echo "== client search over $count clients of the region (Release server, SQLite, 2 I/O threads; wrk -t2)"
# One answer of each query, to show what the mix finds.
while IFS= read -r body; do
  case "$body" in "#"*|"") continue ;; esac
  found=$(curl -fsS -H "Cookie: $BENCH_COOKIE" -H "X-CSRF-Token: $BENCH_CSRF" -H 'Content-Type: application/json' \
    -d "$body" "http://127.0.0.1:$port/api/v1/regions/$BENCH_REGION/clients/search" | { grep -o '"id"' || true; } | wc -l)
  echo "  $body → $found"
done < bench/client_queries.txt
# The server's own CPU time per answer (user + system, from /proc), which other load on the machine
# does not change the way it changes requests/s and latency.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
ticks_per_second=$(getconf CLK_TCK)
for c in 64 256; do
  for mode in reference search; do
    if [ "$mode" = reference ]; then export BENCH_REFERENCE=1; else export BENCH_REFERENCE=""; fi
    before=$(cpu_ticks)
    out=$(wrk -t2 -c"$c" -d"${duration}s" --latency -s bench/client_search.lua "http://127.0.0.1:$port" 2>&1)
    after=$(cpu_ticks)
    answers=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print int($2)}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    cpu=$(echo "scale=3; ($after - $before) * 1000 / $ticks_per_second / ${answers:-1}" | bc)
    echo "connections $c, $mode: $rps requests/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}, server CPU $cpu ms/answer"
  done
done
echo "server RSS $(awk '/VmRSS/ {print int($2/1024)}' "/proc/$server_pid/status") MiB"
# The name index alone, in process, per query of the mix (no HTTP, no database).
names=$(mktemp)
sqlite3 -separator $'\t' "$data/allmende.db" \
  "SELECT c.region_id, c.user_id, u.name FROM clients c JOIN users u ON u.id = c.user_id WHERE c.merged_into IS NULL" \
  > "$names"
ninja -C build/release name_index_benchmark > /dev/null
echo "== the name index alone (name_index_benchmark)"
build/release/src/clients/name_index_benchmark "$names" bench/client_queries.txt 200
rm -f "$names"
