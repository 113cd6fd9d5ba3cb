// eig.ts — np.linalg.eig / eigvals for real input: LAPACK dgeev's path (public-domain algorithms), step for step so
// that the eigenvalue order (and, mostly, the eigenvector signs) come out as NumPy's: dgebal (permute + scale),
// dgehd2 (Householder Hessenberg), dorghr (Q), dlahqr (Francis double-shift QR, Ahues–Tisseur deflation, dlanv2 2×2
// standardisation), dtrevc3 (back-substitution, 1×1 blocks), dgebak, then unit Euclidean norm per column.
// Limits: LAPACK uses dlaqr0 from n = 75 on (same eigenvalues, another order); where exact arithmetic would cancel
// to zero (repeated eigenvalues), the last bits of OpenBLAS's FMA kernels steer the iteration, so order, signs and
// even real-vs-complex for a double eigenvalue can differ. tessera has no complex dtype yet: complex spectra throw.
// Matrices are row-major n×n, indices 0-based.

import type { ArrayLike } from "../../core/convert.js";
import { LinAlgError, NotImplementedError } from "../../core/errors.js";
import type { NDArray } from "../../core/ndarray.js";
import { assertSquare, matrixAt, result, toStack } from "./stack.js";

const ULP = 2 ** -52; // dlamch('P')
const SAFMIN = 2 ** -1022; // dlamch('S')

/** Fortran SIGN(a, b): |a| with the sign of b (−0 counts as negative, as gfortran's copysign). */
const sign = (a: number, b: number): number => (b < 0 || Object.is(b, -0) ? -Math.abs(a) : Math.abs(a));

function nrm2(x: Float64Array, start: number, count: number, stride: number): number {
  let ss = 0;
  for (let i = 0; i < count; i++) ss += x[start + i * stride]! ** 2;
  if (ss > 1e-290 && ss < 1e300) return Math.sqrt(ss);
  let scale = 0;
  for (let i = 0; i < count; i++) scale = Math.max(scale, Math.abs(x[start + i * stride]!));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  ss = 0;
  for (let i = 0; i < count; i++) ss += (x[start + i * stride]! / scale) ** 2;
  return scale * Math.sqrt(ss);
}

function lapy2(x: number, y: number): number {
  const w = Math.max(Math.abs(x), Math.abs(y)), z = Math.min(Math.abs(x), Math.abs(y));
  return z === 0 || w > Number.MAX_VALUE ? w : w * Math.sqrt(1 + (z / w) ** 2);
}

/** dlarfg: reflector H with H·(alpha; x) = (beta; 0); beta replaces a[ia], v replaces x; returns tau. */
function larfg(order: number, a: Float64Array, ia: number, ix: number, inc: number): number {
  if (order <= 1) return 0;
  let xnorm = nrm2(a, ix, order - 1, inc);
  if (xnorm === 0) return 0;
  let alpha = a[ia]!;
  let beta = -sign(lapy2(alpha, xnorm), alpha);
  const safmin = SAFMIN / 2 ** -53;
  let knt = 0;
  if (Math.abs(beta) < safmin) {
    do {
      knt++;
      for (let j = 0; j < order - 1; j++) a[ix + j * inc] /= safmin;
      beta /= safmin;
      alpha /= safmin;
    } while (Math.abs(beta) < safmin && knt < 20);
    xnorm = nrm2(a, ix, order - 1, inc);
    beta = -sign(lapy2(alpha, xnorm), alpha);
  }
  const tau = (beta - alpha) / beta;
  const scal = 1 / (alpha - beta);
  for (let j = 0; j < order - 1; j++) a[ix + j * inc] *= scal;
  for (let j = 0; j < knt; j++) beta *= safmin;
  a[ia] = beta;
  return tau;
}

