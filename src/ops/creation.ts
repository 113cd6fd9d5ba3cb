// creation.ts — array constructors: zeros/ones/empty/full (and *Like), arange, linspace, logspace, eye, identity, copy, fromTyped.

import { array, asarray, castCopy, castFloatScalar, checkPyInt, copyInto, pyFloatToInt, scalarDType, toStorage, typedArrayDType, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, toDType, type DType, type TypedArray } from "../core/dtype.js";
import { NotImplementedError, ValueError, ZeroDivisionError } from "../core/errors.js";
import { checkAlloc, intArg, isOptions } from "../core/args.js";
import { NDArray, empty as alloc } from "../core/ndarray.js";
import { broadcastStrides, checkShape, shapeArg } from "../core/shape.js";
import { powF } from "../kernels/scalar.js";

export { array, asarray };

export interface DTypeOptions {
  dtype?: DType | string;
}

type ShapeArg = number | readonly number[];

function shapeOf(shape: ShapeArg): number[] {
  if (typeof shape === "number" && !Number.isInteger(shape)) throw new TypeError(`expected a sequence of integers or a single integer, got '${shape}'`);
  const s = shapeArg([shape]);
  checkShape(s);
  return s;
}

function dtypeOr(opts: DTypeOptions | undefined, dflt: DType): DType {
  return opts?.dtype === undefined || opts.dtype === null ? dflt : toDType(opts.dtype);
}

function filled(shape: number[], dtype: DType, v: number | bigint | boolean): NDArray {
  const a = alloc(shape, dtype);
  const s = toStorage(v, dtype);
  if (s !== 0 && s !== 0n) (a.data as { fill(v: number | bigint): unknown }).fill(s);
  return a;
}

export function empty(shape: ShapeArg, opts?: DTypeOptions): NDArray {
  return alloc(shapeOf(shape), dtypeOr(opts, "float64"));
}
export function zeros(shape: ShapeArg, opts?: DTypeOptions): NDArray {
  return alloc(shapeOf(shape), dtypeOr(opts, "float64"));
}
export function ones(shape: ShapeArg, opts?: DTypeOptions): NDArray {
  return filled(shapeOf(shape), dtypeOr(opts, "float64"), 1);
}

/** The dtype np.full gives a JS fill value: integral numbers are Python ints (int64), others float64. */
function fillDType(v: unknown): DType {
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "bigint" && v > 2n ** 63n - 1n && v < 2n ** 64n) return "uint64"; // as np.asarray(2**63)
  return scalarDType(v as bigint | boolean);
}

/** Fill `a` with `v` as NumPy's copyto(a, v, casting="unsafe"): a scalar under NEP 50, or an array broadcast. */
function fillWith(a: NDArray, v: unknown): NDArray {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    const kind = DTYPE_INFO[a.dtype].kind;
    let s: number | bigint;
    if (typeof v === "number" && !Number.isInteger(v) && (kind === "i" || kind === "u")) {
      // A Python float into an integer dtype: C's cast of one element (NaN/inf as x86 gives them).
      s = castFloatScalar(v, a.dtype);
    } else {
      if (typeof v !== "boolean") checkPyInt(v, kind === "b" ? "int64" : a.dtype); // into bool through C long
      s = toStorage(v, a.dtype);
    }
    if (s !== 0 && s !== 0n) (a.data as { fill(v: number | bigint): unknown }).fill(s);
    return a;
  }
  const src = asarray(v as ArrayLike);
  const n = src.ndim, m = a.ndim;
  if (n > m || src.shape.some((d, i) => d !== 1 && d !== a.shape[m - n + i]))
    throw new ValueError(`could not broadcast input array from shape ${tuple(src.shape)} into shape ${tuple(a.shape)}`);
  copyInto(a, new NDArray(src.data, src.dtype, a.shape, broadcastStrides(src.shape, src._strides, a.shape), src._offset, src, false));
  return a;
}

function tuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** np.full(shape, fillValue): the dtype of the fill value unless given; an array fill value broadcasts. */
export function full(shape: ShapeArg, fillValue: number | bigint | boolean | ArrayLike, opts?: DTypeOptions): NDArray {
  const isScalar = typeof fillValue === "number" || typeof fillValue === "bigint" || typeof fillValue === "boolean";
  const dflt = isScalar ? fillDType(fillValue) : asarray(fillValue as ArrayLike).dtype;
  return fillWith(alloc(shapeOf(shape), dtypeOr(opts, dflt)), fillValue);
}

export interface LikeOptions extends DTypeOptions {
  shape?: ShapeArg;
}
function likeShape(a: ArrayLike, opts?: LikeOptions): { shape: number[]; dtype: DType } {
  const arr = asarray(a);
  return { shape: opts?.shape !== undefined ? shapeOf(opts.shape) : [...arr.shape], dtype: dtypeOr(opts, arr.dtype) };
}
export function emptyLike(a: ArrayLike, opts?: LikeOptions): NDArray {
  const { shape, dtype } = likeShape(a, opts);
  return alloc(shape, dtype);
}
export function zerosLike(a: ArrayLike, opts?: LikeOptions): NDArray {
  return emptyLike(a, opts);
}
export function onesLike(a: ArrayLike, opts?: LikeOptions): NDArray {
  const { shape, dtype } = likeShape(a, opts);
  return filled(shape, dtype, 1);
}
export function fullLike(a: ArrayLike, fillValue: number | bigint | boolean | ArrayLike, opts?: LikeOptions): NDArray {
  const { shape, dtype } = likeShape(a, opts);
  return fillWith(alloc(shape, dtype), fillValue);
}

/** np.copy: a new C-contiguous array with the same dtype. */
export function copy(a: ArrayLike): NDArray {
  const arr = asarray(a);
  const c = castCopy(arr, arr.dtype);
  c._tensor = arr._tensor;
  return c;
}

/** Wrap a typed array (no copy) as a 1-d array, or with a shape. */
export function fromTyped(t: TypedArray, opts: { shape?: readonly number[]; dtype?: DType | string } = {}): NDArray {
  const td = ArrayBuffer.isView(t) ? typedArrayDType(t) : undefined;
  if (td === undefined) throw new TypeError("fromTyped needs a typed array");
  opts ??= {};
  const dt = opts.dtype === undefined ? td : toDType(opts.dtype);
  if (DTYPE_INFO[dt].ctor !== DTYPE_INFO[td].ctor) throw new TypeError(`a ${t.constructor.name} cannot hold ${dt} without a copy`);
  const shape = opts.shape ?? [t.length];
  const n = shape.reduce((p, q) => p * q, 1);
  if (n !== t.length) throw new ValueError(`cannot reshape array of size ${t.length} into shape (${shape.join(", ")}${shape.length === 1 ? "," : ""})`);
  return new NDArray(t, dt, shape);
}

export interface ArangeOptions extends DTypeOptions {
  start?: number;
  stop?: number;
  step?: number;
}

