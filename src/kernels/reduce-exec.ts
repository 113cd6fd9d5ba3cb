// reduce-exec.ts — runs a ufunc reduction (add, multiply, maximum, minimum, fmax, fmin, logical_or, logical_and)
// over an NDArray along a set of axes, in NumPy's iteration order (reduce-plan.ts). Float sums follow NumPy's
// inner-loop calls exactly (pairwise within a call, in order across calls), so they match NumPy bit for bit;
// the other reductions only depend on the order of elements, or not at all (integers, min/max, any/all).

import { DTYPE_INFO, type DType, type TypedArray } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { reducePlan, type ReducePlan } from "./reduce-plan.js";
import * as F from "./gen/reduce-float.js";
import { anyRun, allRun, maxRun, minRun, fmaxRun, fminRun, orEach, andEach, maxEach, minEach, fmaxEach, fminEach, sumRunNum } from "./reduce-loops.js";

export type ReduceOp = "add" | "multiply" | "maximum" | "minimum" | "fmax" | "fmin" | "logical_or" | "logical_and";

type Num = ArrayLike<number> & { [i: number]: number };

export interface ReduceSpec {
  op: ReduceOp;
  a: NDArray;
  /** Per input axis: is it reduced? */
  reduced: readonly boolean[];
  /** The loop dtype: accumulator and result. */
  dtype: DType;
  keepdims: boolean;
  /**
   * Start value in the loop dtype's storage (number or bigint). For add/multiply/logical ops it defaults to the
   * identity; for the others, undefined means "start from the first element of each slice".
   */
  initial?: number | bigint;
}

/** Result shape of reducing `shape` over `reduced` axes. */
export function reducedShape(shape: readonly number[], reduced: readonly boolean[], keepdims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!reduced[i]) out.push(d);
    else if (keepdims) out.push(1);
  });
  return out;
}

/** A new result array of `dtype` laid out as NumPy allocates it (`strides` per input axis, 0 on reduced axes). */
function allocResult(spec: ReduceSpec, strides: readonly number[]): NDArray {
  const { a, reduced, keepdims, dtype } = spec;
  const shape = reducedShape(a.shape, reduced, keepdims);
  const st: number[] = [];
  a.shape.forEach((_, i) => {
    if (!reduced[i]) st.push(strides[i]!);
    else if (keepdims) st.push(0);
  });
  let size = 1;
  for (const d of shape) size *= d;
  return new NDArray(new DTYPE_INFO[dtype].ctor(size), dtype, shape, st, 0, null);
}

function fill(o: TypedArray, v: number | bigint): void {
  (o as unknown as { fill(v: number | bigint): void }).fill(v);
}

/**
 * Reduce spec.a over spec.reduced in spec.dtype. The input must already be readable in the loop's storage class
 * where that matters (the caller casts float -> int, anything -> bool); number <-> float and int64 -> float casts
 * are done here, as NumPy's buffers do.
 */
export function reduce(spec: ReduceSpec): NDArray {
  const { a, reduced, dtype, op } = spec;
  const inCast = a.dtype !== dtype;
  const { plan, allocStrides } = reducePlan({ shape: a.shape, inStrides: a._strides, reduced, outStrides: null, inCast });
  const res = allocResult(spec, allocStrides);
  const init = spec.initial ?? identityOf(op, dtype);
  if (init !== undefined) fill(res.data, init);
  if (a.size === 0) return res;
  if (init === undefined) copyFirst(res, a, reduced);
  const kind = DTYPE_INFO[dtype].kind;
  if (op === "add" && kind === "f") floatSum(plan, res, a, dtype);
  else if (op === "multiply" && kind === "f") floatProd(plan, res, a, dtype);
  else if (op === "add") intSum(plan, res, a);
  else if (op === "multiply") intProd(plan, res, a, dtype);
  else orderFree(plan, res, a, op);
  return res;
}

function identityOf(op: ReduceOp, dtype: DType): number | bigint | undefined {
  const big = DTYPE_INFO[dtype].big;
  if (op === "add" || op === "logical_or") return big ? 0n : 0;
  if (op === "multiply" || op === "logical_and") return big ? 1n : 1;
  return undefined;
}

