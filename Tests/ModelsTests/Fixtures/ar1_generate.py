"""Regenerates ar1_realgdp.json: AR(1) around a mean on annual US real GDP growth (statsmodels
macrodata, Q4 to Q4, percent, 1960-2008): exact ML by statsmodels ARIMA(1,0,0) with a constant
(stationary initialisation, Kalman filter; with missing years too), conditional ML by AutoReg(1),
and the random walk with drift closed form (numpy mean / sd of first differences).
Run: python3 ar1_generate.py"""
import json
import numpy as np
import statsmodels.api as sm
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.ar_model import AutoReg

d = sm.datasets.macrodata.load_pandas().data
growth = 100 * np.diff(np.log(d.realgdp.values[3::4]))
missing = growth.copy()
missing[[0, 5, 6, 20, len(growth) - 1]] = np.nan


def exact(y):
    r = ARIMA(y, order=(1, 0, 0), trend="c").fit()
    return {"mean": float(r.params[0]), "phi": float(r.params[1]), "sigma2": float(r.params[2]),
            "loglikelihood": float(r.llf)}


ar = AutoReg(growth, lags=1, trend="c").fit()
c, phi = ar.params
level = np.log(d.realgdp.values[3::4])[:25] * 100
diffs = np.diff(level)
out = {"years": list(range(1960, 1960 + len(growth))),
       "series": growth.tolist(),
       "series_missing": [None if np.isnan(x) else float(x) for x in missing],
       "exact": exact(growth),
       "exact_missing": exact(missing),
       "conditional": {"intercept": float(c), "phi": float(phi), "mean": float(c / (1 - phi)),
                       "sigma2": float(ar.sigma2)},
       "random_walk": {"series": level.tolist(), "drift": float(diffs.mean()),
                       "sigma": float(diffs.std(ddof=1))}}
with open("ar1_realgdp.json", "w") as f:
    json.dump(out, f, indent=1)
