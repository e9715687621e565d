#!/usr/bin/env bash
# ci/bench-memory.sh [ROUNDS] [SECONDS]: resident memory and throughput of the run server under load, with the JVM's
# defaults and with the container image's JVM options (src/main/liberty/container/jvm.options), alternating in one
# run (start the demo once with ci/run.sh first). For the image's options the script adds -XX:MaxRAM=1g, standing for
# the pods' 1 GiB limit, and MALLOC_ARENA_MAX=2 as the Containerfile sets it.
# Each round restarts the server one way, with the catalog cache off (every read reaches Hibernate and PostgreSQL),
# then sends for SECONDS each (default 15, 64 connections, hey) a listing, a product page and a search, and samples
# the resident memory twice a second. Prints per way: time to ready, memory once ready, the highest memory under load,
# the memory once the load ended, and requests per second of each read. Not part of the tests.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

ROUNDS="${1:-3}"
SECONDS_EACH="${2:-15}"
source "$CI_DIR/bench/restarts.sh"

mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# start <defaults|container>: restarts the server that way; prints the seconds to ready.
start() {
    { echo "-Demporium.catalog.cache.max-age=PT0S"
      if [[ $1 == container ]]; then grep -v '^#' src/main/liberty/container/jvm.options; echo "-XX:MaxRAM=1g"; fi
    } > "$JVM_OPTIONS_FILE"
    if [[ $1 == container ]]; then MALLOC_ARENA_MAX=2 restart; else restart; fi
}

printf '%-6s %-10s %-9s %-8s %-12s %-9s %-9s %-9s %-9s\n' \
    round way ready-s idle-MB load-max-MB after-MB listing/s product/s search/s
for round in $(seq 1 "$ROUNDS"); do
    for way in defaults container; do
        ready=$(start "$way")
        sleep 5
        pid=$(cat "$WLP/usr/servers/.pid/emporium.pid")
        idle=$(mb "$pid")
        peak_file=$(mktemp)
        ( peak=0; while [[ -f "$peak_file" ]] && kill -0 "$pid" 2>/dev/null; do
              now=$(mb "$pid"); (( now > peak )) && peak=$now && echo "$peak" > "$peak_file.v"; sleep 0.5
          done ) &
        sampler=$!
        product=$(curl -sf "$ROOT/api/v1/products?limit=1" | jq -r '.data[0].id')
        rate "$ROOT/api/v1/products?limit=20" "$SECONDS_EACH" 64 >/dev/null   # warm-up, not counted
        listing=$(rate "$ROOT/api/v1/products?limit=20" "$SECONDS_EACH" 64)
        page=$(rate "$ROOT/api/v1/products/$product" "$SECONDS_EACH" 64)
        search=$(rate "$ROOT/api/v1/products?search=lamp&in_stock=true&sort=price" "$SECONDS_EACH" 64)
        rm -f "$peak_file"; wait "$sampler"
        printf '%-6s %-10s %-9s %-8s %-12s %-9s %-9s %-9s %-9s\n' "$round" "$way" "$ready" "$idle" \
            "$(cat "$peak_file.v")" "$(mb "$pid")" "$listing" "$page" "$search"
        rm -f "$peak_file.v"
    done
done
rm -f "$JVM_OPTIONS_FILE"
restart >/dev/null
log "the run server is up again with its usual options; stop everything with ci/run.sh stop"
