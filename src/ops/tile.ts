// tile.ts — copies that replicate or rotate: np.repeat (PyArray_Repeat), np.tile (numpy's composition of repeat and
// reshape, layout quirks included) and np.roll (per-axis block copies into an array laid out like the input).
// Every element copy is one strided copyInto per block, never a per-element loop here.

import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides } from "../core/shape.js";
import { allocStrided, broadcastShapeOf, copyOf, intArg, isOptions, stridesLike } from "./layout.js";
import { ravel } from "./shape.js";
import { axisIndex, axisTuple, prependOnes, reshapeArray, sliceAxis, type Axes } from "./views.js";
import { RuntimeError } from "./torch-shape.js";
import { take } from "./take.js";

type AxisOption = { axis?: number | null; dim?: number | null };

/** The repeat counts as NumPy's PyArray_ContiguousFromAny(op, NPY_INTP, 0, 1) reads them. */
function repeatCounts(r: unknown): number[] {
  if (typeof r === "number") return [Math.trunc(r)];
  if (typeof r === "bigint" || typeof r === "boolean") return [Number(r)];
  if (r instanceof NDArray) {
    const k = DTYPE_INFO[r.dtype].kind;
    if (k === "f" || r.dtype === "uint64") throw new TypeError(`Cannot cast array data from dtype('${r.dtype}') to dtype('int64') according to the rule 'safe'`);
    if (r.ndim > 1) throw new ValueError("object too deep for desired array");
    return r.ndim === 0 ? [Number(r.item())] : Array.from(castCopy(r, "float64").data as Float64Array);
  }
  if (Array.isArray(r)) {
    if (r.some((x) => Array.isArray(x) || x instanceof NDArray))
      throw new ValueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
    if (r.some((x) => typeof x === "number" && !Number.isInteger(x))) throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
    return r.map((x) => Number(x));
  }
  throw new TypeError(`'${typeof r}' object cannot be interpreted as an integer`);
}

/** PyArray_Repeat on an NDArray along a normalised axis: a new C-contiguous array. */
export function repeatArray(a: NDArray, repeats: unknown, axis: number): NDArray {
  const counts = repeatCounts(repeats);
  const n = a.shape[axis]!;
  let total: number;
  if (counts.length === 1) {
    total = counts[0]! * n;
    if (total < 0) throw new ValueError("negative dimensions are not allowed");
  } else {
    if (counts.length !== n) throw new ValueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
    if (counts.some((c) => c < 0)) throw new ValueError("repeats may not contain negative values.");
    total = counts.reduce((p, q) => p + q, 0);
  }
  const shape = [...a.shape];
  shape[axis] = total;
  if (counts.length === 1 || total === 0 || a.size === 0) {
    const out = allocStrided(shape, a.dtype, cStrides(shape));
    out._tensor = a._tensor;
    if (out.size === 0) return out;
    // View the output as [..., n, count, ...] and the input as the same shape with stride 0 on the count axis.
    const c = counts[0]!, st = out._strides[axis]!;
    const shape4 = [...a.shape.slice(0, axis), n, c, ...a.shape.slice(axis + 1)];
    const dst = new NDArray(out.data, out.dtype, shape4, [...out._strides.slice(0, axis), st * c, st, ...out._strides.slice(axis + 1)]);
    const src = new NDArray(a.data, a.dtype, shape4, [...a._strides.slice(0, axis), a._strides[axis]!, 0, ...a._strides.slice(axis + 1)], a._offset);
    copyInto(dst, src);
    return out;
  }
  // Per-element counts are a gather along the axis: source index i appears counts[i] times.
  const idx = new Int32Array(total);
  for (let i = 0, pos = 0; i < n; i++) for (let e = pos + counts[i]!; pos < e; pos++) idx[pos] = i;
  const r = take(a, new NDArray(idx, "int32", [total]), axis);
  r._tensor = a._tensor;
  return r;
}

/** np.repeat(a, repeats, axis=null): each element (or slice along axis) repeated; axis null works on the flattened array. */
export function repeat(a: ArrayLike, repeats: number | bigint | readonly number[] | NDArray, axis?: number | null | AxisOption): NDArray {
  let arr = asarray(a);
  const ax = isOptions(axis) ? ((axis as AxisOption).axis !== undefined ? (axis as AxisOption).axis : (axis as AxisOption).dim) : (axis as number | null | undefined);
  if (ax === null || ax === undefined) return repeatArray(ravel(arr), repeats, 0);
  if (arr.ndim === 0) arr = reshapeArray(arr, [1]);
  return repeatArray(arr, repeats, axisIndex(ax, arr.ndim));
}

/** np.tile(A, reps): A repeated reps times along each axis (numpy's repeat/reshape composition, layouts included). */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  const arr = asarray(A);
  let tup = typeof reps === "number" || typeof reps === "bigint" ? [intArg(reps)] : reps.map(intArg);
  const d = tup.length;
  if (tup.every((x) => x === 1)) return prependOnes(copyOf(arr, "K"), d);
  let c = prependOnes(arr, d);
  if (d < c.ndim) tup = [...new Array<number>(c.ndim - d).fill(1), ...tup];
  const shapeOut = c.shape.map((s, i) => s * tup[i]!);
  let n = c.size;
  if (n > 0) {
    const dims = [...c.shape];
    for (let i = 0; i < dims.length; i++) {
      if (tup[i] !== 1) c = repeatArray(reshapeArray(c, [-1, n]), tup[i]!, 0);
      n = Math.floor(n / dims[i]!);
    }
  }
  return reshapeArray(c, shapeOut);
}

