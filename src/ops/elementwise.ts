// elementwise.ts — the public ufunc functions (camelCase NumPy names) and their short/PyTorch method spellings,
// plus the elementwise compositions NumPy defines on top of ufuncs: round, clip, isclose, allclose, arrayEqual.

import { asarray, castCopy, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO } from "../core/dtype.js";
import { NotImplementedError, UFuncTypeError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { applyUfunc, pyName, resultType, type Operand, type UfuncOptions } from "./ufunc.js";
import type { UfuncName } from "./ufunc-defs.js";

export type { Operand, UfuncOptions };
/** f(a, b), f(a, b, out), f(a, b, { out, dtype, casting }). */
type Binary = (a: Operand, b: Operand, outOrOpts?: NDArray | UfuncOptions | null, opts?: UfuncOptions) => NDArray;
/** f(a), f(a, out), f(a, { out, dtype, casting }). */
type Unary = (a: Operand, outOrOpts?: NDArray | UfuncOptions | null, opts?: UfuncOptions) => NDArray;

const KEYWORDS = new Set(["out", "dtype", "casting"]);
/** NumPy ufunc keywords tessera does not implement: refused rather than silently ignored (defaults pass). */
const UNSUPPORTED: Record<string, unknown> = { where: true, order: "K", subok: true, signature: undefined, axes: undefined, axis: undefined, keepdims: undefined };

function isOptions(x: unknown): x is UfuncOptions {
  return typeof x === "object" && x !== null && !Array.isArray(x) && !(x instanceof NDArray) && !ArrayBuffer.isView(x);
}

/** A ufunc call as NumPy parses it: nin inputs, an optional positional out, keywords in a trailing options object. */
function callUfunc(name: UfuncName, nin: number, argv: unknown[]): NDArray {
  const args = [...argv];
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  let opts: UfuncOptions = args.length > 0 && isOptions(args[args.length - 1]) ? (args.pop() as UfuncOptions) : {};
  const py = pyName(name);
  if (args.length < nin || args.length > nin + 1)
    throw new TypeError(`${py}() takes from ${nin} to ${nin + 1} positional arguments but ${args.length} ${args.length === 1 ? "was" : "were"} given`);
  for (const [k, v] of Object.entries(opts)) {
    if (KEYWORDS.has(k) || v === undefined) continue;
    if (k in UNSUPPORTED) {
      if (v === UNSUPPORTED[k]) continue;
      throw new NotImplementedError(`${py}(): the '${k}' argument is not supported by tessera`);
    }
    throw new TypeError(`${py}() got an unexpected keyword argument '${k}'`);
  }
  if (args.length === nin + 1) {
    if (opts.out !== undefined && opts.out !== null) throw new TypeError("cannot specify 'out' as both a positional and keyword argument");
    opts = { ...opts, out: args[nin] as NDArray };
  }
  return applyUfunc(name, args.slice(0, nin), opts);
}

const bin = (name: UfuncName): Binary => (...args: unknown[]) => callUfunc(name, 2, args);
const un = (name: UfuncName): Unary => (...args: unknown[]) => callUfunc(name, 1, args);

export const add = bin("add");
export const subtract = bin("subtract");
export const multiply = bin("multiply");
export const divide = bin("true_divide");
export const trueDivide = divide;
export const floorDivide = bin("floor_divide");
export const remainder = bin("remainder");
export const mod = remainder;
export const fmod = bin("fmod");
export const power = bin("power");
export const pow = power;
export const arctan2 = bin("arctan2");
export const hypot = bin("hypot");
export const copysign = bin("copysign");
export const maximum = bin("maximum");
export const minimum = bin("minimum");
export const fmax = bin("fmax");
export const fmin = bin("fmin");
export const equal = bin("equal");
export const notEqual = bin("not_equal");
export const less = bin("less");
export const lessEqual = bin("less_equal");
export const greater = bin("greater");
export const greaterEqual = bin("greater_equal");
export const logicalAnd = bin("logical_and");
export const logicalOr = bin("logical_or");
export const logicalXor = bin("logical_xor");
export const bitwiseAnd = bin("bitwise_and");
export const bitwiseOr = bin("bitwise_or");
export const bitwiseXor = bin("bitwise_xor");
export const leftShift = bin("left_shift");
export const rightShift = bin("right_shift");

export const negative = un("negative");
export const positive = un("positive");
export const absolute = un("absolute");
export const abs = absolute;
export const sign = un("sign");
export const sqrt = un("sqrt");
export const cbrt = un("cbrt");
export const square = un("square");
export const reciprocal = un("reciprocal");
export const exp = un("exp");
export const exp2 = un("exp2");
export const log = un("log");
export const log2 = un("log2");
export const log10 = un("log10");
export const log1p = un("log1p");
export const expm1 = un("expm1");
export const sin = un("sin");
export const cos = un("cos");
export const tan = un("tan");
export const arcsin = un("arcsin");
export const arccos = un("arccos");
export const arctan = un("arctan");
export const sinh = un("sinh");
export const cosh = un("cosh");
export const tanh = un("tanh");
export const arcsinh = un("arcsinh");
export const arccosh = un("arccosh");
export const arctanh = un("arctanh");
export const deg2rad = un("deg2rad");
export const rad2deg = un("rad2deg");
export const radians = deg2rad;
export const degrees = rad2deg;
export const floor = un("floor");
export const ceil = un("ceil");
export const trunc = un("trunc");
export const rint = un("rint");
export const logicalNot = un("logical_not");
export const invert = un("invert");
export const bitwiseNot = invert;
export const isnan = un("isnan");
export const isinf = un("isinf");
export const isfinite = un("isfinite");
export const signbit = un("signbit");

/** Write `r` into `out` with a ufunc's broadcasting and same_kind casting checks: fmax(r, r) is r for every dtype. */
function intoOut(r: NDArray, out: NDArray): NDArray {
  return applyUfunc("fmax", [r, r], { out });
}

export interface RoundOptions extends UfuncOptions {
  decimals?: number;
}

/** np.round: round half to even at `decimals` places (NumPy scales by 10**decimals, rints, and scales back). */
export function round(a: Operand, decimals: number | RoundOptions = 0, opts: RoundOptions | NDArray | null = {}): NDArray {
  // NumPy's third parameter is `out` (positional); null means None.
  opts = opts instanceof NDArray ? { out: opts } : opts ?? {};
  if (typeof decimals === "object" && decimals !== null) {
    opts = decimals;
    decimals = opts.decimals ?? 0;
  }
  if (typeof decimals === "bigint") decimals = Number(decimals);
  if (typeof decimals !== "number" || !Number.isInteger(decimals)) throw new TypeError(`'${typeof decimals === "number" ? "float" : typeof decimals}' object cannot be interpreted as an integer`);
  const x = asarray(a as ArrayLike);
  const kind = DTYPE_INFO[x.dtype].kind;
  if (kind === "b") {
    // Booleans are not integers to NumPy's round: decimals=0 is rint (a float loop); otherwise it multiplies (or
    // divides) into a bool output, which same_kind casting refuses.
    if (decimals === 0) return rint(x, opts);
    throw new UFuncTypeError(`Cannot cast ufunc '${decimals > 0 ? "multiply" : "divide"}' output from dtype('float64') to dtype('bool') with casting rule 'same_kind'`);
  }
  if (kind !== "f") {
    // Integers: a copy for decimals >= 0; otherwise round half to even at 10**-decimals in float64 and cast back.
    const r = decimals >= 0 ? castCopy(x, x.dtype) : castCopy(multiply(rint(divide(x, 10 ** -decimals)), 10 ** -decimals), x.dtype);
    return opts.out ? intoOut(r, opts.out) : r;
  }
  if (decimals === 0) return rint(x, opts);
  if (decimals > 0) {
    const f = 10 ** decimals;
    return divide(rint(multiply(x, f)), f, opts);
  }
  const f = 10 ** -decimals;
  return multiply(rint(divide(x, f)), f, opts);
}
export const around = round;

export interface ClipOptions extends UfuncOptions {
  min?: Operand | null;
  max?: Operand | null;
}

/** np.clip(a, a_min, a_max): minimum(maximum(a, a_min), a_max); NaN bounds propagate as NumPy's. */
export function clip(a: Operand, aMin?: Operand | null | ClipOptions, aMax?: Operand | null, opts: ClipOptions = {}): NDArray {
  if (aMin !== null && typeof aMin === "object" && !(aMin instanceof NDArray) && !Array.isArray(aMin)) {
    opts = aMin as ClipOptions;
    aMin = opts.min ?? null;
    aMax = opts.max ?? null;
  }
  let lo = (aMin ?? null) as Operand | null, hi = aMax ?? null;
  let r: NDArray = asarray(a as ArrayLike);
  const { out, ...rest } = opts;
  // np.clip is one three-input ufunc: all three operands promote together (NEP 50), so a Python float bound
  // makes an integer array's clip float64, and then an integer bound is just a number.
  const dt = resultType([r, lo, hi].filter((x) => x !== null));
  // A Python int beyond the array's own integer range, on the side where it cannot bind, is no bound at all
  // (NumPy 2; bool arrays have no such rule, so there the int goes through C long as usual).
  const I = DTYPE_INFO[r.dtype];
  const outside = (v: Operand | null, below: boolean): boolean =>
    (I.kind === "i" || I.kind === "u") && (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v))) && (below ? v < I.min : v > I.max);
  if (outside(lo, true)) lo = null;
  if (outside(hi, false)) hi = null;
  if (dt !== r.dtype) r = castCopy(r, dt);
  if (lo === null && hi === null) return applyUfunc("positive", [r], { out }); // NumPy's clip without bounds
  if (lo !== null) r = maximum(r, lo, hi === null ? { ...rest, out } : rest);
  if (hi !== null) r = minimum(r, hi, { ...rest, out });
  return r;
}

