#!/usr/bin/env python3
"""Issue 14, third round: candidate methods for the AR(1) bands at h = 3 when φ is persistent.

Coverage of the central 50% and 80% predictive bands of y_{T+h} (h = 1, 3) on synthetic AR(1)
histories (μ = 5, σ = 1, stationary start; the battery's truth), T = 10, 15, 20, φ in
{0.2, 0.5, 0.8, 0.95}. Methods:

  jeffreys  the shipped predictive (`AR1Posterior`): exact likelihood, prior (1 − φ²)^-1/2 on
            |φ| <= 0.98, flat on μ and log σ; the predictive is computed exactly as the mixture over
            the φ grid of the Student-t given φ (μ and σ² integrated in closed form).
  prior-a   the same with prior (1 − φ²)^-a (a = 1, 1.5): more mass near persistence.
  fisher    the same with Jeffreys' prior of the exact (stationary-start) likelihood for T
            observations, the square root of the Fisher information of φ with σ² as nuisance:
            I_φφ = (T − 1)/(1 − φ²) + 2φ²/(1 − φ²)² (the first observation's share), I_φσ² =
            −φ/(σ²(1 − φ²)), I_σ²σ² = T/(2σ⁴), so I_φφ − I_φσ²²/I_σ²σ² ∝ 1/(1 − φ²) + 2φ²/(T(1 − φ²)²).
            Near φ = 1 and for small T it behaves like (1 − φ²)^-1, at small φ like (1 − φ²)^-1/2.
  oracle    diagnostic: φ fixed at its true value, μ and σ² integrated as in `jeffreys` (the
            Student-t predictive of the normal regression given φ).
  cd        φ drawn from the confidence distribution of the LS estimate (with intercept):
            H(φ) = P_φ(φ̂* > φ̂_obs), whose law depends on φ and T only, tabulated by simulation on
            a φ grid (the grid-bootstrap inversion: Andrews 1993, Econometrica 61, "Exactly
            median-unbiased estimation of first order autoregressive/unit root models"; Hansen 1999,
            REStat 81, "The grid bootstrap and the autoregressive model"); μ and σ² given φ from the
            exact posterior conditionals.
  bab       Kim (2001), "Bootstrap-after-bootstrap prediction intervals for autoregressive models":
            Kilian (1998, REStat 80) bias
            correction of the LS estimate with the stationarity adjustment, then a second
            (parametric, Gaussian) bootstrap generated backwards from the last observation, each
            replicate's LS estimate bias-corrected with the first stage's bias; the predictive is the
            mixture of the replicates' Gaussian h-step distributions (as forecast's draws would be).
  beran     Beran (1990, JASA 85, "Calibrating prediction regions") calibration of the Jeffreys predictive: simulate B
            histories from the fitted model, measure the coverage of each nominal level, use the
            nominal level whose simulated coverage is the target (per h and level).
  tilt      Beran's calibration expressed in the parameter draws: per history, φ's posterior tilted
            by exp(c atanh φ), c chosen (grid −3..3) so that the h = 1 and 3 bands cover nominally on
            histories simulated from the posterior mode.
  tilt-temper  the same with φ's likelihood also raised to a power κ in {1/4, 1/2, 1, 2, 4} (wider or
            narrower φ draws), (c, κ) chosen jointly per fit.

Usage: python3 bench/ar1_bands_prototype.py [methods...]   (default: jeffreys prior-1 bab)
Env: HIST (histories, default 1000), SEED (default 7), PHIS="0.2,0.95" and YEARS="10" for subsets,
DECILES=1 to print the counts of the h = 3 PIT in tenths (a U shape: the band is too narrow).
"""
import os
import sys

import numpy as np
from scipy import stats

MU, SIGMA = 5.0, 1.0
PHIS = [0.2, 0.5, 0.8, 0.95]
YEARS = [10, 15, 20]
HS = [1, 3]
LEVELS = [0.5, 0.8]


def simulate(rng, n, years, phi, extra=3, mu=MU, sigma=SIGMA):
    """n stationary AR(1) histories of years + extra values (n x (years + extra))."""
    e = rng.standard_normal((n, years + extra))
    y = np.empty_like(e)
    y[:, 0] = mu + sigma * e[:, 0] / np.sqrt(1 - phi * phi)
    for t in range(1, years + extra):
        y[:, t] = mu + phi * (y[:, t - 1] - mu) + sigma * e[:, t]
    return y


