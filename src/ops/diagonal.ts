// diagonal.ts — diagonals and triangles: np.diagonal (a read-only view, as NumPy 2 returns), diag (1-d -> 2-d
// matrix, 2-d -> the diagonal view), triu and tril (NumPy's where(mask, 0, m), broadcasting 1-d input to 2-d).

import type { ArrayLike } from "../core/convert.js";
import { AxisError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastShapes, broadcastStrides, shapeSize } from "../core/shape.js";
import { arr, argsOf, contiguous, face, words } from "./sort-util.js";

export interface DiagonalOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
}

function axisArg(axis: number, ndim: number, name: string): number {
  if (axis < -ndim || axis >= ndim) throw new AxisError(`${name}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** np.diagonal(a, offset=0, axis1=0, axis2=1): a read-only view; the diagonal axis goes last. */
export function diagonal(a: ArrayLike, offset?: number | DiagonalOptions, axis1?: number | DiagonalOptions, axis2?: number | DiagonalOptions): NDArray {
  const o = argsOf([offset, axis1, axis2], ["offset", "axis1", "axis2"]);
  const x = arr(a);
  if (x.ndim < 2) throw new ValueError("diag requires an array of at least two dimensions");
  const a1 = axisArg((o.axis1 ?? 0) as number, x.ndim, "axis1"), a2 = axisArg((o.axis2 ?? 1) as number, x.ndim, "axis2");
  if (a1 === a2) throw new ValueError("axis1 and axis2 cannot be the same");
  const k = (o.offset ?? 0) as number;
  const n1 = x.shape[a1]!, n2 = x.shape[a2]!, s1 = x._strides[a1]!, s2 = x._strides[a2]!;
  const len = Math.max(0, Math.min(n1 - Math.max(0, -k), n2 - Math.max(0, k)));
  const start = len === 0 ? x._offset : x._offset + (k >= 0 ? k * s2 : -k * s1);
  const keep = x.shape.map((_, i) => i).filter((i) => i !== a1 && i !== a2);
  const shape = [...keep.map((i) => x.shape[i]!), len], strides = [...keep.map((i) => x._strides[i]!), s1 + s2];
  const r = new NDArray(x.data, x.dtype, shape, strides, start, x, false);
  r._tensor = x._tensor;
  return r;
}

/** np.diag(v, k=0): a 1-d v becomes a square matrix with v on diagonal k; a 2-d v gives its diagonal k (a view). */
export function diag(v: ArrayLike, k?: number | { k?: number }): NDArray {
  const o = argsOf([k], ["k"]);
  const x = arr(v), kk = (o.k ?? 0) as number;
  if (x.ndim === 2) return diagonal(x, kk);
  if (x.ndim !== 1) throw new ValueError("Input must be 1- or 2-d.");
  const n = x.size + Math.abs(kk);
  const res = empty([n, n], x.dtype);
  const c = contiguous(x);
  const { w: dw, k: wk } = words(res.data), sw = words(c.data).w;
  for (let i = 0; i < x.size; i++) {
    const d = kk >= 0 ? i * n + i + kk : (i - kk) * n + i;
    for (let q = 0; q < wk; q++) dw[d * wk + q] = sw[(c._offset + i) * wk + q]!;
  }
  return face(res, x);
}

/** Keep m[..., i, j] where keep(i, j), zero elsewhere; m of ndim 1 broadcasts against the (n, n) mask. */
function triangle(m: ArrayLike, keep: (i: number, j: number) => boolean): NDArray {
  const x = arr(m);
  if (x.ndim === 0) throw new TypeError("tri() missing 1 required positional argument: 'N'");
  const N = x.ndim === 1 ? x.shape[0]! : x.shape[x.ndim - 2]!, M = x.shape[x.ndim - 1]!;
  const shape = broadcastShapes(x.shape, [N, M]);
  const res = empty(shape, x.dtype);
  const n = shapeSize(shape);
  if (n === 0) return face(res, x);
  const st = broadcastStrides(x.shape, x._strides, shape), nd = shape.length;
  const { w: dw, k } = words(res.data), sw = words(x.data).w;
  const idx = new Array<number>(nd).fill(0);
  let off = x._offset;
  for (let e = 0; e < n; e++) {
    if (keep(idx[nd - 2]!, idx[nd - 1]!)) for (let q = 0; q < k; q++) dw[e * k + q] = sw[off * k + q]!;
    for (let d = nd - 1; d >= 0; d--) {
      off += st[d]!;
      if (++idx[d]! < shape[d]!) break;
      off -= st[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return face(res, x);
}

/** np.triu(m, k=0): zero the elements below diagonal k. */
export function triu(m: ArrayLike, k?: number | { k?: number }): NDArray {
  const kk = (argsOf([k], ["k"]).k ?? 0) as number;
  return triangle(m, (i, j) => j - i >= kk);
}

/** np.tril(m, k=0): zero the elements above diagonal k. */
export function tril(m: ArrayLike, k?: number | { k?: number }): NDArray {
  const kk = (argsOf([k], ["k"]).k ?? 0) as number;
  return triangle(m, (i, j) => j - i <= kk);
}

declare module "../core/ndarray.js" {
  interface NDArray {
    diagonal(offset?: number | DiagonalOptions, axis1?: number | DiagonalOptions, axis2?: number | DiagonalOptions): NDArray;
  }
}

Object.assign(NDArray.prototype, {
  diagonal(this: NDArray, offset?: number | DiagonalOptions, axis1?: number | DiagonalOptions, axis2?: number | DiagonalOptions) {
    return diagonal(this, offset, axis1, axis2);
  },
});
