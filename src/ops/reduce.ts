// reduce.ts — NumPy's reductions: sum prod min max ptp any all argmin argmax cumsum cumprod mean var std, the
// nan-functions and average, with NumPy's dtype rules, NaN rules, empty-input errors and `out` checks, and their
// methods on NDArray (accepting NumPy's {axis, keepdims} and PyTorch's {dim, keepdim}). The loops and NumPy's
// iteration order live in kernels/reduce-*.ts; mean/var/std/nan* are compositions written as NumPy writes them
// (numpy/_core/_methods.py, numpy/lib/_nanfunctions_impl.py), so their float results match bit for bit.

import { asarray, castCopy, checkPyInt, copyInto, toStorage, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, accumulatorDType, canCast, isFloat, promoteTypes, toDType, type DType } from "../core/dtype.js";
import { AxisError, NotImplementedError, ValueError, ZeroDivisionError, normalizeAxes, normalizeAxis } from "../core/errors.js";
import { NDArray, isContiguous } from "../core/ndarray.js";
import { shapeRepr } from "../core/shape.js";
import { reduce, reducedShape, type ReduceOp } from "../kernels/reduce-exec.js";
import { accumulateAlong, argAlong } from "../kernels/reduce-lines.js";
import { argRun } from "../kernels/reduce-loops.js";
import { nanSquaredDeviations, replaceNaN, squaredDeviations, zipInPlace } from "../kernels/reduce-stats.js";
import { multiply, subtract } from "./elementwise.js";

export type Axis = number | readonly number[] | null;

export interface ReduceOptions {
  axis?: Axis;
  /** PyTorch's name for axis. */
  dim?: Axis;
  keepdims?: boolean;
  /** PyTorch's name for keepdims. */
  keepdim?: boolean;
  out?: NDArray | null;
}
export interface SumOptions extends ReduceOptions {
  dtype?: DType | string | null;
  initial?: number | bigint | boolean | null;
}
export interface MinMaxOptions extends ReduceOptions {
  initial?: number | bigint | boolean | null;
}
export interface MeanOptions extends ReduceOptions {
  dtype?: DType | string | null;
}
export interface VarOptions extends MeanOptions {
  ddof?: number;
  /** The array API's name for ddof. */
  correction?: number;
}
export interface ArgOptions {
  axis?: number | null;
  dim?: number | null;
  keepdims?: boolean;
  keepdim?: boolean;
  out?: NDArray | null;
}
export interface CumOptions {
  axis?: number | null;
  dim?: number | null;
  dtype?: DType | string | null;
  out?: NDArray | null;
}
export interface AverageOptions {
  axis?: Axis;
  weights?: ArrayLike | null;
  returned?: boolean;
  keepdims?: boolean;
}

/** A positional argument after the array, or the trailing options object. */
type Arg<O> = Axis | DType | string | NDArray | boolean | number | bigint | undefined | O;

// ---- argument handling -------------------------------------------------------------------------------------

function isOptions(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof NDArray) && !ArrayBuffer.isView(v);
}

/**
 * NumPy's positional parameters (`names`, after the array) merged with a trailing options object, which may also
 * hold the keyword-only `keywords` and PyTorch's dim/keepdim.
 */
function parse<O>(fname: string, args: readonly unknown[], names: readonly string[], keywords: readonly string[] = []): O & Record<string, unknown> {
  let pos = args;
  let o: Record<string, unknown> = {};
  if (pos.length > 0 && isOptions(pos[pos.length - 1])) {
    o = { ...(pos[pos.length - 1] as object) };
    pos = pos.slice(0, -1);
    for (const k of Object.keys(o))
      if (!names.includes(k) && !keywords.includes(k) && k !== "dim" && !(k === "keepdim" && (names.includes("keepdims") || keywords.includes("keepdims"))))
        throw new TypeError(`${fname}() got an unexpected keyword argument '${k}'`);
  }
  if (pos.length > names.length) throw new TypeError(`${fname}() takes from 1 to ${names.length + 1} positional arguments but ${pos.length + 1} were given`);
  pos.forEach((v, i) => {
    if (v === undefined) return;
    const k = names[i]!;
    if (o[k] !== undefined) throw new TypeError(`argument for ${fname}() given by name ('${k}') and position (${i + 2})`);
    o[k] = v;
  });
  if (o.dim !== undefined) {
    if (o.axis !== undefined) throw new TypeError(`${fname}() got both 'axis' and 'dim'`);
    o.axis = o.dim;
    delete o.dim;
  }
  if (o.keepdim !== undefined) {
    o.keepdims = o.keepdim;
    delete o.keepdim;
  }
  return o as O & Record<string, unknown>;
}

