"""Peer for RandomBenchmarks: numpy's standard normals into a preallocated 4,096 buffer.

Prints one line, `numpy_normals_per_second <rate>`, the best of 5 runs of about 0.2 s each of
`Generator.standard_normal(out=buf)` (numpy's 256-layer ziggurat on PCG64 by default; with
`--philox`, on numpy's Philox4x32-10 bit generator, the same generator as ours).
"""
import sys
import time

import numpy as np


def rate(generator, buffer, seconds=0.2):
    calls = 0
    start = time.perf_counter()
    while True:
        for _ in range(50):
            generator.standard_normal(out=buffer)
        calls += 50
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return calls * buffer.size / elapsed


def main():
    bit_generator = np.random.Philox(2022) if "--philox" in sys.argv else np.random.PCG64(2022)
    generator = np.random.Generator(bit_generator)
    buffer = np.empty(4096)
    best = max(rate(generator, buffer) for _ in range(5))
    print(f"numpy_normals_per_second {best:.6e}")


if __name__ == "__main__":
    main()
