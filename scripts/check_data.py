#!/usr/bin/env python3
"""Data check for notebooks-data/ (run by CI; Python 3.11, standard library only).

    python3 scripts/check_data.py [--no-rerun]

Fails (exit 1) when:
- a raw row used by a curated table lacks an address or a phrase, or a curated row has no real
  address (empty, not http(s), or a template placeholder such as `{{href}}`);
- a value is not stated by its phrase: every targets.csv row's quote must state its value (and the
  upper end of a range); every history.csv row must trace to a raw row of the same region and
  address whose quote states the value (stated unit conversions, Chinese / full-width / Traditional
  digit forms and 百分之 allowed, see notebooks-data/quotecheck.py); every pair's quotes likewise;
- a pair's target and outcome measure different concepts (real vs nominal, surveyed vs registered
  vs year-end unemployment, 一般公共预算收入 vs 财政总收入, whole-society vs project-based investment,
  yuan vs dollar growth), judged from the raw rows' units and phrases;
- a curated file has a duplicate (indicator, year, measure, basis) history row or (indicator, year,
  measure) target row, a growth/rate unit other than "%", an unknown basis or bound, an `around`
  without tolerance or a `range` without an upper end above its value;
- the curated files differ from what notebooks-data/curate.py produces (rerun into a temporary
  directory and compared byte for byte; --no-rerun skips this).
Prints the coverage table (region x year: T target, O first-published outcome, P<n> pairs), the
totals of pairs, regions and years, and warnings (not failures) counting weaker-evidence rows.
"""

import argparse
import csv
import filecmp
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "notebooks-data"
sys.dont_write_bytecode = True   # no __pycache__ in notebooks-data/
sys.path.insert(0, str(DATA))
import quotecheck  # noqa: E402

GENERATED = ["china/history.csv", "china/targets.csv", "china/SOURCES.md", "jiangxi/history.csv",
             "jiangxi/targets.csv", "jiangxi/SOURCES.md", "ruijin/targets.csv", "calibration/pairs.csv",
             "provinces/SOURCES.md", "jiangxi-cities/SOURCES.md"]
NATIONAL = {"china": "China", "jiangxi": "Jiangxi"}
BOUNDS = {"at_least", "at_most", "around", "range"}
MEASURES = {"growth_pct", "rate_pct", "level"}

failures = []
warnings = []


def fail(msg):
    failures.append(msg)


def read(path):
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def bad_address(url):
    u = (url or "").strip()
    if not u:
        return "no address"
    if not re.match(r"^https?://[^/\s]+", u):
        return f"not a web address: {u!r}"
    if "{{" in u or "}}" in u:
        return f"template placeholder in the address: {u}"
    return None


# ---------------------------------------------------------------- raw rows

def load_raw():
    """{region key: [raw rows]}: national rows under china/jiangxi/ruijin, others under their id."""
    regions = {r["name"]: r["id"] for r in read(DATA / "regions.csv")}
    zh = {r["zh"]: r["id"] for r in read(DATA / "regions.csv")}
    raw = defaultdict(list)
    files = [DATA / "sources" / "observations.csv", DATA / "sources" / "amendments.csv",
             DATA / "ruijin" / "report-targets-extra.csv", DATA / "sources" / "provinces_targets_outcomes.csv",
             DATA / "sources" / "jiangxi_cities_targets_outcomes.csv"] + sorted((DATA / "sources").glob("extra-*.csv"))
    n = 0
    for path in files:
        for i, r in enumerate(read(path)):
            n += 1
            r = {k: (v or "") for k, v in r.items() if k is not None}
            r["_where"] = f"{path.name}:{i + 2}"
            name = r.get("region", "").strip()
            key = {"China": "china", "Jiangxi": "jiangxi", "Ruijin": "ruijin"}.get(name) or regions.get(name) \
                or zh.get(name.split("(")[0].strip())
            if key is None:
                continue
            raw[key].append(r)
            if key == "ruijin" and path.name.startswith(("extra", "jiangxi")):
                raw["ruijin-city"].append(r)
    return raw, n


def traces(raw_rows, value, source, level):
    """Raw rows at this address whose phrase states the value."""
    out = []
    for r in raw_rows:
        if r.get("source_url", "").strip() != source.strip():
            continue
        if not r.get("quote", "").strip():
            continue
        if quotecheck.value_in_quote(value, r["quote"], level):
            out.append(r)
    return out


# ---------------------------------------------------------------- concept markers

