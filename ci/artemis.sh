#!/usr/bin/env bash
# ci/artemis.sh start|stop|status
#   start: fetches the Artemis distribution through Maven (once), creates a broker instance under
#          target/services/<set>/artemis (once), starts it and waits until it is live. Does nothing if it is running.
#   stop:  stops the broker this script started. Its journal stays: messages survive a restart.
#   kill:  kills it with SIGKILL, as a crash would (fault tests).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

# One unpacked distribution serves the broker instances of both service sets.
DIST_PARENT="$PROJECT_DIR/target/services"
DIST_DIR="$DIST_PARENT/apache-artemis-$ARTEMIS_VERSION"
INSTANCE_DIR="$SERVICES_DIR/artemis"
PID_FILE="$INSTANCE_DIR/data/emporium-broker.pid"
CONSOLE_LOG="$INSTANCE_DIR/log/console.log"

running() {
    pid_running "$PID_FILE"
}

fetch_distribution() {
    [[ -x "$DIST_DIR/bin/artemis" ]] && return
    mkdir -p "$DIST_PARENT"
    log "fetching apache-artemis $ARTEMIS_VERSION through Maven"
    "$MVNW" -q -B -f "$PROJECT_DIR/pom.xml" dependency:copy \
        -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin" \
        -DoutputDirectory="$DIST_PARENT" >/dev/null
    tar -xzf "$DIST_PARENT/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz" -C "$DIST_PARENT"
    rm -f "$DIST_PARENT/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz"
}

create_instance() {
    [[ -f "$INSTANCE_DIR/etc/broker.xml" ]] && return
    log "creating broker instance in $INSTANCE_DIR"
    "$DIST_DIR/bin/artemis" create "$INSTANCE_DIR" --silent --force --no-web --no-autotune \
        --no-amqp-acceptor --no-hornetq-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
        --host "$ARTEMIS_HOST" --default-port "$ARTEMIS_PORT" --name emporium \
        --require-login --user "$ARTEMIS_USER" --password "$ARTEMIS_PASSWORD" --role amq >/dev/null
}

# Written at every start: the instance always runs the broker.xml of this checkout.
write_configuration() {
    sed -e "s/@HOST@/$ARTEMIS_HOST/g" -e "s/@PORT@/$ARTEMIS_PORT/g" -e "s/@NAME@/emporium/g" \
        "$CI_DIR/artemis/broker.xml" > "$INSTANCE_DIR/etc/broker.xml"
}

broker_live() {
    port_open "$ARTEMIS_HOST" "$ARTEMIS_PORT" && grep -q AMQ221007 "$CONSOLE_LOG" 2>/dev/null
}

case "${1:-}" in
    start)
        if running; then
            log "Artemis already running on $ARTEMIS_HOST:$ARTEMIS_PORT"
            exit 0
        fi
        port_open "$ARTEMIS_HOST" "$ARTEMIS_PORT" && die "port $ARTEMIS_PORT is taken by another process; set ARTEMIS_PORT"
        fetch_distribution
        create_instance
        write_configuration
        mkdir -p "$INSTANCE_DIR/log" "$INSTANCE_DIR/data"
        # Not bin/artemis-service: it reads ARTEMIS_USER as the OS user to run as, and we use that name for the
        # broker login. bin/artemis execs the JVM, so $! is the broker's pid.
        nohup "$INSTANCE_DIR/bin/artemis" run > "$CONSOLE_LOG" 2>&1 < /dev/null &
        echo $! > "$PID_FILE"
        wait_for 90 "Artemis on $ARTEMIS_HOST:$ARTEMIS_PORT" broker_live \
            || die "Artemis did not come up; see $CONSOLE_LOG"
        ;;
    stop)
        if running; then
            pid=$(cat "$PID_FILE")
            kill "$pid"
            wait_for 60 "Artemis shutdown" bash -c "! kill -0 $pid || [[ \$(ps -o stat= -p $pid) == Z* ]]" || kill -9 "$pid" 2>/dev/null || true
            rm -f "$PID_FILE"
            log "Artemis stopped"
        fi
        ;;
    kill)
        if running; then
            kill -9 "$(cat "$PID_FILE")"
            rm -f "$PID_FILE"
            log "Artemis killed"
        fi
        ;;
    status)
        running && echo "Artemis up at $ARTEMIS_HOST:$ARTEMIS_PORT" || { echo "Artemis down"; exit 1; }
        ;;
    *)
        echo "usage: $0 start|stop|kill|status" >&2; exit 2
        ;;
esac
