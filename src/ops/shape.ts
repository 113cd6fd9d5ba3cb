// shape.ts — views and movement: reshape, ravel/flatten, transpose and friends, squeeze/expandDims, broadcastTo,
// atleast*d, flip, ascontiguousarray. Views are stride arithmetic over the same buffer (base = the owner); where
// NumPy copies, the copy goes through copyInto. Semantics and error texts follow numpy 2.4's shape.c and
// numpy/_core/{fromnumeric,numeric,shape_base}.py, numpy/lib/_stride_tricks_impl.py.

import { asarray, type ArrayLike } from "../core/convert.js";
import { toDType, type DType } from "../core/dtype.js";
import { AxisError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { broadcastShapeOf, cContiguous, copyOf, fContiguous, intArg, isFortran, isOptions, orderArg, sortedStridePerm, splitOptions, viewOf, type Order } from "./layout.js";
import {
  axisIndex, axisTuple, broadcastView, dropAxes, flattenArray, flipView, insertNewaxes, reshapeArray, transposeArray, type Axes,
} from "./views.js";
import { torchFlatten, torchReshape, torchSqueeze, torchTranspose, view as torchView, viewDtype } from "./torch-shape.js";

function axisOpt(o: { axis?: Axes | null; dim?: Axes | null }): Axes | null | undefined {
  return o.axis !== undefined ? o.axis : o.dim;
}

// ---------------------------------------------------------------------------------------------------- reshape

export interface ReshapeOptions {
  shape?: number | readonly number[];
  order?: Order;
  /** true: always copy; false: raise if a view is impossible; undefined: view when possible (NumPy's None). */
  copy?: boolean | null;
}

function parseShape(rest: unknown[], opts: ReshapeOptions): { shape: number[]; order: unknown } {
  let shape: number[] | undefined;
  let order: unknown = opts.order;
  const nums: number[] = [];
  for (const x of rest) {
    if (typeof x === "string") order = x;
    else if (Array.isArray(x)) shape = x.map(intArg);
    else nums.push(intArg(x));
  }
  if (nums.length > 0) shape = nums;
  if (shape === undefined && opts.shape !== undefined) shape = typeof opts.shape === "number" ? [opts.shape] : [...opts.shape];
  if (shape === undefined) throw new TypeError("reshape() missing required argument 'shape' (pos 1)");
  return { shape, order };
}

/** np.reshape(a, shape, order?, { copy }) — the shape may also be spread: np.reshape(a, 2, 3). */
export function reshape(a: ArrayLike, shape: number | readonly number[], order?: Order | ReshapeOptions, opts?: ReshapeOptions): NDArray;
export function reshape(a: ArrayLike, ...shape: number[]): NDArray;
export function reshape(a: ArrayLike, opts: ReshapeOptions): NDArray;
export function reshape(a: ArrayLike, ...args: unknown[]): NDArray {
  const [rest, opts] = splitOptions<ReshapeOptions>(args);
  const { shape, order } = parseShape(rest, opts);
  return reshapeArray(asarray(a), shape, orderArg(order, false), opts.copy);
}

/** np.ravel: a 1-d view when the layout allows (PyArray_Ravel), else a copy in the requested order. */
export function ravel(a: ArrayLike, order?: Order | { order?: Order }): NDArray {
  const arr = asarray(a);
  let o = orderArg(isOptions(order) ? order.order : order);
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

/** np.transpose(a, axes?): reverse the axes, or permute them (PyArray_Transpose's checks and messages). */
export function transpose(a: ArrayLike, axes?: readonly number[] | null | { axes?: readonly number[] | null }): NDArray {
  const arr = asarray(a);
  const ax = axes !== null && axes !== undefined && !Array.isArray(axes) ? (axes as { axes?: readonly number[] | null }).axes : (axes as readonly number[] | null | undefined);
  if (ax === null || ax === undefined) return transposeArray(arr);
  if (ax.length !== arr.ndim) throw new ValueError("axes don't match array");
  const perm = ax.map((x) => axisIndex(x, arr.ndim));
  if (new Set(perm).size !== perm.length) throw new ValueError("repeated axis in transpose");
  return transposeArray(arr, perm);
}

/** ndarray.mT: swap the last two axes. */
export function matrixTranspose(a: ArrayLike): NDArray {
  const arr = asarray(a);
  if (arr.ndim < 2) throw new ValueError("matrix transpose with ndim < 2 is undefined");
  const perm = [...arr.shape.keys()];
  [perm[arr.ndim - 2], perm[arr.ndim - 1]] = [perm[arr.ndim - 1]!, perm[arr.ndim - 2]!];
  return transposeArray(arr, perm);
}

export function swapaxes(a: ArrayLike, axis1: number, axis2: number): NDArray {
  const arr = asarray(a);
  const i = axisIndex(axis1, arr.ndim, "axis1"), j = axisIndex(axis2, arr.ndim, "axis2");
  const perm = [...arr.shape.keys()];
  [perm[i], perm[j]] = [j, i];
  return transposeArray(arr, perm);
}

/** np.moveaxis(a, source, destination): the other axes keep their order. */
export function moveaxis(a: ArrayLike, source: Axes, destination: Axes): NDArray {
  const arr = asarray(a);
  const src = axisTuple(source, arr.ndim, "source"), dst = axisTuple(destination, arr.ndim, "destination");
  if (src.length !== dst.length) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  const order = [...arr.shape.keys()].filter((n) => !src.includes(n));
  const pairs = dst.map((d, i) => [d, src[i]!] as const).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transposeArray(arr, order);
}

/** np.rollaxis(a, axis, start=0): the legacy form of moveaxis. */
export function rollaxis(a: ArrayLike, axis: number, start: number | { start?: number } = 0): NDArray {
  const arr = asarray(a);
  const n = arr.ndim;
  const ax = axisIndex(axis, n);
  let st = intArg(typeof start === "object" ? (start.start ?? 0) : start);
  if (st < 0) st += n;
  if (!(st >= 0 && st < n + 1)) throw new AxisError(`'start' arg requires ${-n} <= start < ${n + 1}, but ${st} was passed in`);
  if (ax < st) st--;
  if (ax === st) return viewOf(arr, arr.shape, arr._strides);
  const axes = [...arr.shape.keys()].filter((i) => i !== ax);
  axes.splice(st, 0, ax);
  return transposeArray(arr, axes);
}

// ---------------------------------------------------------------------------------------------------- length-1 axes

/** np.squeeze(a, axis?): drop length-1 axes (all of them, or the selected ones, which must have length 1). */
export function squeeze(a: ArrayLike, axis?: Axes | null | { axis?: Axes | null; dim?: Axes | null }): NDArray {
  const arr = asarray(a);
  const ax = axis !== null && typeof axis === "object" && !Array.isArray(axis) ? axisOpt(axis as { axis?: Axes }) : (axis as Axes | null | undefined);
  let drop: boolean[];
  if (ax === null || ax === undefined) drop = arr.shape.map((d) => d === 1);
  else {
    drop = arr.shape.map(() => false);
    // NumPy lets a lone integer 0 or -1 through for 0-d arrays (PyArray_ConvertMultiAxis's legacy special case).
    if (!(arr.ndim === 0 && typeof ax === "number" && (ax === 0 || ax === -1))) {
      const list = typeof ax === "number" ? [ax] : [...ax];
      for (const x of list) {
        const i = axisIndex(x, arr.ndim);
        if (drop[i]) throw new ValueError("duplicate value in 'axis'");
        drop[i] = true;
      }
      for (let i = 0; i < arr.ndim; i++)
        if (drop[i] && arr.shape[i] !== 1) throw new ValueError("cannot select an axis to squeeze out which has size not equal to one");
    }
  }
  return dropAxes(arr, drop);
}

/** np.expandDims(a, axis): new length-1 axes at the given positions of the result (a reshape, as NumPy). */
export function expandDims(a: ArrayLike, axis: Axes | { axis?: Axes; dim?: Axes }): NDArray {
  const arr = asarray(a);
  const axv = typeof axis === "object" && !Array.isArray(axis) ? axisOpt(axis as { axis?: Axes }) : (axis as Axes);
  if (axv === undefined || axv === null) throw new TypeError("expand_dims() missing required argument 'axis' (pos 2)");
  const list = typeof axv === "number" ? [axv] : [...axv];
  const outNdim = list.length + arr.ndim;
  const axes = axisTuple(list, outNdim);
  let k = 0;
  const shape = Array.from({ length: outNdim }, (_, i) => (axes.includes(i) ? 1 : arr.shape[k++]!));
  return reshapeArray(arr, shape);
}

function atleast(arys: ArrayLike[], fix: (a: NDArray) => NDArray): NDArray | NDArray[] {
  const res = arys.map((x) => fix(asarray(x)));
  return res.length === 1 ? res[0]! : res;
}

/** np.atleast_1d(...arys): one array for one argument, a JS array of them otherwise. */
export function atleast1d(a: ArrayLike): NDArray;
export function atleast1d(...arys: ArrayLike[]): NDArray[];
export function atleast1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast(arys, (a) => (a.ndim === 0 ? reshapeArray(a, [1]) : a));
}
export function atleast2d(a: ArrayLike): NDArray;
export function atleast2d(...arys: ArrayLike[]): NDArray[];
export function atleast2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast(arys, (a) => (a.ndim === 0 ? reshapeArray(a, [1, 1]) : a.ndim === 1 ? insertNewaxes(a, [0]) : a));
}
export function atleast3d(a: ArrayLike): NDArray;
export function atleast3d(...arys: ArrayLike[]): NDArray[];
export function atleast3d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast(arys, (a) => (a.ndim === 0 ? reshapeArray(a, [1, 1, 1]) : a.ndim === 1 ? insertNewaxes(a, [0, 2]) : a.ndim === 2 ? insertNewaxes(a, [2]) : a));
}