/** Initialise the result with the first element of every reduced slice (NumPy's CopyInitialReduceValues). */
function copyFirst(res: NDArray, a: NDArray, reduced: readonly boolean[]): void {
  const o = res.data as unknown as (number | bigint)[], d = a.data as unknown as (number | bigint)[];
  const keep = a.shape.map((_, i) => i).filter((i) => !reduced[i]);
  const rs = res.ndim === a.ndim ? keep.map((i) => res._strides[i]!) : [...res._strides];
  walk(keep.map((i) => a.shape[i]!), [rs, keep.map((i) => a._strides[i]!)], [res._offset, a._offset], (ro, ao) => {
    o[ro] = d[ao]!;
  });
}

/** Visit every index of `shape` (C order) with the running offsets of two operands. */
function walk(shape: readonly number[], strides: readonly (readonly number[])[], offs: readonly number[], fn: (o0: number, o1: number) => void): void {
  const nd = shape.length;
  for (const d of shape) if (d === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let o0 = offs[0]!, o1 = offs[1]!;
  const s0 = strides[0]!, s1 = strides[1]!;
  for (;;) {
    fn(o0, o1);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      o0 += s0[d]!;
      o1 += s1[d]!;
      if (idx[d]! < shape[d]!) break;
      o0 -= s0[d]! * shape[d]!;
      o1 -= s1[d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * The index space of the plan's dims [from, nd) in iteration order, with the running output and input offsets.
 * Executors loop `do { ... } while (it.next())` rather than take a callback, so each keeps its own call feedback.
 */
class Outer {
  oo: number;
  io: number;
  private readonly idx: number[];
  constructor(private readonly plan: ReducePlan, private readonly from: number, oo: number, io: number) {
    this.oo = oo;
    this.io = io;
    this.idx = new Array<number>(plan.n.length).fill(0);
  }
  next(): boolean {
    const { n, os, is } = this.plan, idx = this.idx;
    for (let d = this.from; d < n.length; d++) {
      if (++idx[d]! < n[d]!) {
        this.oo += os[d]!;
        this.io += is[d]!;
        return true;
      }
      this.oo -= os[d]! * (n[d]! - 1);
      this.io -= is[d]! * (n[d]! - 1);
      idx[d] = 0;
    }
    return false;
  }
}

/** Copy `count` elements starting at flat position `start` of dims [0, dims) (based at io) into dst[0..count). */
function gather(dst: TypedArray, src: TypedArray, plan: ReducePlan, dims: number, io: number, start: number, count: number): void {
  const d = dst as unknown as number[], s = src as unknown as (number | bigint)[];
  const big = typeof s[io] === "bigint";
  const { n, is } = plan;
  const idx = new Array<number>(dims).fill(0);
  let rem = start, off = io;
  for (let k = 0; k < dims; k++) {
    idx[k] = rem % n[k]!;
    rem = Math.floor(rem / n[k]!);
    off += idx[k]! * is[k]!;
  }
  const n0 = n[0]!, s0 = is[0]!;
  let i = 0;
  while (i < count) {
    const m = Math.min(n0 - idx[0]!, count - i);
    if (big) for (let j = 0; j < m; j++, off += s0) d[i + j] = Number(s[off] as bigint);
    else for (let j = 0; j < m; j++, off += s0) d[i + j] = s[off] as number;
    i += m;
    idx[0]! += m;
    for (let k = 0; k < dims && idx[k]! >= n[k]!; k++) {
      off -= is[k]! * n[k]!;
      idx[k] = 0;
      if (k + 1 < dims) {
        idx[k + 1]!++;
        off += is[k + 1]!;
      }
    }
  }
}

/** Float add: NumPy's inner-loop calls — pairwise within each call when the output stays put, else row by row. */
function floatSum(plan: ReducePlan, res: NDArray, a: NDArray, dtype: DType): void {
  const f32 = dtype === "float32";
  const o = res.data as Float64Array;
  const cast = a.dtype !== dtype;
  const Ctor = f32 ? Float32Array : Float64Array;
  const { n, os, is } = plan;
  if (os[0] !== 0) {
    // Each output element adds its inputs one at a time in iteration order; fuse consecutive rows when dim 1 reduces.
    const fuse = n.length > 1 && os[1] === 0;
    const rows = fuse ? n[1]! : 1, rs = fuse ? is[1]! : 0;
    const n0 = n[0]!;
    const scratch = cast ? new Ctor(n0) : null;
    const it = new Outer(plan, fuse ? 2 : 1, res._offset, a._offset);
    do {
      const { oo, io } = it;
      if (scratch === null) {
        if (f32) F.addRows_f32(o as unknown as Float32Array, oo, os[0]!, a.data as Float32Array, io, is[0]!, rs, rows, n0);
        else F.addRows_f64(o, oo, os[0]!, a.data as Float64Array, io, is[0]!, rs, rows, n0);
        continue;
      }
      for (let k = 0; k < rows; k++) {
        gather(scratch, a.data, plan, 1, io + k * rs, 0, n0);
        if (f32) F.addRows_f32(o as unknown as Float32Array, oo, os[0]!, scratch as Float32Array, 0, 1, 0, 1, n0);
        else F.addRows_f64(o, oo, os[0]!, scratch as Float64Array, 0, 1, 0, 1, n0);
      }
    } while (it.next());
    return;
  }
  let span = 1;
  for (let d = 0; d < plan.callDims; d++) span *= n[d]!;
  const chunk = Math.max(1, Math.min(plan.chunk, span));
  const direct = !cast && plan.inSingle >= plan.callDims;
  const s0 = is[0]!;
  if (direct && plan.callDims === 1 && chunk === span && n.length >= 2) {
    // One inner-loop call per row: the row-group kernel walks several rows at once (same additions per row).
    const rows = new Outer(plan, 2, res._offset, a._offset);
    do {
      if (f32) F.pairwiseRows_f32(a.data as Float32Array, rows.io, s0, span, is[1]!, n[1]!, o as unknown as Float32Array, rows.oo, os[1]!);
      else F.pairwiseRows_f64(a.data as Float64Array, rows.io, s0, span, is[1]!, n[1]!, o, rows.oo, os[1]!);
    } while (rows.next());
    return;
  }
  const scratch = direct ? null : new Ctor(chunk);
  const it = new Outer(plan, plan.callDims, res._offset, a._offset);
  do {
    const { oo, io } = it;
    for (let s = 0; s < span; s += chunk) {
      const c = Math.min(chunk, span - s);
      let v: number;
      if (scratch === null) v = f32 ? F.pairwise_f32(a.data as Float32Array, io + s * s0, s0, c) : F.pairwise_f64(a.data as Float64Array, io + s * s0, s0, c);
      else {
        gather(scratch, a.data, plan, plan.callDims, io, s, c);
        v = f32 ? F.pairwise_f32(scratch as Float32Array, 0, 1, c) : F.pairwise_f64(scratch as Float64Array, 0, 1, c);
      }
      o[oo] = o[oo]! + v;
    }
  } while (it.next());
}

/** Float multiply: in iteration order, one element at a time. */
function floatProd(plan: ReducePlan, res: NDArray, a: NDArray, dtype: DType): void {
  const f32 = dtype === "float32";
  const o = res.data as unknown as Num;
  const cast = a.dtype !== dtype;
  const { n, os, is } = plan;
  const n0 = n[0]!, o0 = os[0]!;
  const scratch = cast ? new (f32 ? Float32Array : Float64Array)(n0) : null;
  const it = new Outer(plan, 1, res._offset, a._offset);
  do {
    const { oo, io } = it;
    let src = a.data as Float64Array | Float32Array, off = io, st = is[0]!;
    if (scratch !== null) {
      gather(scratch, a.data, plan, 1, io, 0, n0);
      src = scratch;
      off = 0;
      st = 1;
    }
    if (o0 === 0)
      for (let c = 0; c < n0; c += BLOCK) {
        const m = Math.min(BLOCK, n0 - c), p = off + c * st;
        o[oo] = f32 ? F.mulRun_f32(o[oo]!, src as Float32Array, p, st, m) : F.mulRun_f64(o[oo]!, src as Float64Array, p, st, m);
      }
    else for (let j = 0, q = oo, t = off; j < n0; j++, q += o0, t += st) o[q] = o[q]! * src[t]!;
  } while (it.next());
}

/**
 * Long runs are fed to the loops in blocks of this many elements: a loop called many times gets compiled with
 * complete type feedback, where one long call would be compiled mid-loop (OSR) and bail out after it.
 */
const BLOCK = 1 << 14;

/** The largest |value| an integer (or bool) storage class can hold. */
function maxAbs(dtype: DType): number {
  const I = DTYPE_INFO[dtype];
  return Math.max(Math.abs(Number(I.min)), Number(I.max));
}

/**
 * Integer add: exact, so the order is free, and sums wrap to the loop dtype as C integers do step by step. Partial
 * sums run in doubles (exact below 2**53) and are flushed into 64-bit BigInt accumulators before they could round:
 * small integers directly, int64/uint64 as two 32-bit words (low unsigned, high signed; total = hi * 2**32 + lo).
 */
function intSum(plan: ReducePlan, res: NDArray, a: NDArray): void {
  const { n, os, is } = plan;
  const n0 = n[0]!, o0 = os[0]!, s0 = is[0]!;
  const words = DTYPE_INFO[a.dtype].big;
  const src = a.data as unknown as Num & BigInt64Array;
  // Elements per flush: every partial sum stays below 2**53 in magnitude.
  const chunk = words ? 1 << 20 : Math.max(BLOCK, Math.floor(2 ** 52 / maxAbs(a.dtype) / BLOCK) * BLOCK);
  const d: Num = words ? new Int32Array(src.buffer, src.byteOffset, src.length * 2) : src;
  const step = words ? 2 * s0 : s0;
  const acc = new BigInt64Array(res.data.length);
  for (let i = 0; i < acc.length; i++) acc[i] = BigInt(res.data[i]!);
  const lo = new Float64Array(acc.length), hi = words ? new Float64Array(acc.length) : lo;
  const flush = (i: number): void => {
    acc[i] = acc[i]! + (words ? (BigInt(hi[i]!) << 32n) + BigInt(lo[i]!) : BigInt(lo[i]!));
    lo[i] = 0;
    hi[i] = 0;
  };
  const it = new Outer(plan, 1, res._offset, a._offset);
  let visits = 0;
  do {
    const { oo, io } = it;
    const base = words ? 2 * io : io;
    if (o0 === 0) {
      for (let c = 0; c < n0; c += BLOCK) {
        const m = Math.min(BLOCK, n0 - c);
        if (words) {
          const r = sumWords(d, base + c * step, step, m);
          lo[oo] = lo[oo]! + r[0];
          hi[oo] = hi[oo]! + r[1];
        } else lo[oo] = lo[oo]! + sumRunNum(d, base + c * step, step, m);
        if ((c + m) % chunk < BLOCK || c + m === n0) flush(oo);
      }
    } else {
      if (words)
        for (let j = 0, q = oo, t = base; j < n0; j++, q += o0, t += step) {
          lo[q] = lo[q]! + (d[t]! >>> 0);
          hi[q] = hi[q]! + d[t + 1]!;
        }
      else for (let j = 0, q = oo, t = base; j < n0; j++, q += o0, t += step) lo[q] = lo[q]! + d[t]!;
      if (++visits === chunk) {
        for (let i = 0; i < acc.length; i++) flush(i);
        visits = 0;
      }
    }
  } while (it.next());
  if (o0 !== 0) for (let i = 0; i < acc.length; i++) flush(i);
  storeWrapped(res, acc);
}

const WORDS: [number, number] = [0, 0];

/** Sums of the low (unsigned) and high (signed) 32-bit words of n int64 elements (word offset o, word stride s). */
function sumWords(w: Num, o: number, s: number, n: number): [number, number] {
  let l0 = 0, l1 = 0, h0 = 0, h1 = 0;
  let i = 0, t = o;
  for (const s2 = 2 * s; i + 2 <= n; i += 2, t += s2) {
    l0 += w[t]! >>> 0;
    h0 += w[t + 1]!;
    l1 += w[t + s]! >>> 0;
    h1 += w[t + s + 1]!;
  }
  if (i < n) {
    l0 += w[t]! >>> 0;
    h0 += w[t + 1]!;
  }
  WORDS[0] = l0 + l1;
  WORDS[1] = h0 + h1;
  return WORDS;
}

/** Store 64-bit accumulators into the result's storage, wrapping to its width as a C cast does. */
function storeWrapped(res: NDArray, acc: BigInt64Array): void {
  const I = DTYPE_INFO[res.dtype];
  const o = res.data as unknown as (number | bigint)[];
  const bits = I.itemsize * 8;
  for (let i = 0; i < acc.length; i++) {
    const v = acc[i]!;
    o[i] = I.big ? v : Number(I.kind === "u" ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v));
  }
}

/** Integer multiply: modular, so order is free. 64-bit loops multiply BigInts; narrower ones use Math.imul. */
function intProd(plan: ReducePlan, res: NDArray, a: NDArray, dtype: DType): void {
  const { n, os, is } = plan;
  const n0 = n[0]!, o0 = os[0]!, s0 = is[0]!;
  if (DTYPE_INFO[dtype].big) {
    const acc = new BigInt64Array(res.data.length);
    for (let i = 0; i < acc.length; i++) acc[i] = BigInt(res.data[i]!);
    const d = a.data as unknown as (number | bigint)[];
    const it = new Outer(plan, 1, res._offset, a._offset);
    do {
      const { oo, io } = it;
      if (o0 === 0) {
        let v = acc[oo]!;
        for (let j = 0, t = io; j < n0; j++, t += s0) v = BigInt.asIntN(64, v * BigInt(d[t]!));
        acc[oo] = v;
      } else for (let j = 0, q = oo, t = io; j < n0; j++, q += o0, t += s0) acc[q] = acc[q]! * BigInt(d[t]!);
    } while (it.next());
    storeWrapped(res, acc);
    return;
  }
  const o = res.data as unknown as Num;
  const d = a.data as unknown as Num;
  const it = new Outer(plan, 1, res._offset, a._offset);
  do {
    const { oo, io } = it;
    if (o0 === 0) {
      let v = o[oo]!;
      for (let j = 0, t = io; j < n0; j++, t += s0) v = Math.imul(v, d[t]!);
      o[oo] = v;
    } else for (let j = 0, q = oo, t = io; j < n0; j++, q += o0, t += s0) o[q] = Math.imul(o[q]!, d[t]!);
  } while (it.next());
}

type RunFn = (acc: number | bigint, d: ArrayLike<number | bigint>, o: number, s: number, n: number) => number | bigint;
type EachFn = (out: ArrayLike<number | bigint>, oo: number, os: number, d: ArrayLike<number | bigint>, o: number, s: number, n: number) => void;

const RUN: Record<string, RunFn> = { maximum: maxRun, minimum: minRun, fmax: fmaxRun, fmin: fminRun, logical_or: anyRun, logical_and: allRun };
const EACH: Record<string, EachFn> = { maximum: maxEach, minimum: minEach, fmax: fmaxEach, fmin: fminEach, logical_or: orEach, logical_and: andEach };
// Float min/max get their own monomorphic loops (the generated ones); integers and bools share the generic ones.
const FLOAT_NAMES: Record<string, string> = { maximum: "max", minimum: "min", fmax: "fmax", fmin: "fmin" };
type RowsFn = (out: ArrayLike<number | bigint>, oo: number, os: number, d: ArrayLike<number | bigint>, o: number, s: number, rs: number, rows: number, n: number) => void;
const floatLoops = (sfx: "f64" | "f32"): [Record<string, RunFn>, Record<string, EachFn>, Record<string, RowsFn>] => {
  const k = F as unknown as Record<string, RunFn & EachFn & RowsFn>;
  const names = Object.entries(FLOAT_NAMES);
  const pick = (kind: string) => Object.fromEntries(names.map(([op, nm]) => [op, k[`${nm}${kind}_${sfx}`]!]));
  return [pick("Run"), pick("Each"), pick("Rows")];
};
const [RUN_F64, EACH_F64, ROWS_F64] = floatLoops("f64");
const [RUN_F32, EACH_F32, ROWS_F32] = floatLoops("f32");

/** Reductions whose value does not depend on the order of the elements. */
function orderFree(plan: ReducePlan, res: NDArray, a: NDArray, op: ReduceOp): void {
  const fdt = a.dtype === "float64" ? 1 : a.dtype === "float32" ? 2 : 0;
  const run = (fdt === 1 ? RUN_F64[op] : fdt === 2 ? RUN_F32[op] : undefined) ?? RUN[op]!;
  const each = (fdt === 1 ? EACH_F64[op] : fdt === 2 ? EACH_F32[op] : undefined) ?? EACH[op]!;
  const { n, os, is } = plan;
  const n0 = n[0]!, o0 = os[0]!, s0 = is[0]!;
  const o = res.data as unknown as (number | bigint)[];
  const d = a.data as unknown as ArrayLike<number | bigint>;
  const rowsFn = fdt === 1 ? ROWS_F64[op] : fdt === 2 ? ROWS_F32[op] : undefined;
  if (o0 !== 0 && rowsFn !== undefined && n.length > 1 && os[1] === 0) {
    // Consecutive rows fold into the same output run: eight rows per pass over it.
    const it = new Outer(plan, 2, res._offset, a._offset);
    do rowsFn(o, it.oo, o0, d, it.io, s0, is[1]!, n[1]!, n0);
    while (it.next());
    return;
  }
  const it = new Outer(plan, 1, res._offset, a._offset);
  do {
    if (o0 === 0) for (let c = 0; c < n0; c += BLOCK) o[it.oo] = run(o[it.oo]!, d, it.io + c * s0, s0, Math.min(BLOCK, n0 - c));
    else each(o, it.oo, o0, d, it.io, s0, n0);
  } while (it.next());
}