function swap(a: Float64Array, i: number, j: number, count: number, stride: number): void {
  for (let t = 0; t < count; t++) {
    const p = i + t * stride, q = j + t * stride, v = a[p]!;
    a[p] = a[q]!;
    a[q] = v;
  }
}

function idamax(a: Float64Array, start: number, count: number, stride: number): number {
  let best = -1, at = 0;
  for (let t = 0; t < count; t++) {
    const v = Math.abs(a[start + t * stride]!);
    if (v > best) [best, at] = [v, t];
  }
  return at;
}

interface Balance {
  ilo: number;
  ihi: number;
  /** Permutation index (outside ilo..ihi) or scaling factor (inside), as dgebal's SCALE. */
  scale: Float64Array;
}

/** dgebal('B') (LAPACK 3.12): isolate eigenvalues by permutation, then scale rows/columns ilo..ihi by powers of 2. */
function balance(A: Float64Array, n: number): Balance {
  const scale = new Float64Array(n).fill(1);
  let k = 0, l = n - 1;
  for (let noconv = true; noconv; ) {
    noconv = false;
    for (let i = l; i >= 0; i--) {
      let canSwap = true;
      for (let j = 0; j <= l && canSwap; j++) if (i !== j && A[i * n + j] !== 0) canSwap = false;
      if (!canSwap) continue;
      scale[l] = i;
      if (i !== l) {
        swap(A, i, l, l + 1, n);
        swap(A, i * n + k, l * n + k, n - k, 1);
      }
      noconv = true;
      if (l === 0) return { ilo: 0, ihi: 0, scale };
      l--;
    }
  }
  for (let noconv = true; noconv; ) {
    noconv = false;
    for (let j = k; j <= l; j++) {
      let canSwap = true;
      for (let i = k; i <= l && canSwap; i++) if (i !== j && A[i * n + j] !== 0) canSwap = false;
      if (!canSwap) continue;
      scale[k] = j;
      if (j !== k) {
        swap(A, j, k, l + 1, n);
        swap(A, j * n + k, k * n + k, n - k, 1);
      }
      noconv = true;
      k++;
    }
  }
  for (let i = k; i <= l; i++) scale[i] = 1;
  const sfmin1 = SAFMIN / ULP, sfmax1 = 1 / sfmin1, sfmin2 = sfmin1 * 2, sfmax2 = 1 / sfmin2;
  for (let noconv = true; noconv; ) {
    noconv = false;
    for (let i = k; i <= l; i++) {
      let c = nrm2(A, k * n + i, l - k + 1, n), r = nrm2(A, i * n + k, l - k + 1, 1);
      let ca = Math.abs(A[idamax(A, i, l + 1, n) * n + i]!);
      let ra = Math.abs(A[i * n + k + idamax(A, i * n + k, n - k, 1)]!);
      if (c === 0 || r === 0) continue;
      let g = r / 2, f = 1;
      const s = c + r;
      while (c < g && Math.max(f, c, ca) < sfmax2 && Math.min(r, g, ra) > sfmin2) {
        f *= 2, c *= 2, ca *= 2, r /= 2, g /= 2, ra /= 2;
      }
      g = c / 2;
      while (g >= r && Math.max(r, ra) < sfmax2 && Math.min(f, c, g, ca) > sfmin2) {
        f /= 2, c /= 2, g /= 2, ca /= 2, r *= 2, ra *= 2;
      }
      if (c + r >= 0.95 * s) continue;
      if (f < 1 && scale[i]! < 1 && f * scale[i]! <= sfmin1) continue;
      if (f > 1 && scale[i]! > 1 && scale[i]! >= sfmax1 / f) continue;
      scale[i] *= f;
      noconv = true;
      for (let j = k; j < n; j++) A[i * n + j] *= 1 / f;
      for (let j = 0; j <= l; j++) A[j * n + i] *= f;
    }
  }
  return { ilo: k, ihi: l, scale };
}