def grid_posterior(y, exponent=0.5, bound=0.98, cells=400):
    """Log posterior of φ on the grid (exact likelihood, consecutive years) and the regression
    quantities given φ: W, μ̂(φ), S(φ). y: histories x T. Returns phi (G), logp (N x G), W, mean, S."""
    edges = np.linspace(-bound, bound, cells + 1)
    phi = 0.5 * (edges[1:] + edges[:-1])
    p2 = phi * phi
    n = y.shape[1]
    # terms: first obs z = y1, x = 1, w = 1 - φ²; pairs z = y_b - φ y_a, x = 1 - φ, w = 1
    z0 = y[:, :1, None]                                         # N x 1 x 1
    zp = y[:, 1:, None] - phi[None, None, :] * y[:, :-1, None]  # N x (n-1) x G
    xp = 1 - phi
    W = (1 - p2) + (n - 1) * xp * xp                            # G
    sxz = (1 - p2) * z0[:, 0, :] + xp * zp.sum(axis=1)          # N x G
    mean = sxz / W
    S = (1 - p2) * (z0[:, 0, :] - mean) ** 2 + ((zp - mean[:, None, :] * xp) ** 2).sum(axis=1)
    if exponent == "fisher":
        # sqrt of the exact likelihood's Fisher information for φ with σ² profiled (see main docstring)
        logprior = 0.5 * np.log(1 / (1 - p2) + 2 * p2 / (n * (1 - p2) ** 2))
    else:
        logprior = -exponent * np.log(1 - p2)
    logp = 0.5 * np.log(1 - p2) - 0.5 * np.log(W) - 0.5 * (n - 1) * np.log(S) + logprior
    logp -= logp.max(axis=1, keepdims=True)
    w = np.exp(logp)
    w /= w.sum(axis=1, keepdims=True)
    return phi, w, W, mean, S


def t_cdf_given_phi(phi, W, mean, S, last, future, h, n):
    """F(future | φ) of the normal-regression predictive given φ: Student-t with n − 1 dof, location
    μ̂(1 − φ^h) + φ^h y_T, scale² S/(n − 1) (v_h + (1 − φ^h)²/W), v_h = (1 − φ^{2h})/(1 − φ²).
    phi broadcasts against W, mean, S (one value per φ); last and future are columns (N x 1)."""
    ph = phi ** h
    vh = (1 - phi ** (2 * h)) / (1 - phi * phi)
    loc = mean * (1 - ph) + ph * last
    scale = np.sqrt(S / (n - 1) * (vh + (1 - ph) ** 2 / W))
    return stats.t.cdf((future - loc) / scale, n - 1)


def reshape_weights(w, phi, tilt, temper):
    """φ's grid posterior w (N x G, Jeffreys prior) tilted by exp(c atanh φ) and with its likelihood
    raised to the power κ: w ∝ p(φ) L(φ)^κ exp(c atanh φ); c and κ one per row."""
    logprior = -0.5 * np.log(1 - phi * phi)
    logw = np.log(np.maximum(w, 1e-300))
    logw = np.asarray(temper)[:, None] * (logw - logprior) + logprior + np.outer(tilt, np.arctanh(phi))
    logw -= logw.max(1, keepdims=True)
    w = np.exp(logw)
    return w / w.sum(1, keepdims=True)


def bayes_pit(hist, future, h, exponent=0.5, bound=0.98, cells=400, tilt=None, temper=None):
    """u = F(y_{T+h}) under the grid-posterior predictive: given φ, Student-t with n − 1 dof,
    location μ̂(1 − φ^h) + φ^h y_T, scale² S/(n − 1) (v_h + (1 − φ^h)²/W)."""
    phi, w, W, mean, S = grid_posterior(hist, exponent, bound, cells)
    if tilt is not None:                    # c and κ per history (`reshape_weights`)
        w = reshape_weights(w, phi, tilt, temper if temper is not None else np.ones(len(tilt)))
    return (w * t_cdf_given_phi(phi, W, mean, S, hist[:, -1:], future[:, None], h, hist.shape[1])).sum(axis=1)


