"""Reference P(met) for PrecisionPerSecondTests.testQuasiRandomAR1DrawsCoverAtTheNominalRate.

Indicator "b" of the test's panel (values below; NaN = missing): AR(1) around a mean, the
exact posterior of AR1Posterior (Jeffreys prior on |phi| <= 0.98, flat on mu and log sigma,
phi on a 400-cell grid with a piecewise-constant density), written here term by term from the
likelihood (no sufficient statistics). The series ends in 2020, one year before the base year
2021, so y_2022 = mu + phi^2 (y_2020 - mu) + sigma (phi e1 + e2); given phi, integrating mu and
sigma^2 gives a Student-t with n - 1 dof, location mu_hat (1 - phi^2) + phi^2 y_2020 and scale^2
S / (n - 1) * ((1 - phi^2)^2 / W + 1 + phi^2). P(y_2022 >= THRESHOLD) is integrated over phi
within each cell by 16-point Gauss-Legendre.  Run: python3 ar1_posterior_probability.py
"""
import numpy as np
from scipy import stats

B = [2.1, 3.4, 2.8, 1.2, 0.9, np.nan, 2.6, 3.9, 3.1, 2.2, 1.5, 2.4, 3.0, np.nan]  # 2008..2021
THRESHOLD = 2.0
BOUND, CELLS = 0.98, 400


def regression(values, phi):
    obs = [i for i, v in enumerate(values) if not np.isnan(v)]
    terms = [(values[obs[0]], 1.0, 1 - phi * phi)]
    for a, b in zip(obs, obs[1:]):
        pg = phi ** (b - a)
        w = 1.0 if b == a + 1 else (1 - phi * phi) / (1 - pg * pg)
        terms.append((values[b] - pg * values[a], 1 - pg, w))
    z, x, w = (np.array(t) for t in zip(*terms))
    sw = np.sum(w * x * x)
    mean = np.sum(w * x * z) / sw
    s = np.sum(w * (z - mean * x) ** 2)
    return sw, mean, s, np.sum(np.log(w)), len(obs)


edges = np.linspace(-BOUND, BOUND, CELLS + 1)
logd = []
for c in range(CELLS):
    phi = 0.5 * (edges[c] + edges[c + 1])
    sw, mean, s, lw, n = regression(B, phi)
    logd.append(0.5 * lw - 0.5 * np.log(sw) - 0.5 * (n - 1) * np.log(s) - 0.5 * np.log(1 - phi * phi))
logd = np.array(logd)
mass = np.exp(logd - logd.max())
mass /= mass.sum()
nodes, weights = np.polynomial.legendre.leggauss(16)
last = B[12]
p = 0.0
for c in range(CELLS):
    lo, hi = edges[c], edges[c + 1]
    inner = 0.0
    for t, wt in zip(nodes, weights):
        phi = 0.5 * (lo + hi) + 0.5 * (hi - lo) * t
        sw, mean, s, lw, n = regression(B, phi)
        loc = mean * (1 - phi * phi) + phi * phi * last
        scale = np.sqrt(s / (n - 1) * ((1 - phi * phi) ** 2 / sw + 1 + phi * phi))
        inner += 0.5 * wt * stats.t.sf((THRESHOLD - loc) / scale, n - 1)
    p += mass[c] * inner
print(f"{p:.10f}")
