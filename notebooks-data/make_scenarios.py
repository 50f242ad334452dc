#!/usr/bin/env python3
"""Write the scenario files of scenarios/ from the curated tables (Python 3.11, stdlib only).

    python3 notebooks-data/make_scenarios.py

Targets are copied from notebooks-data/<region>/targets.csv (value, bound, tolerance, quote), so a
scenario can never disagree with the curated table. Paths in the scenarios are relative to the
scenario file. The proxy rule for Ruijin and for the calibration-city template (which history each
indicator uses) is computed here from the coverage of the histories and printed, so that
scenarios/README.md can quote it.

Writes ruijin-2022*.json, china-<year>.json, china-backtest.json, jiangxi-backtest.json, the two
calibration templates (calibration-province.json, calibration-city.json) and calibration-set.json
(every province and Jiangxi city with at least one target in notebooks-data/provinces/ and
notebooks-data/jiangxi-cities/).
"""

import csv
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "scenarios"
REL = "../notebooks-data"

NAMES = {
    "gdp": ("地区生产总值", "Gross regional product"),
    "industry_va": ("规上工业增加值", "Value added of industry above designated size"),
    "budget_revenue": ("一般公共预算收入", "General public budget revenue"),
    "fai": ("固定资产投资", "Fixed-asset investment"),
    "retail": ("社会消费品零售总额", "Retail sales of consumer goods"),
    "fdi_usd": ("实际利用外资", "Foreign capital actually used (growth in US dollars)"),
    "exports_usd": ("外贸出口总额", "Exports (growth in US dollars)"),
    "urban_income": ("城镇居民人均可支配收入", "Urban per-capita disposable income (nominal)"),
    "rural_income": ("农村居民人均可支配收入", "Rural per-capita disposable income (nominal)"),
    "cpi": ("居民消费价格", "Consumer prices (CPI change)"),
    "unemployment": ("城镇调查失业率", "Surveyed urban unemployment rate (annual average)"),
    "unemployment_registered": ("城镇登记失业率", "Registered urban unemployment rate (year end)"),
    "industry_revenue": ("规上工业营业收入", "Operating revenue of industry above designated size"),
    "grain": ("粮食产量", "Grain output"),
    "hogs": ("生猪出栏", "Hogs slaughtered"),
    "new_jobs": ("城镇新增就业", "New urban jobs"),
}
NATIONAL_GDP_NAME = ("国内生产总值", "Gross domestic product")

MODEL_BVAR = {"type": "bvar", "lags": 1, "prior": "minnesota", "parameter_uncertainty": True}
# Ruijin's proxy panel is ragged (income series: 7 scattered Jiangxi years, none in 2021): a
# VAR/BVAR needs every indicator in the last year, so the Ruijin scenarios state the model that
# can run, per-indicator AR(1) joined by a shrunk residual correlation.
MODEL_RUIJIN = {"type": "ar1", "parameter_uncertainty": True}
SHOCKS = {"distribution": "student-t", "dof": 6, "scale": 1.0}

# Surveyed unemployment: the national within-year monthly ranges (for the judgment's spread).
MONTHLY_RANGE_SOURCES = ("http://www.icqqn.cn/society/2019/0121/63902.html (2018: 4.8%-5.1%); "
                         "http://www.cnr.cn/jingji/gundong/20200129/t20200129_524952454.shtml (2019: 5.0%-5.3%)")
UNEMPLOYMENT_SD = 0.3


def read_csv(path):
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def first_published_years(region, indicator, measure, start, end, exclude):
    rows = read_csv(HERE / region / "history.csv")
    return sorted(int(r["year"]) for r in rows
                  if r["indicator"] == indicator and r["measure"] == measure and r["basis"] == "first-published"
                  and start <= int(r["year"]) <= end and int(r["year"]) not in exclude)


