"""Regenerates joint_mvn.json: P(all three indicators at least their thresholds next year) for
per-indicator random walks with drift joined by their residual correlation, by scipy's
multivariate normal CDF.

Panel: 16 years of 3 random walks with drift whose yearly shocks have known correlation 0.8
(numpy seed 14). Fits in closed form: drift = mean of first differences, sigma = their sd (ddof 1),
residuals d_t - drift; correlation: Ledoit & Wolf (2004, "Honey, I shrunk the sample covariance
matrix") shrinkage of the standardised residuals towards constant correlation (their appendix
formulas). One step ahead y_{T+1} ~ N(y_T + drift, D R D); thresholds y_T + drift + 0.3 sigma.
Also written: the probability with the true correlation and with the correlation shrunk towards
the identity (the estimator forecast used before), for the record.
Run: python3 joint_mvn_generate.py"""
import json
import os
import numpy as np
from scipy.stats import multivariate_normal

rng = np.random.default_rng(14)
T, k, rho = 16, 3, 0.8
C = np.full((k, k), rho) + (1 - rho) * np.eye(k)
shocks = rng.standard_normal((T - 1, k)) @ np.linalg.cholesky(C).T * np.array([1.0, 2.0, 0.5])
start = np.array([6.0, 8.0, 3.0])
y = np.vstack([start, start + np.cumsum(shocks + np.array([0.2, -0.1, 0.05]), axis=0)])
d = np.diff(y, axis=0)
drift, sigma = d.mean(0), d.std(0, ddof=1)
U = d - drift
Z = (U - U.mean(0)) / U.std(0)
n = Z.shape[0]
S = Z.T @ Z / n
rbar = (S.sum() - k) / (k * (k - 1))
F = np.full((k, k), rbar)
np.fill_diagonal(F, 1.0)
pi = np.array([[np.mean((Z[:, i] * Z[:, j] - S[i, j]) ** 2) for j in range(k)] for i in range(k)])
theta = lambda m, i, j: np.mean((Z[:, m] ** 2 - 1) * (Z[:, i] * Z[:, j] - S[i, j]))
rho_hat = np.trace(pi) + sum(rbar / 2 * (theta(i, i, j) + theta(j, i, j)) for i in range(k) for j in range(k) if i != j)
delta = max(0.0, min(1.0, (pi.sum() - rho_hat) / np.sum((F - S) ** 2) / n))
R = delta * F + (1 - delta) * S

# Shrinkage towards the identity (Ledoit & Wolf 2004, J. Multivariate Anal.), for the record.
d2 = np.sum((S - np.eye(k)) ** 2) / k
b2 = min(sum(np.sum((np.outer(z, z) - S) ** 2) for z in Z) / (k * n * n), d2)
Ri = (1 - b2 / d2) * S + b2 / d2 * np.eye(k)

mean = y[-1] + drift
threshold = mean + 0.3 * sigma
D = np.diag(sigma)


def p_all(corr):
    # P(all y_j >= threshold_j) = P(all -y_j <= -threshold_j)
    return float(multivariate_normal(mean=-mean, cov=D @ corr @ D, abseps=1e-8, releps=1e-8, maxpts=10**7).cdf(-threshold))


out = {"source": "numpy %s, scipy multivariate_normal.cdf" % np.__version__,
       "years": list(range(2006, 2006 + T)), "values": y.tolist(), "thresholds": threshold.tolist(),
       "correlation": R.tolist(), "intensity": delta, "probability": p_all(R),
       "probabilityTrueCorrelation": p_all(C), "probabilityIdentityTarget": p_all(Ri),
       "probabilityIndependent": p_all(np.eye(k))}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "joint_mvn.json"), "w") as f:
    json.dump(out, f, indent=1)
print({k: v for k, v in out.items() if k.startswith("prob") or k == "intensity"})
