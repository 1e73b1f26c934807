#!/usr/bin/env bash
# Proves the Dockerfile's runtime stage without a container engine: builds the same static binary,
# runs it as uid 10001 inside a minimal Debian bookworm root that holds only the packages the
# runtime stage installs, and checks it from the host over loopback. Needs root (debootstrap,
# chroot, mount). The root is cached between runs; a first run downloads it from Debian's mirror.
#
# It also proves that the reminders reach an https receiver through the image's trust store: a
# throwaway CA made here is added to the root the way an operator adds a private CA to the image
# (/usr/local/share/ca-certificates, then update-ca-certificates, both from the ca-certificates
# package the image has), and taken out again when the run ends, so the cached root stays as
# debootstrap left it. A webhook channel to a TLS receiver on loopback with a certificate from that
# CA must be delivered; one to a receiver whose certificate comes from another CA must fail with a
# TLS error. The host needs openssl and python3 for the certificates and the receivers.
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

test_ca_name=notapest-check-runtime-test-ca.crt

results=()
failed=0
server_pid=""
receiver_pids=()
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

# Takes the run's test CA out of the cached root's trust store again (also what a run killed before
# its cleanup left there).
remove_test_ca() {
    if [ -e "$root/usr/local/share/ca-certificates/$test_ca_name" ]; then
        rm -f "$root/usr/local/share/ca-certificates/$test_ca_name"
        chroot "$root" update-ca-certificates --fresh >/dev/null 2>&1 || true
    fi
}

cleanup() {
    local code=$?
    # An unexpected error (set -e) fails the run even when every recorded check passed.
    if [ "$code" -ne 0 ]; then failed=1; fi
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    local pid
    for pid in "${receiver_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    remove_test_ca
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
host_need=()
for tool in debootstrap curl openssl python3; do
    command -v "$tool" >/dev/null 2>&1 || host_need+=("$tool")
done
if [ "${#host_need[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${host_need[@]}" >/dev/null
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
# The HTTPS helper the server starts from its own folder, built with it.
install -m 0755 "$(dirname "$binary")/notapest-https" "$root/usr/local/bin/notapest-https"
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

# The certificates for the https checks, made on the host: a test CA and a server certificate for
# 127.0.0.1 from it, and another CA, never trusted, with a certificate for the same address. Both
# server certificates are equally valid but for who signed them, so the second receiver fails on
# trust alone.
make_ca() {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
        -subj "/CN=$2" -addext basicConstraints=critical,CA:TRUE \
        -addext keyUsage=critical,keyCertSign,cRLSign -keyout "$scratch/$1.key" -out "$scratch/$1.crt" 2>/dev/null
}
make_server_cert() {
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=127.0.0.1 \
        -keyout "$scratch/$1.key" -out "$scratch/$1.csr" 2>/dev/null
    printf '%s\n' subjectAltName=IP:127.0.0.1 basicConstraints=critical,CA:FALSE \
        keyUsage=critical,digitalSignature extendedKeyUsage=serverAuth >"$scratch/$1.ext"
    openssl x509 -req -in "$scratch/$1.csr" -CA "$scratch/$2.crt" -CAkey "$scratch/$2.key" -CAcreateserial \
        -days 2 -extfile "$scratch/$1.ext" -out "$scratch/$1.crt" 2>/dev/null
}
tls_ready=0
if make_ca test-ca "NotAPest check-runtime test CA" && make_server_cert trusted test-ca &&
    make_ca other-ca "NotAPest check-runtime untrusted CA" && make_server_cert untrusted other-ca &&
    openssl verify -CAfile "$scratch/test-ca.crt" "$scratch/trusted.crt" >/dev/null 2>&1; then
    pass "test CA and server certificates for 127.0.0.1 made with openssl"
    # As an operator adds a private CA to the image (a derived image's COPY and RUN), before the
    # server starts: only what the ca-certificates package brings, nothing installed for it.
    install -m 0644 "$scratch/test-ca.crt" "$root/usr/local/share/ca-certificates/$test_ca_name"
    if chroot "$root" update-ca-certificates --fresh >"$scratch/update-ca" 2>&1 &&
        grep -qF "$(sed -n 2p "$scratch/test-ca.crt")" "$root/etc/ssl/certs/ca-certificates.crt"; then
        pass "update-ca-certificates in the root adds the test CA to its trust store"
        tls_ready=1
    else
        fail "update-ca-certificates in the root adds the test CA to its trust store" \
            "$(tail -3 "$scratch/update-ca" | tr '\n' ' ')"
    fi
else
    fail "test CA and server certificates for 127.0.0.1 made with openssl"
fi

# The container gets /proc from the engine; give the root one too.
mount -t proc proc "$root/proc"

# The environment the container would have (the image's, with the host narrowed to loopback), and
# nothing of the caller's. env and chroot both exec, so a command started with it in the background
# has the server's own pid in $!.
in_root=(env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
    NOTAPEST_HOST=127.0.0.1 NOTAPEST_PORT="$port" NOTAPEST_DB=/data/notapest.sqlite
    NOTAPEST_TOKEN="$token" chroot --userspec="$uid:$uid" "$root")

# 3. Every shared library the binaries need resolves inside the root, and none is Swift's.
for program in notapest notapest-https; do
    if chroot "$root" ldd "/usr/local/bin/$program" >"$scratch/ldd" 2>&1; then
        sed 's/^/      /' "$scratch/ldd"
        missing=$(grep -c 'not found' "$scratch/ldd" || true)
        swiftlibs=$(grep -ci 'swift\|foundation\|icu' "$scratch/ldd" || true)
        if [ "$missing" -eq 0 ] && [ "$swiftlibs" -eq 0 ]; then
            pass "ldd $program: every library present in the root, no Swift runtime library"
        else
            fail "ldd $program: every library present in the root, no Swift runtime library" \
                "$missing not found, $swiftlibs Swift/Foundation/ICU"
        fi
    else
        fail "ldd $program inside the root" "$(head -3 "$scratch/ldd")"
    fi
done
# libcurl and its TLS libraries belong to the helper alone: the server does not link them.
if chroot "$root" ldd /usr/local/bin/notapest 2>&1 | grep -q libcurl; then
    fail "notapest does not link libcurl (the HTTPS helper does)" "$(chroot "$root" ldd /usr/local/bin/notapest | grep libcurl)"
else
    pass "notapest does not link libcurl (the HTTPS helper does)"
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

# A TLS receiver on 127.0.0.1 (python's http.server wrapped in ssl): it answers every POST 204 and
# records it as one JSON line (path, the webhook headers, the body), and records a handshake that
# failed as {"handshake_error": ...}. Its port, picked by the kernel, is written to a file.
cat >"$scratch/tls_receiver.py" <<'PYTHON'
import http.server, json, ssl, sys, threading

cert, key, out, port_file = sys.argv[1:5]
lock = threading.Lock()
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)


def record(entry):
    with lock, open(out, "a", encoding="utf-8") as file:
        file.write(json.dumps(entry) + "\n")


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        try:
            self.request.do_handshake()
        except (ssl.SSLError, OSError) as error:
            record({"handshake_error": str(error)})
            raise
        super().setup()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        record({"path": self.path, "id": self.headers.get("webhook-id"),
                "timestamp": self.headers.get("webhook-timestamp"),
                "signature": self.headers.get("webhook-signature"), "body": body.decode("utf-8", "replace")})
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *arguments):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def get_request(self):
        connection, address = self.socket.accept()
        return context.wrap_socket(connection, server_side=True, do_handshake_on_connect=False), address

    def handle_error(self, request, address):
        pass


