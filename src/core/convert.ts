// convert.ts — JS values (numbers, bigints, booleans, nested arrays, typed arrays) to NDArrays, as np.asarray does.

import { DTYPE_INFO, promoteTypes, toDType, type DType, type TypedArray } from "./dtype.js";
import { OverflowError, ValueError } from "./errors.js";
import { NDArray, empty } from "./ndarray.js";
import { shapeRepr } from "./shape.js";
import { fastCopy } from "../kernels/copy.js";

export type NestedArray = number | bigint | boolean | NDArray | readonly NestedArray[];
export type ArrayLike = NestedArray | TypedArray;

const TYPED_DTYPE = new Map<Function, DType>([
  [Float64Array, "float64"], [Float32Array, "float32"], [Int8Array, "int8"], [Int16Array, "int16"], [Int32Array, "int32"],
  [Uint8Array, "uint8"], [Uint16Array, "uint16"], [Uint32Array, "uint32"], [BigInt64Array, "int64"], [BigUint64Array, "uint64"],
  [Uint8ClampedArray, "uint8"],
]);

export function typedArrayDType(t: ArrayBufferView): DType | undefined {
  return TYPED_DTYPE.get(t.constructor);
}

/** The dtype a JS scalar gets on its own (np.array(x)): numbers float64, bigints int64, booleans bool. */
export function scalarDType(v: number | bigint | boolean): DType {
  return typeof v === "boolean" ? "bool" : typeof v === "bigint" ? "int64" : "float64";
}

/** Convert one JS scalar to the storage value of `dtype` (C-style cast; Python-int overflow checked by the caller). */
export function toStorage(v: number | bigint | boolean, dtype: DType): number | bigint {
  const I = DTYPE_INFO[dtype];
  if (I.big) {
    if (typeof v === "bigint") return v;
    if (typeof v === "boolean") return v ? 1n : 0n;
    if (!Number.isFinite(v)) return I.kind === "u" ? 2n ** 63n : -(2n ** 63n);
    return BigInt(Math.trunc(v));
  }
  if (dtype === "bool") return typeof v === "bigint" ? (v !== 0n ? 1 : 0) : v !== 0 && v !== false ? 1 : 0;
  if (typeof v === "bigint") return I.kind === "f" ? Number(v) : Number(I.kind === "u" ? BigInt.asUintN(I.itemsize * 8, v) : BigInt.asIntN(I.itemsize * 8, v));
  return typeof v === "boolean" ? (v ? 1 : 0) : v;
}

const I64_LO = -(2n ** 63n), I64_HI = 2n ** 63n - 1n, U64_HI = 2n ** 64n - 1n;

/**
 * NumPy 2 refuses Python ints that do not fit an integer dtype: "Python integer 300 out of bounds for uint8".
 * The int first goes through C long (C unsigned long for uint32/uint64); beyond that NumPy says
 * "Python int too large to convert to C long". Non-integer numbers and non-integer dtypes pass.
 */
export function checkPyInt(v: number | bigint, dtype: DType): void {
  const I = DTYPE_INFO[dtype];
  if (I.kind !== "i" && I.kind !== "u") return;
  if (typeof v === "number" && !Number.isInteger(v)) return;
  const b = typeof v === "bigint" ? v : BigInt(v);
  if (b < I64_LO || b > (dtype === "uint32" || dtype === "uint64" ? U64_HI : I64_HI)) throw new OverflowError("Python int too large to convert to C long");
  if (b < BigInt(I.min) || b > BigInt(I.max)) throw new OverflowError(`Python integer ${b} out of bounds for ${dtype}`);
}

/** A Python float stored into an integer dtype goes through int(): truncation, then checkPyInt's range rules. */
export function pyFloatToInt(v: number, dtype: DType): number {
  if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
  const t = Math.trunc(v);
  checkPyInt(t, dtype);
  return t;
}

function inferShape(v: NestedArray, shape: number[], depth: number): void {
  if (v instanceof NDArray) {
    shape.push(...v.shape);
    return;
  }
  if (!Array.isArray(v)) return;
  shape.push(v.length);
  if (v.length > 0) inferShape(v[0] as NestedArray, shape, depth + 1);
}

