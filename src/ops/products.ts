// products.ts — NumPy's product functions as compositions: dot, vdot, inner and tensordot are einsums (so they run
// on the GEMM kernels), outer and kron are broadcast multiplies, trace is a diagonal view summed. Each keeps NumPy's
// own shape rules and error texts (numpy/_core/multiarray.c, numeric.py, lib/_shape_base_impl.py).

import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { accumulatorDType, promoteTypes, toDType, type DType } from "../core/dtype.js";
import { AxisError, IndexError, MemoryError, ValueError } from "../core/errors.js";
import { bindArgs, intArg } from "../core/args.js";
import { NDArray } from "../core/ndarray.js";
import { isCContiguous, shapeCompact } from "../core/shape.js";
import { einsum } from "./einsum.js";
import { multiply } from "./elementwise.js";


const range = (a: number, b: number): number[] => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);

function notAligned(a: readonly number[], b: readonly number[], ai: number, bi: number): ValueError {
  return new ValueError(`shapes ${shapeCompact(a)} and ${shapeCompact(b)} not aligned: ${a[ai]} (dim ${ai}) != ${b[bi]} (dim ${bi})`);
}

/** NumPy's check on dot's `out`: exactly the result's dtype and shape, C-contiguous. */
function checkDotOut(out: NDArray, shape: readonly number[], dt: DType): void {
  if (out.dtype !== dt || out.ndim !== shape.length || !isCContiguous(out.shape, out._strides))
    throw new ValueError("output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)");
  if (out.shape.some((d, i) => d !== shape[i])) throw new ValueError("output array has wrong dimensions");
}

/**
 * np.dot: 0-d operands multiply; 1-d·1-d is an inner product; otherwise the last axis of a is summed against the
 * second-to-last of b (the last, if b is 1-d) — every other axis of both is kept, with no broadcasting.
 */
export function dot(x1: ArrayLike, x2: ArrayLike, opts: { out?: NDArray | null } | NDArray | null = {}): NDArray {
  opts = outOption(opts);
  const a = asarray(x1), b = asarray(x2);
  if (a.ndim === 0 || b.ndim === 0) return multiply(a, b, opts.out ? { out: opts.out } : {});
  const bi = Math.max(b.ndim - 2, 0);
  if (a.shape[a.ndim - 1] !== b.shape[bi]) throw notAligned(a.shape, b.shape, a.ndim - 1, bi);
  const la = range(0, a.ndim - 1), lb = range(a.ndim - 1, a.ndim + b.ndim - 2), k = a.ndim + b.ndim - 2;
  const subB = b.ndim === 1 ? [k] : [...lb.slice(0, -1), k, lb[lb.length - 1]!];
  const outLabels = [...la, ...lb];
  if (opts.out) checkDotOut(opts.out, [...a.shape.slice(0, -1), ...b.shape.filter((_, i) => i !== bi)], promoteTypes(a.dtype, b.dtype));
  const r = einsum(a, [...la, k], b, subB, outLabels);
  return opts.out ? intoOut(opts.out, r) : r;
}

/** `out` given positionally (NumPy's third parameter), in an options object, or absent (null/undefined). */
function outOption(o: { out?: NDArray | null } | NDArray | null | undefined): { out?: NDArray | null } {
  if (o === null || o === undefined) return {};
  if (o instanceof NDArray) return { out: o };
  if (typeof o !== "object" || Array.isArray(o)) throw new TypeError("return arrays must be of ArrayType");
  if (o.out !== undefined && o.out !== null && !(o.out instanceof NDArray)) throw new TypeError("return arrays must be of ArrayType");
  return o;
}

function intoOut(out: NDArray, r: NDArray): NDArray {
  copyInto(out, r);
  return out;
}

/** np.vdot: both operands flattened (b must have a's size), then an inner product. */
export function vdot(x1: ArrayLike, x2: ArrayLike): NDArray {
  const a = flat(asarray(x1)), b = asarray(x2);
  if (b.size !== a.size) throw new ValueError(`cannot reshape array of size ${b.size} into shape (${a.size},)`);
  return einsum("i,i", a, flat(b));
}

/** A 1-d view of a contiguous array, or a C-ordered copy (as ravel). */
function flat(a: NDArray): NDArray {
  const c = isCContiguous(a.shape, a._strides) ? a : castCopy(a, a.dtype);
  return new NDArray(c.data, c.dtype, [c.size], [1], c._offset, c.base ?? (c === a ? a : null), a._writeable);
}

