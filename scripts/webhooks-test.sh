#!/usr/bin/env bash
# Holds the webhooks the reminders send to Standard Webhooks as its reference implementation reads them:
# starts the release server on a free loopback port over a temporary database, with a token, and runs
# scripts/webhooks_scenario.py against it. That makes a webhook channel, starts scripts/webhook_receiver.py
# (the `standardwebhooks` package from PyPI) with the channel's secret on a port chosen first, makes an item
# fall due, has its first attempt refused and retried, sends a test, rotates the secret and checks that a
# message verifies under the old secret and under the new one while they overlap, and that every request
# recorded verified. Exits non-zero otherwise.
#
#   scripts/webhooks-test.sh
#
# The package lives in a virtual environment of its own under .build/ (ignored by git), at a pinned version.
# Environment: SCRATCH_PATH (SwiftPM's scratch directory, .build), BIN (a binary to use instead of building
# one), KEEP=1 (keep the work directory).
set -euo pipefail
cd "$(dirname "$0")/.."

SCRATCH_PATH=${SCRATCH_PATH:-.build}
version=1.3.0
venv=.build/webhooks-venv

# shellcheck source=scripts/server.sh
. scripts/server.sh
require_tools webhooks-test.sh python3
if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("standardwebhooks"))' 2>/dev/null)" \
    != "$version" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "standardwebhooks==$version"
fi
release_binary webhooks

scratch_work

(umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(32))' >"$work/token")
# A short retry base, should a message need more than the retry the receiver asks for.
start_server --token-file "$work/token" --delivery-retry-base-ms 200
python3 scripts/webhooks_scenario.py "$PORT" "$work/token" "$venv/bin/python" "$work"
