# What the order benchmarks (ci/bench-orders.sh, ci/bench-mix.sh) set up in the running demo, and pgbench of the
# placement SQL beside them. Sourced after ci/env.sh, with the demo up.
#   register EMAIL:   a further customer with BENCH_PASSWORD (after bench_setup).
#   bench_setup N:    a customer of its own (BENCH_EMAIL, BENCH_PASSWORD, BENCH_CUSTOMER: its access token,
#                     BENCH_CUSTOMER_ID), a category and N products with stock for any run (BENCH_PRODUCTS, SKUs
#                     "$BENCH_PREFIX<n>"), the administrator's id (BENCH_ADMIN_ID); fails unless the demo allows
#                     the writes a benchmark makes (require_allowance).
#   bench_settle:     waits until the beans have moved on every order of that customer.
#   bench_pg_place A: pgbench of ci/bench/place-order.sql (16 clients) with pgbench arguments A.
#   bench_queue_fill: numbers the pending orders pgbench placed, for take-payment.sql and process-order.sql.
# The EXIT trap removes what pgbench wrote.

BENCH_BASE="http://localhost:${HTTP_PORT:-9080}/api/v1"
BENCH_CLIENTS=16
for tool in pgbench psql jq curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
curl -sf "http://localhost:${HTTP_PORT:-9080}/health/ready" >/dev/null || die "start the demo first: ci/run.sh"

export PGHOST="$DB_HOST" PGPORT="$DB_PORT" PGUSER="$DB_USER" PGPASSWORD="$DB_PASSWORD" PGDATABASE="$DB_NAME"
sql() { psql -qAt -v ON_ERROR_STOP=1 -c "$1"; }
json() { curl -sf -H 'Content-Type: application/json' "$@"; }
login() { json -X POST "$BENCH_BASE/auth/login" -d "{\"email\": \"$1\", \"password\": \"$2\"}" | jq -r .access_token; }
# require_allowance WHAT CURL-ARGUMENTS...: fails unless the demo answers that request with an allowance raised for
# benchmarks (RateLimit-Limit).
require_allowance() {
    local what=$1 limit
    shift
    limit=$(curl -s -o /dev/null -D - "$@" | awk -F': ' 'tolower($1) == "ratelimit-limit" {print $2+0}')
    (( ${limit:-0} >= 1000000 )) || die "the demo allows ${limit:-no} $what a minute; restart it with the rate limits \
raised: EMPORIUM_RATE_LIMIT_AUTH_PER_MINUTE=100000000 EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000 \
EMPORIUM_RATE_LIMIT_WRITE_PER_MINUTE=100000000 ci/run.sh"
}
# register EMAIL: a customer with that address (its local part as the username) and BENCH_PASSWORD.
register() {
    json -X POST "$BENCH_BASE/auth/register" \
        -d "{\"username\": \"${1%@*}\", \"email\": \"$1\", \"password\": \"$BENCH_PASSWORD\"}" >/dev/null
}
order_of() { echo "{\"items\": [{\"product_id\": \"$1\", \"quantity\": 1}], \"shipping_address\": \"1 Bench Street\", \"payment_token\": \"tok_visa\"}"; }

