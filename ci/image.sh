#!/usr/bin/env bash
# ci/image.sh base|build|test|all: the container image (Containerfile), built and tested on this machine.
#   base:  makes the local stand-in for the official Open Liberty kernel-slim image (docs/openshift.md, "The image"):
#          Debian's OpenJDK 17 (mmdebstrap) plus the Liberty runtime from Maven Central. Skipped when it exists and
#          its inputs have not changed (REBUILD_BASE=1 forces it).
#   build: stages the WAR and the server-level files (./mvnw -Pimage package; EMPORIUM_IMAGE_SKIP_PACKAGE=1 takes
#          what target/ already has) and builds the Containerfile on BASE_IMAGE (the local base unless set).
#   test:  runs the image as OpenShift would (random UID, group 0, the pods' 1 GiB memory limit, read-only root
#          filesystem, writable volumes only where the manifests mount them, configuration only from environment
#          variables and mounted files)
#          against the "test" service set's PostgreSQL and Artemis; places an order that must reach "processing";
#          checks the JSON log, the user and the read-only root; stops it with SIGTERM. About two minutes.
#          The container consumes from the test set's broker: do not run it while integration tests use that set.
# Needs podman (with runc), buildah and mmdebstrap (Debian packages), as root: ../shared/notes/containers.md.
set -euo pipefail
export EMPORIUM_SERVICES=test
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

IMAGE_NAME=emporium
pom_value() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -1; }
VERSION=$(pom_value version)
LIBERTY_VERSION=$(pom_value liberty.runtime.version)
IMAGE="localhost/$IMAGE_NAME:$VERSION"
LOCAL_BASE="localhost/emporium-liberty-base:$LIBERTY_VERSION"
BASE_IMAGE="${BASE_IMAGE:-$LOCAL_BASE}"
JRE_IMAGE=localhost/emporium-jre17:bookworm
WORK_DIR="$PROJECT_DIR/target/container"
CONTAINER=emporium-image-test
# The container's HTTP port on the host network.
TEST_HTTP_PORT="${TEST_HTTP_PORT:-9380}"

# crun fails on this kernel, and podman's default ulimits cannot be set here (containers.md).
mkdir -p "$WORK_DIR"
if [[ -z "${CONTAINERS_CONF:-}" ]]; then
    printf '[containers]\ndefault_ulimits = []\n' > "$WORK_DIR/containers.conf"
    export CONTAINERS_CONF="$WORK_DIR/containers.conf"
fi
podman() { command podman --runtime runc "$@"; }

seconds_since() { awk -v t0="$1" -v t1="$(date +%s.%N)" 'BEGIN { printf "%.1f", t1 - t0 }'; }
megabytes() { awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1000000 }'; }
image_size() { podman image inspect --format '{{.Size}}' "$1"; }

# --- base -----------------------------------------------------------------------------------------------------

jre_image() {
    podman image exists "$JRE_IMAGE" && return
    log "making $JRE_IMAGE from Debian packages (mmdebstrap)"
    # Essential packages and Java only (no apt: nothing installs packages at run time); no documentation or
    # translations. Manual pages stay: the JRE's update-alternatives links them and fails without their directory.
    mmdebstrap --quiet --variant=essential --include=openjdk-17-jre-headless,ca-certificates \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
        bookworm "$WORK_DIR/jre17.tar" /etc/apt/sources.list.d/debian.sources
    podman import --quiet "$WORK_DIR/jre17.tar" "$JRE_IMAGE" >/dev/null
    rm -f "$WORK_DIR/jre17.tar"
}

liberty_zip() {
    local zip="$WORK_DIR/openliberty-runtime-$LIBERTY_VERSION.zip"
    if [[ ! -f $zip ]]; then
        log "fetching openliberty-runtime $LIBERTY_VERSION through Maven"
        "$MVNW" -q -B -ntp dependency:copy -Dartifact="io.openliberty:openliberty-runtime:$LIBERTY_VERSION:zip" \
            -DoutputDirectory="$WORK_DIR" >/dev/null
    fi
    echo "$zip"
}