/** dlarf: apply H = I − tau·v·vᵀ (v[0] = 1) from the left to rows r0..r1 × columns c0..c1 of A, in place. */
function reflectLeft(A: Float64Array, n: number, v: Float64Array, tau: number, r0: number, r1: number, c0: number, c1: number): void {
  if (tau === 0) return;
  for (let c = c0; c <= c1; c++) {
    let w = 0;
    for (let r = r0; r <= r1; r++) w += A[r * n + c]! * v[r - r0]!;
    const t = -tau * w;
    for (let r = r0; r <= r1; r++) A[r * n + c] += v[r - r0]! * t;
  }
}

/** dlarf from the right: columns c0..c1 × rows r0..r1 of A ← A·H. */
function reflectRight(A: Float64Array, n: number, v: Float64Array, tau: number, r0: number, r1: number, c0: number, c1: number): void {
  if (tau === 0) return;
  for (let r = r0; r <= r1; r++) {
    let w = 0;
    for (let c = c0; c <= c1; c++) w += A[r * n + c]! * v[c - c0]!;
    for (let c = c0; c <= c1; c++) A[r * n + c] += w * (-tau * v[c - c0]!);
  }
}

/** dgehd2 + dorghr: reduce A (in place) to upper Hessenberg H = Qᵀ·A·Q; returns Q when asked. */
function hessenberg(A: Float64Array, n: number, ilo: number, ihi: number, wantQ: boolean): Float64Array | null {
  const vs: Float64Array[] = [], taus: number[] = [];
  for (let i = ilo; i < ihi; i++) {
    const tau = larfg(ihi - i, A, (i + 1) * n + i, Math.min(i + 2, n - 1) * n + i, n);
    const v = new Float64Array(ihi - i);
    v[0] = 1;
    for (let r = i + 2; r <= ihi; r++) v[r - i - 1] = A[r * n + i]!;
    reflectRight(A, n, v, tau, 0, ihi, i + 1, ihi);
    reflectLeft(A, n, v, tau, i + 1, ihi, i + 1, n - 1);
    vs.push(v), taus.push(tau);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i - 1; j++) A[i * n + j] = 0;
  if (!wantQ) return null;
  const Q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) Q[i * n + i] = 1;
  for (let i = ihi - 1; i >= ilo; i--) reflectLeft(Q, n, vs[i - ilo]!, taus[i - ilo]!, i + 1, ihi, i + 1, ihi);
  return Q;
}

function rot(a: Float64Array, x: number, y: number, count: number, stride: number, cs: number, sn: number): void {
  for (let t = 0; t < count; t++) {
    const p = x + t * stride, q = y + t * stride, tmp = cs * a[p]! + sn * a[q]!;
    a[q] = cs * a[q]! - sn * a[p]!;
    a[p] = tmp;
  }
}

/** dlanv2: Schur form of [[a, b], [c, d]] — upper triangular when the eigenvalues are real. */
function lanv2(a: number, b: number, c: number, d: number) {
  const eps = ULP, safmn2 = 2 ** -485, safmx2 = 1 / safmn2;
  let cs = 1, sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    [cs, sn, a, d, b, c] = [0, 1, d, a, -c, 0];
  } else if (a - d === 0 && sign(1, b) !== sign(1, c)) {
    // standard form already
  } else {
    let temp = a - d, p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sign(1, b) * sign(1, c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= 4 * eps) {
      z = p + sign(Math.sqrt(scale) * Math.sqrt(z), p);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = lapy2(c, z);
      cs = z / tau, sn = c / tau, b = b - c, c = 0;
    } else {
      let sigma = b + c;
      for (let count = 1; count <= 21; count++) {
        scale = Math.max(Math.abs(temp), Math.abs(sigma));
        if (scale >= safmx2) (sigma *= safmn2), (temp *= safmn2);
        else if (scale <= safmn2) (sigma *= safmx2), (temp *= safmx2);
        else break;
      }
      p = 0.5 * temp;
      let tau = lapy2(sigma, temp);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sign(1, sigma);
      const aa = a * cs + b * sn, bb = -a * sn + b * cs, cc = c * cs + d * sn, dd = -c * sn + d * cs;
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      temp = 0.5 * (a + d);
      a = d = temp;
      if (c !== 0) {
        if (b !== 0) {
          if (sign(1, b) === sign(1, c)) {
            const sab = Math.sqrt(Math.abs(b)), sac = Math.sqrt(Math.abs(c));
            p = sign(sab * sac, c);
            tau = 1 / Math.sqrt(Math.abs(b + c));
            a = temp + p, d = temp - p, b = b - c, c = 0;
            const cs1 = sab * tau, sn1 = sac * tau;
            [cs, sn] = [cs * cs1 - sn * sn1, cs * sn1 + sn * cs1];
          }
        } else {
          [b, c, cs, sn] = [-c, 0, -sn, cs];
        }
      }
    }
  }
  const im = c === 0 ? 0 : Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
  return { a, b, c, d, rt1r: a, rt1i: im, rt2r: d, rt2i: -im, cs, sn };
}

