#!/bin/bash
# Build-time training run for the JDK's AOT cache (JEP 483/514): starts Parley all-in-one (embedded PostgreSQL in a
# throw-away data directory), waits until it is ready, stops it with SIGTERM. On exit the JVM writes the classes it
# loaded and linked, and the method profiles, to $1, which later starts read (-XX:AOTCache). Run as the image's user.
set -euo pipefail
cache="$1"
data="$(mktemp -d)"
# -Xlog: the JDK lists every class it cannot cache (proxies, JFR events) as a warning; only errors matter here.
PARLEY_DATA_DIR="$data" PORT=18080 java -XX:AOTCacheOutput="$cache" -Xlog:aot*=error -Xlog:cds*=error -jar /app/parley.jar &
pid=$!
for _ in $(seq 1 180); do
    if PORT=18080 /app/healthcheck.sh 2> /dev/null; then
        break
    fi
    kill -0 "$pid" 2> /dev/null || { echo "aot-train: Parley exited before it was ready" >&2; exit 1; }
    sleep 1
done
PORT=18080 /app/healthcheck.sh || { echo "aot-train: Parley not ready after 180 s" >&2; kill "$pid"; exit 1; }
kill -TERM "$pid"
wait "$pid"
rm -rf "$data"
ls -l "$cache"