/** np.inner: sums over the last axis of both; 0-d operands multiply. */
export function inner(x1: ArrayLike, x2: ArrayLike): NDArray {
  const a = asarray(x1), b = asarray(x2);
  if (a.ndim === 0 || b.ndim === 0) return multiply(a, b);
  if (a.shape[a.ndim - 1] !== b.shape[b.ndim - 1]) {
    // NumPy moves b's last axis next to its end before the dot, and reports that shape.
    const bt = b.ndim < 2 ? [...b.shape] : [...b.shape.slice(0, -2), b.shape[b.ndim - 1]!, b.shape[b.ndim - 2]!];
    throw notAligned(a.shape, bt, a.ndim - 1, Math.max(bt.length - 2, 0));
  }
  const la = range(0, a.ndim - 1), lb = range(a.ndim - 1, a.ndim + b.ndim - 2), k = a.ndim + b.ndim - 2;
  return einsum(a, [...la, k], b, [...lb, k], [...la, ...lb]);
}

/** np.outer: a and b flattened, every product a[i]·b[j] (a broadcast multiply, so `out` follows ufunc rules). */
export function outer(x1: ArrayLike, x2: ArrayLike, opts: { out?: NDArray | null } | NDArray | null = {}): NDArray {
  opts = outOption(opts);
  const a = flat(asarray(x1)), b = flat(asarray(x2));
  const col = new NDArray(a.data, a.dtype, [a.size, 1], [1, 0], a._offset);
  const row = new NDArray(b.data, b.dtype, [1, b.size], [0, 1], b._offset);
  return multiply(col, row, opts.out ? { out: opts.out } : {});
}

export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

/** np.tensordot: sum a's axes_a against b's axes_b (an int n means a's last n and b's first n), as numeric.py. */
export function tensordot(x1: ArrayLike, x2: ArrayLike, axes: TensordotAxes | { axes?: TensordotAxes } = 2): NDArray {
  if (axes === null || axes === undefined) throw new TypeError("bad operand type for unary -: 'NoneType'");
  if (typeof axes === "object" && !Array.isArray(axes) && !(axes instanceof NDArray)) axes = (axes as { axes?: TensordotAxes }).axes ?? 2;
  let axA: number[], axB: number[];
  if (typeof axes === "number") {
    if (!Number.isInteger(axes)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (Math.abs(axes) > 2 ** 31) throw new MemoryError("");
    axA = range(-axes, 0);
    axB = range(0, axes);
  } else {
    if (!Array.isArray(axes) || axes.length !== 2) throw new ValueError(`not enough values to unpack (expected 2, got ${Array.isArray(axes) ? axes.length : 1})`);
    const [p, q] = axes as unknown as readonly [number | readonly number[], number | readonly number[]];
    // NumPy wraps a non-sequence entry in a list (len() raises TypeError): booleans and numbers alike.
    axA = Array.isArray(p) ? [...p].map(Number) : [Number(p)];
    axB = Array.isArray(q) ? [...q].map(Number) : [Number(q)];
  }
  const a = asarray(x1), b = asarray(x2);
  const pyIndex = (shape: readonly number[], i: number): number => {
    if (i < -shape.length || i >= shape.length) throw new IndexError("tuple index out of range");
    return shape[i < 0 ? i + shape.length : i]!;
  };
  let equal = axA.length === axB.length;
  if (equal)
    for (let k = 0; k < axA.length; k++) {
      if (pyIndex(a.shape, axA[k]!) !== pyIndex(b.shape, axB[k]!)) {
        equal = false;
        break;
      }
      if (axA[k]! < 0) axA[k]! += a.ndim;
      if (axB[k]! < 0) axB[k]! += b.ndim;
    }
  if (!equal) throw new ValueError("shape-mismatch for sum");
  if (new Set(axA).size !== axA.length || new Set(axB).size !== axB.length) throw new ValueError("repeated axis in transpose");
  // Summed axes share labels 0..n-1; a's kept axes follow, then b's.
  const subA = range(0, a.ndim).map(() => -1), subB = range(0, b.ndim).map(() => -1);
  axA.forEach((ax, k) => {
    subA[ax] = k;
    subB[axB[k]!] = k;
  });
  let next = axA.length;
  const outLabels: number[] = [];
  for (const sub of [subA, subB])
    sub.forEach((l, i) => {
      if (l === -1) {
        sub[i] = next;
        outLabels.push(next++);
      }
    });
  return einsum(a, subA, b, subB, outLabels);
}

/** np.kron: the block product, as NumPy computes it — a broadcast multiply of interleaved axes, then a reshape. */
export function kron(x1: ArrayLike, x2: ArrayLike): NDArray {
  const a = asarray(x1), b = asarray(x2);
  if (a.ndim === 0 || b.ndim === 0) return multiply(a, b);
  const nd = Math.max(a.ndim, b.ndim);
  const pad = (x: NDArray) => ({ shape: [...new Array<number>(nd - x.ndim).fill(1), ...x.shape], strides: [...new Array<number>(nd - x.ndim).fill(0), ...x._strides] });
  const A = pad(a), B = pad(b);
  const av = new NDArray(a.data, a.dtype, A.shape.flatMap((d) => [d, 1]), A.strides.flatMap((s) => [s, 0]), a._offset);
  const bv = new NDArray(b.data, b.dtype, B.shape.flatMap((d) => [1, d]), B.strides.flatMap((s) => [0, s]), b._offset);
  let r = multiply(av, bv);
  if (!isCContiguous(r.shape, r._strides)) r = castCopy(r, r.dtype);
  const res = new NDArray(r.data, r.dtype, A.shape.map((d, i) => d * B.shape[i]!), undefined, r._offset);
  if (r._tensor) res._tensor = true;
  return res;
}

export interface TraceOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
  dtype?: DType | string | null;
  out?: NDArray | null;
}

