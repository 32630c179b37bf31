#!/bin/sh
# Container start for the API image: apply pending migrations (plus reference data, and demo data
# unless SEED_DEMO=false), then replace this shell with the API process. The API itself refuses to
# start while migrations are pending, so migrating first is required, not optional.
#
# MIGRATE_ON_START=false skips the migration step, for setups that run
# `node apps/api/dist/database/migrate.js` separately (a Kubernetes Job, a release step).
set -eu
cd "$(dirname "$0")/.."

if [ -z "${DATABASE_URL:-}" ]; then
  echo "DATABASE_URL is not set: this image has no embedded PostgreSQL; point it at a postgres:// database." >&2
  exit 78
fi

if [ "${MIGRATE_ON_START:-true}" != "false" ]; then
  node apps/api/dist/database/migrate.js
fi

exec node apps/api/dist/main.js
