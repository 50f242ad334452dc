#!/usr/bin/env python3
"""Curate the sourced observations into the tidy history and target tables of forecast.

Python 3.11, standard library only. Run from anywhere:

    python3 notebooks-data/curate.py

Reads
    notebooks-data/sources/observations.csv   raw rows, one number each, with address and quote
    notebooks-data/indicator-map.csv          raw indicator + kind -> scenario id + measure
    notebooks-data/choices.csv                hand decisions on the conflicts the rules leave
Writes, per region (china, jiangxi)
    notebooks-data/<region>/history.csv       indicator,year,value,measure,unit,source,basis
    notebooks-data/<region>/targets.csv       indicator,year,measure,bound,value,tolerance,quote,reading,source
    notebooks-data/<region>/conflicts.md      every conflict and choice (included by SOURCES.md)
and notebooks-data/ruijin/targets.csv.

Rules (see the SOURCES.md files):
- No number is computed: a growth rate is never derived from levels, a level never from a rate.
  The only arithmetic is a unit conversion of a level (万亿元 -> 亿元, 亿斤 -> 万吨, ...).
- first-published and revised rows stay apart (basis column); revised never enters the default.
- Within one (indicator, year, measure, basis), the candidate rows are ranked by
  (1) the map's priority (coverage / vintage: e.g. the headline FAI series before whole-society),
  (2) evidence: rows marked [derived ...] or (third-party list) lose to any direct statement,
  (3) currency (exports, FDI, trade growth): CNY stated > USD stated > not stated,
  (4) precision: a figure marked rounded, or with fewer significant digits, loses;
  remaining disagreements must be settled in choices.csv, else the script stops with an error.
- choices.csv can also drop a single row (action=drop) with a reason.
"""

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources" / "observations.csv"
RUIJIN_EXTRA = HERE / "ruijin" / "report-targets-extra.csv"
RUIJIN_REPORT = HERE / "sources" / "ruijin-2022-government-work-report.txt"
MAP = HERE / "indicator-map.csv"
CHOICES = HERE / "choices.csv"
RULES = HERE / "rules.md"
REGIONS = {"China": "china", "Jiangxi": "jiangxi"}

# Level units: multiplier into the canonical unit of the map.
UNIT_FACTORS = {
    ("万亿元", "亿元"): 10000.0,
    ("亿元", "亿元"): 1.0,
    ("元", "元"): 1.0,
    ("万人", "万人"): 1.0,
    ("万头", "万头"): 1.0,
    ("万吨", "万吨"): 1.0,
    ("亿斤", "万吨"): 5.0,          # 1e8 斤 x 0.5 kg = 5e7 kg = 5 万吨
    ("万亿斤", "万吨"): 50000.0,    # 1e12 斤 x 0.5 kg = 5e11 kg = 50000 万吨
    ("亿公斤", "万吨"): 10.0,       # 1e8 kg = 10 万吨
}
PERCENT = "%"

# Target wording -> bound. Direction-of-band rule documented in SOURCES.md.
FLOOR_WORDS = ("以上", "不低于", "over", "突破")
CEILING_WORDS = ("以内", "低于", "or lower", "控制在")
AROUND_WORDS = ("左右", "around", "约", "about", "前後")
CEILING_INDICATORS = {"cpi", "unemployment", "unemployment_registered"}
# An unqualified number takes the usual qualifier of that indicator in the other years.
UNQUALIFIED_DEFAULT = {"new_jobs": "at_least", "gdp": "around", "urban_income": "around",
                       "rural_income": "around", "trade": "around", "industry_revenue": "at_least"}
# Tolerance of a 左右 band: one step of the grid on which the indicator's targets are set
# (percent targets: 0.5 pp, national growth targets move 8 -> 7.5 -> 7 ...; new jobs
# 900/1000/1100/1200 万人 -> 100; grain 1.3 -> 1.4 万亿斤 -> 0.1 万亿斤 = 5000 万吨).
AROUND_TOLERANCE = {"growth_pct": 0.5, "rate_pct": 0.5, ("level", "new_jobs"): 100.0,
                    ("level", "grain"): 5000.0}


def fail(message):
    sys.exit(f"curate.py: {message}")


