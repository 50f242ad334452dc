"""Regenerates llt_realgdp.json: local linear trend (statsmodels UnobservedComponents 'lltrend',
exact diffuse initialisation) on annual US real GDP growth (statsmodels macrodata, Q4 to Q4,
percent), at the statsmodels MLE and at fixed parameters, with and without missing years.
Also the two-variance model, and the Nile volume (1871-1970, interior MLE for the level variance) (level + slope, no irregular).  Run: python3 llt_generate.py"""
import json
import numpy as np
import statsmodels.api as sm
from statsmodels.tsa.statespace.structural import UnobservedComponents

d = sm.datasets.macrodata.load_pandas().data
growth = 100 * np.diff(np.log(d.realgdp.values[3::4]))          # 1960..2008, 49 values
years = list(range(1960, 1960 + len(growth)))
missing = growth.copy()
missing[[0, 5, 6, 20, len(growth) - 1]] = np.nan                # first, a gap of two, last


def case(y, irregular, fixed):
    kw = dict(level=True, stochastic_level=True, trend=True, stochastic_trend=True,
              irregular=irregular, use_exact_diffuse=True)
    model = UnobservedComponents(y, **kw)
    fit = model.fit(disp=False, method="lbfgs", maxiter=2000)
    at_fixed = model.filter(np.array(fixed))
    return {
        "mle_params": fit.params.tolist(),          # sigma2 irregular (if any), level, trend
        "mle_loglikelihood": float(fit.llf),
        "mle_filtered_states": fit.filtered_state.T.tolist(),      # rows = years, (level, slope)
        "fixed_params": list(fixed),
        "fixed_loglikelihood": float(at_fixed.llf),
        "fixed_filtered_states": at_fixed.filtered_state.T.tolist(),
        "fixed_filtered_covariances": [c.flatten(order="F").tolist() for c in at_fixed.filtered_state_cov.T],
        "nobs_diffuse": int(at_fixed.filter_results.nobs_diffuse),
    }


def clean(v):
    return [None if np.isnan(x) else float(x) for x in v]


out = {"source": "statsmodels macrodata realgdp, annual (Q4) growth in percent, 1960-2008",
       "years": years, "series": clean(growth), "series_missing": clean(missing),
       "three_variance": case(growth, True, (4.0, 0.5, 0.05)),
       "three_variance_missing": case(missing, True, (4.0, 0.5, 0.05)),
       "two_variance": case(growth, False, (3.0, 0.1)),
       "two_variance_missing": case(missing, False, (3.0, 0.1))}
nile = sm.datasets.nile.load_pandas().data.volume.values.astype(float)   # 1871..1970
out["nile_series"] = clean(nile)
out["nile"] = case(nile, True, (15000.0, 1500.0, 1.0))
with open("llt_realgdp.json", "w") as f:
    json.dump(out, f, indent=1)
