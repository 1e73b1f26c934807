#!/usr/bin/env bash
# Copies openapi.yaml into the binary's sources, so that the service serves the contract it was
# built with. A test fails when the two differ: run this after every change to openapi.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
if grep -q '"""#' openapi.yaml; then
    echo 'openapi.yaml contains """#, which would end the raw string' >&2
    exit 1
fi
{
    echo '// Generated from openapi.yaml by scripts/embed-openapi.sh; do not edit by hand.'
    echo ''
    echo '/// The OpenAPI document served at GET /openapi.yaml.'
    echo 'enum OpenAPIDocument {'
    echo '    static let yaml = #"""'
    cat openapi.yaml
    echo '"""#'
    echo '}'
} >Sources/API/Operations/OpenAPIDocument.swift
# Keep the generated file in the project's format, so that the lint in CI stays clean.
swift format --in-place --configuration .swift-format Sources/API/Operations/OpenAPIDocument.swift
