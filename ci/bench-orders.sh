#!/usr/bin/env bash
# ci/bench-orders.sh [SECONDS]: measures the running demo (ci/run.sh) and prints each figure beside pgbench running
# the equivalent SQL on the same database in the same run, as a ratio (this machine is shared and noisy: only the
# ratios carry over).
#   1. placement: POST /orders from 16 concurrent clients (hey) for SECONDS (default 20), vs place-order.sql:
#      once with every client ordering the same product (a hot product: orders serialise on its row) and once with
#      each client ordering a product of its own;
#   2. drain: 2,000 orders placed while OrderProcessingMdb is paused, then the time until the MDBs have moved them
#      all on, vs take-payment.sql over 2,000 orders with as many clients as MDB sessions.
# Needs hey (apt-get install hey), psql and pgbench, and a demo started with the write allowance raised, e.g.
# EMPORIUM_RATE_LIMIT_WRITE_PER_MINUTE=100000000 ci/run.sh (the default, 600 per user, would answer 429). Not part
# of the tests.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

RUN_SECONDS=${1:-20}
CLIENTS=16
DRAIN=2000
MDB_SESSIONS=${MDB_MAX_SESSIONS:-15}
BASE="http://localhost:${HTTP_PORT:-9080}/api/v1"
SERVER="$PROJECT_DIR/target/liberty/wlp/bin/server"
MDB="emporium#emporium.war#OrderProcessingMdb"
for tool in hey pgbench psql jq; do command -v "$tool" >/dev/null || die "$tool is needed"; done
curl -sf "http://localhost:${HTTP_PORT:-9080}/health/ready" >/dev/null || die "start the demo first: ci/run.sh"

export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" PGDATABASE="$DB_NAME"
sql() { psql -qAt -v ON_ERROR_STOP=1 -c "$1"; }
json() { curl -sf -H 'Content-Type: application/json' "$@"; }
login() { json -X POST "$BASE/auth/login" -d "{\"email\": \"$1\", \"password\": \"$2\"}" | jq -r .access_token; }

# A customer of its own, so that counting its pending orders counts only this run's.
stamp=$(date +%s%N)
json -X POST "$BASE/auth/register" -d "{\"username\": \"bench$stamp\", \"email\": \"bench$stamp@emporium.test\", \"password\": \"bench passphrase $stamp\"}" >/dev/null
customer=$(login "bench$stamp@emporium.test" "bench passphrase $stamp")
customer_id=$(curl -sf -H "Authorization: Bearer $customer" "$BASE/users/me" | jq -r .id)
admin=$(login admin@emporium.test Emporium-Admin-Demo-2026)
admin_id=$(curl -sf -H "Authorization: Bearer $admin" "$BASE/users/me" | jq -r .id)
category=$(json -X POST "$BASE/categories" -H "Authorization: Bearer $admin" \
    -d "{\"name\": \"Bench $stamp\", \"slug\": \"bench-$stamp\"}" | jq -r .id)
products=()
for n in $(seq 1 "$CLIENTS"); do
    products+=("$(json -X POST "$BASE/products" -H "Authorization: Bearer $admin" -d "{\"name\": \"Bench product $n\", \
\"description\": \"for load tests\", \"price\": 10.00, \"stock\": 100000000, \"category_id\": \"$category\", \
\"sku\": \"BENCH-$stamp-$n\", \"currency\": \"EUR\"}" | jq -r .product_id)")
done
order_of() { echo "{\"items\": [{\"product_id\": \"$1\", \"quantity\": 1}], \"shipping_address\": \"1 Bench Street\", \"payment_token\": \"tok_visa\"}"; }
body=$(order_of "${products[0]}")
write_limit=$(curl -s -o /dev/null -D - -X POST "$BASE/orders" -H "Authorization: Bearer $customer" \
    -H 'Content-Type: application/json' -d "$body" | awk -F': ' 'tolower($1) == "ratelimit-limit" {print $2+0}')
(( ${write_limit:-0} >= 1000000 )) \
    || die "the demo allows $write_limit writes a minute per user; restart it with EMPORIUM_RATE_LIMIT_WRITE_PER_MINUTE=100000000 ci/run.sh"

place() { hey "$@" -m POST -H "Authorization: Bearer $customer" -T application/json "$BASE/orders"; }
# The orders placed through HTTP are still being paid by the beans when a phase ends; pgbench waits for them, so that
# its figure is the database's own and not what is left of the two cores.
settle() { until [[ $(sql "SELECT count(*) FROM orders WHERE user_id = '$customer_id' AND status = 'pending'") == 0 ]]; do sleep 1; done; }
pg_place() {
    settle
    pgbench -n -c "$CLIENTS" -j 2 "$@" -D prefix="'BENCH-$stamp-'" -D user="'$admin_id'" -f "$CI_DIR/bench/place-order.sql" 2>&1
}

# pgbench writes its messages to a copy of the outbox that the running relay does not read.
sql "CREATE TABLE IF NOT EXISTS bench_outbox (LIKE outbox INCLUDING ALL)"
# pgbench's orders never reach the beans: they would stay in the demo for ever, pending or paid by take-payment.sql,
# and pile up over runs. They go when the benchmark ends, with their payments, lines and history.
cleanup() {
    sql "DROP TABLE IF EXISTS bench_outbox" || true
    sql "DELETE FROM payments p USING orders o WHERE p.order_id = o.id AND p.reference = 'bench'
         AND o.user_id = '$admin_id' AND o.shipping_address = '1 Bench Street'" || true
    sql "DELETE FROM orders o WHERE o.user_id = '$admin_id' AND o.shipping_address = '1 Bench Street'
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)" || true
    sql "DELETE FROM processed_messages WHERE consumer = 'bench'" || true
}
trap cleanup EXIT

