// shape.ts — views and movement: reshape, ravel/flatten, transpose and friends, squeeze/expandDims, broadcastTo,
// atleast*d, flip, ascontiguousarray. Views are stride arithmetic over the same buffer (base = the owner); where
// NumPy copies, the copy goes through copyInto. Semantics and error texts follow numpy 2.4's shape.c and
// numpy/_core/{fromnumeric,numeric,shape_base}.py, numpy/lib/_stride_tricks_impl.py.

import { axesArg, axisIndexArg, axisTupleArg, bindArgs, intArg, isPyIndex, pyIntStr, pyTruth, pyType, type Signature } from "../core/args.js";
import { asarray, type ArrayLike } from "../core/convert.js";
import { toDType, type DType } from "../core/dtype.js";
import { AxisError, OverflowError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { shapeOf } from "../core/shape.js";
import { broadcastShapeOf, cContiguous, copyOf, fContiguous, isFortran, isOptions, orderArg, sortedStridePerm, viewOf, type Order } from "./layout.js";
import { broadcastView, dropAxes, flattenArray, flipView, insertNewaxes, reshapeArray, sliceAxis, transposeArray, type Axes } from "./views.js";
import { torchFlatten, torchReshape, torchSqueeze, torchTranspose, view as torchView, viewDtype } from "./torch-shape.js";

function axisOpt(o: { axis?: Axes | null; dim?: Axes | null }): Axes | null | undefined {
  return o.axis !== undefined ? o.axis : o.dim;
}

const DIM = { dim: "axis" } as const;

// ---------------------------------------------------------------------------------------------------- reshape

export interface ReshapeOptions {
  shape?: number | readonly number[] | null;
  order?: Order | null;
  /** true: always copy; false: raise if a view is impossible; undefined: view when possible (NumPy's None). */
  copy?: boolean | null;
}

const RESHAPE: Signature = { name: "reshape", pos: ["a", "shape", "order"], required: 2, posOnly: 1, kw: ["copy"] };

/** A shape spread over several number arguments (np.reshape(a, 2, 3)) becomes one list, as a.reshape(2, 3) reads it. */
function gatherSpread(rest: readonly unknown[]): unknown[] {
  let k = 0;
  while (k < rest.length && (typeof rest[k] === "number" || typeof rest[k] === "bigint")) k++;
  return k > 1 ? [rest.slice(0, k), ...rest.slice(k)] : [...rest];
}

/** np.reshape(a, shape, order?, { copy }) — the shape may also be spread: np.reshape(a, 2, 3). None keeps the shape. */
export function reshape(a: ArrayLike, shape: number | readonly number[] | null, order?: Order | ReshapeOptions | null, opts?: ReshapeOptions): NDArray;
export function reshape(a: ArrayLike, ...shape: number[]): NDArray;
export function reshape(a: ArrayLike, opts: ReshapeOptions): NDArray;
export function reshape(a: ArrayLike, ...args: unknown[]): NDArray {
  const [x, shape, order, copy] = bindArgs(RESHAPE, [a, ...gatherSpread(args)]);
  const arr = asarray(x as ArrayLike);
  // The method's keywords are parsed first; a.reshape(None) is a plain view; only a real new shape rejects "K".
  const o = orderArg(order);
  const cp = copy === undefined || copy === null ? undefined : pyTruth(copy);
  if (shape === null) return reshapeArray(arr, arr.shape, o === "F" ? "F" : "C", cp);
  const dims = shapeOf(shape);
  return reshapeArray(arr, dims, orderArg(o, false), cp);
}

/** np.ravel: a 1-d view when the layout allows (PyArray_Ravel), else a copy in the requested order. */
export function ravel(a: ArrayLike, order?: Order | null | { order?: Order | null }): NDArray {
  const [x, ord] = bindArgs({ name: "ravel", pos: ["a", "order"], required: 1 }, arguments);
  const arr = asarray(x as ArrayLike);
  let o = orderArg(ord);
  const c = cContiguous(arr), f = fContiguous(arr);
  if (o === "A") o = isFortran(arr) ? "F" : "C";
  else if (o === "K") o = c ? "C" : f ? "F" : "K";
  // PyArray_Newshape with (-1,): never the same-shape shortcut, so strides are recomputed.
  if ((o === "C" && c) || (o === "F" && f)) return reshapeArray(arr, [-1], o);
  if (o === "K") {
    // A single contiguous run in some axis order is still a view.
    const perm = sortedStridePerm(arr._strides);
    let s = 1, ok = true;
    for (let i = perm.length - 1; i >= 0 && ok; i--) {
      const ax = perm[i]!;
      if (arr.shape[ax] === 1) continue;
      if (arr._strides[ax] !== s) ok = false;
      s *= arr.shape[ax]!;
    }
    if (ok) return viewOf(arr, [arr.size], [1]);
  }
  return flattenArray(arr, o);
}

// ---------------------------------------------------------------------------------------------------- axes

const TRANSPOSE: Signature = { name: "transpose", pos: ["a", "axes"], required: 1 };

/** PyArray_Transpose: axes read as a shape (PyArray_IntpConverter), each cast to a C int, then checked. */
function permutation(axes: unknown, ndim: number): number[] {
  const ax = shapeOf(axes);
  if (ax.length !== ndim) throw new ValueError("axes don't match array");
  const seen = new Array<boolean>(ndim).fill(false);
  return ax.map((v) => {
    const c = Number.isSafeInteger(v) && Math.abs(v) < 2 ** 31 ? v : Number(BigInt.asIntN(32, BigInt(v)));
    if (c < -ndim || c >= ndim) throw new AxisError(`axis ${c} is out of bounds for array of dimension ${ndim}`);
    const i = c < 0 ? c + ndim : c;
    if (seen[i]) throw new ValueError("repeated axis in transpose");
    seen[i] = true;
    return i;
  });
}

/** np.transpose(a, axes?): reverse the axes, or permute them (PyArray_Transpose's checks and messages). */
export function transpose(a: ArrayLike, axes?: readonly number[] | null | { axes?: readonly number[] | null }): NDArray {
  const [x, ax] = bindArgs(TRANSPOSE, arguments);
  const arr = asarray(x as ArrayLike);
  return ax === null || ax === undefined ? transposeArray(arr) : transposeArray(arr, permutation(ax, arr.ndim));
}

/** np.matrixTranspose (the array API's; ndarray.mT words its error differently): swap the last two axes. */
export function matrixTranspose(x: ArrayLike): NDArray {
  const arr = asarray(bindArgs({ name: "matrix_transpose", pos: ["x"], posOnly: 1 }, arguments)[0] as ArrayLike);
  if (arr.ndim < 2) throw new ValueError(`Input array must be at least 2-dimensional, but it is ${arr.ndim}`);
  return swapLast(arr);
}

function swapLast(arr: NDArray): NDArray {
  const perm = [...arr.shape.keys()];
  [perm[arr.ndim - 2], perm[arr.ndim - 1]] = [perm[arr.ndim - 1]!, perm[arr.ndim - 2]!];
  return transposeArray(arr, perm);
}

/** An axis parsed with PyArg_ParseTuple's "i" (swapaxes): C int range with its own overflow texts. */
function cIntParsed(v: unknown): number {
  if (typeof v === "number" && !Number.isInteger(v)) throw new TypeError("'float' object cannot be interpreted as an integer");
  const n = intArg(v);
  if (n > 2 ** 31 - 1) throw new OverflowError("signed integer is greater than maximum");
  if (n < -(2 ** 31)) throw new OverflowError("signed integer is less than minimum");
  return n;
}

function checkAxis(n: number, ndim: number, name: string): number {
  if (n < -ndim || n >= ndim) throw new AxisError(`${name}: axis ${n} is out of bounds for array of dimension ${ndim}`);
  return n < 0 ? n + ndim : n;
}

export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const [x, ax1, ax2] = bindArgs({ name: "swapaxes", pos: ["a", "axis1", "axis2"] }, arguments);
  const arr = asarray(x as ArrayLike);
  const c1 = cIntParsed(ax1), c2 = cIntParsed(ax2);
  const i = checkAxis(c1, arr.ndim, "axis1"), j = checkAxis(c2, arr.ndim, "axis2");
  const perm = [...arr.shape.keys()];
  [perm[i], perm[j]] = [j, i];
  return transposeArray(arr, perm);
}

