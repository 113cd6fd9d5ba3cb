// args.ts — Python's argument handling as NumPy's functions see it, with CPython's and NumPy's error texts: binding
// positional arguments and the trailing options object to a signature, operator.index and C-integer ranges, NumPy's
// axis converters, and the size limits that stand in for MemoryError (never a V8 RangeError or a crash).
// A JS value stands for a Python one: an integral number or a bigint is an int, any other number a float, a boolean
// a bool, null and undefined None, a string a str, a JS array a list (or the tuple NumPy wants), a plain object a dict.

import { DTYPE_INFO, type DType } from "./dtype.js";
import { AxisError, MemoryError, OverflowError, ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";

export { MemoryError };

// ---------------------------------------------------------------------------------------------------- Python values

/** The Python type name of a JS value, as error messages show it. */
export function pyType(v: unknown): string {
  if (v === null || v === undefined) return "NoneType";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "bigint") return "int";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "str";
  if (typeof v === "function") return "function";
  if (Array.isArray(v)) return "list";
  if (v instanceof NDArray || ArrayBuffer.isView(v)) return "numpy.ndarray";
  return "dict";
}

/** A Python int's decimal digits (JS integral numbers beyond 2^53 are exact binary values, shown exactly). */
export function pyIntStr(n: number | bigint): string {
  return typeof n === "bigint" || Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}

