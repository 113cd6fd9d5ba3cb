// diagonal.ts — diagonals and triangles: np.diagonal (a read-only view, as NumPy 2 returns), diag (1-d -> 2-d
// matrix, 2-d -> the diagonal view), triu and tril (NumPy's where(mask, 0, m), broadcasting 1-d input to 2-d).

import type { ArrayLike } from "../core/convert.js";
import { checkAlloc, intArg, pyType } from "../core/args.js";
import { AxisError, OverflowError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastShapes, broadcastStrides, shapeSize } from "../core/shape.js";
import { DTYPE_INFO } from "../core/dtype.js";
import { arr, bind, cInt, contiguous, face, words, type Signature } from "./sort-util.js";

export interface DiagonalOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
}

const DIAGONAL: Signature = { name: "diagonal", params: ["a", "offset", "axis1", "axis2"], required: 1 };
const DIAG: Signature = { name: "diag", params: ["v", "k"], required: 1 };
const TRIU: Signature = { name: "triu", params: ["m", "k"], required: 1 };
const TRIL: Signature = { name: "tril", params: ["m", "k"], required: 1 };

function axisIn(axis: number, ndim: number, name: string): number {
  if (axis < -ndim || axis >= ndim) throw new AxisError(`${name}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** np.diagonal(a, offset=0, axis1=0, axis2=1): a read-only view; the diagonal axis goes last. */
export function diagonal(a: ArrayLike, offset?: number | DiagonalOptions, axis1?: number | DiagonalOptions, axis2?: number | DiagonalOptions): NDArray {
  const o = bind(DIAGONAL, arguments);
  const x = arr(o.a as ArrayLike);
  const given = (v: unknown, dflt: number): unknown => (v === undefined ? dflt : v);
  const k = cInt(given(o.offset, 0), "argparse"), ax1 = cInt(given(o.axis1, 0), "argparse"), ax2 = cInt(given(o.axis2, 1), "argparse");
  return diagonalView(x, k, ax1, ax2);
}

function diagonalView(x: NDArray, k: number, ax1: number, ax2: number): NDArray {
  if (x.ndim < 2) throw new ValueError("diag requires an array of at least two dimensions");
  const a1 = axisIn(ax1, x.ndim, "axis1"), a2 = axisIn(ax2, x.ndim, "axis2");
  if (a1 === a2) throw new ValueError("axis1 and axis2 cannot be the same");
  const n1 = x.shape[a1]!, n2 = x.shape[a2]!, s1 = x._strides[a1]!, s2 = x._strides[a2]!;
  const len = Math.max(0, Math.min(n1 - Math.max(0, -k), n2 - Math.max(0, k)));
  const start = len === 0 ? x._offset : x._offset + (k >= 0 ? k * s2 : -k * s1);
  const keep = x.shape.map((_, i) => i).filter((i) => i !== a1 && i !== a2);
  const shape = [...keep.map((i) => x.shape[i]!), len], strides = [...keep.map((i) => x._strides[i]!), s1 + s2];
  const r = new NDArray(x.data, x.dtype, shape, strides, start, x, false);
  r._tensor = x._tensor;
  return r;
}

/** diag's k for a 1-d input: NumPy computes zeros((n, n)) with n = len(v) + abs(k), so abs() and the shape rules apply. */
function diagSize(k: unknown, len: number): { k: number; n: number } {
  if (typeof k === "string" || Array.isArray(k) || k === null || (typeof k === "object" && !(k instanceof NDArray))) throw new TypeError(`bad operand type for abs(): '${pyType(k)}'`);
  if (k instanceof NDArray && k.ndim === 0 && DTYPE_INFO[k.dtype].kind === "f") throw new TypeError(`'numpy.${k.dtype}' object cannot be interpreted as an integer`);
  if (typeof k === "number" && !Number.isInteger(k)) throw new TypeError("'float' object cannot be interpreted as an integer");
  let kk: number;
  try {
    kk = intArg(k);
  } catch (e) {
    if (e instanceof OverflowError) throw new ValueError("Maximum allowed dimension exceeded");
    throw e;
  }
  const n = len + Math.abs(kk);
  if (n >= 2 ** 63) throw new ValueError("Maximum allowed dimension exceeded");
  return { k: kk, n };
}

/** np.diag(v, k=0): a 1-d v becomes a square matrix with v on diagonal k; a 2-d v gives its diagonal k (a view). */
export function diag(v: ArrayLike, k?: number | { k?: number }): NDArray {
  const o = bind(DIAG, arguments);
  const x = arr(o.v as ArrayLike);
  const k0 = o.k === undefined ? 0 : o.k;
  if (x.ndim === 2) return face(diagonalView(x, cInt(k0, "argparse"), 0, 1), x);
  if (x.ndim !== 1) throw new ValueError("Input must be 1- or 2-d.");
  const { k: kk, n } = diagSize(k0, x.size);
  checkAlloc([n, n], x.dtype);
  const res = empty([n, n], x.dtype);
  const c = contiguous(x);
  const { w: dw, k: wk } = words(res.data), sw = words(c.data).w;
  for (let i = 0; i < x.size; i++) {
    const d = kk >= 0 ? i * n + i + kk : (i - kk) * n + i;
    for (let q = 0; q < wk; q++) dw[d * wk + q] = sw[(c._offset + i) * wk + q]!;
  }
  return face(res, x);
}

/**
 * The columns of NumPy's tri(N, M, k) — tri[i, j] is i >= col[j] — from its arange(-k, M - k, dtype=int): the
 * first two values cast to int and the rest stepped by their difference, so a non-integral k behaves as NumPy's
 * does (triu(a, 1.5) zeroes everything). `k` is a JS number standing for a Python int or float.
 */
function triColumns(M: number, k: number, isFloat: boolean): Float64Array | number {
  if (!isFloat) {
    if (-k >= 2 ** 63 || M - k >= 2 ** 63 || -k < -(2 ** 63)) throw new OverflowError("Python int too large to convert to C long");
    return Float64Array.from({ length: M }, (_, j) => j - k);
  }
  const start = -k, stop = M - k;
  if (!Number.isFinite(start) || !Number.isFinite(stop)) throw new ValueError("arange: cannot compute length");
  const len = Math.max(0, Math.ceil(stop - start));
  if (len !== M) return len; // the mask cannot broadcast: the caller reports NumPy's where() error
  const x0 = Math.trunc(start), d = Math.trunc(start + 1) - x0;
  return Float64Array.from({ length: M }, (_, j) => x0 + j * d);
}

/** triu/tril's k as a Python number: ints, floats, bools and 0-d arrays; NumPy's operator errors for the rest. */
function triK(k: unknown, upper: boolean): { k: number; isFloat: boolean } {
  if (k instanceof NDArray) {
    if (k.ndim !== 0) throw new TypeError("only 0-dimensional arrays can be converted to Python scalars");
    const v = k.item();
    return { k: Number(v), isFloat: DTYPE_INFO[k.dtype].kind === "f" };
  }
  if (typeof k === "number") return { k, isFloat: !Number.isInteger(k) };
  if (typeof k === "bigint" || typeof k === "boolean") return { k: Number(k), isFloat: false };
  throw new TypeError(upper ? `unsupported operand type(s) for -: '${pyType(k)}' and 'int'` : `bad operand type for unary -: '${pyType(k)}'`);
}

/**
 * NumPy's triu (where(tri(N, M, k - 1), 0, m)) and tril (where(tri(N, M, k), m, 0)); m of ndim 1 broadcasts
 * against the (n, n) mask.
 */
function triangle(m: ArrayLike, kArg: unknown, upper: boolean): NDArray {
  const x = arr(m);
  if (x.ndim === 0) throw new TypeError("tri() missing 1 required positional argument: 'N'");
  const t = triK(kArg, upper);
  const N = x.ndim === 1 ? x.shape[0]! : x.shape[x.ndim - 2]!, M = x.shape[x.ndim - 1]!;
  const cols = triColumns(M, upper ? t.k - 1 : t.k, t.isFloat);
  if (typeof cols === "number") {
    const c = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(",")})`);
    const shapes = upper ? [[N, cols], [1], x.shape] : [[N, cols], x.shape, [1]];
    throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(c).join(" ")} `);
  }
  const keep = upper ? (i: number, j: number): boolean => !(i >= cols[j]!) : (i: number, j: number): boolean => i >= cols[j]!;
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
  const o = bind(TRIU, arguments);
  return triangle(o.m as ArrayLike, o.k === undefined ? 0 : o.k, true);
}

/** np.tril(m, k=0): zero the elements above diagonal k. */
export function tril(m: ArrayLike, k?: number | { k?: number }): NDArray {
  const o = bind(TRIL, arguments);
  return triangle(o.m as ArrayLike, o.k === undefined ? 0 : o.k, false);
}

declare module "../core/ndarray.js" {
  interface NDArray {
    diagonal(offset?: number | DiagonalOptions, axis1?: number | DiagonalOptions, axis2?: number | DiagonalOptions): NDArray;
  }
}

Object.assign(NDArray.prototype, {
  diagonal(this: NDArray, ...args: unknown[]) {
    return (diagonal as (...a: unknown[]) => NDArray)(this, ...args);
  },
});
