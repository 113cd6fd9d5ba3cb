// blas-order.ts — small float64 products computed in the exact operation order of the OpenBLAS kernels NumPy calls
// (Haswell/SkylakeX builds, FMA), so their results equal NumPy's to the last bit. Used below a size where speed
// does not matter; the orders were found by testing candidate orders against NumPy (scripts/fixtures/matmul_exact.py).
//
// dgemm (n, m ≥ 2): every element is one FMA chain over k, in k order.
// dgemv (A (n×k) · x, n ≥ 2): per row, four FMA lanes over the first k − k mod 4 elements (lane = p mod 4), summed
// as (l0 + l2) + (l1 + l3); then the 1–3 leftover elements as the C tail compiles with contraction:
// 1 → fma(a0, x0, v); 2 → v + fma(a0, x0, a1·x1); 3 → v + fma(a2, x2, fma(a0, x0, a1·x1)). Exact for rows in the
// kernel's blocks of four; the last n mod 4 rows go through another kernel and match only while k < 8.

import { fma } from "./fma.js";

export function gemmFmaChain(a: Float64Array, ao: number, b: Float64Array, bo: number, c: Float64Array, co: number, n: number, k: number, m: number): void {
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s = fma(a[ao + i * k + p]!, b[bo + p * m + j]!, s);
      c[co + i * m + j] = s;
    }
}

export function gemvLanes(a: Float64Array, ao: number, x: Float64Array, xo: number, c: Float64Array, co: number, n: number, k: number): void {
  const k4 = k - (k % 4);
  for (let i = 0; i < n; i++) {
    const r = ao + i * k;
    let l0 = 0, l1 = 0, l2 = 0, l3 = 0;
    for (let p = 0; p < k4; p += 4) {
      l0 = fma(a[r + p]!, x[xo + p]!, l0);
      l1 = fma(a[r + p + 1]!, x[xo + p + 1]!, l1);
      l2 = fma(a[r + p + 2]!, x[xo + p + 2]!, l2);
      l3 = fma(a[r + p + 3]!, x[xo + p + 3]!, l3);
    }
    let v = k4 > 0 ? l0 + l2 + (l1 + l3) : 0;
    const t = k - k4, q = r + k4, y = xo + k4;
    if (t === 1) v = fma(a[q]!, x[y]!, v);
    else if (t === 2) v = v + fma(a[q]!, x[y]!, a[q + 1]! * x[y + 1]!);
    else if (t === 3) v = v + fma(a[q + 2]!, x[y + 2]!, fma(a[q]!, x[y]!, a[q + 1]! * x[y + 1]!));
    c[co + i] = v;
  }
}