def ls_ar1(y):
    """LS of y_t on (1, y_{t-1}) along the last axis: intercept, φ, residual SD (dof n − 3)."""
    x, z = y[..., :-1], y[..., 1:]
    xm, zm = x.mean(-1, keepdims=True), z.mean(-1, keepdims=True)
    phi = ((x - xm) * (z - zm)).sum(-1) / ((x - xm) ** 2).sum(-1)
    a = zm[..., 0] - phi * xm[..., 0]
    r = z - a[..., None] - phi[..., None] * x
    s = np.sqrt((r * r).sum(-1) / max(y.shape[-1] - 3, 1))
    return a, phi, s


def kilian_adjust(phi, bias, limit=1.0):
    """Kilian (1998) stationarity adjustment: φ − δ bias with δ = 1, 0.99, ... until |φ^c| < limit."""
    out = phi - bias
    delta = np.ones_like(out)
    bad = np.abs(out) >= limit
    while bad.any():
        delta = np.where(bad, delta - 0.01, delta)
        out = np.where(bad, phi - np.maximum(delta, 0) * bias, out)
        bad = (np.abs(out) >= limit) & (delta > 0)
    return np.clip(out, -limit + 1e-6, limit - 1e-6)


def bab_pit(rng, hist, future, hs, b1=200, b2=256, limit=1.0):
    """Kim (2001) bootstrap-after-bootstrap, parametric Gaussian; returns {h: u}."""
    N, n = hist.shape
    a, phi, s = ls_ar1(hist)
    mu = a / (1 - phi)
    # stage 1: bias of the LS φ at (μ̂, φ̂, σ̂) (Kilian 1998, eq. 2.3 for p = 1)
    e = rng.standard_normal((N, b1, n))
    ys = np.empty_like(e)
    ph = np.clip(phi, -0.999, 0.999)[:, None]
    ys[:, :, 0] = mu[:, None] + s[:, None] * e[:, :, 0] / np.sqrt(1 - ph * ph)
    for t in range(1, n):
        ys[:, :, t] = mu[:, None] + ph * (ys[:, :, t - 1] - mu[:, None]) + s[:, None] * e[:, :, t]
    _, phis, _ = ls_ar1(ys)
    bias = phis.mean(axis=1) - phi
    phic = kilian_adjust(phi, bias, limit)
    ac = hist[:, 1:].mean(1) - phic * hist[:, :-1].mean(1)
    muc = ac / (1 - phic)
    rc = hist[:, 1:] - ac[:, None] - phic[:, None] * hist[:, :-1]
    sc = np.sqrt((rc * rc).sum(1) / (n - 3))
    # stage 2: backwards from y_T with (μ^c, φ^c, σ^c) (Kim 2001, eq. 6), re-estimate, bias-correct
    e = rng.standard_normal((N, b2, n))
    yb = np.empty_like(e)
    yb[:, :, -1] = hist[:, -1:]
    pc = phic[:, None]
    for t in range(n - 2, -1, -1):
        yb[:, :, t] = muc[:, None] + pc * (yb[:, :, t + 1] - muc[:, None]) + sc[:, None] * e[:, :, t]
    _, phib, _ = ls_ar1(yb)
    phib = kilian_adjust(phib, bias[:, None], limit)
    # the replicate's intercept given its φ on the replicate (Kim 2001, eq. 7), residual SD
    ab = yb[:, :, 1:].mean(-1) - phib * yb[:, :, :-1].mean(-1)
    rb = yb[:, :, 1:] - ab[..., None] - phib[..., None] * yb[:, :, :-1]
    sb = np.sqrt((rb * rb).sum(-1) / (n - 3))
    out = {}
    yT = hist[:, -1:]
    for h in hs:
        ph = phib ** h
        loc = ab * (1 - ph) / (1 - phib) + ph * yT
        vh = (1 - phib ** (2 * h)) / (1 - phib * phib)
        u = stats.norm.cdf((future[h][:, None] - loc) / (sb * np.sqrt(vh)))
        out[h] = u.mean(1)
    return out


def beran_levels(rng, hist, hs, levels, reps=200, exponent=0.5, cells=100):
    """Beran (1990) calibration: nominal levels whose coverage, on `reps` histories simulated from
    the posterior-mean point of each history, equals the target. Returns {(h, L): nominal (N)}."""
    N, n = hist.shape
    phi, w, W, mean, S = grid_posterior(hist, exponent, 0.98, cells)
    k = w.argmax(1)
    ph = phi[k]
    mu = mean[np.arange(N), k]
    sg = np.sqrt(S[np.arange(N), k] / (n - 1))
    out = {}
    u_all = {h: np.empty((N, reps)) for h in hs}
    for i in range(N):
        y = simulate(rng, reps, n, ph[i], max(hs), mu[i], sg[i])
        for h in hs:
            u_all[h][i] = bayes_pit(y[:, :n], y[:, n + h - 1], h, exponent, 0.98, cells)
    for h in hs:
        d = 2 * np.abs(u_all[h] - 0.5)                 # covered at nominal L iff d <= L
        for L in levels:
            out[(h, L)] = np.minimum(np.quantile(d, L, axis=1), 0.999)
    return out


