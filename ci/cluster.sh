#!/usr/bin/env bash
# Two replicas of Emporium on one machine, behind HAProxy doing what the OpenShift router does: the proof that
# scale-out works (ClusterIT), and a way to watch it by hand.
#
#   ci/cluster.sh start            the service set's PostgreSQL, Artemis, Redis and S3 API server, replicas a and b
#                                  (Liberty servers emporium-a, emporium-b), HAProxy in front; waits until both are ready
#   ci/cluster.sh stop             stops the replicas, HAProxy and the services this script started
#   ci/cluster.sh status           which replica HAProxy sends to, and the services
#   ci/cluster.sh start-replica R  (re)starts replica R (a or b) and waits until it is ready
#   ci/cluster.sh term R           SIGTERM to replica R's JVM, as OpenShift ends a pod; waits until it has exited
#   ci/cluster.sh kill R           kill -9 of replica R's JVM, as a crash or an OOM kill does
#
# EMPORIUM_SERVICES picks the service set (dev by default; ClusterIT uses faults). CLUSTER_PORT (9090; 9290 in the
# tests) is HAProxy's; the replicas listen on CLUSTER_PORT+1 and +2. Every EMPORIUM_* variable of the caller is handed
# to both replicas (rate limits, demo data, admin account, shutdown delay...); CLUSTER_FRESH_DB=true starts from an
# empty database. The replicas are made from a Liberty
# server the build created (emporium-it, or emporium: made with `./mvnw -Pdev package liberty:create` if neither is
# there) and run target/emporium.war.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

CLUSTER_PORT="${CLUSTER_PORT:-9090}"
REPLICAS=(a b)
WLP="$PROJECT_DIR/target/liberty/wlp"
CLUSTER_DIR="$PROJECT_DIR/target/cluster/$EMPORIUM_SERVICES"
HAPROXY_PID="$CLUSTER_DIR/haproxy.pid"
STARTED_FILE="$CLUSTER_DIR/services-started"

