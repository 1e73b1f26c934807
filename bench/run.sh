#!/usr/bin/env bash
# Benchmarks, run by hand (never in CI): every figure is compared with a reference measured in the
# same run on the same machine, since absolute numbers mean little on shared hardware.
#
#   bench/run.sh http     GET /healthz against nginx serving the same body
#   bench/run.sh store    reads and checked writes over 10,000 applications, against raw SQLite,
#                         ROUNDS rounds (3), each with its own raw SQLite reference
#   bench/run.sh agenda   GET /v1/agenda and check latency at 1k, 10k and 100k applications
#   bench/run.sh reminders
#                         the reminders: delay from due to delivery, the scheduler's wake-up CPU,
#                         the store's reads and writes while reminders flow, a receiver that hangs
#                         (REMINDER_PARTS to choose among "interview hang cpu store follow_up"; the
#                         follow_up part waits for the next local midnight of some zone, up to an hour)
#   bench/run.sh          all four
#
# wrk runs one thread and 64 connections for 10 s (DURATION, CONNECTIONS to change).
# NOTAPEST_BIN=path benches that binary instead of building one (an older build, to compare in one sitting);
# STORE_ARGS adds server options to the store section's rounds (e.g. "--cache-mib 256").
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
SECTIONS=${*:-http store agenda reminders}

missing=""
for tool in wrk nginx sqlite3 gcc curl; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing//sqlite3/sqlite3 libsqlite3-dev} >/dev/null
fi

# The binary the container ships: release, Swift runtime linked statically.
if [ -n "${NOTAPEST_BIN:-}" ]; then
    BIN=$NOTAPEST_BIN
else
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product notapest \
        >/tmp/notapest-bench-build.log 2>&1 || {
        cat /tmp/notapest-bench-build.log
        exit 1
    }
    BIN=.build-static/release/notapest
fi
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# wrk → "requests/s p50-ms p99-ms"
measure() {
    local url=$1 script=${2:-} connections=${3:-$CONNECTIONS}
    local args=(-t1 -c"$connections" -d"$DURATION" --latency)
    [ -n "$script" ] && args+=(-s "$script")
    wrk "${args[@]}" "$url" >"$work/wrk.txt"
    if grep -q "Non-2xx" "$work/wrk.txt"; then
        echo "non-2xx responses from $url:" >&2
        cat "$work/wrk.txt" >&2
    fi
    echo "$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt") $(to_ms "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")")" \
        "$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")")"
}

to_ms() {
    case "$1" in
        *us) awk -v x="${1%us}" 'BEGIN {printf "%.3f", x / 1000}' ;;
        *ms) awk -v x="${1%ms}" 'BEGIN {printf "%.3f", x}' ;;
        *s) awk -v x="${1%s}" 'BEGIN {printf "%.3f", x * 1000}' ;;
        *) echo "$1" ;;
    esac
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