function intTypeError(v: unknown): TypeError {
  const t = Array.isArray(v) ? "tuple" : typeof v === "number" ? "float" : typeof v === "string" ? "str" : typeof v;
  return new TypeError(`'${t}' object cannot be interpreted as an integer`);
}

/** Which axes a reduction folds (null: all). 0-d arrays accept axis 0 / -1, as NumPy's reductions do. */
function reducedAxes(axis: unknown, ndim: number): boolean[] {
  const flags = new Array<boolean>(ndim).fill(axis === null || axis === undefined);
  if (axis === null || axis === undefined) return flags;
  const list = Array.isArray(axis) ? (axis as unknown[]) : [axis];
  for (const a of list) if (typeof a !== "number") throw intTypeError(a);
  if (ndim === 0) {
    for (const a of list as number[]) {
      if (!Number.isInteger(a)) throw intTypeError(a);
      if (a !== 0 && a !== -1) throw new AxisError(`axis ${a} is out of bounds for array of dimension 0`);
    }
    return flags;
  }
  for (const a of normalizeAxes(list as number[], ndim)) flags[a] = true;
  return flags;
}

/** A single axis for argmax/cumsum-style functions (no tuples); 0-d arrays behave as 1-d. */
function singleAxis(axis: unknown, ndim: number): number | null {
  if (axis === null || axis === undefined) return null;
  if (typeof axis !== "number") throw intTypeError(axis);
  return normalizeAxis(axis, Math.max(ndim, 1));
}

/** `initial` as a stored value of `dtype`: Python ints must fit integer dtypes; floats cast as C does. */
function initialOf(v: unknown, dtype: DType): number | bigint | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" && typeof v !== "bigint" && typeof v !== "boolean") throw new TypeError("initial must be a scalar");
  if (typeof v !== "boolean" && (typeof v === "bigint" || Number.isInteger(v))) checkPyInt(v, dtype);
  const s = toStorage(v, dtype);
  return DTYPE_INFO[dtype].kind === "i" || DTYPE_INFO[dtype].kind === "u" ? (typeof s === "number" ? Math.trunc(s) : s) : s;
}

/** NumPy's _count_reduce_items: validates the axes with normalize_axis_index first (so 0-d arrays take none). */
function countItems(x: NDArray, axis: unknown): void {
  if (axis === null || axis === undefined) return;
  for (const ax of Array.isArray(axis) ? axis : [axis]) {
    if (typeof ax === "number" && !Number.isInteger(ax)) throw new TypeError("integer argument expected, got float");
    if (typeof ax === "number") normalizeAxis(ax, x.ndim);
  }
}

function countOf(shape: readonly number[], reduced: readonly boolean[]): number {
  let c = 1;
  shape.forEach((d, i) => {
    if (reduced[i]) c *= d;
  });
  return c;
}

const compact = (s: readonly number[]): string => (s.length === 1 ? `(${s[0]},)` : `(${s.join(",")})`);

