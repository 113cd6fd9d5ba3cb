// einsum/contract.ts — einsum's arithmetic: diagonals as views, summing labels away, and each pairwise contraction
// as one batched matrix product (batch, m, k)×(batch, k, n) — the layout opt_einsum and NumPy's bmm_einsum use —
// so every einsum runs on the GEMM kernels in ops/matmul.ts.

import { DTYPE_INFO, type TypedArray } from "../../core/dtype.js";
import { ValueError } from "../../core/errors.js";
import { castCopy } from "../../core/convert.js";
import { NDArray } from "../../core/ndarray.js";
import { isCContiguous, shapeSize } from "../../core/shape.js";
import { gemmBatched, packAs, type ComputeDType } from "../matmul.js";
import { labelChar } from "./parse.js";

/** An operand or intermediate: an array and one distinct label per axis. */
export interface Term {
  arr: NDArray;
  labels: number[];
}

/**
 * Merge repeated labels of one operand into their diagonal (NumPy's get_combined_dims_view): the merged axis keeps
 * the first position, and its stride is the sum of the repeated axes' strides.
 */
export function diagonal(a: NDArray, labels: readonly number[], iop: number): Term {
  const out: number[] = [], dims: number[] = [], strides: number[] = [];
  labels.forEach((l, d) => {
    const i = out.indexOf(l), n = a.shape[d]!, s = a._strides[d]!;
    if (i === -1) {
      out.push(l);
      dims.push(n);
      strides.push(s);
      return;
    }
    if (dims[i] !== n) throw new ValueError(`dimensions in operand ${iop} for collapsing index '${labelChar(l)}' don't match (${dims[i]} != ${n})`);
    strides[i]! += s;
  });
  if (out.length === labels.length) return { arr: a, labels: out };
  return { arr: new NDArray(a.data, a.dtype, dims, strides, a._offset, a, a._writeable), labels: out };
}

/** A view of t's axes in `order` (every label of t, any order). */
function permuted(t: Term, order: readonly number[]): NDArray {
  const idx = order.map((l) => t.labels.indexOf(l));
  const a = t.arr;
  return new NDArray(a.data, a.dtype, idx.map((i) => a.shape[i]!), idx.map((i) => a._strides[i]!), a._offset);
}

const sizeOf = (t: Term, labels: readonly number[]): number => shapeSize(labels.map((l) => t.arr.shape[t.labels.indexOf(l)]!));

/** Whether `a`'s stored values can be summed directly in `cdt` storage (ints and floats widen exactly; no truncation). */
function summable(a: NDArray, cdt: ComputeDType): boolean {
  const I = DTYPE_INFO[a.dtype];
  if (cdt === "int64") return I.big;
  if (I.big) return false;
  return cdt === "float64" || I.kind !== "f";
}

type Acc = (x: TypedArray, xo: number, xs: number, o: TypedArray, oo: number, os: number, n: number) => void;

const accF64: Acc = (x, xo, xs, o, oo, os, n) => {
  const X = x as Float64Array, O = o as Float64Array;
  if (os === 0) {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[xo + i * xs]!;
    O[oo]! += s;
  } else for (let i = 0; i < n; i++) O[oo + i * os]! += X[xo + i * xs]!;
};
const accI32: Acc = (x, xo, xs, o, oo, os, n) => {
  const X = x as Int32Array, O = o as Int32Array;
  if (os === 0) {
    let s = 0;
    for (let i = 0; i < n; i++) s = (s + X[xo + i * xs]!) | 0;
    O[oo] = (O[oo]! + s) | 0;
  } else for (let i = 0; i < n; i++) O[oo + i * os] = (O[oo + i * os]! + X[xo + i * xs]!) | 0;
};
const accBig: Acc = (x, xo, xs, o, oo, os, n) => {
  const X = x as BigInt64Array, O = o as BigInt64Array;
  for (let i = 0; i < n; i++) O[oo + i * os]! += X[xo + i * xs]!;
};
const ACC: Record<ComputeDType, Acc> = { float64: accF64, int32: accI32, int64: accBig };

/**
 * Sum t over `drop` in the compute dtype: one strided walk in t's memory order, each element added into its place
 * among the kept axes (so no transpose copy is needed). Bool sums clamp to 0/1: NumPy's OR.
 */
