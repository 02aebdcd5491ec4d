#!/usr/bin/env bash
# Builds, from Debian packages and this machine's JDK, the three base images docker/Dockerfile needs, for machines
# that reach no image registry (this project's dev and CI machines). Elsewhere the Dockerfile's defaults
# (debian:trixie-slim, node:22-trixie-slim, eclipse-temurin:25-jdk) are pulled as usual and this script is not needed.
#
#   docker/build-local-base.sh            build the images that are missing
#   docker/build-local-base.sh --force    rebuild all three
#
# Images (tags are what docker/test.sh passes as build args and compose variables):
#   parley-local/debian:trixie   Debian trixie minbase without docs/man/locales: the runtime base (like -slim)
#   parley-local/node:trixie     the same plus nodejs and npm: the build stage (Maven runs npm for the dashboard)
#   parley-local/jdk:25          only a JDK 25 at /opt/java/openjdk (from JAVA_HOME): copied into the build stage,
#                                where it builds the jar and jlinks the runtime
#   parley-local/postgres:17     Debian's PostgreSQL 17 with a stand-in for the official image's entry point
#   parley-local/nginx:trixie    Debian's nginx: compose.yaml's proxy
# Needs root, docker, mmdebstrap (apt-get install -y docker.io mmdebstrap).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SUITE=trixie
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
FORCE=false
[[ "${1:-}" == --force ]] && FORCE=true

JAVA_HOME="${JAVA_HOME:-$("$ROOT/parley" java-home)}"

missing() {
    $FORCE || ! docker image inspect "$1" > /dev/null 2>&1
}

# What debian:*-slim leaves out: documentation, man pages, translations. Keeps the images small.
SLIM=(--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*'
      --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*'
      --dpkgopt='path-exclude=/usr/share/info/*')

if missing parley-local/debian:$SUITE; then
    echo "base: parley-local/debian:$SUITE" >&2
    mmdebstrap --quiet --variant=minbase "${SLIM[@]}" "$SUITE" - "$MIRROR" \
        | docker import --change 'CMD ["bash"]' - parley-local/debian:$SUITE
fi

if missing parley-local/node:$SUITE; then
    echo "base: parley-local/node:$SUITE" >&2
    # The build stage downloads npm packages: it trusts what this machine trusts (the machine's CA bundle, which
    # may hold a proxy's CA). The JDK's trust store below comes from the machine the same way.
    mmdebstrap --quiet --variant=minbase "${SLIM[@]}" --include=nodejs,npm,ca-certificates \
        --customize-hook='cp /etc/ssl/certs/ca-certificates.crt "$1/etc/ssl/certs/ca-certificates.crt"' \
        "$SUITE" - "$MIRROR" \
        | docker import --change 'CMD ["bash"]' \
            --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' - parley-local/node:$SUITE
fi

if missing parley-local/jdk:25; then
    echo "base: parley-local/jdk:25 from $JAVA_HOME" >&2
    # -h: a distribution's JDK links lib/security/cacerts to the system's trust store, which the image lacks.
    tar -C "$JAVA_HOME" --dereference --transform 's,^\.,opt/java/openjdk,' -cf - . \
        | docker import - parley-local/jdk:25
fi
if missing parley-local/postgres:17; then
    echo "base: parley-local/postgres:17" >&2
    mmdebstrap --quiet --variant=minbase "${SLIM[@]}" --include=postgresql-17 \
        --customize-hook="copy-in $ROOT/docker/local-base/postgres-entrypoint.sh /usr/local/bin" \
        "$SUITE" - "$MIRROR" \
        | docker import --change 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/bin:/usr/bin:/bin' \
            --change 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]' --change 'EXPOSE 5432' \
            - parley-local/postgres:17
fi

if missing parley-local/nginx:trixie; then
    echo "base: parley-local/nginx:trixie" >&2
    mmdebstrap --quiet --variant=minbase "${SLIM[@]}" --include=nginx \
        --customize-hook='ln -sf /dev/stdout "$1/var/log/nginx/access.log"; ln -sf /dev/stderr "$1/var/log/nginx/error.log"' \
        "$SUITE" - "$MIRROR" \
        | docker import --change 'CMD ["nginx", "-g", "daemon off;"]' \
            - parley-local/nginx:trixie
fi
docker image ls 'parley-local/*'
