#!/usr/bin/env bash
# The tests, from a fresh machine with Swift: installs the Debian packages the build and the test
# scripts need when they are missing, checks the formatting, fuzzes the contract briefly, runs the
# test suite, builds the parser fuzzers and replays their stored inputs, runs the web page in a
# browser, a short crash round (the reminders' with it), the webhooks against the reference
# implementation of their signatures, and the concurrency tests under ThreadSanitizer. CI
# (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for package in libsqlite3-dev libcurl4-openssl-dev sqlite3; do
    dpkg -s "$package" >/dev/null 2>&1 || need+=("$package")
done
if [ "${#need[@]}" -gt 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi

swift format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests

# The contract under a property-based fuzzer, bounded, with a fixed seed so that CI is repeatable
# (scripts/schemathesis.sh without SEED draws a new one each run).
SEED=20261129 scripts/schemathesis.sh 10

swift test

# The fuzz targets of the parsers that read the network (requests, and the receivers' answers to
# reminders) still build, and take their stored inputs: no fuzzing here (scripts/fuzz.sh MINUTES).
scripts/fuzz.sh 0 request
scripts/fuzz.sh 0 response

# The web page in a real browser (headless Chromium, installed when missing): the seeker's week,
# the security headers, nothing leaving the origin, no console errors (scripts/browser-test.sh).
scripts/browser-test.sh

# A write answered 2xx survives SIGKILL, exactly once, and the file stays sound (scripts/crash.sh):
# three rounds, killed within a second of the first answer, on the release build. The writer's WAL
# goes through the coalescing VFS, whose safety rests on how SQLite orders its writes and syncs, so
# this runs on every change, not only by hand. The reminders go through the same kills: every item
# phase due reaches a local receiver, under one webhook-id (a message in flight at a kill, or whose
# outcome was committing, may come twice under it).
MAX_DELAY=1.0 SEED=20261129 scripts/crash.sh 3

# A client generated from openapi.yaml (openapi-python-client) drives the server through its typed
# models (scripts/client-test.sh).
scripts/client-test.sh

# The webhooks verify under the standardwebhooks package, through a retry and a secret's rotation.
scripts/webhooks-test.sh

# The code that crosses threads (group commit, the reader pool, the timeline cache, event loops and
# the answers handed back to them, parallel agendas, imports, backups, the reminders' scheduler and
# sender) under ThreadSanitizer, in a build directory of its own since every module is built
# instrumented. The suppressions file hides one known false positive and says why.
TSAN_OPTIONS="suppressions=$PWD/.ci/tsan-suppressions.txt print_suppressions=1" \
    swift test --sanitize=thread --scratch-path .build-tsan \
    --filter 'GroupCommit|ReaderPool|TimelineCache|WrittenDelivery|AgendaComputation|ImportGate|EventAPITests|SystemTests|ConditionLock|BackupTests|HTTPTests\.ServerTests|SchedulerTests|SchedulerTimingTests|SenderTests|ReminderServiceEndToEnd'
