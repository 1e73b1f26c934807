#!/usr/bin/env bash
# The HTTP benchmark: wrk, one thread, 64 connections, 10 s, against GET /healthz of a release
# build of notapest, then against nginx serving the same body, in the same run on the same machine.
# Prints requests/s, p50, p99, the server's peak RSS, and the ratio to nginx.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}

for tool in wrk nginx; do
    command -v "$tool" >/dev/null 2>&1 || missing="${missing:-} $tool"
done
if [ -n "${missing:-}" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

swift build -c release --product notapest >/dev/null
BIN=$(swift build -c release --show-bin-path)/notapest
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# Runs wrk and prints "rps p50 p99" (latencies in ms).
measure() {
    local url=$1
    wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$url" >"$work/wrk.txt"
    local rps p50 p99
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

to_ms() {
    local v=$1
    case "$v" in
        *us) awk -v x="${v%us}" 'BEGIN {printf "%.3f", x / 1000}' ;;
        *ms) awk -v x="${v%ms}" 'BEGIN {printf "%.3f", x}' ;;
        *s) awk -v x="${v%s}" 'BEGIN {printf "%.3f", x * 1000}' ;;
        *) echo "$v" ;;
    esac
}

peak_rss_mib() {
    awk '/^VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"
}

wait_port() {
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on $1" >&2
    return 1
}

"$BIN" serve --port "$PORT" --db "$work/bench.sqlite" --quiet &
np_pid=$!
wait_port "$PORT"
read -r np_rps np_p50 np_p99 < <(measure "http://127.0.0.1:$PORT/healthz")
np_rss=$(peak_rss_mib "$np_pid")
kill -TERM "$np_pid"
wait "$np_pid" || true

mkdir -p "$work/nginx"
sed -e "s#NGINX_DIR#$work/nginx#g" -e "s#NGINX_PORT#$NGINX_PORT#g" bench/nginx.conf >"$work/nginx/nginx.conf"
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
ngx_pid=$!
wait_port "$NGINX_PORT"
read -r ngx_rps ngx_p50 ngx_p99 < <(measure "http://127.0.0.1:$NGINX_PORT/healthz")
kill -QUIT "$ngx_pid"
wait "$ngx_pid" || true

ratio=$(awk -v a="$np_rps" -v b="$ngx_rps" 'BEGIN {printf "%.2f", a / b}')
printf '| server | requests/s | p50 ms | p99 ms | peak RSS MiB |\n|---|---|---|---|---|\n'
printf '| notapest | %s | %s | %s | %s |\n' "$np_rps" "$np_p50" "$np_p99" "$np_rss"
printf '| nginx | %s | %s | %s | - |\n' "$ngx_rps" "$ngx_p50" "$ngx_p99"
printf '\nratio notapest / nginx: %s (wrk -t1 -c%s -d%s, %s cores)\n' "$ratio" "$CONNECTIONS" "$DURATION" "$(nproc)"