def concept_tags(text):
    t = text.lower()
    tags = set()
    if re.search(r"名义|名義|nominal|现价|現價", t):
        tags.add("nominal")
    if re.search(r"实际增长|實際增長|扣除价格|扣除價格|\breal\b|inflation-adjusted", t):
        tags.add("real")
    if re.search(r"登记失业|登記失業|registered", t):
        tags.add("registered")
    if re.search(r"调查失业|調查失業|surveyed", t):
        tags.add("surveyed")
    if re.search(r"财政总收入|財政總收入|total fiscal|not 一般公共预算收入", t):
        tags.add("fiscal_total")
    if re.search(r"全社会固定|全社會固定|全社会\)|\(全社会|whole[- ]society", t):
        tags.add("fai_whole_society")
    if re.search(r"500万元以上|500萬元以上|不含农户|不含農戶|规模以上固投", t):
        tags.add("fai_projects")
    if re.search(r"美元|dollar|us\$|\(usd", t):
        tags.add("usd")
    if re.search(r"亿元|億元|yuan|\(cny", t):
        tags.add("cny")
    return tags


CLASHES = [("nominal", "real"), ("registered", "surveyed"), ("fai_whole_society", "fai_projects"), ("usd", "cny")]
EXPECTED = {  # what the id itself says
    "gdp": {"nominal": False}, "unemployment": {"registered": False}, "unemployment_registered": {"surveyed": False},
    "budget_revenue": {"fiscal_total": False}, "urban_income": {"real": False}, "rural_income": {"real": False},
    "urban_income_real": {"nominal": False}, "rural_income_real": {"nominal": False},
}


def concept_problem(indicator, t_text, o_text):
    a, b = concept_tags(t_text), concept_tags(o_text)
    for x, y in CLASHES:
        if (x in a and y in b and y not in a) or (y in a and x in b and x not in a):
            if {x, y} == {"usd", "cny"} and not indicator.startswith(("exports", "fdi", "trade")):
                continue
            return f"target says {x if x in a else y}, outcome says {y if x in a else x}"
    for tag, allowed in EXPECTED.get(indicator, {}).items():
        if not allowed and (tag in a or tag in b):
            return f"`{indicator}` row marked {tag}"
    return None


# ---------------------------------------------------------------- curated files

def region_dirs():
    out = []
    for key in NATIONAL:
        out.append((key, "national" if key == "china" else "province", DATA / key))
    for folder, level in (("provinces", "province"), ("jiangxi-cities", "city")):
        for d in sorted((DATA / folder).iterdir()):
            if d.is_dir():
                out.append((d.name, level, d))
    return out


def check_history(key, path, raw_rows):
    rows = read(path)
    seen = {}
    for i, h in enumerate(rows):
        where = f"{path.relative_to(ROOT)}:{i + 2}"
        ident = (h["indicator"], h["year"], h["measure"], h["basis"])
        if ident in seen:
            fail(f"{where}: duplicate {ident} (first on line {seen[ident]})")
        seen[ident] = i + 2
        if h["measure"] not in MEASURES:
            fail(f"{where}: unknown measure {h['measure']!r}")
        if h["measure"] in ("growth_pct", "rate_pct") and h["unit"] != "%":
            fail(f"{where}: unit {h['unit']!r} for {h['measure']} (expected %)")
        if h["basis"] not in ("first-published", "revised"):
            fail(f"{where}: unknown basis {h['basis']!r}")
        problem = bad_address(h["source"])
        if problem:
            fail(f"{where}: {problem}")
            continue
        try:
            v = float(h["value"])
        except ValueError:
            fail(f"{where}: value {h['value']!r} is not a number")
            continue
        if not traces(raw_rows, v, h["source"], h["measure"] == "level"):
            fail(f"{where}: no raw row at {h['source']} states {h['indicator']} {h['year']} = {h['value']}")
    return rows


