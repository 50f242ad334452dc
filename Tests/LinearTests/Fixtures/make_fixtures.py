"""Regenerates the numpy peer fixtures of LinearTests: `python3 make_fixtures.py`.

least_squares.json: a rank-deficient design (column 3 duplicates column 1, so rank 3 of 4)
with two right-hand sides, and numpy.linalg.lstsq's minimum-norm solution, rank and
singular values (LAPACK dgelsd, rcond = max(m, n) eps); plus a full-rank overdetermined
problem with numpy's solution.
eigenvalues.json: a general 6 x 6 matrix and numpy.linalg.eigvals (LAPACK dgeev).
Matrices are stored row-major (nested lists, one list per row).
"""
import json
import pathlib

import numpy as np

here = pathlib.Path(__file__).resolve().parent
rng = np.random.default_rng(20221)

a = rng.normal(size=(12, 4))
a[:, 3] = a[:, 1]
b = rng.normal(size=(12, 2))
x, _, rank, s = np.linalg.lstsq(a, b, rcond=None)
full = rng.normal(size=(15, 5))
bfull = rng.normal(size=(15, 1))
xfull = np.linalg.lstsq(full, bfull, rcond=None)[0]
(here / "least_squares.json").write_text(json.dumps({
    "numpy": np.__version__,
    "deficient": {"a": a.tolist(), "b": b.tolist(), "solution": x.tolist(),
                  "rank": int(rank), "singular_values": s.tolist()},
    "full_rank": {"a": full.tolist(), "b": bfull.tolist(), "solution": xfull.tolist()},
}, indent=1) + "\n")

g = rng.normal(size=(6, 6))
w = np.linalg.eigvals(g)
(here / "eigenvalues.json").write_text(json.dumps({
    "numpy": np.__version__,
    "a": g.tolist(),
    "real": w.real.tolist(),
    "imaginary": w.imag.tolist(),
}, indent=1) + "\n")