export interface IscloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
}

/** np.isclose: |a - b| <= atol + rtol * |b|, infinities equal only to themselves. */
export function isclose(a: Operand, b: Operand, opts: IscloseOptions | null = {}): NDArray {
  opts ??= {};
  const rtol = opts.rtol ?? 1e-5, atol = opts.atol ?? 1e-8;
  let x = asarray(a as ArrayLike), y = asarray(b as ArrayLike);
  const dt = x.dtype === "float32" && y.dtype === "float32" ? "float32" : "float64";
  if (DTYPE_INFO[x.dtype].kind !== "f") x = x.astype(dt);
  if (DTYPE_INFO[y.dtype].kind !== "f") y = y.astype(dt);
  const finite = logicalAnd(isfinite(x), isfinite(y));
  const close = lessEqual(absolute(subtract(x, y)), add(atol, multiply(rtol, absolute(y))));
  let r = logicalOr(logicalAnd(finite, close), logicalAnd(logicalNot(finite), equal(x, y)));
  if (opts.equalNan) r = logicalOr(r, logicalAnd(isnan(x), isnan(y)));
  return r;
}

function allTrue(m: NDArray): boolean {
  for (const v of m._values()) if (!v) return false;
  return true;
}

export function allclose(a: Operand, b: Operand, opts: IscloseOptions | null = {}): boolean {
  return allTrue(isclose(a, b, opts));
}