server = Server(("127.0.0.1", 0), Handler)
with open(port_file, "w", encoding="utf-8") as file:
    file.write(str(server.server_address[1]))
server.serve_forever()
PYTHON

# start_receiver NAME: a receiver with NAME.crt and NAME.key; sets receiver_port.
start_receiver() {
    : >"$scratch/$1.jsonl"
    python3 "$scratch/tls_receiver.py" "$scratch/$1.crt" "$scratch/$1.key" "$scratch/$1.jsonl" \
        "$scratch/$1.port" 2>"$scratch/$1.err" &
    receiver_pids+=($!)
    receiver_port=""
    for _ in $(seq 1 100); do
        receiver_port=$(cat "$scratch/$1.port" 2>/dev/null || true)
        [ -n "$receiver_port" ] && return 0
        sleep 0.1
    done
    return 1
}

# json FIELD: a member of the last response, as JSON (null when absent or not JSON).
json() {
    printf '%s' "$response" | python3 -c 'import json, sys
try:
    print(json.dumps(json.load(sys.stdin).get(sys.argv[1])))
except ValueError:
    print("null")' "$1"
}

# A webhook channel to https://127.0.0.1:PORT/hook, then its test; sets channel_secret, and leaves the
# test's answer in $response.
channel_test() {
    local name=$1 receiver_port=$2
    request POST /v1/channels "{\"name\":\"$name\",\"kind\":\"webhook\",\"url\":\"https://127.0.0.1:$receiver_port/hook\"}"
    if [ "$status" != 201 ]; then
        fail "POST /v1/channels ($name)" "got $status: $response"
        return 1
    fi
    local id
    id=$(json id)
    channel_secret=$(json secret | tr -d '"')
    request POST "/v1/channels/$id/test"
    if [ "$status" != 200 ]; then
        fail "POST /v1/channels/$id/test ($name)" "got $status: $response"
        return 1
    fi
}

