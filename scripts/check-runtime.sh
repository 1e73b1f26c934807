#!/usr/bin/env bash
# Proves the Dockerfile's runtime stage without a container engine: builds the same static binary,
# runs it as uid 10001 inside a minimal Debian bookworm root that holds only the packages the
# runtime stage installs, and checks it from the host over loopback. Needs root (debootstrap,
# chroot, mount). The root is cached between runs; a first run downloads it from Debian's mirror.
#
#   scripts/check-runtime.sh
#
# Environment: NOTAPEST_RUNTIME_ROOT (cached root, default /var/cache/notapest-runtime-root),
# NOTAPEST_CHECK_PORT (loopback port, default 18080), NOTAPEST_DEBIAN_MIRROR (debootstrap's mirror;
# its own default when unset), NOTAPEST_SCRATCH_PATH (the build's, default .build-runtime),
# NOTAPEST_BINARY (check this binary instead of building one).
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
root=${NOTAPEST_RUNTIME_ROOT:-/var/cache/notapest-runtime-root}
port=${NOTAPEST_CHECK_PORT:-18080}
scratch_path=${NOTAPEST_SCRATCH_PATH:-.build-runtime}
base="http://127.0.0.1:$port"
# Keep these in step with the Dockerfile's runtime stage.
packages=libsqlite3-0,libcurl4,tzdata,ca-certificates
uid=10001
stamp="bookworm minbase $packages uid=$uid v1"
token="check-runtime-$(date +%s)-$$"

results=()
failed=0
server_pid=""
scratch=$(mktemp -d)

say() { printf '== %s\n' "$*"; }
pass() {
    results+=("PASS  $1")
    printf 'PASS  %s\n' "$1"
}
fail() {
    results+=("FAIL  $1${2:+ ($2)}")
    printf 'FAIL  %s%s\n' "$1" "${2:+ ($2)}"
    failed=1
}

summary() {
    local elapsed=$(($(date +%s) - started))
    echo
    echo "check-runtime summary (${elapsed}s):"
    local line
    for line in "${results[@]}"; do echo "  $line"; done
    if [ "$failed" -eq 0 ] && [ "${#results[@]}" -gt 0 ]; then
        echo "RESULT: PASS"
    else
        echo "RESULT: FAIL"
    fi
}

# Unmounts whatever this script mounted under a root, deepest first. Called before a root is
# removed too, so that rm -rf can never walk into a live /proc.
unmount_under() {
    local dir=$1 target
    [ -d "$dir" ] || return 0
    dir=$(realpath "$dir")
    while read -r target; do
        umount "$target" || umount -l "$target" || true
    done < <(awk -v d="$dir" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r)
}

