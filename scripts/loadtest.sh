#!/bin/sh
# Load test of issue 7: starts `hezuo serve` on the loopback interface on a
# database (for instance the province data set of `hezuo gen --scale
# province`), drives the dashboard and list endpoints with concurrent
# clients for a bounded time (tools/loadtest), and prints throughput,
# p50/p90/p99 latency per endpoint and the server's peak memory (VmHWM).
#
#   scripts/loadtest.sh DB [SCOPE] [SECONDS] [CLIENTS] [RATE]
#   scripts/loadtest.sh /tmp/hezuo-bench-province-1.db 22 30 50      # saturation
#   scripts/loadtest.sh /tmp/hezuo-bench-province-1.db 22 30 50 4    # 4 requests/s per client
#
# It adds (or resets the password of) a county_admin user "loadtest" with
# the scope SCOPE (default all) in DB. Loopback only; the run lasts SECONDS
# (default 30) plus start-up; the server is stopped at the end. RATE is
# requests per second per client (default 0: as fast as the server answers).
# HEZUO_LOADTEST_PATHS replaces the paths requested (comma-separated).
set -eu
DB=${1:?usage: scripts/loadtest.sh DB [SCOPE] [SECONDS] [CLIENTS] [RATE]}
SCOPE=${2:-all}
SECS=${3:-30}
CLIENTS=${4:-50}
RATE=${5:-0}
PORT=${HEZUO_LOADTEST_PORT:-18080}
PATHS=${HEZUO_LOADTEST_PATHS:-/,/orgs,/api/stats,/api/orgs?page=1}
TMP=$(mktemp -d)
SRV=
cleanup() {
	if [ -n "$SRV" ]; then kill "$SRV" 2>/dev/null || true; fi
	rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
go build -o "$TMP/hezuo" ./cmd/hezuo
go build -o "$TMP/loadtest" ./tools/loadtest
# Upper case, lower case, digits and a symbol: the password policy's classes.
printf 'Lt-' >"$TMP/pw"
head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n' >>"$TMP/pw"
echo >>"$TMP/pw"
if ! "$TMP/hezuo" user add loadtest --role county_admin --scope "$SCOPE" --password-stdin --db "$DB" <"$TMP/pw" >/dev/null 2>&1; then
	"$TMP/hezuo" user passwd loadtest --password-stdin --db "$DB" <"$TMP/pw" >/dev/null
fi
"$TMP/hezuo" serve --db "$DB" --addr "127.0.0.1:$PORT" >"$TMP/serve.log" 2>&1 &
SRV=$!
i=0
until grep -q "http://" "$TMP/serve.log"; do
	i=$((i + 1))
	if [ "$i" -gt 300 ]; then
		cat "$TMP/serve.log"
		exit 1
	fi
	sleep 0.1
done
status=0
timeout $((SECS + 120)) "$TMP/loadtest" -url "http://127.0.0.1:$PORT" -user loadtest -password-file "$TMP/pw" \
	-clients "$CLIENTS" -rate "$RATE" -duration "${SECS}s" -paths "$PATHS" || status=$?
echo "server peak memory: $(grep VmHWM "/proc/$SRV/status" | tr -s ' \t' ' ')"
exit $status