bench_setup() {
    local stamp admin category n
    stamp=$(date +%s%N)
    BENCH_EMAIL="bench$stamp@emporium.test"
    BENCH_PASSWORD="bench passphrase $stamp"
    register "$BENCH_EMAIL"
    BENCH_CUSTOMER=$(login "$BENCH_EMAIL" "$BENCH_PASSWORD")
    BENCH_CUSTOMER_ID=$(curl -sf -H "Authorization: Bearer $BENCH_CUSTOMER" "$BENCH_BASE/users/me" | jq -r .id)
    admin=$(login admin@emporium.test Emporium-Admin-Demo-2026)
    BENCH_ADMIN_ID=$(curl -sf -H "Authorization: Bearer $admin" "$BENCH_BASE/users/me" | jq -r .id)
    category=$(json -X POST "$BENCH_BASE/categories" -H "Authorization: Bearer $admin" \
        -d "{\"name\": \"Bench $stamp\", \"slug\": \"bench-$stamp\"}" | jq -r .id)
    BENCH_PREFIX="BENCH-$stamp-"
    BENCH_PRODUCTS=()
    for n in $(seq 1 "$1"); do
        BENCH_PRODUCTS+=("$(json -X POST "$BENCH_BASE/products" -H "Authorization: Bearer $admin" -d "{\"name\": \
\"Bench product $n\", \"description\": \"for load tests\", \"price\": 10.00, \"stock\": 100000000, \"category_id\": \
\"$category\", \"sku\": \"$BENCH_PREFIX$n\", \"currency\": \"EUR\"}" | jq -r .product_id)")
    done
    require_allowance "orders" -X POST "$BENCH_BASE/orders" -H "Authorization: Bearer $BENCH_CUSTOMER" \
        -H 'Content-Type: application/json' -d "$(order_of "${BENCH_PRODUCTS[0]}")"
}

# The orders placed through HTTP may still be at the beans when a phase ends; pgbench waits for them, so that its
# figure is the database's own and not what is left of the two cores.
pending() { sql "SELECT count(*) FROM orders WHERE user_id = '$BENCH_CUSTOMER_ID' AND status = 'pending'"; }
bench_settle() { until [[ $(pending) == 0 ]]; do sleep 1; done; }

bench_pg_place() {
    bench_settle
    pgbench -n -c "$BENCH_CLIENTS" -j 2 "$@" -D prefix="'$BENCH_PREFIX'" -D user="'$BENCH_ADMIN_ID'" \
        -f "$CI_DIR/bench/place-order.sql" 2>&1
}

# pgbench writes its messages to a copy of the outbox that the running relay does not read.
sql "CREATE TABLE IF NOT EXISTS bench_outbox (LIKE outbox INCLUDING ALL)"
# The orders pgbench pays, numbered (bench_queue_fill): each transaction takes the next one by its number, as a bean
# takes the order its message names. Searching the orders for a pending one instead (FOR UPDATE SKIP LOCKED) walked
# past the entries of every order already paid, and the ceiling fell as the run went on (300-1,600 tx/s).
sql "CREATE TABLE IF NOT EXISTS bench_queue (n bigint PRIMARY KEY, order_id uuid NOT NULL)"
sql "CREATE SEQUENCE IF NOT EXISTS bench_queue_next"
bench_queue_fill() {
    sql "TRUNCATE bench_queue;
         INSERT INTO bench_queue SELECT row_number() OVER (ORDER BY o.id), o.id FROM orders o
          WHERE o.user_id = '$BENCH_ADMIN_ID' AND o.status = 'pending'
            AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id);
         SELECT setval('bench_queue_next', 1, false)" >/dev/null
}
# pgbench's orders never reach the beans: they would stay in the demo for ever, pending or paid by take-payment.sql
# or process-order.sql, and pile up over runs. They go when the benchmark ends, with their payments, lines and history.
bench_cleanup() {
    sql "DROP TABLE IF EXISTS bench_outbox, bench_queue; DROP SEQUENCE IF EXISTS bench_queue_next" || true
    [[ -n ${BENCH_ADMIN_ID:-} ]] || return 0
    sql "DELETE FROM payments p USING orders o WHERE p.order_id = o.id AND (p.reference = 'bench' OR p.status = 'pending')
         AND o.user_id = '$BENCH_ADMIN_ID' AND o.shipping_address = '1 Bench Street'" || true
    sql "DELETE FROM simulated_provider_charges WHERE reference = 'bench'" || true
    sql "DELETE FROM orders o WHERE o.user_id = '$BENCH_ADMIN_ID' AND o.shipping_address = '1 Bench Street'
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = o.id)" || true
    sql "DELETE FROM processed_messages WHERE consumer = 'bench'" || true
}
trap bench_cleanup EXIT

tps() { awk '/^tps/ {print $3}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
