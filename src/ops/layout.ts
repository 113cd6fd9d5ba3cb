// layout.ts — the stride arithmetic behind views and new arrays: NumPy's no-copy reshape (shape.c's
// _attempt_nocopy_reshape), the memory layouts NumPy picks for new arrays (order "K", concatenate's multi-array
// rule), and small helpers that make views and copies carrying the source's flags and face.

import { checkAlloc, isOptions, pyType } from "../core/args.js";
import { copyInto } from "../core/convert.js";
import { DTYPE_INFO, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides, isCContiguous, isFContiguous, shapeSize, shapeCompact } from "../core/shape.js";

export type Order = "C" | "F" | "A" | "K";

/** An order argument ("C", "F", "A", "K"; None is "C"), with NumPy's messages. */
export function orderArg(o: unknown, allowK = true): Order {
  if (o === undefined || o === null) return "C";
  if (typeof o !== "string") throw new TypeError(`order must be str, not ${pyType(o)}`);
  const s = o.toUpperCase();
  if (s === "C" || s === "F" || s === "A" || (s === "K" && allowK)) return s;
  if (s === "K") throw new ValueError("order 'K' is not permitted for reshaping");
  throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(o)}')`);
}

/** A view of `a`'s memory: base is a's owner, writeability and the tensor face are inherited. */
export function viewOf(a: NDArray, shape: readonly number[], strides: readonly number[], offset = a._offset, writeable = a._writeable): NDArray {
  // Stride products like -3 * 0 give -0, which would show as "-0" in a.strides.
  const r = new NDArray(a.data, a.dtype, shape, strides.map((s) => s || 0), offset, a, writeable);
  r._tensor = a._tensor;
  return r;
}

/** A fresh owner with the given element strides; NumPy 2 gives every freshly allocated empty array zero strides. */
export function allocStrided(shape: readonly number[], dtype: DType, strides: readonly number[]): NDArray {
  checkAlloc(shape, dtype);
  const n = shapeSize(shape);
  return new NDArray(new DTYPE_INFO[dtype].ctor(n), dtype, shape, n === 0 ? shape.map(() => 0) : strides);
}

export function fStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = 0; i < shape.length; i++) {
    st[i] = s;
    s *= Math.max(shape[i]!, 1);
  }
  return st;
}

/** Contiguous strides with axes laid out in `perm` order (perm[0] outermost), as NumPy builds them from a stride permutation. */
export function stridesFromPerm(shape: readonly number[], perm: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = perm.length - 1; i >= 0; i--) {
    const ax = perm[i]!;
    st[ax] = s;
    s *= shape[ax]!;
  }
  return st;
}

/** PyArray_CreateSortedStridePerm: axes by descending |stride|, ties in axis order. */
export function sortedStridePerm(strides: readonly number[]): number[] {
  return strides.map((_, i) => i).sort((i, j) => Math.abs(strides[j]!) - Math.abs(strides[i]!) || i - j);
}

/**
 * PyArray_CreateMultiSortedStridePerm (concatenate's output layout): a stable insertion sort by descending |stride|
 * where an axis of length 1 in an array leaves that array out of the comparison and conflicts resolve to C order.
 */
export function multiSortedStridePerm(arrays: readonly NDArray[], ndim: number): number[] {
  const perm = Array.from({ length: ndim }, (_, i) => i);
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0;
    const j0 = perm[i0]!;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambig = true, swap = false;
      const j1 = perm[i1]!;
      for (const a of arrays) {
        if (a.shape[j0] !== 1 && a.shape[j1] !== 1) {
          if (Math.abs(a._strides[j0]!) <= Math.abs(a._strides[j1]!)) swap = false;
          else if (ambig) swap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (swap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1]!;
      perm[ipos] = j0;
    }
  }
  return perm;
}

/** The axis order NpyIter uses for order "K" on one operand: as above, but zero strides (and length-1 axes) are ambiguous. */
export function iterPermK(a: NDArray): number[] {
  const st = a._strides.map((s, i) => (a.shape[i] === 1 ? 0 : s));
  const perm = Array.from({ length: a.ndim }, (_, i) => i);
  for (let i0 = 1; i0 < perm.length; i0++) {
    let ipos = i0;
    const j0 = perm[i0]!;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const s0 = st[j0]!, s1 = st[perm[i1]!]!;
      if (s0 === 0 || s1 === 0) continue;
      if (Math.abs(s0) > Math.abs(s1)) ipos = i1;
      else break;
    }
    if (ipos !== i0) {
      for (let i1 = i0; i1 > ipos; i1--) perm[i1] = perm[i1 - 1]!;
      perm[ipos] = j0;
    }
  }
  return perm;
}

/** NumPy's C_CONTIGUOUS flag: an empty array is contiguous whatever its strides (checked before the strides). */
export function cContiguous(a: NDArray): boolean {
  return a.size === 0 || isCContiguous(a.shape, a._strides);
}

/** NumPy's F_CONTIGUOUS flag, with the same rule for empty arrays. */
export function fContiguous(a: NDArray): boolean {
  return a.size === 0 || isFContiguous(a.shape, a._strides);
}

