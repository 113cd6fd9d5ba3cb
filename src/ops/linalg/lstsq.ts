// lstsq.ts — the SVD-based solvers: pinv, lstsq and matrix_rank, with NumPy's default cut-offs
// (max(M, N) · eps relative to the largest singular value).

import { asarray, type ArrayLike } from "../../core/convert.js";
import { LinAlgError } from "../../core/errors.js";
import { NDArray } from "../../core/ndarray.js";
import { svdOne } from "./spectral.js";
import { matrixAt, result, toStack, transpose } from "./stack.js";

const EPS = 2.220446049250313e-16;

export function pinv(a: ArrayLike, opts: { rcond?: number | null; rtol?: number | null; hermitian?: boolean } = {}): NDArray {
  const s = toStack(a);
  const { m, n } = s, k = Math.min(m, n);
  const rcond = opts.rcond ?? opts.rtol ?? Math.max(m, n) * EPS;
  const out = new Float64Array(s.count * n * m);
  for (let b = 0; b < s.count; b++) {
    const r = svdOne(matrixAt(s, b), m, n, false);
    const cut = rcond * (k > 0 ? r.s[0]! : 0);
    // pinv = V · diag(1/s) · Uᵀ
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) {
          const sv = r.s[p]!;
          if (sv > cut) acc += (r.Vh[p * n + i]! / sv) * r.U[j * r.ucols + p]!;
        }
        out[b * n * m + i * m + j] = acc;
      }
  }
  return result(out, [...s.batch, n, m], s.dtype, s.tensor);
}

/** np.linalg.lstsq(a, b, rcond=None): [x, residuals, rank, s]; rank is a JS number as NumPy returns a Python int. */
export function lstsq(a: ArrayLike, b: ArrayLike, rcond: number | null | { rcond?: number | null } = null): [NDArray, NDArray, number, NDArray] {
  const rc = typeof rcond === "object" && rcond !== null ? rcond.rcond ?? null : rcond;
  const A = toStack(a);
  if (A.batch.length) throw new LinAlgError(`${A.batch.length + 2}-dimensional array given. Array must be two-dimensional`);
  const B0 = asarray(b);
  const vector = B0.ndim === 1;
  const { m, n } = A, k = Math.min(m, n);
  const bm = B0.shape[0];
  if (bm !== m) throw new LinAlgError("Incompatible dimensions");
  const Bs = toStack(vector ? new NDArray(B0.data, B0.dtype, [m, 1], [B0._strides[0]!, 0], B0._offset) : B0);
  const nrhs = Bs.n;
  const r = svdOne(matrixAt(A, 0), m, n, false);
  const cut = (rc ?? EPS * Math.max(m, n)) * (k > 0 ? r.s[0]! : 0);
  let rank = 0;
  for (let p = 0; p < k; p++) if (r.s[p]! > cut) rank++;
  const Ut = transpose(r.U, m, r.ucols);
  const Bd = Bs.data;
  const x = new Float64Array(n * nrhs);
  for (let c = 0; c < nrhs; c++)
    for (let p = 0; p < rank; p++) {
      let d = 0;
      for (let i = 0; i < m; i++) d += Ut[p * m + i]! * Bd[i * nrhs + c]!;
      d /= r.s[p]!;
      for (let i = 0; i < n; i++) x[i * nrhs + c] += r.Vh[p * n + i]! * d;
    }
  let resid = new Float64Array(0);
  if (rank === n && m > n) {
    resid = new Float64Array(nrhs);
    for (let c = 0; c < nrhs; c++)
      for (let i = 0; i < m; i++) {
        let ax = 0;
        for (let j = 0; j < n; j++) ax += matrixAt(A, 0)[i * n + j]! * x[j * nrhs + c]!;
        resid[c] += (Bd[i * nrhs + c]! - ax) ** 2;
      }
  }
  const dtype = A.dtype === "float32" && Bs.dtype === "float32" ? "float32" : "float64";
  return [result(x, vector ? [n] : [n, nrhs], dtype), result(resid, [resid.length], dtype), rank, result(r.s, [k], dtype)];
}

/** np.linalg.matrix_rank: number of singular values above max(M, N) · eps · σ_max (int64; per matrix of a stack). */
export function matrixRank(a: ArrayLike, opts: { tol?: number | null; rtol?: number | null; hermitian?: boolean } = {}): NDArray {
  const A = asarray(a);
  if (A.ndim < 2) {
    let any = false;
    for (const v of A._values()) if (v !== 0 && v !== 0n) any = true;
    return new NDArray(new BigInt64Array([any ? 1n : 0n]), "int64", []);
  }
  const s = toStack(A);
  const { m, n } = s, k = Math.min(m, n);
  const out = new BigInt64Array(s.count);
  for (let b = 0; b < s.count; b++) {
    const r = svdOne(matrixAt(s, b), m, n, false);
    const smax = k > 0 ? r.s[0]! : 0;
    const tol = opts.tol ?? smax * (opts.rtol ?? Math.max(m, n) * EPS);
    let rank = 0;
    for (let p = 0; p < k; p++) if (r.s[p]! > tol) rank++;
    out[b] = BigInt(rank);
  }
  return new NDArray(out, "int64", s.batch);
}
