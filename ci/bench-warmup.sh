#!/usr/bin/env bash
# ci/bench-warmup.sh [rounds] "JVM options"   — what a JVM option that shortens the start costs once the server serves
# (start the demo once with ci/run.sh first). Each round restarts the run server twice, without and with the options
# (JVM_ARGS), with the catalog cache off so that every read runs the whole stack, and measures from the moment it is
# ready: the uncached listing's rate in its first three 10 s windows under load (hey, 32 connections), then, after
# another 80 s of load, the listing's and the product page's rates for 15 s each. Options that delay or starve the
# JIT compilers start sooner and warm up later; this shows both. Not part of ci/test.sh.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

ROUNDS="${1:-2}"
OPTIONS="${2:?JVM options to compare, in one argument}"
WLP="$PROJECT_DIR/target/liberty/wlp"
SERVER="$WLP/usr/servers/emporium"
ROOT="http://localhost:${HTTP_PORT:-9080}"
LISTING="$ROOT/api/v1/products?limit=20"
[[ -d "$SERVER" ]] || die "no run server: start it once with ci/run.sh"
command -v hey >/dev/null || die "hey is needed: apt-get install hey"
export EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000
trap 'rm -f "$SERVER/jvm.options"' EXIT
echo "-Demporium.catalog.cache.max-age=PT0S" > "$SERVER/jvm.options"

# start [JVM options]: restarts the server; prints the seconds to ready.
start() {
    local began
    "$WLP/bin/server" stop emporium >/dev/null 2>&1 || true
    began=$(date +%s.%N)
    JVM_ARGS="${1:-}" "$WLP/bin/server" start emporium >/dev/null
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$ROOT/health/ready")" == 200 ]]; do sleep 0.1; done
    printf '%.1f' "$(echo "$(date +%s.%N) - $began" | bc)"
}

# rate <url> <seconds>: requests per second; fails on any answer that is not 2xx/3xx.
rate() {
    local out
    out=$(hey -z "${2}s" -c 32 "$1")
    sed -n '/Status code/,$p' <<< "$out" | grep -q '\[[45][0-9][0-9]\]' && die "error answers from $1: $out"
    awk '/Requests\/sec/ {printf "%.0f", $2}' <<< "$out"
}

log "the way 'with' adds: $OPTIONS"
printf '%-6s %-8s %-8s %-10s %-10s %-10s %-12s %-12s\n' \
    round way ready-s 0-10s/s 10-20s/s 20-30s/s listing/s product/s
for round in $(seq 1 "$ROUNDS"); do
    for way in without with; do
        if [[ $way == with ]]; then ready=$(start "$OPTIONS"); else ready=$(start); fi
        product=$(curl -sf "$ROOT/api/v1/products?limit=1" | jq -r '.data[0].id')
        first=$(rate "$LISTING" 10); second=$(rate "$LISTING" 10); third=$(rate "$LISTING" 10)
        rate "$LISTING" 60 >/dev/null
        rate "$ROOT/api/v1/products/$product" 20 >/dev/null
        listing=$(rate "$LISTING" 15); page=$(rate "$ROOT/api/v1/products/$product" 15)
        printf '%-6s %-8s %-8s %-10s %-10s %-10s %-12s %-12s\n' \
            "$round" "$way" "$ready" "$first" "$second" "$third" "$listing" "$page"
    done
done
rm -f "$SERVER/jvm.options"
start >/dev/null
log "the run server is up again with its usual options; stop everything with ci/run.sh stop"