// ---------------------------------------------------------------------------------------------------- broadcasting

function shapeList(shape: unknown): number[] {
  return typeof shape === "number" || typeof shape === "bigint" ? [intArg(shape)] : (shape as unknown[]).map(intArg);
}

/** np.broadcastTo(a, shape): a READ-ONLY view (writes raise "assignment destination is read-only"). */
export function broadcastTo(a: ArrayLike, shape: number | readonly number[] | { shape: number | readonly number[] }): NDArray {
  const arr = asarray(a);
  const s = shapeList(typeof shape === "object" && !Array.isArray(shape) ? (shape as { shape: unknown }).shape : shape);
  if (s.length === 0 && arr.ndim > 0) throw new ValueError("cannot broadcast a non-scalar to a scalar array");
  if (s.some((d) => d < 0)) throw new ValueError("all elements of broadcast shape must be non-negative");
  return broadcastView(arr, s, false);
}

/** np.broadcastArrays(...arrays): arrays already of the common shape come back as they are, the others as views. */
export function broadcastArrays(...arrays: (ArrayLike | { subok?: boolean })[]): NDArray[] {
  const arrs = splitOptions(arrays)[0].map((x) => asarray(x as ArrayLike));
  const shape = broadcastShapeOf(arrs.map((a) => a.shape));
  // NumPy still marks these writeable (with a FutureWarning on write).
  return arrs.map((a) => (a.ndim === shape.length && a.shape.every((d, i) => d === shape[i]) ? a : broadcastView(a, shape, a._writeable)));
}

