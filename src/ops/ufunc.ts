// ufunc.ts — NumPy's ufunc machinery: NEP 50 scalar promotion, loop selection from NumPy's own loop table,
// broadcasting, `out` with same_kind casting, overlap copies, and the call into the generated kernels.

import { asarray, castCopy, checkPyInt, copyInto, toStorage, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, canCast, dtypeFromChar, promoteTypes, toDType, type Casting, type DType } from "../core/dtype.js";
import { UFuncTypeError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastShapes, broadcastStrides, shapeRepr } from "../core/shape.js";
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

const COMPARISONS = new Set(["equal", "not_equal", "less", "less_equal", "greater", "greater_equal"]);

function weakOf(v: unknown): Weak | null {
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "bigint") return { kind: "int", value: v };
  if (typeof v === "number") return { kind: Number.isInteger(v) ? "int" : "float", value: v };
  return null;
}

/** NEP 50: the dtype a weak Python scalar takes next to arrays whose promoted dtype is `strong`. */
function weakDType(w: Weak, strong: DType | null, ufunc: string): DType {
  if (w.kind === "bool") return "bool";
  const kind = strong === null ? "b" : DTYPE_INFO[strong].kind;
  if (w.kind === "float") return kind === "f" ? strong! : "float64";
  if (strong === null || kind === "b") return "int64";
  if (kind === "f") return strong;
  try {
    checkPyInt(w.value as number | bigint, strong);
  } catch (e) {
    // NumPy 2 compares out-of-range Python ints exactly instead of raising.
    if (COMPARISONS.has(ufunc)) return typeof w.value === "bigint" || Math.abs(w.value as number) >= 2 ** 63 ? "float64" : "int64";
    throw e;
  }
  return strong;
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
  throw new TypeError(`ufunc '${name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
}

/** NumPy's loop search: the first loop every input casts to safely (true_divide sends ints to float64). */
export function resolveLoop(name: string, types: DType[], dtype?: DType): Loop {
  const loops = loopsOf(name);
  if (dtype !== undefined) {
    const l = loops.find((l) => l.out === dtype && l.ins.every((t, i) => t === dtype && canCast(types[i]!, t, "same_kind")));
    if (l) return l;
    const sig = loops.find((l) => l.out === dtype);
    if (!sig) noLoop(name, types);
    const bad = types.findIndex((t) => !canCast(t, dtype, "same_kind"));
    throw new UFuncTypeError(`Cannot cast ufunc '${name}' input ${bad} from dtype('${types[bad]}') to dtype('${dtype}') with casting rule 'same_kind'`);
  }
  if ((name === "subtract" || name === "negative") && types.every((t) => t === "bool")) noLoop(name, types);
  if (name === "true_divide" && types.every((t) => DTYPE_INFO[t].kind !== "f")) return { ins: types.map(() => "float64"), out: "float64" };
  for (const l of loops) if (l.ins.every((t, i) => canCast(types[i]!, t, "safe"))) return l;
  return noLoop(name, types);
}

/** Decide operand dtypes under NEP 50 and return them with the arrays (scalars stay JS values). */
function prepare(name: string, operands: readonly unknown[]): { arrays: (NDArray | null)[]; weak: (Weak | null)[]; types: DType[] } {
  const arrays: (NDArray | null)[] = [];
  const weak: (Weak | null)[] = [];
  let strong: DType | null = null;
  for (const v of operands) {
    const w = weakOf(v);
    weak.push(w);
    if (w) arrays.push(null);
    else {
      const a = asarray(v as ArrayLike);
      arrays.push(a);
      strong = strong === null ? a.dtype : promoteTypes(strong, a.dtype);
    }
  }
  const types = arrays.map((a, i) => (a ? a.dtype : weakDType(weak[i]!, strong, name)));
  return { arrays, weak, types };
}

function sharesMemory(a: NDArray, b: NDArray): boolean {
  return a.data.buffer === b.data.buffer;
}

function sameView(a: NDArray, b: NDArray): boolean {
  return a.data === b.data && a._offset === b._offset && a.shape.length === b.shape.length && a._strides.every((s, i) => s === b._strides[i] || a.shape[i] === 1);
}

/** Apply a ufunc by NumPy's name to arrays or JS scalars. */
export function applyUfunc(name: UfuncName, operands: readonly unknown[], opts: UfuncOptions = {}): NDArray {
  const def = UFUNC_DEFS[name];
  if (operands.length !== def.nin) throw new TypeError(`${name}() takes from ${def.nin} to ${def.nin + 1} positional arguments but ${operands.length} were given`);
  const { arrays, weak, types } = prepare(name, operands);
  const dtype = opts.dtype === undefined || opts.dtype === null ? undefined : toDType(opts.dtype);
  const loop = resolveLoop(name, types, dtype);

  // Inputs as (typed array, offset, strides) in the loop's storage class.
  const shapes = arrays.map((a) => (a ? a.shape : []));
  let shape = broadcastShapes(...shapes);
  const out = opts.out ?? null;
  if (out !== null) {
    if (!(out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
    const full = broadcastShapes(shape, out.shape);
    if (full.length !== out.ndim || full.some((d, i) => d !== out.shape[i]))
      throw new ValueError(`non-broadcastable output operand with shape ${shapeRepr(out.shape)} doesn't match the broadcast shape ${shapeRepr(full)}`);
    shape = full;
    const casting = opts.casting ?? "same_kind";
    if (!canCast(loop.out, out.dtype, casting))
      throw new UFuncTypeError(`Cannot cast ufunc '${name}' output from dtype('${loop.out}') to dtype('${out.dtype}') with casting rule '${casting}'`);
    if (!out._writeable) throw new ValueError("output array is read-only");
  }
  const inputs = arrays.map((a, i) => {
    const lt = loop.ins[i]!;
    if (a === null) {
      const buf = new DTYPE_INFO[lt].ctor(1);
      (buf as unknown as (number | bigint)[])[0] = toStorage(weak[i]!.value, lt);
      return { data: buf, offset: 0, strides: shape.map(() => 0), dtype: lt };
    }
    let src = a;
    if (DTYPE_INFO[a.dtype].big !== DTYPE_INFO[lt].big || (out !== null && sharesMemory(a, out) && !sameView(a, out))) src = castCopy(a, lt);
    return { data: src.data, offset: src._offset, strides: broadcastStrides(src.shape, src._strides, shape), dtype: src.dtype };
  });

  if (name === "power" && DTYPE_INFO[loop.out].kind !== "f") checkNonNegativeExponent(inputs[1]!, shape);

  const direct = out !== null && out.dtype === loop.out;
  const res = direct ? out : empty(shape, loop.out);
  const resStrides = direct ? broadcastStrides(out.shape, out._strides, shape) : [...res._strides];
  const plan = collapse(shape, [resStrides, ...inputs.map((x) => x.strides)]);
  if (plan !== null) {
    const bulk = def.nin === 1 && plan.shape.length === 1 && plan.strides.every((st) => st[0] === 1) ? BULK_UNARY[name]?.[loop.out as "float64"] : undefined;
    if (bulk !== undefined && inputs[0]!.dtype === loop.out) {
      bulk(res.data as Float64Array, res._offset, inputs[0]!.data as Float64Array, inputs[0]!.offset, plan.shape[0]!);
    } else {
    const kernel = (KERNELS[name] as Record<string, Function>)[domainOf(DTYPE_INFO[loop.ins[0]!].char)]!;
    const [so, ...sin] = plan.strides;
    if (def.nin === 2) kernel(plan.shape, res.data, res._offset, so, inputs[0]!.data, inputs[0]!.offset, sin[0], inputs[1]!.data, inputs[1]!.offset, sin[1]);
    else kernel(plan.shape, res.data, res._offset, so, inputs[0]!.data, inputs[0]!.offset, sin[0]);
    }
  }
  if (out !== null && !direct) copyInto(out, res);
  const result = out ?? res;
  if (arrays.some((a) => a !== null && a._tensor)) result._tensor = true;
  return result;
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
