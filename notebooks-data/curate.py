#!/usr/bin/env python3
"""Curate the sourced rows into the tidy history and target tables of forecast.

Python 3.11, standard library only. Run from anywhere:

    python3 notebooks-data/curate.py             # writes into notebooks-data/
    python3 notebooks-data/curate.py --out DIR   # writes the same files under DIR (scripts/check_data.py)

Reads (sources/ holds byte-for-byte copies; see sources/README.md)
    sources/observations.csv                  national and Jiangxi rows, one number each, address and quote
    sources/amendments.csv                    rows read to mend the audit of observations.csv (same columns)
    sources/provinces_targets_outcomes.csv    30 provinces' targets and first-published outcomes
    sources/jiangxi_cities_targets_outcomes.csv   Jiangxi's prefecture-level cities
    sources/extra-*.csv                       further rows of the same format (every file present is read)
    indicator-map.csv, choices.csv            national mapping and hand decisions
    regions.csv, evidence.csv                 region names and ids; which hosts are official
Writes
    china/, jiangxi/                          history.csv, targets.csv, SOURCES.md
    ruijin/targets.csv                        Ruijin's 2022 report targets
    provinces/<id>/, jiangxi-cities/<id>/     history.csv, targets.csv (+ provinces/SOURCES.md, jiangxi-cities/SOURCES.md)
    calibration/pairs.csv                     every (region, indicator, year) with a target and a first-published outcome

Rules (rules.md): no number is computed (only stated unit conversions of levels); first-published
and revised rows stay apart; a bound (突破X, X以上, 近X) is never an outcome; a row whose quote does
not state its value, whose address is broken, or that was derived from other numbers is dropped
with its reason; rows resting only on mirror or aggregator pages are marked `evidence = mirror`.
"""

import argparse
import csv
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True   # no __pycache__ in notebooks-data/
sys.path.insert(0, str(HERE))
import quotecheck  # noqa: E402
import wording  # noqa: E402
from wording import fmt  # noqa: E402

SRC = HERE / "sources"
OBSERVATIONS = SRC / "observations.csv"
AMENDMENTS = SRC / "amendments.csv"
RUIJIN_EXTRA = HERE / "ruijin" / "report-targets-extra.csv"
RUIJIN_REPORT = SRC / "ruijin-2022-government-work-report.txt"
PROVINCE_FILES = [SRC / "provinces_targets_outcomes.csv"]
CITY_FILES = [SRC / "jiangxi_cities_targets_outcomes.csv"]
EXTRA_GLOB = "extra-*.csv"
MAP = HERE / "indicator-map.csv"
CHOICES = HERE / "choices.csv"
RULES = HERE / "rules.md"
REGIONS_CSV = HERE / "regions.csv"
EVIDENCE_CSV = HERE / "evidence.csv"
NATIONAL = {"China": "china", "Jiangxi": "jiangxi"}

HIST_FIELDS = ["indicator", "year", "value", "measure", "unit", "source", "basis"]
TGT_FIELDS = ["indicator", "year", "measure", "bound", "value", "upper", "tolerance", "word", "quote", "reading",
              "source", "evidence"]
PAIR_FIELDS = ["region", "level", "indicator", "year", "measure", "bound", "value", "upper", "tolerance", "word",
               "outcome", "target_source", "outcome_source", "evidence", "met_floor", "target_quote", "outcome_quote",
               "target_evidence", "outcome_evidence"]

# Level units: multiplier into the canonical unit of the map (stated conversions only).
UNIT_FACTORS = {
    ("万亿元", "亿元"): 10000.0, ("亿元", "亿元"): 1.0, ("元", "元"): 1.0, ("万人", "万人"): 1.0,
    ("万头", "万头"): 1.0, ("万吨", "万吨"): 1.0,
    ("亿斤", "万吨"): 5.0,          # 1e8 斤 x 0.5 kg = 5e7 kg = 5 万吨
    ("万亿斤", "万吨"): 50000.0,    # 1e12 斤 x 0.5 kg = 5e11 kg = 50000 万吨
    ("亿公斤", "万吨"): 10.0,       # 1e8 kg = 10 万吨
}
# Tolerance of a 左右 target: 0.5 percentage point unless the text states another; for the two
# national level targets, one step of their grid (new jobs 100万人, grain 0.1万亿斤 = 5000万吨).
AROUND_TOLERANCE = {"growth_pct": 0.5, "rate_pct": 0.5, ("level", "new_jobs"): 100.0, ("level", "grain"): 5000.0}
# Growth rates whose currency changes across years: one series per currency.
CURRENCY_SPLIT = {"exports", "fdi", "trade"}
CNY_WORDS = ("亿元", "億元", "万亿元", "萬億元", "yuan", "cny", "rmb", "人民币")
USD_WORDS = ("美元", "dollar", "us$", "usd", "ドル", "$")

# Province-format files.
INDICATORS = {
    "GDP growth": ("gdp", "growth_pct"), "社会消费品零售总额 growth": ("retail", "growth_pct"),
    "固定资产投资 growth": ("fai", "growth_pct"), "一般公共预算收入 growth": ("budget_revenue", "growth_pct"),
    "CPI change": ("cpi", "rate_pct"), "城镇调查失业率": ("unemployment", "rate_pct"),
    "规上工业增加值 growth": ("industry_va", "growth_pct"),
    "城镇居民人均可支配收入 growth": ("urban_income", "growth_pct"),
    "农村居民人均可支配收入 growth": ("rural_income", "growth_pct"),
}
KINDS = {"target", "growth_pct", "rate_pct"}
# Bound tokens of a province-format target unit -> (word, kind).
UNIT_BOUND_TOKENS = [("区间", "区间", "range"), ("力争", "力争", "aspiration"), ("左右", "左右", "around"),
                     ("大约", "大约", "around"), ("约", "约", "around"), ("以上", "以上", "at_least"),
                     ("以内", "以内", "at_most"), ("控制在", "控制在", "at_most"), ("低于", "低于", "at_most"),
                     ("突破", "突破", "at_least"), ("无限定词", "无限定词", "bare"),
                     ("表格未载限定词", "限定词未载", "unknown"), ("限定词未载", "限定词未载", "unknown")]
BUDGET_CONFIRM = ("一般公共预算", "一般公共預算", "公共财政预算", "公共財政預算", "公共财政收入", "公共財政收入",
                  "一般预算收入", "一般預算收入", "general public budget", "general budget", "public budget",
                  "local budget revenue")
BUDGET_TOTAL = ("财政总收入", "財政總收入", "total fiscal", "not 一般公共预算收入")
CONCEPT_UNCLEAR = ("口径未明", "口径可能为财政总收入")
LATE_MARKERS = ("非首发", "非1-3月首发", "首发口径未核", "发布晚于3月", "页面晚于首发期")
ESTIMATE_MARKERS = ("预计", "預計", "左右", "约", "初步预计", "expected", "forecast", "estimated", "about")
SUCCESS_WORDS = ("超额完成", "好于预期", "完成全年目标", "完成年度目标", "圆满完成", "实现预期目标", "达到预期",
                 "符合预期", "完成目标", "exceeded", "beat", "met its", "met the target")
MISS_WORDS = ("未完成", "低于预期", "未达", "未能", "差距", "failed", "missed", "fell short", "short of", "below target")


def fail(message):
    sys.exit(f"curate.py: {message}")


RAW_COLUMNS = ["region", "indicator", "year", "value", "unit", "kind", "source_url", "quote"]


