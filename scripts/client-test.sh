#!/usr/bin/env bash
# A client generated from openapi.yaml, as an integrator makes one: openapi-python-client generates a
# Python package from the contract (with no warning but the one it gives for the YAML document itself,
# which it cannot describe as a model), and scripts/client_scenario.py drives a server started here, with
# a token and a temporary database, through the generated typed models only: a recruiter and an
# interviewer, an application through the recruiter, the resume sent, a follow-up to the interviewer
# asked about and refused (its rule ids and earliest time read from typed fields), and the agenda.
#
# Usage: scripts/client-test.sh
#   SCRATCH=DIR   build in DIR instead of the default .build
# The generated package lands in .build/python-client/notapest_client. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
millis() { echo $(($(date +%s%N) / 1000000)); }
started=$(millis)

# The generator in a virtual environment of its own, at a pinned version: what it makes of a schema
# changes between releases, and this test must not change under us. It brings the generated client's
# own dependencies (httpx, attrs) and the formatter it runs on what it writes (ruff).
version=0.29.1
venv=.build/client-venv
if [ "$("$venv/bin/openapi-python-client" --version 2>/dev/null)" != "openapi-python-client version: $version" ]; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "openapi-python-client==$version"
fi

# The generation is the command README gives, called through the generator's own function so that its
# warnings can be told apart: the YAML document's response is the one thing it may skip.
out=.build/python-client
rm -rf "$out"
mkdir -p "$out"
generation=$(millis)
PATH="$PWD/$venv/bin:$PATH" "$venv/bin/python" - openapi.yaml "$out/notapest_client" <<'PYTHON'
import sys
from pathlib import Path

from openapi_python_client import generate
from openapi_python_client.config import Config, ConfigFile, MetaType

spec, package = sys.argv[1], sys.argv[2]
config = Config.from_sources(ConfigFile(), MetaType.NONE, Path(spec), "utf-8", False, output_path=Path(package))
errors = generate(config=config)


def expected(error):
    # application/yaml has no model in this generator: the operation is kept, its answer left unparsed.
    return error.header == "WARNING parsing GET /openapi.yaml within service." and "application/yaml" in (
        error.detail or "")


unexpected = [error for error in errors if not expected(error)]
for error in unexpected:
    print(f"{error.level.value}: {error.header}\n{error.detail or ''}", file=sys.stderr)
    data = getattr(error, "data", None)
    if data is not None:
        print(data.model_dump_json(indent=2, exclude_unset=True, by_alias=True), file=sys.stderr)
if unexpected:
    sys.exit(f"client test: the generator warned {len(unexpected)} time(s) beyond the YAML document")
models = len(list(Path(package, "models").glob("*.py"))) - 1
operations = len([p for p in Path(package, "api").glob("*/*.py") if p.name != "__init__.py"])
print(f"client test: generated {operations} operations and {models} models, "
      f"{len(errors)} expected warning (GET /openapi.yaml answers YAML)")
PYTHON
generation=$(($(millis) - generation))

# shellcheck source=scripts/server.sh
. scripts/server.sh
debug_binary
scratch_work

token="$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')"
# Port 0: the kernel picks a free loopback port, and the server says which on its first line.
NOTAPEST_TOKEN="$token" start_server
base="http://127.0.0.1:$PORT"

scenario=$(millis)
NOTAPEST_TOKEN="$token" PYTHONPATH="$PWD/$out" "$venv/bin/python" scripts/client_scenario.py --base "$base"
finished=$(millis)
echo "client test: passed in $((finished - started)) ms: generation $generation ms," \
    "scenario $((finished - scenario)) ms, the rest installing, building and starting the server"
