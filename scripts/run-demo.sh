#!/usr/bin/env bash
# Starts the platform on SQLite with the demo data and prints how to reach it.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ALLMENDE_DEMO_DATA:-data/demo}"
port="${PORT:-8080}"
bin=build/release/allmende
mkdir -p "$data"
# The bootstrap admin token of this demo installation: made once, kept in the data folder.
if [ ! -s "$data/admin-token" ]; then
  (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$data/admin-token")
fi
token=$(cat "$data/admin-token")
"$bin" seed --data "$data" > "$data/seed.log"
cat <<TXT

  Allmende is starting on http://127.0.0.1:${port}/  (data in ${data}, SQLite)

  Health:       curl http://127.0.0.1:${port}/healthz
  Regions:      curl http://127.0.0.1:${port}/api/v1/regions
  Admin token:  ${token}
                curl -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" \\
                     -d '{"code":"pohjanmaa","name":"Pohjanmaan hyvinvointialue","country":"FI"}' \\
                     http://127.0.0.1:${port}/api/v1/regions
  Demo log-ins: none yet — user accounts arrive with the identity module.

  Stop with Ctrl-C (the server finishes in-flight requests first).

TXT
exec env ALLMENDE_ADMIN_TOKEN="$token" "$bin" serve --data "$data" --port "$port"
