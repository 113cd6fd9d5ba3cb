// tile.ts — copies that replicate or rotate: np.repeat (PyArray_Repeat), np.tile (numpy's composition of repeat and
// reshape, layout quirks included) and np.roll (per-axis block copies into an array laid out like the input).
// Every element copy is one strided copyInto per block, never a per-element loop here.

import { axisTupleArg, axisValue, bindArgs, checkAlloc, pyInt, pyTruth, type Signature } from "../core/args.js";
import { asarray, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO } from "../core/dtype.js";
import { AxisError, OverflowError, ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides, shapeOf } from "../core/shape.js";
import { allocStrided, broadcastShapeOf, copyOf, isOptions, stridesLike } from "./layout.js";
import { ravel } from "./shape.js";
import { prependOnes, reshapeArray, sliceAxis, type Axes } from "./views.js";
import { RuntimeError } from "./torch-shape.js";
import { take } from "./take.js";

type AxisOption = { axis?: number | null; dim?: number | null };

/** One count as int() reads a Python scalar into intp: floats truncate, strings parse, past int64 overflows. */
function countOf(v: unknown): bigint {
  const c = pyInt(v);
  if (c < -(2n ** 63n) || c >= 2n ** 63n) throw new OverflowError("Python int too large to convert to C long");
  return c;
}

/** The repeat counts as NumPy's PyArray_ContiguousFromAny(op, NPY_INTP, 0, 1) reads them. */
function repeatCounts(r: unknown): bigint[] {
  if (r instanceof NDArray) {
    const k = DTYPE_INFO[r.dtype].kind;
    if (r.ndim > 1) throw new ValueError("object too deep for desired array");
    if (k === "f" || r.dtype === "uint64")
      throw new TypeError(`Cannot cast ${r.ndim === 0 ? "scalar" : "array data"} from dtype('${r.dtype}') to dtype('int64') according to the rule 'safe'`);
    return r.ndim === 0 ? [countOf(r.item())] : (r.tolist() as unknown[]).map(countOf);
  }
  if (Array.isArray(r)) {
    if (r.some((x) => Array.isArray(x) || (x instanceof NDArray && x.ndim > 0)))
      throw new ValueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
    return r.map(countOf);
  }
  return [countOf(r)];
}

/** PyArray_Repeat on an NDArray along a normalised axis: a new C-contiguous array. */
export function repeatArray(a: NDArray, repeats: unknown, axis: number): NDArray {
  return repeatCounted(a, repeatCounts(repeats), axis);
}

function repeatCounted(a: NDArray, counts: readonly bigint[], axis: number): NDArray {
  const n = a.shape[axis]!;
  // NumPy sums in intp without an overflow check: a wrapped total shows up as a negative dimension.
  let total: bigint;
  if (counts.length === 1) total = BigInt.asIntN(64, counts[0]! * BigInt(n));
  else {
    if (counts.length !== n) throw new ValueError(`operands could not be broadcast together with shape (${n},) (${counts.length},)`);
    if (counts.some((c) => c < 0n)) throw new ValueError("repeats may not contain negative values.");
    total = BigInt.asIntN(64, counts.reduce((p, q) => p + q, 0n));
  }
  const shape = [...a.shape];
  shape[axis] = Number(total);
  checkAlloc(shape, a.dtype);
  if (counts.length === 1 || total === 0n || a.size === 0) {
    const out = allocStrided(shape, a.dtype, cStrides(shape));
    out._tensor = a._tensor;
    if (out.size === 0) return out;
    // View the output as [..., n, count, ...] and the input as the same shape with stride 0 on the count axis.
    const c = Number(counts[0]!), st = out._strides[axis]!;
    const shape4 = [...a.shape.slice(0, axis), n, c, ...a.shape.slice(axis + 1)];
    const dst = new NDArray(out.data, out.dtype, shape4, [...out._strides.slice(0, axis), st * c, st, ...out._strides.slice(axis + 1)]);
    const src = new NDArray(a.data, a.dtype, shape4, [...a._strides.slice(0, axis), a._strides[axis]!, 0, ...a._strides.slice(axis + 1)], a._offset);
    copyInto(dst, src);
    return out;
  }
  // Per-element counts are a gather along the axis: source index i appears counts[i] times.
  const idx = new Int32Array(shape[axis]!);
  for (let i = 0, pos = 0; i < n; i++) for (let e = pos + Number(counts[i]!); pos < e; pos++) idx[pos] = i;
  const r = take(a, new NDArray(idx, "int32", [idx.length]), axis);
  r._tensor = a._tensor;
  return r;
}

const REPEAT: Signature = { name: "repeat", pos: ["a", "repeats", "axis"], required: 2, alias: { dim: "axis" } };

