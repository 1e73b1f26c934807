#!/usr/bin/env bash
# Benchmarks, run by hand (never in CI): every figure is compared with a reference measured in the
# same run on the same machine, since absolute numbers mean little on shared hardware.
#
#   bench/run.sh http     GET /healthz against nginx serving the same body
#   bench/run.sh store    reads and checked writes over 10,000 applications, against raw SQLite,
#                         ROUNDS rounds (3), each with its own raw SQLite reference
#   bench/run.sh agenda   GET /v1/agenda and check latency at 1k, 10k and 100k applications
#   bench/run.sh          all three
#
# wrk runs one thread and 64 connections for 10 s (DURATION, CONNECTIONS to change).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
SECTIONS=${*:-http store agenda}

missing=""
for tool in wrk nginx sqlite3 gcc; do
    command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing//sqlite3/sqlite3 libsqlite3-dev} >/dev/null
fi

# The binary the container ships: release, Swift runtime linked statically.
swift build -c release --static-swift-stdlib --scratch-path .build-static --product notapest \
    >/tmp/notapest-bench-build.log 2>&1 || {
    cat /tmp/notapest-bench-build.log
    exit 1
}
BIN=.build-static/release/notapest
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
        start_server "$work/round.sqlite" --event-loops 1
        APPS=10000 DURATION=5s measure "http://127.0.0.1:$PORT" bench/get_application.lua >/dev/null
        read -r hz_rps hz_p50 hz_p99 < <(measure "http://127.0.0.1:$PORT/healthz")
        read -r get_rps get_p50 get_p99 < <(APPS=10000 measure "http://127.0.0.1:$PORT" bench/get_application.lua)
        read -r post_rps post_p50 post_p99 < <(APPS=10000 measure "http://127.0.0.1:$PORT" bench/post_event.lua)
        rss=$(peak_rss_mib "$SERVER_PID")
        stop_server
        echo "$round $hz_rps $get_rps $get_p99 $(ratio "$get_rps" "$hz_rps") $raw_writes $post_rps $post_p99" \
            "$(ratio "$post_rps" "$raw_writes") $raw_reads $rss $hz_p50 $get_p50 $post_p50" >>"$work/rounds.txt"
    done

    echo "## Storage: 10,000 applications, synchronous=FULL (one event loop, reads warmed up)"
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

for section in $SECTIONS; do
    "section_$section"
done
echo "($(nproc) cores, wrk -t1 -c$CONNECTIONS -d$DURATION, $(date -u +%Y-%m-%d))"
