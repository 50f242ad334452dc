"""Regenerates loglinear_realgdp.json: OLS of 100 log(level) on a time trend (numpy polyfit,
degree 1, with its dof-scaled covariance) for US real GDP (statsmodels macrodata, Q4 values,
1959-1983, billions of chained 2005 dollars), plus a copy with missing years.
Run: python3 loglinear_generate.py"""
import json
import numpy as np
import statsmodels.api as sm

d = sm.datasets.macrodata.load_pandas().data
level = d.realgdp.values[3::4][:25]
years = np.arange(1959, 1959 + len(level))


def fit(y, t):
    (b, a), cov = np.polyfit(t - t[0], 100 * np.log(y), 1, cov=True)   # cov scaled by chi2/(n-2)
    resid = 100 * np.log(y) - (a + b * (t - t[0]))
    return {"intercept_at_first_year": float(a), "slope": float(b),
            "sigma": float(np.sqrt(resid @ resid / (len(y) - 2))),
            "covariance_slope_intercept": cov.tolist()}


keep = np.ones(len(level), bool)
keep[[2, 3, 10, 24]] = False
out = {"years": years.tolist(), "level": level.tolist(),
       "level_missing": [float(v) if k else None for v, k in zip(level, keep)],
       "full": fit(level, years), "missing": fit(level[keep], years[keep])}
with open("loglinear_realgdp.json", "w") as f:
    json.dump(out, f, indent=1)
