#!/usr/bin/env bash
# The reference Monte Carlo workload (10 indicators, VAR(1), 5 years, quantiles, target and
# joint probabilities) run by forecast and by the numpy and statsmodels peers in one
# invocation, with the ratios. Peak memory (max RSS) from 1e5 to 1e7 paths, and 1 vs 2 threads.
#
#   bash bench/run-reference.sh            # full: 1e6 paths for the ratios
#   N=200000 bash bench/run-reference.sh   # quicker
# Needs python3 with numpy (and statsmodels for the second peer: pip install statsmodels).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-1000000}
swift build -c release --product forecast >/dev/null
bin=.build/release/forecast
secs() { sed -E 's/.*: ([0-9.]+) s,.*/\1/'; }

echo "== forecast (release), N=$N"
f1=$($bin benchmark --paths "$N" --threads 1); echo "$f1"
f2=$($bin benchmark --paths "$N" --threads 2); echo "$f2"
t1=$(echo "$f1" | secs); t2=$(echo "$f2" | secs)

echo "== numpy peer (bench/peers/mc_numpy.py), N=$N"
np=$(python3 bench/peers/mc_numpy.py "$N"); echo "$np"
tn=$(echo "$np" | sed -E 's/.*: ([0-9.]+) s,.*/\1/')

ts=""
if python3 -c "import statsmodels" 2>/dev/null; then
    echo "== statsmodels peer (bench/peers/mc_statsmodels.py), N=$N"
    sm=$(python3 bench/peers/mc_statsmodels.py "$N"); echo "$sm"
    ts=$(echo "$sm" | sed -E 's/.*: ([0-9.]+) s,.*/\1/')
else
    echo "== statsmodels peer skipped (statsmodels not installed)"
fi

echo "== ratios (peer time / forecast time, same run)"
python3 - "$t1" "$t2" "$tn" "$ts" <<'PY'
import sys
t1, t2, tn = map(float, sys.argv[1:4]); ts = sys.argv[4]
print(f"numpy / forecast(1 thread)  = {tn / t1:6.1f}x")
print(f"numpy / forecast(2 threads) = {tn / t2:6.1f}x")
if ts:
    ts = float(ts)
    print(f"statsmodels / forecast(2 threads) = {ts / t2:6.1f}x")
print(f"thread scaling 1 -> 2 = {t1 / t2:4.2f}x")
PY

echo "== peak memory (max RSS, KiB) by paths, 2 threads"
for n in 100000 1000000 10000000; do
    /usr/bin/time -f "N=$n maxrss_kib=%M wall_s=%e" $bin benchmark --paths $n --threads 2 >/dev/null
done 2>&1
