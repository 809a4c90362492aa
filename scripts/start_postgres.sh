#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL for the service tests; print the database URL.
#   export PREREVIEW_TEST_DATABASE_URL=$(scripts/start_postgres.sh)
set -euo pipefail
DB=${PREREVIEW_PG_DB:-prereview_test}
USER_NAME=${PREREVIEW_PG_USER:-prereview}
PASSWORD=${PREREVIEW_PG_PASSWORD:-prereview}
if ! dpkg-query -W -f="${Status}" postgresql 2>/dev/null | grep -q "install ok installed"; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
fi
VERSION=$(ls /etc/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $4}' | grep -q online; then
  pg_ctlcluster "$VERSION" main start >&2
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 0.5
done
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='$USER_NAME'\" | grep -q 1 || \
  psql -qc \"CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASSWORD'\"" >&2
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='$DB'\" | grep -q 1 || \
  createdb -O $USER_NAME $DB" >&2
echo "postgresql+psycopg://$USER_NAME:$PASSWORD@127.0.0.1:5432/$DB"