export function arrayEqual(a: Operand, b: Operand, opts: { equalNan?: boolean } | null = {}): boolean {
  opts ??= {};
  const x = asarray(a as ArrayLike), y = asarray(b as ArrayLike);
  if (x.ndim !== y.ndim || x.shape.some((d, i) => d !== y.shape[i])) return false;
  let eq = equal(x, y);
  if (opts.equalNan && DTYPE_INFO[x.dtype].kind === "f" && DTYPE_INFO[y.dtype].kind === "f") eq = logicalOr(eq, logicalAnd(isnan(x), isnan(y)));
  return allTrue(eq);
}

// ---- methods -------------------------------------------------------------------------------------------

declare module "../core/ndarray.js" {
  interface NDArray {
    add(b: Operand, opts?: UfuncOptions): NDArray;
    sub(b: Operand, opts?: UfuncOptions): NDArray;
    subtract(b: Operand, opts?: UfuncOptions): NDArray;
    mul(b: Operand, opts?: UfuncOptions): NDArray;
    multiply(b: Operand, opts?: UfuncOptions): NDArray;
    div(b: Operand, opts?: UfuncOptions): NDArray;
    divide(b: Operand, opts?: UfuncOptions): NDArray;
    floorDivide(b: Operand, opts?: UfuncOptions): NDArray;
    remainder(b: Operand, opts?: UfuncOptions): NDArray;
    mod(b: Operand, opts?: UfuncOptions): NDArray;
    pow(b: Operand, opts?: UfuncOptions): NDArray;
    maximum(b: Operand, opts?: UfuncOptions): NDArray;
    minimum(b: Operand, opts?: UfuncOptions): NDArray;
    eq(b: Operand): NDArray;
    ne(b: Operand): NDArray;
    lt(b: Operand): NDArray;
    le(b: Operand): NDArray;
    gt(b: Operand): NDArray;
    ge(b: Operand): NDArray;
    equal(b: Operand): NDArray;
    notEqual(b: Operand): NDArray;
    less(b: Operand): NDArray;
    lessEqual(b: Operand): NDArray;
    greater(b: Operand): NDArray;
    greaterEqual(b: Operand): NDArray;
    logicalAnd(b: Operand): NDArray;
    logicalOr(b: Operand): NDArray;
    logicalXor(b: Operand): NDArray;
    logicalNot(): NDArray;
    bitwiseAnd(b: Operand): NDArray;
    bitwiseOr(b: Operand): NDArray;
    bitwiseXor(b: Operand): NDArray;
    invert(): NDArray;
    neg(): NDArray;
    negative(): NDArray;
    abs(): NDArray;
    sign(): NDArray;
    sqrt(): NDArray;
    square(): NDArray;
    reciprocal(): NDArray;
    exp(): NDArray;
    exp2(): NDArray;
    log(): NDArray;
    log2(): NDArray;
    log10(): NDArray;
    log1p(): NDArray;
    expm1(): NDArray;
    sin(): NDArray;
    cos(): NDArray;
    tan(): NDArray;
    tanh(): NDArray;
    sinh(): NDArray;
    cosh(): NDArray;
    arcsin(): NDArray;
    arccos(): NDArray;
    arctan(): NDArray;
    floor(): NDArray;
    ceil(): NDArray;
    trunc(): NDArray;
    rint(): NDArray;
    round(decimals?: number | RoundOptions): NDArray;
    clip(min?: Operand | null | ClipOptions, max?: Operand | null): NDArray;
    isnan(): NDArray;
    isinf(): NDArray;
    isfinite(): NDArray;
    /** In-place forms (PyTorch's trailing underscore): NumPy's `a += b` with same_kind casting. */
    add_(b: Operand): NDArray;
    sub_(b: Operand): NDArray;
    mul_(b: Operand): NDArray;
    div_(b: Operand): NDArray;
    pow_(b: Operand): NDArray;
    neg_(): NDArray;
  }
}

