"""Reference for ScrambledSobolTests.testUnscrambledPointsAreScipys: the first 16 points of
scipy's unscrambled four-dimensional Sobol sequence as 32-bit integers. scipy takes the points
in Gray-code order: its point i is point i ^ (i >> 1) of the direct order.
Run: python3 sobol_reference.py"""
from scipy.stats import qmc

x = qmc.Sobol(d=4, scramble=False).random(16)
for row in x:
    print("[" + ", ".join(str(int(v * 2**32)) for v in row) + "],")
