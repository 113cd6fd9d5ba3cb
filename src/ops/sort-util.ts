// sort-util.ts — plumbing shared by the sorting, searching, gathering and set ops: binding a call to NumPy's Python
// signature (CPython's argument errors), Python ints and truth values with NumPy's conversion texts, lanes along an
// axis, int64 results built from int32 indices, index-array inputs.

import { intArg, isOptions } from "../core/args.js";
import { asarray, castCopy, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, type TypedArray } from "../core/dtype.js";
import { OverflowError, ValueError, AttributeError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { isCContiguous, shapeSize } from "../core/shape.js";

/** Python's AttributeError (put_along_axis on a non-array); src/core/errors.ts has no such class yet. */
export { AttributeError };

/** A NumPy function's Python signature: parameter names in camelCase, in NumPy's order. */
export interface Signature {
  /** NumPy's name, for messages ("count_nonzero"). */
  name: string;
  /** Positional-or-keyword parameters, in order. */
  params: readonly string[];
  /** How many leading params have no default. */
  required: number;
  /** How many leading params are positional-only (before NumPy's `/`). */
  positionalOnly?: number;
  /** Keyword-only parameters (after NumPy's `*`). */
  keywords?: readonly string[];
}

const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase());
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
/** Python's list of names in messages: 'a'; 'a' and 'b'; 'a', 'b', and 'c'. */
function nameList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 2 ? q.join(" and ") : `${q.slice(0, -1).join(", ")}, and ${q.at(-1)}`;
}

/**
 * Bind a JS call to a NumPy signature as CPython binds a Python call: the positional arguments (JS `undefined`
 * means "not given"; a trailing plain object holds the keywords) against `sig`, with CPython's TypeErrors for an
 * unexpected keyword, a value given twice, too many positional arguments or a missing required one. PyTorch's
 * `dim`/`keepdim` spell `axis`/`keepdims`. Returns every given parameter by name.
 */
export function bind(sig: Signature, args: globalThis.ArrayLike<unknown>): Record<string, unknown> {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  let kw: Record<string, unknown> = {};
  if (n > 0 && isOptions(args[n - 1])) kw = args[--n] as Record<string, unknown>;
  const { name, params, required } = sig, keywords = sig.keywords ?? [], posOnly = sig.positionalOnly ?? 0;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n && i < params.length; i++) if (args[i] !== undefined) out[params[i]!] = args[i];
  const alias = (k: string): string => (k === "dim" && (params.includes("axis") || keywords.includes("axis")) ? "axis" : k === "keepdim" && (params.includes("keepdims") || keywords.includes("keepdims")) ? "keepdims" : k);
  let kwOnly = 0;
  for (const [k0, v] of Object.entries(kw)) {
    if (v === undefined) continue;
    const k = alias(k0), at = params.indexOf(k);
    if (at >= 0 && at < posOnly) {
      const names = Object.keys(kw).filter((x) => kw[x] !== undefined && params.indexOf(alias(x)) >= 0 && params.indexOf(alias(x)) < posOnly);
      throw new TypeError(`${name}() got some positional-only arguments passed as keyword arguments: '${names.map(snake).join(", ")}'`);
    }
    if (at < 0 && !keywords.includes(k)) throw new TypeError(`${name}() got an unexpected keyword argument '${snake(k0)}'`);
    if (k in out) throw new TypeError(`${name}() got multiple values for argument '${snake(k)}'`);
    out[k] = v;
    if (at < 0) kwOnly++;
  }
  if (n > params.length) {
    const takes = required === params.length ? `${plural(params.length, "positional argument")}` : `from ${required} to ${params.length} positional arguments`;
    const given = kwOnly > 0 ? `${plural(n, "positional argument")} (and ${plural(kwOnly, "keyword-only argument")}) were given` : `${n} ${n === 1 ? "was" : "were"} given`;
    throw new TypeError(`${name}() takes ${takes} but ${given}`);
  }
  const missing = params.slice(0, required).filter((p) => !(p in out));
  if (missing.length > 0) throw new TypeError(`${name}() missing ${plural(missing.length, "required positional argument")}: ${nameList(missing.map(snake))}`);
  return out;
}

