#!/usr/bin/env bash
# Starts the platform on SQLite with the demo data and prints how to reach it. Beside it runs the
# demo mailbox (allmende-mailbox): the server sends its e-mail there over real SMTP, and the web
# UI shows what arrived at /demo/mailbox, so every e-mail journey can be walked on the demo.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${ALLMENDE_DEMO_DATA:-data/demo}"
port="${PORT:-8080}"
bin=build/release/allmende
mailbox_bin=build/release/allmende-mailbox
[ -x "$mailbox_bin" ] || { echo "run-demo: no mailbox at $mailbox_bin (make build)" >&2; exit 1; }
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

# The mailbox on free loopback ports, which it writes to a file once it listens. It keeps mail in
# memory only and is stopped with the server (and if this script is killed, by its parent-death
# signal).
mailbox_pid=""
stop_mailbox() {
  if [ -n "$mailbox_pid" ] && kill -0 "$mailbox_pid" 2> /dev/null; then
    kill -TERM "$mailbox_pid" 2> /dev/null || true
    wait "$mailbox_pid" 2> /dev/null || true
  fi
}
trap stop_mailbox EXIT
rm -f "$data/mailbox-ports"
"$mailbox_bin" --port-file "$data/mailbox-ports" --exit-with-parent 2> "$data/mailbox.log" &
mailbox_pid=$!
deadline=$((SECONDS + 10))
until [ -s "$data/mailbox-ports" ]; do
  if ! kill -0 "$mailbox_pid" 2> /dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    echo "run-demo: the demo mailbox did not start" >&2
    cat "$data/mailbox.log" >&2 || true
    exit 1
  fi
  sleep 0.1
done
read -r smtp_port mailbox_port < "$data/mailbox-ports"

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
  Demo mailbox: http://127.0.0.1:${port}/demo/mailbox  (every e-mail the demo sends: reset links, invitations)
                SMTP on 127.0.0.1:${smtp_port}; as JSON: curl http://127.0.0.1:${mailbox_port}/messages

  Stop with Ctrl-C (the server finishes in-flight requests first).

TXT
# Not exec: this script stays to stop the mailbox when the server ends. Ctrl-C or SIGTERM to
# this script stops the server gracefully, as when the script was the server itself.
server_pid=""
trap '[ -z "$server_pid" ] || kill -TERM "$server_pid" 2> /dev/null || true' INT TERM
env ALLMENDE_ADMIN_TOKEN="$token" ALLMENDE_DEMO_MODE=true "$bin" serve --data "$data" --port "$port" \
  --set "mail.smtp_url=smtp://127.0.0.1:${smtp_port}" --set "demo.mailbox_url=http://127.0.0.1:${mailbox_port}" \
  --set "webhooks.allow_local_targets=true" &
server_pid=$!
status=0
# `wait` returns early when a signal is trapped; wait again until the server has finished.
while kill -0 "$server_pid" 2> /dev/null; do
  if wait "$server_pid"; then status=0; else status=$?; fi
done
exit "$status"
