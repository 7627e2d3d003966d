#!/usr/bin/env bash
# Orders benchmark (issue: orders, routing, visits): durable order creation at 64 connections on
# SQLite and on PostgreSQL (each order routed by the cascade and offered, in one transaction with
# its timeline, offer, deadline job and event), the coordinators' board on 2,000,000 generated
# orders, the routing engine among 1,000 candidates (Google Benchmark), and the crash test at
# 20,000 orders with SIGKILLs on both backends. nginx's static 200 on loopback is the ceiling the
# HTTP figures are compared with, measured in the same run.
# Usage: bench/orders.sh [seconds per scenario, default 10] [connections, default 64]
#   ORDERS_CRASH=0 skips the crash test (it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
connections="${2:-64}"
threads=2
bin=build/release/allmende
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
ninja -C build/release allmende routing_benchmark order_crash_test > /dev/null
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2> /dev/null || true; done
  bash scripts/test-postgres.sh stop "$work/pg" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<> /dev/tcp/127.0.0.1/$p) 2> /dev/null || { echo "$p"; return; }
  done
}
wait_for() {
  for _ in $(seq 1 400); do
    curl -fsS -o /dev/null "$1" 2> /dev/null && return 0
    sleep 0.05
  done
  echo "bench: $1 did not come up" >&2
  exit 1
}
json_field() { sed -E "s/.*\"$1\":\"([^\"]+)\".*/\1/"; }

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
chmod 755 "$work"
cat > "$work/nginx/nginx.conf" << NGINX
worker_processes ${threads};
pid ${work}/nginx/nginx.pid;
error_log ${work}/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  server { listen 127.0.0.1:${nginx_port}; location / { default_type application/json; return 200 '{"status":"ok"}'; } }
}
NGINX
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_for "http://127.0.0.1:${nginx_port}/"

