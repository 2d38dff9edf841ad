#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL 15 cluster for the sync-server integration tests and
# prints `DATABASE_URL_TEST=postgres://…` on stdout, so CI can do:
#
#   eval "$(bash scripts/start-test-postgres.sh)" && export DATABASE_URL_TEST
#
# Idempotent: a second run finds the running cluster and prints the same URL. Works on a fresh
# Debian with the `postgresql` package installed (binaries in /usr/lib/postgresql/15/bin). initdb
# refuses to run as root, so as root the cluster belongs to the `postgres` user (runuser).
# Everything else goes to stderr.
#
# Environment: PD_TEST_PG_PORT (55432), PD_TEST_PG_DIR (/tmp/partner-desk-test-pg),
# PD_TEST_PG_DB (partner_desk_test), PG_BIN (/usr/lib/postgresql/15/bin).
# Stop it with: runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PD_TEST_PG_DIR/data" stop
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PORT="${PD_TEST_PG_PORT:-55432}"
BASE="${PD_TEST_PG_DIR:-/tmp/partner-desk-test-pg}"
DB="${PD_TEST_PG_DB:-partner_desk_test}"
DATA="$BASE/data"
SOCK="$BASE/socket"
LOG="$BASE/postgres.log"
PGUSER_NAME="postgres"
PASSWORD="partner_desk_test"

log() { echo "start-test-postgres: $*" >&2; }

if [[ ! -x "$PG_BIN/initdb" ]]; then
  log "PostgreSQL binaries not found in $PG_BIN (apt-get install -y postgresql)"
  exit 1
fi

# Run a command as the cluster owner: the postgres user when we are root, ourselves otherwise.
if [[ "$(id -u)" == "0" ]]; then
  OWNER="postgres"
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

mkdir -p "$BASE" "$SOCK"
chmod 755 "$BASE"
chmod 700 "$SOCK"
if [[ "$(id -u)" == "0" ]]; then chown "$OWNER": "$BASE" "$SOCK"; fi

if [[ ! -f "$DATA/PG_VERSION" ]]; then
  log "initialising cluster in $DATA"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  if [[ "$(id -u)" == "0" ]]; then chown "$OWNER": "$DATA"; fi
  PWFILE="$BASE/pwfile"
  printf '%s\n' "$PASSWORD" > "$PWFILE"
  if [[ "$(id -u)" == "0" ]]; then chown "$OWNER": "$PWFILE"; fi
  as_owner "$PG_BIN/initdb" -D "$DATA" -U "$PGUSER_NAME" --pwfile="$PWFILE" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2 \
    || as_owner "$PG_BIN/initdb" -D "$DATA" -U "$PGUSER_NAME" --pwfile="$PWFILE" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --no-locale >&2
  rm -f "$PWFILE"
  cat >> "$DATA/postgresql.conf" <<CONF
# partner-desk test cluster
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCK'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
fi

if as_owner "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "cluster already running on port $PORT"
else
  log "starting cluster on port $PORT"
  as_owner "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >&2
fi

for _ in $(seq 1 60); do
  if as_owner "$PG_BIN/pg_isready" -h "$SOCK" -p "$PORT" -q; then break; fi
  sleep 0.5
done
as_owner "$PG_BIN/pg_isready" -h "$SOCK" -p "$PORT" -q || { log "cluster did not become ready (see $LOG)"; exit 1; }

EXISTS="$(as_owner "$PG_BIN/psql" -h "$SOCK" -p "$PORT" -U "$PGUSER_NAME" -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [[ "$EXISTS" != "1" ]]; then
  log "creating database $DB"
  as_owner "$PG_BIN/createdb" -h "$SOCK" -p "$PORT" -U "$PGUSER_NAME" "$DB" >&2
fi

echo "DATABASE_URL_TEST=postgres://$PGUSER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
