#!/usr/bin/env bash
# Two Zhibu app nodes on one host behind HAProxy (issue 23), against the pg_auto_failover formation of
# bench/pg-ha.sh. The app runs from a snapshot of target/classes in $WORK/app (a build during a drill must not change
# the app under test):  ./mvnw -B -ntp -q -DskipTests package && ./mvnw -B -ntp -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
#   bench/nodes.sh snapshot         copy target/classes and the class path into $WORK/app
#   bench/nodes.sh start a|b        start node a (8105) or b (8106); waits until it is ready
#   bench/nodes.sh kill9 a|b        kill -9 the node
#   bench/nodes.sh stop a|b         stop the node (SIGTERM)
#   bench/nodes.sh haproxy start|stop   HAProxy on 8100 (stats 8199) with bench/haproxy.cfg
# Environment: ZHIBU_NODES_DIR (/tmp/zhibu-nodes), ZHIBU_NODES_PW (demo password), ZHIBU_NODES_STANDBY (1: reads
# of dashboards etc. from the standby), ZHIBU_NODES_SCHEDULING (true), JAVA_HOME.
set -uo pipefail
WORK=${ZHIBU_NODES_DIR:-/tmp/zhibu-nodes}
PW=${ZHIBU_NODES_PW:-Drill#2026x}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
HERE=$(cd "$(dirname "$0")" && pwd)
read -r _ P1 P2 <<< "${ZHIBU_HA_PORTS:-5435 5436 5437}"
port() { [[ $1 == a ]] && echo 8105 || echo 8106; }
start() {
  local n=$1 p; p=$(port "$1")
  local standby=()
  if [[ ${ZHIBU_NODES_STANDBY:-1} == 1 ]]; then
    standby=(--zhibu.db.standby.url="jdbc:postgresql://127.0.0.1:$P1,127.0.0.1:$P2/zhibu?targetServerType=preferSecondary&connectTimeout=2")
  fi
  mkdir -p "$WORK/data"
  # both nodes: the same keys (from the environment, as in production) and the same data directory (uploads,
  # stored files: a shared file system between machines)
  ZHIBU_DB_URL="jdbc:postgresql://127.0.0.1:$P1,127.0.0.1:$P2/zhibu?targetServerType=primary&connectTimeout=2" \
  ZHIBU_DB_USER=postgres ZHIBU_DB_PASSWORD= ZHIBU_DB_CONNECTION_TIMEOUT=5000 \
  ZHIBU_DEMO_PASSWORD="$PW" ZHIBU_DATA_DIR="$WORK/data" \
  ZHIBU_CRYPTO_DATA_KEY=00112233445566778899aabbccddeeff \
  ZHIBU_CRYPTO_INDEX_KEY=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff \
  ZHIBU_CRYPTO_AUDIT_KEY=ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100 \
    nohup "$JAVA" -Xmx1g -XX:+UseSerialGC -cp "$WORK/app/classes:$(cat "$WORK/app/cp.txt")" io.zhibu.ZhibuApplication \
    --server.port="$p" --zhibu.node-id="node-$n" --zhibu.cluster.enabled=true \
    --zhibu.crypto.generate-demo-keys=false --zhibu.jobs.scheduling="${ZHIBU_NODES_SCHEDULING:-true}" \
    "${standby[@]}" >> "$WORK/node-$n.log" 2>&1 &
  echo $! > "$WORK/node-$n.pid"
  for _ in $(seq 1 1200); do
    curl -fs "http://127.0.0.1:$p/actuator/health/readiness" >/dev/null 2>&1 && return 0
    kill -0 "$(cat "$WORK/node-$n.pid")" 2>/dev/null || { echo "node $n died, see $WORK/node-$n.log" >&2; return 1; }
    sleep 1
  done
  echo "node $n not ready after 20 min" >&2; return 1
}
case "${1:-}" in
  snapshot)
    mkdir -p "$WORK/app"; rm -rf "$WORK/app/classes"; cp -r "$HERE/../target/classes" "$WORK/app/classes"
    cp "$HERE/../target/cp.txt" "$WORK/app/cp.txt" ;;
  start) start "$2" ;;
  kill9) kill -9 "$(cat "$WORK/node-$2.pid")" ;;
  stop) kill "$(cat "$WORK/node-$2.pid")" 2>/dev/null; for _ in $(seq 1 30); do kill -0 "$(cat "$WORK/node-$2.pid")" 2>/dev/null || break; sleep 1; done ;;
  haproxy)
    if [[ $2 == start ]]; then
      haproxy -f "$HERE/haproxy.cfg" -D -p "$WORK/haproxy.pid"
    else
      [[ -f "$WORK/haproxy.pid" ]] && kill "$(cat "$WORK/haproxy.pid")"; true
    fi ;;
  *) sed -n 2,12p "$0"; exit 2 ;;
esac
