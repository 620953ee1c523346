#!/usr/bin/env bash
# A private PostgreSQL 15 formation managed by pg_auto_failover (issue 23): monitor, primary and a synchronous
# standby on 127.0.0.1, all in $WORK (never the machine's shared server). Run as root (uses runuser) or as postgres.
#   bench/pg-ha.sh start     create (first time) and run monitor (5435), node1 (5436), node2 (5437); database zhibu
#   bench/pg-ha.sh state     pg_autoctl show state
#   bench/pg-ha.sh primary   the port of the current primary
#   bench/pg-ha.sh kill-primary   kill -9 the primary's postgres and its keeper (a machine loss); prints the port
#   bench/pg-ha.sh restart <port> run the keeper of that node again (it rejoins as a standby)
#   bench/pg-ha.sh stop      stop every keeper and cluster of the formation
# Environment: ZHIBU_HA_DIR (/tmp/zhibu-nodes/pg), ZHIBU_HA_PORTS ("5435 5436 5437").
set -uo pipefail
WORK=${ZHIBU_HA_DIR:-/tmp/zhibu-nodes/pg}
read -r MON P1 P2 <<< "${ZHIBU_HA_PORTS:-5435 5436 5437}"
export PATH=/usr/lib/postgresql/15/bin:$PATH
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- env PATH="$PATH" XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" "$@"; else env XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/share" "$@"; fi; }
MONURI="postgres://autoctl_node@127.0.0.1:$MON/pg_auto_failover?sslmode=disable"
run_keeper() { # run_keeper <dir>
  as_pg nohup pg_autoctl run --pgdata "$WORK/$1" >> "$WORK/$1.log" 2>&1 &
  echo $! > "$WORK/$1.keeper.pid"
}
wait_port() { for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p "$1" && return 0; sleep 1; done; return 1; }
state() { as_pg pg_autoctl show state --pgdata "$WORK/monitor" 2>/dev/null; }
# the node the monitor assigned the primary role (wait_primary: a primary whose standby is missing, still writable)
primary() { state | awk -F'|' '{gsub(/ /,"",$3); gsub(/ /,"",$7)} $7 == "primary" || $7 == "wait_primary" || $7 == "single" {split($3,a,":"); print a[2]; exit}'; }

case "${1:-}" in
  start)
    mkdir -p "$WORK"; chown postgres "$WORK"
    if [[ ! -d "$WORK/monitor" ]]; then
      as_pg pg_autoctl create monitor --pgdata "$WORK/monitor" --pgport "$MON" --hostname 127.0.0.1 \
        --auth trust --no-ssl >> "$WORK/monitor.log" 2>&1 || { echo "monitor failed, see $WORK/monitor.log"; exit 1; }
    fi
    run_keeper monitor; wait_port "$MON" || { echo "monitor not up"; exit 1; }
    sleep 2
    for n in 1 2; do
      port=$([[ $n == 1 ]] && echo "$P1" || echo "$P2")
      if [[ ! -d "$WORK/node$n" ]]; then
        as_pg pg_autoctl create postgres --pgdata "$WORK/node$n" --pgport "$port" --hostname 127.0.0.1 \
          --name "node$n" --dbname zhibu --monitor "$MONURI" --auth trust --no-ssl \
          --pg-hba-lan >> "$WORK/node$n.log" 2>&1 || { echo "node$n failed, see $WORK/node$n.log"; exit 1; }
      fi
      run_keeper "node$n"
      wait_port "$port" || { echo "node$n not up"; exit 1; }
      # the first node must be primary before the second registers
      for _ in $(seq 1 120); do state | grep -q "primary" && break; sleep 1; done
    done
    for _ in $(seq 1 180); do
      [[ $(state | grep -cE '\| +(primary|secondary) +\| +(primary|secondary)') == 2 ]] && break; sleep 1
    done
    state ;;
  state) state ;;
  primary) primary ;;
  kill-primary)
    p=$(primary); n=$([[ $p == "$P1" ]] && echo node1 || echo node2)
    # the machine is lost: its keeper processes and its postgres, all at once
    pids="$(head -1 "$WORK/$n/postmaster.pid") $(cat /tmp/pg_autoctl"$WORK/$n"/*.pid 2>/dev/null | grep -E '^[0-9]+$')"
    kill -9 $pids 2>/dev/null
    echo "$p" ;;
  restart)
    n=$([[ $2 == "$P1" ]] && echo node1 || echo node2); rm -f "$WORK/$n/postmaster.pid"; run_keeper "$n" ;;
  stop)
    for n in node2 node1 monitor; do
      [[ -d "$WORK/$n" ]] && as_pg pg_autoctl stop --pgdata "$WORK/$n" >/dev/null 2>&1
    done
    sleep 3
    for n in node2 node1 monitor; do
      [[ -f "$WORK/$n.keeper.pid" ]] && kill "$(cat "$WORK/$n.keeper.pid")" 2>/dev/null
      [[ -f "$WORK/$n/postmaster.pid" ]] && as_pg pg_ctl -D "$WORK/$n" -m fast stop >/dev/null 2>&1
    done; true ;;
  *) sed -n 2,11p "$0"; exit 2 ;;
esac
