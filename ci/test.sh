#!/usr/bin/env bash
# The test command (README): every test, unit and integration, against a real PostgreSQL, Artemis and Liberty.
#   1. starts the "test" service set (its own PostgreSQL cluster, broker and S3 API server, apart from a running demo),
#   2. builds and installs the WAR, running the unit tests,
#   3. builds the EAR from ear/,
#   4. runs the Arquillian integration tests on a managed Liberty, the EAR deployment test included, the browser
#      tests of the storefront and console (Selenium, headless chromium: installed here when missing), the fault
#      matrix (FaultMatrixIT: 240 orders per scenario; ci/faults.sh runs it at full size), which starts and stops a
#      service set and a Liberty server of its own, and ClusterIT, two replicas behind HAProxy (ci/cluster.sh) on that
#      same service set, and MonitoringIT, a real Prometheus (ci/prometheus.sh) scraping the server and firing alerts;
#      the manifests in deploy/ are checked by a unit test (kubectl kustomize, offline), the alert rules by promtool,
# and stops the services it started.
set -euo pipefail
export EMPORIUM_SERVICES=test
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

"$CI_DIR/jwt-keys.sh"
# The browser tests drive Debian's chromium through chromium-driver; the alert rules are checked by Debian's
# promtool and evaluated by its Prometheus.
"$CI_DIR/chromium.sh" ensure
"$CI_DIR/prometheus.sh" ensure
started=()
cleanup() {
    local service
    for service in "${started[@]}"; do "$CI_DIR/$service.sh" stop || true; done
    # Whatever an interrupted fault matrix or monitoring test left running.
    "$CI_DIR/faults.sh" stop || true
    "$CI_DIR/prometheus.sh" stop || true
}
trap cleanup EXIT
for service in postgres artemis s3proxy redis; do
    "$CI_DIR/$service.sh" status >/dev/null 2>&1 || started+=("$service")
    "$CI_DIR/$service.sh" start
done
# Every run starts from an empty database: the migrations are tested from scratch each time.
"$CI_DIR/postgres.sh" create-db "$DB_NAME" --fresh

MAVEN=("$MVNW" -B -ntp)
T0=$SECONDS
"${MAVEN[@]}" install -DskipITs
"${MAVEN[@]}" -f ear/pom.xml package
T1=$SECONDS
"${MAVEN[@]}" verify -DskipUnitTests \
    -Demporium.ear="$PROJECT_DIR/ear/target/emporium.ear" \
    -Dit.db.host="$DB_HOST" -Dit.db.port="$DB_PORT" -Dit.db.name="$DB_NAME" \
    -Dit.artemis.host="$ARTEMIS_HOST" -Dit.artemis.port="$ARTEMIS_PORT" -Dit.s3.port="$S3_PORT"
T2=$SECONDS
log "build + unit tests + EAR: $((T1 - T0)) s; integration tests: $((T2 - T1)) s; total: $((T2 - T0)) s"