/** Validate a reduction's `out` with NumPy's messages. */
function checkOut(out: unknown, x: NDArray, reduced: readonly boolean[], keepdims: boolean, opName: string): NDArray {
  if (!(out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
  const want = reducedShape(x.shape, reduced, keepdims);
  if (out.ndim !== want.length)
    throw new ValueError(`output parameter for reduction operation ${opName} has the wrong number of dimensions: Found ${out.ndim} but expected ${want.length}${keepdims ? " (must match the operand's when keepdims=True)" : ""}`);
  for (let i = 0; i < want.length; i++) {
    if (out.shape[i] === want[i]) continue;
    if (out.shape[i] === 1)
      throw new ValueError(`output operand requires a reduction along dimension ${i}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.`);
    let k = 0;
    const remap = x.shape.map((_, ax) => (reduced[ax] && !keepdims ? "newaxis" : String(out.shape[k++])));
    while (remap[0] === "newaxis") remap.shift();
    throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${shapeRepr(out.shape)}->(${remap.join(",")}) ${compact(x.shape)} `);
  }
  if (!out._writeable) throw new ValueError("output array is read-only");
  return out;
}

/** Deliver a result: into `out` (cast as NumPy's reductions do) or as is; tensors beget tensors. */
function deliver(res: NDArray, out: NDArray | null, x: NDArray): NDArray {
  const r = out ?? res;
  if (out !== null) copyInto(out, res);
  if (x._tensor) r._tensor = true;
  return r;
}

function outOf(o: { out?: unknown }, x: NDArray, reduced: readonly boolean[], keepdims: boolean, opName: string): NDArray | null {
  return o.out === undefined || o.out === null ? null : checkOut(o.out, x, reduced, keepdims, opName);
}

// ---- the ufunc reductions ----------------------------------------------------------------------------------

/** add.reduce in loop dtype `dt` (bool loops are logical_or; float -> int loops cast first, as NumPy's buffers do). */
function addReduce(x: NDArray, reduced: readonly boolean[], dt: DType, keepdims: boolean, initial?: number | bigint): NDArray {
  if (dt === "bool") return reduce({ op: "logical_or", a: x, reduced, dtype: dt, keepdims, initial });
  const src = !isFloat(dt) && isFloat(x.dtype) ? castCopy(x, dt) : x;
  return reduce({ op: "add", a: src, reduced, dtype: dt, keepdims, initial });
}

function mulReduce(x: NDArray, reduced: readonly boolean[], dt: DType, keepdims: boolean, initial?: number | bigint): NDArray {
  if (dt === "bool") return reduce({ op: "logical_and", a: x, reduced, dtype: dt, keepdims, initial });
  const narrow = !isFloat(dt) && (isFloat(x.dtype) || (DTYPE_INFO[x.dtype].big && !DTYPE_INFO[dt].big));
  return reduce({ op: "multiply", a: narrow ? castCopy(x, dt) : x, reduced, dtype: dt, keepdims, initial });
}

/** np.sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=0). */
export function sum(a: ArrayLike, ...args: Arg<SumOptions>[]): NDArray {
  const o = parse<SumOptions>("sum", args, ["axis", "dtype", "out", "keepdims", "initial"]);
  const x = asarray(a);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, "add");
  const dt = o.dtype == null ? accumulatorDType(x.dtype) : toDType(o.dtype);
  return deliver(addReduce(x, reduced, dt, keepdims, initialOf(o.initial, dt)), out, x);
}

/** np.prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=1). */
export function prod(a: ArrayLike, ...args: Arg<SumOptions>[]): NDArray {
  const o = parse<SumOptions>("prod", args, ["axis", "dtype", "out", "keepdims", "initial"]);
  const x = asarray(a);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, "multiply");
  const dt = o.dtype == null ? accumulatorDType(x.dtype) : toDType(o.dtype);
  return deliver(mulReduce(x, reduced, dt, keepdims, initialOf(o.initial, dt)), out, x);
}

/** maximum/minimum/fmax/fmin.reduce: no identity, so an empty reduction needs `initial`. */
function extreme(fname: string, op: ReduceOp, a: ArrayLike, args: readonly unknown[]): NDArray {
  const o = parse<MinMaxOptions>(fname, args, ["axis", "out", "keepdims", "initial"]);
  const x = asarray(a);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, op);
  const initial = initialOf(o.initial, x.dtype);
  if (initial === undefined && countOf(x.shape, reduced) === 0)
    throw new ValueError(`zero-size array to reduction operation ${op} which has no identity`);
  return deliver(reduce({ op, a: x, reduced, dtype: x.dtype, keepdims, initial }), out, x);
}

/** np.max / np.amax(a, axis=None, out=None, keepdims=False, initial=<no value>): NaN propagates. */
export function max(a: ArrayLike, ...args: Arg<MinMaxOptions>[]): NDArray {
  return extreme("max", "maximum", a, args);
}
export function min(a: ArrayLike, ...args: Arg<MinMaxOptions>[]): NDArray {
  return extreme("min", "minimum", a, args);
}
export const amax = max;
export const amin = min;

/** np.ptp: max - min (NumPy's subtract, so bool input raises and integers wrap). */
export function ptp(a: ArrayLike, ...args: Arg<ReduceOptions>[]): NDArray {
  const o = parse<ReduceOptions>("ptp", args, ["axis", "out", "keepdims"]);
  const x = asarray(a);
  const opts = { axis: o.axis, keepdims: o.keepdims };
  const r = subtract(max(x, opts), min(x, opts), o.out ? { out: o.out } : {});
  if (x._tensor) r._tensor = true;
  return r;
}

function logical(fname: string, op: ReduceOp, a: ArrayLike, args: readonly unknown[]): NDArray {
  const o = parse<ReduceOptions>(fname, args, ["axis", "out", "keepdims"]);
  const x = asarray(a);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, op);
  return deliver(reduce({ op, a: x, reduced, dtype: "bool", keepdims }), out, x);
}

/** np.any(a, axis=None, out=None, keepdims=False): bool; NaN counts as true. */
export function any(a: ArrayLike, ...args: Arg<ReduceOptions>[]): NDArray {
  return logical("any", "logical_or", a, args);
}
export function all(a: ArrayLike, ...args: Arg<ReduceOptions>[]): NDArray {
  return logical("all", "logical_and", a, args);
}

// ---- argmax / argmin, cumsum / cumprod ---------------------------------------------------------------------

function argExtreme(fname: "argmax" | "argmin", a: ArrayLike, args: readonly unknown[]): NDArray {
  const o = parse<ArgOptions>(fname, args, ["axis", "out"], ["keepdims"]);
  const x = asarray(a);
  const min = fname === "argmin";
  const axis = singleAxis(o.axis, x.ndim);
  let res: NDArray;
  if (axis === null) {
    if (x.size === 0) throw new ValueError(`attempt to get ${fname} of an empty sequence`);
    const flat = castCopy(x, x.dtype);
    const i = argRun(flat.data as unknown as globalThis.ArrayLike<number | bigint>, 0, 1, flat.size, min);
    res = new NDArray(BigInt64Array.of(BigInt(i)), "int64", o.keepdims ? x.shape.map(() => 1) : []);
  } else {
    const v = x.ndim === 0 ? new NDArray(x.data, x.dtype, [1], [0], x._offset) : x;
    if (v.shape[axis] === 0) throw new ValueError(`attempt to get ${fname} of an empty sequence`);
    res = argAlong(v, axis, min);
    if (o.keepdims) res = new NDArray(res.data, "int64", v.shape.map((d, i) => (i === axis ? 1 : d)));
  }
  const out = o.out ?? null;
  if (out !== null) {
    if (!(out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
    if (!canCast(out.dtype, "int64", "safe")) throw new TypeError(`Cannot cast array data from dtype('${out.dtype}') to dtype('int64') according to the rule 'safe'`);
    if (out.ndim !== res.ndim || out.shape.some((d, i) => d !== res.shape[i])) throw new ValueError(`output array does not match result of np.${fname}.`);
  }
  return deliver(res, out, x);
}

/** np.argmax(a, axis=None, out=None, *, keepdims=False): first maximum; the first NaN wins. int64. */
export function argmax(a: ArrayLike, ...args: Arg<ArgOptions>[]): NDArray {
  return argExtreme("argmax", a, args);
}
export function argmin(a: ArrayLike, ...args: Arg<ArgOptions>[]): NDArray {
  return argExtreme("argmin", a, args);
}

function cumulative(fname: string, op: "add" | "multiply", a: ArrayLike, args: readonly unknown[]): NDArray {
  const o = parse<CumOptions>(fname, args, ["axis", "dtype", "out"]);
  const x = asarray(a);
  const axis = singleAxis(o.axis, x.ndim);
  const dt = o.dtype == null ? accumulatorDType(x.dtype) : toDType(o.dtype);
  let r = x.dtype === dt && isContiguous(x) ? new NDArray(x.data.slice(x._offset, x._offset + x.size), dt, x.shape) : castCopy(x, dt);
  if (axis === null || x.ndim === 0) r = new NDArray(r.data, dt, [r.size]);
  accumulateAlong(r, axis ?? 0, op);
  const out = o.out ?? null;
  if (out !== null) {
    if (!(out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
    if (out.ndim !== r.ndim || out.shape.some((d, i) => d !== r.shape[i]))
      throw new ValueError(`non-broadcastable output operand with shape ${shapeRepr(out.shape)} doesn't match the broadcast shape ${shapeRepr(r.shape)}`);
    if (!out._writeable) throw new ValueError("output array is read-only");
  }
  return deliver(r, out, x);
}

/** np.cumsum(a, axis=None, dtype=None, out=None): axis=None runs over the flattened array. */
export function cumsum(a: ArrayLike, ...args: Arg<CumOptions>[]): NDArray {
  return cumulative("cumsum", "add", a, args);
}
export function cumprod(a: ArrayLike, ...args: Arg<CumOptions>[]): NDArray {
  return cumulative("cumprod", "multiply", a, args);
}

// ---- mean, var, std ----------------------------------------------------------------------------------------

/** The dtype NumPy computes means and variances in: float64 for bool and integers unless `dtype` says otherwise. */
function statDType(x: NDArray, dtype: unknown): DType {
  if (dtype !== undefined && dtype !== null) return toDType(dtype);
  return isFloat(x.dtype) ? x.dtype : "float64";
}

/** r /= d elementwise in r's dtype (NumPy's true_divide(r, d, out=r, casting='unsafe')). */
function divideInPlace(r: NDArray, d: number | NDArray): void {
  if (typeof d === "number") zipInPlace(r, null, (x) => x / d);
  else zipInPlace(r, d, (x, y) => x / y);
}

/** np.mean(a, axis=None, dtype=None, out=None, keepdims=False): sum / count; empty slices give nan. */
export function mean(a: ArrayLike, ...args: Arg<MeanOptions>[]): NDArray {
  const o = parse<MeanOptions>("mean", args, ["axis", "dtype", "out", "keepdims"]);
  const x = asarray(a);
  countItems(x, o.axis);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, "add");
  const r = deliver(addReduce(x, reduced, statDType(x, o.dtype), keepdims), out, x);
  divideInPlace(r, countOf(x.shape, reduced));
  return r;
}

function ddofOf(o: VarOptions): number {
  if (o.ddof !== undefined && o.correction !== undefined) throw new ValueError("ddof and correction can't be provided simultaneously.");
  return o.ddof ?? o.correction ?? 0;
}

function variance(fname: string, a: ArrayLike, args: readonly unknown[], root: boolean): NDArray {
  const o = parse<VarOptions>(fname, args, ["axis", "dtype", "out", "ddof", "keepdims"], ["correction"]);
  const ddof = ddofOf(o);
  const x = asarray(a);
  countItems(x, o.axis);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, "add");
  const dt = statDType(x, o.dtype);
  // NumPy runs var/std with an integer dtype= through integer sums and casts (its own oddity); not reproduced.
  if (!isFloat(dt)) throw new NotImplementedError(`${fname} with an integer or bool dtype= is not supported by tessera (NumPy computes it with integer casts)`);
  const count = countOf(x.shape, reduced);
  const m = addReduce(x, reduced, dt, true);
  divideInPlace(m, count);
  const dev = squaredDeviations(x, m, promoteTypes(x.dtype, m.dtype));
  const r = deliver(addReduce(dev, reduced, dt, keepdims), out, x);
  divideInPlace(r, Math.max(count - ddof, 0));
  if (root) zipInPlace(r, null, Math.sqrt);
  return r;
}