// ---- Python integers ----------------------------------------------------------------------------------------

/**
 * An int argument as NumPy's C code converts it to a C int, each conversion path with its own texts:
 * "arg" — PyArg_ParseTuple's "i" (ndarray.sort's axis, lexsort's axis): bools are ints;
 * "argparse" — npy_parse_arguments (diagonal's offset and axes): bools are ints;
 * "axis" — PyArray_AxisConverter (argsort, take, …): bools refused.
 */
export function cInt(v: unknown, how: "arg" | "argparse" | "axis"): number {
  if (how === "axis" && typeof v === "boolean") throw new TypeError("an integer is required for the axis");
  if (how === "arg" && typeof v === "number" && !Number.isInteger(v)) throw new TypeError("integer argument expected, got float");
  const x = intArg(v);
  if (x >= -0x80000000 && x <= 0x7fffffff) return x;
  if (how === "axis") throw new ValueError("integer won't fit into a C int");
  if (how === "arg") throw new OverflowError("Python int too large to convert to C int");
  throw new OverflowError(`signed integer is ${x > 0 ? "greater than maximum" : "less than minimum"}`);
}

/** The input as an NDArray (np.asarray). */
export const arr = (a: ArrayLike): NDArray => asarray(a);

/** `a` itself when C-contiguous, otherwise a C-contiguous copy. */
export function contiguous(a: NDArray): NDArray {
  return isCContiguous(a.shape, a._strides) ? a : castCopy(a, a.dtype);
}

/** np.ravel as a C-ordered 1-d array (a view when possible, else a copy); never shares writes back. */
export function flat(a: NDArray): NDArray {
  const c = contiguous(a);
  return new NDArray(c.data, c.dtype, [c.size], [1], c._offset, c === a ? (a.base ?? a) : null, false);
}

