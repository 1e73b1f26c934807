#!/usr/bin/env bash
# The tests, from a fresh machine with Swift: installs the Debian packages the build and the test
# scripts need when they are missing, checks the formatting, fuzzes the contract briefly, and runs
# the test suite. CI (.ci/run) runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for package in libsqlite3-dev; do
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