/**
 * dlahqr: eigenvalues of the Hessenberg block ilo..ihi by Francis double-shift QR (H becomes the real Schur form
 * when wantT; Z accumulates the transformations in rows ilo..ihi when given). Returns false if it fails to converge.
 */
function hqr(H: Float64Array, n: number, ilo: number, ihi: number, wr: Float64Array, wi: Float64Array, wantT: boolean, Z: Float64Array | null): boolean {
  const at = (r: number, c: number) => r * n + c;
  if (ilo === ihi) {
    wr[ilo] = H[at(ilo, ilo)]!;
    wi[ilo] = 0;
    return true;
  }
  const nh = ihi - ilo + 1, smlnum = SAFMIN * (nh / ULP), itmax = 30 * Math.max(10, nh);
  const v = new Float64Array(3);
  let i1 = 0, i2 = n - 1, kdefl = 0;
  for (let i = ihi; i >= ilo; ) {
    let l = ilo, converged = false;
    for (let its = 0; its <= itmax; its++) {
      let k = i;
      for (; k > l; k--) {
        const hkk1 = Math.abs(H[at(k, k - 1)]!);
        if (hkk1 <= smlnum) break;
        let tst = Math.abs(H[at(k - 1, k - 1)]!) + Math.abs(H[at(k, k)]!);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H[at(k - 1, k - 2)]!);
          if (k + 1 <= ihi) tst += Math.abs(H[at(k + 1, k)]!);
        }
        if (hkk1 <= ULP * tst) {
          const hk1k = Math.abs(H[at(k - 1, k)]!), dkk = Math.abs(H[at(k, k)]!), diff = Math.abs(H[at(k - 1, k - 1)]! - H[at(k, k)]!);
          const ab = Math.max(hkk1, hk1k), ba = Math.min(hkk1, hk1k), aa = Math.max(dkk, diff), bb = Math.min(dkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) H[at(l, l - 1)] = 0;
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantT) (i1 = l), (i2 = i);
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % 20 === 0) {
        const s = Math.abs(H[at(i, i - 1)]!) + Math.abs(H[at(i - 1, i - 2)]!);
        h11 = 0.75 * s + H[at(i, i)]!, h12 = -0.4375 * s, h21 = s, h22 = h11;
      } else if (kdefl % 10 === 0) {
        const s = Math.abs(H[at(l + 1, l)]!) + Math.abs(H[at(l + 2, l + 1)]!);
        h11 = 0.75 * s + H[at(l, l)]!, h12 = -0.4375 * s, h21 = s, h22 = h11;
      } else {
        h11 = H[at(i - 1, i - 1)]!, h21 = H[at(i, i - 1)]!, h12 = H[at(i - 1, i)]!, h22 = H[at(i, i)]!;
      }
      let rt1r = 0, rt1i = 0, rt2r = 0, rt2i = 0;
      const s = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s !== 0) {
        h11 /= s, h21 /= s, h12 /= s, h22 /= s;
        const tr = (h11 + h22) / 2, det = (h11 - tr) * (h22 - tr) - h12 * h21, rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          rt1r = rt2r = tr * s;
          rt1i = rtdisc * s;
          rt2i = -rt1i;
        } else {
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) rt2r = rt1r = rt1r * s;
          else rt1r = rt2r = rt2r * s;
        }
      }
      let m = i - 2;
      for (; ; m--) {
        let h21s = H[at(m + 1, m)]!;
        let sc = Math.abs(H[at(m, m)]! - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = H[at(m + 1, m)]! / sc;
        v[0] = h21s * H[at(m, m + 1)]! + (H[at(m, m)]! - rt1r) * ((H[at(m, m)]! - rt2r) / sc) - rt1i * (rt2i / sc);
        v[1] = h21s * (H[at(m, m)]! + H[at(m + 1, m + 1)]! - rt1r - rt2r);
        v[2] = h21s * H[at(m + 2, m + 1)]!;
        sc = Math.abs(v[0]!) + Math.abs(v[1]!) + Math.abs(v[2]!);
        v[0] /= sc, v[1] /= sc, v[2] /= sc;
        if (m === l) break;
        const lhs = Math.abs(H[at(m, m - 1)]!) * (Math.abs(v[1]!) + Math.abs(v[2]!));
        const rhs = ULP * Math.abs(v[0]!) * (Math.abs(H[at(m - 1, m - 1)]!) + Math.abs(H[at(m, m)]!) + Math.abs(H[at(m + 1, m + 1)]!));
        if (lhs <= rhs) break;
      }
      for (let k = m; k <= i - 1; k++) {
        const nr = Math.min(3, i - k + 1);
        if (k > m) for (let t = 0; t < nr; t++) v[t] = H[at(k + t, k - 1)]!;
        const t1 = larfg(nr, v, 0, 1, 1);
        if (k > m) {
          H[at(k, k - 1)] = v[0]!;
          H[at(k + 1, k - 1)] = 0;
          if (k < i - 1) H[at(k + 2, k - 1)] = 0;
        } else if (m > l) {
          H[at(k, k - 1)] *= 1 - t1;
        }
        const v2 = v[1]!, t2 = t1 * v2;
        if (nr === 3) {
          const v3 = v[2]!, t3 = t1 * v3;
          for (let j = k; j <= i2; j++) {
            const sum = H[at(k, j)]! + v2 * H[at(k + 1, j)]! + v3 * H[at(k + 2, j)]!;
            H[at(k, j)] -= sum * t1, H[at(k + 1, j)] -= sum * t2, H[at(k + 2, j)] -= sum * t3;
          }
          for (let j = i1; j <= Math.min(k + 3, i); j++) {
            const sum = H[at(j, k)]! + v2 * H[at(j, k + 1)]! + v3 * H[at(j, k + 2)]!;
            H[at(j, k)] -= sum * t1, H[at(j, k + 1)] -= sum * t2, H[at(j, k + 2)] -= sum * t3;
          }
          if (Z) for (let j = ilo; j <= ihi; j++) {
            const sum = Z[at(j, k)]! + v2 * Z[at(j, k + 1)]! + v3 * Z[at(j, k + 2)]!;
            Z[at(j, k)] -= sum * t1, Z[at(j, k + 1)] -= sum * t2, Z[at(j, k + 2)] -= sum * t3;
          }
        } else if (nr === 2) {
          for (let j = k; j <= i2; j++) {
            const sum = H[at(k, j)]! + v2 * H[at(k + 1, j)]!;
            H[at(k, j)] -= sum * t1, H[at(k + 1, j)] -= sum * t2;
          }
          for (let j = i1; j <= i; j++) {
            const sum = H[at(j, k)]! + v2 * H[at(j, k + 1)]!;
            H[at(j, k)] -= sum * t1, H[at(j, k + 1)] -= sum * t2;
          }
          if (Z) for (let j = ilo; j <= ihi; j++) {
            const sum = Z[at(j, k)]! + v2 * Z[at(j, k + 1)]!;
            Z[at(j, k)] -= sum * t1, Z[at(j, k + 1)] -= sum * t2;
          }
        }
      }
    }
    if (!converged) return false;
    if (l === i) {
      wr[i] = H[at(i, i)]!;
      wi[i] = 0;
    } else {
      const r = lanv2(H[at(i - 1, i - 1)]!, H[at(i - 1, i)]!, H[at(i, i - 1)]!, H[at(i, i)]!);
      [H[at(i - 1, i - 1)], H[at(i - 1, i)], H[at(i, i - 1)], H[at(i, i)]] = [r.a, r.b, r.c, r.d];
      [wr[i - 1], wi[i - 1], wr[i], wi[i]] = [r.rt1r, r.rt1i, r.rt2r, r.rt2i];
      if (wantT) {
        if (i2 > i) rot(H, at(i - 1, i + 1), at(i, i + 1), i2 - i, 1, r.cs, r.sn);
        rot(H, at(i1, i - 1), at(i1, i), i - i1 - 1, n, r.cs, r.sn);
      }
      if (Z) rot(Z, at(ilo, i - 1), at(ilo, i), ihi - ilo + 1, n, r.cs, r.sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return true;
}

/** dtrevc3 (right, back-transformed, real spectrum so T is upper triangular): VR ← Schur vectors · eigenvectors of T. */
function eigenvectors(T: Float64Array, n: number, VR: Float64Array): void {
  const smlnum = SAFMIN * (n / ULP), bignum = (1 - ULP) / smlnum;
  const solveMin = 2 * SAFMIN, solveBig = 1 / solveMin; // dlaln2's own thresholds
  const colNorm = new Float64Array(n);
  for (let j = 1; j < n; j++) for (let i = 0; i < j; i++) colNorm[j] += Math.abs(T[i * n + j]!);
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let ki = n - 1; ki >= 0; ki--) {
    const wr = T[ki * n + ki]!, smin = Math.max(ULP * Math.abs(wr), smlnum);
    x[ki] = 1;
    for (let k = 0; k < ki; k++) x[k] = -T[k * n + ki]!;
    for (let j = ki - 1; j >= 0; j--) {
      let csr = T[j * n + j]! - wr, cnorm = Math.abs(csr), scale = 1;
      if (cnorm < Math.max(smin, solveMin)) csr = cnorm = Math.max(smin, solveMin);
      const bnorm = Math.abs(x[j]!);
      if (cnorm < 1 && bnorm > 1 && bnorm > solveBig * cnorm) scale = 1 / bnorm;
      let xj = (x[j]! * scale) / csr;
      const xnorm = Math.abs(xj);
      if (xnorm > 1 && colNorm[j]! > bignum / xnorm) (xj /= xnorm), (scale /= xnorm);
      if (scale !== 1) for (let k = 0; k <= ki; k++) x[k] *= scale;
      x[j] = xj;
      for (let r = 0; r < j; r++) x[r] += -xj * T[r * n + j]!;
    }
    for (let r = 0; r < n; r++) y[r] = x[ki]! * VR[r * n + ki]!;
    for (let c = 0; c < ki; c++) for (let r = 0; r < n; r++) y[r] += x[c]! * VR[r * n + c]!;
    const remax = 1 / Math.abs(y[idamax(y, 0, n, 1)]!);
    for (let r = 0; r < n; r++) VR[r * n + ki] = y[r]! * remax;
  }
}

