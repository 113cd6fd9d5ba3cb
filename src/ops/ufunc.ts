// ufunc.ts — NumPy's ufunc machinery: NEP 50 scalar promotion, loop selection from NumPy's own loop table,
// broadcasting, `out` with same_kind casting, overlap copies, and the call into the generated kernels.

import { asarray, castCopy, castFloatScalar, checkPyInt, copyInto, toStorage, type ArrayLike } from "../core/convert.js";
import { DTYPES, DTYPE_INFO, canCast, dtypeFromChar, promoteTypes, toDType, type Casting, type DType } from "../core/dtype.js";
import { OverflowError, UFuncTypeError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastShapes, broadcastStrides, shapeCompact } from "../core/shape.js";
import { UFUNC_LOOPS } from "../core/ufunc-loops.js";
import { KERNELS } from "../kernels/gen/ufunc-kernels.js";
import { BULK_UNARY } from "../kernels/bulk.js";
import { collapse } from "../kernels/iter.js";
import { UFUNC_DEFS, domainOf, type UfuncName } from "./ufunc-defs.js";

export type Operand = ArrayLike;
export interface UfuncOptions {
  out?: NDArray | null;
  dtype?: DType | string;
  casting?: Casting;
}

type Weak = { kind: "bool" | "int" | "float"; value: number | bigint | boolean };

