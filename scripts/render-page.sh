#!/usr/bin/env bash
# Renders a report page (report.html of simulate, compare or backtest) with headless Chromium.
#
#   bash scripts/render-page.sh PAGE.html OUT.png [WIDTH_PX [HEIGHT_PX]]
#       the page as a browser shows it, WIDTH_PX wide (default 900), at twice the pixel
#       density: its top HEIGHT_PX, or the whole page (the blank bottom of a tall window is
#       cropped when Python's Pillow is installed)
#   bash scripts/render-page.sh --print PAGE.html OUT_PREFIX
#       the page as printed on A4 (its print style): OUT_PREFIX.pdf and, when pdftoppm
#       (poppler-utils) is installed, one PNG per page at 110 dpi, OUT_PREFIX-1.png, ...
#
# Needs: apt-get install -y chromium fonts-noto-cjk (optional: python3-pil poppler-utils)
set -euo pipefail
print=0
if [ "${1:-}" = "--print" ]; then print=1; shift; fi
html=${1:?usage: render-page.sh [--print] PAGE.html OUT [WIDTH_PX]}
out=${2:?usage: render-page.sh [--print] PAGE.html OUT [WIDTH_PX]}
width=${3:-900}
height=${4:-}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "render-page.sh: no Chromium found (apt-get install -y chromium fonts-noto-cjk)" >&2
    exit 2
fi
fc-list :lang=zh 2>/dev/null | grep -q . || echo "render-page.sh: warning: no CJK font installed (apt-get install -y fonts-noto-cjk)" >&2
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile")
if [ "$print" = 1 ]; then
    "$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out.pdf" "$url" 2>/dev/null
    echo "$out.pdf"
    if command -v pdftoppm >/dev/null; then
        pdftoppm -png -r 110 "$out.pdf" "$out"
        ls "$out"-*.png
    fi
    exit 0
fi
if [ -n "$height" ]; then
    "$browser" "${flags[@]}" --force-device-scale-factor=2 --window-size="$width,$height" --screenshot="$out" "$url" 2>/dev/null
    echo "$out"
    exit 0
fi
# A window tall enough for the longest page; the blank bottom is cropped below.
"$browser" "${flags[@]}" --force-device-scale-factor=2 --window-size="$width,9000" --screenshot="$out" "$url" 2>/dev/null
crop='
import sys
from PIL import Image, ImageChops
path = sys.argv[1]
image = Image.open(path).convert("RGB")
box = ImageChops.difference(image, Image.new("RGB", image.size, (255, 255, 255))).getbbox()
if box:
    image.crop((0, 0, image.size[0], min(image.size[1], box[3] + 40))).save(path, optimize=True)
'
for py in python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -c "import PIL" 2>/dev/null; then "$py" -c "$crop" "$out"; break; fi
done
echo "$out"
