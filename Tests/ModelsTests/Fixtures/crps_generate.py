"""Regenerates crps_reference.json: CRPS of a Gaussian predictive (Gneiting & Raftery 2007, eq. 21,
with scipy.stats.norm), its log score (scipy norm.logpdf), and the CRPS of an ensemble by brute
force O(n^2) in numpy: mean|X - y| - mean|X - X'| / 2 (the energy form, 1/n^2 normalisation).
Run: python3 crps_generate.py"""
import json
import numpy as np
from scipy.stats import norm

cases = [(0.0, 1.0, 0.0), (0.0, 1.0, 1.5), (2.5, 0.7, 1.0), (-3.0, 4.0, 10.0), (8.2, 1.9, 8.0)]
gauss = []
for mu, s, y in cases:
    z = (y - mu) / s
    crps = s * (z * (2 * norm.cdf(z) - 1) + 2 * norm.pdf(z) - 1 / np.sqrt(np.pi))
    gauss.append({"mean": mu, "sd": s, "observation": y, "crps": float(crps),
                  "log_score": float(norm.logpdf(y, mu, s))})
rng = np.random.default_rng(2007)
sample = rng.standard_t(5, size=57) * 2 + 1
ens = []
for y in (-4.0, 0.3, 1.0, 9.0):
    crps = np.mean(np.abs(sample - y)) - 0.5 * np.mean(np.abs(sample[:, None] - sample[None, :]))
    ens.append({"observation": y, "crps": float(crps)})
with open("crps_reference.json", "w") as f:
    json.dump({"gaussian": gauss, "sample": sample.tolist(), "ensemble": ens}, f, indent=1)