function moveaxisArr(arr: NDArray, source: unknown, destination: unknown): NDArray {
  const src = axisTupleArg(source, arr.ndim, "source"), dst = axisTupleArg(destination, arr.ndim, "destination");
  if (src.length !== dst.length) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  const order = [...arr.shape.keys()].filter((n) => !src.includes(n));
  const pairs = dst.map((d, i) => [d, src[i]!] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transposeArray(arr, order);
}

/** np.moveaxis(a, source, destination): the other axes keep their order. */
export function moveaxis(a: ArrayLike, source: Axes, destination: Axes): NDArray {
  const [x, src, dst] = bindArgs({ name: "moveaxis", pos: ["a", "source", "destination"] }, arguments);
  return moveaxisArr(asarray(x as ArrayLike), src, dst);
}

/** Python's int(start) inside rollaxis's "%d" message: floats truncate, NaN and infinities raise. */
function percentD(v: number): string {
  if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
  return pyIntStr(Math.trunc(v) || 0);
}

/** np.rollaxis(a, axis, start=0): the legacy form of moveaxis (numeric.py's comparisons on a plain start). */
export function rollaxis(a: ArrayLike, axis: number, start?: number | { start?: number }): NDArray {
  const [x, axv, startv] = bindArgs({ name: "rollaxis", pos: ["a", "axis", "start"], required: 2 }, arguments);
  const arr = asarray(x as ArrayLike);
  const n = arr.ndim;
  const ax = axisIndexArg(axv, n);
  // start is compared as Python would: an int, a float, or an array (one element, else its truth is ambiguous).
  let st: number;
  let insertable = true;
  if (startv === undefined) st = 0;
  else if (typeof startv === "number" || typeof startv === "bigint" || typeof startv === "boolean") {
    st = Number(startv);
    insertable = Number.isInteger(st);
  } else if (startv instanceof NDArray) {
    pyTruth(startv);
    st = Number(startv.ndim === 0 ? startv.item() : (startv.tolist() as unknown[]).flat(Infinity)[0]);
    insertable = startv.ndim === 0 && isPyIndex(startv);
  } else throw new TypeError(`'<' not supported between instances of '${pyType(startv)}' and 'int'`);
  if (st < 0) st += n;
  if (!(st >= 0 && st < n + 1)) throw new AxisError(`'start' arg requires ${-n} <= start < ${n + 1}, but ${percentD(st)} was passed in`);
  if (ax < st) st--;
  if (ax === st) return viewOf(arr, arr.shape, arr._strides);
  // list.insert(start, axis) needs an index.
  if (!insertable) throw new TypeError(startv instanceof NDArray ? "only integer scalar arrays can be converted to a scalar index" : "'float' object cannot be interpreted as an integer");
  const axes = [...arr.shape.keys()].filter((i) => i !== ax);
  axes.splice(st, 0, ax);
  return transposeArray(arr, axes);
}

// ---------------------------------------------------------------------------------------------------- length-1 axes

/** np.squeeze(a, axis?): drop length-1 axes (all of them, or the selected ones, which must have length 1). */
export function squeeze(a: ArrayLike, axis?: Axes | null | { axis?: Axes | null; dim?: Axes | null }): NDArray {
  const [x, ax] = bindArgs({ name: "squeeze", pos: ["a", "axis"], required: 1, alias: DIM }, arguments);
  const arr = asarray(x as ArrayLike);
  if (ax === null || ax === undefined) return dropAxes(arr, arr.shape.map((d) => d === 1));
  const drop = axesArg(ax, arr.ndim);
  for (let i = 0; i < arr.ndim; i++)
    if (drop[i] && arr.shape[i] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
  return dropAxes(arr, drop);
}

/** np.expandDims(a, axis): new length-1 axes at the given positions of the result (a reshape, as NumPy). */
export function expandDims(a: ArrayLike, axis: Axes | { axis?: Axes; dim?: Axes }): NDArray {
  const [x, axv] = bindArgs({ name: "expand_dims", pos: ["a", "axis"], alias: DIM }, arguments);
  const arr = asarray(x as ArrayLike);
  const list = Array.isArray(axv) ? axv : [axv];
  const outNdim = list.length + arr.ndim;
  const axes = axisTupleArg(list, outNdim);
  let k = 0;
  const shape = Array.from({ length: outNdim }, (_, i) => (axes.includes(i) ? 1 : arr.shape[k++]!));
  return reshapeArray(arr, shape);
}

function atleast(name: string, args: globalThis.ArrayLike<unknown>, fix: (a: NDArray) => NDArray): NDArray | NDArray[] {
  const arys = bindArgs({ name, pos: [], rest: true }, args)[0] as ArrayLike[];
  const res = arys.map((x) => fix(asarray(x)));
  return res.length === 1 ? res[0]! : res;
}

/** np.atleast_1d(...arys): one array for one argument, a JS array of them otherwise. */
export function atleast1d(a: ArrayLike): NDArray;
export function atleast1d(...arys: ArrayLike[]): NDArray[];
export function atleast1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast("atleast_1d", arys, (a) => (a.ndim === 0 ? reshapeArray(a, [1]) : a));
}
export function atleast2d(a: ArrayLike): NDArray;
export function atleast2d(...arys: ArrayLike[]): NDArray[];
export function atleast2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast("atleast_2d", arys, (a) => (a.ndim === 0 ? reshapeArray(a, [1, 1]) : a.ndim === 1 ? insertNewaxes(a, [0]) : a));
}
export function atleast3d(a: ArrayLike): NDArray;
export function atleast3d(...arys: ArrayLike[]): NDArray[];
export function atleast3d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast("atleast_3d", arys, (a) => (a.ndim === 0 ? reshapeArray(a, [1, 1, 1]) : a.ndim === 1 ? insertNewaxes(a, [0, 2]) : a.ndim === 2 ? insertNewaxes(a, [2]) : a));
}

