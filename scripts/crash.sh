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
# The reminders ride along (REMINDERS=1, the default): three webhook channels point at a local receiver
# (crash_receiver.py) that answers some requests slowly, so that messages are in flight at the kill, and fails
# the first attempt of others, so that retries are pending then (with a retry base of RETRY_BASE_MS, 200).
# REMINDER_THREADS more writers make items fall due while the server runs, so that each write queues
# messages. After each restart crash_reminders.py waits until the outbox is settled and checks that every
# item phase owed reached the receiver, none under two webhook-ids, none unasked, and that a webhook-id
# answered 2xx came again only across a kill (the 2xx arrived, its record did not commit).
#
# SIGKILL ends the process, not the machine: this proves that an answer is only sent once the
# write reached the database file; surviving power loss rests on synchronous=FULL besides.
#
# Environment: THREADS (6), MAX_DELAY seconds before the kill (2.0), SEED (time), SCRATCH_PATH
# (SwiftPM's scratch directory, .build), BIN (a binary to use instead of building one), KEEP=1
# (keep the work directory), REMINDERS (1; 0 leaves them out), REMINDER_THREADS (2), RETRY_BASE_MS (200).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${1:-50}
THREADS=${THREADS:-6}
MAX_DELAY=${MAX_DELAY:-2.0}
SEED=${SEED:-$(date +%s)}
SCRATCH_PATH=${SCRATCH_PATH:-.build}
REMINDERS=${REMINDERS:-1}
REMINDER_THREADS=${REMINDER_THREADS:-2}
RETRY_BASE_MS=${RETRY_BASE_MS:-200}
[ "$REMINDERS" = 1 ] || REMINDER_THREADS=0
# The reminders' events are dated from this instant, the same for a write and its retry (crash_records.py).
CRASH_REMINDER_BASE=$(date +%s)
export CRASH_REMINDER_BASE

# shellcheck source=scripts/server.sh
. scripts/server.sh
require_tools crash.sh python3 sqlite3
release_binary crash
work=$(mktemp -d)
db="$work/notapest.sqlite"
SERVER_PID=""
RECEIVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
    if [ -n "$RECEIVER_PID" ]; then kill "$RECEIVER_PID" 2>/dev/null || true; fi
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

# The receiver outlives the server's restarts, so that it sees what went out before and after each kill.
if [ "$REMINDERS" = 1 ]; then
    python3 scripts/crash_receiver.py "$work/received.jsonl" "$work/receiver.port" "$SEED" &
    RECEIVER_PID=$!
    for _ in $(seq 1 100); do
        [ -s "$work/receiver.port" ] && break
        sleep 0.05
    done
    [ -s "$work/receiver.port" ] || {
        echo "the receiver did not start" >&2
        exit 1
    }
fi

acked_total=0 inflight_total=0 kept_total=0 replayed_total=0 created_total=0
lost_total=0 dup_total=0 refused_total=0 integrity_failures=0 failed_rounds=0
messages_total=0 requests_total=0 failed_first_total=0 in_flight_messages=0 pending_retries=0
retried_total=0 resent_total=0 reminder_problems=0 settle_ms_total=0
echo "crash: $ROUNDS rounds, $THREADS writers, $REMINDER_THREADS making reminders fall due," \
    "kill within ${MAX_DELAY}s of the first answer, seed $SEED"
