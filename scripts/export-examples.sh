#!/usr/bin/env bash
# Regenerates the shipped example outputs of the Ruijin 2022 scenarios (what
# notebooks-data/fan_chart_example.py reads and the README shows):
#   notebooks-data/ruijin/outputs/baseline/    simulate scenarios/ruijin-2022.json --out
#   notebooks-data/ruijin/outputs/downside/    simulate scenarios/ruijin-2022-downside.json --out
#   notebooks-data/ruijin/outputs/comparison/  compare of the two --out
#   notebooks-data/ruijin/outputs/fai5/        simulate scenarios/ruijin-2022-fai5.json --out (what if: FAI held at 5%)
#   notebooks-data/ruijin/outputs/sweep-fai/   sweep of the baseline over FAI 2022 = 0, 0.5, ..., 15 --out
#   notebooks-data/ruijin/outputs/baseline-report.png   the top of the baseline's page
#   notebooks-data/ruijin/outputs/sweep-fai.png          the top of the sweep's page
# Each scenario runs with its own paths and seed; the files are byte-identical on any machine.
# The screenshot needs Chromium and a CJK font (scripts/render-page.sh); it is skipped without.
#
#   bash scripts/export-examples.sh            (FORECAST=path/to/forecast to use another build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${FORECAST:-}
if [ -z "$bin" ]; then
    for b in .build/release/forecast .build/debug/forecast; do [ -x "$b" ] && { bin=$b; break; }; done
fi
if [ -z "$bin" ]; then swift build -c release; bin=.build/release/forecast; fi
out=notebooks-data/ruijin/outputs
"$bin" simulate scenarios/ruijin-2022.json --out "$out/baseline" > /dev/null
"$bin" simulate scenarios/ruijin-2022-downside.json --out "$out/downside" > /dev/null
"$bin" compare scenarios/ruijin-2022.json scenarios/ruijin-2022-downside.json --out "$out/comparison" > /dev/null
"$bin" simulate scenarios/ruijin-2022-fai5.json --out "$out/fai5" > /dev/null
"$bin" sweep scenarios/ruijin-2022.json --indicator fai --year 2022 --from 0 --to 15 --step 0.5 --out "$out/sweep-fai" > /dev/null
if command -v chromium >/dev/null || command -v chromium-browser >/dev/null || command -v google-chrome >/dev/null; then
    bash scripts/render-page.sh "$out/baseline/report.html" "$out/baseline-report.png" 900 1250 > /dev/null
    bash scripts/render-page.sh "$out/sweep-fai/sweep.html" "$out/sweep-fai.png" 900 640 > /dev/null
    # 64 colours are plenty for a page of text and flat charts (a third of the bytes).
    for py in python3 /usr/bin/python3; do
        if command -v "$py" >/dev/null && "$py" -c "import PIL" 2>/dev/null; then
            for png in "$out/baseline-report.png" "$out/sweep-fai.png"; do
                "$py" -c "from PIL import Image; import sys; Image.open(sys.argv[1]).convert('RGB').quantize(colors=64).save(sys.argv[1], optimize=True)" "$png"
            done
            break
        fi
    done
fi
ls -R "$out"
