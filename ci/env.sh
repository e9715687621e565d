# Sourced by the other ci/ scripts: one place for the coordinates of the services they start.
# Every value may be set from outside; the defaults match server.xml.

CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$CI_DIR/.." && pwd)"
SERVICES_DIR="$PROJECT_DIR/target/services"

# An explicit DB_HOST or DB_PORT means "use that server"; otherwise ci/postgres.sh runs a private cluster.
# Decided once, by the first script, and passed down to the scripts (and tests) it runs.
if [[ -z "${EMPORIUM_EXTERNAL_DB:-}" ]]; then
    if [[ -n "${DB_HOST:-}${DB_PORT:-}" ]]; then EMPORIUM_EXTERNAL_DB=1; else EMPORIUM_EXTERNAL_DB=0; fi
fi
export EMPORIUM_EXTERNAL_DB
export DB_HOST="${DB_HOST:-127.0.0.1}"
export DB_PORT="${DB_PORT:-55432}"
export DB_NAME="${DB_NAME:-emporium}"
export DB_USER="${DB_USER:-emporium}"
export DB_PASSWORD="${DB_PASSWORD:-emporium}"

export ARTEMIS_HOST="${ARTEMIS_HOST:-127.0.0.1}"
export ARTEMIS_PORT="${ARTEMIS_PORT:-61626}"
export ARTEMIS_USER="${ARTEMIS_USER:-emporium}"
export ARTEMIS_PASSWORD="${ARTEMIS_PASSWORD:-emporium}"
ARTEMIS_VERSION="2.40.0"

MVNW="$PROJECT_DIR/mvnw"

log() { printf '[%s] %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# wait_for <seconds> <description> <command...>: polls the command every half second.
wait_for() {
    local timeout=$1 what=$2; shift 2
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        (( SECONDS < deadline )) || return 1
        sleep 0.5
    done
    log "$what: ok"
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