function shapeOfArg(x: unknown): number[] {
  if (x instanceof NDArray) return [...x.shape];
  if (Array.isArray(x)) return x.length > 0 && Array.isArray(x[0]) ? [x.length, ...shapeOfArg(x[0])] : [x.length];
  return [];
}

function flatInts(x: unknown): number[] {
  if (x instanceof NDArray) return (x.ndim === 0 ? [x.item()] : (x.tolist() as unknown[]).flat(Infinity)).map((v) => intArg(v));
  if (Array.isArray(x)) return (x.flat(Infinity) as unknown[]).map(intArg);
  return [intArg(x)];
}

export interface RollOptions {
  axis?: Axes | null;
  /** PyTorch's spellings. */
  dims?: Axes | null;
  shifts?: number | readonly number[];
}

/** np.roll(a, shift, axis=null): elements shifted cyclically; axis null rolls the flattened array. */
export function roll(a: ArrayLike, shift: number | readonly number[] | NDArray | RollOptions, axis?: Axes | null | RollOptions): NDArray {
  const arr = asarray(a);
  const o: RollOptions = isOptions(axis) ? (axis as RollOptions) : isOptions(shift) ? (shift as RollOptions) : {};
  const sh = isOptions(shift) ? o.shifts : shift;
  if (sh === undefined) throw new TypeError("roll() missing required argument 'shift' (pos 2)");
  const ax: Axes | null | undefined = isOptions(axis) || axis === undefined ? (o.axis !== undefined ? o.axis : o.dims) : (axis as Axes | null);
  if (ax === null || ax === undefined) return reshapeArray(roll(ravel(arr), sh as number, 0), arr.shape);
  const axes = axisTuple(ax, arr.ndim, undefined, true);
  const b = broadcastShapeOf([shapeOfArg(sh), typeof ax === "number" ? [] : [axes.length]]);
  if (b.length > 1) throw new ValueError("'shift' and 'axis' should be scalars or 1D sequences");
  const shifts = flatInts(sh);
  const offsets = new Array<number>(arr.ndim).fill(0);
  const count = b.length === 0 ? 1 : b[0]!;
  for (let i = 0; i < count; i++) offsets[axes[axes.length === 1 ? 0 : i]!]! += shifts[shifts.length === 1 ? 0 : i]!;

  const result = allocStrided(arr.shape, arr.dtype, stridesLike(arr, "K"));
  result._tensor = arr._tensor;
  if (arr.size === 0) return result;
  // Per axis: one block (no shift) or two (the tail moves to the front); copy every combination.
  const blocks = arr.shape.map((n, d) => {
    const off = ((offsets[d]! % n) + n) % n;
    return off === 0 ? [[0, 0, n]] : [[0, off, n - off], [n - off, 0, off]];
  });
  const rec = (d: number, src: NDArray, dst: NDArray): void => {
    if (d === arr.ndim) return copyInto(dst, src);
    for (const [s, t, len] of blocks[d]!) rec(d + 1, sliceAxis(src, d, s!, len!), sliceAxis(dst, d, t!, len!));
  };
  rec(0, arr, result);
  return result;
}

/** torch's t.repeat(*sizes): np.tile, with PyTorch's requirement that every existing dim gets a count. */
export function torchRepeat(a: NDArray, ...sizes: (number | readonly number[])[]): NDArray {
  const s = sizes.length === 1 && Array.isArray(sizes[0]) ? (sizes[0] as number[]) : (sizes as number[]);
  if (s.length < a.ndim) throw new RuntimeError("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor");
  return tile(a, s);
}

declare module "../core/ndarray.js" {
  interface NDArray {
    /** NumPy: a.repeat(repeats, axis?). On a tensor: PyTorch's t.repeat(*sizes), which is np.tile. */
    repeat(repeats: number | readonly number[] | NDArray, axis?: number | null | AxisOption): NDArray;
    repeat(...sizes: number[]): NDArray;
    tile(reps: number | readonly number[]): NDArray;
    tile(...reps: number[]): NDArray;
    roll(shift: number | readonly number[], axis?: Axes | null | RollOptions): NDArray;
  }
}

Object.assign(NDArray.prototype, {
  repeat(this: NDArray, ...args: unknown[]) {
    if (this._tensor && !isOptions(args[args.length - 1])) return torchRepeat(this, ...(args as number[]));
    return repeat(this, args[0] as number, args[1] as number);
  },
  tile(this: NDArray, ...reps: unknown[]) {
    return tile(this, reps.length === 1 ? (reps[0] as number) : (reps as number[]));
  },
  roll(this: NDArray, shift: number | readonly number[], axis?: Axes | null | RollOptions) {
    return roll(this, shift, axis);
  },
});
