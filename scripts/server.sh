# Shared by the scripts that run the release binary under load (crash.sh, soak.sh): sourced, not run.
# They set $work (a scratch directory) and $db (the database file) before starting a server.

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