const UNIFORM = new Set(["positive", "sign"]);
const CASTINGS = new Set<unknown>(["no", "equiv", "safe", "same_kind", "unsafe"]);
const LOGICAL = new Set(["logical_and", "logical_or", "logical_xor"]);
const COMPARISONS = new Set(["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]);

function weakOf(v: unknown): Weak | null {
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "bigint") return { kind: "int", value: v };
  if (typeof v === "number") return { kind: Number.isInteger(v) ? "int" : "float", value: v };
  return null;
}

/** NEP 50: the dtype a weak Python scalar takes next to arrays whose promoted dtype is `strong`. Whether a
 * Python int fits is checked later, against the loop's input dtype (true_divide of int8 by 300 is fine). */
function weakDType(w: Weak, strong: DType | null): DType {
  if (w.kind === "bool") return "bool";
  const kind = strong === null ? "b" : DTYPE_INFO[strong].kind;
  if (w.kind === "float") return kind === "f" ? strong! : "float64";
  if (strong === null || kind === "b") return "int64";
  return strong;
}

const I64_MAX = 2n ** 63n - 1n, U64_MAX = 2n ** 64n - 1n, F64_LIMIT = 2n ** 1024n;

/** Convert a weak scalar to a loop input dtype, raising NumPy's OverflowErrors for Python ints that do not fit. */
function weakStorage(w: Weak, dtype: DType): number | bigint {
  if (w.kind === "int") {
    const I = DTYPE_INFO[dtype];
    if (I.kind === "b") checkPyInt(w.value as number | bigint, "int64"); // through C long, then cast to bool
    if (I.kind === "i" || I.kind === "u") {
      checkPyInt(w.value as number | bigint, dtype);
    } else if (I.kind === "f" && typeof w.value === "bigint" && (w.value >= F64_LIMIT || w.value <= -F64_LIMIT)) {
      throw new OverflowError("int too large to convert to float");
    }
  } else if (w.kind === "float" && (DTYPE_INFO[dtype].kind === "i" || DTYPE_INFO[dtype].kind === "u")) {
    return castFloatScalar(w.value as number, dtype); // only reachable with casting="unsafe"
  }
  return toStorage(w.value, dtype);
}

/**
 * NumPy 2 compares integer arrays with Python ints outside their range exactly: every element is then on one
 * side of the scalar. Returns that constant answer, or null when the scalar is in range (the loop decides).
 */
function outOfRangeComparison(name: string, weak: (Weak | null)[], types: DType[]): boolean | null {
  const i = weak.findIndex((w) => w !== null && w.kind === "int");
  if (i < 0 || weak[1 - i] !== null) return null;
  const other = types[1 - i]!, I = DTYPE_INFO[other];
  if (I.kind !== "i" && I.kind !== "u") return null;
  const v = weak[i]!.value as number | bigint;
  const b = typeof v === "bigint" ? v : BigInt(v);
  const above = b > BigInt(I.max);
  if (!above && b >= BigInt(I.min)) return null;
  // Orient as `array OP scalar`: the scalar on the left flips the inequality.
  const scalarBigger = i === 1 ? above : !above;
  switch (name) {
    case "equal":
      return false;
    case "not_equal":
      return true;
    case "less":
    case "less_equal":
      return scalarBigger;
    default:
      return !scalarBigger;
  }
}

interface Loop {
  ins: DType[];
  out: DType;
}

function parseLoop(sig: string): Loop {
  const [ins, out] = sig.split("->") as [string, string];
  return { ins: [...ins].map((c) => dtypeFromChar(c)!), out: dtypeFromChar(out)! };
}

const LOOP_CACHE = new Map<string, Loop[]>();
function loopsOf(name: string): Loop[] {
  let l = LOOP_CACHE.get(name);
  if (!l) LOOP_CACHE.set(name, (l = UFUNC_LOOPS[name]!.map(parseLoop)));
  return l;
}

function noLoop(name: string, types: DType[]): never {
  if (types.every((t) => t === "bool")) {
    if (name === "subtract")
      throw new TypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    if (name === "negative")
      throw new TypeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
  }
  throw new TypeError(`ufunc '${pyName(name)}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
}

/** How NumPy prints a dtype's class in loop errors: <class 'numpy.dtypes.UInt16DType'>. */
function dtypeClass(d: DType): string {
  const name = d === "bool" ? "Bool" : d.replace(/^u?int|^float/, (m) => (m === "uint" ? "UInt" : m === "int" ? "Int" : "Float"));
  return `<class 'numpy.dtypes.${name}DType'>`;
}

/** NumPy's loop search: the first loop every input casts to safely (true_divide sends ints to float64). */
const RESOLVED = new Map<string, Map<number, Loop>>();
const DTYPE_CODE = new Map<DType, number>(DTYPES.map((d, i) => [d, i + 1]));

/** resolveLoop, memoised on (ufunc, input dtypes, dtype=): the search is pure, and a hot path for small arrays. */
export function resolveLoop(name: string, types: DType[], dtype?: DType): Loop {
  let byTypes = RESOLVED.get(name);
  if (byTypes === undefined) RESOLVED.set(name, (byTypes = new Map()));
  let key = dtype === undefined ? 0 : DTYPE_CODE.get(dtype)!;
  for (const t of types) key = key * 16 + DTYPE_CODE.get(t)!;
  let loop = byTypes.get(key);
  if (loop === undefined) byTypes.set(key, (loop = searchLoop(name, types, dtype)));
  return loop;
}

function searchLoop(name: string, types: DType[], dtype?: DType): Loop {
  const loops = loopsOf(name);
  if ((name === "subtract" || name === "negative") && (dtype === undefined ? types.every((t) => t === "bool") : dtype === "bool")) noLoop(name, ["bool"]);
  // NumPy resolves these with its "uniform" type resolver, which demands a loop for the input dtype itself.
  if (UNIFORM.has(name) && types[0] === "bool" && (dtype === undefined || dtype === "bool"))
    throw new UFuncTypeError(`ufunc '${name}' did not contain a loop with signature matching types ${dtypeClass("bool")} -> ${dtype === undefined ? "None" : dtypeClass(dtype)}`);
  if (dtype !== undefined) {
    // dtype= fixes the output; for ufuncs whose loops are all homogeneous (add: "bb->b") it fixes the inputs too,
    // otherwise (comparisons: "bb->?") the inputs are found as usual among the loops with that output.
    const candidates = loops.filter((l) => l.out === dtype);
    if (candidates.length === 0 && UNIFORM.has(name))
      throw new UFuncTypeError(`ufunc '${name}' did not contain a loop with signature matching types ${dtypeClass(types[0]!)} -> ${dtypeClass(dtype)}`);
    if (candidates.length === 0) throw new TypeError(`No loop matching the specified signature and casting was found for ufunc ${pyName(name)}`);
    if (loops.every((l) => l.ins.every((t) => t === l.out))) return candidates.find((l) => l.ins.every((t) => t === dtype)) ?? candidates[0]!;
    return candidates.find((l) => l.ins.every((t, i) => canCast(types[i]!, t, "safe"))) ?? candidates[0]!;
  }
  if (name === "true_divide" && types.every((t) => DTYPE_INFO[t].kind !== "f")) return { ins: types.map(() => "float64"), out: "float64" };
  for (const l of loops) if (l.ins.every((t, i) => canCast(types[i]!, t, "safe"))) return l;
  return noLoop(name, types);
}

/** Decide operand dtypes under NEP 50 and return them with the arrays (scalars stay JS values). */
function prepare(operands: readonly unknown[]): { arrays: (NDArray | null)[]; weak: (Weak | null)[]; types: DType[] } {
  const arrays: (NDArray | null)[] = [];
  const weak: (Weak | null)[] = [];
  let strong: DType | null = null;
  for (const v of operands) {
    // A unary ufunc of a Python scalar sees np.asarray(x): a strong int64 (uint64 past int64), float64 or bool.
    const w = operands.length === 1 ? null : weakOf(v);
    weak.push(w);
    if (w) arrays.push(null);
    else {
      const a = operands.length === 1 && weakOf(v) !== null ? scalarArray(v as number | bigint | boolean) : asarray(v as ArrayLike);
      arrays.push(a);
      strong = strong === null ? a.dtype : promoteTypes(strong, a.dtype);
    }
  }
  const types = arrays.map((a, i) => (a ? a.dtype : weakDType(weak[i]!, strong)));
  return { arrays, weak, types };
}

/** The dtype NumPy's promotion gives these operands (arrays strong, JS scalars weak under NEP 50). */
export function resultType(operands: readonly unknown[]): DType {
  const { types } = prepare(operands.length === 1 ? [operands[0], operands[0]] : operands);
  return types.reduce((p, q) => promoteTypes(p, q));
}

/** np.asarray of a Python scalar: int → int64 (uint64 beyond int64's range), float → float64, bool → bool. */
function scalarArray(v: number | bigint | boolean): NDArray {
  const w = weakOf(v)!;
  let dtype: DType = w.kind === "bool" ? "bool" : w.kind === "float" ? "float64" : "int64";
  if (w.kind === "int" && typeof v === "bigint" && v > I64_MAX && v <= U64_MAX) dtype = "uint64";
  if (dtype === "int64") checkPyInt(v as number | bigint, "int64");
  const a = empty([], dtype);
  (a.data as unknown as (number | bigint)[])[0] = toStorage(v, dtype);
  return a;
}

/** NumPy's shape form in ufunc messages: (2,3), (3,). */

/** The name NumPy's messages use: np.true_divide is the ufunc 'divide'. */
export function pyName(name: string): string {
  return name === "true_divide" ? "divide" : name;
}

function sharesMemory(a: NDArray, b: NDArray): boolean {
  return a.data.buffer === b.data.buffer;
}

function sameView(a: NDArray, b: NDArray): boolean {
  return a.data === b.data && a._offset === b._offset && a.shape.length === b.shape.length && a._strides.every((s, i) => s === b._strides[i] || a.shape[i] === 1);
}

/** Under 'equiv' (oddly, not under 'no') NumPy lets a Python int or float become only the default int64 / float64. */
function checkEquivScalars(name: string, weak: (Weak | null)[], loop: Loop): void {
  if (LOGICAL.has(name)) return;
  weak.forEach((w, i) => {
    if (w === null || w.kind === "bool") return;
    const kind = DTYPE_INFO[loop.ins[i]!].kind;
    if (COMPARISONS.has(name) && w.kind === "int" && kind !== "f") return; // compared exactly, not cast
    const holds = w.kind === "int" ? kind !== "b" : kind === "f";
    if (holds && loop.ins[i] !== (w.kind === "int" ? "int64" : "float64"))
      throw new TypeError(`cannot cast Python ${w.kind} to ${loop.ins[i]} under the casting rule 'equiv'`);
  });
}

/** A weak scalar's value in the loop's input dtype. */
function scalarStorage(name: string, w: Weak, dtype: DType): number | bigint {
  if (LOGICAL.has(name) && w.kind === "float") {
    // NumPy 2 runs logical_and/or/xor on truth values: 5e-324 is true, though it is 0 as float32.
    return toStorage((w.value as number) !== 0 ? 1 : 0, dtype);
  }
  if (LOGICAL.has(name) && w.kind === "int") {
    // Read through C long (whatever the dtype); one that fits C long but not the dtype is nonzero, so acts as 1.
    checkPyInt(w.value as number | bigint, "int64");
    try {
      checkPyInt(w.value as number | bigint, dtype);
    } catch {
      return toStorage(1, dtype);
    }
  }
  return weakStorage(w, dtype);
}

/**
 * Input casts under the casting rule. A Python int or float takes whatever numeric loop dtype can hold its kind;
 * against another kind it counts as int64 / float64. logical_and/or/xor only read truth values.
 */
function checkInputCasts(name: string, nin: number, weak: (Weak | null)[], types: DType[], loop: Loop, casting: Casting): void {
  if (LOGICAL.has(name)) return;
  types.forEach((t, i) => {
    const lt = loop.ins[i]!, w = weak[i];
    let from: DType | null = t;
    if (w?.kind === "int") from = DTYPE_INFO[lt].kind === "b" ? "int64" : null;
    else if (w?.kind === "float") from = DTYPE_INFO[lt].kind === "f" ? null : "float64";
    if (from !== null && !canCast(from, lt, casting))
      throw new UFuncTypeError(`Cannot cast ufunc '${pyName(name)}' input ${nin === 1 ? "" : `${i} `}from dtype('${from}') to dtype('${lt}') with casting rule '${casting}'`);
  });
}

/** Apply a ufunc by NumPy's name to arrays or JS scalars. */
export function applyUfunc(name: UfuncName, operands: readonly unknown[], opts: UfuncOptions = {}): NDArray {
  const def = UFUNC_DEFS[name];
  if (operands.length !== def.nin) throw new TypeError(`${pyName(name)}() takes from ${def.nin} to ${def.nin + 1} positional arguments but ${operands.length} were given`);
  const { arrays, weak, types } = prepare(operands);
  const dtype = opts.dtype === undefined || opts.dtype === null ? undefined : toDType(opts.dtype);
  const loop = resolveLoop(name, types, dtype);

  // NumPy's order of checks: Python scalars ('equiv', then conversion), input and output casting, broadcasting.
  const casting = opts.casting ?? "same_kind";
  if (!CASTINGS.has(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '${String(casting)}')`);
  if (casting === "equiv") checkEquivScalars(name, weak, loop);
  const constant = COMPARISONS.has(name) ? outOfRangeComparison(name, weak, types) : null;
  const scalars = weak.map((w, i) => (w === null ? null : constant !== null ? toStorage(0, loop.ins[i]!) : scalarStorage(name, w, loop.ins[i]!)));
  checkInputCasts(name, def.nin, weak, types, loop, casting);
  const out = opts.out ?? null;
  if (out !== null) {
    if (!(out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
    if (!canCast(loop.out, out.dtype, casting))
      throw new UFuncTypeError(`Cannot cast ufunc '${pyName(name)}' output from dtype('${loop.out}') to dtype('${out.dtype}') with casting rule '${casting}'`);
    if (!out._writeable) throw new ValueError("output array is read-only");
  }
  const shapes = arrays.map((a) => (a ? a.shape : []));
  let shape = broadcastShapes(...shapes);
  if (out !== null) {
    const full = broadcastShapes(...shapes, out.shape);
    if (full.length !== out.ndim || full.some((d, i) => d !== out.shape[i]))
      throw new ValueError(`non-broadcastable output operand with shape ${shapeCompact(out.shape)} doesn't match the broadcast shape ${shapeCompact(full)}`);
    shape = full;
  }

  // Inputs as (typed array, offset, strides) whose values are exactly the loop's input dtype's values:
  // an input is cast first unless reading it as a JS number/bigint already gives the loop dtype's value.
  const inputs = arrays.map((a, i) => {
    const lt = loop.ins[i]!;
    if (a === null) {
      const buf = new DTYPE_INFO[lt].ctor(1);
      (buf as unknown as (number | bigint)[])[0] = scalars[i]!;
      return { data: buf, offset: 0, strides: shape.map(() => 0), dtype: lt };
    }
    let src = a;
    const exact = a.dtype === lt || (DTYPE_INFO[a.dtype].big === DTYPE_INFO[lt].big && canCast(a.dtype, lt, "safe"));
    if (!exact || (out !== null && sharesMemory(a, out) && !sameView(a, out))) src = castCopy(a, lt);
    return { data: src.data, offset: src._offset, strides: broadcastStrides(src.shape, src._strides, shape), dtype: src.dtype };
  });

  if (name === "power" && DTYPE_INFO[loop.out].kind !== "f") checkNonNegativeExponent(inputs[1]!, shape);

  const direct = out !== null && out.dtype === loop.out;
  const res = direct ? out : empty(shape, loop.out);
  const resStrides = direct ? broadcastStrides(out.shape, out._strides, shape) : [...res._strides];
  if (constant !== null) {
    const plan = collapse(shape, [resStrides]);
    if (plan !== null) fillStrided(res.data as Uint8Array, res._offset, plan.shape, plan.strides[0]!, constant ? 1 : 0);
  } else {
    const plan = collapse(shape, [resStrides, ...inputs.map((x) => x.strides)]);
    if (plan !== null) runKernel(name, def.nin, loop, plan, res, inputs);
  }
  if (out !== null && !direct) copyInto(out, res);
  const result = out ?? res;
  if (arrays.some((a) => a !== null && a._tensor)) result._tensor = true;
  return result;
}

/** Write one value at every element of a strided region (the odometer of iter.ts, without a kernel). */
function fillStrided(data: Uint8Array, offset: number, shape: number[], strides: number[], v: number): void {
  const nd = shape.length, idx = new Array<number>(nd).fill(0);
  const total = shape.reduce((p, q) => p * q, 1);
  let off = offset;
  for (let k = 0; k < total; k++) {
    data[off] = v;
    for (let j = nd - 1; j >= 0; j--) {
      idx[j]!++;
      off += strides[j]!;
      if (idx[j]! < shape[j]!) break;
      off -= strides[j]! * shape[j]!;
      idx[j] = 0;
    }
  }
}

type Input = { data: globalThis.ArrayLike<unknown>; offset: number; strides: number[]; dtype: DType };

function runKernel(name: UfuncName, nin: number, loop: Loop, plan: { shape: number[]; strides: number[][] }, res: NDArray, inputs: Input[]): void {
  const bulk = nin === 1 && plan.shape.length === 1 && plan.strides.every((st) => st[0] === 1) ? BULK_UNARY[name]?.[loop.out as "float64"] : undefined;
  if (bulk !== undefined && inputs[0]!.dtype === loop.out) {
    bulk(res.data as Float64Array, res._offset, inputs[0]!.data as Float64Array, inputs[0]!.offset, plan.shape[0]!);
    return;
  }
  const kernel = (KERNELS[name] as Record<string, Function>)[domainOf(DTYPE_INFO[loop.ins[0]!].char)]!;
  const [so, ...sin] = plan.strides;
  if (nin === 2) kernel(plan.shape, res.data, res._offset, so, inputs[0]!.data, inputs[0]!.offset, sin[0], inputs[1]!.data, inputs[1]!.offset, sin[1]);
  else kernel(plan.shape, res.data, res._offset, so, inputs[0]!.data, inputs[0]!.offset, sin[0]);
}

function checkNonNegativeExponent(x: { data: globalThis.ArrayLike<unknown>; offset: number; strides: number[] }, shape: number[]): void {
  const plan = collapse(shape, [x.strides]);
  if (plan === null) return;
  const d = x.data as globalThis.ArrayLike<number | bigint>;
  const nd = plan.shape.length, st = plan.strides[0]!;
  const idx = new Array<number>(nd).fill(0);
  let off = x.offset;
  const total = plan.shape.reduce((p, q) => p * q, 1);
  for (let k = 0; k < total; k++) {
    if (d[off]! < 0) throw new ValueError("Integers to negative integer powers are not allowed.");
    for (let j = nd - 1; j >= 0; j--) {
      idx[j]!++;
      off += st[j]!;
      if (idx[j]! < plan.shape[j]!) break;
      off -= st[j]! * plan.shape[j]!;
      idx[j] = 0;
    }
  }
}
