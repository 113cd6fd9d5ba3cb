// stack.ts — np.linalg's shared plumbing: inputs as stacks of row-major float64 matrices (..., m, n), the result
// dtype rule (float32 stays float32, everything else computes in float64) and LinAlgError's shape messages.

import { asarray, castCopy, type ArrayLike } from "../../core/convert.js";
import type { DType } from "../../core/dtype.js";
import { LinAlgError } from "../../core/errors.js";
import { NDArray } from "../../core/ndarray.js";

export interface Stack {
  batch: number[];
  m: number;
  n: number;
  count: number;
  data: Float64Array;
  /** dtype of floating results (float32 in → float32 out, as NumPy's LAPACK wrappers). */
  dtype: DType;
  tensor: boolean;
}

export function resultDType(d: DType): DType {
  return d === "float32" ? "float32" : "float64";
}

export function toStack(x: ArrayLike, minNd = 2): Stack {
  const a = asarray(x);
  if (a.ndim < minNd) throw new LinAlgError(`${a.ndim}-dimensional array given. Array must be at least two-dimensional`);
  const m = a.shape[a.ndim - 2]!, n = a.shape[a.ndim - 1]!;
  const batch = a.shape.slice(0, -2);
  const data = castCopy(a, "float64").data as Float64Array;
  return { batch, m, n, count: batch.reduce((p, q) => p * q, 1), data, dtype: resultDType(a.dtype), tensor: a._tensor };
}

export function assertSquare(s: Stack): void {
  if (s.m !== s.n) throw new LinAlgError("Last 2 dimensions of the array must be square");
}

/** One matrix of a stack, as a fresh row-major copy. */
export function matrixAt(s: Stack, i: number): Float64Array {
  return s.data.slice(i * s.m * s.n, (i + 1) * s.m * s.n);
}

/** Build an NDArray of `shape` from float64 data, cast to `dtype`. */
export function result(data: Float64Array, shape: number[], dtype: DType, tensor = false): NDArray {
  const r = new NDArray(data, "float64", shape);
  const out = dtype === "float64" ? r : castCopy(r, dtype);
  out._tensor = tensor;
  return out;
}

export function transpose(a: Float64Array, m: number, n: number): Float64Array {
  const t = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) t[j * m + i] = a[i * n + j]!;
  return t;
}

/** C = A(m×k) · B(k×n), all row-major. */
export function mul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let p = 0; p < k; p++) {
      const av = a[i * k + p]!;
      if (av === 0) continue;
      for (let j = 0; j < n; j++) c[i * n + j] += av * b[p * n + j]!;
    }
  return c;
}