// ---------------------------------------------------------------------------------------------------- broadcasting

/** Python's truth of `d < 0` for one entry of a shape (an array entry compares elementwise, then must be one value). */
function isNegative(d: unknown): boolean {
  if (typeof d === "number" || typeof d === "bigint" || typeof d === "boolean") return Number(d) < 0;
  if (d instanceof NDArray) {
    if (d.size === 0) throw new ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.");
    if (d.size > 1) throw new ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    return Number(d.ndim === 0 ? d.item() : (d.tolist() as unknown[]).flat(Infinity)[0]) < 0;
  }
  throw new TypeError(`'<' not supported between instances of '${pyType(d)}' and 'int'`);
}

/** _broadcast_to's shape: tuple(shape) when iterable, checked for negatives by comparison, then read by nditer. */
function broadcastShapeArg(shape: unknown, arr: NDArray): number[] {
  let items: unknown[];
  if (Array.isArray(shape)) items = shape;
  else if (typeof shape === "string") items = [...shape];
  else if (shape instanceof NDArray && shape.ndim > 0) items = Array.from({ length: shape.shape[0]! }, (_, i) => viewOf(sliceAxis(shape, 0, i, 1), shape.shape.slice(1), shape._strides.slice(1)));
  else items = [shape];
  if (items.length === 0 && arr.ndim > 0) throw new ValueError("cannot broadcast a non-scalar to a scalar array");
  for (const d of items) if (isNegative(d)) throw new ValueError("all elements of broadcast shape must be non-negative");
  const s = shapeOf(shape instanceof NDArray && shape.ndim > 0 ? shape : items);
  let n = 1;
  for (const d of s) if ((n *= d) >= 2 ** 63) throw new ValueError("iterator is too large");
  return s;
}

