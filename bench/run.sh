#!/usr/bin/env bash
# HTTP benchmark: the Release server against nginx returning a static 200 on another loopback
# port in the same run (the HTTP ceiling of this machine), so every figure comes with a ratio.
# Usage: bench/run.sh [seconds per scenario, default 10] [connections, default 64]
# BASELINE=<git revision> also builds that revision's Release binary (in build/baseline, from a
# detached worktree in build/baseline-src) and runs the server scenarios against it in the same
# run, so "before" and "after" share the machine's state.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
connections="${2:-64}"
threads=2
bin=build/release/allmende
work=$(mktemp -d)
baseline_bin=""
if [ -n "${BASELINE:-}" ]; then
  src=build/baseline-src
  if [ ! -d "$src" ]; then git worktree add --detach "$src" "$BASELINE" > /dev/null; fi
  git -C "$src" checkout -q --detach "$BASELINE"
  cmake -S "$src" -B build/baseline -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
  ninja -C build/baseline allmende > /dev/null
  baseline_bin=build/baseline/allmende
  baseline_name=$(git -C "$src" rev-parse --short HEAD)
fi
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null || { echo "$p"; return; }
  done
}

wait_for() {  # wait_for URL
  for _ in $(seq 1 200); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.05
  done
  echo "bench: $1 did not come up" >&2
  exit 1
}

# --- nginx: the ceiling ---------------------------------------------------------------------
nginx_port=$(free_port)
mkdir -p "$work/nginx/logs"
chmod 755 "$work"
cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes ${threads};
pid ${work}/nginx/nginx.pid;
error_log ${work}/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  server {
    listen 127.0.0.1:${nginx_port};
    location / { default_type application/json; return 200 '{"status":"ok"}'; }
  }
}
NGINX
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
wait_for "http://127.0.0.1:${nginx_port}/"

# --- allmende on SQLite and on PostgreSQL 15, one server process each ---------------------------
token=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
demo_password="bench-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
start_allmende() {  # start_allmende NAME BINARY [database flags...]; sets port_NAME and region_NAME
  local name=$1 server_bin=$2
  shift 2
  ALLMENDE_DEMO_PASSWORD="$demo_password" "$server_bin" seed --data "$work/$name" "$@" > /dev/null
  ALLMENDE_ADMIN_TOKEN="$token" ALLMENDE_DEMO_MODE=true "$server_bin" serve --port 0 --port-file "$work/$name.port" --data "$work/$name" "$@" \
    --io-threads "$threads" --log-file "$work/$name.log" &
  pids+=($!)
  for _ in $(seq 1 200); do [ -s "$work/$name.port" ] && break; sleep 0.05; done
  local p
  p=$(cat "$work/$name.port")
  wait_for "http://127.0.0.1:${p}/healthz"
  printf -v "port_$name" '%s' "$p"
  printf -v "region_$name" '%s' "$(curl -fsS "http://127.0.0.1:${p}/api/v1/regions?limit=1" | sed -E 's/.*"id":"([^"]+)".*/\1/')"
  # The provider's API token with clients.read, and the client it serves (Aino).
  local jar="$work/$name.jar" login csrf org
  login=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"jussi.siivous@allmende.demo\",\"password\":\"${demo_password}\"}" "http://127.0.0.1:${p}/api/v1/auth/login")
  csrf=$(sed -E 's/.*"csrf_token":"([^"]+)".*/\1/' <<< "$login")
  org=$(curl -fsS -b "$jar" "http://127.0.0.1:${p}/api/v1/me/memberships" | sed -E 's/.*"organization_id":"([^"]+)".*/\1/')
  printf -v "api_token_$name" '%s' "$(curl -fsS -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d '{"name":"bench","scopes":["clients.read"]}' "http://127.0.0.1:${p}/api/v1/organizations/${org}/tokens" |
    sed -E 's/.*"token":"([^"]+)".*/\1/')"
  printf -v "client_$name" '%s' "$(curl -fsS -H 'Content-Type: application/json' \
    -d "{\"email\":\"aino.virtanen@allmende.demo\",\"password\":\"${demo_password}\"}" \
    "http://127.0.0.1:${p}/api/v1/auth/login" | sed -E 's/^\{"id":"([^"]+)".*/\1/')"
}

backends=(sqlite postgresql)
start_allmende sqlite "$bin"
pg_url=$(bash scripts/test-postgres.sh start "$work/pg")
trap 'cleanup; bash scripts/test-postgres.sh stop "$work/pg" 2>/dev/null || true' EXIT
psql -q "$pg_url" -c "CREATE DATABASE allmende_bench" > /dev/null
start_allmende postgresql "$bin" --database "${pg_url%/*}/allmende_bench"
if [ -n "$baseline_bin" ]; then
  start_allmende sqlite_before "$baseline_bin"
  psql -q "$pg_url" -c "CREATE DATABASE allmende_bench_before" > /dev/null
  start_allmende postgresql_before "$baseline_bin" --database "${pg_url%/*}/allmende_bench_before"
  backends=(sqlite sqlite_before postgresql postgresql_before)
fi

results="$work/results.tsv"
scenario=0
run_wrk() {  # run_wrk NAME URL [lua]
  local name=$1 url=$2 script=${3:-}
  local out="$work/wrk-$((++scenario)).txt"
  if [ -n "$script" ]; then
    BENCH_RUN=$RANDOM BENCH_TOKEN=$token wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$script" "$url" > "$out"
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
for key in "${backends[@]}"; do
  p_var="port_$key" r_var="region_$key" t_var="api_token_$key" c_var="client_$key"
  p=${!p_var} region=${!r_var}
  name=$key
  [[ $key == *_before ]] && name="${key%_before} (before: ${baseline_name})"
  run_wrk "$name GET /healthz" "http://127.0.0.1:${p}/healthz"
  run_wrk "$name GET /api/v1/regions/{id} (one row)" "http://127.0.0.1:${p}/api/v1/regions/${region}"
  run_wrk "$name POST /api/v1/regions (durable write)" "http://127.0.0.1:${p}/api/v1/regions" bench/write_region.lua
  BENCH_BEARER=${!t_var} run_wrk "$name GET /api/v1/clients/{id} (policy + access log)" \
    "http://127.0.0.1:${p}/api/v1/clients/${!c_var}" bench/bearer.lua
done

ceiling=$(awk -F'\t' 'NR==1 {print $2}' "$results")
{
  echo "allmende HTTP benchmark — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t${threads} -c${connections} -d${duration}s, server --io-threads ${threads}"
  echo "(PostgreSQL 15 on the same machine, fsync on, default settings; the PostgreSQL server holds its own cores' share)"
  printf '%-72s %12s %10s %10s %8s %10s\n' "scenario" "requests/s" "p50" "p99" "errors" "vs nginx"
  while IFS=$'\t' read -r name rps p50 p99 errors; do
    ratio=$(awk -v a="$rps" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}')
    printf '%-72s %12s %10s %10s %8s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$ratio"
  done < "$results"
} | tee bench/results/latest.txt

bash bench/sigterm.sh | tee -a bench/results/latest.txt
