#!/usr/bin/env bash
# Zhibu crash drills on PostgreSQL (issue 19, point 10). On a PRIVATE PostgreSQL cluster (initdb into $WORK, port
# $PGPORT) so that restarting the database never touches a shared server, with the demo county loaded by the app:
#   1. kill -9 of the JVM in the middle of a roster import of $ROWS rows (default 220,000), restart, check
#   2. the same during a dues issue          3. during a warning sweep          4. during a full rollup rebuild
#   after each restart: the run is FAILED (start-up recovery), nothing of it was written, the job runs again,
#   rollups/check answers "equal" ([]);
#   5. the database restarted while the app runs: requests answer 503 for its duration and 200 again afterwards,
#   without an app restart.
# Every check prints PASS/FAIL; the summary goes to $WORK/results.txt with the load average at each kill.
#
#   ./mvnw -B -ntp -q -DskipTests package && ./mvnw -B -ntp -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/crash-drill.sh [rows]
#
# Environment: ZHIBU_DRILL_PORT (8082), ZHIBU_DRILL_PGPORT (5499), ZHIBU_DRILL_DIR (/tmp/zhibu-drill), JAVA_HOME.
set -uo pipefail
ROWS=${1:-220000}
PORT=${ZHIBU_DRILL_PORT:-8082}
PGPORT=${ZHIBU_DRILL_PGPORT:-5499}
WORK=${ZHIBU_DRILL_DIR:-/tmp/zhibu-drill}
PW='Drill#2026x'
BASE=http://127.0.0.1:$PORT
PGBIN=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
cd "$(dirname "$0")/.."
CP="$WORK/classes:$(cat target/cp.txt)"
RESULTS=$WORK/results.txt
fails=0

as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sql() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -d zhibu -XAtc "$1"; }
drill() { "$JAVA" -cp "$WORK/cls" CrashDrill "$@"; }
note() { echo "$*" | tee -a "$RESULTS"; }
check() { # check <what> <expected> <actual>
  if [[ "$2" == "$3" ]]; then note "  PASS $1: $3"; else note "  FAIL $1: expected $2, got $3"; fails=$((fails + 1)); fi
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

start_app() {
  ZHIBU_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/zhibu" ZHIBU_DB_USER=postgres ZHIBU_DB_PASSWORD= \
  ZHIBU_DEMO_PASSWORD="$PW" ZHIBU_DATA_DIR="$WORK/data" ZHIBU_DB_CONNECTION_TIMEOUT=3000 \
    nohup "$JAVA" -Xmx2g -cp "$CP" io.zhibu.ZhibuApplication --server.port="$PORT" --zhibu.jobs.scheduling=false \
    --zhibu.node-id=drill-node >> "$WORK/app.log" 2>&1 &
  echo $! > "$WORK/app.pid"
  for _ in $(seq 1 900); do
    if curl -fs "$BASE/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$WORK/app.pid")" 2>/dev/null; then echo "app died, see $WORK/app.log" >&2; exit 1; fi
    sleep 1
  done
  echo "app not ready after 15 min" >&2; exit 1
}
kill9() {
  note "  kill -9 at load average $(load)"
  kill -9 "$(cat "$WORK/app.pid")"; sleep 1
}
stop_app() { kill "$(cat "$WORK/app.pid")" 2>/dev/null; sleep 3; }
rollups_equal() { drill post "$BASE" "$PW" admin /api/v1/supervision/rollups/check | cut -c1-200; }

# --- a private cluster --------------------------------------------------------------------------------------------
if [[ -f "$WORK/app.pid" ]]; then kill "$(cat "$WORK/app.pid")" 2>/dev/null; fi
[[ -d "$WORK/pg" ]] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
rm -rf "$WORK"; mkdir -p "$WORK/data"; chmod 777 "$WORK"
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$WORK/cls" bench/CrashDrill.java
cp -r target/classes "$WORK/classes" # a snapshot: a build during the drill must not change the app under test
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK -c max_connections=60" -l "$WORK/pg.log" -w start >/dev/null
createdb -h 127.0.0.1 -p "$PGPORT" -U postgres -E UTF8 zhibu
note "Zhibu crash drill $(date -u +%FT%TZ), rows=$ROWS, load average $(load)"
start_app
note "demo county loaded: $(sql 'select count(*) from member_member') members"