// ---------------------------------------------------------------------------------------------------- flips and layout

/** np.flip(a, axis?): reverse along the axes (all when omitted) with negative strides. */
export function flip(a: ArrayLike, axis?: Axes | null | { axis?: Axes | null; dim?: Axes | null; dims?: Axes | null }): NDArray {
  const arr = asarray(a);
  let ax: Axes | null | undefined;
  if (axis !== null && typeof axis === "object" && !Array.isArray(axis)) {
    const o = axis as { axis?: Axes | null; dim?: Axes | null; dims?: Axes | null };
    ax = o.axis !== undefined ? o.axis : o.dims !== undefined ? o.dims : o.dim;
  } else ax = axis as Axes | null | undefined;
  // NumPy indexes a 0-d array with () here, which gives a scalar: a copy, not a view.
  if (arr.ndim === 0 && (ax === null || ax === undefined)) return copyOf(arr);
  return flipView(arr, ax === null || ax === undefined ? [...arr.shape.keys()] : axisTuple(ax, arr.ndim));
}

export function fliplr(a: ArrayLike): NDArray {
  const arr = asarray(a);
  if (arr.ndim < 2) throw new ValueError("Input must be >= 2-d.");
  return flip(arr, 1);
}

export function flipud(a: ArrayLike): NDArray {
  const arr = asarray(a);
  if (arr.ndim < 1) throw new ValueError("Input must be >= 1-d.");
  return flip(arr, 0);
}