def read_rows(path, tag, problems=None):
    """Rows of a raw CSV (UTF-8, BOM accepted); every expected column present ("" when missing).
    With `problems`, an unreadable file or a missing column is reported there instead of stopping."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
            header = reader.fieldnames or []
    except (UnicodeDecodeError, csv.Error, OSError) as e:
        if problems is None:
            raise
        problems.append(f"{tag}: not read ({e})")
        return []
    missing = [c for c in RAW_COLUMNS if c not in header]
    if missing and problems is not None:
        problems.append(f"{tag}: columns missing from the header: {', '.join(missing)} (its rows fail validation)")
    for i, r in enumerate(rows):
        r.pop(None, None)
        for c in RAW_COLUMNS:
            r.setdefault(c, "")
        for k in list(r):
            if r[k] is None:
                r[k] = ""
        r["_file"] = tag
        r["_line"] = i + 2
    return rows


def where(r):
    return f"{r['_file']}:{r['_line']}"


# ---------------------------------------------------------------- evidence and addresses

def load_evidence():
    with EVIDENCE_CSV.open(encoding="utf-8") as f:
        return [(r["host_suffix"].lower(), r["evidence"]) for r in csv.DictReader(f)]


EVIDENCE = load_evidence()


def host(url):
    try:
        return (urlsplit(url.strip()).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def evidence_of(url, weak=False):
    """official or mirror (evidence.csv; any host not listed is a mirror)."""
    if weak:
        return "mirror"
    h = host(url)
    for suffix, ev in EVIDENCE:
        if h == suffix or h.endswith("." + suffix):
            return ev
    return "mirror"


def address_problem(url):
    u = url.strip()
    if not u:
        return "no address"
    if not re.match(r"^https?://", u):
        return f"not a web address: {u!r}"
    if "{{" in u or "}}" in u:
        return f"broken address (template placeholder left in it): {u}"
    if not host(u):
        return f"no host in the address: {u}"
    return None


# ---------------------------------------------------------------- national rows

def leading_unit(unit):
    return unit.split(" ")[0].split("(")[0].split("[")[0].strip()


def is_weak(unit):
    u = unit.lower()
    return "third-party list" in u or "(third-party" in u


def is_derived(unit):
    return "derived" in unit.lower()


def significant_digits(value):
    return len(value.replace("-", "").replace(".", "").lstrip("0"))


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
    with CHOICES.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def currency_of(r):
    """CNY, USD or None: the currency a growth rate is stated in (unit tag first, then the quote)."""
    head = r["unit"].upper().split(";")[0]
    if "(CNY" in head:
        return "CNY"
    if "(USD" in head:
        return "USD"
    q = r["quote"].lower()
    cny = any(w in q for w in CNY_WORDS)
    usd = any(w in q for w in USD_WORDS)
    if cny and not usd:
        return "CNY"
    if usd and not cny:
        return "USD"
    return None


def screen_national(rows, table, unused):
    """Drops rows that break a rule, each with its reason; returns the rows kept, each with its map row."""
    kept = []
    for r in rows:
        region = r["region"]
        m = lookup(table, region, r["indicator"], r["kind"])
        if m is None:
            fail(f"{where(r)} ({region} {r['indicator']} {r['year']}): no mapping in {MAP.name}")
        if not m["id"]:
            unused[region].append((r, m["note"] or "not used"))
            continue
        problem = address_problem(r["source_url"])
        if problem is None and not r["quote"].strip():
            problem = "no quote"
        if problem is None and is_derived(r["unit"]):
            problem = "computed from other numbers ([derived] in the unit): no number is computed"
        value = r["value"].strip()
        level = m["measure"] == "level"
        if problem is None and r["kind"] == "target" and value.lower() == "none":
            unused[region].append((r, "no target set that year: skipped, not guessed"))
            continue
        if problem is None and r["kind"] == "target" and "量稳质升" in r["unit"]:
            pass   # no number on the page: the stated interpretation (growth >= 0) is read in curate_national_targets
        elif problem is None:
            ends = value.split("-") if re.match(r"^\d+(\.\d+)?-\d+(\.\d+)?$", value) else [value]
            try:
                nums = [float(x) for x in ends]
            except ValueError:
                nums = None
                problem = f"value {value!r} is not a number"
            if nums is not None:
                missing = [x for x in nums if not quotecheck.value_in_quote(x, r["quote"], level)]
                if missing:
                    problem = f"the quote does not state {fmt(missing[0])} ({r['quote']!r})"
                elif r["kind"] != "target":
                    word = wording.outcome_bound(r["quote"], nums[0], level)
                    if word:
                        problem = f"'{word}': the phrase states a bound, not a measurement"
        if problem:
            unused[region].append((r, "DROPPED: " + problem))
            continue
        r["_map"] = m
        kept.append(r)
    return kept


def curate_history(rows, choices, log, unused):
    """{region: [history rows]}; conflicts and choices go to log[region]."""
    groups = defaultdict(list)
    for r in rows:
        if r["region"] not in NATIONAL or r["kind"] == "target":
            continue
        m = r["_map"]
        ind, measure = m["id"], m["measure"]
        raw = float(r["value"])
        if measure == "level":
            factor = UNIT_FACTORS.get((leading_unit(r["unit"]), m["unit"]))
            if factor is None:
                fail(f"{where(r)}: no conversion from '{leading_unit(r['unit'])}' to '{m['unit']}'")
            value = raw * factor
        else:
            value = raw
            if ind in CURRENCY_SPLIT:
                cur = currency_of(r)
                if cur is None:
                    unused[r["region"]].append((r, "DROPPED: the currency of this growth rate is not stated "
                                                   "(one series per currency: exports/fdi/trade_cny or _usd)"))
                    continue
                ind = f"{ind}_{cur.lower()}"
        groups[(r["region"], ind, int(r["year"]), measure, r["basis"])].append(dict(row=r, map=m, value=value))

    drops = [c for c in choices if c["action"] == "drop" and c["basis"] != "target-text"]
    keeps = {(c["region"], c["id"], int(c["year"]), c["measure"], c["basis"]): c
             for c in choices if c["action"] == "keep"}
    used = set()

    def dropped(key, c):
        for i, d in enumerate(drops):
            if ((d["region"], d["id"], int(d["year"]), d["measure"], d["basis"]) == key
                    and abs(float(d["value"]) - c["value"]) < 1e-9
                    and (not d.get("source") or d["source"] == c["row"]["source_url"])):
                used.add(("drop", i))
                return d
        return None

    out = defaultdict(list)
    for key in sorted(groups):
        region, ind, year, measure, basis = key
        cands = []
        for c in groups[key]:
            d = dropped(key, c)
            if d:
                log[region].append(f"- `{ind}` {year} {measure} ({basis}): dropped {fmt(c['value'])} from "
                                   f"{c['row']['source_url']} — {d['reason']}")
                unused[region].append((c["row"], "DROPPED (choices.csv): " + d["reason"]))
                continue
            cands.append(c)
        if not cands:
            continue

        def rank(c):
            unit = c["row"]["unit"]
            return (int(c["map"]["priority"]), is_weak(unit), "rounded" in unit.lower(),
                    -significant_digits(c["row"]["value"]))

        cands.sort(key=rank)
        best = [c for c in cands if rank(c) == rank(cands[0])]
        distinct = {fmt(c["value"]) for c in best}
        chosen = best[0]
        if len(distinct) > 1:
            choice = keeps.get(key)
            if choice is None:
                fail(f"unresolved conflict {key}: values {sorted(distinct)}; add a line to {CHOICES.name}")
            used.add(("keep",) + key)
            matches = [c for c in best if fmt(c["value"]) == fmt(float(choice["value"]))]
            if not matches:
                fail(f"{CHOICES.name}: kept value {choice['value']} is not among {sorted(distinct)} for {key}")
            chosen = matches[0]
            log[region].append(
                f"- `{ind}` {year} {measure} ({basis}): sources disagree ("
                + "; ".join(f"{fmt(c['value'])} `{c['row']['unit']}` {c['row']['source_url']}" for c in cands)
                + f"). Kept {fmt(chosen['value'])}: {choice['reason']}")
        elif len(cands) > 1:
            differing = [c for c in cands if fmt(c["value"]) != fmt(chosen["value"])]
            if differing:
                reasons = []
                for c in differing:
                    rc, rb = rank(c), rank(chosen)
                    if rc[0] != rb[0]:
                        why = f"map priority (`{c['row']['indicator']}` ranks below `{chosen['row']['indicator']}`)"
                    elif rc[1] != rb[1]:
                        why = "weaker evidence (third-party list)"
                    else:
                        why = "less precise (rounded)"
                    reasons.append(f"{fmt(c['value'])} `{c['row']['unit']}` {c['row']['source_url']} lost on {why}")
                log[region].append(f"- `{ind}` {year} {measure} ({basis}): kept {fmt(chosen['value'])} "
                                   f"`{chosen['row']['unit']}` ({chosen['row']['source_url']}); " + "; ".join(reasons))
            else:
                log[region].append(f"- `{ind}` {year} {measure} ({basis}): {len(cands)} sources agree on "
                                   f"{fmt(chosen['value'])}; kept {chosen['row']['source_url']}")
        r = chosen["row"]
        if is_weak(r["unit"]):
            log[region].append(f"- `{ind}` {year} {measure} ({basis}): WEAK EVIDENCE kept (nothing better): "
                               f"{fmt(chosen['value'])} `{r['unit']}` {r['source_url']}")
        agreeing = [c["row"] for c in best if fmt(c["value"]) == fmt(chosen["value"])]
        ev, r = best_evidence(agreeing, r)
        out[region].append({
            "indicator": ind, "year": year, "value": fmt(chosen["value"]), "measure": measure,
            "unit": chosen["map"]["unit"], "source": r["source_url"], "basis": basis,
            "_quote": r["quote"], "_evidence": ev,
        })

    for i, d in enumerate(drops):
        if ("drop", i) not in used:
            fail(f"{CHOICES.name}: drop {d['region']} {d['id']} {d['year']} {d['value']} matched nothing (stale line?)")
    for c in choices:
        if c["action"] == "keep" and ("keep", c["region"], c["id"], int(c["year"]), c["measure"], c["basis"]) not in used:
            fail(f"{CHOICES.name}: keep {c['region']} {c['id']} {c['year']} matched nothing (stale line?)")
    return out


def best_evidence(agreeing, chosen):
    """official when any row stating the kept value is on an official page (the kept source is then
    that row's); mirror when they all rest on mirrors or aggregators."""
    if evidence_of(chosen["source_url"], is_weak(chosen["unit"])) == "official":
        return "official", chosen
    for r in agreeing:
        if evidence_of(r["source_url"], is_weak(r["unit"])) == "official":
            return "official", r
    return "mirror", chosen


def declared_words(unit):
    """Bound words a national unit cell declares in its parenthesis: '% (左右)' -> ('左右',)."""
    m = re.search(r"\(([^)]*)\)", unit)
    if not m:
        return ()
    inner = m.group(1).lower()
    found = [w for w in ("左右", "以上", "以内", "控制在", "区间", "不低于", "前後", "约", "around", "about",
                         "or lower", "over", "低于") if w in inner]
    if "区间" in found:
        found.append("区间")
    return tuple(found)


def target_row(indicator, year, measure, quote, value, level, declared, source, evidence, extra_reading=""):
    """(row, None) for a target read from its quote, or (None, reason)."""
    occs = wording.occurrences(quote, value, level)
    if not occs:
        return None, f"the quote does not state {fmt(value)}"
    words, upper = wording.pick(occs, declared)
    kinds = [k for _, k in words]
    word = "; ".join(w for w, _ in words)
    if upper is not None:
        word = "区间" + (f"; {word}" if word else "")
    if not word:
        word = "无限定词"
    bound = wording.bound_of(indicator, kinds, upper)
    tol = None
    if bound == "around":
        tol = AROUND_TOLERANCE.get(measure if measure != "level" else ("level", indicator))
        if tol is None:
            return None, f"'{word}' on {indicator} {measure}: no tolerance rule for this indicator"
    reading = wording.reading_of(indicator, bound, word, value, upper, tol, measure) + extra_reading
    return {
        "indicator": indicator, "year": year, "measure": measure, "bound": bound, "value": fmt(value),
        "upper": fmt(upper) if upper is not None else "", "tolerance": fmt(tol) if tol is not None else "",
        "word": word, "quote": quote, "reading": reading, "source": source, "evidence": evidence,
    }, None


def curate_national_targets(rows, choices, log, unused):
    out = defaultdict(list)
    seen = {}
    drops = [c for c in choices if c["action"] == "drop" and c["basis"] == "target-text"]
    used = set()
    for r in rows:
        if r["kind"] != "target":
            continue
        region, m = r["region"], r["_map"]
        ind, measure = m["id"], m["measure"]
        raw = r["value"].strip()
        lo = float(raw.split("-")[0]) if re.match(r"^\d+(\.\d+)?-\d", raw) else float(raw)
        d = next((i for i, c in enumerate(drops)
                  if (c["region"], c["id"], int(c["year"]), c["measure"]) == (region, ind, int(r["year"]), measure)
                  and abs(float(c["value"]) - lo) < 1e-9 and (not c.get("source") or c["source"] == r["source_url"])),
                 None)
        if d is not None:
            used.add(d)
            log[region].append(f"- target `{ind}` {r['year']}: dropped {raw} from {r['source_url']} — {drops[d]['reason']}")
            unused[region].append((r, "DROPPED (choices.csv): " + drops[d]["reason"]))
            continue
        level = measure == "level"
        factor = 1.0
        extra = ""
        if level:
            factor = UNIT_FACTORS.get((leading_unit(r["unit"]), m["unit"]))
            if factor is None:
                fail(f"{where(r)}: no conversion from '{leading_unit(r['unit'])}' to '{m['unit']}'")
            if factor != 1.0:
                extra = f"; converted from {raw} {leading_unit(r['unit'])} to {m['unit']} (x {fmt(factor)})"
        weak = is_weak(r["unit"])
        if weak:
            extra += "; WEAK EVIDENCE (third-party list), kept because nothing better exists"
        if r["_map"]["id"].startswith("exports") and "量稳质升" in r["unit"]:
            t = {"indicator": ind, "year": int(r["year"]), "measure": measure, "bound": "at_least", "value": "0",
                 "upper": "", "tolerance": "", "word": "量稳质升", "quote": r["quote"],
                 "reading": ("量稳质升 (volume stable, quality rising) gives no number: read as export growth >= 0, a "
                             "stated interpretation (a stable volume does not fall), not a figure of the report. "
                             "No currency is stated; Jiangxi's cities report trade in US dollars (Nanchang 2017: "
                             "外贸出口63亿美元,增长8.9%), so the target is evaluated on the US-dollar growth series"),
                 "source": r["source_url"], "evidence": evidence_of(r["source_url"], weak)}
        else:
            t, why = target_row(ind, int(r["year"]), measure, r["quote"], lo, level, declared_words(r["unit"]),
                                r["source_url"], evidence_of(r["source_url"], weak), extra)
            if t is None:
                unused[region].append((r, "DROPPED: " + why))
                continue
            if factor != 1.0:
                t["value"] = fmt(lo * factor)
                if t["upper"]:
                    t["upper"] = fmt(float(t["upper"]) * factor)
                if t["tolerance"] == "" and t["bound"] == "around":
                    pass
            declared = declared_words(r["unit"])
            if declared and t["word"] == "无限定词":
                log[region].append(f"- target `{ind}` {r['year']}: the unit says ({', '.join(declared)}) but the quote "
                                   f"shows no bound word next to {raw}: written as 无限定词")
        key = (region, ind, int(r["year"]), measure)
        if key in seen:
            fail(f"{where(r)}: second target for {key} (first at {seen[key]})")
        seen[key] = where(r)
        out[region].append(t)
    for i, c in enumerate(drops):
        if i not in used:
            fail(f"{CHOICES.name}: target drop {c['region']} {c['id']} {c['year']} matched nothing (stale line?)")
    return out


# ---------------------------------------------------------------- regional (province-format) rows

def load_regions():
    with REGIONS_CSV.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_name = {r["name"]: r for r in rows}
    by_zh = {r["zh"]: r for r in rows}
    return rows, by_name, by_zh


REGIONS, REGION_BY_NAME, REGION_BY_ZH = load_regions()


def unit_tokens(unit):
    """'% (预计, 左右; 英文) [x]' -> ['预计', '左右', '英文', 'x']."""
    inner = " ; ".join(re.findall(r"\(([^)]*)\)", unit) + re.findall(r"\[([^\]]*)\]", unit))
    return [t.strip() for t in re.split(r"[;,，；]", inner) if t.strip()]


def unit_problem(unit):
    u = unit.strip()
    if not u.startswith("%"):
        return f"unit {unit!r} is not a percent unit ('%' with optional notes)"
    rest = re.sub(r"\([^)]*\)|\[[^\]]*\]", "", u[1:]).strip()
    if rest:
        return f"unit {unit!r}: text outside the parentheses ({rest!r})"
    return None


def validate_regional(r, level_wanted):
    """(cleaned row, None) or (None, reason)."""
    name = r["region"].strip()
    reg = REGION_BY_NAME.get(name)
    note = ""
    if reg is None:
        zh = name.split("(")[0].strip()
        reg = REGION_BY_ZH.get(zh)
        if reg is None:
            return None, f"unknown region {name!r}"
        note = f"region written {name!r}, read as {reg['name']!r}"
    if reg["level"] != level_wanted:
        return None, f"region {name!r} is a {reg['level']}, not a {level_wanted}"
    if r["indicator"] not in INDICATORS:
        return None, f"unknown indicator {r['indicator']!r}"
    if r["kind"] not in KINDS:
        return None, f"unknown kind {r['kind']!r}"
    ind, measure = INDICATORS[r["indicator"]]
    if r["kind"] != "target" and r["kind"] != measure:
        return None, f"kind {r['kind']} does not fit {r['indicator']} (expected {measure} or target)"
    try:
        year = int(r["year"])
        if not 1990 <= year <= 2035:
            raise ValueError
    except ValueError:
        return None, f"year {r['year']!r} is not a year"
    try:
        value = float(r["value"])
        if value != value or abs(value) > 1000:
            raise ValueError
    except ValueError:
        return None, f"value {r['value']!r} is not a number"
    problem = unit_problem(r["unit"]) or address_problem(r["source_url"])
    if problem:
        return None, problem
    if not r["quote"].strip():
        return None, "no quote"
    return dict(r, _region=reg, _id=ind, _measure=measure, _year=year, _value=value, _note=note,
                _tokens=unit_tokens(r["unit"])), None


def concept(r):
    """(id, concept note) after the concept checks, or (None, reason)."""
    ind = r["_id"]
    text = (r["quote"] + " " + r["unit"]).lower()
    toks = r["_tokens"]
    if ind == "budget_revenue":
        if any(any(u in t for u in CONCEPT_UNCLEAR) for t in toks):
            return None, "revenue concept not stated (口径未明): not recorded as 一般公共预算收入"
        if any(w.lower() in text for w in BUDGET_TOTAL) and not any(w.lower() in r["quote"].lower() for w in BUDGET_CONFIRM):
            return "fiscal_total", "财政总收入 (total fiscal revenue), a wider concept than 一般公共预算收入: own id"
        return "budget_revenue", "同口径 (comparable basis)" if comparable_basis(r) else ""
    if ind == "unemployment":
        if re.search(r"登记|登記|registered", text):
            return "unemployment_registered", "registered rate (登记), not the surveyed rate: own id"
        if re.search(r"年末|12月|年底|year-end|december", r["quote"].lower()):
            return "unemployment_yearend", "year-end surveyed rate: own id"
        return "unemployment", "surveyed rate (调查), annual figure"
    if ind == "gdp":
        if re.search(r"名义|名義|nominal|现价|現價|current price", text):
            return None, "nominal GDP growth: not the real growth the targets state"
        return "gdp", ""
    if ind in ("urban_income", "rural_income"):
        if re.search(r"实际增长|實際增長|扣除价格|扣除價格|\breal\b", text):
            return ind + "_real", "real growth: own id (local income targets are nominal)"
        return ind, "nominal"
    if ind == "fai":
        return "fai", fai_coverage(r)
    return ind, ""


def comparable_basis(r):
    """Whether the row's value is the 同口径 (comparable-basis) rate: 同口径 written just before it."""
    text = quotecheck.normalize(r["quote"])
    for v, start, _ in quotecheck.numbers(text):
        if abs(v - r["_value"]) < 1e-9 and re.search(r"同口径|同口徑|comparable", text[max(0, start - 8):start]):
            return True
    return False


def fai_coverage(r):
    text = r["quote"] + " " + r["unit"]
    if re.search(r"全社会|全社會|whole[- ]society|total social", text, re.IGNORECASE):
        return "全社会 (whole society)"
    if re.search(r"500万元以上|500萬元以上|不含农户|不含農戶|规模以上固|規模以上固|项目投资|項目投資|projects? above", text):
        return "500万元以上 / 不含农户 (project-based)"
    return "headline (coverage not stated)"


def fai_clash(a, b):
    s = {a.split(" ")[0], b.split(" ")[0]}
    return "全社会" in s and "500万元以上" in s


def target_from_unit(r, ind):
    """(row, None) or (None, reason) for a province-format target."""
    toks = r["_tokens"]
    measure = r["_measure"]
    value = r["_value"]
    found = []
    upper = None
    for t in toks:
        for token, word, kind in UNIT_BOUND_TOKENS:
            if t.startswith(token) or (token in ("左右", "以上", "以内", "控制在", "力争") and token in t and len(t) <= 8):
                if token == "区间":
                    m = re.search(r"(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)", t)
                    if not m:
                        return None, f"range token {t!r} without a-b"
                    if abs(float(m.group(1)) - value) > 1e-9:
                        return None, f"range {t!r} does not start at the value {fmt(value)}"
                    upper = float(m.group(2))
                if t.startswith("力争") and "以上" in t:
                    word = "力争 以上"
                found.append((word, kind))
                break
    words = [w for w, k in found]
    kinds = [k for w, k in found]
    shown_by_quote = None
    if not found:
        occs = wording.occurrences(r["quote"], value)
        if not occs:
            return None, f"the quote does not state {fmt(value)}"
        qwords, qupper = wording.pick(occs)
        if qupper is not None:
            upper = qupper
            words, kinds = ["区间"], ["range"]
        elif qwords:
            words, kinds = [w for w, _ in qwords], [k for _, k in qwords]
        else:
            words, kinds = ["限定词未载"], ["unknown"]
        shown_by_quote = True
    if upper is not None and not quotecheck.value_in_quote(upper, r["quote"]):
        return None, f"the quote does not state the range's upper end {fmt(upper)}"
    main = kinds[0]
    word = "; ".join(words)
    if main == "range":
        bound = "range"
    elif ind in wording.CEILING_INDICATORS:
        bound = "at_most"
    elif main in ("around",):
        bound = "around"
    elif main in ("at_least", "aspiration", "bare", "unknown"):
        bound = "at_least"
    else:
        bound = "at_most"
    tol = 0.5 if bound == "around" else None
    reading = wording.reading_of(ind, bound, words[0] if main != "aspiration" else word, value, upper, tol, measure)
    notes = [t for t in toks if not any(t.startswith(tok) for tok, _, _ in UNIT_BOUND_TOKENS)]
    if notes:
        reading += "; unit notes: " + "; ".join(notes)
    if shown_by_quote:
        reading += "; bound word read from the quote (the unit gave none)"
    return {
        "indicator": ind, "year": r["_year"], "measure": measure, "bound": bound, "value": fmt(value),
        "upper": fmt(upper) if upper is not None else "", "tolerance": fmt(tol) if tol is not None else "",
        "word": word, "quote": r["quote"], "reading": reading, "source": r["source_url"].strip(),
        "evidence": evidence_of(r["source_url"]),
    }, None


def outcome_flags(r):
    toks = r["_tokens"]
    low = r["unit"].lower()
    late = any(any(m in t for m in LATE_MARKERS) for t in toks)
    estimate = any(t in ESTIMATE_MARKERS or t.startswith("预计") or t.startswith("初步预计") for t in toks) or \
        "左右" in r["quote"]
    revised = any(t == "修订" or t.startswith("修订;") or t == "(修订)" for t in toks)
    upper_only = "upper bound only" in low
    return late, estimate, revised, upper_only


def curate_regional(level, files, extra_files, log):
    """Validated rows -> per region history and targets. Returns (hist, tgts, report)."""
    report = {"read": [], "dropped": [], "warnings": [], "conflicts": [], "concept": [], "raw_rows": []}
    rows = []
    for path in files + extra_files:
        file_problems = []
        rs = read_rows(path, path.name, file_problems)
        report["warnings"] += file_problems
        report["read"].append((path.name, len(rs)))
        for r in rs:
            name = r["region"].strip()
            reg = REGION_BY_NAME.get(name) or REGION_BY_ZH.get(name.split("(")[0].strip())
            if path in extra_files and reg is not None and reg["level"] != level:
                continue   # the other level's rows of a mixed extra file
            if path in extra_files and reg is None and level == "city":
                continue   # unknown regions are reported once, by the province pass
            v, why = validate_regional(r, level)
            if v is None:
                report["dropped"].append((r, why))
                continue
            if v["_note"]:
                report["warnings"].append(f"{where(r)}: {v['_note']}")
            if not quotecheck.value_in_quote(v["_value"], v["quote"]):
                report["dropped"].append((r, f"the quote does not state {fmt(v['_value'])}"))
                continue
            ind, note = concept(v)
            if ind is None:
                report["dropped"].append((r, note))
                continue
            v["_cid"], v["_concept"] = ind, note
            if r["kind"] != "target":
                late, est, revised, upper_only = outcome_flags(v)
                if upper_only:
                    report["dropped"].append((r, "an upper bound, not a measurement (unit: upper bound only)"))
                    continue
                word = wording.outcome_bound(v["quote"], v["_value"]) or next(
                    (t for t in v["_tokens"] if t in ("以上", "以内", "以下")), None)
                if word:
                    report["dropped"].append((r, f"'{word}': the phrase states a bound, not a measurement"))
                    continue
                v["_late"], v["_estimate"], v["_basis"] = late, est, ("revised" if revised else "first-published")
            rows.append(v)
            report["raw_rows"].append(v)

    hist = defaultdict(list)
    tgts = defaultdict(list)
    # ---- targets
    tg = defaultdict(list)
    for v in rows:
        if v["kind"] == "target":
            tg[(v["_region"]["id"], v["_cid"], v["_year"])].append(v)
    for key in sorted(tg):
        rid, ind, year = key
        cands = []
        for v in tg[key]:
            t, why = target_from_unit(v, ind)
            if t is None:
                report["dropped"].append((v, why))
                continue
            cands.append((v, t))
        if not cands:
            continue
        spec = {"限定词未载": 2, "无限定词": 1}

        def trank(c):
            v, t = c
            agree = sum(1 for _, u in cands if u["value"] == t["value"])
            return (t["evidence"] != "official", spec.get(t["word"], 0), -agree, v["_file"] != PROVINCE_FILES[0].name
                    and v["_file"] != CITY_FILES[0].name, v["_file"], v["_line"])

        cands.sort(key=trank)
        v, t = cands[0]
        agreeing = [u for _, u in cands if u["value"] == t["value"]]
        if any(u["evidence"] == "official" for u in agreeing):
            t["evidence"] = "official"
        others = [(w, u) for w, u in cands[1:]]
        differing = [(w, u) for w, u in others if (u["value"], u["bound"], u["upper"]) != (t["value"], t["bound"], t["upper"])]
        if differing:
            report["conflicts"].append(
                f"- {v['_region']['name']} target `{ind}` {year}: kept {t['value']}{('–' + t['upper']) if t['upper'] else ''} "
                f"({t['word']}, {t['evidence']}, {t['source']}); other pages: "
                + "; ".join(f"{u['value']}{('–' + u['upper']) if u['upper'] else ''} ({u['word']}, {u['evidence']}, "
                            f"{u['source']})" for _, u in differing))
        if not wording.word_visible(t["word"], t["quote"]):
            report["warnings"].append(f"{where(v)}: {v['_region']['name']} target `{ind}` {year}: the unit says "
                                      f"'{t['word']}' but the quote does not show it ({t['quote']!r})")
        t["_raw"] = v
        t["_n_sources"] = len(cands)
        tgts[rid].append(t)

    # ---- outcomes
    og = defaultdict(list)
    for v in rows:
        if v["kind"] != "target":
            og[(v["_region"]["id"], v["_cid"], v["_year"], v["_measure"], v["_basis"])].append(v)
    for key in sorted(og):
        rid, ind, year, measure, basis = key
        cands = og[key]
        for v in cands:
            v["_evidence"] = evidence_of(v["source_url"])

        def orank(v):
            agree = sum(1 for u in cands if abs(u["_value"] - v["_value"]) < 1e-9)
            comparable = 0 if (ind != "budget_revenue" or "同口径" in v["_concept"]) else 1
            return (v["_late"], v["_estimate"], comparable, v["_evidence"] != "official", -agree,
                    v["_file"] != PROVINCE_FILES[0].name and v["_file"] != CITY_FILES[0].name, v["_file"], v["_line"])

        cands.sort(key=orank)
        v = cands[0]
        agreeing = [u for u in cands if abs(u["_value"] - v["_value"]) < 1e-9]
        ev = "official" if any(u["_evidence"] == "official" for u in agreeing) else "mirror"
        differing = [u for u in cands if abs(u["_value"] - v["_value"]) >= 1e-9]
        if differing:
            def why(u):
                a, b = orank(u), orank(v)
                if a[0] != b[0]:
                    return "published after March / vintage unchecked"
                if a[1] != b[1]:
                    return "an estimate (预计/左右) where a statistical figure exists"
                if a[2] != b[2]:
                    return "not the comparable-basis (同口径) figure"
                if a[3] != b[3]:
                    return "mirror page where an official page exists"
                if a[4] != b[4]:
                    return "fewer pages agree"
                return "file order (the shared file first)"
            report["conflicts"].append(
                f"- {v['_region']['name']} outcome `{ind}` {year} ({basis}): kept {fmt(v['_value'])} "
                f"(`{v['unit']}`, {ev}, {v['source_url'].strip()}); lost: "
                + "; ".join(f"{fmt(u['_value'])} (`{u['unit']}`, {u['source_url'].strip()}) — {why(u)}" for u in differing))
        hist[rid].append({
            "indicator": ind, "year": year, "value": fmt(v["_value"]), "measure": measure, "unit": "%",
            "source": v["source_url"].strip(), "basis": basis,
            "_quote": v["quote"], "_evidence": ev, "_raw": v, "_n_sources": len(cands),
        })
    return hist, tgts, report


# ---------------------------------------------------------------- pairs

def met_floor(t, outcome):
    v = float(t["value"])
    if t["bound"] == "around":
        return outcome >= v - float(t["tolerance"]) - 1e-9
    if t["bound"] == "at_most":
        return outcome <= v + 1e-9
    return outcome >= v - 1e-9


def make_pairs(region_id, level, targets, history, skipped):
    fp = {(h["indicator"], h["year"], h["measure"]): h for h in history if h["basis"] == "first-published"}
    out = []
    for t in targets:
        h = fp.get((t["indicator"], int(t["year"]), t["measure"]))
        if h is None:
            continue
        if t["indicator"] == "fai" and "_raw" in t and "_raw" in h:
            tc, oc = fai_coverage(t["_raw"]), h["_raw"]["_concept"]
            if fai_clash(tc, oc):
                skipped.append(f"- {region_id} fai {t['year']}: target coverage {tc} vs outcome coverage {oc}: "
                               f"not paired (different concepts)")
                continue
        outcome = float(h["value"])
        ev = "official" if (t["evidence"] == "official" and h["_evidence"] == "official") else "mirror"
        out.append({
            "region": region_id, "level": level, "indicator": t["indicator"], "year": int(t["year"]),
            "measure": t["measure"], "bound": t["bound"], "value": t["value"], "upper": t["upper"],
            "tolerance": t["tolerance"], "word": t["word"], "outcome": h["value"], "target_source": t["source"],
            "outcome_source": h["source"], "evidence": ev, "met_floor": "yes" if met_floor(t, outcome) else "no",
            "target_quote": t["quote"], "outcome_quote": h["_quote"], "target_evidence": t["evidence"],
            "outcome_evidence": h["_evidence"],
        })
    return out


# ---------------------------------------------------------------- writing

def public(rows, fields):
    return [{k: r.get(k, "") for k in fields} for r in rows]


def write_csv(path, fields, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(public(rows, fields))


def compress(years):
    spans, start, prev = [], None, None
    for y in sorted(set(years)):
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


def coverage_table(history):
    by = defaultdict(set)
    for h in history:
        by[(h["indicator"], h["measure"], h["basis"])].add(h["year"])
    lines = ["| indicator | measure | basis | n | years |", "|---|---|---|---|---|"]
    for (ind, measure, basis), years in sorted(by.items()):
        lines.append(f"| `{ind}` | {measure} | {basis} | {len(years)} | {compress(years)} |")
    return "\n".join(lines)


def gaps(history):
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


def national_sources_md(region, folder, table, history, targets, pairs, log, unused):
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
    lines += ["", "Growth rates of exports, FDI and trade are split by the currency they are stated in "
              "(`exports_cny` / `exports_usd`, `fdi_cny` / `fdi_usd`, `trade_cny` / `trade_usd`); a rate whose "
              "currency is stated neither in the unit nor in the quote is dropped.", "",
              f"## Coverage of history.csv ({len(history)} rows)", "", coverage_table(history), "",
              f"## Targets in targets.csv ({len(targets)} rows)", "",
              "| indicator | measure | years | words | evidence |", "|---|---|---|---|---|"]
    by = defaultdict(list)
    for x in targets:
        by[(x["indicator"], x["measure"])].append(x)
    for (ind, measure), xs in sorted(by.items()):
        words = sorted({x["word"] for x in xs})
        ev = defaultdict(int)
        for x in xs:
            ev[x["evidence"]] += 1
        lines.append(f"| `{ind}` | {measure} | {compress([int(x['year']) for x in xs])} | {', '.join(words)} | "
                     + ", ".join(f"{k} {n}" for k, n in sorted(ev.items())) + " |")
    met = sum(1 for p in pairs if p["met_floor"] == "yes")
    lines += ["", f"## Scored pairs ({len(pairs)}: target and first-published outcome; {met} met under the floor "
              "reading)", "", "| indicator | year | bound | target | word | outcome | met (floor) | evidence |",
              "|---|---|---|---|---|---|---|---|"]
    for p in sorted(pairs, key=lambda p: (p["indicator"], p["year"])):
        tv = p["value"] + (f"–{p['upper']}" if p["upper"] else "") + (f" ± {p['tolerance']}" if p["tolerance"] else "")
        lines.append(f"| `{p['indicator']}` | {p['year']} | {p['bound']} | {tv} | {p['word']} | {p['outcome']} | "
                     f"{p['met_floor']} | {p['evidence']} |")
    lines += ["", "## Gaps (first-published series)", ""] + (gaps(history) or ["- none"])
    lines += ["", "## Conflicts, choices and weak evidence", ""] + (log or ["- none"])
    lines += ["", "## Raw rows not used (with the reason)", ""]
    for r, why in unused:
        lines.append(f"- {r['indicator']} ({r['kind']}) {r['year']} = {r['value']} `{r['unit']}` "
                     f"[{where(r)}] {r['source_url']}: {why}")
    return "\n".join(lines) + "\n"


def notes_sections(md_path, pattern):
    """The sections of a gatherer's notes whose heading matches `pattern` (quoted as written)."""
    if not md_path.exists():
        return []
    text = md_path.read_text(encoding="utf-8")
    out, keep = [], False
    for line in text.splitlines():
        if line.startswith("#"):
            keep = re.search(pattern, line, re.IGNORECASE) is not None and not line.startswith("# ")
            if keep:
                out.append("")
                out.append("> **" + line.lstrip("#").strip() + "**")
            continue
        if keep:
            out.append("> " + line if line.strip() else ">")
    return out


def regional_sources_md(level, folder, files, extra_files, hist, tgts, pairs, report, skipped_pairs):
    regions = [r for r in REGIONS if r["level"] == level]
    title = "provinces" if level == "province" else "Jiangxi's prefecture-level cities"
    all_years = sorted({int(t["year"]) for ts in tgts.values() for t in ts} |
                       {h["year"] for hs in hist.values() for h in hs if h["basis"] == "first-published"})
    lines = [f"# Sources of notebooks-data/{folder}/ ({title})", "",
             "<!-- generated by notebooks-data/curate.py; do not edit, rerun `python3 notebooks-data/curate.py` -->", "",
             "## Provenance", "",
             "Every row was read on the public page whose address is in `source`, and the phrase that states it "
             "is in the raw file's `quote` (targets.csv repeats it). Raw files read (copies in `sources/`, "
             "see `sources/README.md`):", ""]
    for name, n in report["read"]:
        lines.append(f"- `sources/{name}`: {n} rows")
    n_drop = len(report["dropped"])
    lines += ["", f"Rows dropped by validation: {n_drop} (listed at the end with their reasons). No number was "
              "computed or filled in; a missing year stays missing.", "",
              "## Conventions", "",
              "- One directory per region (`<id>/`, lowercase pinyin): `history.csv` "
              "(`indicator,year,value,measure,unit,source,basis`) and `targets.csv` "
              "(`indicator,year,measure,bound,value,upper,tolerance,word,quote,reading,source,evidence`).",
              "- Indicators: `gdp` (real growth at comparable prices), `industry_va` (规上工业增加值, real), `retail` "
              "(社会消费品零售总额, nominal), `fai` (固定资产投资, nominal; coverage below), `budget_revenue` "
              "(一般公共预算收入 / 地方一般公共预算收入 / 公共财政预算收入 — the same concept under successive names), "
              "`urban_income`, `rural_income` (nominal per-capita disposable income), `cpi` (rate_pct, annual change), "
              "`unemployment` (城镇调查失业率, the surveyed rate, rate_pct).",
              "- Kept apart under their own ids, never paired with the targets above: `fiscal_total` (财政总收入, wider "
              "than 一般公共预算收入), `unemployment_registered` (城镇登记失业率), `unemployment_yearend` (a year-end or "
              "December surveyed rate), `urban_income_real` / `rural_income_real` (real income growth).",
              "- Budget revenue: a 同口径 (comparable-basis) growth is what a report compares with its target when tax "
              "cuts change the base; where both a 同口径 and an unqualified rate were found for a year, the 同口径 rate "
              "is kept and the other listed under Conflicts.",
              "- Investment coverage: a row is tagged 全社会 (whole society, including rural households), "
              "500万元以上 / 不含农户 (the project-based headline since 2011) or 'headline (not stated)'. A target and an "
              "outcome of different stated coverage are not paired (see 'Pairs not made').",
              "- `basis`: `first-published` is what was published in January–March of the following year (the next "
              "work report's 预计 review, the statistics bureau's preliminary release, the plan-execution report, the "
              "communiqué). A row marked 修订 would be `revised`. When several first-published figures differ, the "
              "kept one is, in order: published by March (rows flagged 非首发 / 首发口径未核 lose); a statistical figure "
              "over an estimate (预计, 左右); the 同口径 revenue figure; an official page over a mirror; the value more "
              "pages agree on; the shared file before the extra files.",
              "- `bound` (targets) states what was written: 以上/突破/不低于 -> `at_least`; 以内/控制在/低于 -> "
              "`at_most`; 左右/约 on growth -> `around` with `tolerance` 0.5 (no page states another); 左右/控制在/以内 "
              "on CPI and unemployment -> `at_most`; 区间 a-b -> `range` (`value` a, `upper` b); 力争 alone -> "
              "`at_least`; a bare number (`word` 无限定词) or wording the page does not show (`word` 限定词未载) -> "
              "`at_least`, `at_most` on CPI and unemployment. `word` keeps the bound word as the gatherer read it on "
              "the page (English pages: about/around -> 左右, over/more than -> 以上, within -> 以内). The official "
              "reading of 左右 on growth (at least X − 0.5) is applied by the Swift code, not by the file.",
              "- `evidence`: `official` (a government or statistics-bureau site, state media, an established newspaper "
              "or wire; `evidence.csv`) or `mirror` (reposts, aggregators, document sites, spam-looking domains). A "
              "value stated by several pages is `official` when any of them is.",
              "- Pairs (`../calibration/pairs.csv`): a target and a first-published outcome of the same region, "
              "indicator, year and measure. `met_floor`: outcome ≥ value − tolerance (around), ≥ value (at_least, "
              "range), ≤ value (at_most).", ""]
    # coverage table
    lines += [f"## Coverage (region × year; T target, O first-published outcome, P pair; any indicator)", ""]
    head = "| region | " + " | ".join(str(y) for y in all_years) + " | pairs |"
    lines += [head, "|---" * (len(all_years) + 2) + "|"]
    pair_by = defaultdict(int)
    for p in pairs:
        pair_by[(p["region"], p["year"])] += 1
    for reg in regions:
        rid = reg["id"]
        ty = {int(t["year"]) for t in tgts.get(rid, [])}
        oy = {h["year"] for h in hist.get(rid, []) if h["basis"] == "first-published"}
        cells = []
        for y in all_years:
            n = pair_by[(rid, y)]
            cells.append(f"P{n}" if n else ("T" if y in ty and y not in oy else ("O" if y in oy and y not in ty else
                                                                               ("TO" if y in ty else "·"))))
        total = sum(pair_by[(rid, y)] for y in all_years)
        lines.append(f"| {reg['name']} | " + " | ".join(cells) + f" | {total} |")
    lines += ["", "`TO` = a target and an outcome in the same year but for different indicators; `P<n>` = n pairs.", ""]
    # pairs per year
    lines += ["## Pairs per year (floor reading)", "", "| year | pairs | met | missed | met rate | regions | "
              "official (both sides) | by indicator |", "|---|---|---|---|---|---|---|---|"]
    for y in sorted({p["year"] for p in pairs}):
        ps = [p for p in pairs if p["year"] == y]
        met = sum(1 for p in ps if p["met_floor"] == "yes")
        by_ind = defaultdict(int)
        for p in ps:
            by_ind[p["indicator"]] += 1
        lines.append(f"| {y} | {len(ps)} | {met} | {len(ps) - met} | {100 * met / len(ps):.0f}% | "
                     f"{len({p['region'] for p in ps})} | {sum(1 for p in ps if p['evidence'] == 'official')} | "
                     + ", ".join(f"{k} {n}" for k, n in sorted(by_ind.items())) + " |")
    met = sum(1 for p in pairs if p["met_floor"] == "yes")
    if pairs:
        lines.append(f"| all | {len(pairs)} | {met} | {len(pairs) - met} | {100 * met / len(pairs):.0f}% | "
                     f"{len({p['region'] for p in pairs})} | {sum(1 for p in pairs if p['evidence'] == 'official')} | |")
    # how found
    lines += ["", "## How each year's pairs were found", "",
              "Where the two sides of each pair come from (raw file of the kept row), whether the outcome phrase "
              "itself headlines success (超额完成, 好于预期, exceeded ...) or a miss, and how many pairs rest on a "
              "roundup page (one address giving five or more regions' targets):", "",
              "| year | pairs | met | target from | outcome from | same page for both | roundup targets | "
              "outcome phrase: success / miss / neutral |", "|---|---|---|---|---|---|---|---|"]
    addr_regions = defaultdict(set)
    for v in report["raw_rows"]:
        addr_regions[v["source_url"].strip()].add(v["_region"]["id"])
    tindex = {(rid, t["indicator"], int(t["year"])): t for rid, ts in tgts.items() for t in ts}
    hindex = {(rid, h["indicator"], h["year"]): h for rid, hs in hist.items() for h in hs
              if h["basis"] == "first-published"}
    for y in sorted({p["year"] for p in pairs}):
        ps = [p for p in pairs if p["year"] == y]
        tf, of = defaultdict(int), defaultdict(int)
        roundup = succ = miss = same = 0
        for p in ps:
            if p["target_source"] == p["outcome_source"]:
                same += 1
            t = tindex[(p["region"], p["indicator"], y)]
            h = hindex[(p["region"], p["indicator"], y)]
            tf[t["_raw"]["_file"]] += 1
            of[h["_raw"]["_file"]] += 1
            if len(addr_regions[t["source"]]) >= 5:
                roundup += 1
            q = h["_quote"].lower()
            if any(w.lower() in q for w in SUCCESS_WORDS):
                succ += 1
            elif any(w.lower() in q for w in MISS_WORDS):
                miss += 1
        fmt_files = lambda d: ", ".join(f"{k.replace('_targets_outcomes.csv', '').replace('.csv', '')} {n}"
                                        for k, n in sorted(d.items()))
        met = sum(1 for p in ps if p["met_floor"] == "yes")
        lines.append(f"| {y} | {len(ps)} | {met} | {fmt_files(tf)} | {fmt_files(of)} | {same} | {roundup} | "
                     f"{succ} / {miss} / {len(ps) - succ - miss} |")
    lines += ["", "Reading the table: a page that states a target and its outcome side by side (a plan-execution "
              "table, a next-year report quoting last year's target) can choose what to show; 'same page for both' "
              "counts them. The quotes are short phrases, so the success/miss column counts only phrases that "
              "say so in their own words; most say neither. Targets from roundup pages (中新网's annual lists of "
              "31 provinces' targets, 2015 and 2021–2023) are taken whatever the outcome, which works against a "
              "success bias; outcomes were looked up for the targets found, so a year's pairs are as complete as "
              "its outcome pages."]
    lines += ["", "The gatherers' own account of their queries, hits and misses (quoted from their notes; the "
              "full notes are in `sources/`):", ""]
    used_files = {v["_file"] for v in report["raw_rows"]}
    md_files = [f.with_suffix(".md") for f in files + extra_files if f.name in used_files]
    if level == "province":
        md_files = [SRC / "provinces_targets_outcomes.md"] + [m for m in md_files if m.name != "provinces_targets_outcomes.md"]
    for md in md_files:
        sec = notes_sections(md, r"\bhow\b|\bwhy\b")
        if sec:
            lines.append(f"From `sources/{md.name}`:")
            lines += sec
            lines.append("")
    # concepts of the pairs
    lines += ["## Investment coverage and revenue basis of the pairs", "",
              "| region | year | indicator | target wording | outcome |", "|---|---|---|---|---|"]
    for p in sorted(pairs, key=lambda p: (p["indicator"], p["year"], p["region"])):
        if p["indicator"] not in ("fai", "budget_revenue"):
            continue
        t = tindex[(p["region"], p["indicator"], p["year"])]
        h = hindex[(p["region"], p["indicator"], p["year"])]
        if p["indicator"] == "fai":
            tc, oc = fai_coverage(t["_raw"]), h["_raw"]["_concept"]
        else:
            tc = "同口径" if "同口径" in (t["quote"] + t["_raw"].get("unit", "")) else "as reported"
            oc = h["_raw"]["_concept"] or "as reported"
        lines.append(f"| {p['region']} | {p['year']} | `{p['indicator']}` | {tc} | {oc} |")
    lines.append("")
    # conflicts and weak evidence
    lines += ["## Conflicts (the kept value first)", ""] + (report["conflicts"] or ["- none"])
    lines += ["", "## Weaker evidence: pairs resting on mirror or aggregator pages", ""]
    weak = [p for p in pairs if p["evidence"] == "mirror"]
    lines.append(f"{len(weak)} of {len(pairs)} pairs have at least one side known only from a mirror, repost or "
                 "aggregator page:")
    lines.append("")
    for p in sorted(weak, key=lambda p: (p["year"], p["region"], p["indicator"])):
        side = " and ".join(s for s, e in (("target", p["target_evidence"]), ("outcome", p["outcome_evidence"]))
                            if e == "mirror")
        lines.append(f"- {p['year']} {p['region']} `{p['indicator']}`: {side} ({host(p['target_source']) if 'target' in side else ''}"
                     f"{' / ' if side == 'target and outcome' else ''}{host(p['outcome_source']) if 'outcome' in side else ''})")
    late = [(rid, h) for rid, hs in hist.items() for h in hs if h["_raw"]["_late"]]
    if late:
        lines += ["", "Outcomes kept although published after March or of unchecked vintage (nothing earlier found):", ""]
        for rid, h in sorted(late, key=lambda x: (x[1]["year"], x[0])):
            lines.append(f"- {rid} `{h['indicator']}` {h['year']} = {h['value']} (`{h['_raw']['unit']}`)")
    lines += ["", "## Pairs not made", ""] + (skipped_pairs or ["- none"])
    # missing
    lines += ["", "## What is missing", ""]
    no_pairs = [r["name"] for r in regions if not any(p["region"] == r["id"] for p in pairs)]
    lines.append(f"- Regions without a single pair: {', '.join(no_pairs) if no_pairs else 'none'}.")
    t_only = sorted((rid, t["indicator"], int(t["year"])) for rid, ts in tgts.items() for t in ts
                    if (rid, t["indicator"], int(t["year"])) not in hindex)
    o_only = sorted(k for k in hindex if k not in tindex and k[1] in
                    ("gdp", "retail", "fai", "budget_revenue", "cpi", "unemployment", "industry_va", "urban_income",
                     "rural_income"))
    lines.append(f"- Targets without a first-published outcome: {len(t_only)}; outcomes without a target: {len(o_only)}.")
    lines.append("- Targets waiting for their outcome: " + "; ".join(f"{a} {b} {c}" for a, b, c in t_only) + ".")
    by_year = defaultdict(int)
    for p in pairs:
        by_year[p["year"]] += 1
    thin = [str(y) for y in all_years if by_year[y] < 3]
    lines.append(f"- Years with fewer than three pairs: {', '.join(thin) if thin else 'none'}.")
    lines += ["", "## Rows dropped by validation", ""]
    for r, why in report["dropped"]:
        lines.append(f"- [{where(r)}] {r.get('region', '')} {r.get('indicator', '')} {r.get('year', '')} "
                     f"({r.get('kind', '')}) = {r.get('value', '')} `{r.get('unit', '')}`: {why}")
    if report["warnings"]:
        lines += ["", "## Warnings", ""] + [f"- {w}" for w in report["warnings"]]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE, help="root to write into (default: notebooks-data/)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    out = args.out.resolve()

    rows = read_rows(OBSERVATIONS, "observations.csv") + read_rows(AMENDMENTS, "amendments.csv") \
        + read_rows(RUIJIN_EXTRA, "ruijin/report-targets-extra.csv")
    table = load_map()
    choices = load_choices()
    log, unused = defaultdict(list), defaultdict(list)
    kept = screen_national(rows, table, unused)
    history = curate_history(kept, choices, log, unused)
    targets = curate_national_targets(kept, choices, log, unused)

    all_pairs = []
    for region, folder in NATIONAL.items():
        h = sorted(history[region], key=lambda x: (x["indicator"], x["measure"], x["basis"] != "first-published",
                                                   x["basis"], x["year"]))
        t = sorted(targets[region], key=lambda x: (x["indicator"], x["year"]))
        pairs = make_pairs(folder, "national" if folder == "china" else "province", t, h, [])
        all_pairs += pairs
        write_csv(out / folder / "history.csv", HIST_FIELDS, h)
        write_csv(out / folder / "targets.csv", TGT_FIELDS, t)
        (out / folder / "SOURCES.md").write_text(
            national_sources_md(region, folder, table, h, t, pairs, log[region], unused[region]), encoding="utf-8")

    report_text = RUIJIN_REPORT.read_text(encoding="utf-8")
    rj = sorted(targets["Ruijin"], key=lambda x: x["indicator"])
    for x in rj:
        if x["quote"] not in report_text:
            fail(f"Ruijin target {x['indicator']}: quote '{x['quote']}' is not in {RUIJIN_REPORT.name}")
    write_csv(out / "ruijin" / "targets.csv", TGT_FIELDS, rj)

    extras = sorted(SRC.glob(EXTRA_GLOB))
    summary = []
    for level, folder, files in (("province", "provinces", PROVINCE_FILES), ("city", "jiangxi-cities", CITY_FILES)):
        hist, tgts, report = curate_regional(level, files, extras, log)
        if level == "city":
            # Ruijin's 2022 report targets (ruijin/targets.csv) are a city's targets too.
            for x in rj:
                if x["indicator"] in {i for i, _ in INDICATORS.values()} and not any(
                        t["indicator"] == x["indicator"] and int(t["year"]) == int(x["year"]) for t in tgts["ruijin"]):
                    tgts["ruijin"].append(dict(x, _raw={"_file": "ruijin-2022-government-work-report.txt",
                                                        "quote": x["quote"], "unit": "%", "_tokens": []}))
        root = out / folder
        if root.exists():
            for d in root.iterdir():
                if d.is_dir() and (d / "history.csv").exists():
                    shutil.rmtree(d)
        skipped = []
        pairs = []
        ids = sorted(set(hist) | set(tgts))
        for rid in ids:
            level_name = "province" if level == "province" else "city"
            h = sorted(hist.get(rid, []), key=lambda x: (x["indicator"], x["measure"], x["basis"] != "first-published",
                                                          x["basis"], x["year"]))
            t = sorted(tgts.get(rid, []), key=lambda x: (x["indicator"], int(x["year"])))
            pairs += make_pairs(rid, level_name, t, h, skipped)
            write_csv(root / rid / "history.csv", HIST_FIELDS, h)
            write_csv(root / rid / "targets.csv", TGT_FIELDS, t)
        (root / "SOURCES.md").write_text(
            regional_sources_md(level, folder, files, extras, hist, tgts, pairs, report, skipped), encoding="utf-8")
        all_pairs += pairs
        summary.append((folder, len(ids), sum(len(v) for v in hist.values()), sum(len(v) for v in tgts.values()),
                        len(pairs), len(report["dropped"])))

    all_pairs.sort(key=lambda p: ({"national": 0, "province": 1, "city": 2}[p["level"]] if p["region"] != "jiangxi" else 0.5,
                                  p["region"], p["indicator"], p["year"]))
    write_csv(out / "calibration" / "pairs.csv", PAIR_FIELDS, all_pairs)

    if not args.quiet:
        print(f"Ruijin: {len(rj)} targets, every quote found verbatim in the report")
        for region in NATIONAL:
            print(f"{region}: {len(history[region])} history rows, {len(targets[region])} targets, "
                  f"{len(unused[region])} raw rows not used")
        for folder, n, nh, nt, np_, nd in summary:
            print(f"{folder}: {n} regions, {nh} history rows, {nt} targets, {np_} pairs, {nd} raw rows dropped")
        years = {p["year"] for p in all_pairs}
        print(f"calibration/pairs.csv: {len(all_pairs)} pairs, {len({p['region'] for p in all_pairs})} regions, "
              f"{len(years)} years ({min(years)}–{max(years)})")


if __name__ == "__main__":
    main()
