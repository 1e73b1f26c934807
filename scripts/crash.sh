#!/usr/bin/env bash
# Crash consistency: a write answered 2xx must survive the server being killed, exactly once, and
# the database must stay sound. Run by hand for many rounds; .ci/run makes three short ones.
#
#   scripts/crash.sh [ROUNDS]      (default 50)
#
# Builds the release binary, then, ROUNDS times, on one database file kept across the rounds:
# writers on THREADS keep-alive connections create applications, notes and contacts, each marked
# uniquely and logged when sent and when answered 2xx (crash_load.py); at a random moment the
# server gets SIGKILL; with the server down, `PRAGMA integrity_check` runs on a copy of the files
# exactly as the crash left them (the server then recovers the original itself); the server is
# restarted on the file, and crash_verify.py checks through the API that every acknowledged write
# of every round so far is there exactly once, that nothing was stored twice or unasked, and that
# retrying the writes the crash left unanswered, with their Idempotency-Key, stores each exactly
# once. At the end the server is stopped and the file itself is checked.
#
# SIGKILL ends the process, not the machine: this proves that an answer is only sent once the
# write reached the database file; surviving power loss rests on synchronous=FULL besides.
#
# Environment: THREADS (6), MAX_DELAY seconds before the kill (2.0), SEED (time), SCRATCH_PATH
# (SwiftPM's scratch directory, .build), BIN (a binary to use instead of building one), KEEP=1
# (keep the work directory).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-50}
THREADS=${THREADS:-6}
MAX_DELAY=${MAX_DELAY:-2.0}
SEED=${SEED:-$(date +%s)}
SCRATCH_PATH=${SCRATCH_PATH:-.build}

# shellcheck source=scripts/release_server.sh
. scripts/release_server.sh
require_tools crash.sh python3 sqlite3
release_binary crash
work=$(mktemp -d)
db="$work/notapest.sqlite"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# integrity FILE: prints what PRAGMA integrity_check and foreign_key_check say ("ok" when sound).
integrity() {
    local result fk
    result=$(sqlite3 "$1" "PRAGMA integrity_check;" 2>&1 | tr '\n' ' ' | sed 's/ $//')
    fk=$(sqlite3 "$1" "PRAGMA foreign_key_check;" 2>&1 | head -5 | tr '\n' ' ')
    if [ "$result" = ok ] && [ -z "$fk" ]; then echo ok; else echo "integrity: $result; foreign keys: $fk"; fi
}

# wait_for_ack LOG: true once the load has had a write answered (bounded: 20 s).
wait_for_ack() {
    for _ in $(seq 1 400); do
        [ -s "$1" ] && return 0
        sleep 0.05
    done
    return 1
}

acked_total=0 inflight_total=0 kept_total=0 replayed_total=0 created_total=0
lost_total=0 dup_total=0 refused_total=0 integrity_failures=0 failed_rounds=0
echo "crash: $ROUNDS rounds, $THREADS writers, kill within ${MAX_DELAY}s of the first answer, seed $SEED"
start_server
for round in $(seq 1 "$ROUNDS"); do
    dir="$work/round-$round"
    mkdir -p "$dir"
    python3 scripts/crash_load.py "$PORT" "$round" "$THREADS" "$dir" &
    load_pid=$!
    delay=$(python3 -c "import random; random.seed($SEED * 1000 + $round); print(f'{random.uniform(0, $MAX_DELAY):.3f}')")
    wait_for_ack "$dir/acked.log" || echo "round $round: no write answered within 20 s" >&2
    sleep "$delay"
    kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    wait "$load_pid" || true

    # The files exactly as the crash left them, checked on a copy so that the server itself
    # recovers the original from its write-ahead log on restart.
    rm -rf "$work/copy" && mkdir "$work/copy"
    for suffix in "" -wal; do
        [ -e "$db$suffix" ] && cp "$db$suffix" "$work/copy/notapest.sqlite$suffix"
    done
    check=$(integrity "$work/copy/notapest.sqlite")
    [ "$check" = ok ] || integrity_failures=$((integrity_failures + 1))

    start_server
    set +e
    line=$(python3 scripts/crash_verify.py "$PORT" "$work" "$round" 2>"$dir/verify.err")
    status=$?
    set -e
    declare -A got=()
    for pair in $line; do got[${pair%%=*}]=${pair#*=}; done
    acked_total=$((acked_total + ${got[acked]:-0}))
    inflight_total=$((inflight_total + ${got[in_flight]:-0}))
    kept_total=$((kept_total + ${got[kept]:-0}))
    replayed_total=$((replayed_total + ${got[replayed]:-0}))
    created_total=$((created_total + ${got[created]:-0}))
    lost_total=$((lost_total + ${got[lost]:-0}))
    dup_total=$((dup_total + ${got[duplicated]:-0}))
    refused_total=$((refused_total + ${got[refused]:-0}))
    verdict=ok
    if [ "$status" != 0 ] || [ "$check" != ok ]; then
        verdict=FAILED
        failed_rounds=$((failed_rounds + 1))
    fi
    printf 'round %3d: killed %ss after the first answer; acknowledged %5s (all rounds %6s), in flight %2s ' \
        "$round" "$delay" "${got[acked]:-?}" "${got[acked_total]:-?}" "${got[in_flight]:-?}"
    printf '(kept %s; retried: %s replayed, %s created); lost %s, duplicated %s; integrity %s; round %s\n' \
        "${got[kept]:-?}" "${got[replayed]:-?}" "${got[created]:-?}" "${got[lost]:-?}" "${got[duplicated]:-?}" \
        "$check" "$verdict"
    [ -s "$dir/verify.err" ] && sed 's/^/    /' "$dir/verify.err"
    unset got
done

kill -TERM "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
final=$(integrity "$db")
[ "$final" = ok ] || integrity_failures=$((integrity_failures + 1))

echo
echo "rounds: $ROUNDS ($failed_rounds failed)"
echo "writes acknowledged under load: $acked_total"
echo "writes in flight at the kill: $inflight_total (kept by the crash: $kept_total;" \
    "retried with their key: $replayed_total replayed, $created_total created)"
echo "refused under load (non-2xx, retried like the writes in flight): $refused_total"
echo "lost: $lost_total"
echo "duplicated: $dup_total"
echo "integrity failures: $integrity_failures (final check of the file after a clean stop: $final)"
if [ "$failed_rounds" -ne 0 ] || [ "$lost_total" -ne 0 ] || [ "$dup_total" -ne 0 ] || [ "$integrity_failures" -ne 0 ]; then
    echo "FAILED"
    exit 1
fi
echo "passed"