# --- 1. roster import -----------------------------------------------------------------------------------------------
note "1. kill -9 during the roster import of $ROWS rows"
drill csv "$BASE" "$PW" "$WORK/roster.csv" "$ROWS" | tee -a "$RESULTS"
t0=$(date +%s)
read -r token valid invalid < <(drill upload "$BASE" "$PW" "$WORK/roster.csv")
note "  uploaded and validated in $(( $(date +%s) - t0 )) s: $valid $invalid"
m0=$(sql "select count(*) from member_member"); e0=$(sql "select count(*) from member_event")
d0=$(sql "select count(*) from dues_account"); p0=$(sql "select count(*) from points_member")
drill commit "$BASE" "$PW" "$token" "$WORK/roster.csv" > "$WORK/commit.out" 2>&1 &
t0=$(date +%s)
for _ in $(seq 1 3600); do
  done_rows=$(drill get "$BASE" "$PW" admin "/api/v1/members/imports/$token" 2>/dev/null | sed -n 's/.*"processed":\([0-9]*\).*/\1/p')
  [[ -n "$done_rows" && "$done_rows" -ge $((ROWS / 2)) ]] && break
  sleep 1
done
note "  commit running for $(( $(date +%s) - t0 )) s, $done_rows rows loaded in its transaction"
kill9
start_app
check "import run after restart" "FAILED" "$(sql "select status from job_run where job = 'roster.import' order by id desc limit 1")"
check "members (nothing half-written)" "$m0" "$(sql "select count(*) from member_member")"
check "member history rows" "$e0" "$(sql "select count(*) from member_event")"
check "dues accounts (projection)" "$d0" "$(sql "select count(*) from dues_account")"
check "points members (projection)" "$p0" "$(sql "select count(*) from points_member")"
check "rollups/check" "200 []" "$(rollups_equal)"
t0=$(date +%s)
read -r token valid invalid < <(drill upload "$BASE" "$PW" "$WORK/roster.csv")
r=$(drill commit "$BASE" "$PW" "$token" "$WORK/roster.csv")
note "  import run again (upload, check and commit in $(( $(date +%s) - t0 )) s): ${r:0:100}"
check "members after the re-run" "$((m0 + ROWS))" "$(sql "select count(*) from member_member")"
check "rollups/check" "200 []" "$(rollups_equal)"

# --- 2. dues issue --------------------------------------------------------------------------------------------------
note "2. kill -9 during a dues issue (the county, a month not yet issued)"
period=$(date -d "$(date +%Y-%m-15) -6 month" +%Y-%m)
b0=$(sql "select count(*) from dues_bill")
drill post "$BASE" "$PW" county /api/v1/dues/bills/issue "{\"period\":\"$period\"}" > "$WORK/issue.out" 2>&1 &
for _ in $(seq 1 2000); do
  [[ "$(sql "select count(*) from job_run where job = 'dues.issue' and status = 'RUNNING'")" != "0" ]] && break
  sleep 0.05
done
kill9
start_app
status=$(sql "select status from job_run where job = 'dues.issue' order by id desc limit 1")
if [[ "$status" == "DONE" ]]; then
  note "  the issue finished before the kill ($(cat "$WORK/issue.out" | cut -c1-120)): all bills or none, see below"
else
  check "issue run after restart" "FAILED" "$status"
  check "bills (nothing half-written)" "$b0" "$(sql "select count(*) from dues_bill")"
fi
r=$(drill post "$BASE" "$PW" county /api/v1/dues/bills/issue "{\"period\":\"$period\"}")
note "  issue run again: ${r:0:120}"
check "issue again creates nothing" "0" "$(drill post "$BASE" "$PW" county /api/v1/dues/bills/issue "{\"period\":\"$period\"}" | sed -n 's/.*"issued":\([0-9]*\).*/\1/p')"
check "rollups/check" "200 []" "$(rollups_equal)"

