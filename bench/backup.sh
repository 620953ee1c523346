#!/usr/bin/env bash
# Zhibu backup (PostgreSQL): a consistent pg_dump in custom format, the audit chain's head (keep it off-site: it
# reveals newest audit rows removed together with a reset head), and the key ring file when the keys live in one.
#
#   bench/backup.sh <postgresql://user@host:port/db> <backup-dir> [key-ring-file]
#
# key-ring-file: <ZHIBU_DATA_DIR>/zhibu-keys.properties when the keys were generated there (demo, or keys kept in a
# file); in production the keys (ZHIBU_CRYPTO_DATA_KEY / _INDEX_KEY / _AUDIT_KEY) live in the secret store — back
# them up there. Without the data key the encrypted fields cannot be read, without the audit key the chain cannot be
# verified. Password: PGPASSWORD or ~/.pgpass. Needs pg_dump/psql of the server's major version or newer.
set -euo pipefail
db=${1:?postgresql:// URI of the database}
out=${2:?backup directory}
keys=${3:-}
mkdir -p "$out"
chmod 700 "$out"
start=$(date +%s.%N)
# the audit head first, then one snapshot of the whole database (pg_dump runs in a repeatable-read transaction, the
# app may keep running): the dump holds that head's row with that MAC, and whatever was appended after it
psql "$db" -X -A -t -v ON_ERROR_STOP=1 -c "select coalesce(last_id::text, '') || ' ' || coalesce(last_mac, '') from audit_chain_head where id = 1" > "$out/audit-head.txt"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file "$out/zhibu.dump" "$db"
psql "$db" -X -A -t -F ' ' -v ON_ERROR_STOP=1 -c "select relname, n_live_tup from pg_stat_user_tables order by relname" > "$out/approx-rows.txt"
if [[ -n "$keys" ]]; then
  cp "$keys" "$out/zhibu-keys.properties"
  chmod 600 "$out/zhibu-keys.properties"
fi
(cd "$out" && sha256sum zhibu.dump audit-head.txt $( [[ -n "$keys" ]] && echo zhibu-keys.properties ) > SHA256SUMS)
printf 'backup of %s in %s: %s bytes, %.1f s\n' "${db##*/}" "$out" "$(stat -c %s "$out/zhibu.dump")" \
  "$(echo "$(date +%s.%N) - $start" | bc)"
