#!/usr/bin/env bash
# Precision per second (issue 11): wall time until every evaluated target's Monte Carlo SE is
# at most PP (default 0.1 pp), whole process included, for scenarios/ruijin-2022.json (AR(1)
# models) and scenarios/china-2025.json (BVAR), 2 threads, in one invocation:
#   - new engine:   one parameter draw per 8 paths (randomised QMC over a block's draws for
#                   AR(1) members), stratified mixing and judgmental draws, conditional Monte
#                   Carlo on the target year's step (forecast simulate --precision PP)
#   - classic:      the engine before issue 11 (one draw per block of 1,024 paths, every P(met)
#                   counted), same binary, --classic-engine, same block-after-block rule
#   - numpy:        plain Monte Carlo at the same SE: paths from the binomial SE
#                   (max p(1-p) / SE², p the new engine's estimates), timed by scaling the
#                   throughput of bench/peers/mc_numpy.py (path-indicator-steps per second,
#                   measured now) to the scenario's indicators and years: a lower bound on
#                   numpy's time (no parameter draws, Gaussian shocks, no risks)
# Each forecast configuration runs REPS times (default 3); the minimum wall time is used.
#
#   bash bench/precision.sh                 # PP=0.1 REPS=3
#   PP=0.2 REPS=1 bash bench/precision.sh   # quicker
# Needs python3 with numpy.
set -euo pipefail
cd "$(dirname "$0")/.."
PP=${PP:-0.1}
REPS=${REPS:-3}
MODE=${MODE:---model-only}   # MODE= (empty) times the calibrated default (two runs)
swift build -c release --product forecast >/dev/null
bin=.build/release/forecast
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

np=$(python3 bench/peers/mc_numpy.py 1000000); echo "== numpy peer: $np"
npthroughput=$(echo "$np" | sed -E 's/.*s, ([0-9.]+) M path-indicator-steps.*/\1/')

# run NAME SCENARIO ARGS...: prints "NAME wall_s paths max_se_pp"
run() {
    local name=$1 scenario=$2; shift 2
    local best=""
    for r in $(seq "$REPS"); do
        rm -rf "$tmp/out"
        /usr/bin/time -f "%e" -o "$tmp/t" $bin simulate "$scenario" $MODE --threads 2 --precision "$PP" \
            --out "$tmp/out" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
        t=$(cat "$tmp/t")
        if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $t < $best else 1)"; then best=$t; fi
    done
    python3 - "$name" "$best" "$tmp/out" <<'PY'
import csv, json, sys
name, wall, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
rows = [r for r in csv.DictReader(open(out + "/targets.csv", encoding="utf-8-sig")) if r["status"] == "evaluated"]
paths = json.load(open(out + "/summary.json"))["paths"]
se = max(float(r["mc_se"]) for r in rows)
ps = [float(r["p_met"]) for r in rows]
print(f"{name} {wall:.3f} {paths} {100 * se:.4f} {max(p * (1 - p) for p in ps):.6f}")
PY
}

for scenario in scenarios/ruijin-2022.json scenarios/china-2025.json; do
    echo "== $scenario, --precision $PP, 2 threads ($MODE)"
    new=$(run new "$scenario"); echo "$new"
    old=$(run classic "$scenario" --classic-engine --paths 200000000); echo "$old"
    python3 - "$scenario" "$new" "$old" "$PP" "$npthroughput" <<'PY'
import json, sys
scenario, new, old, pp, thr = sys.argv[1], sys.argv[2].split(), sys.argv[3].split(), float(sys.argv[4]), float(sys.argv[5])
s = json.load(open(scenario))
k = sum(1 for i in s["indicators"] if "judgment" not in i and i.get("model_on") in ("growth_pct", "rate_pct"))
h = s["horizon_end"] - s["base_year"]
pq = float(new[4])
n_np = pq / (pp / 100) ** 2
t_np = n_np * k * h / (thr * 1e6)
tn, to = float(new[1]), float(old[1])
print(f"new engine:    {tn:.3f} s, {int(new[2]):>11,} paths, largest SE {new[3]} pp")
print(f"classic:       {to:.3f} s, {int(old[2]):>11,} paths, largest SE {old[3]} pp")
print(f"numpy plain MC (binomial, max p(1-p) = {pq:.4f}): {n_np:,.0f} paths x {k} indicators x {h} years "
      f"at {thr} M/s = {t_np:.3f} s (lower bound)")
print(f"ratios: classic / new = {to / tn:.1f}x; numpy / new = {t_np / tn:.1f}x")
PY
done
