#!/bin/bash
# First start of the postgres service only (docker-entrypoint-initdb.d): Parley's two roles and its database, as in
# docs/operations/database.md. Passwords come from the environment (compose passes them from .env).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username postgres \
     -v owner_password="$PARLEY_DB_OWNER_PASSWORD" -v app_password="$PARLEY_DB_APP_PASSWORD" <<'SQL'
CREATE ROLE parley_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE parley_app LOGIN PASSWORD :'app_password' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE parley OWNER parley_owner;
GRANT CONNECT ON DATABASE parley TO parley_app;
SQL