/** dgebak('B', 'R'): undo the balancing on the rows of V. */
function unbalance(V: Float64Array, n: number, { ilo, ihi, scale }: Balance): void {
  if (ilo !== ihi) for (let i = ilo; i <= ihi; i++) for (let j = 0; j < n; j++) V[i * n + j] *= scale[i]!;
  for (let ii = 0; ii < n; ii++) {
    if (ii >= ilo && ii <= ihi) continue;
    const i = ii < ilo ? ilo - 1 - ii : ii, k = scale[i]!;
    if (k !== i) swap(V, i * n, k * n, n, 1);
  }
}

interface Eig {
  wr: Float64Array;
  wi: Float64Array;
  V: Float64Array | null;
}

/** dgeev('N', wantV ? 'V' : 'N') on one n×n row-major matrix (overwritten); null if QR fails to converge. */
export function geev(A: Float64Array, n: number, wantV: boolean): Eig | null {
  const wr = new Float64Array(n), wi = new Float64Array(n);
  if (n === 0) return { wr, wi, V: wantV ? new Float64Array(0) : null };
  let anrm = 0;
  for (const v of A) anrm = Math.max(anrm, Math.abs(v));
  const small = Math.sqrt(SAFMIN) / ULP, big = 1 / small;
  const cscale = anrm > 0 && anrm < small ? small : anrm > big ? big : 0;
  if (cscale) for (let i = 0; i < A.length; i++) A[i] *= cscale / anrm;
  const bal = balance(A, n);
  const Z = hessenberg(A, n, bal.ilo, bal.ihi, wantV);
  for (let i = 0; i < n; i++) if (i < bal.ilo || i > bal.ihi) wr[i] = A[i * n + i]!;
  if (!hqr(A, n, bal.ilo, bal.ihi, wr, wi, wantV, Z)) return null;
  let V: Float64Array | null = null;
  if (Z && wi.every((x) => x === 0)) {
    eigenvectors(A, n, Z);
    unbalance(Z, n, bal);
    for (let c = 0; c < n; c++) {
      const scl = 1 / nrm2(Z, c, n, n);
      for (let r = 0; r < n; r++) Z[r * n + c] *= scl;
    }
    V = Z;
  }
  if (cscale) for (let i = 0; i < n; i++) (wr[i] *= anrm / cscale), (wi[i] *= anrm / cscale);
  return { wr, wi, V };
}

