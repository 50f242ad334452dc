#!/usr/bin/env bash
# Fuzzes the decoders of scenario JSON, history CSV and targets CSV with libFuzzer for a
# bounded time (default 60 s): bash scripts/fuzz.sh [SECONDS].
#
# Builds Fuzz/ScenarioFuzz.swift with Sources/Scenario (and the CSV.swift package it reads
# with) into .build/fuzz/scenario-fuzz, with -sanitize=fuzzer,address; starts from the
# committed seeds in Fuzz/corpus (copied, so that the committed corpus stays small); prints
# libFuzzer's final figures. Exits non-zero on a crash, a trap or a hang (> 10 s on one input),
# leaving the input in .build/fuzz/ (crash-*, timeout-*): replay it with
# .build/fuzz/scenario-fuzz .build/fuzz/crash-<hash>.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
out=.build/fuzz
mkdir -p "$out"
swift package resolve >/dev/null
csv=.build/checkouts/CSV.swift/Sources/CSV
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
if [ ! -f "$out/libCSV.a" ] || [ -n "$(find "$csv" -newer "$out/libCSV.a" -name '*.swift')" ]; then
    swiftc "${flags[@]}" -module-name CSV -emit-library -static -emit-module \
        -emit-module-path "$out/CSV.swiftmodule" -o "$out/libCSV.a" "$csv"/*.swift
fi
swiftc "${flags[@]}" -module-name Scenario -I "$out" -L "$out" -lCSV \
    Sources/Scenario/*.swift Fuzz/ScenarioFuzz.swift -o "$out/scenario-fuzz" 2> "$out/link.log" \
    || { cat "$out/link.log"; exit 1; }
rm -rf "$out/corpus" && mkdir -p "$out/corpus" && cp Fuzz/corpus/* "$out/corpus/"
export ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}"
export SWIFT_BACKTRACE="enable=no"   # let libFuzzer, not the Swift backtracer, handle a trap
cd "$out"
set +e
./scenario-fuzz corpus -max_total_time="$seconds" -timeout=10 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix=./ 2>&1 | tee fuzz.log | grep -E "^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|ERROR|SUMMARY|Test unit written"
status=${PIPESTATUS[0]}
set -e
echo "corpus: $(ls corpus | wc -l) inputs; seconds: $seconds; exit status $status"
exit "$status"