/** np.var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, correction): mean of squared deviations. */
function var_(a: ArrayLike, ...args: Arg<VarOptions>[]): NDArray {
  return variance("var", a, args, false);
}
export { var_ as var };

/** np.std: sqrt(var). */
export function std(a: ArrayLike, ...args: Arg<VarOptions>[]): NDArray {
  return variance("std", a, args, true);
}

// ---- nan-functions -----------------------------------------------------------------------------------------

/** np.nansum: sum treating NaN as 0 (over a copy, as NumPy). */
export function nansum(a: ArrayLike, ...args: Arg<SumOptions>[]): NDArray {
  const x = asarray(a);
  return sum(isFloat(x.dtype) ? replaceNaN(x, 0).arr : x, ...args);
}

/** np.nanprod: prod treating NaN as 1. */
export function nanprod(a: ArrayLike, ...args: Arg<SumOptions>[]): NDArray {
  const x = asarray(a);
  return prod(isFloat(x.dtype) ? replaceNaN(x, 1).arr : x, ...args);
}

/** np.nanmax / np.nanmin: fmax/fmin.reduce — NaNs ignored; an all-NaN slice gives nan (NumPy also warns). */
export function nanmax(a: ArrayLike, ...args: Arg<MinMaxOptions>[]): NDArray {
  return extreme("nanmax", "fmax", a, args);
}
export function nanmin(a: ArrayLike, ...args: Arg<MinMaxOptions>[]): NDArray {
  return extreme("nanmin", "fmin", a, args);
}

