#!/usr/bin/env bash
# ci/bench-search.sh [REQUESTS]: listing, filter, sort, search and deep-page latency of the run server, answered by
# the product index and by PostgreSQL alone, one after the other in one run. Meant for a database with a million
# products: DB_NAME=emporium_bench ci/run.sh, then DB_NAME=emporium_bench ci/load-products.sh 1000000, then
# DB_NAME=emporium_bench ci/bench-search.sh. For each way the script restarts the run server with the catalog cache
# off (every request reaches the listing) and the index on or off, waits until it is ready (and the index built),
# then sends each listing REQUESTS times (default 100) one at a time after 10 unmeasured ones, and prints p50 and
# p95 of the time to the whole answer, with the listing's total (both ways must agree). "cursor=@500" stands for the
# next_cursor of page 499: the same page 500, reached by cursor. Not part of the tests.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

REQUESTS=${1:-100}
ROOT="http://localhost:${HTTP_PORT:-9080}"
WLP="$PROJECT_DIR/target/liberty/wlp"
LOG="$WLP/usr/servers/emporium/logs/messages.log"
[[ -d "$WLP/usr/servers/emporium" ]] || die "no run server: start it once with ci/run.sh"
for tool in jq curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
export EMPORIUM_CATALOG_CACHE_MAX_AGE=PT0S EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000

LISTINGS=(
    "limit=20"
    "page=500&limit=20"
    "sort=-price&page=500&limit=20"
    "category=bulk-7&sort=name&limit=20"
    "in_stock=true&limit=20"
    "min_price=100&max_price=200&in_stock=true&sort=price&limit=20"
    "search=walnut&limit=20"
    "search=walnut%20lamp&limit=20"
    "search=walnut&page=500&limit=20"
    "search=walnut&limit=20&cursor=@500"
    "sort=-price&limit=20&cursor=@500"
    "search=%22oak%20desk%22%20or%20lamp&in_stock=true&sort=price&limit=20"
)

ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "$ROOT/health/ready")" == 200 ]]; }

# restart <true|false>: the run server with the index on or off, ready to answer from it.
restart() {
    "$WLP/bin/server" stop emporium >/dev/null 2>&1 || true
    EMPORIUM_SEARCH_INDEX_ENABLED=$1 "$WLP/bin/server" start emporium >/dev/null
    wait_for 300 "Emporium readiness" ready || die "the server did not become ready; see $LOG"
    if [[ $1 == true ]]; then
        wait_for 900 "the product index" grep -q "Product index: built" "$LOG" || die "the index was not built; see $LOG"
        grep -o "Product index: built.*" "$LOG" | tail -1 >&2
    fi
}

# resolved <query>: the query, with "cursor=@N" replaced by the next_cursor of page N - 1 (so: a cursor to page N).
resolved() {
    local query=$1 page cursor
    if [[ $query =~ cursor=@([0-9]+) ]]; then
        page=${BASH_REMATCH[1]}
        cursor=$(curl -sf "$ROOT/api/v1/products?${query/cursor=@$page/page=$((page - 1))}" | jq -r '.next_cursor')
        query=${query/cursor=@$page/cursor=$cursor}
    fi
    echo "$query"
}

# measure <query>: "p50-ms p95-ms total" of REQUESTS sequential requests.
measure() {
    local url="$ROOT/api/v1/products?$(resolved "$1")" total
    for _ in $(seq 10); do curl -sf -o /dev/null "$url"; done
    total=$(curl -sf "$url" | jq '.total')
    for _ in $(seq "$REQUESTS"); do curl -sf -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n \
        | awk -v n="$REQUESTS" -v total="$total" '{ t[NR] = $1 * 1000 }
            END { printf "%.1f %.1f %s\n", t[int((n + 1) / 2)], t[int(n * 0.95 + 0.5)], total }'
}

declare -A result
for way in false true; do
    log "restarting the server with the index $([[ $way == true ]] && echo on || echo off)"
    restart "$way"
    for query in "${LISTINGS[@]}"; do
        result["$way $query"]=$(measure "$query")
    done
done
log "the run server is left running with the index on and the catalog cache off; ci/run.sh starts the demo as usual"

printf '%-66s %-24s %-24s %s\n' "listing (GET /api/v1/products?...)" "index p50/p95 ms" "database p50/p95 ms" "total (index, database)"
for query in "${LISTINGS[@]}"; do
    read -r ip50 ip95 itotal <<< "${result["true $query"]}"
    read -r dp50 dp95 dtotal <<< "${result["false $query"]}"
    printf '%-66s %-24s %-24s %s\n' "$query" "$ip50 / $ip95" "$dp50 / $dp95" \
        "$itotal, $dtotal$([[ $itotal == "$dtotal" ]] || echo '  DIFFERENT')"
done
