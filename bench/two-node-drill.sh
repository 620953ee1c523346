#!/usr/bin/env bash
# Two-node drill (issue 23, point 1): two app nodes (bench/nodes.sh, 8105/8106) behind HAProxy (8100) on the
# pg_auto_failover formation (bench/pg-ha.sh). While signed-in users click pages and the API through HAProxy, a
# warning sweep, a full rollup rebuild and a monthly dues issue are started through HAProxy, and the node running
# the sweep is killed with kill -9 mid-run. Then it is started again (as systemd would), interrupted runs are re-run,
# and the drill checks:
#   - no request lost beyond those in flight on the killed node (every request that started after the kill answered
#     200; page sessions and tokens valid on both nodes, else the clicks would fail with the login page / 401);
#   - each job's result exactly once: one bill per member and month (re-issue adds 0), one open warning per fact, and
#     rollups equal to a fresh rebuild (rollups/check answers []);
#   - a token revoked on one node is refused by the other (time measured).
# Output: $WORK/two-node-results.txt. Set up first:
#   bench/pg-ha.sh start && bench/nodes.sh snapshot && bench/nodes.sh start a && bench/nodes.sh start b && bench/nodes.sh haproxy start
set -uo pipefail
WORK=${ZHIBU_NODES_DIR:-/tmp/zhibu-nodes}
PW=${ZHIBU_NODES_PW:-Drill#2026x}
SECONDS_LOAD=${1:-120}
THREADS=${2:-8}
PERIOD=${3:-2025-11}
LB=http://127.0.0.1:8100
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RESULTS=$WORK/two-node-results.txt
fails=0
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$WORK/cls" "$HERE/ClusterDrill.java" || exit 1
drill() { "$JAVA" -cp "$WORK/cls" ClusterDrill "$@"; }
PGP=$("$HERE/pg-ha.sh" primary)
sql() { psql -h 127.0.0.1 -p "$PGP" -U postgres -d zhibu -XAtc "$1"; }
note() { echo "$*" | tee -a "$RESULTS"; }
check() { if [[ "$2" == "$3" ]]; then note "  PASS $1: $3"; else note "  FAIL $1: expected $2, got $3"; fails=$((fails + 1)); fi; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
id_of() { sed -n 's/.*"id":\([0-9]*\).*/\1/p' | head -1; }

note "Zhibu two-node drill $(date -u +%FT%TZ): $THREADS users clicking for $SECONDS_LOAD s through HAProxy; load average $(load)"
rm -f "$WORK/killed-at"
drill clicks "$LB" "$PW" "$SECONDS_LOAD" "$THREADS" "$WORK/killed-at" > "$WORK/clicks.out" 2>&1 &
clicks=$!
sleep 15
b0=$(sql "select count(*) from dues_bill where period = '$PERIOD-01'")
s0=$(sql "select coalesce(max(id), 0) from warning_sweep"); r0=$(sql "select coalesce(max(id), 0) from supervision_run")
j0=$(sql "select coalesce(max(id), 0) from job_run")
# the three jobs at once, each through HAProxy (so on either node)
drill post "$LB" "$PW" admin /api/v1/warnings/sweeps > "$WORK/sweep.out" 2>&1 &
p1=$!
drill post "$LB" "$PW" admin /api/v1/supervision/rollups/rebuild > "$WORK/rebuild.out" 2>&1 &
p2=$!
drill post "$LB" "$PW" county /api/v1/dues/bills/issue "{\"period\":\"$PERIOD\"}" > "$WORK/issue.out" 2>&1 &
issue=$!
# the victim: the first node seen running one of them
victim=""
for _ in $(seq 1 600); do
  victim=$(sql "select node from (select node, started_at from warning_sweep where id > $s0 and status = 'RUNNING'
    union all select node, started_at from supervision_run where id > $r0 and status = 'RUNNING'
    union all select node, started_at from job_run where id > $j0 and status = 'RUNNING') x order by started_at limit 1")
  [[ -n "$victim" ]] && break; sleep 0.05
done
[[ -z "$victim" ]] && victim=node-a # every job finished before one was seen running: kill a node anyway
v=${victim#node-}
date +%s%3N > "$WORK/killed-at"
"$HERE/nodes.sh" kill9 "$v"
note "kill -9 $victim at $(date -u +%T.%3N), load average $(load); running on it at the kill:"
note "  sweeps: $(sql "select string_agg(id || ' ' || status || ' on ' || coalesce(node, '-') || ' at ' || coalesce(stage, '-'), ', ') from warning_sweep where id > $s0")"
note "  rebuilds: $(sql "select string_agg(id || ' ' || status || ' on ' || coalesce(node, '-'), ', ') from supervision_run where id > $r0")"
note "  job runs: $(sql "select string_agg(id || ' ' || job || ' ' || status || ' on ' || coalesce(node, '-'), ', ') from job_run where id > $j0")"
wait $p1 $p2 $issue
sweep=$(id_of < "$WORK/sweep.out"); rebuild=$(id_of < "$WORK/rebuild.out")
[[ -z "$sweep" ]] && sweep=$(sql "select coalesce(min(id), 0) from warning_sweep where id > $s0")
[[ -z "$rebuild" ]] && rebuild=$(sql "select coalesce(min(id), 0) from supervision_run where id > $r0")
note "answers: sweep $(head -1 "$WORK/sweep.out" | cut -c1-90); rebuild $(head -1 "$WORK/rebuild.out" | cut -c1-90)"
note "dues issue answered: $(head -1 "$WORK/issue.out" | cut -c1-160)"
sleep 10
note "restarting $victim (systemd Restart=always would)"
t0=$(date +%s)
"$HERE/nodes.sh" start "$v" || { note "FAIL: $victim did not start"; fails=$((fails + 1)); }
note "  $victim ready again after $(( $(date +%s) - t0 )) s"
wait $clicks
tee -a "$RESULTS" < "$WORK/clicks.out"
check "requests lost beyond those in flight on the killed node" "0" "$(sed -n 's/^LOST_AFTER_KILL=//p' "$WORK/clicks.out")"

wait_run() { # wait_run <table> <id>
  local s
  for _ in $(seq 1 600); do
    s=$(sql "select status from $1 where id = $2"); [[ "$s" != "RUNNING" && "$s" != "QUEUED" ]] && break; sleep 1
  done
  echo "$s"
}
s=$(wait_run warning_sweep "$sweep"); note "sweep $sweep: $s"
if [[ "$s" != "DONE" ]]; then
  again=$(drill post "$LB" "$PW" admin /api/v1/warnings/sweeps | id_of)
  check "sweep re-run after the node's recovery" "DONE" "$(wait_run warning_sweep "$again")"
fi
s=$(wait_run supervision_run "$rebuild"); note "rebuild $rebuild: $s"
if [[ "$s" != "DONE" ]]; then
  again=$(drill post "$LB" "$PW" admin /api/v1/supervision/rollups/rebuild | id_of)
  check "rebuild re-run" "DONE" "$(wait_run supervision_run "$again")"
fi
r=$(drill post "$LB" "$PW" county /api/v1/dues/bills/issue "{\"period\":\"$PERIOD\"}")
note "dues issue again: ${r:0:160}"
b1=$(sql "select count(*) from dues_bill where period = '$PERIOD-01'")
note "bills of $PERIOD: $b0 before, $b1 after"
check "one bill per member and month" "0" "$(sql "select count(*) - count(distinct member_id) from dues_bill where period = '$PERIOD-01'")"
check "issuing again adds nothing" "0" "$(drill post "$LB" "$PW" county /api/v1/dues/bills/issue "{\"period\":\"$PERIOD\"}" | sed -n 's/.*"issued":\([0-9]*\).*/\1/p')"
check "one open warning per fact" "0" "$(sql "select count(*) from (select open_key from warning_warning where open_key is not null group by open_key having count(*) > 1) d")"
check "runs left RUNNING" "0" "$(sql "select (select count(*) from warning_sweep where status in ('RUNNING','QUEUED')) + (select count(*) from supervision_run where status = 'RUNNING') + (select count(*) from job_run where status = 'RUNNING')")"
check "rollups equal to a fresh rebuild (rollups/check)" "200 []" "$(drill post "$LB" "$PW" admin /api/v1/supervision/rollups/check | cut -c1-200)"
note "job runs since the drill began, per node: $(sql "select string_agg(k, '; ') from (select 'sweep ' || node || ' ' || status || ' ' || count(*) k from warning_sweep where id > $s0 group by node, status union all select 'run ' || kind || ' ' || node || ' ' || status || ' ' || count(*) from supervision_run where id > $r0 group by kind, node, status union all select 'dues.issue ' || node || ' ' || status || ' ' || count(*) from job_run where job = 'dues.issue' and id > $j0 group by node, status) x")"

# a token revoked on one node, refused by the other
T=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"township\",\"password\":\"$PW\"}" http://127.0.0.1:8105/api/v1/auth/login | sed 's/.*"token":"\([^"]*\)".*/\1/')
check "token issued on node a works on node b" "200" "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T" http://127.0.0.1:8106/api/v1/members?size=1)"
curl -s -o /dev/null -X POST -H "Authorization: Bearer $T" http://127.0.0.1:8105/api/v1/auth/logout
t0=$(date +%s%3N); code=200
for _ in $(seq 1 200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T" http://127.0.0.1:8106/api/v1/members?size=1)
  [[ "$code" == 401 ]] && break; sleep 0.05
done
check "token revoked on node a refused by node b" "401" "$code"
note "  refused by node b $(( $(date +%s%3N) - t0 )) ms after the logout on node a answered"
note "done: $fails failed checks; load average $(load)"
exit $fails