def note_in(unit):
    """The bracketed/parenthesised notes of a unit cell, lower-cased."""
    return unit.lower()


def leading_unit(unit):
    """First token of the unit cell: '万亿元 (rounded) [...]' -> '万亿元'."""
    return unit.split(" ")[0].split("(")[0].strip()


def is_weak(unit):
    u = note_in(unit)
    return "[derived" in u or "(derived" in u or "third-party list" in u


def currency_rank(unit):
    u = unit.upper()
    head = u.split(";")[0]
    if "(CNY" in head:
        return 0
    if "(USD" in head:
        return 1
    return 2


def significant_digits(value):
    digits = value.replace("-", "").replace(".", "").lstrip("0")
    return len(digits)


def load_map():
    table = {}
    with MAP.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["region"], row["raw_indicator"], row["kind"])
            if key in table:
                fail(f"{MAP.name}: duplicate mapping {key}")
            table[key] = row
    return table


def lookup(table, region, indicator, kind):
    return table.get((region, indicator, kind)) or table.get(("*", indicator, kind))


def load_choices():
    choices = []
    with CHOICES.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            choices.append(row)
    return choices


def convert_level(value, unit, canonical, where):
    source_unit = leading_unit(unit)
    factor = UNIT_FACTORS.get((source_unit, canonical))
    if factor is None:
        fail(f"{where}: no conversion from '{source_unit}' to '{canonical}'")
    return value * factor


def format_number(x):
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def curate_history(rows, table, choices, log, skipped):
    """Returns {region: [history rows]} and appends conflict notes to log[region]."""
    groups = defaultdict(list)
    for r in rows:
        if r["region"] not in REGIONS or r["kind"] == "target":
            continue
        m = lookup(table, r["region"], r["indicator"], r["kind"])
        where = f"observations.csv row {r['_line']} ({r['region']} {r['indicator']} {r['year']})"
        if m is None:
            fail(f"{where}: no mapping in {MAP.name}")
        if not m["id"]:
            skipped[r["region"]].append((r, m["note"]))
            continue
        try:
            raw = float(r["value"])
        except ValueError:
            skipped[r["region"]].append((r, "value is not a single number"))
            continue
        value = convert_level(raw, r["unit"], m["unit"], where) if m["measure"] == "level" else raw
        cand = dict(row=r, map=m, value=value)
        groups[(r["region"], m["id"], int(r["year"]), m["measure"], r["basis"])].append(cand)

    drops = {(c["region"], c["id"], int(c["year"]), c["measure"], c["basis"], float(c["value"])): c
             for c in choices if c["action"] == "drop"}
    keeps = {(c["region"], c["id"], int(c["year"]), c["measure"], c["basis"]): c
             for c in choices if c["action"] == "keep"}
    used_choices = set()

    out = defaultdict(list)
    for key in sorted(groups):
        region, ind, year, measure, basis = key
        cands = []
        for c in groups[key]:
            dkey = (region, ind, year, measure, basis, float(format_number(c["value"])))
            if dkey in drops:
                used_choices.add(("drop",) + dkey)
                log[region].append(f"- `{ind}` {year} {measure} ({basis}): dropped {format_number(c['value'])} "
                                   f"from {c['row']['source_url']} — {drops[dkey]['reason']}")
                continue
            cands.append(c)
        if not cands:
            continue

        def rank(c):
            unit = c["row"]["unit"]
            return (int(c["map"]["priority"]), is_weak(unit),
                    currency_rank(unit) if measure == "growth_pct" else 0,
                    "rounded" in unit.lower(), -significant_digits(c["row"]["value"]))

        cands.sort(key=rank)
        best = [c for c in cands if rank(c) == rank(cands[0])]
        distinct = {format_number(c["value"]) for c in best}
        chosen = best[0]
        if len(distinct) > 1:
            choice = keeps.get(key)
            if choice is None:
                fail(f"unresolved conflict {key}: values {sorted(distinct)}; add a line to {CHOICES.name}")
            used_choices.add(("keep",) + key)
            matches = [c for c in best if format_number(c["value"]) == format_number(float(choice["value"]))]
            if not matches:
                fail(f"{CHOICES.name}: kept value {choice['value']} is not among {sorted(distinct)} for {key}")
            chosen = matches[0]
            log[region].append(
                f"- `{ind}` {year} {measure} ({basis}): sources disagree ("
                + "; ".join(f"{format_number(c['value'])} `{c['row']['unit']}` {c['row']['source_url']}" for c in cands)
                + f"). Kept {format_number(chosen['value'])}: {choice['reason']}")
        elif len(cands) > 1:
            others = [c for c in cands if c is not chosen]
            differing = [c for c in others if format_number(c["value"]) != format_number(chosen["value"])]
            if differing:
                reasons = []
                for c in differing:
                    rc, rb = rank(c), rank(chosen)
                    if rc[0] != rb[0]:
                        why = f"map priority (`{c['row']['indicator']}` ranks below `{chosen['row']['indicator']}`)"
                    elif rc[1] != rb[1]:
                        why = "weaker evidence (derived or third-party)"
                    elif rc[2] != rb[2]:
                        why = "currency basis (CNY preferred, then USD, then unstated)"
                    else:
                        why = "less precise (rounded)"
                    reasons.append(f"{format_number(c['value'])} `{c['row']['unit']}` {c['row']['source_url']} lost on {why}")
                log[region].append(f"- `{ind}` {year} {measure} ({basis}): kept {format_number(chosen['value'])} "
                                   f"`{chosen['row']['unit']}` ({chosen['row']['source_url']}); " + "; ".join(reasons))
            else:
                log[region].append(f"- `{ind}` {year} {measure} ({basis}): {len(cands)} sources agree on "
                                   f"{format_number(chosen['value'])}; kept {chosen['row']['source_url']}")
        r = chosen["row"]
        if is_weak(r["unit"]):
            log[region].append(f"- `{ind}` {year} {measure} ({basis}): WEAK EVIDENCE kept (nothing better): "
                               f"{format_number(chosen['value'])} `{r['unit']}` {r['source_url']}")
        out[region].append({
            "indicator": ind, "year": year, "value": format_number(chosen["value"]), "measure": measure,
            "unit": chosen["map"]["unit"], "source": r["source_url"], "basis": basis,
        })

    for c in choices:
        tag = (c["action"], c["region"], c["id"], int(c["year"]), c["measure"], c["basis"])
        if c["action"] == "drop":
            tag = tag + (float(c["value"]),)
        if tag not in used_choices:
            fail(f"{CHOICES.name}: choice {tag} matched nothing (stale line?)")
    return out


