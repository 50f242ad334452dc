"""Peer values for ConditionsTests.testSoftConditionAgainstNumericalIntegration.

Bivariate normal y = (y0, y1) ~ N(mu, Sigma), the one-year distribution of the known VAR(1)
of the test (c = [1, 2], y_T = 0, Sigma = L L^T = [[1, 0.6], [0.6, 2]]). Soft condition
y0 >= 1.5. By numerical integration over y0 (scipy.integrate.quad) of the conditional law
y1 | y0 = x ~ N(mu1 + s01/s00 (x - mu0), s11 - s01^2/s00):
  P(event), E[y1 | event], Var[y1 | event], P(y1 >= 2.5 | event).
Writes soft-condition.json beside this script.
"""
import json, os
import numpy as np
from scipy import integrate, stats

mu = np.array([1.0, 2.0])
S = np.array([[1.0, 0.6], [0.6, 2.0]])
a, b = 1.5, 2.5
s0 = np.sqrt(S[0, 0])
slope = S[0, 1] / S[0, 0]
cs = np.sqrt(S[1, 1] - S[0, 1] ** 2 / S[0, 0])
f0 = lambda x: stats.norm.pdf(x, mu[0], s0)
m1 = lambda x: mu[1] + slope * (x - mu[0])
p_event = integrate.quad(f0, a, np.inf)[0]
mean1 = integrate.quad(lambda x: f0(x) * m1(x), a, np.inf)[0] / p_event
second1 = integrate.quad(lambda x: f0(x) * (cs ** 2 + m1(x) ** 2), a, np.inf)[0] / p_event
p_met = integrate.quad(lambda x: f0(x) * stats.norm.sf(b, m1(x), cs), a, np.inf)[0] / p_event
out = {"p_event": p_event, "mean_y1": mean1, "var_y1": second1 - mean1 ** 2, "p_y1_at_least_2_5": p_met,
       "p_y1_at_least_2_5_unconditional": float(stats.norm.sf(b, mu[1], np.sqrt(S[1, 1])))}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "soft-condition.json"), "w") as fh:
    json.dump(out, fh, indent=2, sort_keys=True)
    fh.write("\n")
print(out)