const binM = (f: Binary) =>
  function (this: NDArray, b: Operand, opts?: UfuncOptions) {
    return f(this, b, opts);
  };
const unM = (f: Unary) =>
  function (this: NDArray) {
    return f(this);
  };
const inplace = (f: Binary) =>
  function (this: NDArray, b: Operand) {
    return f(this, b, { out: this });
  };

Object.assign(NDArray.prototype, {
  add: binM(add), sub: binM(subtract), subtract: binM(subtract), mul: binM(multiply), multiply: binM(multiply),
  div: binM(divide), divide: binM(divide), floorDivide: binM(floorDivide), remainder: binM(remainder), mod: binM(remainder),
  pow: binM(power), maximum: binM(maximum), minimum: binM(minimum),
  eq: binM(equal), ne: binM(notEqual), lt: binM(less), le: binM(lessEqual), gt: binM(greater), ge: binM(greaterEqual),
  equal: binM(equal), notEqual: binM(notEqual), less: binM(less), lessEqual: binM(lessEqual), greater: binM(greater), greaterEqual: binM(greaterEqual),
  logicalAnd: binM(logicalAnd), logicalOr: binM(logicalOr), logicalXor: binM(logicalXor), logicalNot: unM(logicalNot),
  bitwiseAnd: binM(bitwiseAnd), bitwiseOr: binM(bitwiseOr), bitwiseXor: binM(bitwiseXor), invert: unM(invert),
  neg: unM(negative), negative: unM(negative), abs: unM(absolute), sign: unM(sign), sqrt: unM(sqrt), square: unM(square),
  reciprocal: unM(reciprocal), exp: unM(exp), exp2: unM(exp2), log: unM(log), log2: unM(log2), log10: unM(log10),
  log1p: unM(log1p), expm1: unM(expm1), sin: unM(sin), cos: unM(cos), tan: unM(tan), tanh: unM(tanh), sinh: unM(sinh),
  cosh: unM(cosh), arcsin: unM(arcsin), arccos: unM(arccos), arctan: unM(arctan), floor: unM(floor), ceil: unM(ceil),
  trunc: unM(trunc), rint: unM(rint), isnan: unM(isnan), isinf: unM(isinf), isfinite: unM(isfinite),
  round(this: NDArray, decimals?: number | RoundOptions) {
    return round(this, decimals ?? 0);
  },
  clip(this: NDArray, min?: Operand | null | ClipOptions, max?: Operand | null) {
    return clip(this, min, max);
  },
  add_: inplace(add), sub_: inplace(subtract), mul_: inplace(multiply), div_: inplace(divide), pow_: inplace(power),
  neg_(this: NDArray) {
    return negative(this, { out: this });
  },
});