def qualifier(unit):
    m = re.search(r"\(([^)]*)\)", unit)
    return m.group(1) if m else ""


def qualifier_word(text):
    """(word, kind) of the first qualifier found in text: the unit's parenthesis is tried before
    the quote, because a quote can name other regions' targets (云南(8%以上)、江西(8%左右))."""
    low = text.lower()
    for words, kind in ((AROUND_WORDS, "around"), (FLOOR_WORDS, "floor"), (CEILING_WORDS, "ceiling")):
        for w in words:
            if re.search(r"\b" + re.escape(w) + r"\b", low) if w.isascii() else w in text:
                return w, kind
    return None


def read_target(ind, measure, raw_value, unit, quote):
    """(bound, value, tolerance, reading) for a target row, or None with a reason."""
    q = qualifier(unit)
    text = q + " " + quote
    if raw_value.strip().lower() == "none":
        return None, "no target set that year: skipped, not guessed"
    ceiling = ind in CEILING_INDICATORS
    tol_key = measure if measure != "level" else ("level", ind)
    if "-" in raw_value.strip("-"):
        lo, hi = (float(x) for x in raw_value.split("-"))
        if ceiling:
            return ("at_most", hi, None, f"range {raw_value}: upper end read as the ceiling")
        return ("around", (lo + hi) / 2, (hi - lo) / 2,
                f"区间 {raw_value}%: the stated range, i.e. |y - midpoint| <= half-width")
    value = float(raw_value)
    if "量稳质升" in q:
        return ("at_least", value, None,
                "量稳质升 (volume stable, quality rising) gives no number: read as export growth >= 0, "
                "a stated interpretation (a stable volume does not fall), not a figure of the report")
    word, kind = qualifier_word(q) or qualifier_word(quote) or ("", None)
    if ceiling:
        return ("at_most", value, None,
                f"'{word or 'unqualified'}' on {ind}: read as a ceiling (控制在/以内/左右 on prices and "
                f"unemployment state the level not to be exceeded)")
    if kind == "floor":
        return ("at_least", value, None, f"'{word}': a floor")
    if kind == "ceiling":
        return ("at_most", value, None, f"'{word}': a ceiling")
    if kind == "around":
        tol = AROUND_TOLERANCE.get(tol_key)
        if tol is None:
            return None, f"'{word}' on {ind} {measure}: no tolerance rule for this indicator"
        return ("around", value, tol, f"'{word}': a two-sided band |y - {format_number(value)}| <= {format_number(tol)} "
                                      f"(左右 rule, SOURCES.md)")
    bound = UNQUALIFIED_DEFAULT.get(ind)
    if bound is None:
        return None, f"unqualified number on {ind}: no reading rule"
    if bound == "around":
        tol = AROUND_TOLERANCE[tol_key]
        return ("around", value, tol, f"unqualified expected target: read like this indicator's usual 左右, "
                                      f"|y - {format_number(value)}| <= {format_number(tol)}")
    return (bound, value, None, f"unqualified: read like this indicator's usual 以上 (a floor)")


