#!/usr/bin/env bash
# Soak, by hand (never in CI): a long run of mixed traffic must leave no errors, no growing memory and
# no leaked descriptors.
#
#   scripts/soak.sh MINUTES
#
# Builds the release binary, seeds a database (bench/seed.py: APPS applications, EVENTS events
# each), starts the server with a short idle timeout and a timeline cache of CACHE_MIB, warms it up
# with WARMUP seconds of the same traffic, then runs wrk for MINUTES with soak_mix.lua (application
# reads, added notes, deleted notes, checks, agenda 60/15/5/15/5), sampling the server's RSS and
# open descriptors every SAMPLE seconds. Fails when
#
# - any response is not 2xx, or wrk reports a socket error (every request of the mix is valid);
# - the RSS at the end is more than 10% above the RSS after the warm-up, while the data grows: the
#   mix adds three notes for each it deletes, and the seeded data already outweighs the cache's
#   budget, so the warm-up fills the cache and whatever grows after it is the server's, however
#   much the data grows (a fresh server on the final data is measured too, for comparison);
# - once the load has stopped, and again once IDLE_CLIENTS clients that sit on their kept-alive
#   connections have been timed out, the open descriptors are not back to their count after the
#   warm-up (the readers' database files are open by then).
#
# Environment: CONNECTIONS (32), APPS (1000), EVENTS (30: enough that the database outgrows SQLite's page
# caches, 2 MiB per connection, during the warm-up, like the timeline cache), WARMUP seconds (30), SAMPLE seconds
# (30), IDLE_MS (2000), IDLE_CLIENTS (50), MIX (the shares, 60,15,5,15,5), CACHE_MIB (the
# server's --cache-mib, 4, which the seeded applications' timelines and answers fill during the
# warm-up), SCRATCH_PATH (SwiftPM's scratch directory, .build), BIN (a binary to use instead of
# building one).
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${1:?usage: scripts/soak.sh MINUTES}
CONNECTIONS=${CONNECTIONS:-32}
APPS=${APPS:-1000}
EVENTS=${EVENTS:-30}
WARMUP=${WARMUP:-30}
SAMPLE=${SAMPLE:-30}
IDLE_MS=${IDLE_MS:-2000}
IDLE_CLIENTS=${IDLE_CLIENTS:-50}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
MIX=${MIX:-60,15,5,15,5}
CACHE_MIB=${CACHE_MIB:-4}
export APPS MIX