def name(ind, national=False):
    zh, en = NATIONAL_GDP_NAME if (national and ind == "gdp") else NAMES[ind]
    return {"zh": zh, "en": en}


def unemployment_anchor(last_year):
    """(value, what, source) of the last national surveyed rate known when the year's targets were
    set: the annual average of last_year from china/history.csv, else its December (year-end) rate."""
    rows = read_csv(HERE / "china" / "history.csv")
    for ind, what in (("unemployment", "annual average"), ("unemployment_yearend", "December (year-end) rate")):
        for r in rows:
            if r["indicator"] == ind and int(r["year"]) == last_year and r["basis"] == "first-published":
                return float(r["value"]), what, r["source"]
    raise SystemExit(f"no national surveyed unemployment rate for {last_year} in china/history.csv")


def unemployment_judgment(last_year, who):
    mean, what, url = unemployment_anchor(last_year)
    note = ("" if what == "annual average" else
            f" The {last_year} annual average is not in the data (its only stored page has a broken address), "
            f"so the {what} stands in.")
    return {
        "distribution": "normal", "mean": mean, "sd": UNEMPLOYMENT_SD,
        "rationale": (f"{who} No usable annual history: the surveyed rate's annual average is published "
                      f"only from 2021 in our data. Mean = the national {what} of {last_year} "
                      f"({fmt(mean)}%), the last value known when the target was set (a random-walk judgment).{note} "
                      f"sd = {UNEMPLOYMENT_SD} pp, the spread of the national monthly rates within a year "
                      f"(2018: 4.8%-5.1%; 2019: 5.0%-5.3%; sources {MONTHLY_RANGE_SOURCES})."),
        "source": url,
    }


def fmt(x):
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return text if text != "-0" else "0"


def target_json(row, level_note=None):
    """A scenario target from a targets.csv row: the bound as written (at_least, at_most, around +
    tolerance, range [a, b]), measure and quote."""
    t = {"indicator": row["indicator"], "year": int(row["year"])}
    value = float(row["value"])
    if row["bound"] == "range":
        t["range"] = [value, float(row["upper"])]
    else:
        t[row["bound"]] = value
    if row["bound"] == "around":
        t["tolerance"] = float(row["tolerance"])
    t["measure"] = row["measure"]
    t["quote"] = row["quote"]
    if level_note is not None:
        t["last_level"] = None
        t["last_level_note"] = level_note
    return t


# Every forecast scenario runs the calibrated default: the combination file written by
# `forecast calibrate scenarios/calibration-set.json --out notebooks-data/calibration/combination.json`,
# and the region id of its targets in that file's records.
COMBINATION = "../notebooks-data/calibration/combination.json"
CALIBRATION_REGION = {"ruijin-2022": "ruijin", "china-20": "china"}


def write(name_, doc):
    for prefix, region in CALIBRATION_REGION.items():
        if name_.startswith(prefix) and "backtest" not in name_:
            doc["calibration"] = {"file": COMBINATION, "region": region}
    path = OUT / name_
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("wrote", path.relative_to(HERE.parent))


# ---------------------------------------------------------------- Ruijin 2022

RUIJIN_WINDOW = (2004, 2021, [2020])
RUIJIN_MIN_YEARS = 8
# Jiangxi's income series are nominal; China's are real (a different concept): never swap.
NOMINAL_ONLY_IN_JIANGXI = {"urban_income", "rural_income"}
RUIJIN_LEVEL_NOTE = ("Ruijin's own {year} level is not in the shipped data (Jiangxi and China levels "
                     "are not Ruijin's), so this level target is kept but not evaluated. Fill in "
                     "Ruijin's {year} {what} from its statistical communiqué, with its source, to "
                     "evaluate it.")
RUIJIN_LEVEL_WHAT = {"industry_revenue": "规上工业营业收入 (亿元)", "grain": "粮食产量 (万吨)",
                     "hogs": "生猪出栏 (万头)"}


