#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the tests: initialised in a temporary folder, listening on a free
# loopback port, run as an unprivileged user (the Debian package's `postgres` account when we are
# root), stopped and removed afterwards.
#   scripts/test-postgres.sh start DIR   prints the admin URL (postgresql://…/postgres)
#   scripts/test-postgres.sh stop DIR
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?folder}
pgbin=/usr/lib/postgresql/15/bin
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$pgbin/initdb" -D "$dir/data" --auth=trust -U postgres -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1
    port=""
    for _ in $(seq 1 50); do
      p=$((30000 + RANDOM % 20000))
      if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then port=$p; break; fi
    done
    [ -n "$port" ] || { echo "test-postgres: no free port" >&2; exit 1; }
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=128MB" \
      start > /dev/null
    echo "postgresql://postgres@127.0.0.1:${port}/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
