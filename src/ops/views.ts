// views.ts — the view primitives behind np's shape functions and PyTorch's movement methods: reshape with NumPy's
// copy rules, axis permutation, new and broadcast axes, flips. Arguments here are already NDArrays and plain ints;
// parsing of user arguments lives in shape.ts / torch-shape.ts (with core/args.ts).

import { checkAlloc } from "../core/args.js";
import { copyInto } from "../core/convert.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides } from "../core/shape.js";
import { allocStrided, attemptNocopyReshape, cContiguous, fContiguous, compactRepr, copyOf, fStrides, isFortran, iterPermK, requestedShapeRepr, viewOf, type Order } from "./layout.js";

export type Axes = number | readonly number[];

/** Replace the one unknown (negative) dimension, or raise NumPy's size-mismatch error. */
export function fixUnknownDimension(newshape: readonly number[], size: number): number[] {
  const dims = [...newshape];
  let unknown = -1, known = 1;
  const mismatch = () => new ValueError(`cannot reshape array of size ${size} into shape ${requestedShapeRepr(newshape)}`);
  for (let i = 0; i < dims.length; i++) {
    if (dims[i]! < 0) {
      if (unknown !== -1) throw new ValueError("can only specify one unknown dimension");
      unknown = i;
    } else if ((known *= dims[i]!) >= 2 ** 63) throw mismatch(); // intp overflow
  }
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) throw mismatch();
    dims[unknown] = size / known;
  } else if (size !== known) throw mismatch();
  return dims;
}

/** PyArray_Newshape with NumPy's copy semantics: a view whenever the strides allow, else a view of a fresh copy. */
export function reshapeArray(a: NDArray, newshape: readonly number[], order: Order = "C", copy?: boolean | null): NDArray {
  if (order === "A") order = isFortran(a) ? "F" : "C";
  const f = order === "F";
  if (copy !== true && newshape.length === a.ndim && newshape.every((d, i) => d === a.shape[i])) return viewOf(a, a.shape, a._strides);
  const dims = fixUnknownDimension(newshape, a.size);
  checkAlloc(dims, a.dtype); // an empty array may still ask for more than intp bytes: "array is too big"
  let src = a;
  let strides: number[] | null = null;
  if (copy === true) src = copyOf(a, order);
  else if (f ? !fContiguous(a) : !cContiguous(a)) {
    strides = attemptNocopyReshape(a, dims, f);
    if (strides === null) {
      if (copy === false) throw new ValueError("Unable to avoid creating a copy while reshaping.");
      src = copyOf(a, order);
    }
  }
  return viewOf(src, dims, strides ?? (f ? fStrides(dims) : cStrides(dims)), src._offset);
}


/** ndarray.flatten (PyArray_Flatten): always a new 1-d array, elements read in `order`. */
export function flattenArray(a: NDArray, order: Order = "C"): NDArray {
  if (order === "A") order = isFortran(a) ? "F" : "C";
  let src = a;
  if (order === "F") src = transposeArray(a);
  else if (order === "K") src = transposeArray(a, iterPermK(a));
  const out = allocStrided([src.size], a.dtype, [1]);
  copyInto(new NDArray(out.data, out.dtype, src.shape, cStrides(src.shape)), src);
  out._tensor = a._tensor;
  return out;
}

/** A view with axes permuted (no checks). */
export function transposeArray(a: NDArray, axes?: readonly number[]): NDArray {
  const perm = axes ?? [...a.shape.keys()].reverse();
  return viewOf(a, perm.map((p) => a.shape[p]!), perm.map((p) => a._strides[p]!));
}


/** a[np.newaxis] style insertion of length-1 axes with stride 0, as NumPy's indexing makes them. */
export function insertNewaxes(a: NDArray, positions: readonly number[]): NDArray {
  const shape = [...a.shape], strides = [...a._strides];
  for (const p of positions) {
    shape.splice(p, 0, 1);
    strides.splice(p, 0, 0);
  }
  return viewOf(a, shape, strides);
}


/** The broadcast view (NumPy's nditer itviews): stride 0 on new and stretched axes and on every length-1 axis. */
export function broadcastView(arr: NDArray, shape: readonly number[], writeable: boolean): NDArray {
  const nd = shape.length, off = nd - arr.ndim;
  if (off < 0) throw new ValueError("input operand has more dimensions than allowed by the axis remapping");
  const strides = new Array<number>(nd).fill(0);
  for (let i = 0; i < arr.ndim; i++) {
    const d = arr.shape[i]!, t = shape[off + i]!;
    if (d !== t && d !== 1)
      throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${compactRepr(arr.shape)}  and requested shape ${compactRepr(shape)}`);
    strides[off + i] = d === 1 ? 0 : arr._strides[i]!;
  }
  return viewOf(arr, shape, strides, arr._offset, writeable);
}


/**
 * _prepend_ones (np.array(a, ndmin=n)): length-1 axes in front, with stride shape[0]*stride[0] — or one element for
 * 0-d and Fortran-ordered arrays.
 */
export function prependOnes(a: NDArray, ndmin: number): NDArray {
  if (a.ndim >= ndmin) return a;
  const k = ndmin - a.ndim;
  const s = a.ndim === 0 || isFortran(a) ? 1 : a._strides[0]! * a.shape[0]!;
  return viewOf(a, [...new Array<number>(k).fill(1), ...a.shape], [...new Array<number>(k).fill(s), ...a._strides]);
}

/** Reverse the given axes with negative strides (a[::-1] along each). */
export function flipView(a: NDArray, axes: readonly number[]): NDArray {
  const strides = [...a._strides];
  let offset = a._offset;
  for (const i of axes) {
    // NumPy's slicing resets an empty slice's step to 1, so an empty axis keeps its stride.
    if (a.shape[i] === 0) continue;
    offset += (a.shape[i]! - 1) * strides[i]!;
    strides[i] = strides[i] === 0 ? 0 : -strides[i]!;
  }
  return viewOf(a, a.shape, strides, offset);
}

/** Drop the flagged axes (which the caller has checked are length 1). */
export function dropAxes(a: NDArray, drop: readonly boolean[]): NDArray {
  const keep = [...a.shape.keys()].filter((i) => !drop[i]);
  return viewOf(a, keep.map((i) => a.shape[i]!), keep.map((i) => a._strides[i]!));
}

/** A view of `len` entries of axis `axis` starting at `start` (a[..., start:start+len, ...]). */
export function sliceAxis(a: NDArray, axis: number, start: number, len: number): NDArray {
  const shape = [...a.shape];
  shape[axis] = len;
  return viewOf(a, shape, a._strides, a._offset + start * a._strides[axis]!);
}