/** np.broadcastTo(a, shape): a READ-ONLY view (writes raise "assignment destination is read-only"). */
export function broadcastTo(array: ArrayLike, shape: number | readonly number[] | { shape: number | readonly number[]; subok?: boolean }, subok?: boolean): NDArray {
  const [x, sh, sub] = bindArgs({ name: "broadcast_to", pos: ["array", "shape", "subok"], required: 2 }, arguments);
  const arr = asarray(x as ArrayLike);
  if (sub !== undefined) pyTruth(sub);
  return broadcastView(arr, broadcastShapeArg(sh, arr), false);
}

/** np.broadcastArrays(...arrays): arrays already of the common shape come back as they are, the others as views. */
export function broadcastArrays(...arrays: (ArrayLike | { subok?: boolean })[]): NDArray[] {
  const [subok, rest] = bindArgs({ name: "broadcast_arrays", pos: [], kw: ["subok"], rest: true }, arrays);
  if (subok !== undefined) pyTruth(subok);
  const arrs = (rest as ArrayLike[]).map((x) => asarray(x));
  const shape = broadcastShapeOf(arrs.map((a) => a.shape));
  // NumPy still marks these writeable (with a FutureWarning on write).
  return arrs.map((a) => (a.ndim === shape.length && a.shape.every((d, i) => d === shape[i]) ? a : broadcastView(a, shape, a._writeable)));
}