check_https() {
    if ! start_receiver trusted; then
        fail "TLS receiver with the test CA's certificate started" "$(tail -3 "$scratch/trusted.err" | tr '\n' ' ')"
        return
    fi
    local trusted_port=$receiver_port
    if ! start_receiver untrusted; then
        fail "TLS receiver with the untrusted certificate started" "$(tail -3 "$scratch/untrusted.err" | tr '\n' ' ')"
        return
    fi
    local untrusted_port=$receiver_port
    # The receivers themselves serve TLS as meant: the host's curl trusts the first with the test CA
    # and refuses the second with it.
    if curl -sS --max-time 5 -o /dev/null --cacert "$scratch/test-ca.crt" -X POST --data '{}' \
        "https://127.0.0.1:$trusted_port/probe" 2>"$scratch/probe.err" &&
        ! curl -sS --max-time 5 -o /dev/null --cacert "$scratch/test-ca.crt" -X POST --data '{}' \
            "https://127.0.0.1:$untrusted_port/probe" 2>/dev/null; then
        pass "TLS receivers on 127.0.0.1:$trusted_port (test CA) and :$untrusted_port (another CA)"
    else
        fail "TLS receivers on 127.0.0.1:$trusted_port and :$untrusted_port" "$(cat "$scratch/probe.err")"
    fi
    : >"$scratch/trusted.jsonl"
    : >"$scratch/untrusted.jsonl"

    local maps
    if ! maps=$(cat "/proc/$server_pid/maps" 2>&1); then
        fail "before any https message, the server maps no libcurl" "$maps"
    elif printf '%s' "$maps" | grep -q libcurl; then
        fail "before any https message, the server maps no libcurl" "$(printf '%s' "$maps" | grep -m1 libcurl)"
    else
        pass "before any https message, the server maps no libcurl"
    fi
    if channel_test "TLS check" "$trusted_port"; then
        local answer=$response
        if pgrep -P "$server_pid" -x notapest-https >/dev/null; then
            pass "the test message started the HTTPS helper, a child of the server"
        else
            fail "the test message started the HTTPS helper, a child of the server" "$(ps -o pid,ppid,comm --ppid "$server_pid")"
        fi
        if [ "$(json delivered)" = true ] && [ "$(json status)" = 204 ]; then
            pass "test message over https to the test CA's receiver: delivered → $answer"
        else
            fail "test message over https to the test CA's receiver" "$answer"
        fi
        # What arrived, and that it is the message the service signed with this channel's secret
        # (Standard Webhooks: HMAC-SHA256 over id.timestamp.body, keyed with the secret after whsec_).
        local verdict
        verdict=$(python3 - "$scratch/trusted.jsonl" "$channel_secret" <<'PYTHON'
import base64, hashlib, hmac, json, sys

lines = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
requests = [line for line in lines if "path" in line]
if len(requests) != 1:
    print(f"{len(requests)} requests recorded: {lines}")
    sys.exit()
got = requests[0]
key = base64.b64decode(sys.argv[2].removeprefix("whsec_"))
signed = f"{got['id']}.{got['timestamp']}.{got['body']}".encode()
expected = "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
kind = json.loads(got["body"]).get("type")
if got["path"] != "/hook" or kind != "channel.test" or expected not in (got["signature"] or "").split(" "):
    print(f"unexpected: path {got['path']}, type {kind}, signature {got['signature']} (want {expected})")
else:
    print(f"ok: POST /hook, {kind}, webhook-id {got['id']}, signature verified")
PYTHON
        ) || true
        case "$verdict" in
        ok:*) pass "the TLS receiver recorded it (${verdict#ok: })" ;;
        *) fail "the TLS receiver recorded the test message" "$verdict" ;;
        esac
    fi

    if channel_test "TLS check, untrusted" "$untrusted_port"; then
        local answer=$response error
        error=$(json error)
        if [ "$(json delivered)" = false ] && [ "$(json status)" = null ] && printf '%s' "$error" | grep -q TLS; then
            pass "test message to a receiver whose certificate no trusted CA signed: not delivered → $answer"
        else
            fail "test message to a receiver whose certificate no trusted CA signed fails with a TLS error" "$answer"
        fi
        if grep -q '"path"' "$scratch/untrusted.jsonl"; then
            fail "the untrusted receiver got no request" "$(cat "$scratch/untrusted.jsonl")"
        elif grep -q handshake_error "$scratch/untrusted.jsonl"; then
            pass "the untrusted receiver got no request: the client broke off the handshake ($(
                python3 -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["handshake_error"])' \
                    "$scratch/untrusted.jsonl"))"
        else
            fail "the untrusted receiver saw the handshake fail" "nothing recorded"
        fi
    fi
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

    # 6. Reminders over https, through the root's libcurl and trust store: a webhook channel to each
    # receiver, and its test message sent at once.
    if [ "$tls_ready" -eq 1 ]; then
        check_https
    fi

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

    # 7. SIGTERM stops it gracefully with exit code 0 (docker stop sends STOPSIGNAL, then waits).
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