function inhomogeneous(shape: number[], depth: number): never {
  throw new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${shapeRepr(shape.slice(0, depth))} + inhomogeneous part.`,
  );
}

/** Walk a nested list in C order, checking it against `shape`; calls `leaf` with each scalar. */
function walk(v: NestedArray, shape: number[], depth: number, leaf: (x: number | bigint | boolean) => void): void {
  if (depth === shape.length) {
    if (Array.isArray(v) || (v instanceof NDArray && v.ndim > 0)) inhomogeneous(shape, depth);
    if (v instanceof NDArray) leaf(v.item() as number);
    else if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") leaf(v);
    else throw new TypeError(`float() argument must be a string or a real number, not '${v === null ? "NoneType" : typeof v}'`);
    return;
  }
  if (v instanceof NDArray) {
    const rest = shape.slice(depth);
    if (v.ndim !== rest.length || v.shape.some((d, i) => d !== rest[i])) inhomogeneous(shape, depth);
    for (const x of v._values()) leaf(typeof x === "bigint" ? x : v.dtype === "bool" ? x !== 0 : x);
    return;
  }
  if (!Array.isArray(v) || v.length !== shape[depth]) inhomogeneous(shape, depth);
  for (const x of v as NestedArray[]) walk(x, shape, depth + 1, leaf);
}

function inferDType(v: NestedArray, shape: number[]): DType {
  let dt: DType | null = null;
  let anyFloat = false;
  const visit = (x: NestedArray): void => {
    if (x instanceof NDArray) {
      dt = dt === null ? x.dtype : promoteTypes(dt, x.dtype);
    } else if (Array.isArray(x)) (x as NestedArray[]).forEach(visit);
    else {
      const d = scalarDType(x as number | bigint | boolean);
      if (typeof x === "number") anyFloat = true;
      dt = dt === null ? d : promoteTypes(dt, d);
    }
  };
  visit(v);
  if (dt === null) return "float64"; // np.array([]) is float64
  if (anyFloat) return promoteTypes(dt, "float64");
  return dt;
  void shape;
}

export interface ArrayOptions {
  dtype?: DType | string;
  copy?: boolean;
}

/** NumPy's second positional parameter of np.array/np.asarray is the dtype: array(x, "int32") or array(x, { dtype }). */
function arrayOptions(opts: ArrayOptions | DType | string | null | undefined): ArrayOptions {
  if (opts === null || opts === undefined) return {};
  if (typeof opts === "string") return { dtype: opts };
  if (typeof opts !== "object" || Array.isArray(opts)) throw new TypeError(`Cannot interpret '${String(opts)}' as a data type`);
  return opts;
}

/** np.array: always a new array (unless copy: false on an NDArray of the right dtype). */
export function array(v: ArrayLike, options: ArrayOptions | DType | string | null = {}): NDArray {
  const opts = arrayOptions(options);
  const dtype = opts.dtype === undefined ? undefined : toDType(opts.dtype);
  if (v instanceof NDArray) {
    if (opts.copy === false && (dtype === undefined || dtype === v.dtype)) return v;
    return castCopy(v, dtype ?? v.dtype);
  }
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const td = typedArrayDType(v);
    if (td === undefined) throw new TypeError("unsupported typed array");
    const src = new NDArray(v as TypedArray, td, [(v as TypedArray).length]);
    return castCopy(src, dtype ?? td);
  }
  const shape: number[] = [];
  inferShape(v as NestedArray, shape, 0);
  const dt = dtype ?? inferDType(v as NestedArray, shape);
  const out = empty(shape, dt);
  const data = out.data as unknown as (number | bigint)[];
  const isInt = DTYPE_INFO[dt].kind === "i" || DTYPE_INFO[dt].kind === "u";
  let i = 0;
  walk(v as NestedArray, shape, 0, (x) => {
    if (isInt && typeof x !== "boolean") {
      if (typeof x === "number") x = pyFloatToInt(x, dt);
      else checkPyInt(x, dt);
    }
    data[i++] = toStorage(x, dt);
  });
  return out;
}

/** A C-contiguous copy of `a` cast to `dtype` (unsafe casting, as astype). */
export function castCopy(a: NDArray, dtype: DType): NDArray {
  const out = empty(a.shape, dtype);
  copyInto(out, a);
  return out;
}

/** Copy (with cast) every element of `src` into `dst`, which has src's shape. Strided, any dtypes. */
export function copyInto(dst: NDArray, src: NDArray): void {
  const n = src.size;
  if (n === 0) return;
  if (fastCopy(dst, src)) return; // same-dtype runs, fills and blocked 2-d copies (kernels/copy.ts)
  const sBig = DTYPE_INFO[src.dtype].big, dBig = DTYPE_INFO[dst.dtype].big;
  const conv = convertFn(src.dtype, dst.dtype, sBig, dBig);
  const nd = src.ndim, shape = src.shape, ss = src._strides, ds = dst._strides;
  const s = src.data as unknown as (number | bigint)[], d = dst.data as unknown as (number | bigint)[];
  const idx = new Array<number>(nd).fill(0);
  let so = src._offset, doff = dst._offset;
  const inner = nd === 0 ? 1 : shape[nd - 1]!, sIn = nd === 0 ? 0 : ss[nd - 1]!, dIn = nd === 0 ? 0 : ds[nd - 1]!;
  for (let k = 0; k < n; k += inner) {
    if (conv === null) for (let i = 0; i < inner; i++) d[doff + i * dIn] = s[so + i * sIn]!;
    else for (let i = 0; i < inner; i++) d[doff + i * dIn] = conv(s[so + i * sIn]!);
    for (let dd = nd - 2; dd >= 0; dd--) {
      idx[dd]!++;
      so += ss[dd]!;
      doff += ds[dd]!;
      if (idx[dd]! < shape[dd]!) break;
      so -= ss[dd]! * shape[dd]!;
      doff -= ds[dd]! * shape[dd]!;
      idx[dd] = 0;
    }
  }
}

const TWO31 = 2 ** 31, TWO32 = 2 ** 32, TWO63 = 2 ** 63, TWO64 = 2 ** 64;
const I64_MIN = -(2n ** 63n), U64_HALF = 2n ** 63n;

/**
 * Element conversion between storage classes; null when plain assignment into the typed array is already NumPy's
 * cast. Float → int casts of NaN, infinities and out-of-range values are undefined in C; these follow what NumPy
 * gives on x86-64 (cvttsd2si: the "integer indefinite" minimum, then truncated to the target width).
 */
function convertFn(from: DType, to: DType, sBig: boolean, dBig: boolean): ((x: number | bigint) => number | bigint) | null {
  if (to === "bool" && from !== "bool") return sBig ? (x) => (x !== 0n ? 1 : 0) : (x) => (x !== 0 ? 1 : 0);
  if (sBig && dBig) return null; // BigInt64Array <-> BigUint64Array stores wrap modulo 2^64
  const fk = DTYPE_INFO[from].kind, tk = DTYPE_INFO[to].kind;
  if (sBig) {
    if (to === "float32") return (x) => bigToFloat32(x as bigint);
    if (tk === "f") return (x) => Number(x);
    const bits = DTYPE_INFO[to].itemsize * 8;
    return tk === "u" ? (x) => Number(BigInt.asUintN(bits, x as bigint)) : (x) => Number(BigInt.asIntN(bits, x as bigint));
  }
  if (dBig) {
    if (fk !== "f") return (x) => BigInt(x as number);
    if (tk === "i") return (x) => ((x as number) >= -TWO63 && (x as number) < TWO63 ? BigInt(Math.trunc(x as number)) : I64_MIN);
    // uint64: through int64 for negatives, an unsigned conversion above 2^63; NaN and < -2^63 give 2^63, >= 2^64 gives 0.
    return (x) => {
      const v = x as number;
      if (v >= TWO64) return 0n;
      if (!(v >= -TWO63)) return U64_HALF;
      return BigInt.asUintN(64, BigInt(Math.trunc(v)));
    };
  }
  if (fk === "f" && (tk === "i" || tk === "u")) {
    if (to === "uint32") {
      // NumPy's contiguous loop: from -2^31 up to 2^32 the value wraps; at or above 2^32 it is 0; NaN and values
      // below -2^31 give 2^31.
      return (x) => {
        const v = Math.trunc(x as number);
        return v >= TWO32 ? 0 : v >= -TWO31 ? v : TWO31;
      };
    }
    // Through int32: beyond its range (and NaN/inf) the minimum int, which narrows to 0 below 32 bits.
    return (x) => {
      const v = Math.trunc(x as number);
      return v >= -TWO31 && v < TWO31 ? v : -TWO31;
    };
  }
  return null;
}

/**
 * One float64 value cast to `dtype` as NumPy casts a single element (a Python float meeting an integer loop under
 * casting="unsafe"): as convertFn, except that uint32 goes through int64 and wraps (the contiguous SIMD loop differs).
 */
export function castFloatScalar(v: number, dtype: DType): number | bigint {
  if (dtype === "uint32") {
    const t = Math.trunc(v);
    return t >= -TWO63 && t < TWO63 ? ((t % TWO32) + TWO32) % TWO32 : 0;
  }
  const conv = convertFn("float64", dtype, false, DTYPE_INFO[dtype].big);
  return conv === null ? v : conv(v);
}

/** Round a bigint to the nearest float32 (ties to even) in one step; via float64 could round twice. */
function bigToFloat32(x: bigint): number {
  const neg = x < 0n, m = neg ? -x : x;
  if (m < 2n ** 53n) return Number(x);
  const shift = BigInt(m.toString(2).length - 24);
  let q = m >> shift;
  const rem = m - (q << shift), half = 1n << (shift - 1n);
  if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  const r = Number(q << shift);
  return neg ? -r : r;
}

/** np.asarray: NDArrays pass through (cast when a dtype is given), everything else goes through np.array. */
export function asarray(v: ArrayLike, options: ArrayOptions | DType | string | null = {}): NDArray {
  const opts = arrayOptions(options);
  if (v instanceof NDArray) {
    const dt = opts.dtype === undefined ? v.dtype : toDType(opts.dtype);
    return dt === v.dtype ? v : castCopy(v, dt);
  }
  return array(v, opts);
}
