#!/usr/bin/env bash
# Zhibu restore (PostgreSQL) into a FRESH, empty database, from a directory written by bench/backup.sh:
#
#   createdb -E UTF8 zhibu_restored
#   bench/restore.sh <backup-dir> <postgresql://user@host:port/zhibu_restored>
#
# Then start Zhibu on it with the same keys (the key ring file from the backup as <ZHIBU_DATA_DIR>/zhibu-keys.properties,
# or the ZHIBU_CRYPTO_* variables from the secret store) and check the audit chain: GET /api/v1/audit/chain (auditor)
# or the page /audit/chain must say "intact". The drill test BackupRestoreDrillTest does all of it on PostgreSQL.
set -euo pipefail
dir=${1:?backup directory}
db=${2:?postgresql:// URI of an empty database}
(cd "$dir" && sha256sum --check --quiet SHA256SUMS)
tables=$(psql "$db" -X -A -t -c "select count(*) from pg_tables where schemaname = 'public'")
if [[ "$tables" != "0" ]]; then
  echo "refusing to restore into a database that has tables ($tables): create a fresh one" >&2
  exit 2
fi
start=$(date +%s.%N)
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname "$db" "$dir/zhibu.dump"
psql "$db" -X -q -c "analyze" >/dev/null
# the audit row that was the chain's head when the backup began must be there with the same MAC
read -r head_id head_mac < "$dir/audit-head.txt" || true
if [[ -n "${head_id:-}" ]]; then
  found=$(psql "$db" -X -A -t -c "select mac from audit_event where id = $head_id union all select mac from audit_event_archive where id = $head_id")
  if [[ "$found" != "$head_mac" ]]; then
    echo "audit row $head_id (the chain head at backup time) is missing or changed in the restored database" >&2
    exit 3
  fi
fi
head="${head_id:-none}"
printf 'restored %s into %s in %.1f s; audit head %s\n' "$dir/zhibu.dump" "${db##*/}" \
  "$(echo "$(date +%s.%N) - $start" | bc)" "$head"
