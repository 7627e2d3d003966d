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
# The demo accounts' password: ALLMENDE_DEMO_PASSWORD if set, otherwise one made for this folder.
if [ -z "${ALLMENDE_DEMO_PASSWORD:-}" ]; then
  if [ ! -s "$data/demo-password" ]; then
    (umask 077 && echo "demo-$(head -c 9 /dev/urandom | base64 | tr -d '/+=')" > "$data/demo-password")
  fi
  ALLMENDE_DEMO_PASSWORD=$(cat "$data/demo-password")
fi
logins=$(ALLMENDE_DEMO_PASSWORD="$ALLMENDE_DEMO_PASSWORD" "$bin" seed --data "$data" 2> "$data/seed.log" | grep '^demo log-in' | sed 's/^demo log-in: /                /')
cat <<TXT

  Allmende is starting on http://127.0.0.1:${port}/  (data in ${data}, SQLite)

  Health:       curl http://127.0.0.1:${port}/healthz
  Regions:      curl http://127.0.0.1:${port}/api/v1/regions
  Admin token:  ${token}
                curl -H "Authorization: Bearer ${token}" -H "Content-Type: application/json" \\
                     -d '{"code":"pohjanmaa","name":"Pohjanmaan hyvinvointialue","country":"FI"}' \\
                     http://127.0.0.1:${port}/api/v1/regions
  Demo log-ins (password: ${ALLMENDE_DEMO_PASSWORD}):
${logins}
                Sign in: curl -c jar -H "Content-Type: application/json" \\
                     -d '{"email":"aino.virtanen@allmende.demo","password":"${ALLMENDE_DEMO_PASSWORD}"}' \\
                     http://127.0.0.1:${port}/api/v1/auth/login

  Stop with Ctrl-C (the server finishes in-flight requests first).

TXT
exec env ALLMENDE_ADMIN_TOKEN="$token" ALLMENDE_DEMO_MODE=true "$bin" serve --data "$data" --port "$port"
