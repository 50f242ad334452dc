"""Pick up forecast's outputs in Python: the targets, P(all met) and one fan chart.

    python3 notebooks-data/fan_chart_example.py [OUT_DIR] [--indicator gdp] [--history CSV] [--png FILE] [--check]

OUT_DIR is a directory written by `forecast simulate SCENARIO --out OUT_DIR` (default: the
shipped Ruijin 2022 baseline, notebooks-data/ruijin/outputs/baseline). The script reads

  targets.csv   one row per target: p_met, mc_se, ci95_low/high (fractions), verdict, shift_needed
  fan.csv       one row per indicator, year and quantile (long format)
  summary.json  the run's header, the same targets, and P(all met) with P(at least k met)

and the first-published history (`--history`, default the Jiangxi proxy history the shipped
scenario uses for GDP), prints the targets and P(all met), and draws the indicator's fan
chart after its history with matplotlib when it is installed (`--png`, default
fan-INDICATOR.png). `--check` reads and checks the files without drawing (what CI runs).

Only the standard library is needed. With pandas the same files load in one line each (the
CSV files start with a UTF-8 byte-order mark for Excel; pandas reads it):

    import json, pandas as pd
    targets = pd.read_csv(f"{out}/targets.csv")                      # numeric p_met, mc_se, ...
    fan = pd.read_csv(f"{out}/fan.csv").pivot_table(index=["indicator", "year"], columns="quantile", values="value")
    summary = json.load(open(f"{out}/summary.json", encoding="utf-8"))
    joint = pd.json_normalize(summary["joint"])                       # p_all_met, mc_standard_error
"""
import argparse
import csv
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def read_csv(path):
    """Rows of a CSV file as dicts (the UTF-8 BOM is skipped)."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def number(text):
    return float(text) if text not in ("", None) else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=HERE / "ruijin" / "outputs" / "baseline", type=pathlib.Path)
    parser.add_argument("--indicator", default="gdp")
    parser.add_argument("--history", default=HERE / "jiangxi" / "history.csv", type=pathlib.Path)
    parser.add_argument("--png", type=pathlib.Path)
    parser.add_argument("--check", action="store_true", help="read and check the files, draw nothing")
    args = parser.parse_args()

    summary = json.load(open(args.out / "summary.json", encoding="utf-8"))
    targets = read_csv(args.out / "targets.csv")
    fan = read_csv(args.out / "fan.csv")

    print(f"{summary['scenario']}: {summary['paths']} paths, confidence {summary['confidence']:.0%}")
    for t in targets:
        p = number(t["p_met"])
        if p is None:
            print(f"  {t['indicator']:<18} {t['year']}  not evaluated: {t['reason'][:60]}")
        else:
            print(f"  {t['indicator']:<18} {t['year']}  P(met) = {p:6.1%} ± {number(t['mc_se']):.1%}  {t['verdict']}")
    for j in summary["joint"]:
        print(f"  P(all {j['targets']} targets of {j['year']} met) = {j['p_all_met']:.2%}")

    # The fan of one indicator: {year: {quantile: value}}.
    quantiles = {}
    for row in fan:
        if row["indicator"] == args.indicator:
            quantiles.setdefault(int(row["year"]), {})[float(row["quantile"])] = float(row["value"])
    if not quantiles:
        sys.exit(f"{args.out / 'fan.csv'} has no rows for {args.indicator}")
    measure = "rate_pct" if args.indicator in ("cpi", "unemployment") else "growth_pct"
    history = sorted(
        (int(r["year"]), float(r["value"]))
        for r in read_csv(args.history)
        if r["indicator"] == args.indicator and r["measure"] == measure
        and r.get("basis", "first-published") in ("", "first-published")
        and int(r["year"]) <= summary["origin"]
    )

    # The checks CI runs: quantiles ascend, probabilities are fractions, P(all) <= every P(met).
    for year, q in quantiles.items():
        levels = sorted(q)
        assert all(q[a] <= q[b] for a, b in zip(levels, levels[1:])), f"{args.indicator} {year}: quantiles not ascending"
    probabilities = [number(t["p_met"]) for t in targets if number(t["p_met"]) is not None]
    assert all(0 <= p <= 1 for p in probabilities), "P(met) outside [0, 1]"
    for j in summary["joint"]:
        assert j["p_all_met"] <= min(probabilities) + 1e-12, "P(all met) above a target's P(met)"
    if args.check:
        print(f"checked: {len(targets)} targets, {len(fan)} fan rows, {len(history)} history years of {args.indicator}")
        return

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: the numbers above are all this example shows")
        return
    years = sorted(quantiles)
    fig, ax = plt.subplots(figsize=(7, 3.6))
    if history:
        # A missing year breaks the line (NaN): gaps stay gaps, as in the history file.
        xs_h, ys_h = [], []
        for y, v in history:
            if xs_h and y > xs_h[-1] + 1:
                xs_h.append(xs_h[-1] + 1)
                ys_h.append(float("nan"))
            xs_h.append(y)
            ys_h.append(v)
        ax.plot(xs_h, ys_h, color="#a0522d", marker="o", markersize=3,
                label="history, first published (proxy)" if summary.get("history_proxy") else "history, first published")
    # Start the fan at the last observation, as central banks draw it.
    anchor = [(y, v) for y, v in history if y == summary["origin"]]
    xs = [summary["origin"]] + years if anchor else years
    for lower, upper, colour in [(0.05, 0.95, "#c6dbef"), (0.10, 0.90, "#9ecae1"), (0.25, 0.75, "#6baed6")]:
        lo = [quantiles[y][lower] for y in years]
        hi = [quantiles[y][upper] for y in years]
        if anchor:
            lo, hi = [anchor[0][1]] + lo, [anchor[0][1]] + hi
        if len(xs) == 1:
            ax.bar(xs, [hi[0] - lo[0]], bottom=lo, width=0.6, color=colour, label=f"{lower:.0%}–{upper:.0%}")
        else:
            ax.fill_between(xs, lo, hi, color=colour, label=f"{lower:.0%}–{upper:.0%}")
    median = [quantiles[y][0.5] for y in years]
    ax.plot(xs, ([anchor[0][1]] if anchor else []) + median, color="#08519c", linewidth=2, label="median")
    for t in targets:
        if t["indicator"] == args.indicator and t["unit"] == "pp" and number(t["p_met"]) is not None:
            ax.axhline(float(t["bound_value"]), color="#c0392b", linestyle="--", linewidth=1.2,
                       label=f"target ({t['bound_kind']} {t['bound_value']})")
    ax.set_ylabel("percent")
    ax.set_title(f"{summary['scenario']}: {args.indicator}")
    ax.legend(fontsize=7, loc="best")
    fig.tight_layout()
    png = args.png or pathlib.Path(f"fan-{args.indicator}.png")
    fig.savefig(png, dpi=130)
    print(f"wrote {png}")


if __name__ == "__main__":
    main()
