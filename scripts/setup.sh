#!/usr/bin/env bash
# Installs the system libraries forecast links (LAPACKE and OpenBLAS) when they are missing.
# Debian/Ubuntu; run as root (or with sudo). Idempotent.
set -euo pipefail
need=()
for p in liblapacke-dev libopenblas-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need[@]}"
fi
