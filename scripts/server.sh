# Shared by the scripts that start the server: sourced, not run. The release binary for those that load it
# (crash.sh, soak.sh, webhooks-test.sh), the debug one, shared with `swift test`, for those that hold it
# against the contract, a browser or a generated client (schemathesis.sh, browser-test.sh, client-test.sh).
# They set $work (a scratch directory) and $db (the database file) before starting a server, or have
# scratch_work set both.

# require_tools SCRIPT TOOL...: exits 2, naming the first tool missing.
require_tools() {
    local script=$1
    shift
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || {
            echo "$script needs $tool" >&2
            exit 2
        }
    done
}

# release_binary NAME: BIN as given, or the release binary built into SCRATCH_PATH (the build log in
# /tmp/notapest-NAME-build.log, shown when the build fails).
release_binary() {
    if [ -n "${BIN:-}" ]; then
        echo "using $BIN as built"
        return
    fi
    local log="/tmp/notapest-$1-build.log"
    swift build -c release --scratch-path "$SCRATCH_PATH" --product notapest >"$log" 2>&1 || {
        cat "$log"
        exit 1
    }
    BIN="$SCRATCH_PATH/release/notapest"
}

# debug_binary: BIN, the debug binary, built into SCRATCH when it is set (SwiftPM's default otherwise).
debug_binary() {
    local build=(swift build --product notapest)
    if [ -n "${SCRATCH:-}" ]; then build+=(--scratch-path "$SCRATCH"); fi
    "${build[@]}"
    BIN="$("${build[@]}" --show-bin-path)/notapest"
}

# scratch_work: $work, a new scratch directory, and $db in it; on exit the server started over it is
# stopped and the directory removed (kept with KEEP=1).
scratch_work() {
    work=$(mktemp -d)
    db="$work/notapest.sqlite"
    SERVER_PID=""
    trap stop_and_remove_work EXIT
}

# shellcheck disable=SC2317 # run by scratch_work's EXIT trap
stop_and_remove_work() {
    if [ -n "$SERVER_PID" ]; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "${KEEP:-0}" = 1 ]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}

# start_server [ARGS...]: runs notapest on a free port over $db, sets SERVER_PID and PORT from its
# first line; exits showing the server's output if it does not start.
start_server() {
    local log="$work/server.log"
    : >"$log"
    "$BIN" serve --port 0 --db "$db" --quiet "$@" 2>"$log" &
    SERVER_PID=$!
    for _ in $(seq 1 200); do
        PORT=$(sed -n 's#.*listening on http://[^:]*:\([0-9]*\).*#\1#p' "$log")
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    echo "the server did not start:" >&2
    cat "$log" >&2
    exit 1
}