const COMPLEX = "complex eigenvalues are not supported until tessera has complex dtypes";

function run(a: ArrayLike, wantV: boolean): NDArray[] {
  const s = toStack(a);
  assertSquare(s);
  for (const v of s.data) if (!Number.isFinite(v)) throw new LinAlgError("Array must not contain infs or NaNs");
  const n = s.n, W = new Float64Array(s.count * n), Vs = new Float64Array(s.count * n * n);
  let complex = false;
  for (let b = 0; b < s.count; b++) {
    const r = geev(matrixAt(s, b), n, wantV);
    if (!r) throw new LinAlgError("Eigenvalues did not converge");
    if (r.wi.some((x) => x !== 0)) complex = true;
    W.set(r.wr, b * n);
    if (r.V) Vs.set(r.V, b * n * n);
  }
  if (complex) throw new NotImplementedError(COMPLEX);
  const w = result(W, [...s.batch, n], s.dtype, s.tensor);
  return wantV ? [w, result(Vs, [...s.batch, n, n], s.dtype, s.tensor)] : [w];
}

/** np.linalg.eig: [eigenvalues, eigenvectors] (columns, unit norm), in LAPACK dgeev's order. Real spectra only. */
export function eig(a: ArrayLike): [NDArray, NDArray] {
  return run(a, true) as [NDArray, NDArray];
}

/** np.linalg.eigvals: eigenvalues in LAPACK dgeev's order (Schur form diagonal). Real spectra only. */
export function eigvals(a: ArrayLike): NDArray {
  return run(a, false)[0]!;
}
