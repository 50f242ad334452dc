"""Reference values for YearEffectsTests (run: python3 year_effects_generate.py > year_effects_reference.json).

An independent implementation of the DerSimonian–Laird random-effects estimate (DerSimonian and
Laird 1986, Controlled Clinical Trials 7, 177-188, eq. 8) on standardised target deviations,
written as a meta-analysis: each year is a "study" whose estimate is its mean standardised
deviation with sampling variance v_t = s2_within / n_t; the shrunk year effect is the BLUP
tau2 / (tau2 + v_t) * ybar_t.
"""
import json
import numpy as np

rng = np.random.default_rng(20261203)
indicators = {"gdp": 1.5, "cpi": 0.8, "fai": 4.0}
records = []
for year, shock in [(2015, 0.0), (2016, 0.3), (2017, -0.2), (2018, 0.1), (2019, 0.0), (2020, -2.5), (2021, 0.4)]:
    for ind, sd in indicators.items():
        for _ in range(int(rng.integers(1, 5))):
            target = round(float(rng.uniform(2, 9)), 1)
            outcome = round(target + sd * (shock + float(rng.normal())), 2)
            records.append({"indicator": ind, "year": year, "target": target, "outcome": outcome})

def estimate(recs):
    dev = np.array([r["outcome"] - r["target"] for r in recs])
    ind = np.array([r["indicator"] for r in recs])
    yr = np.array([r["year"] for r in recs])
    scales = {}
    for i in sorted(set(ind)):
        d = dev[ind == i]
        scales[i] = max(0.1, float(np.std(d, ddof=1))) if len(d) >= 2 else 1.0
    z = dev / np.array([scales[i] for i in ind])
    years = sorted(set(yr))
    ybar = np.array([z[yr == t].mean() for t in years])
    n = np.array([(yr == t).sum() for t in years], dtype=float)
    ss = sum(((z[yr == t] - z[yr == t].mean()) ** 2).sum() for t in years)
    within = ss / (n - 1).sum() if (n - 1).sum() > 0 and ss > 0 else 1.0
    v = within / n
    w = 1 / v
    k = len(years)
    tau2 = 0.0
    if k >= 3:
        mu = (w * ybar).sum() / w.sum()
        q = (w * (ybar - mu) ** 2).sum()
        tau2 = max(0.0, (q - (k - 1)) / (w.sum() - (w ** 2).sum() / w.sum()))
    effects = {str(t): float(tau2 / (tau2 + v[j]) * ybar[j]) for j, t in enumerate(years)}
    return {"variance": float(tau2), "within": float(within), "effects": effects, "scales": scales}

cases = []
for before in (2018, 2021, 2022):
    cases.append({"before": before, **estimate([r for r in records if r["year"] < before])})
print(json.dumps({"records": records, "cases": cases}, indent=1))