def curate_targets(rows, table, log, skipped_targets):
    out = defaultdict(list)
    seen = set()
    for r in rows:
        if r["kind"] != "target":
            continue
        region = r["region"]
        m = lookup(table, region, r["indicator"], r["kind"])
        where = f"observations.csv row {r['_line']} ({region} {r['indicator']} {r['year']})"
        if m is None:
            fail(f"{where}: no mapping in {MAP.name}")
        if not m["id"]:
            skipped_targets[region].append((r, m["note"]))
            continue
        ind, measure = m["id"], m["measure"]
        result = read_target(ind, measure, r["value"], r["unit"], r["quote"])
        if result[0] is None:
            skipped_targets[region].append((r, result[1]))
            continue
        bound, value, tol, reading = result
        if measure == "level":
            factor = UNIT_FACTORS.get((leading_unit(r["unit"]), m["unit"]))
            if factor is None:
                fail(f"{where}: no conversion from '{leading_unit(r['unit'])}' to '{m['unit']}'")
            value *= factor
            if factor != 1.0:
                reading += f"; converted from {r['value']} {leading_unit(r['unit'])} to {m['unit']}"
        if is_weak(r["unit"]):
            reading += "; WEAK EVIDENCE (derived or third-party list), kept because nothing better exists"
            log[region].append(f"- target `{ind}` {r['year']}: weak evidence kept: `{r['unit']}` {r['source_url']}")
        key = (region, ind, int(r["year"]), measure)
        if key in seen:
            fail(f"{where}: second target for {key}")
        seen.add(key)
        out[region].append({
            "indicator": ind, "year": int(r["year"]), "measure": measure, "bound": bound,
            "value": format_number(value), "tolerance": "" if tol is None else format_number(tol),
            "quote": r["quote"], "reading": reading, "source": r["source_url"],
        })
    return out


def write_csv(path, fields, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def coverage_table(history):
    by = defaultdict(set)
    for h in history:
        by[(h["indicator"], h["measure"], h["basis"])].add(h["year"])
    lines = ["| indicator | measure | basis | n | years |", "|---|---|---|---|---|"]
    for (ind, measure, basis), years in sorted(by.items()):
        lines.append(f"| `{ind}` | {measure} | {basis} | {len(years)} | {compress(sorted(years))} |")
    return "\n".join(lines)


def compress(years):
    spans, start, prev = [], None, None
    for y in years:
        if start is None:
            start = prev = y
        elif y == prev + 1:
            prev = y
        else:
            spans.append((start, prev))
            start = prev = y
    if start is not None:
        spans.append((start, prev))
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in spans)