replica_port() { case "$1" in a) echo $((CLUSTER_PORT + 1)) ;; b) echo $((CLUSTER_PORT + 2)) ;; *) die "no replica '$1' (a or b)" ;; esac; }
server_name() { echo "emporium-$1"; }
server_dir() { echo "$WLP/usr/servers/$(server_name "$1")"; }
replica_pid() { cat "$WLP/usr/servers/.pid/$(server_name "$1").pid" 2>/dev/null; }
ready() { [[ "$(curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$1/health/ready")" == 200 ]]; }

template() {
    local name
    for name in ${CLUSTER_TEMPLATE:-emporium-it emporium}; do
        [[ -d "$WLP/usr/servers/$name/artemis-ra" ]] && { echo "$WLP/usr/servers/$name"; return; }
    done
    log "no Liberty server to copy: creating 'emporium' with the build"
    "$MVNW" -B -ntp -q -Pdev package -DskipTests liberty:create >&2
    echo "$WLP/usr/servers/emporium"
}

# The server directory of replica R: the shipped server.xml and messaging.xml, the adapter and driver of the template, and the
# environment in server.env (so a restart by hand runs with the same configuration).
create_replica() {
    local replica=$1 port dir source
    port=$(replica_port "$replica"); dir=$(server_dir "$replica"); source=$(template)
    [[ -f target/emporium.war ]] || die "target/emporium.war is missing: run ./mvnw package first"
    rm -rf "$dir"
    mkdir -p "$dir/dropins" "$dir/lib"
    cp src/main/liberty/config/server.xml src/main/liberty/config/messaging.xml "$dir/"
    cp -r "$source/artemis-ra" "$dir/"
    cp -r "$source/lib/jdbc" "$dir/lib/"
    cp target/emporium.war "$dir/dropins/"
    # messages.log as JSON lines, as on OpenShift; every restart rolls it over: keep the log of a killed replica.
    printf '%s\n' "com.ibm.ws.logging.message.format=json" "com.ibm.ws.logging.max.files=20" > "$dir/bootstrap.properties"
    {
        # The template's server.env holds the password Liberty made for the server's default keystore, without which
        # the mpJwt configuration never activates (every token would be refused).
        grep -E '^keystore_password=' "$source/server.env" || true
        echo "HTTP_PORT=$port"
        echo "HTTPS_PORT=$((port + 400))"
        echo "DB_HOST=$DB_HOST"; echo "DB_PORT=$DB_PORT"; echo "DB_NAME=$DB_NAME"
        echo "DB_USER=$DB_USER"; echo "DB_PASSWORD=$DB_PASSWORD"
        echo "ARTEMIS_HOST=$ARTEMIS_HOST"; echo "ARTEMIS_PORT=$ARTEMIS_PORT"
        echo "ARTEMIS_USER=$ARTEMIS_USER"; echo "ARTEMIS_PASSWORD=$ARTEMIS_PASSWORD"
        echo "REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
        echo "S3_ENDPOINT=http://127.0.0.1:$S3_PORT"; echo "S3_BUCKET=$S3_BUCKET"
        echo "S3_ACCESS_KEY=$S3_ACCESS_KEY"; echo "S3_SECRET_KEY=$S3_SECRET_KEY"
        echo "SMTP_HOST=127.0.0.1"; echo "SMTP_PORT=$SMTP_PORT"
        echo "EMPORIUM_JWT_PRIVATE_KEY_FILE=$EMPORIUM_JWT_PRIVATE_KEY_FILE"
        echo "MP_JWT_VERIFY_PUBLICKEY_LOCATION=$MP_JWT_VERIFY_PUBLICKEY_LOCATION"
        # HAProxy is the router: its X-Forwarded-For names the client (and the tests' clients name themselves).
        echo "TRUSTED_PROXIES=127[.]0[.]0[.]1|0:0:0:0:0:0:0:1"
        echo "CORS_ALLOWED_ORIGINS=http://localhost:$CLUSTER_PORT"
        env | grep -E '^EMPORIUM_' | grep -vE '^EMPORIUM_(SERVICES|EXTERNAL_DB)=' || true
    } > "$dir/server.env"
}

start_replica() {
    local replica=$1 port
    port=$(replica_port "$replica")
    [[ -d "$(server_dir "$replica")" ]] || create_replica "$replica"
    port_open 127.0.0.1 "$port" && die "port $port is taken: is replica $replica already running?"
    "$WLP/bin/server" start "$(server_name "$replica")" >/dev/null
}

await_replica() {
    local replica=$1
    wait_for 240 "replica $replica ready on $(replica_port "$replica")" ready "$(replica_port "$replica")" \
        || die "replica $replica not ready; see $(server_dir "$replica")/logs/messages.log"
}

# SIGTERM, as the kubelet sends it, then wait for the JVM to be gone.
term_replica() {
    local replica=$1 pid
    pid=$(replica_pid "$replica") || die "replica $replica is not running"
    kill -TERM "$pid"
    local deadline=$((SECONDS + 90))
    while alive "$pid"; do
        (( SECONDS < deadline )) || die "replica $replica still running 90 s after SIGTERM"
        sleep 0.2
    done
    log "replica $replica exited after SIGTERM"
}

kill_replica() {
    local replica=$1 pid
    pid=$(replica_pid "$replica") || die "replica $replica is not running"
    kill -9 "$pid"
    while alive "$pid"; do sleep 0.1; done
    log "replica $replica killed (-9)"
}

haproxy_start() {
    if ! command -v haproxy >/dev/null; then
        log "haproxy is missing; installing Debian's"
        apt-get install -y -q haproxy >/dev/null 2>&1 || die "could not install haproxy (Debian package haproxy)"
    fi
    pid_running "$HAPROXY_PID" && return 0
    mkdir -p "$CLUSTER_DIR"
    # What the OpenShift router does for a route to a service with two ready pods: round robin over the ready ones
    # (here from /health/ready every second, out after two failures, as the kubelet's readiness probe takes a pod out
    # of the endpoints; a probe has 3 s to answer, the deployment's timeoutSeconds), another pod when a connection is
    # refused (redispatch), no retry of a request a pod already received. Its log, haproxy.log (each request; each time
    # a replica goes out or back, with the check's reason and duration), is shown beside a failed ClusterIT verdict.
    cat > "$CLUSTER_DIR/haproxy.cfg" <<CFG
global
    maxconn 4096
    log stdout format iso local0 info
defaults
    mode http
    log global
    option httplog
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    timeout check 3s
    retries 3
    option redispatch
    option forwardfor
    option http-server-close
frontend emporium
    bind 127.0.0.1:$CLUSTER_PORT
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /health/ready
    option log-health-checks
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    # Which replica answered: the tests count the orders each took.
    http-response set-header X-Emporium-Replica %s
CFG
    local replica
    for replica in "${REPLICAS[@]}"; do
        echo "    server $replica 127.0.0.1:$(replica_port "$replica") check" >> "$CLUSTER_DIR/haproxy.cfg"
    done
    haproxy -c -q -f "$CLUSTER_DIR/haproxy.cfg"
    # In the foreground (-db), so that its log can go to a file; nohup keeps it running after this script.
    nohup haproxy -db -f "$CLUSTER_DIR/haproxy.cfg" > "$CLUSTER_DIR/haproxy.log" 2>&1 &
    echo $! > "$HAPROXY_PID"
    log "HAProxy on 127.0.0.1:$CLUSTER_PORT"
}

services_start() {
    mkdir -p "$CLUSTER_DIR"
    : > "$STARTED_FILE"
    "$CI_DIR/jwt-keys.sh"
    local service
    for service in postgres artemis redis s3proxy; do
        "$CI_DIR/$service.sh" status >/dev/null 2>&1 || echo "$service" >> "$STARTED_FILE"
        "$CI_DIR/$service.sh" start
    done
    if [[ "${CLUSTER_FRESH_DB:-false}" == true ]]; then "$CI_DIR/postgres.sh" create-db "$DB_NAME" --fresh
    else "$CI_DIR/postgres.sh" create-db "$DB_NAME"; fi
}

case "${1:-}" in
    start)
        services_start
        for replica in "${REPLICAS[@]}"; do create_replica "$replica"; start_replica "$replica"; done
        for replica in "${REPLICAS[@]}"; do await_replica "$replica"; done
        haproxy_start
        wait_for 10 "HAProxy sees a ready replica" ready "$CLUSTER_PORT" || die "HAProxy has no ready replica"
        log "two replicas behind http://127.0.0.1:$CLUSTER_PORT/ (a: $(replica_port a), b: $(replica_port b))"
        ;;
    stop)
        pid_stop "$HAPROXY_PID" HAProxy
        for replica in "${REPLICAS[@]}"; do
            [[ -d "$(server_dir "$replica")" ]] && "$WLP/bin/server" stop "$(server_name "$replica")" >/dev/null 2>&1 || true
        done
        if [[ -f "$STARTED_FILE" ]]; then
            while read -r service; do "$CI_DIR/$service.sh" stop || true; done < "$STARTED_FILE"
            rm -f "$STARTED_FILE"
        fi
        ;;
    status)
        pid_running "$HAPROXY_PID" && echo "HAProxy up on $CLUSTER_PORT" || echo "HAProxy down"
        for replica in "${REPLICAS[@]}"; do
            ready "$(replica_port "$replica")" && echo "replica $replica ready" || echo "replica $replica not ready"
        done
        ;;
    start-replica) start_replica "${2:?replica}"; await_replica "$2" ;;
    term) term_replica "${2:?replica}" ;;
    kill) kill_replica "${2:?replica}" ;;
    *) echo "usage: $0 start|stop|status|start-replica R|term R|kill R" >&2; exit 2 ;;
esac
