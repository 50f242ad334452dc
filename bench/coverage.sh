#!/usr/bin/env bash
# The full coverage table of the bands (bench/coverage.md): 2,000 synthetic histories per case,
# 256 parameter draws each, release build (about 12 minutes on 1 core). Prints Markdown tables.
# FORECAST_COVERAGE_UNCERTAINTY=off for point predictives; FORECAST_COVERAGE_MODELS="AR(1),VAR(1)"
# for some models only; FORECAST_COVERAGE_SEED (default 2024: the table's; design runs use another) and
# FORECAST_COVERAGE_YEARS="10" for subsets.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --build-tests -Xswiftc -enable-testing >&2
FORECAST_COVERAGE_TABLE=1 FORECAST_COVERAGE_HISTORIES="${FORECAST_COVERAGE_HISTORIES:-2000}" \
FORECAST_COVERAGE_DRAWS="${FORECAST_COVERAGE_DRAWS:-256}" \
    swift test -c release -Xswiftc -enable-testing --skip-build --filter CoverageTableTests 2>/dev/null | grep '^|'
