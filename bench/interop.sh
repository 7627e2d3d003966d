#!/usr/bin/env bash
# Interop benchmark: a directory of N generated services (default 1,000) on SQLite; the whole HSDS
# export of the region (every page of 500 providers: time and size), its import into an empty
# region (one transaction, every service published and indexed), the import of the same data again
# (nothing new), and a FHIR HealthcareService search page. Each figure is the best of 3 runs.
# Usage: bench/interop.sh [services, default 1000]
#   ALLMENDE_BIN  the server (default build/release/allmende)
set -euo pipefail
cd "$(dirname "$0")/.."
services="${1:-1000}"
bin=${ALLMENDE_BIN:-build/release/allmende}
[ -x "$bin" ] || { echo "bench/interop: no server at $bin" >&2; exit 1; }
work=$(mktemp -d -t allmende-interop-bench.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
password="bench-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')"
"$bin" seed --data "$work/data" --services "$services" --seed 1 --demo-password "$password" > /dev/null
ALLMENDE_DEMO_MODE=true "$bin" serve --port 0 --port-file "$work/port" --data "$work/data" --log-file "$work/serve.log" &
server_pid=$!
for _ in $(seq 1 1200); do
  [ -s "$work/port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$(cat "$work/port")/readyz" 2> /dev/null && break
  sleep 0.05
done
url="http://127.0.0.1:$(cat "$work/port")"
region=$(curl -fsS "$url/api/v1/regions?limit=100" | python3 -c "import json,sys; print(next(r['id'] for r in json.load(sys.stdin)['items'] if r['code']=='pirkanmaa'))")
curl -fsS -c "$work/jar" -o "$work/login.json" -H 'Content-Type: application/json' \
  -d "{\"email\":\"pia.admin@allmende.demo\",\"password\":\"$password\"}" "$url/api/v1/auth/login"
csrf=$(python3 -c "import json; print(json.load(open('$work/login.json'))['csrf_token'])")
post() { curl -fsS -b "$work/jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' "$@"; }
best() { sort -n | head -1; }

# The whole export: every page (the time is the sum of the requests'), joined into one page of all
# organizations for the import.
export_all() {
  local page=1 total=0 seconds=0
  : > "$work/pages"
  while :; do
    seconds=$(echo "$seconds + $(curl -fsS -o "$work/page-$page.json" -w "%{time_total}" \
      "$url/api/v1/directory/hsds?region_id=$region&per_page=500&page=$page")" | bc)
    total=$((total + $(stat -c %s "$work/page-$page.json")))
    echo "$work/page-$page.json" >> "$work/pages"
    python3 -c "import json,sys; sys.exit(0 if json.load(open('$work/page-$page.json'))['last_page'] else 1)" && break
    page=$((page + 1))
  done
  echo "$(echo "$seconds * 1000 / 1" | bc) $total $page"
}
for _ in 1 2 3; do export_all; done > "$work/exports"
read -r ms bytes pages < <(sort -n "$work/exports" | head -1)
python3 - "$work" << 'PY'
import json, sys
work = sys.argv[1]
contents = []
for path in open(f"{work}/pages").read().split():
    contents += json.load(open(path))["contents"]
json.dump({"contents": contents}, open(f"{work}/all.json", "w"))
PY
echo "HSDS export of $services services: $pages page(s), $(echo "scale=1; $bytes / 1048576" | bc) MiB, $ms ms"

new_region() {
  post -d "{\"code\":\"bench-copy-$1\",\"name\":\"Copy $1\",\"country\":\"FI\"}" "$url/api/v1/regions" |
    python3 -c "import json,sys; print(json.load(sys.stdin)['id'])"
}
import_into() {
  post -o /dev/null -w "%{time_total}\n" --data-binary @"$work/all.json" "$url/api/v1/directory/hsds/import?region_id=$1"
}
targets=()
for i in 1 2 3; do targets+=("$(new_region "$i")"); done
for t in "${targets[@]}"; do import_into "$t"; done | awk '{print int($1 * 1000)}' | best |
  xargs -I{} echo "HSDS import into an empty region: {} ms"
for _ in 1 2 3; do import_into "${targets[0]}"; done | awk '{print int($1 * 1000)}' | best |
  xargs -I{} echo "the same import again (all unchanged): {} ms"
for _ in 1 2 3; do
  curl -fsS -o /dev/null -w "%{time_total}\n" "$url/fhir/R4/HealthcareService?service-category=cleaning&location=fi-837&_count=20"
done | awk '{print int($1 * 1000)}' | best | xargs -I{} echo "FHIR HealthcareService search, 20 of a category in Tampere: {} ms"