function nanArg(fname: "argmax" | "argmin", a: ArrayLike, args: readonly unknown[]): NDArray {
  const o = parse<ArgOptions>(`nan${fname}`, args, ["axis", "out"], ["keepdims"]);
  const x = asarray(a);
  if (!isFloat(x.dtype)) return argExtreme(fname, x, [o]);
  const { arr, mask } = replaceNaN(x, fname === "argmax" ? -Infinity : Infinity);
  if (mask.size > 0 && any(all(mask, { axis: o.axis ?? null })).item()) throw new ValueError("All-NaN slice encountered");
  return argExtreme(fname, arr, [o]);
}

/** np.nanargmax / np.nanargmin: NaNs ignored; an all-NaN slice raises. */
export function nanargmax(a: ArrayLike, ...args: Arg<ArgOptions>[]): NDArray {
  return nanArg("argmax", a, args);
}
export function nanargmin(a: ArrayLike, ...args: Arg<ArgOptions>[]): NDArray {
  return nanArg("argmin", a, args);
}

function checkInexact(o: { dtype?: unknown; out?: unknown }): void {
  if (o.dtype !== undefined && o.dtype !== null && !isFloat(toDType(o.dtype))) throw new TypeError("If a is inexact, then dtype must be inexact");
  if (o.out instanceof NDArray && !isFloat(o.out.dtype)) throw new TypeError("If a is inexact, then out must be inexact");
}

