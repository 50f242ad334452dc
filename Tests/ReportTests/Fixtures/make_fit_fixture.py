#!/usr/bin/env python3
"""Writes fit_macrodata.json: a short annual-like panel and its statsmodels fits, the peer of
FitReportTests (the numbers `forecast fit` must print).

Data: statsmodels.api.datasets.macrodata (public domain), the first 25 quarters of
y = 100 x log-differences of realgdp, realcons, realinv (percent), labelled as the years
1990-2013 (24 rows) so that they read as a short annual history.
Peers: VAR(1) with constant (statsmodels VAR.fit(1, trend="c")): coefficients, stderr,
sigma_u, llf, aic, bic, hqic, companion eigenvalue moduli; exact-ML AR(1) with a constant
(statsmodels ARIMA(1, 0, 0), trend="c") on realgdp: mean, phi, sigma2, llf.
Run: python3 make_fit_fixture.py  (from this directory)
"""
import json
import os

import numpy as np
import statsmodels.api as sm
from statsmodels.tsa.api import VAR
from statsmodels.tsa.arima.model import ARIMA

names = ["realgdp", "realcons", "realinv"]
raw = sm.datasets.macrodata.load_pandas().data[names].values[:25]
y = 100.0 * np.diff(np.log(raw), axis=0)
years = list(range(1990, 1990 + len(y)))

var = VAR(y).fit(1, trend="c")
companion = var.coefs[0]
moduli = sorted(np.abs(np.linalg.eigvals(companion)).tolist(), reverse=True)
ar = ARIMA(y[:, 0], order=(1, 0, 0), trend="c").fit()

out = {
    "source": "statsmodels %s on macrodata (first 25 quarters)" % sm.__version__,
    "indicators": names,
    "years": years,
    "data": y.tolist(),                       # years x indicators, row-major, percent
    "var1": {
        "nobs": int(var.nobs),
        "coefficients": var.params.tolist(),  # (1 + k) x k: const, L1.<indicator>...; columns equations
        "standardErrors": var.stderr.tolist(),
        "sigmaU": var.sigma_u.tolist(),
        "logLikelihood": float(var.llf),
        "aic": float(var.aic), "bic": float(var.bic), "hqic": float(var.hqic),
        "companionModuli": moduli,
    },
    "ar1_realgdp": {"mean": float(ar.params[0]), "phi": float(ar.params[1]),
                    "sigma2": float(ar.params[2]), "logLikelihood": float(ar.llf)},
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fit_macrodata.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path, "T =", len(y), "AR(1):", out["ar1_realgdp"], "moduli", moduli)
