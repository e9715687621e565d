# What the benchmarks that restart the run server (ci/bench-memory.sh, ci/bench-warmup.sh) share. Sourced after
# ci/env.sh, with the demo made once by ci/run.sh; every read is let through (a raised read allowance).
#   restart [JVM options]:  restarts the run server (JVM_ARGS) and prints the seconds until /health/ready is 200;
#                           variables set on the call (MALLOC_ARENA_MAX=2 restart) reach the server's JVM.
#   rate URL SECONDS CONNECTIONS:  requests per second from hey; fails on any answer that is not 2xx/3xx.
#   JVM_OPTIONS_FILE:       the server's jvm.options, which the EXIT trap removes again.

WLP="$PROJECT_DIR/target/liberty/wlp"
SERVER="$WLP/usr/servers/emporium"
ROOT="http://localhost:${HTTP_PORT:-9080}"
JVM_OPTIONS_FILE="$SERVER/jvm.options"
[[ -d "$SERVER" ]] || die "no run server: start it once with ci/run.sh"
command -v hey >/dev/null || die "hey is needed: apt-get install hey"
export EMPORIUM_RATE_LIMIT_READ_PER_MINUTE=100000000
trap 'rm -f "$JVM_OPTIONS_FILE"' EXIT

restart() {
    local began
    "$WLP/bin/server" stop emporium >/dev/null 2>&1 || true
    began=$(date +%s.%N)
    JVM_ARGS="${1:-}" "$WLP/bin/server" start emporium >/dev/null
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$ROOT/health/ready")" == 200 ]]; do sleep 0.1; done
    printf '%.1f' "$(echo "$(date +%s.%N) - $began" | bc)"
}

rate() {
    local out
    out=$(hey -z "${2}s" -c "$3" "$1")
    sed -n '/Status code/,$p' <<< "$out" | grep -q '\[[45][0-9][0-9]\]' && die "error answers from $1: $out"
    awk '/Requests\/sec/ {printf "%.0f", $2}' <<< "$out"
}