rate() { awk '/Requests\/sec/ {print $2}'; }
tps() { awk '/^tps/ {print $3}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

log "warm-up"
place -n 400 -c "$CLIENTS" -d "$body" >/dev/null

log "placement, one hot product: $CLIENTS clients for ${RUN_SECONDS}s through HTTP, then the same SQL through pgbench"
hey_out=$(place -z "${RUN_SECONDS}s" -c "$CLIENTS" -d "$body")
hot_rate=$(rate <<<"$hey_out")
echo "$hey_out" | grep -A3 "Status code distribution"
pg_hot=$(pg_place -T "$RUN_SECONDS" -D products=1 | tps)

log "placement, a product per client: $CLIENTS clients for ${RUN_SECONDS}s through HTTP, then through pgbench"
outputs=$(mktemp -d)
for n in $(seq 0 $((CLIENTS - 1))); do
    place -z "${RUN_SECONDS}s" -c 1 -d "$(order_of "${products[$n]}")" > "$outputs/$n" &
done
wait
spread_rate=$(cat "$outputs"/* | rate | awk '{sum += $1} END {printf "%.1f", sum}')
cat "$outputs"/* | awk '/^  \[/ {codes[$1] += $2} END {for (c in codes) print "  " c, codes[c], "responses"}'
rm -rf "$outputs"
pg_spread=$(pg_place -T "$RUN_SECONDS" -D products="$CLIENTS" | tps)

log "drain: waiting for the earlier orders to be paid, then pausing OrderProcessingMdb"
until [[ $(sql "SELECT count(*) FROM orders WHERE user_id = '$customer_id' AND status = 'pending'") == 0 ]]; do sleep 1; done
"$SERVER" pause emporium --target="$MDB" >/dev/null
place -n "$DRAIN" -c "$CLIENTS" -d "$body" >/dev/null
queued=$(sql "SELECT count(*) FROM orders WHERE user_id = '$customer_id' AND status = 'pending'")
log "drain: $queued orders queued; resuming"
start=$(date +%s.%N)
"$SERVER" resume emporium --target="$MDB" >/dev/null
until [[ $(sql "SELECT count(*) FROM orders WHERE user_id = '$customer_id' AND status = 'pending'") == 0 ]]; do sleep 0.2; done
end=$(date +%s.%N)
drain_rate=$(awk -v n="$queued" -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", n / (e - s)}')
log "drain: the same SQL through pgbench ($MDB_SESSIONS clients, the MDB sessions)"
pg_place -t $((DRAIN / CLIENTS)) -D products="$CLIENTS" >/dev/null
pg_drain=$(pgbench -n -c "$MDB_SESSIONS" -j 2 -t $((DRAIN / MDB_SESSIONS)) -D user="'$admin_id'" \
    -f "$CI_DIR/bench/take-payment.sql" 2>&1 | tps)

cat <<RESULT

                                   Emporium            pgbench (same SQL)   ratio
placement, $CLIENTS clients, hot product   $(printf '%8.1f' "$hot_rate") orders/s   $(printf '%8.1f' "$pg_hot") tx/s        $(ratio "$hot_rate" "$pg_hot")
placement, $CLIENTS clients, own products  $(printf '%8.1f' "$spread_rate") orders/s   $(printf '%8.1f' "$pg_spread") tx/s        $(ratio "$spread_rate" "$pg_spread")
drain of $queued queued orders        $(printf '%8.1f' "$drain_rate") orders/s   $(printf '%8.1f' "$pg_drain") tx/s        $(ratio "$drain_rate" "$pg_drain")
(MDB sessions $MDB_SESSIONS, DB pool ${DB_POOL_MAX:-40}, JMS pool ${JMS_POOL_MAX:-40}; payment latency ${EMPORIUM_PAYMENT_LATENCY:-PT0S})
RESULT
