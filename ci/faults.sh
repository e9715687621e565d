#!/usr/bin/env bash
# ci/faults.sh [orders]   — the fault matrix at full size (1,000 orders per scenario unless given), on its own:
#   kill -9 of the server, kill -9 of the broker, PostgreSQL stopped for 10 s, poison
#   messages; each under 16 clients placing orders, each ending with the invariants checked (FaultMatrixIT).
#   The report is written to target/faults/report.md. ci/test.sh runs the same matrix with 240 orders per scenario.
#   FAULTS_DELIVERY=xa puts the design the outbox replaced (each message sent in the placing XA transaction) through
#   the same matrix, for the comparison in docs/performance.md.
# ci/faults.sh stop — stops what an interrupted run left: the emporium-faults server, ClusterIT's replicas and HAProxy,
#   and the "faults" service set.
set -euo pipefail
# The test set's JWT keys, which the failsafe run hands to the fault server as to the integration tests' server.
export EMPORIUM_SERVICES=test
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

if [[ "${1:-}" == stop ]]; then
    server="$PROJECT_DIR/target/liberty/wlp/bin/server"
    [[ -x "$server" && -d "$PROJECT_DIR/target/liberty/wlp/usr/servers/emporium-faults" ]] && "$server" stop emporium-faults >/dev/null 2>&1 || true
    # What an interrupted ClusterIT left: its two replicas, HAProxy, and the services it started.
    env -u DB_HOST -u DB_PORT -u DB_NAME -u ARTEMIS_HOST -u ARTEMIS_PORT -u EMPORIUM_EXTERNAL_DB -u S3_PORT -u REDIS_PORT \
        EMPORIUM_SERVICES=faults CLUSTER_PORT=9290 "$CI_DIR/cluster.sh" stop || true
    for script in artemis postgres; do
        env -u DB_HOST -u DB_PORT -u DB_NAME -u ARTEMIS_HOST -u ARTEMIS_PORT -u EMPORIUM_EXTERNAL_DB \
            EMPORIUM_SERVICES=faults "$CI_DIR/$script.sh" stop || true
    done
    exit 0
fi

ORDERS="${1:-1000}"
"$CI_DIR/jwt-keys.sh"
trap '"$CI_DIR/faults.sh" stop' EXIT
T0=$SECONDS
DELIVERY="${FAULTS_DELIVERY:-outbox}"
"$MVNW" -B -ntp verify -DskipUnitTests -Dit.test=FaultMatrixIT -Dfaults.orders="$ORDERS" -Dfaults.delivery="$DELIVERY"
log "fault matrix with $ORDERS orders per scenario, messages through $DELIVERY: $((SECONDS - T0)) s; report in target/faults/report.md"
