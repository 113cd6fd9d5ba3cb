// lu.ts — LU with partial pivoting (LAPACK dgetrf's choices: first largest |pivot|, continue past zero pivots),
// and what NumPy builds on it: det, slogdet, solve, inv.

import { asarray, type ArrayLike } from "../../core/convert.js";
import { LinAlgError, ValueError } from "../../core/errors.js";
import { NDArray } from "../../core/ndarray.js";
import { broadcastShapes } from "../../core/shape.js";
import { assertSquare, matrixAt, result, toStack, type Stack } from "./stack.js";

export interface LU {
  lu: Float64Array;
  piv: Int32Array;
  /** +1/-1 from the row swaps. */
  sign: number;
  singular: boolean;
}

export function luFactor(a: Float64Array, n: number): LU {
  const lu = a;
  const piv = new Int32Array(n);
  let sign = 1, singular = false;
  for (let k = 0; k < n; k++) {
    let p = k, best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      sign = -sign;
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
    }
    const d = lu[k * n + k]!;
    if (d === 0) {
      singular = true;
      continue;
    }
    for (let i = k + 1; i < n; i++) {
      const f = (lu[i * n + k] = lu[i * n + k]! / d);
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j]!;
    }
  }
  return { lu, piv, sign, singular };
}

/** Solve A X = B in place in `b` (n×k, row-major) from A's LU factors. */
export function luSolve(f: LU, n: number, b: Float64Array, k: number): void {
  const { lu, piv } = f;
  for (let i = 0; i < n; i++) {
    const p = piv[i]!;
    if (p !== i) for (let j = 0; j < k; j++) {
      const t = b[i * k + j]!;
      b[i * k + j] = b[p * k + j]!;
      b[p * k + j] = t;
    }
  }
  for (let i = 0; i < n; i++)
    for (let r = 0; r < i; r++) {
      const l = lu[i * n + r]!;
      if (l !== 0) for (let j = 0; j < k; j++) b[i * k + j] -= l * b[r * k + j]!;
    }
  for (let i = n - 1; i >= 0; i--) {
    for (let r = i + 1; r < n; r++) {
      const u = lu[i * n + r]!;
      if (u !== 0) for (let j = 0; j < k; j++) b[i * k + j] -= u * b[r * k + j]!;
    }
    const d = lu[i * n + i]!;
    for (let j = 0; j < k; j++) b[i * k + j] /= d;
  }
}

function squareStack(a: ArrayLike): Stack {
  const s = toStack(a);
  assertSquare(s);
  return s;
}

/** np.linalg.det: NumPy computes it from the LU diagonal as sign · exp(Σ log|uᵢᵢ|), and so do we (same rounding). */
export function det(a: ArrayLike): NDArray {
  const s = squareStack(a);
  const [sign, logdet] = slogdetData(s);
  const out = new Float64Array(s.count);
  for (let b = 0; b < s.count; b++) out[b] = sign[b]! * Math.exp(logdet[b]!);
  return result(out, s.batch, s.dtype, s.tensor);
}

function slogdetData(s: Stack): [Float64Array, Float64Array] {
  const sg = new Float64Array(s.count), ld = new Float64Array(s.count);
  for (let b = 0; b < s.count; b++) {
    const f = luFactor(matrixAt(s, b), s.n);
    let sign = f.sign, log = 0;
    for (let i = 0; i < s.n; i++) {
      const u = f.lu[i * s.n + i]!;
      if (u < 0) sign = -sign;
      log += Math.log(Math.abs(u));
    }
    if (f.singular) {
      sign = 0;
      log = -Infinity;
    }
    sg[b] = sign;
    ld[b] = log;
  }
  return [sg, ld];
}

/** np.linalg.slogdet: [sign, logabsdet]. */
export function slogdet(a: ArrayLike): [NDArray, NDArray] {
  const s = squareStack(a);
  const [sg, ld] = slogdetData(s);
  return [result(sg, s.batch, s.dtype, s.tensor), result(ld, s.batch, s.dtype, s.tensor)];
}

export function inv(a: ArrayLike): NDArray {
  const s = squareStack(a);
  const n = s.n, out = new Float64Array(s.count * n * n);
  for (let b = 0; b < s.count; b++) {
    const f = luFactor(matrixAt(s, b), n);
    if (f.singular) throw new LinAlgError("Singular matrix");
    const x = new Float64Array(n * n);
    for (let i = 0; i < n; i++) x[i * n + i] = 1;
    luSolve(f, n, x, n);
    out.set(x, b * n * n);
  }
  return result(out, [...s.batch, n, n], s.dtype, s.tensor);
}

/** np.linalg.solve: b is a vector only when it is 1-d (NumPy 2); otherwise a stack of matrices. */
export function solve(a: ArrayLike, b: ArrayLike): NDArray {
  const A = squareStack(a);
  const B = asarray(b);
  const n = A.n;
  const vector = B.ndim === 1;
  const name = vector ? "solve1" : "solve";
  const sig = vector ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
  if (B.ndim === 0) throw new ValueError(`${name}: Input operand 1 does not have enough dimensions (has 0, gufunc core with signature ${sig} requires 1)`);
  const bm = vector ? B.shape[0]! : B.shape[B.ndim - 2]!;
  if (bm !== n) throw new ValueError(`${name}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${sig} (size ${bm} is different from ${n})`);
  const Bs = vector ? toStack(new NDArray(B.data, B.dtype, [n, 1], [B._strides[0]!, 0], B._offset)) : toStack(B);
  const k = Bs.n;
  const batch = broadcastShapes(A.batch, vector ? [] : Bs.batch);
  const count = batch.reduce((p, q) => p * q, 1);
  const out = new Float64Array(count * n * k);
  const idxA = batchIndex(A.batch, batch), idxB = batchIndex(vector ? [] : Bs.batch, batch);
  for (let i = 0; i < count; i++) {
    const f = luFactor(matrixAt(A, idxA(i)), n);
    if (f.singular) throw new LinAlgError("Singular matrix");
    const x = matrixAt(Bs, idxB(i));
    luSolve(f, n, x, k);
    out.set(x, i * n * k);
  }
  const dtype = A.dtype === "float32" && Bs.dtype === "float32" ? "float32" : "float64";
  return result(out, vector ? [...batch, n] : [...batch, n, k], dtype, A.tensor || Bs.tensor);
}

/** Map a flat index over the broadcast batch shape to the flat index in an operand's own batch shape. */
export function batchIndex(own: number[], full: number[]): (i: number) => number {
  const off = full.length - own.length;
  return (i) => {
    let r = 0, mul = 1;
    for (let d = full.length - 1; d >= 0; d--) {
      const c = i % full[d]!;
      i = Math.floor(i / full[d]!);
      const j = d - off;
      if (j >= 0) {
        if (own[j] !== 1) r += c * mul;
        mul *= own[j]!;
      }
    }
    return r;
  };
}