// ---------------------------------------------------------------------------------------------------- flips and layout

/** np.flip(a, axis?): reverse along the axes (all when omitted) with negative strides. */
export function flip(m: ArrayLike, axis?: Axes | null | { axis?: Axes | null; dim?: Axes | null; dims?: Axes | null }): NDArray {
  const [x, ax] = bindArgs({ name: "flip", pos: ["m", "axis"], required: 1, alias: { dim: "axis", dims: "axis" } }, arguments);
  const arr = asarray(x as ArrayLike);
  // NumPy indexes a 0-d array with () here, which gives a scalar: a copy, not a view.
  if (arr.ndim === 0 && (ax === null || ax === undefined)) return copyOf(arr);
  return flipView(arr, ax === null || ax === undefined ? [...arr.shape.keys()] : axisTupleArg(ax, arr.ndim));
}

export function fliplr(m: ArrayLike): NDArray {
  const arr = asarray(bindArgs({ name: "fliplr", pos: ["m"] }, arguments)[0] as ArrayLike);
  if (arr.ndim < 2) throw new ValueError("Input must be >= 2-d.");
  return flipView(arr, [1]);
}

export function flipud(m: ArrayLike): NDArray {
  const arr = asarray(bindArgs({ name: "flipud", pos: ["m"] }, arguments)[0] as ArrayLike);
  if (arr.ndim < 1) throw new ValueError("Input must be >= 1-d.");
  return flipView(arr, [0]);
}

function contiguous(name: string, args: globalThis.ArrayLike<unknown>, order: "C" | "F"): NDArray {
  const [x, dtype, like] = bindArgs({ name, pos: ["a", "dtype"], required: 1, kw: ["like"], cParser: true }, args);
  if (like !== undefined && like !== null && !(like instanceof NDArray))
    throw new TypeError("The `like` argument must be an array-like that implements the `__array_function__` protocol.");
  let arr = asarray(x as ArrayLike);
  const dt = dtype === undefined || dtype === null ? arr.dtype : toDType(dtype as string);
  if (arr.ndim === 0) arr = reshapeArray(arr, [1]);
  return dt === arr.dtype && (order === "C" ? cContiguous(arr) : fContiguous(arr)) ? arr : copyOf(arr, order, dt);
}

