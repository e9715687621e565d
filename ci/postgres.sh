#!/usr/bin/env bash
# ci/postgres.sh start|stop|status|psql [args]
#   start: with DB_HOST/DB_PORT set, checks that server and uses it; otherwise starts (once) a private cluster
#          under target/services/<set>/postgres on DB_PORT (55432 dev, 55442 test, 55452 faults).
#   stop:  stops the private cluster if this script started it; an external server is left alone.
#   crash: stops the private cluster at once (immediate mode: no checkpoint, clients cut off), as a crash would.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

PG_DIR="$SERVICES_DIR/postgres"
# As root, the cluster runs as the postgres user, who must be able to reach its directory. A checkout under a private
# home directory is out of its reach: the cluster then lives under /var/tmp, one per checkout and service set.
if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$PROJECT_DIR" 2>/dev/null; then
    PG_DIR="/var/tmp/emporium-$(printf '%s' "$PROJECT_DIR" | md5sum | cut -c1-8)/$EMPORIUM_SERVICES/postgres"
fi
PGDATA_DIR="$PG_DIR/data"
PGSOCKET_DIR="$PG_DIR/socket"

pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x "$dir/$1" ]] && { echo "$dir/$1"; return; }
    done
    command -v "$1" || return 1
}

install_postgres() {
    pg_bin initdb >/dev/null 2>&1 && return
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server binaries are missing; install the 'postgresql' package"
    log "installing PostgreSQL server binaries from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq postgresql >/dev/null
}

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
    # From / : the postgres user may not be allowed into the current directory.
    if [[ $(id -u) -eq 0 ]]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

superuser_psql() {
    if [[ $EMPORIUM_EXTERNAL_DB == 1 ]]; then
        PGPASSWORD="$DB_PASSWORD" psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" "$@"
    else
        as_owner "$(pg_bin psql)" -h "$PGSOCKET_DIR" -p "$DB_PORT" -U postgres "$@"
    fi
}

private_running() {
    [[ -f "$PGDATA_DIR/postmaster.pid" ]] && as_owner "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" status >/dev/null 2>&1
}

start_private() {
    install_postgres
    if private_running; then
        log "private PostgreSQL already running on port $DB_PORT"
    else
        port_open 127.0.0.1 "$DB_PORT" && die "port $DB_PORT is taken by another process; set DB_PORT"
        mkdir -p "$PGSOCKET_DIR"
        [[ $(id -u) -eq 0 ]] && chown postgres "$PG_DIR" "$PGSOCKET_DIR"
        if [[ ! -f "$PGDATA_DIR/PG_VERSION" ]]; then
            log "initialising a private PostgreSQL cluster in $PGDATA_DIR"
            as_owner "$(pg_bin initdb)" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
            cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $DB_PORT
unix_socket_directories = '$PGSOCKET_DIR'
max_connections = 200
shared_buffers = 256MB
CONF
        fi
        # Prepared transactions allowed: only the XA side of the XA-against-outbox measurement uses them.
        as_owner "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" -l "$PG_DIR/server.log" -o "-c max_prepared_transactions=64" \
            -w -t 60 start >/dev/null
        log "private PostgreSQL started on port $DB_PORT"
    fi
    superuser_psql -d postgres -v ON_ERROR_STOP=1 -q <<SQL
SELECT 'CREATE ROLE ' || quote_ident('$DB_USER') || ' LOGIN PASSWORD ' || quote_literal('$DB_PASSWORD')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER') \gexec
SQL
}

check_external() {
    wait_for 30 "PostgreSQL at $DB_HOST:$DB_PORT" port_open "$DB_HOST" "$DB_PORT" \
        || die "no PostgreSQL answers at $DB_HOST:$DB_PORT"
}

# create_db NAME [--fresh]: makes sure the database exists, owned by DB_USER; --fresh drops it first.
create_db() {
    local name=$1 fresh=${2:-}
    if [[ $fresh == --fresh ]]; then
        superuser_psql -d postgres -q -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
    fi
    superuser_psql -d postgres -v ON_ERROR_STOP=1 -q <<SQL
SELECT 'CREATE DATABASE ' || quote_ident('$name') || ' OWNER ' || quote_ident('$DB_USER')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$name') \gexec
SQL
}

case "${1:-}" in
    start)
        if [[ $EMPORIUM_EXTERNAL_DB == 1 ]]; then check_external; else start_private; fi
        create_db "$DB_NAME"
        ;;
    create-db)
        shift; create_db "$@"
        ;;
    stop)
        if [[ $EMPORIUM_EXTERNAL_DB == 0 ]] && private_running; then
            as_owner "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
            log "private PostgreSQL stopped"
        fi
        ;;
    crash)
        if [[ $EMPORIUM_EXTERNAL_DB == 0 ]] && private_running; then
            as_owner "$(pg_bin pg_ctl)" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null
            log "private PostgreSQL stopped in immediate mode"
        fi
        ;;
    status)
        port_open "$DB_HOST" "$DB_PORT" && echo "PostgreSQL up at $DB_HOST:$DB_PORT" || { echo "PostgreSQL down"; exit 1; }
        ;;
    psql)
        shift; superuser_psql "$@"
        ;;
    *)
        echo "usage: $0 start|stop|crash|status|create-db NAME [--fresh]|psql [args]" >&2; exit 2
        ;;
esac