/** np.nanmean: mean of the non-NaN elements; all-NaN slices give nan. */
export function nanmean(a: ArrayLike, ...args: Arg<MeanOptions>[]): NDArray {
  const o = parse<MeanOptions>("nanmean", args, ["axis", "dtype", "out", "keepdims"]);
  const x = asarray(a);
  if (!isFloat(x.dtype)) return mean(x, o);
  checkInexact(o);
  const { arr, mask } = replaceNaN(x, 0);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, "add");
  const cnt = nonNaNCount(mask, x.shape, reduced, keepdims);
  const r = deliver(addReduce(arr, reduced, o.dtype == null ? arr.dtype : toDType(o.dtype), keepdims), out, x);
  divideInPlace(r, cnt);
  return r;
}

/** np.sum(~mask, axis, dtype=intp): the slice length minus its NaN count. */
function nonNaNCount(mask: NDArray, shape: readonly number[], reduced: readonly boolean[], keepdims: boolean): NDArray {
  const cnt = reduce({ op: "add", a: mask, reduced, dtype: "int64", keepdims });
  const total = countOf(shape, reduced);
  zipInPlace(cnt, null, (v) => total - v);
  return cnt;
}

function nanVariance(fname: string, a: ArrayLike, args: readonly unknown[], root: boolean): NDArray {
  const o = parse<VarOptions>(fname, args, ["axis", "dtype", "out", "ddof", "keepdims"], ["correction"]);
  const x = asarray(a);
  if (!isFloat(x.dtype)) return variance(fname.slice(3), x, [o], root);
  const ddof = ddofOf(o);
  checkInexact(o);
  const { arr, mask } = replaceNaN(x, 0);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  const out = outOf(o, x, reduced, keepdims, "add");
  const dt = o.dtype == null ? arr.dtype : toDType(o.dtype);
  const cnt = nonNaNCount(mask, x.shape, reduced, true);
  const avg = addReduce(arr, reduced, dt, true);
  divideInPlace(avg, cnt);
  nanSquaredDeviations(arr, mask, avg);
  const r = deliver(addReduce(arr, reduced, dt, keepdims), out, x);
  const dof = keepdims ? cnt : new NDArray(cnt.data, "int64", reducedShape(x.shape, reduced, false), cnt._strides.filter((_, i) => !reduced[i]), cnt._offset);
  zipInPlace(r, dof, (v, d) => (d - ddof <= 0 ? NaN : v / (d - ddof)));
  if (root) zipInPlace(r, null, Math.sqrt);
  return r;
}

