#!/usr/bin/env bash
# Database failover drill (issue 23, point 2): the two app nodes (bench/nodes.sh) write through the multi-host URL
# (targetServerType=primary) to the pg_auto_failover formation of bench/pg-ha.sh (synchronous standby). While the
# treasurer records offline dues payments through HAProxy (each with its idempotency key, retried on failure
# until acknowledged) and users click dashboards (read from the standby), the primary's machine is "lost": its
# postgres and its keeper are killed with kill -9. The monitor promotes the standby; the drill measures
#   - failover seconds: from the kill until the monitor reports the other node as primary, and the longest time
#     no payment was acknowledged (what a client saw);
#   - acknowledged writes lost: every payment id the app acknowledged must be in the new primary (expected 0 lost);
#   - the app nodes kept running (same PIDs, no restart).
# Then the old primary is started again and rejoins as the standby. Output: $WORK/failover-results.txt.
set -uo pipefail
WORK=${ZHIBU_NODES_DIR:-/tmp/zhibu-nodes}
PW=${ZHIBU_NODES_PW:-Drill#2026x}
SECONDS_LOAD=${1:-120}
PAYERS=${2:-4}
LB=http://127.0.0.1:8100
HERE=$(cd "$(dirname "$0")" && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RESULTS=$WORK/failover-results.txt
fails=0
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d "$WORK/cls" "$HERE/ClusterDrill.java" || exit 1
drill() { "$JAVA" -cp "$WORK/cls" ClusterDrill "$@"; }
sqlp() { psql -h 127.0.0.1 -p "$1" -U postgres -d zhibu -XAtc "$2"; }
note() { echo "$*" | tee -a "$RESULTS"; }
check() { if [[ "$2" == "$3" ]]; then note "  PASS $1: $3"; else note "  FAIL $1: expected $2, got $3"; fails=$((fails + 1)); fi; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

old=$("$HERE/pg-ha.sh" primary)
pa=$(cat "$WORK/node-a.pid"); pb=$(cat "$WORK/node-b.pid")
note "Zhibu failover drill $(date -u +%FT%TZ): primary on $old; $PAYERS payment clients and 4 clicking users for $SECONDS_LOAD s through HAProxy; load average $(load)"
"$HERE/pg-ha.sh" state | tee -a "$RESULTS"
sqlp "$old" "select member_id || ' ' || to_char(paid_up_to + interval '1 month', 'YYYY-MM') from dues_account
  where paid_up_to between date_trunc('month', current_date) - interval '3 month' and date_trunc('month', current_date) - interval '1 month'
  and pending_payment_id is null order by member_id" > "$WORK/payers.txt"
note "$(wc -l < "$WORK/payers.txt") members can pay a month"
p0=$(sqlp "$old" "select count(*) from dues_payment")
rm -f "$WORK/killed-at"
drill pay "$LB" "$PW" "$SECONDS_LOAD" "$PAYERS" "$WORK/payers.txt" "$WORK/acks.txt" > "$WORK/pay.out" 2>&1 &
payers=$!
drill clicks "$LB" "$PW" "$SECONDS_LOAD" 4 "$WORK/killed-at" > "$WORK/failover-clicks.out" 2>&1 &
clicks=$!
sleep 25
t_kill=$(date +%s%3N)
echo "$t_kill" > "$WORK/killed-at"
killed=$("$HERE/pg-ha.sh" kill-primary)
note "primary on $killed killed (postgres and keeper, kill -9) at $(date -u +%T.%3N), load average $(load)"
new=""
for _ in $(seq 1 1200); do
  new=$("$HERE/pg-ha.sh" primary)
  [[ -n "$new" && "$new" != "$killed" ]] && break; sleep 0.1
done
t_new=$(date +%s%3N)
note "monitor reports $new as primary at $(date -u +%T.%3N): failover $(( (t_new - t_kill) / 1000 )).$(( (t_new - t_kill) % 1000 / 100 )) s after the kill"
wait $payers
wait $clicks
tee -a "$RESULTS" < "$WORK/pay.out"
tee -a "$RESULTS" < "$WORK/failover-clicks.out"
acked=$(sed -n 's/^ACKED=//p' "$WORK/pay.out")
# every acknowledged payment must be on the new primary, SUCCEEDED
sqlp "$new" "create table if not exists drill_acks (member_id bigint, payment_id bigint); truncate drill_acks"
awk '{print $1 "," $2}' "$WORK/acks.txt" | psql -h 127.0.0.1 -p "$new" -U postgres -d zhibu -Xqc "\copy drill_acks from stdin with (format csv)"
check "acknowledged payments recorded" "$acked" "$(sqlp "$new" "select count(*) from drill_acks")"
check "acknowledged payments lost after the failover" "0" "$(sqlp "$new" "select count(*) from drill_acks a left join dues_payment p on p.id = a.payment_id and p.member_id = a.member_id and p.status = 'SUCCEEDED' where p.id is null")"
check "no payment twice (idempotency keys)" "0" "$(sqlp "$new" "select count(*) - count(distinct (member_id, idempotency_key)) from dues_payment")"
note "payments: $p0 before, $(sqlp "$new" "select count(*) from dues_payment") after ($acked acknowledged in the drill)"
check "app nodes never restarted" "$pa $pb" "$(cat "$WORK/node-a.pid") $(cat "$WORK/node-b.pid")"
check "both app nodes still running" "yes" "$(kill -0 "$pa" && kill -0 "$pb" && echo yes || echo no)"
check "app answers through HAProxy" "200" "$(curl -s -o /dev/null -w '%{http_code}' $LB/actuator/health/readiness)"
sqlp "$new" "drop table drill_acks"
note "old primary $killed started again: it rejoins as the standby"
"$HERE/pg-ha.sh" restart "$killed"
for _ in $(seq 1 300); do
  [[ $("$HERE/pg-ha.sh" state | grep -cE '\| +(primary|secondary) +\| +(primary|secondary)') == 2 ]] && break; sleep 1
done
"$HERE/pg-ha.sh" state | tee -a "$RESULTS"
note "done: $fails failed checks; load average $(load)"
exit $fails
