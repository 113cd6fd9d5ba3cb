// dtype.ts — NumPy's dtypes over JS typed arrays, NumPy 2's promotion table and casting rules.

import { ValueError } from "./errors.js";

export type DType =
  | "bool" | "int8" | "int16" | "int32" | "int64"
  | "uint8" | "uint16" | "uint32" | "uint64"
  | "float32" | "float64";

export type TypedArray =
  | Uint8Array | Int8Array | Int16Array | Int32Array | BigInt64Array
  | Uint16Array | Uint32Array | BigUint64Array | Float32Array | Float64Array;

/** "b" bool, "i" signed, "u" unsigned, "f" float — NumPy's dtype.kind. */
export type Kind = "b" | "i" | "u" | "f";

export interface DTypeInfo {
  readonly name: DType;
  readonly kind: Kind;
  readonly itemsize: number;
  /** NumPy's one-letter type code (int64 is 'l' on Linux, uint64 'L'). */
  readonly char: string;
  /** true when elements are JS bigints (int64, uint64). */
  readonly big: boolean;
  readonly ctor: { new (n: number | ArrayBufferLike, offset?: number, length?: number): TypedArray; BYTES_PER_ELEMENT: number };
  readonly min: number | bigint;
  readonly max: number | bigint;
}

function info(name: DType, kind: Kind, itemsize: number, char: string, ctor: DTypeInfo["ctor"], min: number | bigint, max: number | bigint): DTypeInfo {
  return { name, kind, itemsize, char, big: typeof min === "bigint", ctor, min, max };
}

export const DTYPE_INFO: Readonly<Record<DType, DTypeInfo>> = {
  bool: info("bool", "b", 1, "?", Uint8Array as never, 0, 1),
  int8: info("int8", "i", 1, "b", Int8Array as never, -128, 127),
  uint8: info("uint8", "u", 1, "B", Uint8Array as never, 0, 255),
  int16: info("int16", "i", 2, "h", Int16Array as never, -32768, 32767),
  uint16: info("uint16", "u", 2, "H", Uint16Array as never, 0, 65535),
  int32: info("int32", "i", 4, "i", Int32Array as never, -2147483648, 2147483647),
  uint32: info("uint32", "u", 4, "I", Uint32Array as never, 0, 4294967295),
  int64: info("int64", "i", 8, "l", BigInt64Array as never, -(2n ** 63n), 2n ** 63n - 1n),
  uint64: info("uint64", "u", 8, "L", BigUint64Array as never, 0n, 2n ** 64n - 1n),
  float32: info("float32", "f", 4, "f", Float32Array as never, -3.4028234663852886e38, 3.4028234663852886e38),
  float64: info("float64", "f", 8, "d", Float64Array as never, -Number.MAX_VALUE, Number.MAX_VALUE),
};

export const DTYPES = Object.keys(DTYPE_INFO) as DType[];
const CHAR_TO_DTYPE: Record<string, DType> = Object.fromEntries(DTYPES.map((d) => [DTYPE_INFO[d].char, d]));
CHAR_TO_DTYPE["q"] = "int64";
CHAR_TO_DTYPE["Q"] = "uint64";

/** Aliases NumPy accepts as dtype arguments. */
const ALIASES: Record<string, DType> = {
  bool_: "bool", float: "float64", double: "float64", single: "float32", int: "int64", int_: "int64", intp: "int64",
  uint: "uint64", uintp: "uint64", byte: "int8", ubyte: "uint8", short: "int16", ushort: "uint16", intc: "int32",
  uintc: "uint32", long: "int64", ulong: "uint64", longlong: "int64", ulonglong: "uint64",
  i1: "int8", i2: "int16", i4: "int32", i8: "int64", u1: "uint8", u2: "uint16", u4: "uint32", u8: "uint64",
  f4: "float32", f8: "float64", b1: "bool",
};

/** Resolve a user-supplied dtype name; unknown names raise NumPy's TypeError. */
export function toDType(d: unknown): DType {
  if (typeof d === "string") {
    if (d in DTYPE_INFO) return d as DType;
    if (d in ALIASES) return ALIASES[d]!;
    if (d.length === 1 && d in CHAR_TO_DTYPE) return CHAR_TO_DTYPE[d]!;
    throw new TypeError(`data type '${d}' not understood`);
  }
  throw new TypeError(`Cannot interpret '${String(d)}' as a data type`);
}

