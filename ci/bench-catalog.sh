#!/usr/bin/env bash
# ci/bench-catalog.sh [SECONDS] [CONNECTIONS]: catalog reads of the running demo (ci/run.sh) beside a small static file (624 bytes) of
# the same server, each for SECONDS (default 15) with CONNECTIONS concurrent clients (default 64), one after the
# other in one run, printed as requests per second and as a ratio to the static file (this machine is shared and
# noisy: only the ratios carry over). Reads:
#   - GET /api/v1/products?limit=20          (a listing page)
#   - GET /api/v1/products/{id}              (a product page)
#   - GET /api/v1/products/{id} with If-None-Match of its current ETag (revalidation, answered 304)
# The figures are for the server as started: with the catalog cache (the default) or without it
# (EMPORIUM_CATALOG_CACHE_MAX_AGE=PT0S ci/run.sh). Needs hey (apt-get install hey) and a demo started with the read
# allowance raised (EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000), or most answers would be 429. Not part of the tests.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

RUN_SECONDS=${1:-15}
CONNECTIONS=${2:-64}
ROOT="http://localhost:${HTTP_PORT:-9080}"
for tool in hey jq curl; do command -v "$tool" >/dev/null || die "$tool is needed"; done
curl -sf "$ROOT/health/ready" >/dev/null || die "start the demo first: ci/run.sh"

product=$(curl -sf "$ROOT/api/v1/products?limit=1" | jq -r '.data[0].id')
etag=$(curl -sfI "$ROOT/api/v1/products/$product" | awk -F': ' 'tolower($1) == "etag" {gsub("\r", "", $2); print $2}')
limit=$(curl -sfI "$ROOT/api/v1/products/$product" | awk -F': ' 'tolower($1) == "ratelimit-limit" {print $2+0}')
(( ${limit:-0} >= 1000000 )) \
    || die "the demo allows $limit reads a minute; restart it with EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000 ci/run.sh"

# run <label> <hey arguments...>: prints "label requests/s non-2xx/3xx answers".
run() {
    local label=$1 out rate odd
    shift
    out=$(hey -z "${RUN_SECONDS}s" -c "$CONNECTIONS" "$@")
    rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    odd=$(awk '/\[[0-9]+\]/ && $1 !~ /\[(200|304)\]/ {n += $2} END {print n + 0}' <<<"$out")
    printf '%-28s %10.0f/s  %s other answers\n' "$label" "$rate" "$odd" >&2
    echo "$rate"
}

log "warm-up: 10 s of each read"
for url in "$ROOT/js/storefront/not-found-view.js" "$ROOT/api/v1/products?limit=20" "$ROOT/api/v1/products/$product"; do
    hey -z 10s -c "$CONNECTIONS" "$url" >/dev/null
done
hey -z 10s -c "$CONNECTIONS" -H "If-None-Match: $etag" "$ROOT/api/v1/products/$product" >/dev/null

static=$(run "static file" "$ROOT/js/storefront/not-found-view.js")
listing=$(run "listing, limit 20" "$ROOT/api/v1/products?limit=20")
page=$(run "product page" "$ROOT/api/v1/products/$product")
revalidate=$(run "product page, If-None-Match" -H "If-None-Match: $etag" "$ROOT/api/v1/products/$product")
static_again=$(run "static file, again" "$ROOT/js/storefront/not-found-view.js")

ceiling=$(awk -v a="$static" -v b="$static_again" 'BEGIN {print (a + b) / 2}')
ratio() { awk -v a="$1" -v b="$ceiling" 'BEGIN {printf "%.2f", a / b}'; }
echo "ratios to the static file (mean of the two static runs, $ceiling/s):"
echo "  listing, limit 20            $(ratio "$listing")"
echo "  product page                 $(ratio "$page")"
echo "  product page, If-None-Match  $(ratio "$revalidate")"
