#!/usr/bin/env bash
# ci/s3proxy.sh start|stop|status: a real S3 API server (S3Proxy, from Maven Central, files on local disk) for the
# tests of the S3 object store, on S3_PORT, with the bucket S3_BUCKET. Not needed by ci/run.sh (file-system store).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

S3PROXY_VERSION=4.1.0
S3_DIR="$SERVICES_DIR/s3proxy"
JAR="$PROJECT_DIR/target/services/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
PID_FILE="$S3_DIR/s3proxy.pid"

case "${1:-}" in
    start)
        if pid_running "$PID_FILE"; then log "S3Proxy already running on $S3_PORT"; exit 0; fi
        port_open 127.0.0.1 "$S3_PORT" && die "port $S3_PORT is taken by another process; set S3_PORT"
        fetch_jar "org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" "$JAR"
        mkdir -p "$S3_DIR/data/$S3_BUCKET"
        cat > "$S3_DIR/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
jclouds.provider=filesystem
jclouds.filesystem.basedir=$S3_DIR/data
CONF
        nohup java -jar "$JAR" --properties "$S3_DIR/s3proxy.conf" > "$S3_DIR/s3proxy.log" 2>&1 < /dev/null &
        echo $! > "$PID_FILE"
        wait_for 60 "S3Proxy on 127.0.0.1:$S3_PORT" port_open 127.0.0.1 "$S3_PORT" \
            || die "S3Proxy did not come up; see $S3_DIR/s3proxy.log"
        ;;
    stop)
        pid_stop "$PID_FILE" S3Proxy
        ;;
    status)
        pid_running "$PID_FILE" && echo "S3Proxy up on $S3_PORT" || { echo "S3Proxy down"; exit 1; }
        ;;
    *)
        echo "usage: $0 start|stop|status" >&2; exit 2
        ;;
esac
