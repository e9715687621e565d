#!/usr/bin/env bash
# ci/bench-orders.sh [SECONDS]: measures the running demo (ci/run.sh) and prints each figure beside pgbench running
# the equivalent SQL on the same database in the same run, as a ratio (this machine is shared and noisy: only the
# ratios carry over).
#   1. placement: POST /orders from 16 concurrent clients (hey) for SECONDS (default 20), vs place-order.sql:
#      once with every client ordering the same product (a hot product: orders serialise on its row) and once with
#      each client ordering a product of its own (a second time with OrderProcessingMdb paused, so that the server
#      only places, as pgbench does);
#   2. drain: 2,000 orders placed while OrderProcessingMdb is paused, then the time until the MDBs have moved them
#      all on, vs pgbench over 2,000 orders with as many clients as MDB sessions, twice: take-payment.sql (the
#      settlement's transaction alone) and process-order.sql (all the transactions the beans commit per order).
# Needs hey (apt-get install hey), psql and pgbench, and a demo started with the write allowance raised, e.g.
# EMPORIUM_RATE_LIMIT_WRITE_PER_MINUTE=100000000 ci/run.sh (the default, 600 per user, would answer 429). Not part
# of the tests.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$CI_DIR/bench/fixtures.sh"

RUN_SECONDS=${1:-20}
CLIENTS=$BENCH_CLIENTS
DRAIN=2000
MDB_SESSIONS=${MDB_MAX_SESSIONS:-15}
SERVER="$PROJECT_DIR/target/liberty/wlp/bin/server"
MDB="emporium#emporium.war#OrderProcessingMdb"
command -v hey >/dev/null || die "hey is needed: apt-get install hey"

bench_setup "$CLIENTS"
products=("${BENCH_PRODUCTS[@]}")
body=$(order_of "${products[0]}")
place() { hey "$@" -m POST -H "Authorization: Bearer $BENCH_CUSTOMER" -T application/json "$BENCH_BASE/orders"; }

rate() { awk '/Requests\/sec/ {print $2}'; }

log "warm-up"
place -n 400 -c "$CLIENTS" -d "$body" >/dev/null

log "placement, one hot product: $CLIENTS clients for ${RUN_SECONDS}s through HTTP, then the same SQL through pgbench"
hey_out=$(place -z "${RUN_SECONDS}s" -c "$CLIENTS" -d "$body")
hot_rate=$(rate <<<"$hey_out")
echo "$hey_out" | grep -A3 "Status code distribution"
pg_hot=$(bench_pg_place -T "$RUN_SECONDS" -D products=1 | tps)

# spread: the summed rate of CLIENTS clients for RUN_SECONDS, each ordering its own product.
spread() {
    local outputs n
    outputs=$(mktemp -d)
    for n in $(seq 0 $((CLIENTS - 1))); do
        place -z "${RUN_SECONDS}s" -c 1 -d "$(order_of "${products[$n]}")" > "$outputs/$n" &
    done
    wait
    cat "$outputs"/* | awk '/^  \[/ {codes[$1] += $2} END {for (c in codes) print "  " c, codes[c], "responses"}' >&2
    cat "$outputs"/* | rate | awk '{sum += $1} END {printf "%.1f", sum}'
    rm -rf "$outputs"
}
log "placement, a product per client: $CLIENTS clients for ${RUN_SECONDS}s through HTTP, then through pgbench"
spread_rate=$(spread)
# The same with the beans paused, so that the server does only what pgbench does: place (the beans' share of the two
# cores is the drain's row).
bench_settle
"$SERVER" pause emporium --target="$MDB" >/dev/null
log "placement, a product per client, OrderProcessingMdb paused"
spread_alone=$(spread)
"$SERVER" resume emporium --target="$MDB" >/dev/null
pg_spread=$(bench_pg_place -T "$RUN_SECONDS" -D products="$CLIENTS" | tps)

log "drain: waiting for the earlier orders to be paid, then pausing OrderProcessingMdb"
bench_settle
"$SERVER" pause emporium --target="$MDB" >/dev/null
place -n "$DRAIN" -c "$CLIENTS" -d "$body" >/dev/null
queued=$(pending)
log "drain: $queued orders queued; resuming"
commits() { sleep 1; sql "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }
commits_before=$(commits)
start=$(date +%s.%N)
"$SERVER" resume emporium --target="$MDB" >/dev/null
until [[ $(pending) == 0 ]]; do sleep 0.2; done
end=$(date +%s.%N)
drain_rate=$(awk -v n="$queued" -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", n / (e - s)}')
# Every commit in the database while the beans drained (their own, the relay's, the mail's, and this script's
# polling), per order: what the crash-safe steps cost, beside the one transaction of take-payment.sql.
commits_per_order=$(awk -v n="$queued" -v a="$commits_before" -v b="$(commits)" 'BEGIN {printf "%.1f", (b - a) / n}')
log "drain: the settlement's SQL through pgbench ($MDB_SESSIONS clients, the MDB sessions)"
pg_drain() {
    bench_pg_place -t $((DRAIN / CLIENTS)) -D products="$CLIENTS" >/dev/null
    bench_queue_fill
    local out
    out=$(pgbench -n -c "$MDB_SESSIONS" -j 2 -t $((DRAIN / MDB_SESSIONS)) -D user="'$BENCH_ADMIN_ID'" \
        -f "$CI_DIR/bench/$1" 2>&1)
    ! grep -q aborted <<<"$out" || die "pgbench of $1 failed: $out"
    tps <<<"$out"
}
pg_settle=$(pg_drain take-payment.sql)
log "drain: all the beans' SQL per order through pgbench"
pg_process=$(pg_drain process-order.sql)

cat <<RESULT

                                   Emporium            pgbench (same SQL)   ratio
placement, $CLIENTS clients, hot product   $(printf '%8.1f' "$hot_rate") orders/s   $(printf '%8.1f' "$pg_hot") tx/s        $(ratio "$hot_rate" "$pg_hot")
placement, $CLIENTS clients, own products  $(printf '%8.1f' "$spread_rate") orders/s   $(printf '%8.1f' "$pg_spread") tx/s        $(ratio "$spread_rate" "$pg_spread")
  the same, the beans paused          $(printf '%8.1f' "$spread_alone") orders/s                        $(ratio "$spread_alone" "$pg_spread")
drain of $queued queued orders        $(printf '%8.1f' "$drain_rate") orders/s   $(printf '%8.1f' "$pg_settle") tx/s        $(ratio "$drain_rate" "$pg_settle")   (the settlement alone)
                                                        $(printf '%8.1f' "$pg_process") orders/s    $(ratio "$drain_rate" "$pg_process")   (all the beans' transactions)
(database commits per drained order: $commits_per_order; MDB sessions $MDB_SESSIONS, DB pool ${DB_POOL_MAX:-40}, JMS pool ${JMS_POOL_MAX:-40}; payment latency ${EMPORIUM_PAYMENT_LATENCY:-PT0S})
RESULT