/** np.repeat(a, repeats, axis=null): each element (or slice along axis) repeated; axis null works on the flattened array. */
export function repeat(a: ArrayLike, repeats: number | bigint | readonly number[] | NDArray, axis?: number | null | AxisOption): NDArray {
  const [x, r, axv] = bindArgs(REPEAT, arguments);
  let arr = asarray(x as ArrayLike);
  const ax = axisValue(axv); // the axis is parsed first, checked against the array after the counts
  const counts = repeatCounts(r);
  if (ax === null) return repeatCounted(ravel(arr), counts, 0);
  if (arr.ndim === 0) arr = reshapeArray(arr, [1]);
  if (ax < -arr.ndim || ax >= arr.ndim) throw new AxisError(`axis ${ax} is out of bounds for array of dimension ${arr.ndim}`);
  return repeatCounted(arr, counts, ax < 0 ? ax + arr.ndim : ax);
}

/** A NumPy scalar from iterating a float array: a float to int(), but not an index ("'numpy.float64' object ..."). */
class NpFloat {
  constructor(readonly value: number, readonly dtype: string) {}
}

/** A Python float in tile's shape_out (a JS number would read as an int when its value is integral). */
class PyFloat {
  constructor(readonly value: number) {}
}

/**
 * The entries of tuple(reps) as Python sees them: a 0-d array is not iterable and stays itself; a 1-d array gives
 * NumPy scalars (integers and bools act as ints, floats as NpFloat); a 2-d one gives its rows.
 */
function repsEntries(r: unknown): unknown[] {
  if (Array.isArray(r)) return [...r];
  if (typeof r === "string") return [...r];
  if (!(r instanceof NDArray) || r.ndim === 0) return [r];
  if (r.ndim === 1) return (r.tolist() as unknown[]).map((x) => (DTYPE_INFO[r.dtype].kind === "f" ? new NpFloat(x as number, r.dtype) : x));
  return Array.from({ length: r.shape[0]! }, (_, i) => {
    const row = sliceAxis(r, 0, i, 1);
    return new NDArray(row.data, row.dtype, row.shape.slice(1), row._strides.slice(1), row._offset);
  });
}

/** Python's `x == 1` for one entry of tile's reps (an array entry compares elementwise, then needs one truth value). */
function isOne(x: unknown): boolean {
  if (x instanceof NpFloat) return x.value === 1;
  if (x instanceof NDArray) {
    pyTruth(x);
    return Number(x.ndim === 0 ? x.item() : (x.tolist() as unknown[]).flat(Infinity)[0]) === 1;
  }
  return x === 1 || x === 1n || x === true;
}

/** Python's `s * t` in tile's shape_out: numbers multiply, None raises; str, list, array and NumPy floats keep their type. */
function timesRep(s: number, t: unknown): unknown {
  if (typeof t === "number" && !Number.isInteger(t)) return new PyFloat(s * t);
  if (typeof t === "number") return Number.isSafeInteger(s * t) ? s * t : BigInt(s) * BigInt(t);
  if (typeof t === "bigint") return BigInt(s) * t;
  if (typeof t === "boolean") return t ? s : 0;
  if (t === null || t === undefined) throw new TypeError("unsupported operand type(s) for *: 'int' and 'NoneType'");
  if (t instanceof NDArray && t.ndim === 0) return DTYPE_INFO[t.dtype].kind === "f" ? new NpFloat(s * Number(t.item()), t.dtype) : BigInt(s) * BigInt(t.item() as number | bigint | boolean);
  return t;
}

/** np.tile(A, reps): A repeated reps times along each axis (numpy's repeat/reshape composition, layouts included). */
export function tile(A: ArrayLike, reps: number | readonly number[]): NDArray {
  const [x, r] = bindArgs({ name: "tile", pos: ["A", "reps"] }, arguments);
  const arr = asarray(x as ArrayLike);
  let tup = repsEntries(r);
  const d = tup.length;
  if (d > 64) throw new ValueError("ndmin must be <= ndmax (64)");
  if (tup.every(isOne)) return prependOnes(copyOf(arr, "K"), d);
  let c = prependOnes(arr, d);
  if (d < c.ndim) tup = [...new Array<number>(c.ndim - d).fill(1), ...tup];
  const shapeOut = c.shape.map((s, i) => timesRep(s, tup[i]));
  let n = c.size;
  if (n > 0) {
    const dims = [...c.shape];
    for (let i = 0; i < dims.length; i++) {
      const t = tup[i];
      if (!isOne(t)) c = repeatArray(reshapeArray(c, [-1, n]), t instanceof NpFloat ? t.value : t, 0);
      n = Math.floor(n / dims[i]!);
    }
  }
  for (const t of shapeOut) {
    if (t instanceof PyFloat) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (t instanceof NpFloat) throw new TypeError(`'numpy.${t.dtype}' object cannot be interpreted as an integer`);
  }
  return reshapeArray(c, shapeOf(shapeOut));
}