peak_rss_mib() { awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

wait_port() {
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on $1" >&2
    return 1
}

# start_server DB [ARGS...]: runs notapest in the background, sets SERVER_PID.
start_server() {
    local db=$1
    shift
    "$BIN" serve --port "$PORT" --db "$db" --quiet "$@" &
    SERVER_PID=$!
    wait_port "$PORT"
}

stop_server() {
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" || true
}

# fresh_db NAME APPS EVENTS: a database with the schema and the seeded data.
fresh_db() {
    local db="$work/$1.sqlite"
    start_server "$db"
    stop_server
    python3 bench/seed.py "$db" "$2" "$3" >/dev/null
    echo "$db"
}

# The same core budget for both servers: one event loop against one nginx worker, wrk on the
# other core. ROUNDS alternating runs each; the table shows the median round of each.
section_http() {
    mkdir -p "$work/nginx"
    sed -e "s#NGINX_DIR#$work/nginx#g" -e "s#NGINX_PORT#$NGINX_PORT#g" -e "s/worker_processes auto/worker_processes 1/" \
        bench/nginx.conf >"$work/nginx/nginx.conf"
    : >"$work/np.txt"
    : >"$work/ngx.txt"
    local np_rss=0
    for _ in $(seq 1 "${ROUNDS:-3}"); do
        "$BIN" serve --port "$PORT" --db "$work/http.sqlite" --quiet --event-loops 1 &
        SERVER_PID=$!
        wait_port "$PORT"
        measure "http://127.0.0.1:$PORT/healthz" >>"$work/np.txt"
        np_rss=$(peak_rss_mib "$SERVER_PID")
        stop_server
        nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
        local ngx_pid=$!
        wait_port "$NGINX_PORT"
        measure "http://127.0.0.1:$NGINX_PORT/healthz" >>"$work/ngx.txt"
        kill -QUIT "$ngx_pid"
        wait "$ngx_pid" || true
    done
    read -r np_rps np_p50 np_p99 < <(sort -n "$work/np.txt" | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}')
    read -r ngx_rps ngx_p50 ngx_p99 < <(sort -n "$work/ngx.txt" | awk '{a[NR] = $0} END {print a[int((NR + 1) / 2)]}')

    echo "## GET /healthz against nginx (one event loop, one nginx worker)"
    echo
    echo "| server | requests/s | p50 ms | p99 ms | peak RSS MiB |"
    echo "|---|---|---|---|---|"
    echo "| notapest | $np_rps | $np_p50 | $np_p99 | $np_rss |"
    echo "| nginx | $ngx_rps | $ngx_p50 | $ngx_p99 | |"
    echo
    echo "notapest / nginx: $(ratio "$np_rps" "$ngx_rps") (median of ${ROUNDS:-3} alternating rounds)"
    echo
}

# Reads against /healthz, writes against raw SQLite. The raw reference follows the disk's sync
# latency, which drifts by a third within minutes here, so each round measures it again right
# before the POSTs it is compared with. Each round starts from a fresh copy of the same data (a
# round's POSTs add some 250,000 events), so rounds are samples of one scenario; ROUNDS rounds,
# each ratio taken within its round, and the table shows every round and the medians.
section_store() {
    local rounds=${ROUNDS:-3}
    gcc -O2 -o "$work/sqlite_raw" bench/sqlite_raw.c -lsqlite3
    local seeded
    seeded=$(fresh_db store 10000 5)
    : >"$work/rounds.txt"
    local round raw_reads raw_writes hz_rps hz_p50 hz_p99 get_rps get_p50 get_p99 post_rps post_p50 post_p99 rss
    for round in $(seq 1 "$rounds"); do
        rm -f "$work/round.sqlite"*
        cp "$seeded" "$work/round.sqlite"
        read -r raw_reads raw_writes < <("$work/sqlite_raw" "$work/raw.sqlite" 3)
        # As for /healthz against nginx: one event loop, so that wrk has the other core; and the
        # reads measured once every application has been read once (a first read loads it).
        # shellcheck disable=SC2086 # STORE_ARGS is a list of options
        start_server "$work/round.sqlite" --event-loops 1 ${STORE_ARGS:-}
        APPS=10000 DURATION=5s measure "http://127.0.0.1:$PORT" bench/get_application.lua >/dev/null
        read -r hz_rps hz_p50 hz_p99 < <(measure "http://127.0.0.1:$PORT/healthz")
        read -r get_rps get_p50 get_p99 < <(APPS=10000 measure "http://127.0.0.1:$PORT" bench/get_application.lua)
        read -r post_rps post_p50 post_p99 < <(APPS=10000 measure "http://127.0.0.1:$PORT" bench/post_event.lua)
        rss=$(peak_rss_mib "$SERVER_PID")
        stop_server
        echo "$round $hz_rps $get_rps $get_p99 $(ratio "$get_rps" "$hz_rps") $raw_writes $post_rps $post_p99" \
            "$(ratio "$post_rps" "$raw_writes") $raw_reads $rss $hz_p50 $get_p50 $post_p50" >>"$work/rounds.txt"
    done

    echo "## Storage: 10,000 applications, synchronous=FULL (one event loop, reads warmed up)${STORE_ARGS:+, $STORE_ARGS}"
    echo
    echo "| round | GET /healthz /s | GET /v1/applications/{id} /s | its p99 ms | × /healthz |" \
        "raw SQLite insert + commit /s | POST .../events /s | its p99 ms | × raw |"
    echo "|---|---|---|---|---|---|---|---|---|"
    awk '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9}' "$work/rounds.txt"
    echo
    echo "medians of $rounds rounds: reads $(median 5) × /healthz (p99 $(median 4) ms)," \
        "writes $(median 9) × raw SQLite inserts (p99 $(median 8) ms)"
    echo "raw SQLite point reads on one connection (C): $(median 10)/s; peak RSS of the server: $(median 11) MiB"
    echo
}

# median N: the median of column N of the rounds.
median() { sort -n -k"$1","$1" "$work/rounds.txt" | awk -v c="$1" '{a[NR] = $c} END {print a[int((NR + 1) / 2)]}'; }

section_agenda() {
    echo "## Agenda and check"
    echo
    echo "| applications | events | GET /v1/agenda first ms | GET /v1/agenda median ms | items bytes | check p50 ms | check p99 ms |"
    echo "|---|---|---|---|---|---|---|"
    for apps in 1000 10000 100000; do
        local db
        db=$(fresh_db "agenda$apps" "$apps" 10)
        start_server "$db"
        read -r cold median size < <(python3 bench/timing.py "$PORT" "/v1/agenda?as_of=2026-11-20T00:00:00Z" 20)
        read -r _ chk_p50 chk_p99 < <(APPS=$apps DURATION=5s measure "http://127.0.0.1:$PORT" bench/post_check.lua 1)
        stop_server
        echo "| $apps | $((apps * 10)) | $cold | $median | $size | $chk_p50 | $chk_p99 |"
    done
    echo
}

# The reminders (bench/README.md). Webhook channels post to bench/receiver.c, which answers at once
# and records when each message arrived; the items are made by bench/reminders_seed.py to fall due
# at a chosen instant. REMINDER_ITEMS items (1,000) on REMINDER_CHANNELS channels (10).
REMINDER_ITEMS=${REMINDER_ITEMS:-1000}
REMINDER_CHANNELS=${REMINDER_CHANNELS:-10}
REMINDER_PARTS=${REMINDER_PARTS:-interview hang cpu store follow_up}

# What else runs on the machine at the start of a measurement: the load average and the compiler
# processes of other builds.
machine_load() {
    echo "load $(cut -d' ' -f1-3 /proc/loadavg), $(pgrep -c swift-frontend || true) swift-frontend"
}

now_ms() { date +%s%3N; }

# cpu_ticks PID: the user and system time of a process and all its threads, dead ones included, in
# clock ticks (1/100 s).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start_receiver NAME: bench/receiver.c recording into $work/NAME.txt; sets RECEIVER_PID, RECEIVER_PORT.
start_receiver() {
    rm -f "$work/$1.port"
    "$work/receiver" "$work/$1.txt" "$work/$1.port" &
    RECEIVER_PID=$!
    for _ in $(seq 1 100); do
        [ -s "$work/$1.port" ] && break
        sleep 0.05
    done
    RECEIVER_PORT=$(cat "$work/$1.port")
}

stop_receiver() {
    kill -TERM "$RECEIVER_PID"
    wait "$RECEIVER_PID" || true
}

# api METHOD PATH [BODY]: one request to the server, its body in $work/api.json; fails on a non-2xx.
api() {
    local args=(-sS -f -o "$work/api.json" -X "$1" -H 'Content-Type: application/json')
    [ -n "${3:-}" ] && args+=(--data "$3")
    curl "${args[@]}" "http://127.0.0.1:$PORT$2"
}

# make_channels ACTION [HANG]: REMINDER_CHANNELS webhook channels carrying ACTION to the receiver,
# /hook/1 ... /hook/N; with HANG, the last one to /hang/N, where the receiver never answers.
make_channels() {
    local i path
    for i in $(seq 1 "$REMINDER_CHANNELS"); do
        path=/hook/$i
        if [ -n "${2:-}" ] && [ "$i" -eq "$REMINDER_CHANNELS" ]; then path=/hang/$i; fi
        api POST /v1/channels "{\"name\":\"bench $i\",\"kind\":\"webhook\",\"url\":\"http://127.0.0.1:$RECEIVER_PORT$path\",\"actions\":[\"$1\"]}"
    done
}

# received FILE PREFIX: how many requests on paths starting with PREFIX the receiver recorded.
received() { awk -v p="$2" 'index($2, p) == 1 {n++} END {print n + 0}' "$1"; }

# reminders_latency KIND [HANG]: REMINDER_ITEMS items falling due at one instant (KIND interview:
# thank-you notes at an interview's time, 20 s ahead; follow_up: follow-ups at the next local
# midnight at least 60 s ahead in some zone), on REMINDER_CHANNELS channels (the last hanging with
# HANG). Appends a row to $work/latency.txt: what, load, received/expected, p50, p99, max, first
# and last arrival after the due instant, and the API's p50/p99/max before and after it.
reminders_latency() {
    local kind=$1 hang=${2:-} db="$work/latency.sqlite" due zone="" action=send_thank_you
    rm -f "$db"*
    start_server "$db"
    if [ "$kind" = follow_up ]; then
        action=follow_up
        python3 bench/reminders_seed.py --pick-midnight 60 >"$work/midnights.txt"
        # The first zone the server knows by that name (its zone data is the binary's own).
        while read -r zone due; do
            api PUT /v1/settings "{\"time_zone\":\"$zone\"}" 2>/dev/null && break
        done <"$work/midnights.txt"
    fi
    stop_server
    [ "$kind" = interview ] && due=$(($(now_ms) + 20000))
    python3 bench/reminders_seed.py "$db" "$kind" "$REMINDER_ITEMS" "$due" $zone
    start_receiver "latency-$kind$hang"
    local out="$work/latency-$kind$hang.txt" load
    load=$(machine_load)
    start_server "$db"
    api PUT /v1/settings '{"skip_weekends":false}'
    make_channels "$action" "$hang"
    local expected=$((REMINDER_ITEMS * REMINDER_CHANNELS))
    [ -n "$hang" ] && expected=$((REMINDER_ITEMS * (REMINDER_CHANNELS - 1)))
    echo "reminders: $REMINDER_ITEMS $kind items due at $(date -u -d "@$((due / 1000))" +%H:%M:%S) UTC${zone:+ (midnight in $zone)}" \
        "on $REMINDER_CHANNELS channels${hang:+, one hanging}; $load" >&2
    # The API, probed from 10 s before the due instant (or now) to 30 s after it.
    local probe_from=$((due - 10000))
    while [ "$(now_ms)" -lt "$probe_from" ]; do sleep 0.5; done
    python3 bench/api_probe.py "$PORT" "$REMINDER_ITEMS" $((due + 30000)) 20 "$work/probe.txt" &
    local probe_pid=$!
    while [ "$(now_ms)" -lt "$due" ]; do sleep 0.05; done
    local cpu_before cpu_after
    cpu_before=$(cpu_ticks "$SERVER_PID")
    while [ "$(received "$out" /hook/)" -lt "$expected" ] && [ "$(now_ms)" -lt $((due + 180000)) ]; do
        sleep 0.2
    done
    cpu_after=$(cpu_ticks "$SERVER_PID")
    wait "$probe_pid"
    local report api_summary
    report=$(python3 bench/reminders_report.py "$out" /hook/)
    api_summary=$(python3 bench/api_probe.py --summary "$work/probe.txt" "$due")
    local hung
    hung=$(received "$out" /hang/)
    stop_server
    stop_receiver
    read -r count p50 p99 max first last <<<"$report"
    read -r b50 b99 bmax a50 a99 amax <<<"$api_summary"
    echo "| $kind${zone:+ ($zone)}${hang:+, 1 of $REMINDER_CHANNELS channels hanging ($hung requests held)} | $count / $expected |" \
        "$p50 | $p99 | $max | $first | $last | $(awk -v t=$((cpu_after - cpu_before)) -v n="$count" 'BEGIN {printf "%.1f (%.2f ms a message)", t / 100, t * 10 / (n ? n : 1)}') |" \
        "$b50 / $b99 / $bmax | $a50 / $a99 / $amax | ${load#load } |" >>"$work/latency.txt"
}

# The CPU of one write's wake-up at 10,000 applications and 100,000 events with the channels.
reminders_cpu() {
    local db
    db=$(fresh_db remcpu 10000 10)
    start_receiver cpu
    start_server "$db"
    make_channels send_thank_you
    local load
    load=$(machine_load)
    read -r _ note_median note_max note_busiest note_wake _ set_median set_max set_busiest set_wake _ idle \
        < <(python3 bench/wakeup_cpu.py "$SERVER_PID" "$PORT" 10000 "${CPU_ROUNDS:-10}")
    stop_server
    stop_receiver
    echo "## Reminders: the scheduler's wake-up, 10,000 applications, 100,000 events, $REMINDER_CHANNELS channels"
    echo
    echo "| the write | CPU ms, median | max | the busiest thread's ms, median | the wake-up's own ms, median |"
    echo "|---|---|---|---|---|"
    echo "| POST .../events (a note): that application recomputed, all planned | $note_median | $note_max | $note_busiest | $note_wake |"
    echo "| PUT /v1/settings: every application recomputed | $set_median | $set_max | $set_busiest | $set_wake |"
    echo
    echo "${CPU_ROUNDS:-10} writes each, from the quiet before the request to the quiet after the wake-up;" \
        "the wake-up's own: the scheduler's thread and the dispatch workers judging its slices, without the" \
        "request, its commit and the sender; the same span idle: $idle ms. ($load)"
    echo
}

# The store section's reads and writes with and without the reminders flowing, on one event loop:
# each round runs both on fresh copies of the same data, which holds REMINDER_ITEMS more
# applications with an interview each, spread evenly from 6 s after the start to the end of the
# POSTs (5 s of warm-up, then three runs of DURATION). With: REMINDER_CHANNELS channels carrying the
# thank-you notes those interviews bring; without: no channel.
reminders_store() {
    local rounds=${ROUNDS:-3} seeded round variant
    local spread=$(((3 * ${DURATION%s} + 5) * 1000))
    seeded=$(fresh_db remstore 10000 5)
    start_receiver store
    : >"$work/remstore.txt"
    for round in $(seq 1 "$rounds"); do
        # Odd rounds run without the channels first, even rounds with: a machine that speeds up or slows
        # down through a sitting then does not favour one side.
        local order="without with"
        [ $((round % 2)) -eq 0 ] && order="with without"
        for variant in $order; do
            rm -f "$work/round.sqlite"*
            cp "$seeded" "$work/round.sqlite"
            local load start
            load=$(machine_load)
            start=$(now_ms)
            python3 bench/reminders_seed.py "$work/round.sqlite" interview "$REMINDER_ITEMS" $((start + 6000)) "$spread"
            start_server "$work/round.sqlite" --event-loops 1
            [ "$variant" = with ] && make_channels send_thank_you
            APPS=10000 DURATION=5s measure "http://127.0.0.1:$PORT" bench/get_application.lua >/dev/null
            local hz_rps get_rps get_p99 post_rps post_p99 t1 t2 t3
            read -r hz_rps _ _ < <(measure "http://127.0.0.1:$PORT/healthz")
            t1=$(now_ms)
            read -r get_rps _ get_p99 < <(APPS=10000 measure "http://127.0.0.1:$PORT" bench/get_application.lua)
            t2=$(now_ms)
            read -r post_rps _ post_p99 < <(APPS=10000 measure "http://127.0.0.1:$PORT" bench/post_event.lua)
            t3=$(now_ms)
            stop_server
            local during_get during_post
            during_get=$(awk -v a="$t1" -v b="$t2" '$1 / 1000 >= a && $1 / 1000 < b {n++} END {print n + 0}' "$work/store.txt")
            during_post=$(awk -v a="$t2" -v b="$t3" '$1 / 1000 >= a && $1 / 1000 < b {n++} END {print n + 0}' "$work/store.txt")
            echo "$round $variant $hz_rps $get_rps $get_p99 $post_rps $post_p99 $during_get $during_post ${load#load }" \
                >>"$work/remstore.txt"
            echo "reminders store round $round $variant: $(tail -1 "$work/remstore.txt")" >&2
        done
    done
    stop_receiver
    echo "## Reminders: reads and writes while reminders flow (10,000 applications, one event loop)"
    echo
    echo "| round | channels | GET /healthz /s | GET /v1/applications/{id} /s | p99 ms | POST .../events /s | p99 ms |" \
        "messages delivered during the GETs | during the POSTs | load at start |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    awk '{load = $10; for (i = 11; i <= NF; i++) load = load " " $i
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, ($2 == "with" ? "'"$REMINDER_CHANNELS"'" : "none"), $3, $4, $5, $6, $7, $8, $9, load}' \
        "$work/remstore.txt"
    echo
    # Per round, with ÷ without; then the medians of those ratios.
    awk '$2 == "without" {g[$1] = $4; p[$1] = $6} $2 == "with" {wg[$1] = $4; wp[$1] = $6}
        END {for (r in g) printf "%s %.3f %.3f\n", r, wg[r] / g[r], wp[r] / p[r]}' \
        "$work/remstore.txt" | sort -n >"$work/remratios.txt"
    local r reads writes
    while read -r r reads writes; do
        echo "round $r, with ÷ without: reads $reads, writes $writes"
    done <"$work/remratios.txt"
    echo
    echo "medians: reads $(cut -d' ' -f2 "$work/remratios.txt" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}') ×," \
        "writes $(cut -d' ' -f3 "$work/remratios.txt" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}') × (target ≥ 0.95)"
    echo
}