/** np.arange(stop) / (start, stop) / (start, stop, step); integral arguments give int64 as NumPy. */
export function arange(a: number | bigint | ArangeOptions, b?: number | bigint | ArangeOptions | null, c?: number | bigint | ArangeOptions, d?: ArangeOptions): NDArray {
  const args = [a, b, c, d];
  const lastObj = args.findIndex((x) => typeof x === "object" && x !== null && !(x instanceof NDArray) && !Array.isArray(x));
  const opts: ArangeOptions = lastObj >= 0 ? (args[lastObj] as ArangeOptions) : {};
  // A one-element array stands for its value, as NumPy takes 0-d arrays.
  const raw = (lastObj >= 0 ? args.slice(0, lastObj) : args).filter((x) => x !== undefined && x !== null).map((x) => (x instanceof NDArray && x.size === 1 ? x.item() : x));
  for (const x of [...raw, opts.start, opts.stop, opts.step])
    if (x !== undefined && typeof x !== "number" && typeof x !== "bigint" && typeof x !== "boolean")
      throw new TypeError(`arange() not supported for inputs of type ${x === null ? "NoneType" : typeof x}`);
  const pos = raw.map(Number);
  for (const key of ["start", "stop", "step"] as const) if (typeof opts[key] === "bigint" || typeof opts[key] === "boolean") opts[key] = Number(opts[key]);
  let start = 0, stop: number, step = 1;
  if (pos.length === 0) {
    if (opts.stop === undefined) throw new TypeError("arange() requires stop to be specified.");
    start = opts.start ?? 0;
    stop = opts.stop;
    step = opts.step ?? 1;
  } else if (pos.length === 1) {
    if (opts.stop !== undefined) {
      start = pos[0]!;
      stop = opts.stop;
    } else stop = pos[0]!;
    step = opts.step ?? 1;
  } else {
    [start, stop] = [pos[0]!, pos[1]!];
    step = pos[2] ?? opts.step ?? 1;
  }
  const allInt = [start, stop, step].every(Number.isInteger) && [a, b, c].every((x) => typeof x !== "number" || Number.isInteger(x));
  if (step === 0) throw new ZeroDivisionError(allInt ? "division by zero" : "float division by zero");
  const dtype = dtypeOr(opts, allInt ? "int64" : "float64");
  const len = Math.ceil((stop - start) / step);
  if (Number.isNaN(len)) throw new ValueError("arange: cannot compute length");
  if (!(Math.abs(len) < 2 ** 63)) throw new ValueError("Maximum allowed size exceeded"); // intp overflow
  const n = Math.max(0, len);
  if (dtype === "bool" && n > 2) throw new TypeError("arange() is only supported for booleans when the result has at most length 2.");
  checkAlloc([n], dtype);
  return arangeFill(alloc(shapeOf([n]), dtype), start, step);
}

/**
 * NumPy's arange fill: the first two elements are start and start + step (computed in float64, then cast),
 * the rest start + i * delta with delta = out[1] - out[0], in the output dtype's own arithmetic.
 */
function arangeFill(out: NDArray, start: number, step: number): NDArray {
  const n = out.size, I = DTYPE_INFO[out.dtype];
  if (n === 0) return out;
  // The first two values are stored as Python scalars: floats through int() into integer dtypes, range-checked.
  const cast = (x: number): number | bigint => {
    if (I.kind === "f") return x;
    if (I.kind === "b") return x !== 0 ? 1 : 0;
    const t = pyFloatToInt(x, out.dtype);
    return I.big ? BigInt(t) : t;
  };
  const data = out.data as unknown as (number | bigint)[];
  data[0] = cast(start);
  if (n === 1) return out;
  data[1] = cast(start + step);
  if (I.big) {
    const s = data[0] as bigint, d = (data[1] as bigint) - s;
    for (let i = 2; i < n; i++) data[i] = s + BigInt(i) * d;
  } else if (out.dtype === "float32") {
    const s = data[0] as number, d = Math.fround((data[1] as number) - s);
    for (let i = 2; i < n; i++) data[i] = s + Math.fround(Math.fround(i) * d);
  } else if (I.kind === "f") {
    const s = data[0] as number, d = (data[1] as number) - s;
    for (let i = 2; i < n; i++) data[i] = s + i * d;
  } else {
    // C integer arithmetic wraps; Math.imul keeps the low 32 bits, which is all a ≤32-bit store keeps.
    const s = data[0] as number, d = (data[1] as number) - s;
    for (let i = 2; i < n; i++) data[i] = s + Math.imul(i, d);
  }
  return out;
}

export interface LinspaceOptions extends DTypeOptions {
  num?: number;
  endpoint?: boolean;
  retstep?: boolean;
  base?: number;
}

function linspaceValues(start: number, stop: number, num: number, endpoint: boolean): { values: Float64Array; step: number } {
  if (!Number.isInteger(num)) throw new TypeError("'float' object cannot be interpreted as an integer");
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  if (num >= 2 ** 63) throw new ValueError("Maximum allowed size exceeded");
  checkAlloc([num], "float64");
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const values = new Float64Array(num);
  const step = div > 0 ? delta / div : NaN;
  for (let i = 0; i < num; i++) values[i] = div > 0 ? (step === 0 ? (i / div) * delta : i * step) + start : i * delta + start;
  if (endpoint && num > 1) values[num - 1] = stop;
  return { values, step: div > 0 ? step : NaN };
}

