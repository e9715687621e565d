#!/usr/bin/env bash
# The run command (README): brings up PostgreSQL, Artemis and Open Liberty with Emporium and its demo data, waits
# until the application is ready and prints where everything is. `ci/run.sh stop` stops it all again.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

export HTTP_PORT="${HTTP_PORT:-9080}"
export HTTPS_PORT="${HTTPS_PORT:-9443}"
MAVEN=("$MVNW" -B -ntp -q -Pdev)

if [[ "${1:-}" == stop ]]; then
    "${MAVEN[@]}" liberty:stop || true
    "$CI_DIR/services.sh" stop
    exit 0
fi

"$CI_DIR/services.sh" start
export EMPORIUM_DEMO_DATA=true
log "building the WAR"
"${MAVEN[@]}" package -DskipTests
log "starting Open Liberty (server 'emporium')"
"${MAVEN[@]}" liberty:stop >/dev/null 2>&1 || true
# The packaged WAR, not a loose application pointing into target/: a rebuild does not change the running demo.
"${MAVEN[@]}" liberty:create liberty:deploy liberty:start -DlooseApplication=false

ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$HTTP_PORT/health/ready")" == 200 ]]; }
wait_for 180 "Emporium readiness" ready \
    || die "Emporium did not become ready; see target/liberty/wlp/usr/servers/emporium/logs/messages.log"

cat <<INFO

Emporium is running.
  Storefront     http://localhost:$HTTP_PORT/
  API            http://localhost:$HTTP_PORT/api/v1
  API docs       http://localhost:$HTTP_PORT/openapi/ui/   (document: /openapi)
  Health         http://localhost:$HTTP_PORT/health/ready  /health/live  /health/started
  Metrics        http://localhost:$HTTP_PORT/metrics
  PostgreSQL     $DB_HOST:$DB_PORT, database $DB_NAME (user $DB_USER)
  Artemis        $ARTEMIS_HOST:$ARTEMIS_PORT (CORE protocol)
  Customer mail  caught by GreenMail: IMAP 127.0.0.1:$MAILBOX_IMAP_PORT (user = the address, any password),
                 http://127.0.0.1:$MAILBOX_API_PORT/ (its API)
  Demo admin     admin@emporium.test / Emporium-Admin-Demo-2026
  Demo customer  customer@emporium.test / Emporium-Customer-Demo-2026
  Logs           target/liberty/wlp/usr/servers/emporium/logs/messages.log
Stop everything with: ci/run.sh stop
INFO
