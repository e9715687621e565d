#!/usr/bin/env bash
# ci/bench-mix.sh [SECONDS] [USERS]: the Gatling simulation of a realistic mix (ci/bench/gatling, ShopperMix) against
# the running demo, with its ceilings in the same run: pgbench of the placement SQL first, then a static file of the
# same server, the mix and order placement, SECONDS each (default 30) with USERS looping users (default 64;
# placement has 16), after a warm-up. Prints each rate beside its ceiling, as a ratio, with the mix's p50 and p95 per
# request; the same summary goes next to Gatling's HTML report (target/gatling/shoppermix-*/summary.txt).
# Needs a demo started with the rate limits raised:
#   EMPORIUM_RATE_LIMIT_AUTH_PER_MINUTE=100000000 EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000 \
#   EMPORIUM_RATE_LIMIT_WRITE_PER_MINUTE=100000000 ci/run.sh
# Not part of the tests.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
source "$CI_DIR/bench/fixtures.sh"
cd "$PROJECT_DIR"

RUN_SECONDS=${1:-30}
USERS=${2:-64}
REPORTS="$PROJECT_DIR/target/gatling"

bench_setup "$BENCH_CLIENTS"
# Every buyer in the mix logs in, and the mix reads: those allowances must be raised as well.
require_allowance "logins" -X POST "$BENCH_BASE/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\": \"$BENCH_EMAIL\", \"password\": \"$BENCH_PASSWORD\"}"
require_allowance "reads" "$BENCH_BASE/products"
# Customers enough that no account is logged in by several users at once (LoginThrottle would lock it).
customers=("$BENCH_EMAIL")
for n in $(seq 2 "$BENCH_CLIENTS"); do
    customers+=("${BENCH_EMAIL/@/-$n@}")
    register "${customers[-1]}"
done

log "pgbench: place-order.sql, $BENCH_CLIENTS clients, a product each, ${RUN_SECONDS}s"
pg_spread=$(bench_pg_place -T "$RUN_SECONDS" -D products="$BENCH_CLIENTS" | tps)

log "Gatling: warm-up, then the static file, the mix and placement, ${RUN_SECONDS}s each"
shopt -s nullglob
earlier=("$REPORTS"/shoppermix-*)
summary=$(mktemp)
"$MVNW" -B -ntp -f ci/bench/gatling/pom.xml test-compile gatling:test \
    -Demporium.base-url="http://localhost:${HTTP_PORT:-9080}" -Demporium.users="$USERS" \
    -Demporium.seconds="$RUN_SECONDS" -Demporium.customers="$(IFS=,; echo "${customers[*]}")" \
    -Demporium.customer.password="$BENCH_PASSWORD" \
    -Demporium.products="$(IFS=,; echo "${BENCH_PRODUCTS[*]}")" \
    -Demporium.ceiling.pgbench-tps="$pg_spread" -Demporium.summary-file="$summary" \
    | grep -vE '^\[INFO\] (Download|---|Building|$)' >&2 \
    || die "the simulation failed (a request failed, or Gatling could not run): see above"
reports=("$REPORTS"/shoppermix-*)
(( ${#reports[@]} > ${#earlier[@]} )) || die "Gatling wrote no report"
report=$(ls -td "${reports[@]}" | head -1)
mv "$summary" "$report/summary.txt"
echo
cat "$report/summary.txt"
log "HTML report: $report/index.html"
