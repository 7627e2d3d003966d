#!/usr/bin/env bash
# Billing benchmark (issue 21): a billing run over N confirmed visits (default 200,000) on SQLite.
# The demo region is seeded, then its delivered month is multiplied in SQL: 2,000 copies of Aino's
# delivered order, each with N/2,000 confirmed visits in the previous month priced and split as the
# demo's first visit (voucher 56.00 €, Aino 22.00 €), so that a run collects N visits into 2N lines.
# Timed: creating the draft run (collect, split into lines, insert, totals) over HTTP as Sari; its
# summary; locking it; the CSV and XLSX exports. Reference in the same run: a signed-in GET of the run list.
# Usage: bench/billing.sh [visits, default 200000]
set -euo pipefail
cd "$(dirname "$0")/.."
visits="${1:-200000}"
orders=2000
per_order=$(( (visits + orders - 1) / orders ))
bin=build/release/allmende
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release > /dev/null
ninja -C build/release allmende > /dev/null
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
password="bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
ALLMENDE_DEMO_PASSWORD="$password" "$bin" seed --data "$work" --services 0 --set log.file="$work/seed.log" > /dev/null
db="$work/allmende.db"
template_order=$(sqlite3 "$db" "SELECT order_id FROM visits WHERE state = 'disputed' LIMIT 1")
template_visit=$(sqlite3 "$db" "SELECT id FROM visits WHERE order_id = '$template_order' AND state = 'confirmed' ORDER BY local_date LIMIT 1")
month=$(sqlite3 "$db" "SELECT substr(local_date, 1, 7) FROM visits WHERE id = '$template_visit'")
order_cols=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('orders') WHERE name <> 'id'")
visit_cols=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('visits')
  WHERE name NOT IN ('id', 'order_id', 'local_date', 'starts_at', 'ends_at')")
start=$(date +%s.%N)
sqlite3 "$db" << SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $orders)
INSERT INTO orders (id, $order_cols) SELECT 'ord_bench_' || i, $order_cols FROM orders, n WHERE orders.id = '$template_order';
WITH RECURSIVE o(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM o WHERE i < $orders),
     k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < $per_order - 1)
INSERT INTO visits (id, order_id, local_date, starts_at, ends_at, $visit_cols)
SELECT 'vis_bench_' || o.i || '_' || k.j, 'ord_bench_' || o.i,
       printf('%s-%02d', '$month', 1 + k.j % 28),
       printf('%s-%02dT%02d:%02d:00.000Z', '$month', 1 + k.j % 28, 6 + (k.j / 28) % 12, (k.j / 336) % 60),
       printf('%s-%02dT%02d:%02d:00.000Z', '$month', 1 + k.j % 28, 8 + (k.j / 28) % 12, (k.j / 336) % 60),
       $visit_cols
FROM visits, o, k WHERE visits.id = '$template_visit';
COMMIT;
SQL
end=$(date +%s.%N)
count=$(sqlite3 "$db" "SELECT count(*) FROM visits WHERE state = 'confirmed'")
echo "== billing over $count confirmed visits of $month (generated in $(echo "$end - $start" | bc) s; Release server, SQLite)"

port_file="$work/port"
ALLMENDE_DEMO_MODE=true "$bin" serve --port 0 --port-file "$port_file" --data "$work" --log-file "$work/serve.log" &
server_pid=$!
for _ in $(seq 1 600); do
  [ -s "$port_file" ] && curl -fsS -o /dev/null "http://127.0.0.1:$(cat "$port_file")/readyz" 2> /dev/null && break
  sleep 0.05
done
base="http://127.0.0.1:$(cat "$port_file")"
jar="$work/jar"
answer=$(curl -fsS -c "$jar" -H 'Content-Type: application/json' \
  -d "{\"email\":\"sari.tilaaja@allmende.demo\",\"password\":\"$password\"}" "$base/api/v1/auth/login")
csrf=$(sed -E 's/.*"csrf_token":"([^"]+)".*/\1/' <<< "$answer")
welfare=$(sqlite3 "$db" "SELECT id FROM organizations WHERE name = 'Pirkanmaan hyvinvointialue'")
call() { # method path [body] [if-match] → prints "status seconds" and keeps the body in $work/body
  local extra=()
  [ -n "${4:-}" ] && extra=(-H "If-Match: $4")
  curl -sS -o "$work/body" -w '%{http_code} %{time_total}' -b "$jar" -H "X-CSRF-Token: $csrf" \
    -H 'Content-Type: application/json' -H 'X-Access-Purpose: bench' "${extra[@]}" -X "$1" \
    ${3:+-d "$3"} "$base$2"
}
ref=$(call GET "/api/v1/organizations/$welfare/billing-runs")
echo "reference, the run list (signed-in GET): $ref"
if [ -n "${BENCH_PERF:-}" ]; then # where the time of the run's creation goes: perf report -i "$BENCH_PERF"
  perf record -F 999 -g -p "$server_pid" -o "$BENCH_PERF" > /dev/null 2>&1 &
  perf_pid=$!
  sleep 1
fi
created=$(call POST "/api/v1/organizations/$welfare/billing-runs" "{\"period\":\"$month\"}")
if [ -n "${BENCH_PERF:-}" ]; then kill -INT "$perf_pid"; wait "$perf_pid" || true; fi
run=$(sed -E 's/.*"id":"(brun_[^"]+)".*/\1/' "$work/body")
lines=$(sed -E 's/.*"line_count":([0-9]+).*/\1/' "$work/body")
total=$(sed -E 's/.*"total_cents":([0-9]+).*/\1/' "$work/body")
version=$(sed -E 's/.*"version":([0-9]+).*/\1/' "$work/body")
echo "create the run (collect $count visits into $lines lines, total $total cents): $created"
echo "the run's summary: $(call GET "/api/v1/billing-runs/$run")"
echo "lock: $(call POST "/api/v1/billing-runs/$run/lock" "" "\"$version\"")"
echo "CSV export: $(call GET "/api/v1/billing-runs/$run/export.csv") ($(wc -c < "$work/body") bytes, $(wc -l < "$work/body") rows)"
echo "XLSX export: $(call GET "/api/v1/billing-runs/$run/export.xlsx") ($(wc -c < "$work/body") bytes)"
sum=$(sqlite3 "$db" "SELECT SUM(amount_cents) FROM billing_lines WHERE run_id = '$run'")
prices=$(sqlite3 "$db" "SELECT SUM(v.price_cents) FROM visits v WHERE v.id IN (SELECT visit_id FROM billing_lines WHERE run_id = '$run')")
echo "reconciled: lines $sum = visits' prices $prices = run total $total"
[ "$sum" = "$prices" ] && [ "$sum" = "$total" ] || { echo "bench: the totals do not reconcile" >&2; exit 1; }