start_server --delivery-retry-base-ms "$RETRY_BASE_MS"
if [ "$REMINDERS" = 1 ]; then python3 scripts/crash_reminders.py setup "$PORT" "$(cat "$work/receiver.port")" "$work"; fi
for round in $(seq 1 "$ROUNDS"); do
    dir="$work/round-$round"
    mkdir -p "$dir"
    python3 scripts/crash_load.py "$PORT" "$round" "$THREADS" "$dir" "$REMINDER_THREADS" &
    load_pid=$!
    delay=$(python3 -c "import random; random.seed($SEED * 1000 + $round); print(f'{random.uniform(0, $MAX_DELAY):.3f}')")
    wait_for_ack "$dir/acked.log" || echo "round $round: no write answered within 20 s" >&2
    sleep "$delay"
    kill -KILL "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
    # Taken once the server is surely gone, not before the signal: a request that reached the receiver while the
    # signal was on its way was sent by the killed server, and its restart may send it again.
    date +%s.%N >"$dir/killed_at"
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

    start_server --delivery-retry-base-ms "$RETRY_BASE_MS"
    set +e
    line=$(python3 scripts/crash_verify.py "$PORT" "$work" "$round" 2>"$dir/verify.err")
    status=$?
    # After the writes' retries, which may make more items fall due.
    reminders="" reminders_status=0
    if [ "$REMINDERS" = 1 ]; then
        reminders=$(python3 scripts/crash_reminders.py verify "$PORT" "$work" "$round" 2>>"$dir/verify.err")
        reminders_status=$?
    fi
    set -e
    declare -A got=()
    for pair in $line; do got[${pair%%=*}]=${pair#*=}; done
    declare -A rem=()
    for pair in $reminders; do rem[${pair%%=*}]=${pair#*=}; done
    messages_total=$((messages_total + ${rem[messages]:-0}))
    requests_total=$((requests_total + ${rem[requests]:-0}))
    failed_first_total=$((failed_first_total + ${rem[failed_first]:-0}))
    in_flight_messages=$((in_flight_messages + ${rem[in_flight_at_kill]:-0}))
    pending_retries=$((pending_retries + ${rem[retry_pending_at_kill]:-0}))
    retried_total=$((retried_total + ${rem[retried_after_restart]:-0}))
    settle_ms_total=$((settle_ms_total + ${rem[settled_ms]:-0}))
    resent_total=${rem[resent_same_id]:-$resent_total}
    [ "$reminders_status" = 0 ] || reminder_problems=$((reminder_problems + 1))
    acked_total=$((acked_total + ${got[acked]:-0}))
    inflight_total=$((inflight_total + ${got[in_flight]:-0}))
    kept_total=$((kept_total + ${got[kept]:-0}))
    replayed_total=$((replayed_total + ${got[replayed]:-0}))
    created_total=$((created_total + ${got[created]:-0}))
    lost_total=$((lost_total + ${got[lost]:-0}))
    dup_total=$((dup_total + ${got[duplicated]:-0}))
    refused_total=$((refused_total + ${got[refused]:-0}))
    verdict=ok
    if [ "$status" != 0 ] || [ "$reminders_status" != 0 ] || [ "$check" != ok ]; then
        verdict=FAILED
        failed_rounds=$((failed_rounds + 1))
    fi
    printf 'round %3d: killed %ss after the first answer; acknowledged %5s (all rounds %6s), in flight %2s ' \
        "$round" "$delay" "${got[acked]:-?}" "${got[acked_total]:-?}" "${got[in_flight]:-?}"
    printf '(kept %s; retried: %s replayed, %s created); lost %s, duplicated %s; integrity %s; round %s\n' \
        "${got[kept]:-?}" "${got[replayed]:-?}" "${got[created]:-?}" "${got[lost]:-?}" "${got[duplicated]:-?}" \
        "$check" "$verdict"
    if [ "$REMINDERS" = 1 ]; then
        printf '           reminders: %s messages (all rounds %s) in %s requests, %s first attempts failed; at the kill %s in flight,' \
            "${rem[messages]:-?}" "${rem[messages_total]:-?}" "${rem[requests]:-?}" "${rem[failed_first]:-?}" \
            "${rem[in_flight_at_kill]:-?}"
        printf ' %s retries pending (%s sent after the restart); settled in %sms; resent under the same id %s (all rounds);' \
            "${rem[retry_pending_at_kill]:-?}" "${rem[retried_after_restart]:-?}" "${rem[settled_ms]:-?}" \
            "${rem[resent_same_id]:-?}"
        printf ' lost %s, duplicated %s, unasked %s\n' "${rem[lost]:-?}" "${rem[duplicated]:-?}" "${rem[unasked]:-?}"
    fi
    [ -s "$dir/verify.err" ] && sed 's/^/    /' "$dir/verify.err"
    unset got rem
done

kill -TERM "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
final=$(integrity "$db")
[ "$final" = ok ] || integrity_failures=$((integrity_failures + 1))
if [ "$REMINDERS" = 1 ]; then
    # Whatever reached the receiver after the last check, up to the stop.
    set +e
    reminders_final=$(python3 scripts/crash_reminders.py final "$work" 2>"$work/final.err")
    [ $? = 0 ] || reminder_problems=$((reminder_problems + 1))
    set -e
    [ -s "$work/final.err" ] && sed 's/^/    /' "$work/final.err"
fi

echo
echo "rounds: $ROUNDS ($failed_rounds failed)"
echo "writes acknowledged under load: $acked_total"
echo "writes in flight at the kill: $inflight_total (kept by the crash: $kept_total;" \
    "retried with their key: $replayed_total replayed, $created_total created)"
echo "refused under load (non-2xx, retried like the writes in flight): $refused_total"
echo "lost: $lost_total"
echo "duplicated: $dup_total"
echo "integrity failures: $integrity_failures (final check of the file after a clean stop: $final)"
if [ "$REMINDERS" = 1 ]; then
    echo "reminders: $messages_total item messages owed and delivered, in $requests_total requests" \
        "($failed_first_total first attempts failed); at the kills $in_flight_messages requests in flight and" \
        "$pending_retries retries pending ($retried_total sent after the restart)"
    echo "reminders resent under the same webhook-id across a kill: $resent_total; settling took ${settle_ms_total}ms in all"
    echo "reminders after the stop: $reminders_final; rounds with a reminders failure: $reminder_problems"
fi
if [ "$failed_rounds" -ne 0 ] || [ "$lost_total" -ne 0 ] || [ "$dup_total" -ne 0 ] || [ "$integrity_failures" -ne 0 ] ||
    [ "$reminder_problems" -ne 0 ]; then
    echo "FAILED"
    exit 1
fi
echo "passed"