/** Element offsets (relative to the array's offset) of the start of every lane along `axis`, in C order. */
export function laneStarts(shape: readonly number[], strides: readonly number[], axis: number): Float64Array {
  const outer = shape.filter((_, i) => i !== axis), st = strides.filter((_, i) => i !== axis);
  const n = shapeSize(outer);
  const out = new Float64Array(n);
  if (n === 0) return out;
  const nd = outer.length, idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (let k = 0; k < n; k++) {
    out[k] = off;
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      off += st[d]!;
      if (idx[d]! < outer[d]!) break;
      off -= st[d]! * outer[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/** A fresh int64 array of `shape` holding the (non-negative or small negative) integers `v`. */
export function int64Of(v: globalThis.ArrayLike<number>, shape: readonly number[]): NDArray {
  const out = empty(shape, "int64");
  const w = new Int32Array(out.data.buffer, out.data.byteOffset, 2 * out.size);
  for (let i = 0; i < out.size; i++) {
    const x = v[i]!;
    if (x >= -0x80000000 && x < 0x80000000) {
      w[2 * i] = x;
      w[2 * i + 1] = x < 0 ? -1 : 0;
    } else (out.data as BigInt64Array)[i] = BigInt(x);
  }
  return out;
}

/** The values of `a` in C order as JS numbers (64-bit integers rounded as float64 casts round them). */
export function numbersOf(a: NDArray): Float64Array {
  const n = a.size, out = new Float64Array(n);
  if (n === 0) return out;
  const c = contiguous(a);
  const I = DTYPE_INFO[a.dtype];
  if (I.big) {
    const w = new Uint32Array(c.data.buffer, c.data.byteOffset + 8 * c._offset, 2 * n);
    const signed = I.kind === "i";
    for (let i = 0; i < n; i++) {
      const hi = w[2 * i + 1]!;
      out[i] = (signed ? hi | 0 : hi) * 4294967296 + w[2 * i]!;
    }
  } else out.set((c.data as Exclude<TypedArray, BigInt64Array | BigUint64Array>).subarray(c._offset, c._offset + n));
  return out;
}

/** Python's repr of a float as NumPy prints scalars in messages ("1.0", "nan", "inf", "1e+20"). */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return (Object.is(x, -0) ? "-0" : String(x)) + ".0";
  const s = String(x);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/** Copy the face (NumPy vs PyTorch) of the inputs onto a result. */
export function face<T extends NDArray>(r: T, ...inputs: unknown[]): T {
  if (inputs.some((x) => x instanceof NDArray && x._tensor)) r._tensor = true;
  return r;
}

export type IntRule = "safe" | "same_kind";

const C_LONG = 2 ** 63;

/**
 * An integer index input: NDArrays of integer or bool dtype pass; floats raise NumPy's cast TypeError under `rule`.
 * JS numbers are Python ints when integral; non-integral JS numbers truncate as np.array(list, dtype=intp) does
 * when `truncate`, else raise as a float array would.
 */
export function indexInput(v: ArrayLike, rule: IntRule, truncate: boolean): NDArray {
  const refuse = (x: NDArray): TypeError => new TypeError(`Cannot cast ${x.ndim === 0 ? "scalar" : "array data"} from dtype('${x.dtype}') to dtype('int64') according to the rule '${rule}'`);
  if (v instanceof NDArray) {
    const k = DTYPE_INFO[v.dtype].kind;
    if (k === "f" || (v.dtype === "uint64" && rule === "safe")) throw refuse(v);
    return v;
  }
  const x = asarray(v);
  // JS bigints beyond int64 are Python ints that do not fit intp.
  if (x.dtype === "uint64") {
    const d = contiguous(x).data as BigUint64Array;
    for (let i = 0; i < x.size; i++) if (d[i]! >= 2n ** 63n) throw new OverflowError("Python int too large to convert to C long");
    return castCopy(x, "int64");
  }
  if (x.dtype !== "float64") return x;
  const nums = x.data as Float64Array;
  let integral = true;
  for (let i = 0; i < nums.length; i++) if (!Number.isInteger(nums[i]!)) integral = false;
  if (!integral && !truncate) throw refuse(x);
  const out = empty(x.shape, "int64");
  const d = out.data as BigInt64Array;
  for (let i = 0; i < nums.length; i++) {
    const t = Math.trunc(nums[i]!);
    if (t !== t) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(t)) throw new OverflowError("cannot convert float infinity to integer");
    if (t >= C_LONG || t < -C_LONG) throw new OverflowError("Python int too large to convert to C long");
    d[i] = BigInt(t);
  }
  return out;
}

/** A raw view for copying elements bit-exactly: `k` words of `w` per element (64-bit values as two u32 words). */
export function words(data: TypedArray): { w: Uint8Array | Uint16Array | Uint32Array; k: number } {
  const b = data.buffer, o = data.byteOffset, size = data.BYTES_PER_ELEMENT;
  if (size === 1) return { w: new Uint8Array(b, o, data.length), k: 1 };
  if (size === 2) return { w: new Uint16Array(b, o, data.length), k: 1 };
  return { w: new Uint32Array(b, o, (data.length * size) >> 2), k: size >> 2 };
}

/** 1 where the element (C order) is nonzero — NaN counts as nonzero, -0 as zero — 0 elsewhere. */
export function truthOf(a: NDArray): Uint8Array {
  const n = a.size, out = new Uint8Array(n);
  if (n === 0) return out;
  const c = contiguous(a);
  if (DTYPE_INFO[a.dtype].big) {
    const w = new Uint32Array(c.data.buffer, c.data.byteOffset + 8 * c._offset, 2 * n);
    for (let i = 0; i < n; i++) out[i] = (w[2 * i]! | w[2 * i + 1]!) !== 0 ? 1 : 0;
  } else {
    const d = c.data as Float64Array, o = c._offset;
    for (let i = 0; i < n; i++) out[i] = d[o + i] !== 0 ? 1 : 0;
  }
  return out;
}
