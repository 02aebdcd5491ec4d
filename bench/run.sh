#!/usr/bin/env bash
# Parley benchmark: builds parley.jar and the driver, runs the scenarios against fake LINE and LLM servers on
# 127.0.0.1, and prints one table of figures (also saved as report.txt in the run directory). See bench/README.md.
#
#   bench/run.sh                                  # every scenario with the defaults
#   bench/run.sh --scenarios ack --ack-seconds 10 # options go to the driver (README lists them)
#   BENCH_SKIP_BUILD=1 bench/run.sh ...           # reuse the jars already built
#   BENCH_KEEP_DATA=1 bench/run.sh ...            # keep each scenario's embedded database for inspection
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 # the project targets Java 25 (shared/TOOLCHAIN.md)
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
    echo "[bench] building parley.jar and the driver" >&2
    ./mvnw -B -q -DskipTests package -pl app,bench -am
fi

WORK="bench/target/run-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK"
DRIVER=""

# Stops what this run started, by pid, and only if the pid still is that process: the driver, every parley.jar it
# started (their pids are in <scenario>/parley.pid) and, should a Parley have died without stopping it, its
# embedded PostgreSQL (postmaster.pid in that scenario's data directory).
cleanup() {
    trap - EXIT INT TERM
    if [ -n "$DRIVER" ] && kill -0 "$DRIVER" 2>/dev/null; then
        kill "$DRIVER" 2>/dev/null || true
        wait "$DRIVER" 2>/dev/null || true
    fi
    for pidfile in "$WORK"/*/parley.pid; do
        [ -f "$pidfile" ] || continue
        pid=$(cat "$pidfile")
        if grep -qa "parley.jar" "/proc/$pid/cmdline" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    for pidfile in "$WORK"/*/data/postgres/postmaster.pid; do
        [ -f "$pidfile" ] || continue
        pid=$(head -n 1 "$pidfile")
        if grep -qa "$(cd "$(dirname "$pidfile")" && pwd)" "/proc/$pid/cmdline" 2>/dev/null; then
            kill -INT "$pid" 2>/dev/null || true # fast shutdown
        fi
    done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "[bench] machine: $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)," \
     "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo); load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"$JAVA" -Xmx1g -XX:+UseParallelGC -jar bench/target/parley-bench.jar --work "$WORK" "$@" &
DRIVER=$!
status=0
wait "$DRIVER" || status=$?
DRIVER=""
if [ -z "${BENCH_KEEP_DATA:-}" ]; then
    rm -rf "$WORK"/*/data # the databases (GBs after the ack scenarios); logs, gc.log and profiles stay
fi
echo "[bench] load average after the run: $(cut -d' ' -f1-3 /proc/loadavg); files in $WORK" >&2
exit "$status"
