#!/usr/bin/env bash
# ci/redis.sh start|stop|status: a private Redis server (Debian's redis-server; installed with apt-get when missing
# and possible) on REDIS_PORT, without persistence, for the rate limits the replicas share. The tests' server uses it
# (REDIS_URL); the demo keeps its limits in memory unless REDIS_URL is set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

REDIS_DIR="$SERVICES_DIR/redis"
PID_FILE="$REDIS_DIR/redis.pid"

case "${1:-}" in
    start)
        if pid_running "$PID_FILE"; then log "Redis already running on $REDIS_PORT"; exit 0; fi
        port_open 127.0.0.1 "$REDIS_PORT" && die "port $REDIS_PORT is taken by another process; set REDIS_PORT"
        if ! command -v redis-server >/dev/null; then
            log "redis-server is missing; installing Debian's"
            { apt-get install -y -q redis-server || sudo -n apt-get install -y -q redis-server; } >/dev/null 2>&1 \
                || die "could not install redis-server; install it (Debian package redis-server) and run again"
        fi
        mkdir -p "$REDIS_DIR"
        redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
            --pidfile "$PID_FILE" --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log"
        wait_for 30 "Redis on 127.0.0.1:$REDIS_PORT" port_open 127.0.0.1 "$REDIS_PORT" \
            || die "Redis did not come up; see $REDIS_DIR/redis.log"
        ;;
    stop)
        pid_stop "$PID_FILE" Redis
        ;;
    status)
        pid_running "$PID_FILE" && echo "Redis up on $REDIS_PORT" || { echo "Redis down"; exit 1; }
        ;;
    *)
        echo "usage: $0 start|stop|status" >&2; exit 2
        ;;
esac
