#!/usr/bin/env bash
# The web page in a real browser: headless Chromium driven by Selenium walks the seeker's week through the
# page (scripts/browser_scenario.py) against a server started here with a token and a temporary database,
# and checks the page's security headers, that no request leaves the origin, that the browser logs no
# error, that the page fits 375 px, and that it works from the keyboard.
#
# Usage: scripts/browser-test.sh
#   SCRATCH=DIR            build in DIR instead of the default .build
#   UPDATE_SCREENSHOTS=1   also copy the two screenshots README shows into docs/screenshots/
# Screenshots of every step land in .build/browser-screenshots/. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's browser and its driver, from the same release, so that their versions always match.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# Selenium in a virtual environment of its own, at a pinned version.
version=4.51.0
venv=.build/browser-venv
if [ "$("$venv/bin/python" -c 'import selenium; print(selenium.__version__)' 2>/dev/null)" != "$version" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "selenium==$version"
fi

# shellcheck source=scripts/server.sh
. scripts/server.sh
debug_binary
scratch_work

token="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
# Port 0: the kernel picks a free loopback port, and the server says which on its first line.
NOTAPEST_TOKEN="$token" start_server
base="http://127.0.0.1:$PORT"

out=.build/browser-screenshots
rm -rf "$out"
mkdir -p "$out"
started=$SECONDS
# Selenium must use the driver given to it and fetch nothing.
SE_OFFLINE=true NOTAPEST_TOKEN="$token" HOME="$work" "$venv/bin/python" scripts/browser_scenario.py \
    --base "$base" --screenshots "$out" --assets Sources/API/Resources/app
echo "browser test: passed in $((SECONDS - started)) s"
if [ "${UPDATE_SCREENSHOTS:-}" = 1 ]; then
    mkdir -p docs/screenshots
    cp "$out/today-1280.png" "$out/application-375.png" docs/screenshots/
fi
