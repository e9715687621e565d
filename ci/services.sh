#!/usr/bin/env bash
# ci/services.sh start|stop|status: PostgreSQL and Artemis together, and the JWT signing keys (and, for the test
# set, the S3 API server and Redis; for the dev set, the mail catcher), for the set named by EMPORIUM_SERVICES
# (dev by default; ci/test.sh uses test).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

case "${1:-}" in
    start)
        "$CI_DIR/jwt-keys.sh"; "$CI_DIR/postgres.sh" start; "$CI_DIR/artemis.sh" start
        if [[ $EMPORIUM_SERVICES == test ]]; then "$CI_DIR/s3proxy.sh" start; "$CI_DIR/redis.sh" start
        else "$CI_DIR/mailbox.sh" start; fi
        ;;
    stop)   "$CI_DIR/s3proxy.sh" stop; "$CI_DIR/redis.sh" stop; "$CI_DIR/mailbox.sh" stop; "$CI_DIR/artemis.sh" stop; "$CI_DIR/postgres.sh" stop ;;
    status) "$CI_DIR/postgres.sh" status; "$CI_DIR/artemis.sh" status ;;
    *)      echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
