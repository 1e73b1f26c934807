#!/usr/bin/env bash
# Fuzzes the request-head parser, messageInfo and the chunked decoder with libFuzzer and the
# address sanitizer, checking the invariants of Tests/HTTPTests/ParserInvariants.swift on every
# input (the corpus regression test runs the same checks under `swift test`).
#
#   scripts/fuzz.sh MINUTES
#
# Builds the fuzzer into the scratch directory, copies the seed corpus (Tests/Fuzz/corpus) and
# the stored crash inputs (Tests/Fuzz/crashes) into a work corpus there, which keeps growing
# from run to run and never goes into git, then fuzzes for MINUTES. Prints executions and
# coverage at the end. Exits non-zero when an input broke an invariant or crashed, printing the
# input's path: minimize it, add it to Tests/Fuzz/crashes/, fix the parser, rerun.
#
# Environment: NOTAPEST_FUZZ_DIR (scratch directory, default .build-fuzz), NOTAPEST_FUZZ_ARGS
# (extra libFuzzer flags, e.g. "-seed=1").
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-}
if ! [[ $minutes =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: scripts/fuzz.sh MINUTES" >&2
    exit 2
fi

dir=${NOTAPEST_FUZZ_DIR:-.build-fuzz}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
fuzzer=$dir/http-parser-fuzzer
work=$dir/corpus
artifacts=$dir/artifacts/$(date +%Y%m%d-%H%M%S)
log=$artifacts/fuzz.log
mkdir -p "$work" "$artifacts"

# The parser is pure: these files need nothing from the socket layer, so they compile on their
# own, into a module named HTTP so that the shared invariant file's `import HTTP` is skipped.
parser_sources=(
    Sources/HTTP/RequestParser.swift
    Sources/HTTP/RequestParser+Bytes.swift
    Sources/HTTP/RequestParser+RequestLine.swift
    Sources/HTTP/RequestParser+Framing.swift
    Sources/HTTP/RequestParser+FramingFields.swift
    Sources/HTTP/ChunkedDecoder.swift
    Sources/HTTP/ChunkedDecoder+ChunkExtension.swift
    Sources/HTTP/HeadParseResult.swift
    Sources/HTTP/ParserLimits.swift
    Sources/HTTP/HTTPParseError.swift
    Sources/HTTP/RequestHead.swift
    Sources/HTTP/MessageInfo.swift
    Sources/HTTP/BodyFraming.swift
    Sources/HTTP/HTTPHeaders.swift
    Sources/HTTP/HTTPVersion.swift
)
fuzz_sources=(Tests/HTTPTests/ParserInvariants.swift Tests/Fuzz/HTTPParserFuzzer.swift)

echo "== building $fuzzer"
rm -f "$fuzzer"
# -O keeps Swift's bounds and overflow checks (each a trap the fuzzer reports); -g gives line
# numbers in stacks. lld links the sanitizer runtimes without gold's export warnings.
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld \
    -swift-version 6 -enable-upcoming-feature ExistentialAny -module-name HTTP \
    "${parser_sources[@]}" "${fuzz_sources[@]}" -o "$fuzzer" >"$artifacts/build.log" 2>&1 || {
    cat "$artifacts/build.log" >&2
    echo "fuzz.sh: the build failed" >&2
    exit 1
}
grep -E "error|warning" "$artifacts/build.log" | grep -v "part of module 'HTTP'; ignoring import" || true

shopt -s nullglob
seeds=(Tests/Fuzz/corpus/* Tests/Fuzz/crashes/*)
shopt -u nullglob
if ((${#seeds[@]} > 0)); then cp -n "${seeds[@]}" "$work/"; fi
echo "== fuzzing for $minutes min over $work ($(find "$work" -type f | wc -l) inputs); log: $log"

# The runtime's own crash handler would race the sanitizer's report; libFuzzer reports crashes.
read -r -a extra_args <<<"${NOTAPEST_FUZZ_ARGS:-}"
set +e
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-handle_abort=1} "$fuzzer" \
    -max_total_time=$((minutes * 60)) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -use_value_profile=1 -print_final_stats=1 -dict=Tests/Fuzz/http.dict \
    -artifact_prefix="$artifacts/" "${extra_args[@]}" "$work" >"$log" 2>&1
status=$?
set -e

echo "== summary"
grep -E '^#[0-9]+' "$log" | tail -n 1 || true
grep -E '^stat::' "$log" || true
shopt -s nullglob
found=("$artifacts"/crash-* "$artifacts"/leak-* "$artifacts"/timeout-* "$artifacts"/oom-*)
shopt -u nullglob
if ((${#found[@]} > 0)); then
    echo "== the fuzzer found ${#found[@]} failing input(s):"
    for input in "${found[@]}"; do echo "$input"; done
    echo "== what it reported:"
    grep -E -A 40 'Fatal error|ERROR: AddressSanitizer|ERROR: libFuzzer' "$log" | head -n 80 || true
    echo "== minimize with:"
    echo "   SWIFT_BACKTRACE=enable=no $fuzzer -minimize_crash=1 -runs=100000" \
        "-artifact_prefix=$artifacts/ ${found[0]}"
    echo "   then copy the minimized input to Tests/Fuzz/crashes/, fix the parser, rerun."
    exit 1
fi
if ((status != 0)); then
    echo "fuzz.sh: the fuzzer exited with status $status; see $log" >&2
    exit "$status"
fi
echo "== no invariant broken"
