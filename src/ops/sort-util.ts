// sort-util.ts — plumbing shared by the sorting, searching, gathering and set ops: NumPy-order arguments with a
// trailing options object, lanes along an axis, int64 results built from int32 indices, index-array inputs.

import { asarray, castCopy, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, type TypedArray } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { isCContiguous, shapeSize } from "../core/shape.js";

/** A trailing plain object (not an array, not an NDArray, not a typed array) is the options object. */
export function isOptions(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NDArray) && !ArrayBuffer.isView(v);
}

/**
 * Merge positional arguments (NumPy's order, `names`) with a trailing options object found among them.
 * PyTorch's `dim`/`keepdim` spell `axis`/`keepdims`. Positional `undefined` means "not given".
 */
export function argsOf(positional: readonly unknown[], names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < positional.length; i++) {
    const v = positional[i];
    if (isOptions(v)) {
      for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k === "dim" ? "axis" : k === "keepdim" ? "keepdims" : k] = x;
      break;
    }
    if (v !== undefined && i < names.length) out[names[i]!] = v;
  }
  return out;
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

/**
 * An integer index input: NDArrays of integer or bool dtype pass; floats raise NumPy's cast TypeError under `rule`.
 * JS numbers are Python ints when integral; non-integral JS numbers truncate as np.array(list, dtype=intp) does
 * when `truncate`, else raise as a float array would.
 */
export function indexInput(v: ArrayLike, rule: IntRule, truncate: boolean): NDArray {
  if (v instanceof NDArray) {
    const k = DTYPE_INFO[v.dtype].kind;
    if (k === "f") throw new TypeError(`Cannot cast ${v.ndim === 0 ? "scalar" : "array data"} from dtype('${v.dtype}') to dtype('int64') according to the rule '${rule}'`);
    return v;
  }
  const x = asarray(v);
  if (x.dtype !== "float64") return x;
  const nums = x.data as Float64Array;
  let integral = true;
  for (let i = 0; i < nums.length; i++) if (!Number.isInteger(nums[i]!)) integral = false;
  if (!integral && !truncate) throw new TypeError(`Cannot cast ${x.ndim === 0 ? "scalar" : "array data"} from dtype('float64') to dtype('int64') according to the rule '${rule}'`);
  const out = empty(x.shape, "int64");
  const d = out.data as BigInt64Array;
  for (let i = 0; i < nums.length; i++) {
    const t = Math.trunc(nums[i]!);
    if (!Number.isFinite(t)) throw new ValueError("cannot convert float NaN to integer");
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
