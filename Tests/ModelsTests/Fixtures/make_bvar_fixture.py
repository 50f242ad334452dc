#!/usr/bin/env python3
"""Writes bvar_niw.json: closed-form Normal-inverse-Wishart (Minnesota) BVAR posterior,
computed independently in numpy, for the Swift BVAR tests.

Model (Kadiyala & Karlsson 1997; Giannone, Lenza & Primiceri 2015, "Prior selection for
vector autoregressions", REStat 97(2)):  Y = X B + U, rows of U ~ N(0, Sigma), X rows
[1, y_{t-1}', ..., y_{t-p}'], B is (1 + kp) x k.
Prior:  Sigma ~ IW(Psi, d),  vec(B) | Sigma ~ N(vec(b), Sigma (x) Omega), with
  b = 0 except b[own first lag] = delta,
  Omega diagonal: intercept kappa^2; lag l of variable j: lambda^2 (d - k - 1) / (l^2 psi_j),
  Psi = diag(psi), psi_j = residual variance SSR / (n - 2) of an OLS AR(1) with constant on
  series j (all consecutive observed pairs), d = k + 2.
Posterior:  Omega_post = (X'X + Omega^-1)^-1,  B_post = Omega_post (X'Y + Omega^-1 b),
  S_post = Psi + (Y - X B_post)'(Y - X B_post) + (B_post - b)' Omega^-1 (B_post - b),
  d_post = d + T.
Log marginal likelihood:
  log p(Y) = -Tk/2 log(pi) + log Gamma_k((T+d)/2) - log Gamma_k(d/2) - k/2 log|Omega|
             - k/2 log|X'X + Omega^-1| + d/2 log|Psi| - (T+d)/2 log|S_post|.
The one-variable case is checked here against 3-D numerical integration (scipy nquad) of
likelihood x prior, and that value is what the Swift test compares against.
Diffuse priors (Psi = 0, d = 0; the lambda-free terms in Psi and Gamma_k(d/2) dropped):
  "diffuse": p(Sigma) ~ |Sigma|^-(k+1)/2 with the Normal prior of B above: d_post = T;
  "kernel": p(B, Sigma) ~ |Sigma|^-k exp(-1/2 tr Sigma^-1 (B - b)' Omega^-1 (B - b)) (the
  Normal kernel without its |Sigma|^-m/2, m = 1 + kp): d_post = T - m + k - 1 in Gamma_k and in
  the exponent of |S_post|; the exact evidence is the closed form minus (k (m - k + 1) / 2) log 2,
  checked for one variable (k = 1) by nquad.

Data: statsmodels macrodata (public domain), 100 x log-differences of realgdp, realcons,
realinv, first 26 quarters (a short sample like an annual regional history).
Run: python3 make_bvar_fixture.py  (from this directory)
"""
import json
import os
from math import lgamma

import numpy as np
import statsmodels.api as sm
from scipy import integrate, optimize
from scipy.special import multigammaln

KAPPA = 100.0            # prior sd of the intercept, in units of sqrt(Sigma_ii)
LOG_LAMBDA_BOUNDS = (np.log(0.01), np.log(10.0))


def design(y, p):
    T = y.shape[0]
    rows = range(p, T)
    X = np.array([np.concatenate([[1.0]] + [y[t - l] for l in range(1, p + 1)]) for t in rows])
    Y = np.array([y[t] for t in rows])
    return X, Y


def ar1_variances(y):
    psi = []
    for j in range(y.shape[1]):
        s = y[:, j]
        X = np.column_stack([np.ones(len(s) - 1), s[:-1]])
        beta, *_ = np.linalg.lstsq(X, s[1:], rcond=None)
        e = s[1:] - X @ beta
        psi.append(e @ e / (len(e) - 2))
    return np.array(psi)


def prior(k, p, lam, delta, psi):
    m = 1 + k * p
    d = k + 2.0
    b = np.zeros((m, k))
    for j in range(k):
        b[1 + j, j] = delta
    omega = np.empty(m)
    omega[0] = KAPPA ** 2
    for l in range(1, p + 1):
        for j in range(k):
            omega[1 + (l - 1) * k + j] = lam ** 2 * (d - k - 1) / (l ** 2 * psi[j])
    return b, omega, np.diag(psi), d


