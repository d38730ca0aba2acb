#!/bin/sh
# A PostgreSQL cluster that survives losing its primary (issue 20), built on
# Debian's pg_auto_failover (packages pg-auto-failover-cli and
# postgresql-15-auto-failover): a monitor, a primary, a synchronous standby
# (replication-quorum true: a commit returns once the standby has it) and an
# asynchronous read replica (candidate-priority 0, replication-quorum false:
# never promoted, never waited for). Everything listens on 127.0.0.1.
#
#   scripts/cluster.sh up             start from nothing, or restart stopped nodes
#   scripts/cluster.sh down           stop every node and remove the state
#   scripts/cluster.sh stop           stop every node, keep the state
#   scripts/cluster.sh status         one line per node: name, address, role, state, lag
#   scripts/cluster.sh dsn [--read]   the multi-host DSN hezuo's --db takes (--read: for --read-db)
#   scripts/cluster.sh kill-primary   SIGKILL the primary's Postgres and its keeper (a lost host)
#   scripts/cluster.sh start NODE     restart one node (node1, node2 or node3) after kill-primary
#   scripts/cluster.sh primary        the current primary's host:port
#   scripts/cluster.sh switchover     a planned switchover (upgrades: see docs/operations.md)
#
# HEZUO_CLUSTER_DIR holds data, logs and pids (default /tmp/hezuo-cluster);
# HEZUO_CLUSTER_PORT is the monitor's port, the nodes take the next three
# (default 15431: nodes on 15432-15434). The servers run as user postgres
# when the script runs as root. The database is "hezuo", user postgres,
# trust authentication on the loopback interface only: a test cluster. A
# production one uses the same commands with --ssl-self-signed or real
# certificates and --auth scram-sha-256 (docs/operations.md).
set -eu
DIR=${HEZUO_CLUSTER_DIR:-/tmp/hezuo-cluster}
BASE=${HEZUO_CLUSTER_PORT:-15431}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
HOST=127.0.0.1
MONITOR_URI="postgres://autoctl_node@$HOST:$BASE/pg_auto_failover?sslmode=disable"
NODES="node1 node2 node3"

port_of() {
	case $1 in
	monitor) echo "$BASE" ;;
	node1) echo $((BASE + 1)) ;;
	node2) echo $((BASE + 2)) ;;
	node3) echo $((BASE + 3)) ;;
	*) echo "unknown node $1" >&2; exit 2 ;;
	esac
}

# as_pg runs a command as the postgres user (root cannot run Postgres).
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- env PATH="$PGBIN:$PATH" PG_CONFIG="$PGBIN/pg_config" XDG_CONFIG_HOME="$DIR/config" XDG_DATA_HOME="$DIR/share" "$@"
	else
		env PATH="$PGBIN:$PATH" PG_CONFIG="$PGBIN/pg_config" XDG_CONFIG_HOME="$DIR/config" XDG_DATA_HOME="$DIR/share" "$@"
	fi
}

need() {
	if ! command -v pg_autoctl >/dev/null 2>&1 || [ ! -x "$PGBIN/pg_ctl" ]; then
		echo "cluster.sh: needs pg_autoctl and PostgreSQL (apt-get install pg-auto-failover-cli postgresql-15-auto-failover)" >&2
		exit 3
	fi
}

psql_monitor() {
	as_pg "$PGBIN/psql" -X -q -At -h "$HOST" -p "$BASE" -U autoctl_node -d pg_auto_failover -c "$1"
}

# tree PID: PID and all its descendants.
tree() {
	echo "$1"
	for c in $(pgrep -P "$1" 2>/dev/null || true); do tree "$c"; done
}

# kill_node NAME: SIGKILL the node's keeper, everything it started and its
# postmaster with every backend.
kill_node() {
	pids=
	if [ -f "$DIR/$1.pid" ]; then pids=$(tree "$(cat "$DIR/$1.pid")"); fi
	if [ -f "$DIR/$1/postmaster.pid" ]; then pids="$pids $(tree "$(head -n1 "$DIR/$1/postmaster.pid")")"; fi
	if [ -n "$pids" ]; then kill -9 $pids 2>/dev/null || true; fi
	rm -f "$DIR/$1.pid"
}

