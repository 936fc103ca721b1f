#!/usr/bin/env bash
# Start a throw-away PostgreSQL server on 127.0.0.1 for the store's PostgreSQL tests.
#
#   eval "$(scripts/test_postgres.sh start)"   # exports POS_TEST_POSTGRES_URL
#   scripts/test_postgres.sh stop
#
# Installs Debian's postgresql package when it is missing (needs root, as CI has).
# The cluster lives in a temporary folder, listens on 127.0.0.1 only, trusts local
# connections and is removed by "stop".
set -euo pipefail
PORT="${POS_TEST_PG_PORT:-54329}"
STATE="${TMPDIR:-/tmp}/pos-test-pg"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if [ -z "$(pg_bin)" ]; then
      echo "installing postgresql (Debian package)" >&2
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    fi
    bin=$(pg_bin)
    # A server left over from an earlier run holds the port: stop it first.
    if [ -d "$STATE/data" ]; then
      as_postgres "$bin/pg_ctl" -D "$STATE/data" -m fast -w stop >&2 || true
    fi
    rm -rf "$STATE" && mkdir -p "$STATE"
    [ "$(id -u)" = 0 ] && chown postgres "$STATE"
    as_postgres "$bin/initdb" -D "$STATE/data" -A trust -U postgres >&2
    as_postgres "$bin/pg_ctl" -D "$STATE/data" -l "$STATE/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $STATE" start >&2
    echo "export POS_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    bin=$(pg_bin)
    [ -n "$bin" ] && [ -d "$STATE/data" ] && as_postgres "$bin/pg_ctl" -D "$STATE/data" -m fast -w stop >&2 || true
    rm -rf "$STATE"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