def ruijin_indicators():
    start, end, exclude = RUIJIN_WINDOW
    targets = read_csv(HERE / "ruijin" / "targets.csv")
    order = ["gdp", "industry_va", "budget_revenue", "fai", "retail", "fdi_usd", "exports_usd",
             "urban_income", "rural_income", "cpi", "unemployment", "industry_revenue", "grain", "hogs"]
    measures = {t["indicator"]: t["measure"] for t in targets}
    inds, report = [], []
    for ind in order:
        measure = measures[ind]
        if ind == "unemployment":
            inds.append({"id": ind, "name": name(ind), "judgment": unemployment_judgment(
                2021, "Ruijin's and Jiangxi's surveyed rates are not in the data; the national rate "
                      "is used as the judgment anchor.")})
            report.append((ind, "judgment", "national surveyed rate 2021 (see rationale)"))
            continue
        jx = first_published_years("jiangxi", ind, measure, start, end, exclude)
        cn = first_published_years("china", ind, measure, start, end, exclude)
        entry = {"id": ind, "name": name(ind), "model_on": measure}
        if len(jx) >= RUIJIN_MIN_YEARS or ind in NOMINAL_ONLY_IN_JIANGXI or not cn:
            report.append((ind, "Jiangxi", f"Jiangxi {len(jx)} years {jx}; China {len(cn)}"))
        else:
            entry["history_region"] = "China"
            entry["history"] = f"{REL}/china/history.csv"
            report.append((ind, "China", f"Jiangxi {len(jx)} years {jx}; China {len(cn)} years"))
        inds.append(entry)
    return inds, report, targets