function axisArg(axis: number, ndim: number, name: string): number {
  if (axis < -ndim || axis >= ndim) throw new AxisError(`${name}: axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/**
 * np.trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None): the sum along a diagonal (a strided view), with
 * sum's accumulator dtype (small integers and bool widen to int64/uint64), cast into `out` when given.
 */
export function trace(x: ArrayLike, offset: number | TraceOptions = 0, axis1: number | TraceOptions = 0, axis2: number | TraceOptions = 1, opts: TraceOptions = {}): NDArray {
  // NumPy's signature: trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None), with CPython's argument errors.
  const [, offRaw, a1Raw, a2Raw, dtypeRaw, outRaw] = bindArgs({ name: "trace", pos: ["a", "offset", "axis1", "axis2", "dtype", "out"], required: 1 }, arguments);
  void offset, axis1, axis2, opts;
  if (typeof offRaw === "number" && !Number.isInteger(offRaw)) throw new TypeError("integer argument expected, got float");
  const off = offRaw === undefined ? 0 : intArg(offRaw);
  const ax1 = a1Raw === undefined ? 0 : intArg(a1Raw);
  const ax2 = a2Raw === undefined ? 1 : intArg(a2Raw);
  if (outRaw !== undefined && outRaw !== null && !(outRaw instanceof NDArray)) throw new TypeError("output must be an array");
  const o: TraceOptions = { dtype: dtypeRaw as TraceOptions["dtype"], out: (outRaw ?? undefined) as NDArray | undefined };
  const a = asarray(x);
  if (a.ndim < 2) throw new ValueError("diag requires an array of at least two dimensions");
  const i1 = axisArg(ax1, a.ndim, "axis1"), i2 = axisArg(ax2, a.ndim, "axis2");
  if (i1 === i2) throw new ValueError("axis1 and axis2 cannot be the same");
  const n1 = a.shape[i1]!, n2 = a.shape[i2]!;
  const len = Math.max(0, off >= 0 ? Math.min(n1, n2 - off) : Math.min(n1 + off, n2));
  const start = len === 0 ? 0 : off >= 0 ? off * a._strides[i2]! : -off * a._strides[i1]!;
  const rest = range(0, a.ndim).filter((d) => d !== i1 && d !== i2);
  const diag = new NDArray(a.data, a.dtype, [...rest.map((d) => a.shape[d]!), len], [...rest.map((d) => a._strides[d]!), a._strides[i1]! + a._strides[i2]!], a._offset + start);
  const dt = o.dtype != null ? toDType(o.dtype) : accumulatorDType(a.dtype);
  const labels = rest.map((_, i) => i);
  const r = einsum(diag, [...labels, labels.length], labels, { dtype: dt, casting: "unsafe" });
  if (a._tensor) r._tensor = true;
  return o.out ? intoOut(o.out, r) : r;
}

declare module "../core/ndarray.js" {
  interface NDArray {
    dot(b: ArrayLike, opts?: { out?: NDArray | null }): NDArray;
    trace(offset?: number | TraceOptions, axis1?: number | TraceOptions, axis2?: number | TraceOptions, opts?: TraceOptions): NDArray;
  }
}
Object.assign(NDArray.prototype, {
  dot(this: NDArray, b: ArrayLike, opts?: { out?: NDArray | null }) {
    return dot(this, b, opts);
  },
  trace(this: NDArray, offset?: number | TraceOptions, axis1?: number | TraceOptions, axis2?: number | TraceOptions, opts?: TraceOptions) {
    return trace(this, offset, axis1, axis2, opts);
  },
});