/** np.nanvar / np.nanstd: variance of the non-NaN elements; slices with count <= ddof give nan. */
export function nanvar(a: ArrayLike, ...args: Arg<VarOptions>[]): NDArray {
  return nanVariance("nanvar", a, args, false);
}
export function nanstd(a: ArrayLike, ...args: Arg<VarOptions>[]): NDArray {
  return nanVariance("nanstd", a, args, true);
}

// ---- average -----------------------------------------------------------------------------------------------

/** np.average(a, axis=None, weights=None, returned=False, *, keepdims=False). */
export function average(a: ArrayLike, ...args: Arg<AverageOptions>[]): NDArray | [NDArray, NDArray] {
  const o = parse<AverageOptions>("average", args, ["axis", "weights", "returned"], ["keepdims"]);
  const x = asarray(a);
  const reduced = reducedAxes(o.axis, x.ndim), keepdims = !!o.keepdims;
  let avg: NDArray, scl: NDArray;
  if (o.weights === undefined || o.weights === null) {
    avg = mean(x, { axis: o.axis ?? null, keepdims });
    if (avg.size === 0) throw new ZeroDivisionError("division by zero");
    scl = new NDArray(new DTYPE_INFO[avg.dtype].ctor(1).fill(x.size / Math.max(avg.size, 1) as never), avg.dtype, []);
  } else {
    let w = asarray(o.weights);
    const rt = isFloat(x.dtype) ? promoteTypes(x.dtype, w.dtype) : promoteTypes(promoteTypes(x.dtype, w.dtype), "float64");
    if (w.ndim !== x.ndim || w.shape.some((d, i) => d !== x.shape[i])) {
      if (o.axis === undefined || o.axis === null) throw new TypeError("Axis must be specified when shapes of a and weights differ.");
      const axes = x.shape.map((_, i) => i).filter((i) => reduced[i]);
      const given = (Array.isArray(o.axis) ? o.axis : [o.axis]).map((ax) => normalizeAxis(ax as number, x.ndim));
      if (w.ndim !== given.length || given.some((ax, k) => w.shape[k] !== x.shape[ax]))
        throw new ValueError("Shape of weights must be consistent with shape of a along specified axis.");
      // Lay the weights along their axes (in increasing axis order) and broadcast over the rest.
      const order = given.map((ax, k) => [ax, k] as const).sort((p, q) => p[0] - q[0]);
      const wt = new NDArray(w.data, w.dtype, order.map(([, k]) => w.shape[k]!), order.map(([, k]) => w._strides[k]!), w._offset);
      let k = 0;
      w = new NDArray(wt.data, wt.dtype, x.shape.map((d, i) => (axes.includes(i) ? d : 1)), x.shape.map((_, i) => (axes.includes(i) ? wt._strides[k++]! : 0)), wt._offset);
    }
    scl = sum(w, { axis: o.axis ?? null, dtype: rt, keepdims });
    if (any(scl.eq(0)).item()) throw new ZeroDivisionError("Weights sum to zero, can't be normalized");
    const prodArr = multiply(x, w, { dtype: rt });
    avg = sum(prodArr, { axis: o.axis ?? null, keepdims }).div(scl);
  }
  if (x._tensor) avg._tensor = true;
  if (!o.returned) return avg;
  if (scl.ndim !== avg.ndim || scl.shape.some((d, i) => d !== avg.shape[i])) {
    const full = new NDArray(new DTYPE_INFO[scl.dtype].ctor(avg.size), scl.dtype, avg.shape);
    copyInto(full, new NDArray(scl.data, scl.dtype, avg.shape, avg.shape.map(() => 0), scl._offset));
    scl = full;
  }
  return [avg, scl];
}