def ruijin(variant):
    inds, report, targets = ruijin_indicators()
    tjson = []
    for row in targets:
        note = None
        if row["measure"] == "level":
            note = RUIJIN_LEVEL_NOTE.format(year=2021, what=RUIJIN_LEVEL_WHAT[row["indicator"]])
        tjson.append(target_json(row, note))
    start, end, exclude = RUIJIN_WINDOW
    titles = {"baseline": "Ruijin 2022 baseline", "downside": "Ruijin 2022 downside: epidemic and property risks",
              "upside": "Ruijin 2022 upside: project and development-zone push",
              "fai5": "Ruijin 2022 what if: fixed-asset investment grows 5%"}
    doc = {
        "name": titles[variant],
        "region": "瑞金市",
        "history": f"{REL}/jiangxi/history.csv",
        "history_proxy": {"region": "Jiangxi", "note": (
            "Ruijin's own annual history is not in the shipped data. Jiangxi province's first-published "
            "series stand in for Ruijin's growth dynamics; an indicator with fewer than "
            f"{RUIJIN_MIN_YEARS} Jiangxi years in {start}-{end} (2020 excluded) uses China's series "
            "instead (history_region), except the income series, which only Jiangxi publishes in "
            "nominal terms (China's are real). Surveyed unemployment has no usable history and carries "
            "a sourced judgment. Swap in Ruijin's own tidy CSV by setting \"history\".")},
        "base_year": 2021,
        "horizon_end": 2022,
        "estimation": {"from": start, "to": end, "exclude": exclude},
        "model": dict(MODEL_RUIJIN),
        "shocks": dict(SHOCKS),
        "simulation": {"paths": 200000, "seed": 2022},
        "confidence": 0.8,
        "indicators": inds,
        "targets": tjson,
        "risks": [],
        "adjustments": [],
    }
    if variant == "downside":
        doc["risks"] = [
            {"name": "local epidemic resurgence", "probability": 0.3, "year": 2022,
             "impact_pp": {"gdp": -1.9, "retail": -6.0, "fai": -1.3, "industry_va": -1.5, "budget_revenue": -3.9},
             "persistence": 0.3,
             "rationale": ("Impacts are half of the national swing from 2019 to 2020 in our China history "
                           "(GDP 6.1 -> 2.3, retail 8.0 -> -3.9, FAI 5.4 -> 2.9, industrial value added "
                           "5.7 -> 2.8, budget revenue 3.8 -> -3.9 percent): a local outbreak with short "
                           "lockdowns, not a national one. The report itself plans for it "
                           "(坚持“外防输入、内防反弹”总策略,毫不放松抓好常态化疫情防控). Probability 0.3 and "
                           "the halving are scenario assumptions, not estimates; persistence 0.3 carries a "
                           "little into 2023.")},
            {"name": "property slowdown", "probability": 0.5, "year": 2022,
             "impact_pp": {"fai": -3.0, "budget_revenue": -3.0, "gdp": -0.7, "retail": -1.0},
             "persistence": 0.5,
             "rationale": ("The report names property risk (积极防范和化解金融、房地产等领域重大风险; "
                           "坚持房住不炒). Real-estate investment and land-related taxes weigh on FAI and "
                           "budget revenue first. Our data have no property series to calibrate on: the "
                           "probability (0.5, as national property sales were falling at the turn of 2022) "
                           "and the sizes are stated scenario assumptions; persistence 0.5 because a "
                           "property downturn is slow.")},
        ]
    if variant == "upside":
        doc["risks"] = [
            {"name": "development-zone and project push lifts investment", "probability": 0.5, "year": 2022,
             "impact_pp": {"fai": 2.0, "gdp": 0.5, "industry_va": 1.0},
             "persistence": 0.5,
             "rationale": ("The report plans to 加快瑞兴于“3+2”经济振兴试验区建设 and to expand the "
                           "development zone (力争新增开发面积2000亩以上); if approvals and funding come "
                           "early, investment rises first, then industry and output. Probability and "
                           "sizes are stated scenario assumptions, not estimates.")},
        ]
        doc["adjustments"] = [
            {"indicator": "fai", "year": 2022, "shift_pp": 1.0,
             "reason": ("Project plan in the report: 今年初步谋划实施重点项目168个,总投资670亿元,年度计划投资175亿元 "
                        "(a stated judgment that the plan adds 1 pp above the proxy's dynamics).")},
        ]
    if variant == "fai5":
        doc["conditions"] = [
            {"indicator": "fai", "year": 2022, "value": 5.0,
             "reason": ("What if fixed-asset investment grows only 5% in 2022, half its 10% target? A hard "
                        "condition: every path has FAI at 5%, and the other indicators move with it through "
                        "the models' shock correlation (Gaussian conditioning of the correlated shocks).")},
        ]
    write(f"ruijin-2022{'' if variant == 'baseline' else '-' + variant}.json", doc)
    return report


# ---------------------------------------------------------------- China years

CHINA_MODELLED = ["gdp", "cpi", "industry_va", "retail", "fai"]


def china_year(year):
    targets = [t for t in read_csv(HERE / "china" / "targets.csv") if int(t["year"]) == year]
    if not targets:
        raise SystemExit(f"no China targets for {year}")
    ids = {t["indicator"] for t in targets}
    inds = [{"id": i, "name": name(i, national=True), "model_on": "rate_pct" if i == "cpi" else "growth_pct"}
            for i in CHINA_MODELLED]
    for lvl in ("new_jobs", "grain"):
        if lvl in ids:
            inds.append({"id": lvl, "name": name(lvl), "model_on": "level"})
    if "unemployment" in ids:
        inds.append({"id": "unemployment", "name": name("unemployment"),
                     "judgment": unemployment_judgment(year - 1, "National surveyed rate.")})
    unknown = ids - {i["id"] for i in inds}
    if unknown:
        raise SystemExit(f"China {year}: targets without indicator {unknown}")
    doc = {
        "name": f"China {year} work-report targets",
        "region": "全国",
        "history": f"{REL}/china/history.csv",
        "base_year": year - 1,
        "horizon_end": year,
        "estimation": {"from": 2004, "to": year - 1, "exclude": [2020, 2021]},
        "model": dict(MODEL_BVAR),
        "shocks": dict(SHOCKS),
        "simulation": {"paths": 200000, "seed": year},
        "confidence": 0.8,
        "indicators": inds,
        "targets": [target_json(t) for t in sorted(targets, key=lambda t: t["indicator"])],
        "risks": [],
        "adjustments": [],
    }
    write(f"china-{year}.json", doc)