def check_targets(key, path):
    rows = read(path)
    seen = {}
    for i, t in enumerate(rows):
        where = f"{path.relative_to(ROOT)}:{i + 2}"
        ident = (t["indicator"], t["year"], t["measure"])
        if ident in seen:
            fail(f"{where}: duplicate target {ident} (first on line {seen[ident]})")
        seen[ident] = i + 2
        if t["bound"] not in BOUNDS:
            fail(f"{where}: unknown bound {t['bound']!r}")
        if t["bound"] == "around" and not t["tolerance"]:
            fail(f"{where}: around without tolerance")
        if t["bound"] != "around" and t["tolerance"]:
            fail(f"{where}: tolerance on {t['bound']}")
        if t["bound"] == "range" and (not t["upper"] or float(t["upper"]) <= float(t["value"])):
            fail(f"{where}: range without an upper end above its value")
        if t["bound"] != "range" and t["upper"]:
            fail(f"{where}: upper on {t['bound']}")
        if t.get("evidence") not in ("official", "mirror"):
            fail(f"{where}: evidence {t.get('evidence')!r} (expected official or mirror)")
        if not t.get("word"):
            fail(f"{where}: no bound word")
        problem = bad_address(t["source"])
        if problem:
            fail(f"{where}: {problem}")
        if not t["quote"].strip():
            fail(f"{where}: no quote")
            continue
        if t["word"] == "量稳质升":
            continue   # no number on the page: a stated interpretation (rules.md, rule 2)
        level = t["measure"] == "level"
        for col in ("value", "upper"):
            if t[col] and not quotecheck.value_in_quote(float(t[col]), t["quote"], level):
                fail(f"{where}: the quote does not state the {col} {t[col]} ({t['quote']!r})")
    return rows


def check_pairs(raw):
    path = DATA / "calibration" / "pairs.csv"
    rows = read(path)
    seen = set()
    for i, p in enumerate(rows):
        where = f"{path.relative_to(ROOT)}:{i + 2}"
        ident = (p["region"], p["indicator"], p["year"], p["measure"])
        if ident in seen:
            fail(f"{where}: duplicate pair {ident}")
        seen.add(ident)
        level = p["measure"] == "level"
        if p["word"] != "量稳质升" and not quotecheck.value_in_quote(float(p["value"]), p["target_quote"], level):
            fail(f"{where}: target quote does not state {p['value']}")
        if not quotecheck.value_in_quote(float(p["outcome"]), p["outcome_quote"], level):
            fail(f"{where}: outcome quote does not state {p['outcome']}")
        for col in ("target_source", "outcome_source"):
            problem = bad_address(p[col])
            if problem:
                fail(f"{where}: {col}: {problem}")
        key = p["region"] if p["region"] in raw else p["region"]
        rr = raw.get("ruijin-city" if p["region"] == "ruijin" and p["level"] == "city" else key, []) + \
            (raw.get("ruijin", []) if p["region"] == "ruijin" else [])
        t_raw = traces(rr, float(p["value"]), p["target_source"], level)
        o_raw = traces(rr, float(p["outcome"]), p["outcome_source"], level)
        t_text = p["target_quote"] + " " + " ".join(r.get("unit", "") for r in t_raw)
        o_text = p["outcome_quote"] + " " + " ".join(r.get("unit", "") for r in o_raw)
        problem = concept_problem(p["indicator"], t_text, o_text)
        if problem:
            fail(f"{where}: {p['region']} {p['indicator']} {p['year']}: concepts differ ({problem})")
        # the verdict column
        v, o = float(p["value"]), float(p["outcome"])
        if p["bound"] == "around":
            met = o >= v - float(p["tolerance"]) - 1e-9
        elif p["bound"] == "at_most":
            met = o <= v + 1e-9
        else:
            met = o >= v - 1e-9
        if (p["met_floor"] == "yes") != met:
            fail(f"{where}: met_floor {p['met_floor']} disagrees with outcome {o} against {p['bound']} {v}")
    return rows


def rerun():
    with tempfile.TemporaryDirectory() as tmp:
        res = subprocess.run([sys.executable, str(DATA / "curate.py"), "--out", tmp, "--quiet"],
                             capture_output=True, text=True)
        if res.returncode != 0:
            fail(f"curate.py failed: {res.stderr.strip() or res.stdout.strip()}")
            return
        tmp = Path(tmp)
        produced = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        for rel in produced:
            mine = DATA / rel
            if not mine.exists():
                fail(f"notebooks-data/{rel} is produced by curate.py but missing (rerun curate.py)")
            elif not filecmp.cmp(mine, tmp / rel, shallow=False):
                fail(f"notebooks-data/{rel} differs from what curate.py produces (rerun curate.py)")
        for folder in ("provinces", "jiangxi-cities"):
            for d in (DATA / folder).iterdir():
                if d.is_dir() and not (tmp / folder / d.name).exists():
                    fail(f"notebooks-data/{folder}/{d.name}/ is not produced by curate.py (stale directory)")