def regression_at(hist, phi):
    """W, μ̂(φ), S(φ) of `grid_posterior` at one φ per history and draw: hist N x n, phi N x K."""
    n = hist.shape[1]
    p2 = phi * phi
    xp = 1 - phi
    z0 = hist[:, :1]
    zp = hist[:, None, 1:] - phi[:, :, None] * hist[:, None, :-1]      # N x K x (n-1)
    W = (1 - p2) + (n - 1) * xp * xp
    mean = ((1 - p2) * z0 + xp * zp.sum(-1)) / W
    S = (1 - p2) * (z0 - mean) ** 2 + ((zp - (mean * xp)[..., None]) ** 2).sum(-1)
    return W, mean, S


def ls_table(rng, n, bound=0.98, points=197, sims=2000):
    """The LS φ̂ (with intercept) on `sims` stationary series of length n at each grid φ: its
    distribution depends on φ and n only (location and scale invariant)."""
    grid = np.linspace(-bound, bound, points)
    e = rng.standard_normal((points, sims, n))
    y = np.empty_like(e)
    y[:, :, 0] = e[:, :, 0] / np.sqrt(1 - grid[:, None] ** 2)
    for t in range(1, n):
        y[:, :, t] = grid[:, None] * y[:, :, t - 1] + e[:, :, t]
    return grid, np.sort(ls_ar1(y)[1], axis=1)


def cd_pit(rng, hist, future, hs, draws=256, table=None):
    """Confidence-distribution draws of φ (the grid-bootstrap inversion of the LS estimator's exact
    distribution, Andrews 1993 / Hansen 1999): H(φ) = P_φ(φ̂* > φ̂_obs), φ = H⁻¹(u); μ and σ² given φ
    from the exact posterior conditionals; predictive: mixture over the draws of the Student-t."""
    N, n = hist.shape
    grid, tab = table if table is not None else ls_table(rng, n)
    _, obs, _ = ls_ar1(hist)
    H = np.array([1 - np.searchsorted(tab[g], obs) / tab.shape[1] for g in range(len(grid))]).T  # N x G
    H = np.maximum.accumulate(H, axis=1)
    u = (np.arange(draws) + 0.5) / draws
    phi = np.array([np.interp(u, H[i], grid) for i in range(N)])          # N x K (clamped at the bounds)
    W, mean, S = regression_at(hist, phi)
    out = {}
    for h in hs:
        out[h] = t_cdf_given_phi(phi, W, mean, S, hist[:, -1:], future[h][:, None], h, n).mean(1)
    return out


TILTS = np.linspace(-3, 3, 13)


TEMPERS = [1.0]


def calibrated_tilts(rng, hist, hs=(1, 3), reps=200, cells=100, bound=0.98, tempers=None):
    """Beran (1990) calibration expressed as parameter draws: per history, the tilt c of φ's
    posterior (weights x exp(c atanh φ)) whose 50% and 80% bands at every h in `hs` cover nominally
    on `reps` histories simulated from the posterior mode (least squared deviation over the cells)."""
    N, n = hist.shape
    H = max(hs)
    phi, w, W, mean, S = grid_posterior(hist, 0.5, bound, cells)
    k = w.argmax(1)
    ph, mu = phi[k], mean[np.arange(N), k]
    sg = np.sqrt(S[np.arange(N), k] / (n - 1))
    out = np.empty((N, 2))
    for i in range(N):
        y = simulate(rng, reps, n, ph[i], H, mu[i], sg[i])
        _, ws, Ws, ms, Ss = grid_posterior(y[:, :n], 0.5, bound, cells)
        cdfs = []
        for h in hs:
            cdfs.append(t_cdf_given_phi(phi, Ws, ms, Ss, y[:, n - 1:n], y[:, n + h - 1:n + h], h, n))  # reps x G
        best, arg = np.inf, (0.0, 1.0)
        for kappa in (tempers or TEMPERS):
            for c in TILTS:
                wc = reshape_weights(ws, phi, np.full(reps, c), np.full(reps, kappa))
                dev = 0.0
                for cdf in cdfs:
                    u = (wc * cdf).sum(1)
                    dev += sum((np.mean(np.abs(u - 0.5) <= L / 2) - L) ** 2 for L in LEVELS)
                if dev < best:
                    best, arg = dev, (c, kappa)
        out[i] = arg
    return out


