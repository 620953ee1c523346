#!/usr/bin/env bash
# Multi-region benchmark on a local Citus cluster (issue 23 point 3; figures in docs/benchmarks/citus.md).
#   bench/citus-bench.sh [ORGS_PER_CITY] [MEMBERS_PER_CITY]      (defaults 800 and 20000)
# Needs: the jar (./mvnw -B -ntp -q -DskipTests package), Citus installed (../shared/tools/citus/build.sh) and the
# cluster running (../shared/tools/citus/cluster.sh start: coordinator 5441, workers 5442 and 5443).
# Creates the database zhibu_citus_bench on the three nodes, loads the demo county (no lived year) and three cities
# of the generator's shape (洛阳, 新乡, 南阳: each its own root, so four regions), starts the app on port 8107 with
# the citus profile, times a rollup rebuild and a warning sweep and runs the dashboard/ranking/roster rows of
# bench/HttpBench.java for one city; then prints EXPLAINs of one region's roster page, ranking and dashboard reads.
# Stops the app at the end (the cluster is left running: cluster.sh stop).
set -euo pipefail
cd "$(dirname "$0")/.."
orgs=${1:-800}; members=${2:-20000}
db=zhibu_citus_bench; port=8107; pw='Zhibu#2026'
out=${OUT:-target/citus-bench}; mkdir -p "$out"
data=$(mktemp -d /tmp/zhibu-citus-bench.XXXXXX)
jar=${JAR:-$(ls target/zhibu-*.jar | grep -v original | head -1)}
psqlc() { psql -h 127.0.0.1 -p 5441 -U postgres -d "$db" -X "$@"; }

for p in 5441 5442 5443; do
  psql -h 127.0.0.1 -p $p -U postgres -Xqc "drop database if exists $db with (force)" -c "create database $db" 2>/dev/null
  psql -h 127.0.0.1 -p $p -U postgres -d $db -Xqc "create extension citus"
done
psqlc -q -c "select citus_set_coordinator_host('127.0.0.1', 5441)" -c "select citus_add_node('127.0.0.1', 5442)" \
  -c "select citus_add_node('127.0.0.1', 5443)" -c "alter database $db set citus.enable_repartition_joins = on" >/dev/null

export SPRING_PROFILES_ACTIVE=citus ZHIBU_DATA_DIR="$data" ZHIBU_DEMO_PASSWORD="$pw" ZHIBU_DEMO_LIVED_YEAR=false
export ZHIBU_DB_URL="jdbc:postgresql://127.0.0.1:5441/$db" ZHIBU_DB_USER=postgres ZHIBU_DB_PASSWORD=
echo "== load: demo county, then three cities of $orgs organizations and $members members (uptime: $(uptime))"
for city in 1 2 3; do
  java -Xmx2g -jar "$jar" --server.port=$port --zhibu.datagen.city=true --zhibu.datagen.orgs="$orgs" \
    --zhibu.datagen.members="$members" --logging.level.io.zhibu.demo=info 2>&1 | tee "$out/load-$city.log" \
    | grep -E "Region data: loaded|Demo .* in|ERROR" || true
done
psqlc -Atc "select 'regions (roots): ' || count(*) from org_organization where parent_id is null" \
  -c "select 'members per region: ' || string_agg(region_org_id || '=' || n, ', ') from (select region_org_id, count(*) n from member_member group by 1 order by 1) x"

echo "== app on $port"
java -Xmx2g -jar "$jar" --server.port=$port > "$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
for i in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break; curl -s -o /dev/null "http://127.0.0.1:$port/login" && break; sleep 1; done
token=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$pw\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
echo "== rollup rebuild over HTTP (uptime: $(uptime))"
curl -s -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/supervision/rollups/rebuild"; echo
for i in $(seq 1 600); do
  last=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/supervision/rollups/runs" | head -c 400)
  echo "$last" | grep -q '"status":"RUNNING"' || break; sleep 1
done
echo "$last"
city=$(psqlc -Atc "select id from org_organization where parent_id is null and name like '%洛阳%' limit 1")
echo "== HTTP rows for 洛阳 (root $city) and the warning sweep (uptime: $(uptime))"
java bench/HttpBench.java "http://127.0.0.1:$port" admin "$pw" --root="$city" --seconds=${SECONDS_PER_ROW:-8} \
  --sweep --out="$out/http.md" || true

path=$(psqlc -Atc "select path from org_organization where id = $city")
county=$(psqlc -Atc "select path from org_organization where parent_id = $city order by id limit 1")
echo "== EXPLAIN (one region: root $city, county path $county)"
psqlc -c "explain (costs off) select id, name_initials, org_path from member_member where region_org_id = $city and org_path >= '$county' and org_path < '${county}A' order by org_path, id limit 20" \
  -c "explain (costs off) select member_id, points from points_member_year where points_year = extract(year from now())::int and region_org_id = $city and org_path >= '$county' and org_path < '${county}A' order by points + 0 desc, member_id limit 20" \
  -c "explain (costs off) select count(*), sum(b.amount_due) from dues_account a join dues_bill b on b.member_id = a.member_id and b.region_org_id = a.region_org_id where a.region_org_id = $city and a.org_path >= '$county' and a.org_path < '${county}A' and b.period > coalesce(a.paid_up_to, date '0001-01-01')" \
  -c "explain (costs off) select org_id, metric, own_value, subtree_value from supervision_rollup where period = 'NOW' and org_id in (select id from org_organization where path >= '$county' and path < '${county}A' and depth <= 2)" \
  | tee "$out/explain.txt"
psqlc -c "select logicalrelid, count(*) shards, pg_size_pretty(sum(shard_size)) size from citus_shards group by 1 order by sum(shard_size) desc limit 12" | tee "$out/shards.txt"
