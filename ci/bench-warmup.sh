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
source "$CI_DIR/bench/restarts.sh"
LISTING="$ROOT/api/v1/products?limit=20"
echo "-Demporium.catalog.cache.max-age=PT0S" > "$JVM_OPTIONS_FILE"

log "the way 'with' adds: $OPTIONS"
printf '%-6s %-8s %-8s %-10s %-10s %-10s %-12s %-12s\n' \
    round way ready-s 0-10s/s 10-20s/s 20-30s/s listing/s product/s
for round in $(seq 1 "$ROUNDS"); do
    for way in without with; do
        if [[ $way == with ]]; then ready=$(restart "$OPTIONS"); else ready=$(restart); fi
        product=$(curl -sf "$ROOT/api/v1/products?limit=1" | jq -r '.data[0].id')
        first=$(rate "$LISTING" 10 32); second=$(rate "$LISTING" 10 32); third=$(rate "$LISTING" 10 32)
        rate "$LISTING" 60 32 >/dev/null
        rate "$ROOT/api/v1/products/$product" 20 32 >/dev/null
        listing=$(rate "$LISTING" 15 32); page=$(rate "$ROOT/api/v1/products/$product" 15 32)
        printf '%-6s %-8s %-8s %-10s %-10s %-10s %-12s %-12s\n' \
            "$round" "$way" "$ready" "$first" "$second" "$third" "$listing" "$page"
    done
done
rm -f "$JVM_OPTIONS_FILE"
restart >/dev/null
log "the run server is up again with its usual options; stop everything with ci/run.sh stop"
