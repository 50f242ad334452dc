"""Regenerates forecast_var1.json: h-step mean and covariance of y_{T+h} for a VAR(1) in the
state-space form x_t = c + F x_{t-1} + G L e_t, y_t = H x_t, by brute force in numpy:
mean_h = H (F^h x0 + sum_{j<h} F^j c), Cov_h = H (F^h P0 F^h' + sum_{j<h} F^j G L L' G' F^j') H'.
Run: python3 forecast_generate.py"""
import json
import numpy as np

F = np.array([[0.5, 0.2, 0.0], [-0.1, 0.7, 0.1], [0.05, 0.0, 0.3]])
c = np.array([1.0, 2.0, -0.5])
Sigma = np.array([[2.0, 0.4, 0.1], [0.4, 1.0, -0.2], [0.1, -0.2, 0.5]])
L = np.linalg.cholesky(Sigma)
G = np.eye(3)
H = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])      # observe indicators 1 and 3
x0 = np.array([3.0, 1.0, 0.0])
P0 = np.array([[0.3, 0.1, 0.0], [0.1, 0.2, 0.0], [0.0, 0.0, 0.1]])
means, covs = [], []
mp = np.linalg.matrix_power
for h in range(1, 7):
    m = mp(F, h) @ x0 + sum(mp(F, j) @ c for j in range(h))
    P = mp(F, h) @ P0 @ mp(F, h).T + sum(mp(F, j) @ G @ Sigma @ G.T @ mp(F, j).T for j in range(h))
    means.append((H @ m).tolist())
    covs.append((H @ P @ H.T).flatten(order="F").tolist())
out = {"transition": F.tolist(), "intercept": c.tolist(), "cholesky": L.tolist(), "loading": G.tolist(),
       "observation": H.tolist(), "initial_state": x0.tolist(), "initial_covariance": P0.tolist(),
       "means": means, "covariances_column_major": covs}
with open("forecast_var1.json", "w") as f:
    json.dump(out, f, indent=1)