/** A scalar endpoint of linspace/logspace (a JS number, bigint, or one-element array). */
function endpointArg(x: unknown, name: string): number {
  if (typeof x === "number") return x;
  if (typeof x === "bigint" || typeof x === "boolean") return Number(x);
  if (x instanceof NDArray && x.size === 1) return Number(x.item());
  if (x instanceof NDArray || Array.isArray(x)) throw new NotImplementedError(`${name}: array-valued start/stop are not supported by tessera`);
  throw new TypeError(`unsupported operand type(s) for -: '${x === null ? "NoneType" : typeof x}' and 'float'`);
}

function linspaceArgs(name: string, start: unknown, stop: unknown, num: unknown, opts: LinspaceOptions | null | undefined): { start: number; stop: number; num: number; opts: LinspaceOptions } {
  let o: LinspaceOptions = opts ?? {};
  if (typeof num === "object" && num !== null && !(num instanceof NDArray) && !Array.isArray(num)) {
    o = num as LinspaceOptions;
    num = o.num ?? 50;
  }
  if (num === undefined || num === null) num = 50;
  if (typeof num === "bigint") num = Number(num);
  if (typeof num !== "number") throw new TypeError(`'${typeof num}' object cannot be interpreted as an integer`);
  return { start: endpointArg(start, name), stop: endpointArg(stop, name), num, opts: o };
}

export function linspace(start: number, stop: number, num: number | LinspaceOptions = 50, options: LinspaceOptions = {}): NDArray | [NDArray, number] {
  const a = linspaceArgs("linspace", start, stop, num, options);
  const opts = a.opts;
  [start, stop, num] = [a.start, a.stop, a.num];
  const { values, step } = linspaceValues(start, stop, num, opts.endpoint ?? true);
  const dtype = dtypeOr(opts, "float64");
  // NumPy floors (not truncates) before an integer cast.
  if (DTYPE_INFO[dtype].kind === "i" || DTYPE_INFO[dtype].kind === "u") for (let i = 0; i < values.length; i++) values[i] = Math.floor(values[i]!);
  const out = castCopy(new NDArray(values, "float64", [num]), dtype);
  return opts.retstep ? [out, step] : out;
}

export function logspace(start: number, stop: number, num: number | LinspaceOptions = 50, options: LinspaceOptions = {}): NDArray {
  const a = linspaceArgs("logspace", start, stop, num, options);
  const opts = a.opts;
  [start, stop, num] = [a.start, a.stop, a.num];
  const base = opts.base ?? 10;
  const { values } = linspaceValues(start, stop, num, opts.endpoint ?? true);
  for (let i = 0; i < values.length; i++) values[i] = powF(base, values[i]!);
  return castCopy(new NDArray(values, "float64", [num]), dtypeOr(opts, "float64"));
}

export interface EyeOptions extends DTypeOptions {
  M?: number;
  k?: number;
}
export function eye(N: number, M?: number | EyeOptions | null, k?: number | EyeOptions, opts?: EyeOptions): NDArray {
  const o: EyeOptions = ([M, k, opts].find((x) => isOptions(x)) as EyeOptions | undefined) ?? {};
  N = intArg(N);
  const mRaw = isOptions(M) ? o.M : M;
  const cols = mRaw === undefined || mRaw === null ? N : intArg(mRaw);
  const kRaw = isOptions(k) ? o.k : k ?? o.k;
  const diag = kRaw === undefined ? 0 : intArg(kRaw);
  const out = alloc(shapeOf([N, cols]), dtypeOr(o, "float64"));
  const one = toStorage(1, out.dtype);
  const data = out.data as unknown as (number | bigint)[];
  // Only the rows whose diagonal element exists (N may be huge when cols is 0).
  const last = Math.min(N, cols - diag);
  for (let i = Math.max(0, -diag); i < last; i++) data[i * cols + i + diag] = one;
  return out;
}

export function identity(n: number, opts?: DTypeOptions): NDArray {
  return eye(intArg(n), isOptions(opts) ? opts : {});
}
