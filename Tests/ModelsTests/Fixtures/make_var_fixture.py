#!/usr/bin/env python3
"""Writes var_macrodata.json: statsmodels VAR(p) results (p = 1, 2) on US macrodata.

Data: statsmodels.api.datasets.macrodata (public domain), quarterly 1959Q1-2009Q3;
y = 100 x log-differences of realgdp, realcons, realinv (percent per quarter).
For each p: OLS coefficients (1 + kp) x k (row 0 the constant, then lag 1 of every
variable, lag 2, ...), standard errors, Sigma_u (df-corrected, T - kp - 1) and its ML
version (divided by T), log-likelihood, AIC/BIC/HQ (statsmodels' definitions), moduli of
the companion eigenvalues, h-step point forecasts and forecast MSE matrices (h = 1..5).
Run: python3 make_var_fixture.py  (from this directory)
"""
import json
import os

import numpy as np
import statsmodels.api as sm
from statsmodels.tsa.api import VAR

names = ["realgdp", "realcons", "realinv"]
raw = sm.datasets.macrodata.load_pandas().data[names]
y = 100.0 * np.diff(np.log(raw.values), axis=0)
T, k = y.shape

cases = []
for p in (1, 2):
    res = VAR(y).fit(p, trend="c")
    steps = 5
    companion = np.zeros((k * p, k * p))
    companion[:k, :] = np.hstack([res.coefs[i] for i in range(p)])
    if p > 1:
        companion[k:, :-k] = np.eye(k * (p - 1))
    moduli = sorted(np.abs(np.linalg.eigvals(companion)).tolist(), reverse=True)
    cases.append({
        "lags": p,
        "nobs": int(res.nobs),
        "coefficients": res.params.tolist(),          # (1 + kp) x k, row-major
        "standardErrors": res.stderr.tolist(),
        "sigmaU": res.sigma_u.tolist(),
        "sigmaUML": res.sigma_u_mle.tolist(),
        "logLikelihood": float(res.llf),
        "aic": float(res.aic),
        "bic": float(res.bic),
        "hqic": float(res.hqic),
        "companionModuli": moduli,
        "forecasts": res.forecast(y[-p:], steps).tolist(),   # steps x k
        "forecastMSE": [m.tolist() for m in res.mse(steps)],  # steps of k x k
    })

out = {
    "source": "statsmodels %s, VAR(...).fit(p, trend='c') on macrodata" % sm.__version__,
    "indicators": names,
    "data": y.tolist(),   # T x k, row-major, percent
    "cases": cases,
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "var_macrodata.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path, "T =", T)