export function dtypeFromChar(c: string): DType | undefined {
  return CHAR_TO_DTYPE[c];
}

export const isFloat = (d: DType): boolean => DTYPE_INFO[d].kind === "f";
export const isInteger = (d: DType): boolean => DTYPE_INFO[d].kind === "i" || DTYPE_INFO[d].kind === "u";
export const isBig = (d: DType): boolean => DTYPE_INFO[d].big;

const SIGNED_BY_SIZE: Record<number, DType> = { 1: "int8", 2: "int16", 4: "int32", 8: "int64" };

/** A dtype argument of np.promote_types / np.can_cast: a dtype name (or alias), or an array (its dtype). */
function dtypeArg(d: unknown, fn: string): DType {
  if (typeof d === "string" && d in DTYPE_INFO) return d as DType;
  if (typeof d === "number" || typeof d === "bigint" || typeof d === "boolean")
    throw new TypeError(`${fn}() does not support Python ints, floats, and complex because the result used to depend on the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future.`);
  if (d === null || d === undefined) throw new TypeError(fn === "can_cast" ? "did not understand one of the types; 'None' not accepted" : "did not understand one of the types");
  if (typeof d === "object" && typeof (d as { dtype?: unknown }).dtype === "string" && (d as { dtype: string }).dtype in DTYPE_INFO) return (d as { dtype: DType }).dtype;
  return toDType(d);
}

/** np.promote_types for the dtypes tessera has (float16 absent: small ints promote with float32). */
export function promoteTypes(a: DType, b: DType): DType {
  if (a === b && a in DTYPE_INFO) return a;
  if (!(a in DTYPE_INFO) || !(b in DTYPE_INFO)) return promoteTypes(dtypeArg(a, "promote_types"), dtypeArg(b, "promote_types"));
  const A = DTYPE_INFO[a], B = DTYPE_INFO[b];
  if (A.kind === "b") return b;
  if (B.kind === "b") return a;
  if (A.kind === "f" && B.kind === "f") return A.itemsize >= B.itemsize ? a : b;
  if (A.kind === "f" || B.kind === "f") {
    const [F, I] = A.kind === "f" ? [A, B] : [B, A];
    if (F.itemsize === 8) return "float64";
    return I.itemsize <= 2 ? "float32" : "float64";
  }
  if (A.kind === B.kind) return A.itemsize >= B.itemsize ? a : b;
  const [S, U] = A.kind === "i" ? [A, B] : [B, A];
  if (S.itemsize > U.itemsize) return S.name;
  return U.itemsize === 8 ? "float64" : SIGNED_BY_SIZE[U.itemsize * 2]!;
}

export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

const CASTINGS = new Set<unknown>(["no", "equiv", "safe", "same_kind", "unsafe"]);
const KIND_ORDER: Record<Kind, number> = { b: 0, u: 1, i: 2, f: 3 };

/** np.can_cast(from, to, casting) for dtypes. */
export function canCast(from: DType, to: DType, casting: Casting = "safe"): boolean {
  if (!(from in DTYPE_INFO) || !(to in DTYPE_INFO) || !CASTINGS.has(casting)) {
    if (!CASTINGS.has(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '${String(casting)}')`);
    return canCast(dtypeArg(from, "can_cast"), dtypeArg(to, "can_cast"), casting);
  }
  if (from === to || casting === "unsafe") return true;
  if (casting === "no" || casting === "equiv") return false;
  if (promoteTypes(from, to) === to) return true;
  if (casting === "safe") return false;
  return KIND_ORDER[DTYPE_INFO[from].kind] <= KIND_ORDER[DTYPE_INFO[to].kind];
}

/** The dtype NumPy gives a reduction's accumulator: sum/prod of small ints widen to int64/uint64. */
export function accumulatorDType(d: DType): DType {
  const I = DTYPE_INFO[d];
  if (I.kind === "b" || I.kind === "i") return I.kind === "b" || I.itemsize < 8 ? "int64" : d;
  if (I.kind === "u") return "uint64";
  return d;
}

export function defaultFloat(): DType {
  return "float64";
}
