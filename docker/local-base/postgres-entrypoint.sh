#!/bin/bash
# Entry point of parley-local/postgres (docker/build-local-base.sh): a stand-in for the official postgres image's,
# with the same contract as far as docker/compose.yaml uses it: POSTGRES_PASSWORD for the superuser "postgres",
# data in /var/lib/postgresql/data, scripts in /docker-entrypoint-initdb.d run once on an empty data directory.
set -euo pipefail
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
if [[ "$(id -u)" == 0 ]]; then
    mkdir -p "$PGDATA" /run/postgresql
    chown -R postgres:postgres "$PGDATA" /run/postgresql
    chmod 700 "$PGDATA"
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
    pwfile="$(mktemp)"
    printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}" > "$pwfile"
    initdb --username=postgres --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 > /dev/null
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
    pg_ctl -o "-c listen_addresses=''" -w start > /dev/null
    for script in /docker-entrypoint-initdb.d/*; do
        case "$script" in
            *.sh) bash "$script" ;;
            *.sql) psql -v ON_ERROR_STOP=1 --username postgres -f "$script" ;;
        esac
    done
    pg_ctl -m fast -w stop > /dev/null
fi
exec postgres -c listen_addresses='*' "$@"
