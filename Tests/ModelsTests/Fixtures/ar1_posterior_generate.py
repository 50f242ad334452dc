"""Regenerates ar1_posterior.json: posterior moments of the AR(1) around a mean under the exact
likelihood (y_first ~ N(mu, s2/(1-phi^2)); y_b | y_a, g years later ~ N(mu + phi^g (y_a - mu),
s2 (1 - phi^(2g))/(1 - phi^2))), prior flat on mu and log sigma, Jeffreys (1 - phi^2)^(-1/2) on
|phi| <= 0.98, by brute-force quadrature on a (phi, mu, log sigma) grid -- no closed form used.
Series: the first 15 years of US real GDP growth (ar1_realgdp.json "series") and the first 20 of
the series with missing years. Run: python3 ar1_posterior_generate.py"""
import json
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
src = json.load(open(os.path.join(here, "ar1_realgdp.json")))
BOUND = 0.98


def loglik(y, phi, mu, logs):
    """Exact log-likelihood on a grid: phi (P,1,1), mu (1,M,1), logs (1,1,S)."""
    s2 = np.exp(2 * logs)
    obs = [i for i, v in enumerate(y) if v is not None]
    stat = s2 / (1 - phi ** 2)
    ll = -0.5 * (np.log(2 * np.pi * stat) + (y[obs[0]] - mu) ** 2 / stat)
    for a, b in zip(obs, obs[1:]):
        pg = phi ** (b - a)
        v = stat * (1 - pg ** 2)
        ll = ll - 0.5 * (np.log(2 * np.pi * v) + (y[b] - mu - pg * (y[a] - mu)) ** 2 / v)
    return ll


def moments(y):
    vals = np.array([v for v in y if v is not None])
    mu = np.linspace(vals.mean() - 60, vals.mean() + 60, 2401)[None, :, None]
    logs = np.linspace(np.log(vals.std()) - 2.5, np.log(vals.std()) + 2.5, 401)[None, None, :]
    parts = []
    for p in np.linspace(-BOUND, BOUND, 981):
        lp = loglik(y, np.array(p)[None, None, None], mu, logs) - 0.5 * np.log(1 - p ** 2)
        top = lp.max()
        w = np.exp(lp - top)
        parts.append((top, np.array([w.sum(), p * w.sum(), p * p * w.sum(), (w * mu).sum(),
                                     (w * np.exp(2 * logs)).sum()])))
    top = max(t for t, _ in parts)
    acc = sum(np.exp(t - top) * a for t, a in parts)
    z = acc[0]
    m_phi = acc[1] / z
    return {"phiMean": m_phi, "phiSD": float(np.sqrt(acc[2] / z - m_phi ** 2)),
            "meanMean": acc[3] / z, "sigma2Mean": acc[4] / z}


cases = {"short": src["series"][:15], "short_missing": src["series_missing"][:20]}
out = {"source": "numpy %s quadrature on a 981 x 2401 x 401 grid (phi, mu within 60 of the sample mean, log sigma)" % np.__version__, "bound": BOUND}
for name, y in cases.items():
    out[name] = {"series": y, "posterior": moments(y)}
with open(os.path.join(here, "ar1_posterior.json"), "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps({k: v["posterior"] for k, v in out.items() if isinstance(v, dict)}, indent=1))
