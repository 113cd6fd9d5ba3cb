// spectral.ts — symmetric eigendecomposition (cyclic Jacobi) and SVD (one-sided Jacobi, Hestenes): slow-ish but
// accurate to a few ulps, which is what fidelity to NumPy's LAPACK results needs. Eigen/singular vectors are
// unique only up to sign; tessera's signs may differ from LAPACK's (tests check reconstruction and |values|).

import type { ArrayLike } from "../../core/convert.js";
import type { NDArray } from "../../core/ndarray.js";
import { ValueError } from "../../core/errors.js";
import { assertSquare, matrixAt, result, toStack, transpose } from "./stack.js";

const EPS = 2.220446049250313e-16;

/** Columns p, q of a row-major rows×cols matrix ← (c·Mp − s·Mq, s·Mp + c·Mq): one Givens/Jacobi rotation. */
function rotateColumns(M: Float64Array, rows: number, cols: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < rows; k++) {
    const mp = M[k * cols + p]!, mq = M[k * cols + q]!;
    M[k * cols + p] = c * mp - s * mq;
    M[k * cols + q] = s * mp + c * mq;
  }
}

/** The same rotation applied to rows p, q of a row-major n×n matrix. */
function rotateRows(M: Float64Array, n: number, p: number, q: number, c: number, s: number): void {
  for (let k = 0; k < n; k++) {
    const mp = M[p * n + k]!, mq = M[q * n + k]!;
    M[p * n + k] = c * mp - s * mq;
    M[q * n + k] = s * mp + c * mq;
  }
}

/** Eigenvalues (ascending) and eigenvectors (columns of V, row-major n×n) of a symmetric matrix. */
export function jacobiEigen(A: Float64Array, n: number): { w: Float64Array; V: Float64Array } {
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0, total = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const v = A[i * n + j]! * A[i * n + j]!;
        total += v;
        if (i !== j) off += v;
      }
    if (off === 0 || off <= EPS * EPS * 1e-4 * total) break;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (apq === 0) continue;
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        rotateColumns(A, n, n, p, q, c, s);
        rotateRows(A, n, p, q, c, s);
        rotateColumns(V, n, n, p, q, c, s);
      }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => A[x * n + x]! - A[y * n + y]!);
  const w = new Float64Array(n), Vs = new Float64Array(n * n);
  order.forEach((src, dst) => {
    w[dst] = A[src * n + src]!;
    for (let k = 0; k < n; k++) Vs[k * n + dst] = V[k * n + src]!;
  });
  return { w, V: Vs };
}

function symmetricFrom(A: Float64Array, n: number, uplo: string): Float64Array {
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const lower = i >= j;
      const src = (uplo === "L") === lower ? A[i * n + j]! : A[j * n + i]!;
      S[i * n + j] = src;
    }
  return S;
}

export function eigh(a: ArrayLike, UPLO: "L" | "U" | { UPLO?: "L" | "U" } = "L"): [NDArray, NDArray] {
  const uplo = typeof UPLO === "string" ? UPLO : UPLO.UPLO ?? "L";
  if (uplo !== "L" && uplo !== "U") throw new ValueError("UPLO argument must be 'L' or 'U'");
  const s = toStack(a);
  assertSquare(s);
  const n = s.n, W = new Float64Array(s.count * n), Vs = new Float64Array(s.count * n * n);
  for (let b = 0; b < s.count; b++) {
    const { w, V } = jacobiEigen(symmetricFrom(matrixAt(s, b), n, uplo), n);
    W.set(w, b * n);
    Vs.set(V, b * n * n);
  }
  return [result(W, [...s.batch, n], s.dtype, s.tensor), result(Vs, [...s.batch, n, n], s.dtype, s.tensor)];
}

export function eigvalsh(a: ArrayLike, UPLO: "L" | "U" | { UPLO?: "L" | "U" } = "L"): NDArray {
  return eigh(a, UPLO)[0];
}

/** Thin SVD of an m×n matrix with m ≥ n: U (m×n), s (n, descending), V (n×n). */
function hestenes(A: Float64Array, m: number, n: number): { U: Float64Array; s: Float64Array; V: Float64Array } {
  const U = A, V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++)
      for (let q = p + 1; q < n; q++) {
        let alpha = 0, beta = 0, gamma = 0;
        for (let i = 0; i < m; i++) {
          const up = U[i * n + p]!, uq = U[i * n + q]!;
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t), sn = c * t;
        rotateColumns(U, m, n, p, q, c, sn);
        rotateColumns(V, n, n, p, q, c, sn);
      }
    if (!rotated) break;
  }
  const sv = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let norm = 0;
    for (let i = 0; i < m; i++) norm = Math.hypot(norm, U[i * n + j]!);
    sv[j] = norm;
    if (norm > 0) for (let i = 0; i < m; i++) U[i * n + j] /= norm;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => sv[y]! - sv[x]!);
  const Us = new Float64Array(m * n), Vs = new Float64Array(n * n), ss = new Float64Array(n);
  order.forEach((src, dst) => {
    ss[dst] = sv[src]!;
    for (let i = 0; i < m; i++) Us[i * n + dst] = sv[src]! > 0 ? U[i * n + src]! : 0;
    for (let i = 0; i < n; i++) Vs[i * n + dst] = V[i * n + src]!;
  });
  return { U: Us, s: ss, V: Vs };
}

