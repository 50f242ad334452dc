"""Reference values for CalibrationTests (run: python3 calibration_generate.py > calibration_reference.json).

Independent implementations: scipy.stats.t for the Student-t CDF and density; the conjugate
normal-scaled-inverse-chi^2 update of Gelman et al., BDA3 section 3.3, written out here; and
statsmodels' GLM (Binomial, offset = X beta0, ridge via fit_regularized with L1_wt = 0) for the
penalised logistic pool, whose objective -loglik/n + alpha/2 |gamma|^2 equals ours with
alpha = lambda / n and beta = beta0 + gamma.
"""
import json
import numpy as np
from scipy import stats
import statsmodels.api as sm
from scipy.optimize import minimize

out = {}

# Student-t CDF and log density.
cases = []
for loc, scale, nu in [(0.0, 1.0, 1.0), (0.0, 1.0, 2.5), (5.0, 2.0, 4.0), (-1.0, 0.3, 30.0), (2.0, 1.5, 1000.0), (0.0, 1.0, 0.7)]:
    for x in [-50.0, -3.0, -1.0, -0.1, 0.0, 0.4, 1.0, 2.5, 7.0, 40.0]:
        cases.append({"location": loc, "scale": scale, "nu": nu, "x": x,
                      "cdf": float(stats.t.cdf(x, nu, loc=loc, scale=scale)),
                      "logpdf": float(stats.t.logpdf(x, nu, loc=loc, scale=scale))})
out["student_t"] = cases

# Weighted NIG update and predictive (unit weights: textbook case; fractional weights).
def nig(mu0, k0, nu0, s20, x, w):
    x, w = np.asarray(x, float), np.asarray(w, float)
    W = w.sum()
    xbar = (w * x).sum() / W
    S = (w * (x - xbar) ** 2).sum()
    kn, nun = k0 + W, nu0 + W
    mun = (k0 * mu0 + W * xbar) / kn
    s2n = (nu0 * s20 + S + k0 * W / kn * (xbar - mu0) ** 2) / nun
    return {"mean": mun, "weight": kn, "nu": nun, "variance": s2n,
            "pred_scale": float(np.sqrt(s2n * (1 + 1 / kn)))}

nigc = []
for mu0, k0, nu0, s20, x, w in [
    (0.0, 1.0, 2.0, 1.0, [1.2, -0.4, 0.9], [1, 1, 1]),
    (0.5, 3.0, 4.0, 0.8, [2.0, 1.1, -0.3, 0.7], [0.25, 0.5, 0.71, 1.0]),
]:
    r = nig(mu0, k0, nu0, s20, x, w)
    r.update({"prior": [mu0, k0, nu0, s20], "x": x, "w": w})
    # The predictive P(y >= 0.5) from scipy, an independent CDF.
    r["p_above_half"] = float(stats.t.sf(0.5, r["nu"], loc=r["mean"], scale=r["pred_scale"]))
    nigc.append(r)
out["nig"] = nigc

# Penalised logistic pool.
rng = np.random.default_rng(20261203)
n = 120
pm = rng.uniform(0.02, 0.98, n)
pa = np.clip(pm + rng.normal(0, 0.2, n), 0.01, 0.99)
proxied = rng.uniform(size=n) < 0.4
ceiling = rng.uniform(size=n) < 0.3
pb = rng.uniform(0.3, 0.9, n)
truth = 1 / (1 + np.exp(-(0.4 + 0.8 * np.log(pa / (1 - pa)))))
y = rng.uniform(size=n) < truth
def logit(p):
    q = np.clip(p, 0.01, 0.99)
    return np.log(q / (1 - q))
X = np.column_stack([np.where(ceiling, 0.0, 1.0), np.where(ceiling, 1.0, 0.0), np.where(proxied, 0, logit(pm)),
                     np.where(proxied, logit(pm), 0), np.where(proxied, 0, logit(pa)), np.where(proxied, logit(pa), 0),
                     logit(pb)])
beta0 = np.array([0.0, 0.0, 0.5, 0.0, 0.5, 1.0, 0.0])
pools = []
for lam in [0.3, 3.0, 30.0]:
    model = sm.GLM(y.astype(float), X, family=sm.families.Binomial(), offset=X @ beta0)
    fit = model.fit_regularized(alpha=lam / n, L1_wt=0.0, cnvrg_tol=1e-12, maxiter=20000)
    # statsmodels' coordinate descent stops 2e-5 to 1e-4 from the optimum (the weaker the
    # penalty, the farther); its distance from scipy's optimum is recorded as "statsmodels_error".
    # scipy's BFGS on the
    # same objective (written out here) with gtol 1e-12 gives the optimum to 1e-9.
    yf = y.astype(float)
    f = lambda b: -(yf * (X @ b) - np.logaddexp(0, X @ b)).sum() + lam / 2 * ((b - beta0) ** 2).sum()
    g = lambda b: -X.T @ (yf - 1 / (1 + np.exp(-X @ b))) + lam * (b - beta0)
    opt = minimize(f, beta0, jac=g, method="BFGS", options={"gtol": 1e-12})
    sm_beta = beta0 + np.asarray(fit.params)
    pools.append({"lambda": lam, "statsmodels": list(sm_beta), "scipy": list(opt.x),
                  "statsmodels_error": float(np.abs(sm_beta - opt.x).max())})
out["pool"] = {"model": list(pm), "anchored": list(pa), "proxied": [bool(b) for b in proxied], "ceiling": [bool(b) for b in ceiling], "base": list(pb),
               "met": [bool(b) for b in y], "fits": pools, "prior": list(beta0)}

print(json.dumps(out, indent=1))