base() {
    # The image records what it was made from; a change to ci/container/ or the Liberty version makes a new one.
    local inputs current
    inputs=$( (cd "$CI_DIR/container" && find . -type f | sort | xargs sha256sum; echo "$LIBERTY_VERSION") \
        | sha256sum | cut -c1-16)
    current=$(podman image inspect --format '{{index .Labels "dev.emporium.base-inputs"}}' "$LOCAL_BASE" 2>/dev/null || true)
    if [[ $current == "$inputs" && ${REBUILD_BASE:-0} != 1 ]]; then
        log "$LOCAL_BASE is up to date"
        return
    fi
    jre_image
    local context="$WORK_DIR/base-context" zip
    zip=$(liberty_zip)
    rm -rf "$context"; mkdir -p "$context"
    cp -r "$CI_DIR/container/Containerfile.base" "$CI_DIR/container/helpers" "$context/"
    unzip -q "$zip" -d "$context"
    # Group 0 may write the runtime, as in the official image (and features.sh would need to).
    chmod -R g+rw "$context/wlp"
    log "building $LOCAL_BASE"
    podman build --quiet --isolation=chroot -f "$context/Containerfile.base" \
        --build-arg JRE_IMAGE="$JRE_IMAGE" --build-arg LIBERTY_VERSION="$LIBERTY_VERSION" \
        --label dev.emporium.base-inputs="$inputs" -t "$LOCAL_BASE" "$context" >/dev/null
    rm -rf "$context"
    log "$LOCAL_BASE: $(megabytes "$(image_size "$LOCAL_BASE")")"
}

# --- build ----------------------------------------------------------------------------------------------------

build() {
    [[ $BASE_IMAGE == "$LOCAL_BASE" ]] && base
    if [[ ${EMPORIUM_IMAGE_SKIP_PACKAGE:-0} == 1 ]]; then
        log "using the WAR and server files already in target/"
    else
        log "staging the WAR and the server-level files (./mvnw -Pimage package)"
        "$MVNW" -q -B -ntp -Pimage package -DskipTests
    fi
    local staged
    for staged in target/emporium.war target/image/servers/image/artemis-ra/META-INF/ra.xml \
                  target/image/servers/image/lib/jdbc/postgresql.jar; do
        [[ -f $staged ]] || die "$staged is missing: run ./mvnw -Pimage package"
    done
    log "building $IMAGE on $BASE_IMAGE"
    podman build --isolation=chroot -f Containerfile --build-arg BASE_IMAGE="$BASE_IMAGE" \
        --build-arg VERSION="$VERSION" --build-arg REVISION="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
        -t "$IMAGE" -t "localhost/$IMAGE_NAME:latest" . >&2
    local size base_size
    size=$(image_size "$IMAGE"); base_size=$(image_size "$BASE_IMAGE")
    echo "$IMAGE: $(megabytes "$size") ($size bytes; the base $(megabytes "$base_size"), Emporium's layers $(megabytes $((size - base_size))))"
}

