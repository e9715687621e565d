#!/usr/bin/env bash
# ci/mailbox.sh start|stop|status: a local mail catcher for the demo (GreenMail standalone, from Maven Central):
# SMTP on SMTP_PORT, where Emporium's mail session sends customer e-mail; nothing is delivered onwards. Read the
# mail over IMAP (MAILBOX_IMAP_PORT; log in as the recipient's address with any password) or its HTTP API
# (MAILBOX_API_PORT). The tests run their own SMTP server in the test JVM, so only the dev set uses this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

GREENMAIL_VERSION=2.1.13
MAIL_DIR="$SERVICES_DIR/mailbox"
JAR="$PROJECT_DIR/target/services/greenmail-standalone-$GREENMAIL_VERSION.jar"
PID_FILE="$MAIL_DIR/greenmail.pid"

case "${1:-}" in
    start)
        if pid_running "$PID_FILE"; then log "mailbox already running (SMTP $SMTP_PORT)"; exit 0; fi
        port_open 127.0.0.1 "$SMTP_PORT" && die "port $SMTP_PORT is taken by another process; set SMTP_PORT"
        fetch_jar "com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" "$JAR"
        mkdir -p "$MAIL_DIR"
        nohup java -Xmx128m -Dgreenmail.auth.disabled \
            -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$SMTP_PORT" \
            -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$MAILBOX_IMAP_PORT" \
            -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAILBOX_API_PORT" \
            -jar "$JAR" > "$MAIL_DIR/greenmail.log" 2>&1 < /dev/null &
        echo $! > "$PID_FILE"
        wait_for 60 "mailbox SMTP on 127.0.0.1:$SMTP_PORT" port_open 127.0.0.1 "$SMTP_PORT" \
            || die "GreenMail did not come up; see $MAIL_DIR/greenmail.log"
        ;;
    stop)
        pid_stop "$PID_FILE" mailbox
        ;;
    status)
        pid_running "$PID_FILE" && echo "mailbox up (SMTP $SMTP_PORT)" || { echo "mailbox down"; exit 1; }
        ;;
    *)
        echo "usage: $0 start|stop|status" >&2; exit 2
        ;;
esac