/** NumPy's PyArray_ISFORTRAN: F-contiguous but not C-contiguous (what order "A" checks). */
export function isFortran(a: NDArray): boolean {
  return fContiguous(a) && !cContiguous(a);
}

/** Element strides of a new array shaped like `a` in the given order ("K" keeps a's layout as PyArray_NewLikeArray does). */
export function stridesLike(a: NDArray, order: Order, shape: readonly number[] = a.shape): number[] {
  if (order === "A") order = isFortran(a) ? "F" : "C";
  if (order === "K") {
    if (cContiguous(a) || a.ndim <= 1) order = "C";
    else if (fContiguous(a)) order = "F";
    else return stridesFromPerm(shape, sortedStridePerm(a._strides));
  }
  return order === "F" ? fStrides(shape) : cStrides(shape);
}

/** A new owner holding a copy of `a` (cast to `dtype`) laid out in `order`. */
export function copyOf(a: NDArray, order: Order = "C", dtype: DType = a.dtype): NDArray {
  const r = allocStrided(a.shape, dtype, stridesLike(a, order));
  copyInto(r, a);
  r._tensor = a._tensor;
  return r;
}

/**
 * NumPy's _attempt_nocopy_reshape: element strides that show `a`'s data in `newdims` without copying (in C or F
 * index order), or null when the existing strides cannot express it.
 */
export function attemptNocopyReshape(a: NDArray, newdims: readonly number[], fOrder: boolean): number[] | null {
  const olddims: number[] = [], oldstrides: number[] = [];
  for (let i = 0; i < a.ndim; i++) {
    if (a.shape[i] !== 1) {
      olddims.push(a.shape[i]!);
      oldstrides.push(a._strides[i]!);
    }
  }
  if (a.size === 0) return null; // empty arrays are contiguous and never get here; guard the loop below anyway
  const newnd = newdims.length, oldnd = olddims.length;
  const newstrides = new Array<number>(newnd).fill(0);
  let oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np = newdims[ni]!, op = olddims[oi]!;
    while (np !== op) {
      if (np < op) np *= newdims[nj++]!;
      else op *= olddims[oj++]!;
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      if (fOrder ? oldstrides[ok + 1] !== olddims[ok]! * oldstrides[ok]! : oldstrides[ok] !== olddims[ok + 1]! * oldstrides[ok + 1]!) return null;
    }
    if (fOrder) {
      newstrides[ni] = oldstrides[oi]!;
      for (let nk = ni + 1; nk < nj; nk++) newstrides[nk] = newstrides[nk - 1]! * newdims[nk - 1]!;
    } else {
      newstrides[nj - 1] = oldstrides[oj - 1]!;
      for (let nk = nj - 1; nk > ni; nk--) newstrides[nk - 1] = newstrides[nk]! * newdims[nk]!;
    }
    ni = nj++;
    oi = oj++;
  }
  let last = ni >= 1 ? newstrides[ni - 1]! : 1;
  if (fOrder && ni >= 1) last *= newdims[ni - 1]!;
  for (let nk = ni; nk < newnd; nk++) newstrides[nk] = last;
  return newstrides;
}

/** NumPy's convert_shape_to_string, used in reshape errors: leading unknowns dropped, later ones shown as "newaxis". */
export function requestedShapeRepr(shape: readonly number[]): string {
  let i = 0;
  while (i < shape.length && shape[i]! < 0) i++;
  if (i === shape.length) return "()";
  const parts = [String(shape[i++])];
  for (; i < shape.length; i++) parts.push(shape[i]! < 0 ? "newaxis" : String(shape[i]));
  return shape.length === 1 ? `(${parts[0]},)` : `(${parts.join(",")})`;
}

/** Python's repr of a tuple of ints: (3,), (2, 3), (). */
export function tupleRepr(t: readonly number[]): string {
  return t.length === 1 ? `(${t[0]},)` : `(${t.join(", ")})`;
}

/** NumPy's compact shape form in iterator errors: (3,), (2,3). */

/** np.broadcast's shape rule with its error text ("shape mismatch: ... between arg 0 with shape (2,) and arg 1 ..."). */
export function broadcastShapeOf(shapes: readonly (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (let i = 0; i < nd; i++) {
    let src = 0;
    for (let j = 0; j < shapes.length; j++) {
      const s = shapes[j]!, k = i + s.length - nd;
      if (k < 0) continue;
      const d = s[k]!;
      if (d === 1) continue;
      if (out[i] === 1) {
        out[i] = d;
        src = j;
      } else if (out[i] !== d)
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${src} with shape ${tupleRepr(shapes[src]!)} and arg ${j} with shape ${tupleRepr(s)}.`,
        );
    }
  }
  return out;
}

export { isOptions };

/** Split a trailing options object off positional arguments (trailing undefineds dropped). */
export function splitOptions<O extends object>(args: readonly unknown[]): [unknown[], Partial<O>] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  if (end > 0 && isOptions(args[end - 1])) return [args.slice(0, end - 1), args[end - 1] as Partial<O>];
  return [args.slice(0, end), {}];
}

/** The compact shape form of NumPy's messages (one definition: core/shape.ts). */
export const compactRepr = shapeCompact;
