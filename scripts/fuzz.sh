#!/usr/bin/env bash
# Fuzzes the parsers that read what the network sends, with libFuzzer and the address sanitizer,
# checking their promises on every input (the corpus regression tests run the same checks under
# `swift test`):
#
#   request   the server's request-head parser, messageInfo and chunked decoder, against
#             Tests/HTTPTests/ParserInvariants.swift (corpus Tests/Fuzz/corpus, crashes
#             Tests/Fuzz/crashes)
#   response  the reminders' client: the response-head parser, the chunked-body reader and the
#             HTTP-dates of Retry-After, against
#             Tests/RemindersTests/Delivery/ResponseInvariants.swift (corpus
#             Tests/Fuzz/response-corpus, crashes Tests/Fuzz/response-crashes)
#
#   scripts/fuzz.sh MINUTES [request|response]
#
# Builds the fuzzer into the scratch directory, copies the seed corpus and the stored crash inputs
# into a work corpus there, which keeps growing from run to run and never goes into git, then
# fuzzes for MINUTES. With 0 minutes it only builds the fuzzer and runs each stored input through
# it once (what the tests do, so that the fuzz targets keep building). Prints executions and coverage at the end. Exits non-zero when an input broke
# a promise or crashed, printing the input's path: minimize it, add it to the crash directory, fix
# the parser, rerun.
#
# Environment: NOTAPEST_FUZZ_DIR (scratch directory, default .build-fuzz), NOTAPEST_FUZZ_ARGS
# (extra libFuzzer flags, e.g. "-seed=1").
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=${1:-}
target=${2:-request}
if ! [[ $minutes =~ ^[0-9]+$ ]] || ! [[ $target =~ ^(request|response)$ ]]; then
    echo "usage: scripts/fuzz.sh MINUTES [request|response]" >&2
    exit 2
fi

dir=${NOTAPEST_FUZZ_DIR:-.build-fuzz}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
# The parsers are pure: their files need nothing from the socket layer, so they compile on their
# own, into a module named as the library's, so that the shared invariant file's import of it is
# skipped.
if [ "$target" = request ]; then
    module=HTTP
    sources=(
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
        Tests/HTTPTests/ParserInvariants.swift
        Tests/Fuzz/HTTPParserFuzzer.swift
        Tests/Fuzz/FuzzCheck.swift
    )
    fuzzer=$dir/http-parser-fuzzer
    work=$dir/corpus
    seed_dirs=(Tests/Fuzz/corpus Tests/Fuzz/crashes)
    dictionary=Tests/Fuzz/http.dict
    link=()
else
    module=Reminders
    sources=(
        Sources/Reminders/Delivery/ResponseHeadParser.swift
        Sources/Reminders/Delivery/ResponseHead.swift
        Sources/Reminders/Delivery/ChunkedBodyDecoder.swift
        Sources/Reminders/Delivery/HTTPDateReader.swift
        Tests/RemindersTests/Delivery/ResponseInvariants.swift
        Tests/Fuzz/ResponseParserFuzzer.swift
        Tests/Fuzz/FuzzCheck.swift
    )
    fuzzer=$dir/response-parser-fuzzer
    work=$dir/response-corpus
    seed_dirs=(Tests/Fuzz/response-corpus Tests/Fuzz/response-crashes)
    dictionary=Tests/Fuzz/response.dict
    # Retry-After's dates are read with the Time module, built first as a library of its own.
    link=(-I "$dir/time" -L "$dir/time" -lTime)
fi
artifacts=$dir/artifacts/$target-$(date +%Y%m%d-%H%M%S)
log=$artifacts/fuzz.log
mkdir -p "$work" "$artifacts"

echo "== building $fuzzer"
rm -f "$fuzzer"
# -O keeps Swift's bounds and overflow checks (each a trap the fuzzer reports); -g gives line
# numbers in stacks. lld links the sanitizer runtimes without gold's export warnings.
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6
    -enable-upcoming-feature ExistentialAny)
if ((${#link[@]} > 0)); then
    rm -rf "$dir/time" && mkdir -p "$dir/time"
    swiftc "${flags[@]}" -module-name Time -emit-module -emit-module-path "$dir/time/Time.swiftmodule" \
        -emit-library -static -o "$dir/time/libTime.a" Sources/Time/*.swift >"$artifacts/build.log" 2>&1 || {
        cat "$artifacts/build.log" >&2
        echo "fuzz.sh: the build of the Time module failed" >&2
        exit 1
    }
fi
swiftc "${flags[@]}" -use-ld=lld -module-name "$module" "${link[@]}" \
    "${sources[@]}" -o "$fuzzer" >>"$artifacts/build.log" 2>&1 || {
    cat "$artifacts/build.log" >&2
    echo "fuzz.sh: the build failed" >&2
    exit 1
}
grep -E "error|warning" "$artifacts/build.log" | grep -v "part of module '$module'; ignoring import" || true

shopt -s nullglob
seeds=()
for seed_dir in "${seed_dirs[@]}"; do seeds+=("$seed_dir"/*); done
shopt -u nullglob
if ((${#seeds[@]} > 0)); then cp -n "${seeds[@]}" "$work/"; fi
if ((minutes == 0)); then
    # Given no file, the fuzzer would fuzz until stopped.
    if ((${#seeds[@]} == 0)); then
        echo "fuzz.sh: no stored input in ${seed_dirs[*]}" >&2
        exit 1
    fi
    echo "== running the ${#seeds[@]} stored inputs once"
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-handle_abort=1} "$fuzzer" \
        -artifact_prefix="$artifacts/" "${seeds[@]}" >"$artifacts/replay.log" 2>&1 || {
        tail -n 40 "$artifacts/replay.log" >&2
        echo "fuzz.sh: a stored input broke a promise; see $artifacts/replay.log" >&2
        exit 1
    }
    echo "== no promise broken"
    exit 0
fi
echo "== fuzzing for $minutes min over $work ($(find "$work" -type f | wc -l) inputs); log: $log"

# The runtime's own crash handler would race the sanitizer's report; libFuzzer reports crashes.
read -r -a extra_args <<<"${NOTAPEST_FUZZ_ARGS:-}"
set +e
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=${ASAN_OPTIONS:-handle_abort=1} "$fuzzer" \
    -max_total_time=$((minutes * 60)) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -use_value_profile=1 -print_final_stats=1 -dict="$dictionary" \
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
    echo "   then copy the minimized input to ${seed_dirs[1]}/, fix the parser, rerun."
    exit 1
fi
if ((status != 0)); then
    echo "fuzz.sh: the fuzzer exited with status $status; see $log" >&2
    exit "$status"
fi
echo "== no promise broken"