cleanup() {
    local code=$?
    # An unexpected error (set -e) fails the run even when every recorded check passed.
    if [ "$code" -ne 0 ]; then failed=1; fi
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    unmount_under "$root"
    rm -rf "$scratch"
    summary
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$(id -u)" -ne 0 ]; then
    echo "check-runtime: needs root (debootstrap, chroot and mount)" >&2
    exit 2
fi

# 1. The binary, built exactly as the Dockerfile's build stage builds it.
if [ -n "${NOTAPEST_BINARY:-}" ]; then
    binary=$NOTAPEST_BINARY
    say "using $binary"
else
    need=()
    for package in libsqlite3-dev libcurl4-openssl-dev curl; do
        dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
    done
    if ! command -v debootstrap >/dev/null 2>&1; then need+=(debootstrap); fi
    if [ "${#need[@]}" -gt 0 ]; then
        say "installing ${need[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    fi
    say "building the static binary (scratch path $scratch_path)"
    if ! swift build -c release --static-swift-stdlib --scratch-path "$scratch_path" --product notapest; then
        fail "static binary built" "swift build failed"
        exit 1
    fi
    binary="$(swift build -c release --static-swift-stdlib --scratch-path "$scratch_path" --show-bin-path)/notapest"
fi
if [ -x "$binary" ]; then pass "static binary built"; else
    fail "static binary built" "$binary missing"
    exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1 || ! command -v curl >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap curl >/dev/null
fi

# 2. The root: Debian bookworm minbase plus the runtime stage's packages and user, cached. It is
# built beside the cache and moved in place only when complete, so a broken run leaves no half root.
if [ "$(cat "$root/.notapest-runtime-root" 2>/dev/null || true)" != "$stamp" ]; then
    partial="$root.partial"
    unmount_under "$partial"
    unmount_under "$root"
    rm -rf "$partial"
    say "debootstrap bookworm minbase with $packages (a minute or more, cached afterwards)"
    # shellcheck disable=SC2086 # the mirror is optional: unset leaves debootstrap's default
    debootstrap --variant=minbase --include="$packages" bookworm "$partial" ${NOTAPEST_DEBIAN_MIRROR:-} \
        >"$scratch/debootstrap.log" 2>&1 || {
        tail -20 "$scratch/debootstrap.log" >&2
        fail "minimal bookworm root" "debootstrap failed"
        exit 1
    }
    # The same steps as the runtime stage: drop the package lists, add the user and /data.
    chroot "$partial" apt-get clean
    rm -rf "$partial"/var/lib/apt/lists/*
    chroot "$partial" groupadd --system --gid "$uid" notapest
    chroot "$partial" useradd --system --uid "$uid" --gid "$uid" --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin notapest
    mkdir "$partial/data"
    chown "$uid:$uid" "$partial/data"
    chmod 0750 "$partial/data"
    echo "$stamp" >"$partial/.notapest-runtime-root"
    rm -rf "$root"
    mv "$partial" "$root"
    pass "minimal bookworm root created ($root)"
else
    pass "minimal bookworm root reused ($root)"
fi

# Each run starts from an empty volume and the freshly built binary.
find "$root/data" -mindepth 1 -delete
install -m 0755 "$binary" "$root/usr/local/bin/notapest"
installed=$(chroot "$root" dpkg-query -W -f "\${Package}\n" libsqlite3-0 libcurl4 tzdata ca-certificates 2>/dev/null |
    wc -l)
if [ "$installed" -eq 4 ]; then pass "root holds libsqlite3-0, libcurl4, tzdata, ca-certificates"; else
    fail "root holds libsqlite3-0, libcurl4, tzdata, ca-certificates" "$installed of 4 installed"
fi

# tzdata serves the C library (TZ, /etc/localtime) inside the root: New York is EST or EDT.
zone=$(chroot "$root" env TZ=America/New_York date +%Z 2>&1 || true)
case "$zone" in
EST | EDT) pass "tzdata: TZ=America/New_York is $zone in the root" ;;
*) fail "tzdata: TZ=America/New_York in the root" "date says '$zone'" ;;
esac

# The container gets /proc from the engine; give the root one too.
mount -t proc proc "$root/proc"

# The environment the container would have (the image's, with the host narrowed to loopback), and
# nothing of the caller's. env and chroot both exec, so a command started with it in the background
# has the server's own pid in $!.
in_root=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    NOTAPEST_HOST=127.0.0.1 NOTAPEST_PORT="$port" NOTAPEST_DB=/data/notapest.sqlite
    NOTAPEST_TOKEN="$token" chroot --userspec="$uid:$uid" "$root")

# 3. Every shared library the binary needs resolves inside the root, and none is Swift's.
if chroot "$root" ldd /usr/local/bin/notapest >"$scratch/ldd" 2>&1; then
    sed 's/^/      /' "$scratch/ldd"
    missing=$(grep -c 'not found' "$scratch/ldd" || true)
    swiftlibs=$(grep -ci 'swift\|foundation\|icu' "$scratch/ldd" || true)
    if [ "$missing" -eq 0 ] && [ "$swiftlibs" -eq 0 ]; then
        pass "ldd: every library present in the root, no Swift runtime library"
    else
        fail "ldd: every library present in the root, no Swift runtime library" \
            "$missing not found, $swiftlibs Swift/Foundation/ICU"
    fi
else
    fail "ldd inside the root" "$(head -3 "$scratch/ldd")"
fi

# 4. The binary runs as the non-root user.
if version=$("${in_root[@]}" notapest --version 2>&1); then
    pass "notapest --version as uid $uid: $version"
else
    fail "notapest --version as uid $uid" "$version"
fi

# 5. The server starts on loopback only, as the non-root user, with the runtime stage's database path.
# Something else already answering on the port would pass the checks below in the server's stead.
if curl -s -o /dev/null --max-time 2 "$base/healthz" 2>/dev/null; then
    fail "port $port is free" "something already listens there; set NOTAPEST_CHECK_PORT"
    exit 1
fi
say "starting the server on $base"
"${in_root[@]}" notapest serve >"$scratch/server.log" 2>&1 &
server_pid=$!
up=0
for _ in $(seq 1 100); do
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    if curl -fsS -o /dev/null --max-time 2 "$base/healthz" 2>/dev/null; then
        up=1
        break
    fi
    sleep 0.1
done

# Issues one request and records the status and body; the token is sent either way, and a server
# that has no token configured ignores it.
request() {
    local method=$1 path=$2 body=${3:-}
    local args=(-sS --max-time 10 -o "$scratch/body" -w '%{http_code}' -X "$method"
        -H "Authorization: Bearer $token")
    if [ -n "$body" ]; then args+=(-H 'Content-Type: application/json' --data "$body"); fi
    status=$(curl "${args[@]}" "$base$path" 2>"$scratch/curl.err") || status="curl failed: $(cat "$scratch/curl.err")"
    response=$(cat "$scratch/body" 2>/dev/null || true)
}

expect() {
    local name=$1 want=$2
    if [ "$status" = "$want" ]; then pass "$name → $status"; else fail "$name" "got $status, want $want: $response"; fi
}

if [ "$up" -eq 1 ]; then
    pass "server started as uid $uid on 127.0.0.1:$port"
    owner=$(stat -c %u "/proc/$server_pid" 2>/dev/null || echo '?')
    if [ "$owner" = "$uid" ]; then pass "server process runs as uid $uid"; else
        fail "server process runs as uid $uid" "owner $owner"
    fi

    request GET /healthz
    expect "GET /healthz" 200

    # The token reaches the server through the environment, as NOTAPEST_TOKEN does in the container.
    if "${in_root[@]}" notapest serve --help 2>&1 | grep -q NOTAPEST_TOKEN; then
        status=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' "$base/v1/contacts" 2>&1) || true
        if [ "$status" = 401 ]; then pass "GET /v1/contacts without the token → 401"; else
            fail "GET /v1/contacts without the token → 401" "got $status"
        fi
    fi

    request POST /v1/contacts '{"name":"Runtime Check","role":"recruiter","email":"runtime@example.com"}'
    expect "POST /v1/contacts" 201
    id=$(printf '%s' "$response" | sed -n 's/.*"id"[[:space:]]*:[[:space:]]*\([0-9][0-9]*\).*/\1/p' | head -1)
    if [ -n "$id" ]; then
        request GET "/v1/contacts/$id"
        if [ "$status" = 200 ] && printf '%s' "$response" | grep -q 'Runtime Check'; then
            pass "GET /v1/contacts/$id finds it"
        else
            fail "GET /v1/contacts/$id finds it" "$status: $response"
        fi
    else
        fail "contact id in the POST answer" "$response"
    fi

    # The statically linked Foundation resolves zones from the ICU data inside the binary, not from
    # the root: a real IANA zone must be accepted, and a made-up one refused, or the 200 would prove
    # nothing.
    request PUT /v1/settings '{"time_zone":"America/New_York"}'
    expect "PUT /v1/settings time_zone America/New_York" 200
    request GET /v1/settings
    if printf '%s' "$response" | grep -q '"America/New_York"'; then pass "GET /v1/settings keeps the zone"; else
        fail "GET /v1/settings keeps the zone" "$response"
    fi
    request PUT /v1/settings '{"time_zone":"Nowhere/Not_A_Zone"}'
    expect "PUT /v1/settings with an unknown zone" 422

    if [ -f "$root/data/notapest.sqlite" ] && [ "$(stat -c %u "$root/data/notapest.sqlite")" = "$uid" ]; then
        pass "database created on /data, owned by uid $uid"
    else
        fail "database created on /data, owned by uid $uid" "$(find "$root/data" -mindepth 1 -printf '%P uid %U; ')"
    fi

    # The operator's online backup, as `docker exec` would run it: as the same user, onto the volume.
    if "${in_root[@]}" notapest --help 2>&1 | grep -q 'backup PATH'; then
        if "${in_root[@]}" notapest backup /data/backup.sqlite >"$scratch/backup" 2>&1 &&
            [ -s "$root/data/backup.sqlite" ]; then
            pass "notapest backup /data/backup.sqlite while serving"
        else
            fail "notapest backup /data/backup.sqlite while serving" "$(tr '\n' ' ' <"$scratch/backup")"
        fi
    fi

    # The image's HEALTHCHECK, when this build has the subcommand: 0 while the server is up.
    has_healthcheck=0
    if "${in_root[@]}" notapest --help 2>&1 | grep -q healthcheck; then
        has_healthcheck=1
        if "${in_root[@]}" notapest healthcheck >"$scratch/hc" 2>&1; then
            pass "notapest healthcheck → 0 while serving"
        else
            fail "notapest healthcheck → 0 while serving" "$(cat "$scratch/hc")"
        fi
        # In the image it runs with NOTAPEST_HOST=0.0.0.0, which it must probe over loopback. It
        # only connects; nothing binds that address here.
        if env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin NOTAPEST_HOST=0.0.0.0 NOTAPEST_PORT="$port" \
            NOTAPEST_DB=/data/notapest.sqlite chroot --userspec="$uid:$uid" "$root" /usr/local/bin/notapest \
            healthcheck >"$scratch/hc" 2>&1; then
            pass "notapest healthcheck with the image's NOTAPEST_HOST=0.0.0.0 → 0"
        else
            fail "notapest healthcheck with the image's NOTAPEST_HOST=0.0.0.0 → 0" "$(cat "$scratch/hc")"
        fi
    else
        say "this build has no 'notapest healthcheck'; the image's HEALTHCHECK needs it"
        fail "notapest healthcheck exists (the image's HEALTHCHECK runs it)"
    fi

    # 6. SIGTERM stops it gracefully with exit code 0 (docker stop sends STOPSIGNAL, then waits).
    stop_started=$(date +%s%N)
    kill -TERM "$server_pid"
    for _ in $(seq 1 150); do
        if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
        sleep 0.1
    done
    if kill -0 "$server_pid" 2>/dev/null; then
        fail "SIGTERM stops the server within 15 s"
    else
        set +e
        wait "$server_pid"
        code=$?
        set -e
        server_pid=""
        stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
        if [ "$code" -eq 0 ]; then pass "SIGTERM → exit code 0 (stopped in ${stop_ms} ms)"; else
            fail "SIGTERM → exit code 0" "exit $code"
        fi
    fi

    if [ "$has_healthcheck" -eq 1 ] && [ -z "$server_pid" ]; then
        if "${in_root[@]}" notapest healthcheck >/dev/null 2>&1; then
            fail "notapest healthcheck → 1 once stopped"
        else
            pass "notapest healthcheck → non-zero once stopped"
        fi
    fi
else
    fail "server started as uid $uid on 127.0.0.1:$port" "$(tail -5 "$scratch/server.log" | tr '\n' ' ')"
fi

echo "   server log:"
sed 's/^/      /' "$scratch/server.log" | tail -20

[ "$failed" -eq 0 ]