# --- test -----------------------------------------------------------------------------------------------------

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
api() { curl -s --max-time 10 "$@"; }
http_status() { curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$1" || true; }
ready() { [[ $(http_status "http://127.0.0.1:$TEST_HTTP_PORT/health/ready") == 200 ]]; }
# The touch fails either way; what counts is why (pipefail would fail a pipeline of the two, so capture first).
read_only() { local answer; answer=$(podman exec "$CONTAINER" touch "$1" 2>&1 || true); [[ $answer == *'Read-only file system'* ]]; }
container_running() { [[ $(podman inspect --format '{{.State.Running}}' "$CONTAINER" 2>/dev/null) == true ]]; }
check() { if "${@:2}"; then log "ok: $1"; else FAILURES+=("$1"); log "FAILED: $1"; fi; }

test_image() {
    podman image exists "$IMAGE" || die "no image $IMAGE: run ci/image.sh build"
    port_open 127.0.0.1 "$TEST_HTTP_PORT" && die "port $TEST_HTTP_PORT is taken; set TEST_HTTP_PORT"
    FAILURES=()
    # Globals: the EXIT trap reads them after this function has returned.
    TMP_DIR=$(mktemp -d /tmp/emporium-image.XXXXXX)
    STARTED=()
    local tmp=$TMP_DIR service
    # The container's output is kept (target/container/test-container.log) for reading after a failure.
    trap 'podman logs "$CONTAINER" > "$WORK_DIR/test-container.log" 2>&1 || true
          podman rm -f -t 0 "$CONTAINER" >/dev/null 2>&1 || true
          for service in "${STARTED[@]}"; do "$CI_DIR/$service.sh" stop || true; done
          rm -rf "$TMP_DIR"' EXIT
    podman rm -f -t 0 "$CONTAINER" >/dev/null 2>&1 || true

    for service in postgres artemis; do
        "$CI_DIR/$service.sh" status >/dev/null 2>&1 || STARTED+=("$service")
        "$CI_DIR/$service.sh" start
    done
    local db=emporium_image
    "$CI_DIR/postgres.sh" create-db "$db" --fresh
    # A mail catcher of its own, on free ports (the test set's SMTP port belongs to the integration tests' server).
    local smtp_port imap_port
    smtp_port=$(free_port); imap_port=$(free_port)
    SMTP_PORT=$smtp_port MAILBOX_IMAP_PORT=$imap_port MAILBOX_API_PORT=$(free_port) "$CI_DIR/mailbox.sh" start
    STARTED+=(mailbox)

    # Secrets as OpenShift mounts them: one file per server variable, and the JWT key pair; readable, not writable.
    mkdir -p "$tmp/variables"
    printf '%s' "$DB_PASSWORD" > "$tmp/variables/DB_PASSWORD"
    printf '%s' "$ARTEMIS_PASSWORD" > "$tmp/variables/ARTEMIS_PASSWORD"
    java "$CI_DIR/GenerateJwtKeys.java" "$tmp/jwt"
    chmod -R a+rX "$tmp"
    local admin_email=image-admin@emporium.test admin_password
    admin_password="Image-Admin-$(head -c 9 /dev/urandom | base64 | tr '+/' 'xy')"

    # An arbitrary UID in group 0, as OpenShift's restricted SCC assigns; writable only where the manifests mount
    # emptyDir volumes, empty as those are (podman would otherwise copy the image's directory into a tmpfs).
    local uid t0
    uid=$(shuf -i 1000000000-2000000000 -n 1)
    log "starting $IMAGE as UID $uid, group 0, read-only root filesystem"
    t0=$(date +%s.%N)
    # The pods' memory limit (deploy/base/app), so that the heap is sized from it as in the cluster.
    podman run -d --name "$CONTAINER" --network host --user "$uid:0" --read-only --memory 1g --memory-swap 1g \
        --tmpfs /logs:rw,mode=1777,notmpcopyup --tmpfs /opt/ol/wlp/output:rw,mode=1777,notmpcopyup \
        --tmpfs /tmp:rw,mode=1777,notmpcopyup \
        -v "$tmp/variables:/config/variables:ro" -v "$tmp/jwt:/etc/emporium/jwt:ro" \
        -e HTTP_PORT="$TEST_HTTP_PORT" \
        -e DB_HOST=127.0.0.1 -e DB_PORT="$DB_PORT" -e DB_NAME="$db" -e DB_USER="$DB_USER" \
        -e ARTEMIS_HOST=127.0.0.1 -e ARTEMIS_PORT="$ARTEMIS_PORT" -e ARTEMIS_USER="$ARTEMIS_USER" \
        -e SMTP_HOST=127.0.0.1 -e SMTP_PORT="$smtp_port" \
        -e EMPORIUM_JWT_PRIVATE_KEY_FILE=/etc/emporium/jwt/private.pem \
        -e MP_JWT_VERIFY_PUBLICKEY_LOCATION=/etc/emporium/jwt/public.pem \
        -e EMPORIUM_ADMIN_EMAIL="$admin_email" -e EMPORIUM_ADMIN_PASSWORD="$admin_password" \
        "$IMAGE" >/dev/null
    local deadline=$((SECONDS + 240))
    until ready; do
        container_running || { podman logs "$CONTAINER" | tail -40 >&2; die "the container exited before it was ready"; }
        (( SECONDS < deadline )) || { podman logs "$CONTAINER" | tail -40 >&2; die "not ready within 240 s"; }
        sleep 0.25
    done
    local ready_seconds; ready_seconds=$(seconds_since "$t0")
    log "ready after $ready_seconds s"

    # A customer orders a product the bootstrap administrator created.
    local base_url="http://127.0.0.1:$TEST_HTTP_PORT/api/v1" name email admin customer category product order
    name="img$(date +%s%N | tail -c 9)"; email="$name@example.com"
    api -X POST "$base_url/auth/register" -H 'Content-Type: application/json' \
        -d "{\"username\": \"$name\", \"email\": \"$email\", \"password\": \"a perfectly long passphrase\"}" >/dev/null
    customer=$(api -X POST "$base_url/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\": \"$email\", \"password\": \"a perfectly long passphrase\"}" | jq -r .access_token)
    admin=$(api -X POST "$base_url/auth/login" -H 'Content-Type: application/json' \
        -d "{\"email\": \"$admin_email\", \"password\": \"$admin_password\"}" | jq -r .access_token)
    [[ $customer != null && $admin != null ]] || die "could not log in the customer or the bootstrap administrator"
    category=$(api -X POST "$base_url/categories" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "{\"name\": \"Image test $name\", \"slug\": \"c-$name\", \"description\": \"made by ci/image.sh\"}" | jq -r .id)
    product=$(api -X POST "$base_url/products" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
        -d "{\"name\": \"Lamp $name\", \"description\": \"made by ci/image.sh\", \"price\": 19.99, \"stock\": 5,
             \"category_id\": \"$category\", \"sku\": \"IMG-$name\", \"currency\": \"EUR\"}" | jq -r .product_id)
    local t_order placed status=""
    t_order=$(date +%s.%N)
    placed=$(api -X POST "$base_url/orders" -H "Authorization: Bearer $customer" -H 'Content-Type: application/json' \
        -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
        -d "{\"items\": [{\"product_id\": \"$product\", \"quantity\": 1}], \"shipping_address\": \"1 Main Street\",
             \"payment_token\": \"tok_visa\"}")
    order=$(jq -r .order_id <<<"$placed")
    [[ $order != null ]] || die "the order was refused: $placed"
    deadline=$((SECONDS + 60))
    while (( SECONDS < deadline )); do
        status=$(api "$base_url/orders/$order" -H "Authorization: Bearer $customer" | jq -r .status)
        [[ $status == processing ]] && break
        sleep 0.2
    done
    local processing_seconds; processing_seconds=$(seconds_since "$t_order")
    check "order $order reached processing ($status after $processing_seconds s)" [ "$status" == processing ]
    # The confirmation mail, in the catcher's mailbox for the customer's address.
    mail_arrived() { curl -s --max-time 5 --user "$email:any" "imap://127.0.0.1:$imap_port/INBOX" -X 'SEARCH ALL' | grep -q '^\* SEARCH [0-9]'; }
    check "order confirmation mail delivered to $email" wait_for 60 "mail" mail_arrived

    # The process: the UID given, group 0, and Java itself as PID 1 (so that SIGTERM reaches the JVM).
    local pid
    pid=$(podman inspect --format '{{.State.Pid}}' "$CONTAINER")
    check "PID 1 runs as UID $uid, GID 0" grep -qE "^Uid:\s+$uid\s" "/proc/$pid/status"
    check "PID 1 runs with GID 0" grep -qE "^Gid:\s+0\s" "/proc/$pid/status"
    check "PID 1 is the JVM ($(cat "/proc/$pid/comm"))" [ "$(cat "/proc/$pid/comm")" == java ]
    check "the root filesystem refuses writes to /opt/ol/wlp/usr" read_only /opt/ol/wlp/usr/x
    check "the root filesystem refuses writes to /config" read_only /config/configDropins/overrides/x.xml
    check "/tmp is writable" podman exec "$CONTAINER" touch /tmp/x
    # Beyond loopback (where Liberty's command port is), only HTTP: no JMX, no HTTPS, nothing else in the pod.
    local listening
    listening=$(ss -ltnpH | grep "pid=$pid," | awk '{print $4}' | grep -vE '^(127\.|\[::ffff:127\.|\[::1\])' \
        | sed 's/.*://' | sort -un | tr '\n' ' ')
    check "listens beyond loopback on $TEST_HTTP_PORT only (found: $listening)" [ "$listening" == "$TEST_HTTP_PORT " ]

    # Graceful stop: SIGTERM, readiness DOWN at once, the server stops within the grace period.
    local t_stop stop_seconds exit_code down_seconds=""
    t_stop=$(date +%s.%N)
    podman stop -t 60 "$CONTAINER" >/dev/null &
    local stopper=$!
    while kill -0 "$stopper" 2>/dev/null; do
        if [[ -z $down_seconds && $(http_status "http://127.0.0.1:$TEST_HTTP_PORT/health/ready") == 503 ]]; then
            down_seconds=$(seconds_since "$t_stop")
        fi
        sleep 0.1
    done
    wait "$stopper"
    stop_seconds=$(seconds_since "$t_stop")
    exit_code=$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")

    # Standard output: one JSON object per line, Liberty's fields in each. The one exception is the launcher's
    # banner ("Launching defaultServer (Open Liberty ...) on ..."), printed before Liberty's logging starts.
    local log_file="$tmp/stdout.log" lines bad
    podman logs "$CONTAINER" > "$log_file" 2>/dev/null
    lines=$(grep -c . "$log_file" || true)
    grep . "$log_file" | grep -v '^Launching defaultServer (' | while IFS= read -r line; do
        jq -e 'type == "object"' <<<"$line" >/dev/null 2>&1 || printf '%s\n' "$line"
    done > "$tmp/not-json.log"
    bad=$(grep -c . "$tmp/not-json.log" || true)
    (( bad == 0 )) || { log "not JSON:"; head -5 "$tmp/not-json.log" | cut -c1-200 >&2; }
    check "all $lines lines of standard output but the launcher's banner are JSON objects ($bad are not)" [ "$bad" -eq 0 ]
    grep -v '^Launching defaultServer (' "$log_file" > "$tmp/json.log"
    check "log messages carry ibm_datetime and message" \
        bash -c "jq -e -s 'map(select(.ibm_datetime and .message)) | length > 0' '$tmp/json.log' >/dev/null"
    check "the server reported it stopped (CWWKE0036I)" grep -q CWWKE0036I "$log_file"
    local started_in
    started_in=$(grep -o 'CWWKF0011I[^"]*' "$log_file" | grep -o '[0-9.]* seconds' | head -1 || true)

    cat <<SUMMARY

Container test of $IMAGE (base $BASE_IMAGE)
  image size              $(megabytes "$(image_size "$IMAGE")")
  user                    UID $uid, GID 0; root filesystem read-only; writable: /logs, /opt/ol/wlp/output, /tmp
  start to /health/ready  $ready_seconds s (Liberty: server started in ${started_in:-?})
  order                   $order: processing $processing_seconds s after it was placed
  SIGTERM (podman stop)   readiness 503 after ${down_seconds:-never seen} s; stopped after $stop_seconds s, exit code $exit_code
  standard output         $lines lines, $bad not JSON
SUMMARY
    if (( ${#FAILURES[@]} )); then
        printf '  FAILED: %s\n' "${FAILURES[@]}"
        exit 1
    fi
    echo "  all checks passed"
}

case "${1:-}" in
    base)  base ;;
    build) build ;;
    test)  test_image ;;
    all)   build; test_image ;;
    *)     echo "usage: $0 base|build|test|all" >&2; exit 2 ;;
esac
