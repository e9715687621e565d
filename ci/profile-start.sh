#!/usr/bin/env bash
# ci/profile-start.sh   — where the CPU of one start of the run server goes (start it once with ci/run.sh first).
# Restarts the run server under async-profiler (tools.profiler:async-profiler from Maven Central, CPU samples every
# 5 ms, per thread) from the JVM's launch until /health/ready answers 200, then prints:
#   - the time to ready, the CPU the server's JVM used meanwhile and how busy the whole machine was;
#   - that CPU by kind of thread: the JIT compilers, the garbage collector and the VM, the threads that start the
#     resource adapter and the application, Liberty's kernel and features (OSGi), the rest;
#   - within the application's start, the CPU of CDI, JPA (Hibernate ORM and Search), OpenAPI and the adapter.
# The samples stay in target/start-profile.collapsed (one line per stack, for flame graphs). Java Flight Recorder
# cannot say this: it does not sample the compilers' threads, nor Java threads while the VM loads their classes.
# Not part of ci/test.sh; the figures go to docs/performance.md.
set -euo pipefail
export EMPORIUM_SERVICES=dev
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_DIR"

PROFILER_VERSION=4.1
WLP="$PROJECT_DIR/target/liberty/wlp"
SERVERS="$WLP/usr/servers"
OUT="$PROJECT_DIR/target/start-profile.collapsed"
[[ -d "$SERVERS/emporium" ]] || die "no run server: start it once with ci/run.sh"

LIB="$PROJECT_DIR/target/async-profiler/linux-x64/libasyncProfiler.so"
if [[ ! -f "$LIB" ]]; then
    "$MVNW" -q -B -ntp dependency:get -Dartifact="tools.profiler:async-profiler:$PROFILER_VERSION:jar:linux-x64"
    unzip -qo "$HOME/.m2/repository/tools/profiler/async-profiler/$PROFILER_VERSION/async-profiler-$PROFILER_VERSION-linux-x64.jar" \
        'linux-x64/*' -d "$PROJECT_DIR/target/async-profiler"
fi

busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }
jvm_cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }

"$WLP/bin/server" stop emporium >/dev/null 2>&1 || true
rm -f "$OUT"
machine_before=$(busy)
began=$(date +%s.%N)
JVM_ARGS="-agentpath:$LIB=start,event=cpu,interval=5ms,threads" "$WLP/bin/server" start emporium >/dev/null
until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${HTTP_PORT:-9080}/health/ready")" == 200 ]]; do
    sleep 0.1
done
ended=$(date +%s.%N)
pid=$(cat "$SERVERS/.pid/emporium.pid")
machine=$(( $(busy) - machine_before ))
jvm=$(jvm_cpu "$pid")
# jcmd would read the option's '=' as its own argument syntax: the inner quotes keep it whole.
jcmd "$pid" JVMTI.agent_load "$LIB" "\"stop,file=$OUT,collapsed\"" >/dev/null

ticks=$(getconf CLK_TCK)
printf 'ready after %.1f s; the JVM used %.1f s of CPU, the machine was busy %.1f core-seconds (%d cores)\n' \
    "$(echo "$ended - $began" | bc)" "$(echo "$jvm / $ticks" | bc -l)" "$(echo "$machine / $ticks" | bc -l)" "$(nproc)"

# Each line of the collapsed file: "[thread name tid=N];frame;frame;... samples".
awk '
function add(kind, n) { cpu[kind] += n; total += n }
{
    n = $NF; stack = $0; sub(/ [0-9]+$/, "", stack)
    if (stack ~ /^\[C[12] CompilerThre/)                                  add("JIT compilers", n)
    else if (stack ~ /^\[(GC Thread|G1 |VM Thread|VM Periodic|Sweeper)/)  add("garbage collector and VM", n)
    else if (stack ~ /StartAction\.execute/) {
        add("starting the resource adapter and the application", n)
        if (stack ~ /RARApplicationHandlerImpl/)                    part["  the resource adapter (Artemis)"] += n
        else if (stack ~ /CDIRuntimeImpl\.applicationStarting/)     part["  CDI (Weld)"] += n
        else if (stack ~ /JPAComponentImpl\.applicationStarting/)   part["  JPA (Hibernate ORM and Search)"] += n
        else if (stack ~ /openapi20\/internal\/ApplicationListener/) part["  OpenAPI document"] += n
        else                                                        part["  the rest of the application start"] += n
    }
    else if (stack ~ /^\[(Equinox|Start Level|Config-Thread)/)             add("Liberty kernel and features (OSGi)", n)
    else                                                                  add("other threads", n)
}
END {
    for (k in cpu) printf "%7.2f s %5.1f %%  %s\n", cpu[k] * 0.005, 100 * cpu[k] / total, k | "sort -rn"
    close("sort -rn")
    print "of which, starting the application:"
    for (k in part) printf "%7.2f s %5.1f %%  %s\n", part[k] * 0.005, 100 * part[k] / total, k | "sort -rn"
    close("sort -rn")
}' "$OUT"
log "samples in $OUT; the run server keeps running (without the profiler's sampling); stop everything with ci/run.sh stop"
