# Sourced by the other ci/ scripts: one place for the coordinates of the services they start.
# Every value may be set from outside; the defaults match server.xml.

CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT_DIR="$(cd "$CI_DIR/.." && pwd)"

# Three sets of services can run side by side: "dev" for ci/run.sh (the demo), "test" for ci/test.sh, and "faults"
# for the fault-injection tests (FaultMatrixIT), which kill and stop their own database and broker; so that tests
# never consume the demo's messages nor stop a database another run uses.
export EMPORIUM_SERVICES="${EMPORIUM_SERVICES:-dev}"
case "$EMPORIUM_SERVICES" in
    dev)  default_db_port=55432; default_artemis_port=61626; default_db_name=emporium; default_s3_port=61680; default_smtp_port=61627; default_redis_port=61669; default_prometheus_port=61671 ;;
    test) default_db_port=55442; default_artemis_port=61636; default_db_name=emporium_test; default_s3_port=61690; default_smtp_port=61637; default_redis_port=61679; default_prometheus_port=61681 ;;
    faults) default_db_port=55452; default_artemis_port=61646; default_db_name=emporium_faults; default_s3_port=61700; default_smtp_port=61637; default_redis_port=61689; default_prometheus_port=61691 ;;
    *)    echo "EMPORIUM_SERVICES must be dev, test or faults" >&2; exit 2 ;;
esac
SERVICES_DIR="$PROJECT_DIR/target/services/$EMPORIUM_SERVICES"

# An explicit DB_HOST or DB_PORT means "use that server"; otherwise ci/postgres.sh runs a private cluster.
# Decided once, by the first script, and passed down to the scripts (and tests) it runs.
if [[ -z "${EMPORIUM_EXTERNAL_DB:-}" ]]; then
    if [[ -n "${DB_HOST:-}${DB_PORT:-}" ]]; then EMPORIUM_EXTERNAL_DB=1; else EMPORIUM_EXTERNAL_DB=0; fi
fi
export EMPORIUM_EXTERNAL_DB
export DB_HOST="${DB_HOST:-127.0.0.1}"
export DB_PORT="${DB_PORT:-$default_db_port}"
export DB_NAME="${DB_NAME:-$default_db_name}"
export DB_USER="${DB_USER:-emporium}"
export DB_PASSWORD="${DB_PASSWORD:-emporium}"

export ARTEMIS_HOST="${ARTEMIS_HOST:-127.0.0.1}"
export ARTEMIS_PORT="${ARTEMIS_PORT:-$default_artemis_port}"
export ARTEMIS_USER="${ARTEMIS_USER:-emporium}"
export ARTEMIS_PASSWORD="${ARTEMIS_PASSWORD:-emporium}"
ARTEMIS_VERSION="2.40.0"

# The S3 API server the tests use (ci/s3proxy.sh); the run uses the file-system store unless S3_ENDPOINT is set.
S3_PORT="${S3_PORT:-$default_s3_port}"
S3_BUCKET="${S3_BUCKET:-emporium-images}"
S3_ACCESS_KEY="${S3_ACCESS_KEY:-emporium}"
S3_SECRET_KEY="${S3_SECRET_KEY:-emporium-local-secret}"

# Customer e-mail: the demo sends it to ci/mailbox.sh; the tests run an SMTP server of their own on it.smtp.port.
export SMTP_PORT="${SMTP_PORT:-$default_smtp_port}"
MAILBOX_IMAP_PORT="${MAILBOX_IMAP_PORT:-61629}"
MAILBOX_API_PORT="${MAILBOX_API_PORT:-61628}"

# Rate limits: ci/redis.sh runs a Redis server for the tests (the demo counts in memory unless REDIS_URL is set).
REDIS_PORT="${REDIS_PORT:-$default_redis_port}"
# Prometheus (ci/prometheus.sh), scraping a server with the rules of deploy/base/monitoring.
PROMETHEUS_PORT="${PROMETHEUS_PORT:-$default_prometheus_port}"

# Access tokens are signed with this RSA key pair; ci/services.sh makes one per service set if none is given.
JWT_KEY_DIR="$SERVICES_DIR/jwt"
export EMPORIUM_JWT_PRIVATE_KEY_FILE="${EMPORIUM_JWT_PRIVATE_KEY_FILE:-$JWT_KEY_DIR/private.pem}"
export MP_JWT_VERIFY_PUBLICKEY_LOCATION="${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-$JWT_KEY_DIR/public.pem}"

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

# apt_install <package...>: installs Debian packages without their recommendations, as root. Another apt-get or dpkg
# (an image build, another session's install) may hold dpkg's locks: it waits for them rather than fail; apt-get's own
# lock timeout covers the front-end lock, the wait here the time before apt-get even starts.
apt_install() {
    [[ $(id -u) -eq 0 ]] || die "missing Debian packages: $*; install them (apt-get install $*)"
    dpkg_free() { ! fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1; }
    if command -v fuser >/dev/null 2>&1 && ! dpkg_free; then
        log "another package installation is running: waiting for it (up to 15 minutes)"
        wait_for 900 "dpkg lock released" dpkg_free || die "dpkg stayed locked for 15 minutes; try again later"
    fi
    log "installing $* from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -qq >/dev/null
    apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "$@" >/dev/null
}

# fetch_jar <group:artifact:version[:type:classifier]> <jar>: downloads a jar from Maven Central once.
fetch_jar() {
    [[ -f "$2" ]] && return 0
    log "fetching $1 through Maven"
    "$MVNW" -q -B -f "$PROJECT_DIR/pom.xml" dependency:copy -Dartifact="$1" -DoutputDirectory="$(dirname "$2")" >/dev/null
}

# alive <pid>: whether the process runs (a killed child its parent has not reaped yet is a zombie: not alive).
alive() { kill -0 "$1" 2>/dev/null && [[ "$(ps -o stat= -p "$1" 2>/dev/null)" != Z* ]]; }

# pid_running <pid file>: whether the process the file names is alive.
pid_running() { [[ -f "$1" ]] && alive "$(cat "$1")"; }

# pid_stop <pid file> <name>: stops the process the file names, if it runs.
pid_stop() {
    if pid_running "$1"; then
        kill "$(cat "$1")"
        rm -f "$1"
        log "$2 stopped"
    fi
}