export function sumOut(t: Term, drop: readonly number[], cdt: ComputeDType, clamp: boolean): Term {
  const keep = t.labels.filter((l) => !drop.includes(l));
  if (keep.length === t.labels.length) return t;
  const src = summable(t.arr, cdt) ? t.arr : castCopy(t.arr, cdt);
  const outShape = keep.map((l) => src.shape[t.labels.indexOf(l)]!);
  const out = new DTYPE_INFO[cdt].ctor(shapeSize(outShape)) as TypedArray;
  const res = new NDArray(out, cdt, outShape);
  if (src.size === 0) return { arr: res, labels: keep };
  const axes = t.labels
    .map((l, d) => ({ n: src.shape[d]!, xs: src._strides[d]!, os: keep.includes(l) ? res._strides[keep.indexOf(l)]! : 0 }))
    .filter((a) => a.n !== 1)
    .sort((a, b) => Math.abs(b.xs) - Math.abs(a.xs));
  const inner = axes.pop() ?? { n: 1, xs: 0, os: 0 };
  const acc = ACC[cdt];
  const idx = axes.map(() => 0);
  let xo = src._offset, oo = 0;
  const rows = shapeSize(axes.map((a) => a.n));
  for (let r = 0; r < rows; r++) {
    acc(src.data, xo, inner.xs, out, oo, inner.os, inner.n);
    for (let d = axes.length - 1; d >= 0; d--) {
      const a = axes[d]!;
      xo += a.xs;
      oo += a.os;
      if (++idx[d]! < a.n) break;
      xo -= a.xs * a.n;
      oo -= a.os * a.n;
      idx[d] = 0;
    }
  }
  if (clamp) for (let i = 0; i < out.length; i++) if (out[i] !== 0) out[i] = 1;
  return { arr: res, labels: keep };
}

interface Layout {
  left: Term;
  right: Term;
  batch: number[];
  m: number[];
  con: number[];
  n: number[];
  cost: number;
}

/** Elements copied to pack t into `order` (0 when the view is already C-contiguous in the compute dtype). */
function packCost(t: Term, order: readonly number[], cdt: ComputeDType): number {
  const v = permuted(t, order);
  return v.dtype === cdt && isCContiguous(v.shape, v._strides) ? 0 : v.size;
}

/** Choose which term is the left factor and how to order the shared labels so that packing copies least. */
function layout(a: Term, b: Term, keep: ReadonlySet<number>, want: readonly number[] | null, cdt: ComputeDType): Layout {
  let best: Layout | null = null;
  for (const [left, right] of [[a, b], [b, a]] as const) {
    const shared = left.labels.filter((l) => right.labels.includes(l));
    const batch = shared.filter((l) => keep.has(l));
    const m = left.labels.filter((l) => !right.labels.includes(l));
    const n = right.labels.filter((l) => !left.labels.includes(l));
    for (const conFrom of [left, right]) {
      const con = conFrom.labels.filter((l) => shared.includes(l) && !keep.has(l));
      const res = [...batch, ...m, ...n];
      let cost = packCost(left, [...batch, ...m, ...con], cdt) + packCost(right, [...batch, ...con, ...n], cdt);
      if (want && res.some((l, i) => l !== want[i])) cost += sizeOf(left, [...batch, ...m]) * sizeOf(right, n);
      if (!best || cost < best.cost) best = { left, right, batch, m, con, n, cost };
    }
  }
  return best!;
}

/**
 * Contract two terms, keeping the labels in `keep` (labels of neither kind are summed away first). The result's
 * labels are ordered batch, left-only, right-only; `want` (the final output order, if this is the last step)
 * steers the choice of layout toward a result that needs no further transpose.
 */
export function contractPair(a: Term, b: Term, keep: ReadonlySet<number>, cdt: ComputeDType, clamp: boolean, want: readonly number[] | null = null): Term {
  a = sumOut(a, a.labels.filter((l) => !keep.has(l) && !b.labels.includes(l)), cdt, clamp);
  b = sumOut(b, b.labels.filter((l) => !keep.has(l) && !a.labels.includes(l)), cdt, clamp);
  const L = layout(a, b, keep, want, cdt);
  const pa = packAs(permuted(L.left, [...L.batch, ...L.m, ...L.con]), cdt);
  const pb = packAs(permuted(L.right, [...L.batch, ...L.con, ...L.n]), cdt);
  const nb = sizeOf(L.left, L.batch), m = sizeOf(L.left, L.m), k = sizeOf(L.left, L.con), n = sizeOf(L.right, L.n);
  const c = gemmBatched(cdt, pa.data, pa._offset, m * k, pb.data, pb._offset, k * n, nb, m, k, n, clamp);
  const labels = [...L.batch, ...L.m, ...L.n];
  const shape = labels.map((l) => (L.m.includes(l) || L.batch.includes(l) ? L.left : L.right)).map((t, i) => t.arr.shape[t.labels.indexOf(labels[i]!)]!);
  return { arr: new NDArray(c, cdt, shape), labels };
}
