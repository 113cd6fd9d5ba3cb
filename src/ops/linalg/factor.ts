// factor.ts — Cholesky and Householder QR, with LAPACK's conventions (dpotrf's lower factor and positive-definite
// test; dgeqr2/dlarfg's reflector signs, so R's diagonal signs match NumPy's) and NumPy's modes.

import type { ArrayLike } from "../../core/convert.js";
import { LinAlgError, ValueError } from "../../core/errors.js";
import type { NDArray } from "../../core/ndarray.js";
import { assertSquare, matrixAt, result, toStack } from "./stack.js";

export function cholesky(a: ArrayLike, opts: { upper?: boolean } = {}): NDArray {
  const s = toStack(a);
  assertSquare(s);
  const n = s.n, out = new Float64Array(s.count * n * n);
  for (let b = 0; b < s.count; b++) {
    const A = matrixAt(s, b);
    const L = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      let d = A[j * n + j]!;
      for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
      if (!(d > 0)) throw new LinAlgError("Matrix is not positive definite");
      const ljj = Math.sqrt(d);
      L[j * n + j] = ljj;
      for (let i = j + 1; i < n; i++) {
        let v = A[i * n + j]!;
        for (let k = 0; k < j; k++) v -= L[i * n + k]! * L[j * n + k]!;
        L[i * n + j] = v / ljj;
      }
    }
    if (opts.upper) for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) [L[j * n + i], L[i * n + j]] = [L[i * n + j]!, 0];
    out.set(L, b * n * n);
  }
  return result(out, [...s.batch, n, n], s.dtype, s.tensor);
}

/** Householder QR of one m×n matrix: R (m×n, upper), reflectors v (unit leading) and tau, as dgeqr2. */
export function householder(A: Float64Array, m: number, n: number): { R: Float64Array; V: Float64Array; tau: Float64Array } {
  const R = A;
  const k = Math.min(m, n);
  const V = new Float64Array(m * k), tau = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    // dlarfg on column j below the diagonal
    const alpha = R[j * n + j]!;
    let xnorm = 0;
    for (let i = j + 1; i < m; i++) xnorm = Math.hypot(xnorm, R[i * n + j]!);
    V[j * k + j] = 1;
    if (xnorm === 0) {
      tau[j] = 0;
      continue;
    }
    const beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
    tau[j] = (beta - alpha) / beta;
    const scale = 1 / (alpha - beta);
    for (let i = j + 1; i < m; i++) {
      V[i * k + j] = R[i * n + j]! * scale;
      R[i * n + j] = 0;
    }
    R[j * n + j] = beta;
    // apply H = I - tau v vᵀ to the trailing columns
    for (let c = j + 1; c < n; c++) {
      let dot = R[j * n + c]!;
      for (let i = j + 1; i < m; i++) dot += V[i * k + j]! * R[i * n + c]!;
      const t = tau[j]! * dot;
      R[j * n + c] -= t;
      for (let i = j + 1; i < m; i++) R[i * n + c] -= t * V[i * k + j]!;
    }
  }
  return { R, V, tau };
}

/** Q's first `cols` columns from the reflectors (dorg2r: apply H_k … H_1 to the identity, backwards). */
export function formQ(V: Float64Array, tau: Float64Array, m: number, k: number, cols: number): Float64Array {
  const Q = new Float64Array(m * cols);
  for (let i = 0; i < Math.min(m, cols); i++) Q[i * cols + i] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const t = tau[j]!;
    if (t === 0) continue;
    for (let c = 0; c < cols; c++) {
      let dot = 0;
      for (let i = j; i < m; i++) dot += V[i * k + j]! * Q[i * cols + c]!;
      const f = t * dot;
      if (f !== 0) for (let i = j; i < m; i++) Q[i * cols + c] -= f * V[i * k + j]!;
    }
  }
  return Q;
}

export type QRMode = "reduced" | "complete" | "r";

/** np.linalg.qr: [Q, R] for "reduced"/"complete", R alone for "r". */
export function qr(a: ArrayLike, mode: QRMode | { mode?: QRMode } = "reduced"): [NDArray, NDArray] | NDArray {
  const md = typeof mode === "string" ? mode : mode.mode ?? "reduced";
  if (!["reduced", "complete", "r"].includes(md)) throw new ValueError(`Unrecognized mode '${md}'`);
  const s = toStack(a);
  const { m, n } = s, k = Math.min(m, n);
  const qCols = md === "complete" ? m : k, rRows = md === "complete" ? m : k;
  const Qs = new Float64Array(s.count * m * qCols), Rs = new Float64Array(s.count * rRows * n);
  for (let b = 0; b < s.count; b++) {
    const { R, V, tau } = householder(matrixAt(s, b), m, n);
    for (let i = 0; i < rRows; i++) for (let j = 0; j < n; j++) Rs[b * rRows * n + i * n + j] = j >= i ? R[i * n + j]! : 0;
    if (md !== "r") Qs.set(formQ(V, tau, m, k, qCols), b * m * qCols);
  }
  const Rr = result(Rs, [...s.batch, rRows, n], s.dtype, s.tensor);
  return md === "r" ? Rr : [result(Qs, [...s.batch, m, qCols], s.dtype, s.tensor), Rr];
}
