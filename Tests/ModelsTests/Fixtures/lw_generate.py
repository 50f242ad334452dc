"""Regenerates lw_reference.json: Ledoit & Wolf (2004) shrinkage of a correlation matrix towards
the identity (and, keys constant_*, towards the constant-correlation target of their "Honey" paper) (equivalently of a covariance towards its diagonal), written here in numpy from the
paper's formulas as scikit-learn's ledoit_wolf_shrinkage computes them (sklearn is not installed):
X standardised (mean 0, 1/n variance 1), S = X'X/n, mu = tr(S)/p, d2 = ||S - mu I||^2/p,
b2 = min(d2, sum_t ||x_t x_t' - S||^2 / (p n^2)), intensity = b2/d2.
A ragged case (NaN) uses the pairwise-complete version: each column standardised on its own years,
s_ij and pi_ij over the overlap of i and j (1/n_ij), pairs with fewer than 3 common years set to 0.
Run: python3 lw_generate.py"""
import json
import numpy as np

rng = np.random.default_rng(2004)
n, p = 14, 4
A = rng.normal(size=(p, p))
X = rng.normal(size=(n, p)) @ A.T * np.array([1.0, 5.0, 0.2, 2.0]) + np.array([3, -1, 0, 8])


def sklearn_formula(X):
    n, p = X.shape
    Z = (X - X.mean(0)) / X.std(0)
    S = Z.T @ Z / n
    mu = np.trace(S) / p
    d2 = np.sum((S - mu * np.eye(p)) ** 2) / p
    X2 = Z ** 2
    b2 = (np.sum(X2.T @ X2) / n - np.sum((Z.T @ Z) ** 2) / n ** 2) / (p * n)
    s = 0.0 if d2 == 0 else min(b2, d2) / d2
    R = (1 - s) * S + s * mu * np.eye(p)
    D = np.diag(X.std(0))
    return s, R, D @ R @ D


def standardise_pairwise(X):
    """Each column standardised on its own (non-NaN) years (mean 0, 1/n variance 1), and its sd."""
    Z = np.full_like(X, np.nan)
    sd = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        ok = ~np.isnan(X[:, j])
        sd[j] = X[ok, j].std()
        Z[ok, j] = (X[ok, j] - X[ok, j].mean()) / sd[j]
    return Z, sd


def pairwise(X, minimum=3):
    n, p = X.shape
    Z, sd = standardise_pairwise(X)
    S = np.eye(p)
    pi = np.zeros((p, p))
    for i in range(p):
        for j in range(p):
            ok = ~np.isnan(Z[:, i]) & ~np.isnan(Z[:, j])
            m = ok.sum()
            if m < minimum:
                continue
            prod = Z[ok, i] * Z[ok, j]
            S[i, j] = prod.mean()
            pi[i, j] = np.sum((prod - S[i, j]) ** 2) / m ** 2
    d2 = np.sum((S - np.eye(p)) ** 2) / p
    b2 = min(pi.sum() / p, d2)
    s = 1.0 if d2 == 0 else b2 / d2
    R = (1 - s) * S + s * np.eye(p)
    return s, R, np.diag(sd) @ R @ np.diag(sd)


def honey_constant(X):
    """Ledoit & Wolf (2004), "Honey, I shrunk the sample covariance matrix", appendix formulas
    (pi-hat, rho-hat, gamma-hat, kappa = (pi - rho)/gamma, delta = kappa/T clamped to [0, 1]),
    applied to the standardised data: the correlation shrunk towards constant correlation."""
    T, p = X.shape
    Z = (X - X.mean(0)) / X.std(0)
    S = Z.T @ Z / T
    rbar = (S.sum() - p) / (p * (p - 1))
    F = np.full((p, p), rbar)
    np.fill_diagonal(F, 1.0)
    pi_mat = np.array([[np.mean((Z[:, i] * Z[:, j] - S[i, j]) ** 2) for j in range(p)] for i in range(p)])
    theta = lambda k, i, j: np.mean((Z[:, k] ** 2 - S[k, k]) * (Z[:, i] * Z[:, j] - S[i, j]))
    rho = np.trace(pi_mat) + sum(rbar / 2 * (np.sqrt(S[j, j] / S[i, i]) * theta(i, i, j)
                                             + np.sqrt(S[i, i] / S[j, j]) * theta(j, i, j))
                                 for i in range(p) for j in range(p) if i != j)
    gamma = np.sum((F - S) ** 2)
    delta = max(0.0, min(1.0, (pi_mat.sum() - rho) / gamma / T))
    R = delta * F + (1 - delta) * S
    D = np.diag(X.std(0))
    return delta, R, D @ R @ D


def pairwise_constant(X, minimum=3):
    """The pairwise-complete version: each column standardised on its own years; over ordered
    pairs with at least `minimum` common years, v_ij and theta_ij divided by n_ij^2; sparse pairs 0."""
    n, p = X.shape
    Z, sd = standardise_pairwise(X)
    S = np.eye(p)
    pairs = []
    for i in range(p):
        for j in range(p):
            ok = ~np.isnan(Z[:, i]) & ~np.isnan(Z[:, j])
            if i != j and ok.sum() >= minimum:
                S[i, j] = np.mean(Z[ok, i] * Z[ok, j])
                pairs.append((i, j, ok))
    rbar = np.mean([S[i, j] for i, j, _ in pairs])
    v = sum(np.sum((Z[ok, i] * Z[ok, j] - S[i, j]) ** 2) / ok.sum() ** 2 for i, j, ok in pairs)
    th = sum(np.sum((Z[ok, i] ** 2 - 1) * (Z[ok, i] * Z[ok, j] - S[i, j])) / ok.sum() ** 2 for i, j, ok in pairs)
    gamma = sum((rbar - S[i, j]) ** 2 for i, j, _ in pairs)
    delta = max(0.0, min(1.0, (v - rbar * th) / gamma))
    R = np.eye(p)
    for i, j, _ in pairs:
        R[i, j] = delta * rbar + (1 - delta) * S[i, j]
    return delta, R, np.diag(sd) @ R @ np.diag(sd)


s, R, C = sklearn_formula(X)
Xm = X.copy()
Xm[[0, 1, 2], 0] = np.nan
Xm[[5, 9], 2] = np.nan
Xm[3:13, 3] = np.nan          # column 3 observed in 4 years: overlaps with column 0 are 1 year
sm_, Rm, Cm = pairwise(Xm)
s2, R2, C2 = pairwise(X)      # pairwise on complete data must equal the sklearn formula
assert abs(s2 - s) < 1e-12 and np.abs(C2 - C).max() < 1e-10
cs, cR, cC = honey_constant(X)
cs2, cR2, cC2 = pairwise_constant(X)  # pairwise on complete data must equal the paper's formula
assert abs(cs2 - cs) < 1e-12 and np.abs(cC2 - cC).max() < 1e-10, (cs, cs2)
cms, cmR, cmC = pairwise_constant(Xm)
out = {"data": X.tolist(), "intensity": s, "correlation": R.tolist(), "covariance": C.tolist(),
       "data_missing": [[None if np.isnan(v) else v for v in row] for row in Xm],
       "missing_intensity": sm_, "missing_correlation": Rm.tolist(), "missing_covariance": Cm.tolist(),
       "constant_intensity": cs, "constant_correlation": cR.tolist(), "constant_covariance": cC.tolist(),
       "missing_constant_intensity": cms, "missing_constant_correlation": cmR.tolist(),
       "missing_constant_covariance": cmC.tolist()}
with open("lw_reference.json", "w") as f:
    json.dump(out, f, indent=1)