/** The shape np.asarray gives a nested list (NumPy's "inhomogeneous" error for a ragged one) and its leaves. */
function nestedShape(x: unknown, depth = 0): number[] {
  if (x instanceof NDArray) return [...x.shape];
  if (!Array.isArray(x)) return [];
  const inner = x.map((e) => nestedShape(e, depth + 1));
  for (const s of inner)
    if (s.length !== inner[0]!.length || s.some((v, i) => v !== inner[0]![i]))
      throw new ValueError(`setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth + 1} dimensions. The detected shape was (${x.length},) + inhomogeneous part.`);
  return [x.length, ...(inner[0] ?? [])];
}

function leaves(x: unknown): unknown[] {
  if (x instanceof NDArray) return x.ndim === 0 ? [x.item()] : (x.tolist() as unknown[]).flat(Infinity);
  return Array.isArray(x) ? (x.flat(Infinity) as unknown[]) : [x];
}

/** int(sh) of one broadcast shift (a NumPy scalar: strings show as np.str_). */
function shiftOf(v: unknown): bigint {
  try {
    return pyInt(v);
  } catch (e) {
    if (typeof v === "string" && e instanceof ValueError) throw new ValueError(`invalid literal for int() with base 10: np.str_('${v}')`);
    throw e;
  }
}

export interface RollOptions {
  axis?: Axes | null;
  /** PyTorch's spellings. */
  dims?: Axes | null;
  shifts?: number | readonly number[];
}

function rollArr(arr: NDArray, shift: unknown, axis: unknown): NDArray {
  const axes = axisTupleArg(axis, arr.ndim, undefined, true);
  const shape = nestedShape(shift);
  const b = broadcastShapeOf([shape, [axes.length]]);
  if (b.length > 1) throw new ValueError("'shift' and 'axis' should be scalars or 1D sequences");
  const shifts = leaves(shift);
  const sums = new Array<bigint>(arr.ndim).fill(0n);
  for (let i = 0; i < b[0]!; i++) sums[axes[axes.length === 1 ? 0 : i]!]! += shiftOf(shifts[shifts.length === 1 ? 0 : i]);

  // roll.py unpacks zip(*indices) of the per-axis slices, which is empty for a 0-d array.
  if (arr.ndim === 0) throw new ValueError("not enough values to unpack (expected 2, got 0)");
  const result = allocStrided(arr.shape, arr.dtype, stridesLike(arr, "K"));
  result._tensor = arr._tensor;
  if (arr.size === 0) return result;
  // Per axis: one block (no shift) or two (the tail moves to the front); copy every combination.
  const blocks = arr.shape.map((n, d) => {
    const off = Number(((sums[d]! % BigInt(n)) + BigInt(n)) % BigInt(n));
    return off === 0 ? [[0, 0, n]] : [[0, off, n - off], [n - off, 0, off]];
  });
  const rec = (d: number, src: NDArray, dst: NDArray): void => {
    if (d === arr.ndim) return copyInto(dst, src);
    for (const [s, t, len] of blocks[d]!) rec(d + 1, sliceAxis(src, d, s!, len!), sliceAxis(dst, d, t!, len!));
  };
  rec(0, arr, result);
  return result;
}

const ROLL: Signature = { name: "roll", pos: ["a", "shift", "axis"], required: 2, alias: { shifts: "shift", dims: "axis", dim: "axis" } };

/** np.roll(a, shift, axis=null): elements shifted cyclically; axis null rolls the flattened array. */
export function roll(a: ArrayLike, shift: number | readonly number[] | NDArray | RollOptions, axis?: Axes | null | RollOptions): NDArray {
  const [x, sh, ax] = bindArgs(ROLL, arguments);
  const arr = asarray(x as ArrayLike);
  if (ax === null || ax === undefined) return reshapeArray(rollArr(ravel(arr), sh, 0), arr.shape);
  return rollArr(arr, sh, ax);
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
    return (repeat as (...a: unknown[]) => NDArray)(this, ...args);
  },
  tile(this: NDArray, ...reps: unknown[]) {
    return tile(this, reps.length === 1 ? (reps[0] as number) : (reps as number[]));
  },
  roll(this: NDArray, ...args: unknown[]) {
    return (roll as (...a: unknown[]) => NDArray)(this, ...args);
  },
});