def coverage(dirs, pairs):
    years = set()
    cells = {}
    for key, level, d in dirs:
        ty = {int(t["year"]) for t in read(d / "targets.csv")} if (d / "targets.csv").exists() else set()
        oy = {int(h["year"]) for h in read(d / "history.csv") if h["basis"] == "first-published"} \
            if (d / "history.csv").exists() else set()
        cells[key] = (level, ty, oy)
        years |= ty
    pair_n = defaultdict(int)
    for p in pairs:
        pair_n[(p["region"], int(p["year"]))] += 1
        years.add(int(p["year"]))
    ys = sorted(y for y in years if y >= 2005)
    width = max(len(k) for k in cells) + 1
    print("Coverage (T target, O first-published outcome, P<n> pairs; years " f"{ys[0]}–{ys[-1]}):")
    print(" " * width + "lvl " + " ".join(f"{y % 100:02d}" for y in ys) + "  pairs")
    for key, (level, ty, oy) in cells.items():
        row = []
        for y in ys:
            n = pair_n[(key, y)]
            row.append(f"P{n}" if 0 < n < 10 else ("P+" if n >= 10 else ("T " if y in ty and y not in oy else
                       ("O " if y in oy and y not in ty else ("TO" if y in ty else " .")))))
        print(f"{key:<{width}}{level[:3]} " + " ".join(row) + f"  {sum(pair_n[(key, y)] for y in ys)}")
    by_level = defaultdict(int)
    for p in pairs:
        by_level[p["level"]] += 1
    by_year = defaultdict(int)
    for p in pairs:
        by_year[int(p["year"])] += 1
    regions = {p["region"] for p in pairs}
    yrs = sorted(by_year)
    print()
    print(f"Pairs: {len(pairs)} ({', '.join(f'{k} {v}' for k, v in sorted(by_level.items()))}); regions with a "
          f"pair: {len(regions)}; years with a pair: {len(yrs)} ({yrs[0]}–{yrs[-1]})")
    print("Pairs by year: " + ", ".join(f"{y}: {by_year[y]}" for y in yrs))
    by_ind = defaultdict(int)
    for p in pairs:
        by_ind[p["indicator"]] += 1
    print("Pairs by indicator: " + ", ".join(f"{k} {v}" for k, v in sorted(by_ind.items(), key=lambda x: -x[1])))
    met = sum(1 for p in pairs if p["met_floor"] == "yes")
    print(f"Met under the floor reading: {met} of {len(pairs)}")
    goal = len(pairs) >= 300 and len(regions) >= 25 and len(yrs) >= 10 and 2020 in by_year and 2022 in by_year
    print(f"Issue goal (>= 300 pairs, >= 25 regions, >= 10 years, 2020 and 2022 included): "
          f"{'met' if goal else 'NOT met'}")


def main():
    ap = argparse.ArgumentParser(description="check notebooks-data")
    ap.add_argument("--no-rerun", action="store_true", help="skip rerunning curate.py into a temporary directory")
    args = ap.parse_args()
    raw, n_raw = load_raw()
    missing = [r for rows in raw.values() for r in rows
               if not r.get("quote", "").strip() or not r.get("source_url", "").strip()]
    dirs = region_dirs()
    for key, level, d in dirs:
        rr = raw.get(key, []) if key != "ruijin" else raw.get("ruijin-city", [])
        if (d / "history.csv").exists():
            check_history(key, d / "history.csv", rr)
        if (d / "targets.csv").exists():
            check_targets(key, d / "targets.csv")
    check_targets("ruijin", DATA / "ruijin" / "targets.csv")
    pairs = check_pairs(raw)
    if not args.no_rerun:
        rerun()
    coverage(dirs, pairs)

    weak_t = sum(1 for _, _, d in dirs if (d / "targets.csv").exists()
                 for t in read(d / "targets.csv") if t.get("evidence") == "mirror")
    all_t = sum(1 for _, _, d in dirs if (d / "targets.csv").exists() for _ in read(d / "targets.csv"))
    weak_p = sum(1 for p in pairs if p["evidence"] == "mirror")
    warnings.append(f"{weak_t} of {all_t} targets rest only on mirror or aggregator pages (evidence = mirror)")
    warnings.append(f"{weak_p} of {len(pairs)} pairs have a side resting only on mirror or aggregator pages")
    if missing:
        warnings.append(f"{len(missing)} raw rows lack an address or a phrase; none is used by a curated file")
    print()
    print(f"Raw rows read: {n_raw}")
    for w in warnings:
        print(f"warning: {w}")
    if failures:
        print()
        for f in failures:
            print(f"FAIL: {f}")
        print(f"check_data: {len(failures)} failure(s)")
        sys.exit(1)
    print("check_data: all checks passed")


if __name__ == "__main__":
    main()