# --- 3. warning sweep -----------------------------------------------------------------------------------------------
note "3. kill -9 during a warning sweep"
w0=$(sql "select count(*) from warning_warning")
sweep=$(drill post "$BASE" "$PW" admin /api/v1/warnings/sweeps | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
for _ in $(seq 1 2000); do
  [[ "$(sql "select status from warning_sweep where id = $sweep")" == "RUNNING" ]] && break
  sleep 0.05
done
note "  sweep $sweep at stage $(sql "select stage from warning_sweep where id = $sweep")"
kill9
start_app
status=$(sql "select status from warning_sweep where id = $sweep")
check "staged candidates removed" "0" "$(sql "select count(*) from warning_candidate where run_id = $sweep")"
if [[ "$status" == "DONE" ]]; then
  note "  the sweep finished before the kill"
else
  check "sweep after restart" "FAILED" "$status"
  check "warnings unchanged (the sweep's diff is one transaction)" "$w0" "$(sql "select count(*) from warning_warning")"
fi
again=$(drill post "$BASE" "$PW" admin /api/v1/warnings/sweeps | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
for _ in $(seq 1 1200); do
  s=$(sql "select status from warning_sweep where id = $again"); [[ "$s" != "RUNNING" && "$s" != "QUEUED" ]] && break; sleep 1
done
check "sweep run again" "DONE" "$s"
check "rollups/check" "200 []" "$(rollups_equal)"

# --- 4. rollup rebuild ----------------------------------------------------------------------------------------------
note "4. kill -9 during a full rollup rebuild"
c0=$(sql "select count(*) || ' cells, sum ' || coalesce(sum(subtree_value), 0) from supervision_rollup")
# The rebuild of 230,000 members takes about a second: the kill follows the POST's answer (the run row is committed
# and the rebuild has started in the background) without a pause, and the stage is read after the restart.
run=$(drill post "$BASE" "$PW" admin /api/v1/supervision/rollups/rebuild | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
kill9
note "  rebuild $run killed; its run row before the restart: $(sql "select status from supervision_run where id = $run")"
start_app
status=$(sql "select status from supervision_run where id = $run")
if [[ "$status" == "DONE" ]]; then
  note "  the rebuild finished before the kill"
else
  check "rebuild after restart" "FAILED" "$status"
  check "rollup table intact" "$c0" "$(sql "select count(*) || ' cells, sum ' || coalesce(sum(subtree_value), 0) from supervision_rollup")"
fi
again=$(drill post "$BASE" "$PW" admin /api/v1/supervision/rollups/rebuild | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
for _ in $(seq 1 1200); do
  s=$(sql "select status from supervision_run where id = $again"); [[ "$s" != "RUNNING" ]] && break; sleep 1
done
check "rebuild run again" "DONE" "$s"
check "rollups/check" "200 []" "$(rollups_equal)"

# --- 5. database restart while the app runs --------------------------------------------------------------------------
note "5. the database stops for ~10 s while the app runs (GET /api/v1/members every 200 ms)"
drill hammer "$BASE" "$PW" 40 "/api/v1/members?size=5" > "$WORK/hammer.out" 2>&1 &
hp=$!
sleep 8
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null
note "  database stopped at $(date -u +%T), load average $(load)"
sleep 10
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK -c max_connections=60" -l "$WORK/pg.log" -w start >/dev/null
note "  database started at $(date -u +%T)"
wait $hp
tee -a "$RESULTS" < "$WORK/hammer.out"
check "no 500 during the outage" "0" "$(grep -c '500=' "$WORK/hammer.out")"
check "answers 200 again without an app restart" "yes" "$(tail -3 "$WORK/hammer.out" | grep -q '{200=' && echo yes || echo no)"
check "503 while the database was down" "yes" "$(grep -q '503=' "$WORK/hammer.out" && echo yes || echo no)"

stop_app
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null
note "done: $fails failed checks; load average $(load)"
exit $fails
