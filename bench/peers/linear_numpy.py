"""numpy peer of Tests/Benchmarks/LinearBenchmarks.swift: the same operations at the same sizes.

Run by the Swift benchmark with OPENBLAS_NUM_THREADS=1 (single-threaded BLAS on both sides);
also runnable by hand:

    OPENBLAS_NUM_THREADS=1 python3 bench/peers/linear_numpy.py --gemm-rows 4096,1000000 \
        --k 10 --orders 10,50 --min-seconds 0.2

Prints one JSON object, seconds per call:
    {"gemm": {"<N>": s}, "cholesky": {"<k>": s}, "lstsq": {"<k>": s}, "numpy": "<version>"}
Operations (column-major arrays, as in forecast's Matrix):
    gemm      (N x k)(k x k), A @ B, the product of one simulation step over N paths
    cholesky  numpy.linalg.cholesky of a k x k SPD matrix (LAPACK dpotrf)
    lstsq     numpy.linalg.lstsq of a (4k x k) design on k right-hand sides (LAPACK dgelsd)
Timing: one warm-up call, then calls repeated until --min-seconds have elapsed (at least 3);
the figure is elapsed time / calls, the same rule as the Swift side.
"""
import argparse
import json
import time

import numpy as np


def seconds_per_call(minimum, body):
    body()
    calls = 0
    start = time.perf_counter()
    while True:
        body()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= minimum and calls >= 3:
            return elapsed / calls


def spd(k, rng):
    g = rng.uniform(-1, 1, size=(k, k))
    return np.asfortranarray(g @ g.T + k * np.eye(k))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gemm-rows", required=True)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--orders", required=True)
    parser.add_argument("--min-seconds", type=float, default=0.2)
    args = parser.parse_args()
    rng = np.random.default_rng(2022)
    k = args.k
    result = {"numpy": np.__version__, "gemm": {}, "cholesky": {}, "lstsq": {}}
    b = np.asfortranarray(rng.uniform(-1, 1, size=(k, k)))
    for n in (int(x) for x in args.gemm_rows.split(",")):
        a = np.asfortranarray(rng.uniform(-1, 1, size=(n, k)))
        result["gemm"][str(n)] = seconds_per_call(args.min_seconds, lambda: a @ b)
    for order in (int(x) for x in args.orders.split(",")):
        s = spd(order, rng)
        result["cholesky"][str(order)] = seconds_per_call(args.min_seconds, lambda: np.linalg.cholesky(s))
        design = np.asfortranarray(rng.uniform(-1, 1, size=(4 * order, order)))
        rhs = np.asfortranarray(rng.uniform(-1, 1, size=(4 * order, order)))
        result["lstsq"][str(order)] = seconds_per_call(
            args.min_seconds, lambda: np.linalg.lstsq(design, rhs, rcond=None))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