/** np.ascontiguousarray(a, dtype?): a itself when already C-contiguous (and of the dtype), else a C copy; ndim >= 1. */
export function ascontiguousarray(a: ArrayLike, dtype?: DType | string | null | { dtype?: DType | string | null }): NDArray {
  return contiguous("ascontiguousarray", arguments, "C");
}

/** np.asfortranarray(a, dtype?): a itself when already F-contiguous (and of the dtype), else an F copy; ndim >= 1. */
export function asfortranarray(a: ArrayLike, dtype?: DType | string | null | { dtype?: DType | string | null }): NDArray {
  return contiguous("asfortranarray", arguments, "F");
}

/** np.permuteDims (the array-API name of transpose, which NumPy's messages name). */
export function permuteDims(a: ArrayLike, axes?: readonly number[] | null | { axes?: readonly number[] | null }): NDArray {
  return (transpose as (...args: unknown[]) => NDArray)(...arguments);
}

/** np.unstack(x, { axis = 0 }): the views along an axis, each without it (NumPy 2.1; axis is keyword-only). */
export function unstack(x: ArrayLike, opts?: { axis?: number; dim?: number }): NDArray[] {
  const [xv, axis] = bindArgs({ name: "unstack", pos: ["x"], posOnly: 1, kw: ["axis"], alias: DIM }, arguments);
  const arr = asarray(xv as ArrayLike);
  if (arr.ndim === 0) throw new ValueError("Input array must be at least 1-d.");
  const moved = moveaxisArr(arr, axis === undefined ? 0 : axis, 0);
  return Array.from({ length: moved.shape[0]! }, (_, i) =>
    viewOf(moved, moved.shape.slice(1), moved._strides.slice(1), moved._offset + i * moved._strides[0]!));
}

/** np.shape(a): the shape as a JS array. */
export function shape(a: ArrayLike): number[] {
  return [...asarray(bindArgs({ name: "shape", pos: ["a"] }, arguments)[0] as ArrayLike).shape];
}

/** np.ndim(a). */
export function ndim(a: ArrayLike): number {
  return asarray(bindArgs({ name: "ndim", pos: ["a"] }, arguments)[0] as ArrayLike).ndim;
}

/** np.size(a, axis?): the element count, or the product of the lengths along the given axes. */
export function size(a: ArrayLike, axis?: Axes | null | { axis?: Axes | null }): number {
  const [x, ax] = bindArgs({ name: "size", pos: ["a", "axis"], required: 1 }, arguments);
  const arr = asarray(x as ArrayLike);
  if (ax === null || ax === undefined) return arr.size;
  return axisTupleArg(ax, arr.ndim).reduce((p, i) => p * arr.shape[i]!, 1);
}

// ---------------------------------------------------------------------------------------------------- methods

type AxisOpts = { axis?: Axes | null; dim?: Axes | null };

declare module "../core/ndarray.js" {
  interface NDArray {
    /** a.reshape(2, 3), a.reshape([2, 3]), a.reshape(-1, 4), a.reshape([3, 2], { order: "F" }). */
    reshape(...shape: number[]): NDArray;
    reshape(shape: number | readonly number[], order?: Order | ReshapeOptions, opts?: ReshapeOptions): NDArray;
    ravel(order?: Order | { order?: Order }): NDArray;
    /** NumPy: always a copy in `order`. PyTorch (a tensor, or flatten(startDim, endDim)): reshape semantics. */
    flatten(order?: Order | { order?: Order }): NDArray;
    flatten(startDim: number, endDim?: number): NDArray;
    /** NumPy: a.transpose(), a.transpose(1, 0, 2), a.transpose([1, 0, 2]). A tensor's transpose(d0, d1) swaps two dims. */
    transpose(...axes: number[]): NDArray;
    transpose(axes: readonly number[] | null): NDArray;
    readonly T: NDArray;
    readonly mT: NDArray;
    swapaxes(axis1: number, axis2: number): NDArray;
    moveaxis(source: Axes, destination: Axes): NDArray;
    movedim(source: Axes, destination: Axes): NDArray;
    /** NumPy's rule on arrays; on a tensor, a selected dim that is not length 1 is kept (PyTorch). */
    squeeze(axis?: Axes | null | AxisOpts): NDArray;
    flip(axis?: Axes | null | AxisOpts | { dims?: Axes }): NDArray;
    broadcastTo(shape: number | readonly number[]): NDArray;
    /** NumPy: a.view() / a.view(dtype). PyTorch: t.view(2, 3) / t.view([-1]) — always a view, or an error. */
    view(dtype?: DType | string): NDArray;
    view(...shape: (number | readonly number[])[]): NDArray;
  }
}

