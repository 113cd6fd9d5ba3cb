"""numpy_bench.py — the NumPy side of `npm run bench` (bench/run.ts spawns it once and talks to it over stdin/stdout).

Each request line is JSON {"workload": name, "repeats": n}; the reply line is JSON {"ms": [...], "rss_mb": x}.
Every request runs in a forked child, so its peak RSS (ru_maxrss from wait4) belongs to that workload alone; the
times are time.perf_counter() around the call, after one warm-up call. The workloads mirror WORKLOADS in bench/run.ts.
"""
import json
import os
import sys
import time

import numpy as np

N = 10**7
M = 4096


def setup(name):
    rng = np.random.default_rng(0)
    if name == "axpy":
        a, b, c = rng.random(N), rng.random(N), rng.random(N)
        return lambda: a * b + c
    if name == "axpy_out":
        a, b, c, t = rng.random(N), rng.random(N), rng.random(N), np.empty(N)
        return lambda: np.add(np.multiply(a, b, out=t), c, out=t)
    if name == "exp_out":
        x, t = rng.uniform(-20, 20, N), np.empty(N)
        return lambda: np.exp(x, out=t)
    if name in ("exp", "tanh", "sin", "cos"):
        lo, hi = {"exp": (-20, 20), "tanh": (-5, 5), "sin": (-100, 100), "cos": (-100, 100)}[name]
        x = rng.uniform(lo, hi, N)
        f = getattr(np, name)
        return lambda: f(x)
    if name in ("log", "log2"):
        x = rng.uniform(0, 1000, N)
        f = getattr(np, name)
        return lambda: f(x)
    if name == "exp_f32":
        x = rng.uniform(-20, 20, N).astype(np.float32)
        return lambda: np.exp(x)
    if name in ("sum0", "sum1"):
        a = rng.random((M, M))
        axis = 0 if name == "sum0" else 1
        return lambda: np.sum(a, axis=axis)
    if name == "transpose_copy":
        a = rng.random((M, M))
        return lambda: np.ascontiguousarray(a.T)
    if name == "fancy_get":
        a, idx = rng.random(N), rng.integers(0, N, 10**6)
        return lambda: a[idx]
    if name == "mask_get":
        a = rng.random(N)
        mask = a > 0.5
        return lambda: a[mask]
    if name == "unique_counts":
        x = rng.integers(0, 1000, 10**6)
        return lambda: np.unique(x, return_counts=True)
    if name == "sort":
        x = rng.random(10**6)
        return lambda: np.sort(x)
    if name == "einsum_bmm":
        a, b = rng.random((64, 64, 64)), rng.random((64, 64, 64))
        return lambda: np.einsum("bij,bjk->bik", a, b)
    raise ValueError(f"unknown workload {name}")


def child(name, repeats, w):
    fn = setup(name)
    fn()
    ms = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t) * 1e3)
    os.write(w, json.dumps(ms).encode())
    os.close(w)
    os._exit(0)


def run(name, repeats):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            child(name, repeats, w)
        except BaseException as e:  # noqa: BLE001 — reported to the parent
            os.write(w, json.dumps({"error": repr(e)}).encode())
            os._exit(1)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, _, ru = os.wait4(pid, 0)
    out = json.loads(b"".join(chunks) or b"null")
    if not isinstance(out, list):
        return {"error": (out or {}).get("error", "child failed")}
    return {"ms": out, "rss_mb": ru.ru_maxrss / 1024}


def main():
    print(json.dumps({"ready": True, "numpy": np.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        print(json.dumps(run(req["workload"], int(req["repeats"]))), flush=True)


main()