def posterior(X, Y, b, omega, Psi, d, diffuse=False, kernel=False):
    """The NIW posterior; diffuse: p(Sigma) ~ |Sigma|^-(k+1)/2 (Psi = 0, d = 0 in the posterior;
    Omega keeps its factor d - k - 1 = 1; the evidence drops its lambda-free terms in Psi and
    Gamma_k(d/2))."""
    T, k = Y.shape
    if diffuse or kernel:
        diffuse = True
        Psi, d = np.zeros_like(Psi), 0.0
    Oinv = np.diag(1.0 / omega)
    prec = X.T @ X + Oinv
    Opost = np.linalg.inv(prec)
    Bpost = Opost @ (X.T @ Y + Oinv @ b)
    E = Y - X @ Bpost
    Spost = Psi + E.T @ E + (Bpost - b).T @ Oinv @ (Bpost - b)
    dpost = d + T - (X.shape[1] - k + 1 if kernel else 0)
    prior_terms = 0.0 if diffuse else -multigammaln(d / 2, k) + d / 2 * np.linalg.slogdet(Psi)[1]
    logml = (-T * k / 2 * np.log(np.pi) + multigammaln(dpost / 2, k) + prior_terms
             - k / 2 * np.sum(np.log(omega)) - k / 2 * np.linalg.slogdet(prec)[1]
             - dpost / 2 * np.linalg.slogdet(Spost)[1])
    return Bpost, Opost, Spost, dpost, logml


def fit(y, p, lam, delta, diffuse=False, kernel=False):
    X, Y = design(y, p)
    psi = ar1_variances(y)
    b, omega, Psi, d = prior(y.shape[1], p, lam, delta, psi)
    return (X, Y, psi) + posterior(X, Y, b, omega, Psi, d, diffuse, kernel)


def log_ml_by_integration(s, lam, delta, kernel=False):
    """One variable, p = 1: integrate N(y|c + a y_-1, s2) x N(c,a | b, s2 Omega) x IG(s2)
    over (c, a, log s2) numerically; kernel: the Normal density of (c, a) times s2 (its
    |Sigma|^-m/2 cancelled) x Jeffreys' 1/s2 instead."""
    y = s[:, None]
    X, Y, psi, Bpost, Opost, Spost, dpost, logml = fit(y, 1, lam, delta, kernel=kernel)
    b, omega, Psi, d = prior(1, 1, lam, delta, psi)
    yv, x1 = Y[:, 0], X[:, 1]
    T = len(yv)
    psi0 = psi[0]

    def log_integrand(c, a, logs2):
        s2 = np.exp(logs2)
        r = yv - c - a * x1
        ll = -T / 2 * np.log(2 * np.pi * s2) - r @ r / (2 * s2)
        lp_b = (-np.log(2 * np.pi * (1.0 if kernel else s2)) - 0.5 * np.log(omega[0] * omega[1])
                - (c - b[0, 0]) ** 2 / (2 * s2 * omega[0]) - (a - b[1, 0]) ** 2 / (2 * s2 * omega[1]))
        if kernel:
            return ll + lp_b       # Jeffreys 1/s2 times the Jacobian s2 of s2 = exp(logs2)
        # inverse gamma(d/2, psi/2) density of s2, times the Jacobian s2 of s2 = exp(logs2)
        al, be = d / 2, psi0 / 2
        lp_s = al * np.log(be) - lgamma(al) - (al + 1) * np.log(s2) - be / s2 + np.log(s2)
        return ll + lp_b + lp_s

    # centre and box from the closed-form posterior (only the box, not the value)
    s2hat = Spost[0, 0] / (dpost + 1 + 1)   # posterior mode of IW
    sd = np.sqrt(np.diag(Opost) * Spost[0, 0] / (dpost - 2))
    ref = log_integrand(Bpost[0, 0], Bpost[1, 0], np.log(s2hat))
    f = lambda ls2, a, c: np.exp(log_integrand(c, a, ls2) - ref)
    w = 12.0
    bounds = [[np.log(s2hat) - 3.0, np.log(s2hat) + 3.0],
              [Bpost[1, 0] - w * sd[1], Bpost[1, 0] + w * sd[1]],
              [Bpost[0, 0] - w * sd[0], Bpost[0, 0] + w * sd[0]]]
    val, err = integrate.nquad(f, bounds, opts={"epsabs": 0, "epsrel": 1e-10, "limit": 200})
    return ref + np.log(val), err / val, logml


