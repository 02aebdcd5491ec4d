#!/bin/bash
# HEALTHCHECK of the image: 0 when GET /health/readiness answers 200 (the process serves and reaches its database).
# Plain bash (/dev/tcp), so the runtime image needs no curl or wget.
set -u
exec 3<>"/dev/tcp/127.0.0.1/${PORT:-8080}" || exit 1
printf 'GET /health/readiness HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 _ status _ <&3 || exit 1
[[ "$status" == 200 ]]