def gaps(history):
    """Years missing inside each first-published series' span."""
    by = defaultdict(set)
    for h in history:
        if h["basis"] == "first-published":
            by[(h["indicator"], h["measure"])].add(h["year"])
    out = []
    for (ind, measure), years in sorted(by.items()):
        missing = sorted(set(range(min(years), max(years) + 1)) - years)
        if missing:
            out.append(f"- `{ind}` {measure}: {compress(missing)} missing inside {min(years)}–{max(years)}")
    return out


def sources_md(region, folder, table, history, targets, log, unused):
    lines = [f"# Sources of notebooks-data/{folder}/ ({region})", "",
             "<!-- generated by notebooks-data/curate.py from rules.md, indicator-map.csv and choices.csv; "
             "do not edit, rerun `python3 notebooks-data/curate.py` -->", "",
             RULES.read_text(encoding="utf-8").rstrip(), "",
             f"## Mapping used for {region} (from indicator-map.csv)", "",
             "| raw indicator | kind | id | measure | unit | priority | note |", "|---|---|---|---|---|---|---|"]
    for (reg, raw, kind), m in table.items():
        if reg in (region, "*"):
            lines.append(f"| {raw} | {kind} | {m['id'] or '(not used)'} | {m['measure']} | {m['unit']} | "
                         f"{m['priority']} | {m['note']} |")
    lines += ["", f"## Coverage of history.csv ({len(history)} rows)", "", coverage_table(history), "",
              f"## Targets in targets.csv ({len(targets)} rows)", "", "| indicator | measure | years |", "|---|---|---|"]
    by = defaultdict(list)
    for x in targets:
        by[(x["indicator"], x["measure"])].append(x["year"])
    for (ind, measure), years in sorted(by.items()):
        lines.append(f"| `{ind}` | {measure} | {compress(sorted(years))} |")
    lines += ["", "## Gaps (first-published series)", ""] + (gaps(history) or ["- none"])
    lines += ["", "## Conflicts, choices and weak evidence", ""] + (log or ["- none"])
    lines += ["", "## Raw rows not used", ""]
    for r, why in unused:
        lines.append(f"- {r['indicator']} ({r['kind']}) {r['year']} = {r['value']} `{r['unit']}`: {why}")
    return "\n".join(lines) + "\n"


def main():
    with SOURCES.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for i, r in enumerate(rows):
        r["_line"] = i + 2
    with RUIJIN_EXTRA.open(encoding="utf-8") as f:
        for i, r in enumerate(csv.DictReader(f)):
            r["_line"] = f"{RUIJIN_EXTRA.name}:{i + 2}"
            rows.append(r)
    table = load_map()
    choices = load_choices()
    log = defaultdict(list)
    skipped = defaultdict(list)
    skipped_targets = defaultdict(list)
    history = curate_history(rows, table, choices, log, skipped)
    targets = curate_targets(rows, table, log, skipped_targets)

    hist_fields = ["indicator", "year", "value", "measure", "unit", "source", "basis"]
    tgt_fields = ["indicator", "year", "measure", "bound", "value", "tolerance", "quote", "reading", "source"]
    for region, folder in REGIONS.items():
        h = sorted(history[region], key=lambda x: (x["indicator"], x["measure"], x["basis"] != "first-published",
                                                   x["basis"], x["year"]))
        write_csv(HERE / folder / "history.csv", hist_fields, h)
        t = sorted(targets[region], key=lambda x: (x["indicator"], x["year"]))
        write_csv(HERE / folder / "targets.csv", tgt_fields, t)
        (HERE / folder / "SOURCES.md").write_text(sources_md(region, folder, table, h, t, log[region],
                                                            skipped[region] + skipped_targets[region]),
                                                encoding="utf-8")
    report = RUIJIN_REPORT.read_text(encoding="utf-8")
    t = sorted(targets["Ruijin"], key=lambda x: x["indicator"])
    for x in t:
        if x["quote"] not in report:
            fail(f"Ruijin target {x['indicator']}: quote '{x['quote']}' is not in {RUIJIN_REPORT.name}")
    write_csv(HERE / "ruijin" / "targets.csv", tgt_fields, t)
    print(f"Ruijin: {len(t)} targets, every quote found verbatim in the report")
    for region in ("China", "Jiangxi"):
        print(f"{region}: {len(history[region])} history rows, {len(targets[region])} targets")


if __name__ == "__main__":
    main()
