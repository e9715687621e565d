#!/usr/bin/env bash
# ci/bench-start.sh [rounds] ["JVM options"]   — start time and memory of the run server (start it once with
# ci/run.sh first). Each round restarts the servers one after the other and times `server start` → /health/ready 200:
#   - "emporium", the run server with the application and its services (ci/run.sh);
#   - with JVM options given, the same run server once more with them (JVM_ARGS), so that an option is measured
#     beside the server without it, in the same rounds;
#   - "bench-bare", the same Liberty with the same features and no application: the floor the application adds to.
# Prints per round the time to ready, the application's own start (CWWKZ0001I) and the resident memory once ready;
# the figures go to docs/performance.md. Not part of ci/test.sh.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

ROUNDS="${1:-3}"
OPTIONS="${2:-}"
WLP="$PROJECT_DIR/target/liberty/wlp"
SERVERS="$WLP/usr/servers"
BARE_PORT=9380
[[ -d "$SERVERS/emporium" ]] || die "no run server: start it once with ci/run.sh"

# The bare server: the run server's feature list, an HTTP port of its own, nothing deployed.
mkdir -p "$SERVERS/bench-bare"
{
    echo '<server description="Emporium start benchmark: features only">'
    sed -n '/<featureManager>/,/<\/featureManager>/p' src/main/liberty/config/server.xml
    echo "    <httpEndpoint id=\"defaultHttpEndpoint\" host=\"127.0.0.1\" httpPort=\"$BARE_PORT\" httpsPort=\"-1\"/>"
    echo '</server>'
} > "$SERVERS/bench-bare/server.xml"

ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$1/health/ready")" == 200 ]]; }

# measure <server> <port> [JVM options]: one restart; prints "seconds-to-ready application-seconds rss-MB".
measure() {
    local server=$1 port=$2 options=${3:-} began ended pid rss app
    "$WLP/bin/server" stop "$server" >/dev/null 2>&1 || true
    began=$(date +%s.%N)
    JVM_ARGS="$options" "$WLP/bin/server" start "$server" >/dev/null
    until ready "$port"; do sleep 0.1; done
    ended=$(date +%s.%N)
    pid=$(cat "$SERVERS/.pid/$server.pid")
    rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
    app=$(grep -ho 'CWWKZ0001I: Application emporium started in [0-9.]*' "$SERVERS/$server/logs/messages.log" 2>/dev/null \
        | tail -1 | grep -o '[0-9.]*$' || true)
    printf '%.1f %s %s\n' "$(echo "$ended - $began" | bc)" "${app:--}" "$rss"
}

[[ -n "$OPTIONS" ]] && log "the column 'with' is the run server started with: $OPTIONS"
printf '%-6s %-12s %-10s %-12s %-12s %-10s %-8s %-10s\n' \
    round emporium app-start rss-MB with with-app bare bare-rss-MB
for round in $(seq 1 "$ROUNDS"); do
    read -r full app rss <<< "$(measure emporium "${HTTP_PORT:-9080}")"
    with=- with_app=-
    if [[ -n "$OPTIONS" ]]; then
        read -r with with_app _ <<< "$(measure emporium "${HTTP_PORT:-9080}" "$OPTIONS")"
        with="$with s" with_app="$with_app s"
    fi
    read -r bare _ bare_rss <<< "$(measure bench-bare "$BARE_PORT")"
    printf '%-6s %-12s %-10s %-12s %-12s %-10s %-8s %-10s\n' \
        "$round" "$full s" "$app s" "$rss" "$with" "$with_app" "$bare s" "$bare_rss"
done
"$WLP/bin/server" stop bench-bare >/dev/null 2>&1 || true
# Left as ci/run.sh started it, without the options.
[[ -n "$OPTIONS" ]] && measure emporium "${HTTP_PORT:-9080}" >/dev/null
log "the run server is up again; stop everything with ci/run.sh stop"
