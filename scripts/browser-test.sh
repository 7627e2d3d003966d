#!/usr/bin/env bash
# Browser tests: the web UI in Debian's Chromium (playwright-core, headless) against the real
# server on a freshly seeded SQLite database on a free loopback port. Every page is checked with
# axe; screenshots at 360 and 1280 px go to test-output/screenshots/, the axe summary to
# test-output/axe-summary.tsv.
#   ALLMENDE_BIN   server binary (default: build/debug/allmende, else build/release/allmende)
#   ALLMENDE_MAILBOX_BIN  the demo mailbox the server sends e-mail to (default: allmende-mailbox
#                  beside the server binary), as `make run` does
#   CHROMIUM_PATH  browser (default /usr/bin/chromium)
# Arguments: test files to run instead of all (tests/browser/orders.test.mjs); they still get a
# fresh server and database.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${ALLMENDE_BIN:-}
if [ -z "$bin" ]; then
  if [ -x build/debug/allmende ]; then bin=build/debug/allmende; else bin=build/release/allmende; fi
fi
[ -x "$bin" ] || { echo "browser-test: no server binary at $bin (make build-debug)" >&2; exit 1; }
mailbox_bin=${ALLMENDE_MAILBOX_BIN:-$(dirname "$bin")/allmende-mailbox}
[ -x "$mailbox_bin" ] || { echo "browser-test: no demo mailbox at $mailbox_bin (make build-debug)" >&2; exit 1; }
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "browser-test: no Chromium at $chromium (scripts/install-deps.sh installs it)" >&2; exit 1; }

bash scripts/web-build.sh --if-needed

work=$(mktemp -d -t allmende-browser.XXXXXX)
server_pid=""
mailbox_pid=""
cleanup() {
  for pid in "$server_pid" "$mailbox_pid"; do
    if [ -n "$pid" ] && kill -0 "$pid" 2> /dev/null; then
      kill -TERM "$pid" 2> /dev/null || true
      wait "$pid" 2> /dev/null || true
    fi
  done
  # The server's and the mailbox's logs stay for a look after a failure.
  mkdir -p test-output && cp "$work/server.log" "$work/mailbox.log" test-output/ 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A fixed demo password of this test run only (the database is thrown away afterwards).
export ALLMENDE_DEMO_PASSWORD="browser-test-$(date +%s)-kahvikuppi-lumiukko"
"$bin" seed --data "$work/data" > "$work/seed.log" 2>&1 || { cat "$work/seed.log" >&2; exit 1; }

# The demo mailbox, as `make run` starts it: the server delivers its e-mail there over SMTP and
# demo-mailbox.test.mjs reads it in the web UI.
"$mailbox_bin" --port-file "$work/mailbox-ports" 2> "$work/mailbox.log" &
mailbox_pid=$!
deadline=$((SECONDS + 20))
until [ -s "$work/mailbox-ports" ]; do
  if ! kill -0 "$mailbox_pid" 2> /dev/null || [ "$SECONDS" -ge "$deadline" ]; then
    echo "browser-test: the demo mailbox did not start" >&2
    cat "$work/mailbox.log" >&2 || true
    exit 1
  fi
  sleep 0.1
done
read -r smtp_port mailbox_port < "$work/mailbox-ports"

# The links in e-mails name the server's address (server.public_url), so the server gets a port
# chosen here rather than port 0: a free one the system hands out and this script releases.
server_port=$(node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")

# webhooks.test.mjs runs its receiver on loopback over plain http, and watches a failing delivery
# use up its attempts within a second or two.
export ALLMENDE_WEBHOOKS_ALLOW_LOCAL_TARGETS=true
export ALLMENDE_WEBHOOKS_RETRY_BASE_MS=200
export ALLMENDE_WEBHOOKS_MAX_ATTEMPTS=3

# Demo mode, as `make run`: the demo accounts need no second factor (mfa.test.mjs turns it on
# for one of them, and the MFA requirement itself is checked with a mocked answer).
ALLMENDE_DEMO_MODE=true "$bin" serve --data "$work/data" --host 127.0.0.1 --port "$server_port" --port-file "$work/port" \
  --web-root web/dist --log-file "$work/server.log" --set "server.public_url=http://127.0.0.1:$server_port" \
  --set "mail.smtp_url=smtp://127.0.0.1:$smtp_port" --set "demo.mailbox_url=http://127.0.0.1:$mailbox_port" &
server_pid=$!

# Poll for the port file and /readyz, at most 60 s (the sanitizer build starts slowly).
deadline=$((SECONDS + 60))
port=""
until [ -n "$port" ] && curl -fsS "http://127.0.0.1:$port/readyz" > /dev/null 2>&1; do
  if ! kill -0 "$server_pid" 2> /dev/null; then
    echo "browser-test: the server exited" >&2
    tail -n 50 "$work/server.log" >&2 || true
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "browser-test: the server was not ready within 60 s" >&2
    exit 1
  fi
  [ -s "$work/port" ] && port=$(cat "$work/port")
  sleep 0.2
done
export ALLMENDE_URL="http://127.0.0.1:$port"
# The server's database, for tests that must move a visit to today (relief-budget.test.mjs).
export ALLMENDE_BROWSER_DB="$work/data/allmende.db"
echo "browser-test: server $bin on $ALLMENDE_URL"

mkdir -p test-output/screenshots
rm -f test-output/axe-summary.tsv test-output/screenshots/*.png

# One test file at a time: they share one server, and two cores are enough for one browser.
concurrency=()
if node --test-concurrency=1 -e 0 > /dev/null 2>&1; then concurrency=(--test-concurrency=1); fi
status=0
if [ "$#" -gt 0 ]; then files=("$@"); else files=(tests/browser/*.test.mjs); fi
node --test "${concurrency[@]}" "${files[@]}" || status=$?

if [ -f test-output/axe-summary.tsv ]; then
  echo
  echo "axe (WCAG 2.1 A/AA + best practice) per page and width: passed rules, then violations by impact"
  printf '%-28s %6s %6s %9s %8s %9s %6s  %s\n' page width passes critical serious moderate minor rules
  sort test-output/axe-summary.tsv | while IFS=$'\t' read -r page width passes crit ser mod min rules; do
    printf '%-28s %6s %6s %9s %8s %9s %6s  %s\n' "$page" "$width" "$passes" "$crit" "$ser" "$mod" "$min" "$rules"
  done
fi
if [ "$status" -ne 0 ]; then
  echo "browser-test: failed; the server's log follows" >&2
  tail -n 40 "$work/server.log" >&2 || true
fi
exit "$status"
