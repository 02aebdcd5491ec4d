#!/usr/bin/env bash
# Builds the image and checks it end to end with docker/compose.yaml, on a machine with a Docker engine:
#   1. builds the image (against local base images from docker/build-local-base.sh, unless --registry-bases);
#   2. starts PostgreSQL, the migrate job, api, worker, web and the proxy, plus a fake LINE API;
#   3. waits for /health through the proxy, signs up, creates a bot and a LINE channel, sends a signed LINE webhook
#      and waits for the bot's reply at the fake LINE;
#   4. scales the worker to 2, waits for both to be healthy and does it again;
#   5. prints the figures (image size, start-up, memory) and tears everything down (volumes too).
#
#   docker/test.sh [--no-build] [--registry-bases] [--keep]
#
# Without a Docker engine it says so and exits 0 (nothing to test here). Everything listens on 127.0.0.1 only.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/docker"
BUILD=true LOCAL_BASES=true KEEP=false
for arg in "$@"; do
    case "$arg" in
        --no-build) BUILD=false ;;
        --registry-bases) LOCAL_BASES=false ;;
        --keep) KEEP=true ;;
        *) sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
    esac
done

if ! docker info > /dev/null 2>&1; then
    echo "docker/test.sh: SKIPPED, no Docker engine answers here (start dockerd to run it)" >&2
    exit 0
fi
if docker compose version > /dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
for tool in curl jq openssl; do
    command -v "$tool" > /dev/null || { echo "docker/test.sh: needs $tool" >&2; exit 1; }
done

IMAGE="${PARLEY_IMAGE:-parley:test}"
PORT="${PARLEY_PORT:-18080}"
FAKE_LINE_PORT="${FAKE_LINE_PORT:-18081}"
BASE="http://127.0.0.1:$PORT"
export PARLEY_IMAGE="$IMAGE" PARLEY_PORT="$PORT" FAKE_LINE_PORT PARLEY_PUBLIC_URL="$BASE"
if $LOCAL_BASES; then
    export POSTGRES_IMAGE=parley-local/postgres:17 PROXY_IMAGE=parley-local/nginx:trixie NODE_IMAGE=parley-local/node:trixie
fi

