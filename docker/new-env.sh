#!/usr/bin/env bash
# Prints a .env for compose.yaml with fresh random secrets: ./new-env.sh > .env (then chmod 600 .env).
set -euo pipefail
secret() { openssl rand -base64 "$1" | tr -d '\n/+='; }
cat <<ENV
COMPOSE_PROJECT_NAME=parley
POSTGRES_PASSWORD=$(secret 24)
PARLEY_DB_OWNER_PASSWORD=$(secret 24)
PARLEY_DB_APP_PASSWORD=$(secret 24)
PARLEY_ENCRYPTION_KEY=k1:$(openssl rand -base64 32)
PARLEY_JWT_SECRET=$(openssl rand -base64 48 | tr -d '\n')
PARLEY_PUBLIC_URL=${PARLEY_PUBLIC_URL:-http://localhost:8080}
PARLEY_LLM_API_KEY=
ENV