def main():
    methods = sys.argv[1:] or ["jeffreys", "prior-1", "bab"]
    nh = int(os.environ.get("HIST", "1000"))
    seed = int(os.environ.get("SEED", "7"))
    print(f"{nh} histories, seed {seed}; cells: coverage % of the 50% / 80% band at h = 1 | h = 3")
    print("| method | φ | T | h=1 50% | h=1 80% | h=3 50% | h=3 80% |")
    print("|---|---|---|---|---|---|---|")
    deviations = {m: [] for m in methods}
    phis = [float(v) for v in os.environ.get("PHIS", ",".join(map(str, PHIS))).split(",")]
    years = [int(v) for v in os.environ.get("YEARS", ",".join(map(str, YEARS))).split(",")]
    for phi in phis:
        for T in years:
            rng = np.random.default_rng([seed, int(phi * 100), T])
            y = simulate(rng, nh, T, phi)
            hist = y[:, :T]
            future = {h: y[:, T + h - 1] for h in HS}
            for m in methods:
                mr = np.random.default_rng([seed, int(phi * 100), T, 99])
                if m == "bab" or m.startswith("bab-"):
                    limit = float(m[4:]) if m.startswith("bab-") else 1.0
                    pit = bab_pit(mr, hist, future, HS, limit=limit)
                    nominal = {(h, L): np.full(nh, L) for h in HS for L in LEVELS}
                elif m == "oracle":
                    W, mean, S = regression_at(hist, np.full((nh, 1), phi))
                    pit = {}
                    for h in HS:
                        pit[h] = t_cdf_given_phi(phi, W, mean, S, hist[:, -1:], future[h][:, None], h, T)[:, 0]
                    nominal = {(h, L): np.full(nh, L) for h in HS for L in LEVELS}
                elif m == "cd":
                    pit = cd_pit(mr, hist, future, HS)
                    nominal = {(h, L): np.full(nh, L) for h in HS for L in LEVELS}
                elif m in ("tilt", "tilt-temper"):
                    c = calibrated_tilts(mr, hist, tempers=[0.25, 0.5, 1.0, 2.0, 4.0] if m == "tilt-temper" else None)
                    pit = {h: bayes_pit(hist, future[h], h, tilt=c[:, 0], temper=c[:, 1]) for h in HS}
                    nominal = {(h, L): np.full(nh, L) for h in HS for L in LEVELS}
                elif m.startswith("beran"):
                    pit = {h: bayes_pit(hist, future[h], h) for h in HS}
                    nominal = beran_levels(mr, hist, HS, LEVELS)
                else:
                    a = {"jeffreys": 0.5, "fisher": "fisher"}.get(m) or float(m.split("-")[1])
                    pit = {h: bayes_pit(hist, future[h], h, exponent=a) for h in HS}
                    nominal = {(h, L): np.full(nh, L) for h in HS for L in LEVELS}
                if os.environ.get("DECILES"):
                    counts = np.histogram(pit[3], bins=10, range=(0, 1))[0]
                    print(f"{m} φ={phi} T={T} h=3 PIT deciles: " + " ".join(map(str, counts)))
                cells = []
                for h in HS:
                    for L in LEVELS:
                        c = np.mean(np.abs(pit[h] - 0.5) <= nominal[(h, L)] / 2)
                        cells.append(f"{100 * c:.1f}")
                        deviations[m].append(abs(100 * c - 100 * L))
                print(f"| {m} | {phi} | {T} | " + " | ".join(cells) + " |", flush=True)
    print("\n| method | mean abs deviation from nominal (pp) | largest (pp) | cells off by more than 2.5 pp |")
    print("|---|---|---|---|")
    for m, d in deviations.items():
        print(f"| {m} | {np.mean(d):.2f} | {max(d):.1f} | {sum(x > 2.5 for x in d)}/{len(d)} |")


if __name__ == "__main__":
    main()