// ---- methods -----------------------------------------------------------------------------------------------

declare module "../core/ndarray.js" {
  interface NDArray {
    sum(...args: Arg<SumOptions>[]): NDArray;
    prod(...args: Arg<SumOptions>[]): NDArray;
    max(...args: Arg<MinMaxOptions>[]): NDArray;
    min(...args: Arg<MinMaxOptions>[]): NDArray;
    amax(...args: Arg<MinMaxOptions>[]): NDArray;
    amin(...args: Arg<MinMaxOptions>[]): NDArray;
    any(...args: Arg<ReduceOptions>[]): NDArray;
    all(...args: Arg<ReduceOptions>[]): NDArray;
    argmax(...args: Arg<ArgOptions>[]): NDArray;
    argmin(...args: Arg<ArgOptions>[]): NDArray;
    cumsum(...args: Arg<CumOptions>[]): NDArray;
    cumprod(...args: Arg<CumOptions>[]): NDArray;
    mean(...args: Arg<MeanOptions>[]): NDArray;
    var(...args: Arg<VarOptions>[]): NDArray;
    std(...args: Arg<VarOptions>[]): NDArray;
    nansum(...args: Arg<SumOptions>[]): NDArray;
    nanmean(...args: Arg<MeanOptions>[]): NDArray;
  }
}

type Fn = (a: ArrayLike, ...args: never[]) => NDArray;

/**
 * A method for `f`. PyTorch puts keepdim second (`t.sum(1, true)`), where NumPy's second parameter is a dtype or
 * `out`; a boolean there can only mean keepdim.
 */
const method = (f: Fn) =>
  function (this: NDArray, ...args: unknown[]) {
    if (args.length >= 2 && typeof args[1] === "boolean" && !isOptions(args[0])) {
      const [dim, keepdim, ...rest] = args;
      const tail = rest.length > 0 && isOptions(rest[rest.length - 1]) ? (rest.pop() as object) : {};
      return f(this, ...([{ ...tail, axis: dim, keepdims: keepdim, ...(rest[0] !== undefined ? { dtype: rest[0] } : {}) }] as never[]));
    }
    return f(this, ...(args as never[]));
  };

Object.assign(NDArray.prototype, {
  sum: method(sum), prod: method(prod), max: method(max), min: method(min), amax: method(max), amin: method(min),
  any: method(any), all: method(all), argmax: method(argmax), argmin: method(argmin), cumsum: method(cumsum),
  cumprod: method(cumprod), mean: method(mean), var: method(var_), std: method(std), nansum: method(nansum),
  nanmean: method(nanmean),
});
