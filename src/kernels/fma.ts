// fma.ts — fused multiply-add emulated in float64 (Dekker's exact product + Knuth's TwoSum). OpenBLAS accumulates
// small products as a chain of hardware FMAs; reproducing that chain is what makes small matmuls match NumPy bit
// for bit. Correctly rounded except in rare double-rounding ties of the final addition.

const SPLIT = 134217729; // 2^27 + 1

export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0 || !Number.isFinite(c)) return p + c;
  // exact error of the product: a*b = p + e
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  // exact error of the sum: p + c = s + r
  const s = p + c;
  const v = s - p;
  const r = (p - (s - v)) + (c - v);
  return s + (r + e);
}