function axisMethodArg(x: unknown): Axes | null | undefined {
  return isOptions(x) ? axisOpt(x as AxisOpts) : (x as Axes | null | undefined);
}

Object.assign(NDArray.prototype, {
  reshape(this: NDArray, ...args: unknown[]) {
    if (this._tensor && args.length > 0 && !args.some((x) => typeof x === "string" || isOptions(x))) return torchReshape(this, ...(args as number[]));
    return (reshape as (a: NDArray, ...r: unknown[]) => NDArray)(this, ...args);
  },
  ravel(this: NDArray, order?: Order | { order?: Order }) {
    return ravel(this, order);
  },
  flatten(this: NDArray, a?: unknown, b?: unknown) {
    if (typeof a === "number" || (this._tensor && (a === undefined || isOptions(a) && ("startDim" in a || "endDim" in a)))) {
      const o = isOptions(a) ? (a as { startDim?: number; endDim?: number }) : {};
      return torchFlatten(this, typeof a === "number" ? a : (o.startDim ?? 0), typeof b === "number" ? b : (o.endDim ?? -1));
    }
    return flattenArray(this, orderArg(isOptions(a) ? (a as { order?: Order }).order : a));
  },
  transpose(this: NDArray, ...args: unknown[]) {
    if (this._tensor && args.length === 2 && args.every((x) => typeof x === "number")) return torchTranspose(this, args[0] as number, args[1] as number);
    if (args.length === 0 || (args.length === 1 && args[0] === null)) return transpose(this);
    if (args.length === 1 && Array.isArray(args[0])) return transpose(this, args[0] as number[]);
    if (args.length === 1 && isOptions(args[0])) return transpose(this, args[0] as { axes?: number[] });
    return transpose(this, args as number[]);
  },
  swapaxes(this: NDArray, axis1: number, axis2: number) {
    return swapaxes(this, axis1, axis2);
  },
  moveaxis(this: NDArray, source: Axes, destination: Axes) {
    return moveaxis(this, source, destination);
  },
  movedim(this: NDArray, source: Axes, destination: Axes) {
    return moveaxis(this, source, destination);
  },
  squeeze(this: NDArray, axis?: unknown) {
    return this._tensor ? torchSqueeze(this, axisMethodArg(axis)) : squeeze(this, axis as Axes);
  },
  flip(this: NDArray, axis?: unknown) {
    return flip(this, axis as Axes);
  },
  broadcastTo(this: NDArray, shape: number | readonly number[]) {
    return broadcastTo(this, shape);
  },
  view(this: NDArray, ...args: unknown[]) {
    if (args.length === 0 || args[0] === undefined || args[0] === null) return viewOf(this, this.shape, this._strides);
    if (typeof args[0] === "string") return viewDtype(this, args[0]);
    return torchView(this, ...(args as number[]));
  },
});

Object.defineProperty(NDArray.prototype, "T", {
  get(this: NDArray) {
    return transposeArray(this);
  },
  configurable: true,
});
Object.defineProperty(NDArray.prototype, "mT", {
  get(this: NDArray) {
    if (this.ndim < 2) throw new ValueError("matrix transpose with ndim < 2 is undefined");
    return swapLast(this);
  },
  configurable: true,
});