/** Python's repr of a float: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  const [mant, e] = x.toExponential().split("e") as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 16) return `${mant}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  const s = Object.is(x, -0) ? "-0" : x.toFixed(Math.max(0, mant.replace(/^-?\d\.?/, "").length - exp));
  return s.includes(".") ? s : `${s}.0`;
}

/** Python's repr of a scalar or list argument (what "got '...'" messages quote). */
export function pyRepr(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? pyIntStr(v) : pyFloatRepr(v);
  if (typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (v === null || v === undefined) return "None";
  if (typeof v === "string") return `'${v}'`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (v instanceof NDArray) {
    // print.ts registers NumPy's repr as the inspect hook (importing it here would be an import cycle).
    const repr = (v as unknown as Record<symbol, unknown>)[Symbol.for("nodejs.util.inspect.custom")];
    return typeof repr === "function" ? String(repr.call(v)) : `array(${String(v.tolist())})`;
  }
  return String(v);
}

/** Python's bool(v); an array of other than one element raises NumPy's ambiguity errors. */
export function pyTruth(v: unknown): boolean {
  if (v instanceof NDArray) {
    if (v.size === 0) throw new ValueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.");
    if (v.size > 1) throw new ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    return Boolean(Number(v.ndim === 0 ? v.item() : (v.tolist() as unknown[]).flat(Infinity)[0]));
  }
  if (Array.isArray(v) || typeof v === "string") return v.length > 0;
  if (typeof v === "number") return v !== 0; // NaN is true in Python
  if (typeof v === "bigint") return v !== 0n;
  if (isOptions(v)) return Object.keys(v).length > 0;
  return Boolean(v);
}

// ---------------------------------------------------------------------------------------------------- integers

const INT64_MIN = -(2n ** 63n), INT64_MAX = 2n ** 63n - 1n;
const INT32_MIN = -(2 ** 31), INT32_MAX = 2 ** 31 - 1;

/** operator.index(v) as an exact bigint: ints, bools and integer 0-d arrays; Python's TypeError for anything else. */
export function pyIndexBig(v: unknown): bigint {
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  if (typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (v instanceof NDArray) {
    const k = DTYPE_INFO[v.dtype].kind;
    if (v.ndim === 0 && (k === "i" || k === "u")) return BigInt(v.item() as number | bigint);
    throw new TypeError("only integer scalar arrays can be converted to a scalar index");
  }
  throw new TypeError(`'${pyType(v)}' object cannot be interpreted as an integer`);
}

/** True for a value operator.index accepts (int, bool, integer 0-d array). */
export function isPyIndex(v: unknown): boolean {
  if (typeof v === "number") return Number.isInteger(v);
  if (typeof v === "bigint" || typeof v === "boolean") return true;
  return v instanceof NDArray && v.ndim === 0 && (DTYPE_INFO[v.dtype].kind === "i" || DTYPE_INFO[v.dtype].kind === "u");
}

/** Which C integer a value is parsed into, as the overflow message names it. */
export type IntRange = "long" | "ssize" | "int";

/**
 * An integer argument: operator.index, then the C range NumPy parses it into — "long" (intp, PyArray_PyIntAsIntp),
 * "ssize" (Py_ssize_t, as list repetition and slicing) or "int" (C int, as normalize_axis_index) — with CPython's
 * OverflowError text past it. Bools are ints here, as in Python.
 */
export function intArg(v: unknown, range: IntRange = "long"): number {
  if (typeof v === "number" && Number.isSafeInteger(v) && (range !== "int" || (v >= INT32_MIN && v <= INT32_MAX))) return v || 0;
  const b = pyIndexBig(v);
  if (b < INT64_MIN || b > INT64_MAX)
    throw new OverflowError(range === "ssize" ? "cannot fit 'int' into an index-sized integer" : "Python int too large to convert to C long");
  const n = Number(b);
  if (range === "int" && (n < INT32_MIN || n > INT32_MAX)) throw new OverflowError("Python int too large to convert to C int");
  return n;
}

/** Python's int(x) of a scalar: floats truncate (NaN and infinities raise), strings parse, None and others raise. */
export function pyInt(v: unknown): bigint {
  if (typeof v === "number" && !Number.isInteger(v)) {
    if (Number.isNaN(v)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
    return BigInt(Math.trunc(v));
  }
  if (typeof v === "string") {
    const s = v.trim().replace(/_/g, "");
    if (!/^[+-]?\d+$/.test(s) || /__|^_|_$/.test(v.trim())) throw new ValueError(`invalid literal for int() with base 10: '${v}'`);
    return BigInt(s);
  }
  if (v instanceof NDArray) {
    if (v.ndim === 0) return pyInt(v.item());
    throw new TypeError("only 0-dimensional arrays can be converted to Python scalars");
  }
  if (isPyIndex(v)) return pyIndexBig(v);
  throw new TypeError(`int() argument must be a string, a bytes-like object or a real number, not '${pyType(v)}'`);
}

// ---------------------------------------------------------------------------------------------------- axes

function outOfBounds(ax: number, ndim: number, argname?: string): AxisError {
  return new AxisError(`${argname ? argname + ": " : ""}axis ${ax} is out of bounds for array of dimension ${ndim}`);
}

/** numpy.lib.array_utils.normalize_axis_index: a C int in [-ndim, ndim), with the optional "argname: " prefix. */
export function axisIndexArg(v: unknown, ndim: number, argname?: string): number {
  if (typeof v === "number" && !Number.isInteger(v)) throw new TypeError("integer argument expected, got float");
  const ax = intArg(v, "int");
  if (ax < -ndim || ax >= ndim) throw outOfBounds(ax, ndim, argname);
  return ax < 0 ? ax + ndim : ax;
}

/** The items Python's iter(v) gives for an axis argument (a 1-d array's NumPy scalars), or its TypeError. */
function pyIter(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return [...v];
  if (v instanceof NDArray) {
    if (v.ndim === 0) throw new TypeError("iteration over a 0-d array");
    if (v.shape[0] === 0) return [];
    if (v.ndim > 1) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
    // The items are NumPy scalars: np.float64 is a Python float, np.float32 and np.bool are not ints either.
    if (v.dtype === "float64") throw new TypeError("integer argument expected, got float");
    if (v.dtype === "float32" || v.dtype === "bool") throw new TypeError(`'numpy.${v.dtype}' object cannot be interpreted as an integer`);
    return v.tolist() as unknown[];
  }
  throw new TypeError(`'${pyType(v)}' object is not iterable`);
}

/** numpy's normalize_axis_tuple: an int or an iterable of ints, each in range, no repeats unless allowed. */
export function axisTupleArg(v: unknown, ndim: number, argname?: string, allowDuplicate = false): number[] {
  const items = !Array.isArray(v) && isPyIndex(v) ? [v] : pyIter(v);
  const out = items.map((x) => axisIndexArg(x, ndim, argname));
  if (!allowDuplicate && new Set(out).size !== out.length) throw new ValueError(argname ? `repeated axis in \`${argname}\` argument` : "repeated axis");
  return out;
}

/** PyArray_PyIntAsInt: an intp that must also fit a C int (NumPy's ValueError when it does not). */
function cIntAxis(v: unknown): number {
  const ax = intArg(v);
  if (ax < INT32_MIN || ax > INT32_MAX) throw new ValueError("integer won't fit into a C int");
  return ax;
}

/** PyArray_AxisConverter: null (or undefined) means every axis, bools are refused, the rest must fit a C int. */
export function axisValue(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") throw new TypeError("an integer is required for the axis");
  return cIntAxis(v);
}

/** PyArray_AxisConverter then check_and_adjust_axis: null for every axis, else the axis in [0, ndim). */
export function axisArg(v: unknown, ndim: number): number | null {
  const ax = axisValue(v);
  if (ax === null) return null;
  if (ax < -ndim || ax >= ndim) throw outOfBounds(ax, ndim);
  return ax < 0 ? ax + ndim : ax;
}

/**
 * PyArray_ConvertMultiAxis: null for every axis, an int, or a tuple (a JS array) of ints; returns one flag per axis.
 * A 0-d array accepts a lone 0 or -1 (NumPy's legacy special case).
 */
export function axesArg(v: unknown, ndim: number): boolean[] {
  const flags = new Array<boolean>(ndim).fill(v === null || v === undefined);
  if (v === null || v === undefined) return flags;
  if (!Array.isArray(v)) {
    if (typeof v === "boolean") throw new TypeError("an integer is required for the axis");
    const ax = cIntAxis(v);
    if (ndim === 0 && (ax === 0 || ax === -1)) return flags;
    if (ax < -ndim || ax >= ndim) throw outOfBounds(ax, ndim);
    flags[ax < 0 ? ax + ndim : ax] = true;
    return flags;
  }
  for (const x of v) {
    if (typeof x === "boolean") throw new TypeError("integers are required for the axis tuple elements");
    const ax = cIntAxis(x);
    if (ax < -ndim || ax >= ndim) throw outOfBounds(ax, ndim);
    const i = ax < 0 ? ax + ndim : ax;
    if (flags[i]) throw new ValueError("duplicate value in 'axis'");
    flags[i] = true;
  }
  return flags;
}

// ---------------------------------------------------------------------------------------------------- sizes

/** The most elements one typed array holds in V8; a bigger array is NumPy's MemoryError here. */
export const MAX_ELEMENTS = 2 ** 32;
/**
 * The largest single array tessera allocates (8 GiB): past it, NumPy's MemoryError text instead of an allocation
 * the OS may grant lazily and then kill the process for (seen with 16–32 GiB requests on a 24 GiB machine).
 */
export const MAX_BYTES = 2 ** 33;
/** The longest JS list of arrays tessera builds (views from split and friends); Python would run out of memory too. */
export const MAX_LIST = 2 ** 22;

/** NumPy's _ArrayMemoryError._size_to_string: "48.0 TiB", "8.00 GiB", "12 bytes". */
function sizeToString(bytes: bigint): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let unit = Math.floor(Math.max(bytes.toString(2).length - 1, 1) / 10);
  let n = Number(bytes) / 2 ** (unit * 10);
  if (Math.round(n) === 1024) {
    unit++;
    n /= 1024;
  }
  if (unit >= units.length) {
    n *= 2 ** ((unit - units.length + 1) * 10);
    unit = units.length - 1;
  }
  if (unit === 0) return `${n.toFixed(0)} ${units[0]}`;
  if (Math.round(n) < 1000) {
    const p = n.toPrecision(3); // Python's "#.3g": the point stays even when no decimals follow it
    return `${p.includes(".") ? p : p + "."} ${units[unit]}`;
  }
  return `${n.toFixed(0)}. ${units[unit]}`;
}

/**
 * Check that an array of `shape` can be allocated, as PyArray_NewFromDescr does: negative dimensions, then the byte
 * count overflowing intp ("array is too big"), then memory — here the engine's typed-array limit (MemoryError).
 */
export function checkAlloc(shape: readonly number[], dtype: DType): void {
  let small = true;
  for (const d of shape) if (d < 0 || !Number.isSafeInteger(d)) small = false;
  if (small) {
    let n = 1;
    for (const d of shape) n *= d;
    if (n <= MAX_ELEMENTS && n * DTYPE_INFO[dtype].itemsize <= MAX_BYTES) return;
  }
  for (const d of shape) if (d < 0) throw new ValueError("negative dimensions are not allowed");
  let bytes = BigInt(DTYPE_INFO[dtype].itemsize);
  for (const d of shape) {
    bytes *= BigInt(d);
    if (bytes > INT64_MAX) throw new ValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
  }
  if (bytes / BigInt(DTYPE_INFO[dtype].itemsize) > BigInt(MAX_ELEMENTS) || bytes > BigInt(MAX_BYTES)) {
    const dims = shape.map((d) => pyIntStr(d));
    throw new MemoryError(`Unable to allocate ${sizeToString(bytes)} for an array with shape (${dims.join(", ")}${dims.length === 1 ? "," : ""}) and data type ${dtype}`);
  }
}

/** A Python list of `n` items (n * [x]): Py_ssize_t overflow past int64, MemoryError past what tessera will build. */
export function checkListLength(n: number | bigint): void {
  if (n <= MAX_LIST) return;
  if (BigInt(n) > INT64_MAX) throw new OverflowError("cannot fit 'int' into an index-sized integer");
  throw new MemoryError("");
}

// ---------------------------------------------------------------------------------------------------- signatures

/** True for a trailing options object: a plain object that is not an array, an NDArray or a typed array. */
export function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/** A Python function's signature: parameter names in Python's spelling (options use the camelCase forms). */
export interface Signature {
  /** The function's Python name, as messages show it. */
  name: string;
  /** Positional(-or-keyword) parameters in order. */
  pos: readonly string[];
  /** How many leading `pos` are required (default: all). */
  required?: number;
  /** How many leading `pos` are positional-only (not accepted in the options object). */
  posOnly?: number;
  /** Keyword-only parameters. */
  kw?: readonly string[];
  /** Other option spellings (PyTorch's dim, dims, ...), camelCase alias → Python name. */
  alias?: Readonly<Record<string, string>>;
  /** Implemented in C with NumPy's argument parser: "missing required argument 'a' (pos 0)". */
  cParser?: boolean;
  /** Takes *args after `pos`: they come back as one JS array after the keyword-only values. */
  rest?: boolean;
}

const camel = (s: string): string => s.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const snake = (s: string): string => s.replace(/([a-z0-9])([A-Z])/g, (_, a: string, b: string) => `${a}_${b.toLowerCase()}`);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Python's list of names in "missing" messages: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
function nameList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length <= 2) return q.join(" and ");
  return `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
}

/** CPython's "f() takes 2 positional arguments but 3 were given" (naming keyword-only arguments given too). */
function tooMany(sig: Signature, req: number, n: number, kwGiven: number): TypeError {
  const takes = req === sig.pos.length ? plural(req, "positional argument") : `from ${req} to ${sig.pos.length} positional arguments`;
  const given = kwGiven > 0 ? `${plural(n, "positional argument")} (and ${plural(kwGiven, "keyword-only argument")})` : String(n);
  return new TypeError(`${sig.name}() takes ${takes} but ${given} ${n === 1 && kwGiven === 0 ? "was" : "were"} given`);
}

/**
 * Bind JS arguments to a Python signature: positional values, then a trailing options object (undefined values and
 * trailing undefineds count as not given). Returns the values for [...pos, ...kw] in order (then *args), undefined
 * where not given; raises CPython's TypeErrors for unexpected keywords, duplicates, too many and missing arguments.
 * Functions keep their typed parameters for callers and pass `arguments`, so the check sees exactly what was given.
 */
export function bindArgs(sig: Signature, args: ArrayLike<unknown>): unknown[] {
  let n = args.length;
  while (n > 0 && args[n - 1] === undefined) n--;
  let opts: Record<string, unknown> | null = null;
  if (n > 0 && isOptions(args[n - 1])) opts = args[--n] as Record<string, unknown>;
  const kw = sig.kw ?? [];
  const names = [...sig.pos, ...kw].map(camel);
  const out = new Array<unknown>(names.length).fill(undefined);
  for (let i = 0; i < Math.min(n, sig.pos.length); i++) out[i] = args[i];
  const req = sig.required ?? sig.pos.length;
  // NumPy's C parser counts positionals before it looks at keywords; CPython looks at keywords first.
  if (sig.cParser && n > sig.pos.length) throw tooMany(sig, req, n, 0);
  let kwGiven = 0;
  if (opts !== null) {
    for (const key of Object.keys(opts)) {
      const v = opts[key];
      if (v === undefined) continue;
      const i = names.indexOf(sig.alias?.[key] ?? key);
      if (i < (sig.posOnly ?? 0)) throw new TypeError(`${sig.name}() got an unexpected keyword argument '${snake(key)}'`);
      if (out[i] !== undefined || (i < n && i < sig.pos.length)) {
        const name = [...sig.pos, ...kw][i];
        if (sig.cParser) throw new TypeError(`argument for ${sig.name}() given by name ('${name}') and position (position ${i})`);
        throw new TypeError(`${sig.name}() got multiple values for argument '${name}'`);
      }
      out[i] = v;
      if (i >= sig.pos.length) kwGiven++;
    }
  }
  if (sig.rest) out.push(Array.prototype.slice.call(args, sig.pos.length, Math.max(n, sig.pos.length)));
  else if (n > sig.pos.length) throw tooMany(sig, req, n, kwGiven);
  const missing = sig.pos.slice(0, req).filter((_, i) => out[i] === undefined);
  if (missing.length > 0) {
    if (sig.cParser) throw new TypeError(`${sig.name}() missing required argument '${missing[0]}' (pos ${sig.pos.indexOf(missing[0]!)})`);
    throw new TypeError(`${sig.name}() missing ${plural(missing.length, "required positional argument")}: ${nameList(missing)}`);
  }
  return out;
}