def search_lambda(y, p, delta):
    grid = np.linspace(*LOG_LAMBDA_BOUNDS, 4001)
    vals = np.array([fit(y, p, np.exp(g), delta)[-1] for g in grid])
    i = int(np.argmax(vals))
    lo, hi = grid[max(i - 1, 0)], grid[min(i + 1, len(grid) - 1)]
    r = optimize.minimize_scalar(lambda g: -fit(y, p, np.exp(g), delta)[-1], bounds=(lo, hi),
                                 method="bounded", options={"xatol": 1e-10})
    return float(np.exp(grid[i])), float(np.exp(r.x)), float(-r.fun)


names = ["realgdp", "realcons", "realinv"]
raw = sm.datasets.macrodata.load_pandas().data[names]
y = 100.0 * np.diff(np.log(raw.values), axis=0)[:26]

cases = []
for p, lam, delta in ((1, 0.2, 0.0), (2, 0.35, 0.5)):
    X, Y, psi, Bpost, Opost, Spost, dpost, logml = fit(y, p, lam, delta)
    cases.append({"lags": p, "tightness": lam, "ownLagMean": delta, "psi": psi.tolist(),
                  "posteriorMean": Bpost.tolist(), "omegaPost": Opost.tolist(),
                  "scalePost": Spost.tolist(), "dofPost": dpost, "logMarginalLikelihood": logml})

def prior_cases(**kind):
    """The closed-form posterior at two (p, lambda, delta) under a diffuse prior on Sigma."""
    out = []
    for p, lam, delta in ((1, 0.2, 0.0), (2, 0.35, 0.5)):
        X, Y, psi, Bpost, Opost, Spost, dpost, logml = fit(y, p, lam, delta, **kind)
        out.append({"lags": p, "tightness": lam, "ownLagMean": delta, "psi": psi.tolist(),
                    "posteriorMean": Bpost.tolist(), "omegaPost": Opost.tolist(),
                    "scalePost": Spost.tolist(), "dofPost": float(dpost), "logMarginalLikelihood": float(logml)})
    return out


# Diffuse and kernel priors on Sigma: see posterior(..., diffuse=True / kernel=True).
diffuse_cases = prior_cases(diffuse=True)
kernel_cases = prior_cases(kernel=True)

grid_lam, best_lam, best_logml = search_lambda(y, 1, 0.0)
assert LOG_LAMBDA_BOUNDS[0] + 0.1 < np.log(best_lam) < LOG_LAMBDA_BOUNDS[1] - 0.1, "maximum at a bound"

s = y[:, 0]
lam1 = 0.3
numeric, relerr, closed = log_ml_by_integration(s, lam1, 0.0)
assert abs(numeric - closed) < 1e-6, (numeric, closed)
kernel_numeric, kernel_relerr, kernel_closed = log_ml_by_integration(s, lam1, 0.4, kernel=True)
assert abs(kernel_numeric - (kernel_closed - np.log(2.0))) < 1e-6, (kernel_numeric, kernel_closed)

out = {
    "source": "numpy %s closed-form NIW posterior; scipy nquad for the one-variable evidence" % np.__version__,
    "interceptScale": KAPPA,
    "indicators": names,
    "data": y.tolist(),
    "cases": cases,
    "diffuseCases": diffuse_cases,
    "kernelCases": kernel_cases,
    "search": {"lags": 1, "ownLagMean": 0.0, "logLambdaBounds": list(LOG_LAMBDA_BOUNDS),
               "gridArgmax": grid_lam, "tightness": best_lam, "logMarginalLikelihood": best_logml},
    "oneVariable": {"indicator": names[0], "data": s.tolist(), "lags": 1, "tightness": lam1,
                    "ownLagMean": 0.0, "logMarginalLikelihoodByIntegration": float(numeric),
                    "integrationRelativeError": float(relerr),
                    "kernelOwnLagMean": 0.4, "kernelLogMarginalLikelihoodByIntegration": float(kernel_numeric),
                    "kernelIntegrationRelativeError": float(kernel_relerr)},
}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bvar_niw.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
print("wrote", path, "search:", grid_lam, best_lam, best_logml, "1-var:", numeric, closed, relerr)