running() { # running NAME: the node's keeper process is alive
	[ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null
}

# start_keeper NAME ARGS...: run `pg_autoctl ARGS` for NAME in its own
# session (so kill-primary can kill its whole process group), logging to
# NAME.log.
start_keeper() {
	name=$1
	shift
	if [ "$(id -u)" = 0 ]; then
		setsid runuser -u postgres -- env PATH="$PGBIN:$PATH" PG_CONFIG="$PGBIN/pg_config" XDG_CONFIG_HOME="$DIR/config" XDG_DATA_HOME="$DIR/share" \
			pg_autoctl "$@" >>"$DIR/$name.log" 2>&1 </dev/null &
	else
		setsid env PATH="$PGBIN:$PATH" PG_CONFIG="$PGBIN/pg_config" XDG_CONFIG_HOME="$DIR/config" XDG_DATA_HOME="$DIR/share" \
			pg_autoctl "$@" >>"$DIR/$name.log" 2>&1 </dev/null &
	fi
	echo $! >"$DIR/$name.pid"
}

# wait_state NAME STATE...: until the monitor reports NAME in one of STATEs.
wait_state() {
	name=$1
	shift
	i=0
	while :; do
		st=$(psql_monitor "SELECT reportedstate FROM pgautofailover.node WHERE nodename = '$name' AND reportedstate = goalstate" 2>/dev/null || true)
		for want in "$@"; do
			if [ "$st" = "$want" ]; then return 0; fi
		done
		i=$((i + 1))
		if [ $((i % 4)) = 0 ]; then
			# A new standby's pg_basebackup waits for a checkpoint, spread
			# over minutes by default: ask the primary for it now.
			p=$(primary 2>/dev/null || true)
			if [ -n "$p" ]; then as_pg "$PGBIN/psql" -X -q -h "${p%:*}" -p "${p#*:}" -d hezuo -c CHECKPOINT >/dev/null 2>&1 || true; fi
		fi
		if [ "$i" -gt 300 ]; then
			echo "cluster.sh: $name did not reach $* (state: ${st:-none}); log $DIR/$name.log:" >&2
			tail -n 30 "$DIR/$name.log" >&2
			exit 1
		fi
		sleep 0.5
	done
}

wait_monitor() {
	i=0
	until psql_monitor "SELECT 1" >/dev/null 2>&1; do
		i=$((i + 1))
		if [ "$i" -gt 240 ]; then
			echo "cluster.sh: the monitor did not start; log $DIR/monitor.log:" >&2
			tail -n 30 "$DIR/monitor.log" >&2
			exit 1
		fi
		sleep 0.5
	done
}

create_node() { # create_node NAME [extra pg_autoctl create postgres flags]
	name=$1
	shift
	start_keeper "$name" create postgres --pgdata "$DIR/$name" --pgport "$(port_of "$name")" \
		--pgctl "$PGBIN/pg_ctl" --hostname "$HOST" --name "$name" --dbname hezuo \
		--listen "$HOST" --auth trust --no-ssl --monitor "$MONITOR_URI" "$@" --run
}

# tune_node NAME: the keeper's timeouts, matched to the monitor's.
tune_node() {
	as_pg pg_autoctl config set --pgdata "$DIR/$1" timeout.network_partition_timeout 4 >/dev/null 2>&1
}

up() {
	need
	mkdir -p "$DIR/config" "$DIR/share"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR" "$DIR/config" "$DIR/share"; fi
	if [ ! -d "$DIR/monitor" ]; then
		start_keeper monitor create monitor --pgdata "$DIR/monitor" --pgport "$BASE" \
			--pgctl "$PGBIN/pg_ctl" --hostname "$HOST" --listen "$HOST" --auth trust --no-ssl --run
		wait_monitor
		# Detect a lost node within seconds instead of the default ~30 s:
		# a health check every second, one retry, unhealthy after 4 s; and
		# promote the standby 8 s after a lost primary was told to demote
		# (default 30 s). A primary cut off from the monitor and every
		# standby demotes itself after network_partition_timeout (set to
		# 4 s on each node below), well before.
		psql_monitor "ALTER SYSTEM SET pgautofailover.health_check_period = 1000" 2>/dev/null ||
			as_pg "$PGBIN/psql" -X -q -h "$HOST" -p "$BASE" -d pg_auto_failover -c "ALTER SYSTEM SET pgautofailover.health_check_period = 1000"
		for s in "health_check_timeout = 1000" "health_check_max_retries = 1" "health_check_retry_delay = 500" \
			"node_considered_unhealthy_timeout = 4000" "startup_grace_period = 4000" \
			"primary_demote_timeout = 8000"; do
			as_pg "$PGBIN/psql" -X -q -h "$HOST" -p "$BASE" -d pg_auto_failover -c "ALTER SYSTEM SET pgautofailover.$s"
		done
		as_pg "$PGBIN/psql" -X -q -h "$HOST" -p "$BASE" -d pg_auto_failover -c "SELECT pg_reload_conf()" >/dev/null
	elif ! running monitor; then
		start_keeper monitor run --pgdata "$DIR/monitor"
		wait_monitor
	fi
	if [ ! -d "$DIR/node1" ]; then
		create_node node1
		wait_state node1 single primary wait_primary
		tune_node node1
		# Settings of every node, given once on the primary: replicas follow.
		as_pg "$PGBIN/psql" -X -q -h "$HOST" -p "$(port_of node1)" -d hezuo -c "ALTER SYSTEM SET wal_compression = on" >/dev/null
	elif ! running node1; then
		start_keeper node1 run --pgdata "$DIR/node1"
	fi
	if [ ! -d "$DIR/node2" ]; then
		create_node node2 --candidate-priority 50 --replication-quorum true
		wait_state node2 secondary
		tune_node node2
	elif ! running node2; then
		start_keeper node2 run --pgdata "$DIR/node2"
	fi
	if [ ! -d "$DIR/node3" ]; then
		create_node node3 --candidate-priority 0 --replication-quorum false
		wait_state node3 secondary
		tune_node node3
	elif ! running node3; then
		start_keeper node3 run --pgdata "$DIR/node3"
	fi
	for n in $NODES; do wait_state "$n" primary secondary single wait_primary; done
	status
}

start_one() {
	need
	port_of "$1" >/dev/null
	if running "$1"; then return 0; fi
	start_keeper "$1" run --pgdata "$DIR/$1"
	wait_state "$1" primary secondary single wait_primary
}

stop() {
	for n in node3 node2 node1 monitor; do
		if running "$n"; then
			as_pg pg_autoctl stop --pgdata "$DIR/$n" >/dev/null 2>&1 || kill "$(cat "$DIR/$n.pid")" 2>/dev/null || true
		fi
	done
	for n in node3 node2 node1 monitor; do
		i=0
		while running "$n" && [ "$i" -lt 100 ]; do
			i=$((i + 1))
			sleep 0.2
		done
		if running "$n"; then kill_node "$n"; fi
		rm -f "$DIR/$n.pid"
	done
}

down() {
	if [ -d "$DIR" ]; then
		stop
		rm -rf "$DIR"
	fi
}

status() {
	psql_monitor "SELECT nodename, nodehost || ':' || nodeport,
	  CASE WHEN health = 0 THEN 'unreachable'
	       WHEN goalstate IN ('demoted','demote_timeout','draining','catchingup','wait_standby','maintenance','dropped') THEN goalstate::text
	       WHEN reportedstate IN ('primary','wait_primary','single') THEN 'primary'
	       WHEN candidatepriority = 0 AND NOT replicationquorum THEN 'async-replica'
	       WHEN replicationquorum THEN 'sync-standby' ELSE 'standby' END,
	  reportedstate || '->' || goalstate,
	  'lsn=' || reportedlsn,
	  CASE WHEN reportedstate IN ('primary','wait_primary','single') THEN 'lag=0'
	       ELSE 'lag=' || pg_size_pretty(greatest(0, (SELECT max(reportedlsn) FROM pgautofailover.node) - reportedlsn)) END
	  FROM pgautofailover.node ORDER BY nodename" | tr '|' ' '
}

primary() {
	psql_monitor "SELECT nodehost || ':' || nodeport FROM pgautofailover.node
	  WHERE reportedstate IN ('primary','wait_primary','single') AND goalstate IN ('primary','wait_primary','single') ORDER BY nodename LIMIT 1"
}

dsn() {
	hosts="$HOST:$(port_of node1),$HOST:$(port_of node2),$HOST:$(port_of node3)"
	if [ "${1:-}" = --read ]; then
		# Replicas first; any node when none answers.
		echo "postgres://postgres@$HOST:$(port_of node3),$HOST:$(port_of node2),$HOST:$(port_of node1)/hezuo?sslmode=disable&target_session_attrs=prefer-standby"
	else
		echo "postgres://postgres@$hosts/hezuo?sslmode=disable&target_session_attrs=read-write"
	fi
}

kill_primary() {
	p=$(primary)
	if [ -z "$p" ]; then
		echo "cluster.sh: no primary" >&2
		exit 1
	fi
	for n in $NODES; do
		if [ "$HOST:$(port_of "$n")" = "$p" ]; then
			# The keeper (it would restart Postgres), the postmaster and
			# every backend at once: a host that vanished.
			kill_node "$n"
			echo "$n"
			return 0
		fi
	done
	echo "cluster.sh: primary $p is not one of this cluster's nodes" >&2
	exit 1
}

switchover() {
	# pg_auto_failover switches over from a settled formation only: every
	# node at its goal and the primary past wait_primary (as it is for a
	# while after a standby rejoins).
	i=0
	while :; do
		unsettled=$(psql_monitor "SELECT count(*) FROM pgautofailover.node
			WHERE reportedstate <> goalstate OR reportedstate NOT IN ('primary', 'secondary')" 2>/dev/null || echo x)
		if [ "$unsettled" = 0 ]; then break; fi
		i=$((i + 1))
		if [ "$i" -gt 300 ]; then
			echo "cluster.sh: the formation did not settle for a switchover:" >&2
			status >&2
			exit 1
		fi
		sleep 0.5
	done
	as_pg pg_autoctl perform switchover --monitor "$MONITOR_URI" --formation default
}

case ${1:-} in
up) up ;;
down) down ;;
stop) stop ;;
start) start_one "${2:?node name}" ;;
status) status ;;
dsn) dsn "${2:-}" ;;
primary) primary ;;
kill-primary) kill_primary ;;
switchover) switchover ;;
*)
	echo "usage: scripts/cluster.sh up|down|stop|status|dsn [--read]|kill-primary|start NODE|primary|switchover" >&2
	exit 2
	;;
esac