demo_password="bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
results="$work/results.tsv"
scenario=0
run_wrk() { # run_wrk NAME URL [env assignments for session.lua...]
  local name=$1 url=$2
  shift 2
  local out="$work/wrk-$((++scenario)).txt"
  if [ $# -gt 0 ]; then
    env BENCH_RUN=$RANDOM "$@" wrk -t"$threads" -c"${CONN:-$connections}" -d"${duration}s" --latency -s bench/session.lua "$url" > "$out"
  else
    wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$url" > "$out"
  fi
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(awk '$1=="50%" {print $2}' "$out")
  p99=$(awk '$1=="99%" {print $2}' "$out")
  errors=$(awk '/Non-2xx/ {n+=$NF} /Socket errors/ {gsub(",",""); n+=$4+$6+$8+$10} END {print n+0}' "$out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$p50" "$p99" "$errors" >> "$results"
}
run_wrk "nginx static 200" "http://127.0.0.1:${nginx_port}/"

# start NAME [database flags]: seeds, optionally adds generated orders (ORDERS_SQL), serves.
start() {
  local name=$1
  shift
  ALLMENDE_DEMO_PASSWORD="$demo_password" "$bin" seed --data "$work/$name" "$@" > /dev/null
  if [ -n "${generate:-}" ]; then $generate "$name" "$@"; fi
  ALLMENDE_DEMO_MODE=true "$bin" serve --port 0 --port-file "$work/$name.port" --data "$work/$name" "$@" \
    --io-threads "$threads" --log-file "$work/$name.log" &
  pids+=($!)
  for _ in $(seq 1 400); do [ -s "$work/$name.port" ] && break; sleep 0.05; done
  port=$(cat "$work/$name.port")
  wait_for "http://127.0.0.1:${port}/healthz"
}
login() { # login PORT EMAIL → sets cookie, csrf
  local jar="$work/jar-$RANDOM" answer
  answer=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"${demo_password}\"}" "http://127.0.0.1:$1/api/v1/auth/login")
  csrf=$(json_field csrf_token <<< "$answer")
  cookie="allmende_session=$(awk '$6=="allmende_session" {print $7}' "$jar")"
}
order_body() { # order_body PORT → the JSON of Sari's order for Aino
  local port=$1 aino welfare
  login "$port" aino.virtanen@allmende.demo
  aino=$(curl -fsS -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/me" | json_field id)
  welfare=$(curl -fsS -H "Cookie: $cookie" "http://127.0.0.1:$port/api/v1/clients/$aino/grants" | json_field payer_id)
  local start
  start=$(date -u -d '+3 days' +%Y-%m-%d)
  printf '{"client_id":"%s","origin":"purchaser","purchaser_id":"%s","category":"cleaning","municipality_code":"fi-837","language":"fi","address":"Insinöörinkatu 48 B 17","schedule":{"start_date":"%s"},"duration_minutes":60}' \
    "$aino" "$welfare" "$start"
}

# --- durable order creation, SQLite and PostgreSQL --------------------------------------------
generate=""
start sqlite
body=$(order_body "$port")
login "$port" sari.tilaaja@allmende.demo
run_wrk "sqlite POST /api/v1/orders (routed, durable)" "http://127.0.0.1:${port}/api/v1/orders" \
  BENCH_COOKIE="$cookie" BENCH_CSRF="$csrf" BENCH_BODY="$body"
pg_url=$(bash scripts/test-postgres.sh start "$work/pg")
psql -q "$pg_url" -c "CREATE DATABASE allmende_orders" > /dev/null
start postgresql --database "${pg_url%/*}/allmende_orders"
body=$(order_body "$port")
login "$port" sari.tilaaja@allmende.demo
run_wrk "postgresql POST /api/v1/orders (routed, durable)" "http://127.0.0.1:${port}/api/v1/orders" \
  BENCH_COOKIE="$cookie" BENCH_CSRF="$csrf" BENCH_BODY="$body"

# --- the board on 2,000,000 orders (SQLite): 1 % need attention, the rest finished -------------
generate_orders() { # generate_orders NAME: 2,000,000 orders of the demo region's people
  sqlite3 "$work/$1/allmende.db" << 'SQL'
PRAGMA journal_mode = WAL;
WITH region AS (SELECT id FROM regions WHERE code = 'pirkanmaa'),
     aino AS (SELECT id FROM users WHERE email = 'aino.virtanen@allmende.demo'),
     sari AS (SELECT id FROM users WHERE email = 'sari.tilaaja@allmende.demo'),
     welfare AS (SELECT id FROM organizations WHERE name = 'Pirkanmaan hyvinvointialue'),
     n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000000)
INSERT INTO orders (id, region_id, origin, client_id, ordered_by, purchaser_id, category, municipality_code, language,
                    recurrence, duration_minutes, first_date, state, escalation_reason, created_at, updated_at)
SELECT printf('ord_0%025d', i), (SELECT id FROM region), 'purchaser', (SELECT id FROM aino), (SELECT id FROM sari),
       (SELECT id FROM welfare), CASE i % 3 WHEN 0 THEN 'cleaning' WHEN 1 THEN 'shopping' ELSE 'home_help' END,
       CASE i % 4 WHEN 0 THEN 'fi-562' ELSE 'fi-837' END, 'fi',
       '{"frequency":"once","start_date":"2026-01-05","window_start":"10:00","window_end":"12:00"}', 120,
       '2026-01-05',
       CASE WHEN i % 100 = 0 THEN (CASE (i / 100) % 5 WHEN 0 THEN 'escalated' WHEN 1 THEN 'offered'
                                                       WHEN 2 THEN 'disputed' WHEN 3 THEN 'submitted' ELSE 'routing' END)
            WHEN i % 7 = 0 THEN 'cancelled' ELSE 'confirmed' END,
       CASE WHEN i % 500 = 0 THEN 'no provider with capacity in Orivesi serving in Swedish' END,
       printf('2025-%02d-%02dT%02d:%02d:00.000Z', 1 + i % 12, 1 + i % 28, i % 24, i % 60),
       printf('2025-%02d-%02dT%02d:%02d:00.000Z', 1 + i % 12, 1 + i % 28, i % 24, i % 60)
FROM n;
ANALYZE;
SQL
}
generate=generate_orders
t0=$(date +%s.%N)
start sqlite_board
t1=$(date +%s.%N)
login "$port" outi.koordinaattori@allmende.demo
region=$(curl -fsS "http://127.0.0.1:${port}/api/v1/regions?limit=1" | json_field id)
run_wrk "sqlite GET /board on 2,000,000 orders" "http://127.0.0.1:${port}/api/v1/regions/${region}/board" \
  BENCH_COOKIE="$cookie"
# A few coordinators at once: what one of them waits for.
CONN=4 run_wrk "sqlite GET /board on 2,000,000 orders, 4 connections" \
  "http://127.0.0.1:${port}/api/v1/regions/${region}/board" BENCH_COOKIE="$cookie"
run_wrk "sqlite GET /board?state=escalated&municipality=fi-562" \
  "http://127.0.0.1:${port}/api/v1/regions/${region}/board?state=escalated&municipality=fi-562" BENCH_COOKIE="$cookie"
generate=""

ceiling=$(awk -F'\t' 'NR==1 {print $2}' "$results")
{
  echo "allmende orders benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t${threads} -c${connections} -d${duration}s, server --io-threads ${threads}"
  echo "(2,000,000 orders generated and the server started in $(echo "$t1 - $t0" | bc | cut -c1-5) s)"
  printf '%-64s %12s %10s %10s %8s %10s\n' "scenario" "requests/s" "p50" "p99" "errors" "vs nginx"
  while IFS=$'\t' read -r name rps p50 p99 errors; do
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')
    printf '%-64s %12s %10s %10s %8s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
  done < "$results"
} | tee bench/results/orders-latest.txt

echo "--- routing engine, 1,000 candidates (Google Benchmark) ---" | tee -a bench/results/orders-latest.txt
build/release/src/dispatch/routing_benchmark --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>&1 |
  tail -n 25 | tee -a bench/results/orders-latest.txt

if [ "${ORDERS_CRASH:-1}" != "0" ]; then
  for backend in sqlite postgresql; do
    ALLMENDE_TEST_BACKEND=$backend ALLMENDE_TEST_POSTGRES_URL="$pg_url" ALLMENDE_CRASH_ORDERS=20000 \
      build/release/tests/integration/order_crash_test 2>&1 | grep -E "order crash test|OK|FAILED" |
      sed "s/^/$backend: /" | tee -a bench/results/orders-latest.txt
  done
fi