log() { printf '%s test: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# A BuildKit build (the Dockerfile uses cache mounts): buildx where installed, else a CLI older than 23 that builds
# with BuildKit itself (e.g. Debian's docker.io when a newer CLI without buildx comes first on the PATH).
buildkit() {
    local cli dir candidates=()
    local IFS=:
    for dir in $PATH; do
        [[ -x "$dir/docker" ]] && candidates+=("$dir/docker")
    done
    IFS=$' \t\n'
    for cli in "${candidates[@]}"; do
        if "$cli" buildx version > /dev/null 2>&1; then
            "$cli" buildx build --load "$@"
            return
        elif [[ "$("$cli" version --format '{{.Client.Version}}' 2> /dev/null | cut -d. -f1)" -lt 23 ]]; then
            DOCKER_BUILDKIT=1 "$cli" build "$@"
            return
        fi
    done
    echo "docker/test.sh: needs BuildKit: install docker buildx (or Debian's docker.io CLI)" >&2
    return 1
}

if $BUILD; then
    build_args=()
    if $LOCAL_BASES; then
        "$ROOT/docker/build-local-base.sh" > /dev/null
        build_args=(--build-arg JDK_IMAGE=parley-local/jdk:25 --build-arg BUILD_IMAGE=parley-local/node:trixie
                    --build-arg RUNTIME_IMAGE=parley-local/debian:trixie)
    fi
    log "building $IMAGE"
    started=$(date +%s)
    buildkit -q -f "$ROOT/docker/Dockerfile" -t "$IMAGE" "${build_args[@]}" \
        --build-arg REVISION="$(git -C "$ROOT" rev-parse HEAD 2> /dev/null || echo unknown)" \
        --build-arg CREATED="$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$ROOT" > /dev/null
    log "built in $(( $(date +%s) - started )) s"
fi

work="$(mktemp -d)"
"$ROOT/docker/new-env.sh" > "$work/.env"
compose() { "${COMPOSE[@]}" -p parley-test --env-file "$work/.env" -f compose.yaml -f test/compose.test.yaml "$@"; }
teardown() {
    if $KEEP; then
        log "kept running: ${COMPOSE[*]} -p parley-test --env-file $work/.env -f compose.yaml -f test/compose.test.yaml down -v"
        return
    fi
    compose down -v --remove-orphans > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap teardown EXIT

# Waits up to $2 seconds for command $3... to succeed; $1 names what is awaited.
await() {
    local what="$1" seconds="$2"
    shift 2
    local deadline=$(( $(date +%s) + seconds ))
    until "$@" > /dev/null 2>&1; do
        if (( $(date +%s) > deadline )); then
            log "FAILED: no $what after ${seconds} s"
            compose ps >&2 || true
            compose logs --tail=40 >&2 || true
            exit 1
        fi
        sleep 1
    done
}

log "starting the stack"
started=$(date +%s)
compose up -d --quiet-pull > /dev/null 2>&1 || compose up -d
# Healthy = the image's HEALTHCHECK (GET /health/readiness) passes in every container of the service.
healthy() { # service count
    local ids
    ids=$(compose ps -q "$1")
    [[ -n "$ids" && $(docker inspect -f '{{.State.Health.Status}}' $ids | grep -c '^healthy$') -ge $2 ]]
}
await "healthy api, worker and web" 240 bash -c "$(declare -f compose healthy); COMPOSE=(${COMPOSE[*]}); work=$work; \
    healthy api 1 && healthy worker 1 && healthy web 1"
await "the stack behind the proxy" 30 curl -fsS "$BASE/health"
log "stack ready in $(( $(date +%s) - started )) s (PostgreSQL, migrations, three roles)"
[[ "$(docker inspect -f '{{.State.ExitCode}}' "$(compose ps -q migrate)")" == 0 ]] || { log "FAILED: migrate"; exit 1; }

api() { # method path [token] [json]
    curl -fsS -X "$1" "$BASE$2" -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} ${4:+-d "$4"}
}
token=$(api POST /api/v1/auth/signup "" \
    '{"email":"docker-test@example.com","password":"a long docker passphrase","tenantName":"Docker test"}' \
    | jq -r .accessToken)
bot=$(api POST /api/v1/bots "$token" '{"name":"Docker bot","persona":"You are a helpful bot."}' | jq -r .id)
secret="docker-test-channel-secret"
channel=$(api POST "/api/v1/bots/$bot/channels" "$token" \
    "{\"type\":\"line\",\"credentials\":{\"channelSecret\":\"$secret\",\"channelAccessToken\":\"docker-line-token\"}}" \
    | jq -r .id)
log "tenant, bot $bot and LINE channel $channel created through the api role"

# One signed LINE text event (x-line-signature = Base64(HMAC-SHA256(channel secret, body))); waits for the reply.
converse() {
    local n="$1" reply_token="rt-docker-$1-$RANDOM"
    local body
    body=$(printf '{"destination":"U0000000000000000000000000docker","events":[{"type":"message","mode":"active","timestamp":%s000,"source":{"type":"user","userId":"Udocker%s"},"webhookEventId":"01DOCKER%s%s","deliveryContext":{"isRedelivery":false},"replyToken":"%s","message":{"id":"9%s","type":"text","quoteToken":"q%s","text":"hello from docker %s"}}]}' \
        "$(date +%s)" "$n" "$n" "$RANDOM" "$reply_token" "$n" "$n" "$n")
    local signature
    signature=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$secret" -binary | base64 -w0)
    local status
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/webhooks/line/$channel" \
        -H 'Content-Type: application/json' -H "x-line-signature: $signature" --data-binary "$body")
    [[ "$status" == 200 ]] || { log "FAILED: webhook answered $status"; exit 1; }
    local bad
    bad=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$BASE/webhooks/line/$channel" \
        -H 'Content-Type: application/json' -H "x-line-signature: $signature" --data-binary "${body/hello/HELLO}")
    [[ "$bad" != 200 ]] || { log "FAILED: a webhook with an altered body was accepted"; exit 1; }
    await "reply to webhook $n at the fake LINE" 60 bash -c \
        "curl -fsS http://127.0.0.1:$FAKE_LINE_PORT/calls | jq -e 'map(select(.path == \"/v2/bot/message/reply\" and (.body | contains(\"$reply_token\")))) | length == 1'"
    log "webhook $n: 200, altered copy refused ($bad), bot replied with the reply token"
}
converse 1

log "scaling the worker to 2"
compose up -d --no-deps --no-recreate --scale worker=2 worker > /dev/null 2>&1
await "two healthy workers" 180 bash -c "$(declare -f compose healthy); COMPOSE=(${COMPOSE[*]}); work=$work; \
    healthy worker 2"
converse 2
converse 3

# Figures for docs/operations/docker.md.
log "image $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.0f MB", $1/1000/1000}')"
for service in api worker web; do
    for id in $(compose ps -q "$service"); do
        ready=$(docker logs "$id" 2>&1 | sed -n 's/.*Parley ready in \([0-9.]* s\).*/\1/p' | head -1)
        memory=$(docker stats --no-stream --format '{{.MemUsage}}' "$id")
        log "$service: ready in ${ready:-?}, memory $memory"
    done
done
log "PASSED"