RATE_IDS = ("cpi", "unemployment_registered", "unemployment")


def model_on(i):
    return "rate_pct" if i in RATE_IDS else ("level" if i in ("new_jobs", "grain") else "growth_pct")


def backtest(region, file, title, indicators, start, end, est_from, targets_note_ids):
    inds = [{"id": i, "name": name(i, national=(region == "china")), "model_on": model_on(i)} for i in indicators]
    doc = {
        "name": title,
        "region": "全国" if region == "china" else "江西省",
        "history": f"{REL}/{region}/history.csv",
        "base_year": start - 1,
        "horizon_end": end,
        "estimation": {"from": est_from, "to": end - 1, "exclude": [2020, 2021]},
        "model": dict(MODEL_BVAR),
        "shocks": dict(SHOCKS),
        "simulation": {"paths": 100000, "seed": 2010},
        "confidence": 0.8,
        "indicators": inds,
        "targets": [],
        "risks": [],
        "adjustments": [],
        "backtest": {"from": start, "to": end, "targets": f"{REL}/{region}/targets.csv"},
    }
    write(file, doc)


# ---------------------------------------------------------------- calibration set

CALIBRATION_INDICATORS = ["gdp", "retail", "fai", "budget_revenue", "cpi", "unemployment"]
CALIBRATION_WINDOW = (2003, 2024, [2020, 2021])
CALIBRATION_BACKTEST = (2010, 2025)
CALIBRATION_SET_YEARS = (2005, 2025)
CALIBRATION_MIN_YEARS = 8
CALIBRATION_SIMULATION = {"paths": 20000, "seed": 2010}


def calibration_template(kind):
    """calibration-province.json (China's history as the proxy of every indicator) or
    calibration-city.json (Jiangxi's history where Jiangxi has >= 8 first-published years in the
    estimation window, else China's, per indicator as in ruijin-2022.json). Returns the proxy report."""
    start, end, exclude = CALIBRATION_WINDOW
    bt_from, bt_to = CALIBRATION_BACKTEST
    inds, report = [], []
    for ind in CALIBRATION_INDICATORS:
        measure = model_on(ind)
        entry = {"id": ind, "name": name(ind), "model_on": measure}
        if kind == "city":
            jx = first_published_years("jiangxi", ind, measure, start, end, exclude)
            cn = first_published_years("china", ind, measure, start, end, exclude)
            if len(jx) >= CALIBRATION_MIN_YEARS:
                report.append((ind, "Jiangxi", f"Jiangxi {len(jx)} years {jx}; China {len(cn)}"))
            else:
                entry["history_region"] = "China"
                entry["history"] = f"{REL}/china/history.csv"
                report.append((ind, "China", f"Jiangxi {len(jx)} years {jx}; China {len(cn)} years"))
        inds.append(entry)
    if kind == "province":
        doc = {
            "name": "Calibration template: a province's targets forecast on China's history",
            "region": "省级 (template; the calibration set names the province)",
            "history": f"{REL}/china/history.csv",
            "history_proxy": {"region": "China", "note": (
                "A province's own annual history is not in the shipped data: China's first-published series "
                "stand in for every province's dynamics. The calibration set (calibration-set.json) runs this "
                "template once per province with that province's targets and first-published outcomes; the "
                "backtest targets below are a placeholder (Beijing).")},
        }
        placeholder = f"{REL}/provinces/beijing/targets.csv"
    else:
        doc = {
            "name": "Calibration template: a Jiangxi city's targets forecast on Jiangxi's (or China's) history",
            "region": "江西省设区市 (template; the calibration set names the city)",
            "history": f"{REL}/jiangxi/history.csv",
            "history_proxy": {"region": "Jiangxi", "note": (
                "A city's own annual history is not in the shipped data: Jiangxi province's first-published "
                f"series stand in; an indicator with fewer than {CALIBRATION_MIN_YEARS} Jiangxi years in "
                f"{start}-{end} ({', '.join(map(str, exclude))} excluded) uses China's series instead "
                "(history_region), as in ruijin-2022.json. The calibration set runs this template once per city "
                "with that city's targets and outcomes; the backtest targets below are a placeholder (Nanchang).")},
        }
        placeholder = f"{REL}/jiangxi-cities/nanchang/targets.csv"
    doc.update({
        "base_year": bt_from - 1,
        "horizon_end": bt_to,
        "estimation": {"from": start, "to": end, "exclude": exclude},
        "model": dict(MODEL_RUIJIN),
        "shocks": dict(SHOCKS),
        "simulation": dict(CALIBRATION_SIMULATION),
        "confidence": 0.8,
        "indicators": inds,
        "targets": [],
        "risks": [],
        "adjustments": [],
        "backtest": {"from": bt_from, "to": bt_to, "targets": placeholder},
    })
    write(f"calibration-{kind}.json", doc)
    return report