/** Extend the orthonormal columns of Q (m×r; zero columns are treated as missing) to an orthonormal m×cols basis. */
function completeBasis(Q: Float64Array, m: number, r: number, cols: number): Float64Array {
  const out = new Float64Array(m * cols);
  const basis: Float64Array[] = [];
  for (let j = 0; j < r; j++) {
    const v = new Float64Array(m);
    let nz = 0;
    for (let i = 0; i < m; i++) nz += Math.abs((v[i] = Q[i * r + j]!));
    basis.push(nz > 0 ? v : new Float64Array(0));
  }
  const orth = (v: Float64Array): number => {
    for (let pass = 0; pass < 2; pass++)
      for (const b of basis) {
        if (b.length === 0) continue;
        let d = 0;
        for (let i = 0; i < m; i++) d += b[i]! * v[i]!;
        for (let i = 0; i < m; i++) v[i] -= d * b[i]!;
      }
    let nrm = 0;
    for (let i = 0; i < m; i++) nrm = Math.hypot(nrm, v[i]!);
    return nrm;
  };
  const fill = (slot: number): void => {
    for (let e = 0; e < m; e++) {
      const v = new Float64Array(m);
      v[e] = 1;
      const nrm = orth(v);
      if (nrm > 0.5) {
        for (let i = 0; i < m; i++) v[i] /= nrm;
        if (slot < basis.length) basis[slot] = v;
        else basis.push(v);
        return;
      }
    }
  };
  for (let j = 0; j < r; j++) if (basis[j]!.length === 0) fill(j);
  while (basis.length < cols) fill(basis.length);
  basis.slice(0, cols).forEach((v, j) => {
    for (let i = 0; i < m; i++) out[i * cols + j] = v[i]!;
  });
  return out;
}

export interface SvdOptions {
  fullMatrices?: boolean;
  computeUv?: boolean;
  hermitian?: boolean;
}

/** One matrix's SVD in NumPy's layout: U (m×ucols), s (k), Vh (vrows×n). */
export function svdOne(A: Float64Array, m: number, n: number, full: boolean): { U: Float64Array; s: Float64Array; Vh: Float64Array; ucols: number; vrows: number } {
  const k = Math.min(m, n);
  if (m >= n) {
    const { U, s, V } = hestenes(A, m, n);
    const ucols = full ? m : n;
    return { U: completeBasis(U, m, n, ucols), s, Vh: transpose(V, n, n), ucols, vrows: n };
  }
  const { U, s, V } = hestenes(transpose(A, m, n), n, m); // Aᵀ = U s Vᵀ  →  A = V s Uᵀ
  const vrows = full ? n : m;
  const Ufull = completeBasis(U, n, m, vrows); // n×vrows
  return { U: V, s, Vh: transpose(Ufull, n, vrows), ucols: m, vrows };
  void k;
}

export function svd(a: ArrayLike, fullMatrices: boolean | SvdOptions = true, opts: SvdOptions = {}): [NDArray, NDArray, NDArray] | NDArray {
  if (typeof fullMatrices === "object") {
    opts = fullMatrices;
    fullMatrices = opts.fullMatrices ?? true;
  }
  const s = toStack(a);
  const { m, n } = s, k = Math.min(m, n);
  const computeUv = opts.computeUv ?? true;
  const S = new Float64Array(s.count * k);
  const Us: Float64Array[] = [], Vhs: Float64Array[] = [];
  let ucols = 0, vrows = 0;
  for (let b = 0; b < s.count; b++) {
    const r = svdOne(matrixAt(s, b), m, n, fullMatrices && computeUv);
    S.set(r.s, b * k);
    Us.push(r.U);
    Vhs.push(r.Vh);
    ucols = r.ucols;
    vrows = r.vrows;
  }
  const Sr = result(S, [...s.batch, k], s.dtype, s.tensor);
  if (!computeUv) return Sr;
  const cat = (parts: Float64Array[], size: number) => {
    const out = new Float64Array(parts.length * size);
    parts.forEach((p, i) => out.set(p, i * size));
    return out;
  };
  return [result(cat(Us, m * ucols), [...s.batch, m, ucols], s.dtype, s.tensor), Sr, result(cat(Vhs, vrows * n), [...s.batch, vrows, n], s.dtype, s.tensor)];
}
