#!/usr/bin/env bash
# Start-up time and memory of the image, with and without its AOT cache: starts the all-in-one container (embedded
# PostgreSQL in a fresh volume) RUNS times each way, reads "Parley ready in X s" from its log (JVM uptime when the
# HTTP server listens), the CPU seconds the container used until then (cgroup v1 cpuacct; less sensitive than the
# wall clock to other work on the machine) and its memory once ready. docs/operations/docker.md's figures come from it.
#
#   docker/measure-startup.sh [image] [extra docker run options...]    e.g. parley:dev --cpus 1 --memory 768m
set -euo pipefail
IMAGE="${1:-parley:dev}"
shift || true
EXTRA=("$@")
RUNS="${RUNS:-3}"

measure() { # label java-options
    local label="$1" options="$2"
    for run in $(seq 1 "$RUNS"); do
        local name="parley-measure-$$-$run"
        docker run -d --name "$name" --init --read-only --tmpfs /tmp:exec --cap-drop ALL \
            --security-opt no-new-privileges -v "$name:/var/lib/parley" \
            -e PARLEY_ENCRYPTION_KEY="k1:$(openssl rand -base64 32)" -e PARLEY_JWT_SECRET="$(openssl rand -base64 48)" \
            -e JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError $options" ${EXTRA[@]+"${EXTRA[@]}"} "$IMAGE" > /dev/null
        local ready=""
        for _ in $(seq 1 120); do
            ready=$(docker logs "$name" 2>&1 | sed -n 's/.*Parley ready in \([0-9.]*\) s.*/\1/p' | head -1)
            [[ -n "$ready" ]] && break
            sleep 1
        done
        local memory cpu="?" id usage
        id=$(docker inspect -f '{{.Id}}' "$name")
        usage="/sys/fs/cgroup/cpuacct/docker/$id/cpuacct.usage"
        [[ -r "$usage" ]] && cpu=$(awk '{printf "%.1f", $1 / 1e9}' "$usage")
        memory=$(docker stats --no-stream --format '{{.MemUsage}}' "$name" | cut -d/ -f1)
        echo "$label run $run: ready in ${ready:-?} s, CPU ${cpu} s, memory ${memory}"
        docker rm -f "$name" > /dev/null
        docker volume rm "$name" > /dev/null
    done
}
measure "AOT cache" ""
measure "no AOT cache" "-XX:AOTMode=off"