/** np.ascontiguousarray(a, { dtype }): a itself when already C-contiguous (and of the dtype), else a C copy; ndim >= 1. */
export function ascontiguousarray(a: ArrayLike, opts: { dtype?: DType | string } = {}): NDArray {
  let arr = asarray(a);
  const dt = opts.dtype === undefined || opts.dtype === null ? arr.dtype : toDType(opts.dtype);
  if (arr.ndim === 0) arr = reshapeArray(arr, [1]);
  return dt === arr.dtype && cContiguous(arr) ? arr : copyOf(arr, "C", dt);
}

/** np.asfortranarray(a, { dtype }): a itself when already F-contiguous (and of the dtype), else an F copy; ndim >= 1. */
export function asfortranarray(a: ArrayLike, opts: { dtype?: DType | string } = {}): NDArray {
  let arr = asarray(a);
  const dt = opts.dtype === undefined || opts.dtype === null ? arr.dtype : toDType(opts.dtype);
  if (arr.ndim === 0) arr = reshapeArray(arr, [1]);
  return dt === arr.dtype && fContiguous(arr) ? arr : copyOf(arr, "F", dt);
}


/** np.permuteDims (the array-API name of transpose). */
export function permuteDims(a: ArrayLike, axes?: readonly number[] | null | { axes?: readonly number[] | null }): NDArray {
  return transpose(a, axes);
}

/** np.unstack(x, axis=0): the views along an axis, each without it (NumPy 2.1). */
export function unstack(x: ArrayLike, axis: number | { axis?: number } = 0): NDArray[] {
  const arr = asarray(x);
  if (arr.ndim === 0) throw new ValueError("Input array must be at least 1-d.");
  const moved = moveaxis(arr, typeof axis === "object" ? (axis.axis ?? 0) : axis, 0);
  return Array.from({ length: moved.shape[0]! }, (_, i) =>
    viewOf(moved, moved.shape.slice(1), moved._strides.slice(1), moved._offset + i * moved._strides[0]!));
}

/** np.shape(a): the shape as a JS array. */
export function shape(a: ArrayLike): number[] {
  return [...asarray(a).shape];
}

/** np.ndim(a). */
export function ndim(a: ArrayLike): number {
  return asarray(a).ndim;
}

/** np.size(a, axis?): the element count, or the length along one axis. */
export function size(a: ArrayLike, axis?: number | null | { axis?: number | null }): number {
  const arr = asarray(a);
  const ax = axis !== null && typeof axis === "object" ? axis.axis : axis;
  return ax === null || ax === undefined ? arr.size : arr.shape[axisIndex(ax, arr.ndim)]!;
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
    return transpose(this, args.map(intArg));
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
    const ax = axisMethodArg(axis);
    return this._tensor ? torchSqueeze(this, ax) : squeeze(this, ax);
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
    return matrixTranspose(this);
  },
  configurable: true,
});