section_reminders() {
    gcc -O2 -o "$work/receiver" bench/receiver.c
    : >"$work/latency.txt"
    local part
    for part in $REMINDER_PARTS; do
        case "$part" in
        interview) reminders_latency interview ;;
        hang) reminders_latency interview hang ;;
        follow_up) reminders_latency follow_up ;;
        cpu) reminders_cpu ;;
        store) reminders_store ;;
        esac
    done
    if [ -s "$work/latency.txt" ]; then
        echo "## Reminders: from due to delivery, $REMINDER_ITEMS items due at one instant on $REMINDER_CHANNELS channels"
        echo
        echo "| items | messages received / expected | p50 ms | p99 ms | max ms | first s | last s |" \
            "server CPU s, due to last | API p50 / p99 / max ms before | after | load at start |"
        echo "|---|---|---|---|---|---|---|---|---|---|---|"
        awk -F'|' -v OFS='|' '{$7 = sprintf(" %.1f ", $7 / 1000); $8 = sprintf(" %.1f ", $8 / 1000); print}' "$work/latency.txt"
        echo
    fi
}

for section in $SECTIONS; do
    "section_$section"
done
echo "($(nproc) cores, wrk -t1 -c$CONNECTIONS -d$DURATION, $(date -u +%Y-%m-%d))"