# shellcheck source=scripts/server.sh
. scripts/server.sh
require_tools soak.sh wrk python3
release_binary soak
work=$(mktemp -d)
SERVER_PID=""
SAMPLER_PID=""
cleanup() {
    if [ -n "$SAMPLER_PID" ]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
    if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

stop_server() {
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
    SERVER_PID=""
}

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
fds() { find "/proc/$SERVER_PID/fd" -mindepth 1 -maxdepth 1 | wc -l; }

# wait_fds COUNT SECONDS: waits until the server holds COUNT descriptors; prints the last count.
wait_fds() {
    local deadline=$((SECONDS + $2)) now
    while :; do
        now=$(fds)
        if [ "$now" -le "$1" ] || [ "$SECONDS" -ge "$deadline" ]; then
            echo "$now"
            return
        fi
        sleep 0.2
    done
}

count_events() {
    python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from events').fetchone()[0])" "$db"
}

# The timeline cache's use, budget and evictions from /metrics, as "USE of BUDGET MiB, EVICTIONS evictions".
cache_gauges() {
    python3 - "$PORT" <<'PY'
import sys, urllib.request
text = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/metrics", timeout=10).read().decode()
value = {line.split()[0]: float(line.split()[1]) for line in text.splitlines() if line.startswith("notapest_timeline_cache_")}
mib = 1 << 20
print(f"{value['notapest_timeline_cache_bytes'] / mib:.1f} of {value['notapest_timeline_cache_budget_bytes'] / mib:.0f} MiB,"
      f" {value['notapest_timeline_cache_evictions_total']:.0f} evictions")
PY
}

# load DURATION: wrk with the mix; leaves its report in $work/wrk.txt.
load() {
    wrk -t1 -c"$CONNECTIONS" -d"$1" --timeout 30s --latency -s scripts/soak_mix.lua \
        "http://127.0.0.1:$PORT" >"$work/wrk.txt"
}

db="$work/soak.sqlite"
start_server
stop_server
python3 bench/seed.py "$db" "$APPS" "$EVENTS" >/dev/null

# The idle-timeout window plus scheduling slack: the longest a finished client's socket may stay.
settle=$((IDLE_MS / 1000 + 5))
start_server --idle-timeout-ms "$IDLE_MS" --cache-mib "$CACHE_MIB"
fds_fresh=$(fds)

load "${WARMUP}s"
warmup_errors=$(awk '/Non-2xx|Socket errors/' "$work/wrk.txt")
sleep $((IDLE_MS / 1000 + 1))
fds_base=$(fds)
rss_start=$(rss_kib)
events_start=$(count_events)
cache_start=$(cache_gauges)
echo "warm-up: $(awk '/requests in/ {print $1}' "$work/wrk.txt") requests in ${WARMUP}s; RSS $((rss_start / 1024)) MiB," \
    "descriptors $fds_base (fresh server: $fds_fresh)"

(
    while sleep "$SAMPLE"; do
        echo "$(date -u +%H:%M:%S) rss_kib=$(rss_kib) fds=$(fds) events=$(count_events) cache: $(cache_gauges)"
    done
) >"$work/samples.txt" &
SAMPLER_PID=$!
started=$(date +%s)
load "${MINUTES}m"
elapsed=$(($(date +%s) - started))
fds_loaded=$(fds)
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
fds_done=$(wait_fds "$fds_base" "$settle")
# At rest, as the start was measured: the same wait after the load.
sleep $((IDLE_MS / 1000 + 1))
rss_end=$(rss_kib)

# Clients that make a request and then sit on their connections: the server must close them at
# its idle timeout, not when they leave.
hold=$((IDLE_MS / 1000 + 6))
python3 scripts/soak_idle.py "$PORT" "$IDLE_CLIENTS" "$hold" >"$work/idle.txt" &
idle_pid=$!
for _ in $(seq 1 100); do
    grep -q answered "$work/idle.txt" && break
    sleep 0.1
done
fds_held=$(fds)
fds_after=$(wait_fds "$fds_base" "$settle")
wait "$idle_pid" || true
idle_answered=$(sed -n 's/answered=//p' "$work/idle.txt")
idle_closed=$(sed -n 's/closed_by_server=//p' "$work/idle.txt")

events=$(count_events)
cache_end=$(cache_gauges)

# For comparison: a fresh server over the final data after the same warm-up.
stop_server
cp "$work/wrk.txt" "$work/soak-wrk.txt"
start_server --idle-timeout-ms "$IDLE_MS" --cache-mib "$CACHE_MIB"
load "${WARMUP}s"
rss_control=$(rss_kib)
control_errors=$(awk '/Non-2xx|Socket errors/' "$work/wrk.txt")
cp "$work/soak-wrk.txt" "$work/wrk.txt"

requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
non2xx=${non2xx:-0}
socket=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/wrk.txt")
socket=${socket:-0}
percent() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.1f%%", (b - a) * 100 / a}'; }

echo
sed -n '/Latency Distribution/,/requests in/p' "$work/wrk.txt"
grep -E '^(Requests/sec|statuses|  Socket errors|  Non-2xx)' "$work/wrk.txt" || true
echo
echo "RSS and descriptors every ${SAMPLE}s:"
sed 's/^/  /' "$work/samples.txt"
echo
echo "minutes: $MINUTES ($elapsed s of load, $CONNECTIONS connections, mix $MIX)"
echo "requests served: $requests ($(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")/s)"
echo "non-2xx: $non2xx; socket errors: $socket"
echo "events: $events at the end, $events_start after the warm-up (seeded $((APPS * EVENTS)))"
echo "timeline cache: $cache_start after the warm-up; $cache_end at the end"
echo "RSS: $((rss_start / 1024)) MiB after the warm-up, $((rss_end / 1024)) MiB at the end" \
    "($(percent "$rss_start" "$rss_end")); a fresh server on the final data: $((rss_control / 1024)) MiB" \
    "(soaked $(percent "$rss_control" "$rss_end"))"
echo "descriptors: $fds_base after the warm-up (fresh server: $fds_fresh), $fds_loaded as the load ended," \
    "$fds_done once it stopped; $fds_held with $idle_answered idle clients, $fds_after after the idle timeout" \
    "(they saw $idle_closed of their connections closed)"

[ -n "$warmup_errors" ] && echo "errors in the warm-up: $warmup_errors"
[ -n "$control_errors" ] && echo "errors in the fresh server's warm-up: $control_errors"

failed=0
if [ "$non2xx" != 0 ] || [ "$socket" != 0 ] || [ -n "$warmup_errors$control_errors" ]; then
    echo "FAILED: requests answered other than 2xx, or socket errors"
    failed=1
fi
if [ "$rss_end" -gt $((rss_start * 110 / 100)) ]; then
    echo "FAILED: RSS grew by more than 10% over the run while the data grew"
    failed=1
fi
if [ "$fds_done" -ne "$fds_base" ] || [ "$fds_after" -ne "$fds_base" ] || [ "$idle_closed" != "$IDLE_CLIENTS" ]; then
    echo "FAILED: descriptors did not return to $fds_base, or idle connections were not closed"
    failed=1
fi
stop_server
[ "$failed" = 0 ] && echo "passed"
exit "$failed"