def calibration_set():
    regions = [{"id": "china", "name": "全国 (China)", "scenario": "china-backtest.json"},
               {"id": "jiangxi", "name": "江西 (Jiangxi)", "scenario": "jiangxi-backtest.json"}]
    counts = {"province": 0, "city": 0}
    for r in read_csv(HERE / "regions.csv"):
        folder = "provinces" if r["level"] == "province" else "jiangxi-cities"
        targets = HERE / folder / r["id"] / "targets.csv"
        if not targets.exists() or not read_csv(targets):
            continue
        counts[r["level"]] += 1
        regions.append({
            "id": r["id"], "name": r["name"],
            "scenario": f"calibration-{r['level']}.json",
            "targets": f"{REL}/{folder}/{r['id']}/targets.csv",
            "outcomes": f"{REL}/{folder}/{r['id']}/history.csv",
            "proxy": "China" if r["level"] == "province" else "Jiangxi",
        })
    a, b = CALIBRATION_SET_YEARS
    doc = {"name": "Calibration set: China, Jiangxi, provinces and Jiangxi's cities",
           "calibration_set": {"from": a, "to": b, "regions": regions}}
    write("calibration-set.json", doc)
    return counts


def main():
    OUT.mkdir(exist_ok=True)
    report = None
    for v in ("baseline", "downside", "upside", "fai5"):
        report = ruijin(v)
    for ind, where, why in report:
        print(f"  ruijin {ind:18s} {where:9s} {why}")
    latest = max(int(t["year"]) for t in read_csv(HERE / "china" / "targets.csv"))
    history_last = max(int(r["year"]) for r in read_csv(HERE / "china" / "history.csv"))
    for year in range(2023, min(latest, history_last + 1) + 1):
        china_year(year)
    backtest("china", "china-backtest.json", "China work-report targets, rolling backtest 2010-2024",
             ["gdp", "cpi", "unemployment_registered", "unemployment", "new_jobs", "grain"], 2010, 2024, 2003, None)
    backtest("jiangxi", "jiangxi-backtest.json", "Jiangxi GDP growth targets, rolling backtest 2011-2024",
             ["gdp"], 2011, 2024, 2001, None)
    calibration_template("province")
    for ind, where, why in calibration_template("city"):
        print(f"  calibration-city {ind:15s} {where:9s} {why}")
    counts = calibration_set()
    print(f"  calibration-set: china, jiangxi, {counts['province']} provinces, {counts['city']} cities")


if __name__ == "__main__":
    main()
