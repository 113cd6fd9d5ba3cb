// reduce-lines.ts — operations along one axis, line by line in logical order: argmax/argmin (NumPy's argfunc
// loops: first extreme wins, first NaN wins outright) and the accumulations behind cumsum/cumprod.

import { DTYPE_INFO, type DType } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { cStrides } from "../core/shape.js";
import { argRun } from "./reduce-loops.js";

/** Call fn(offset) for the start of every line of `a` along `axis`, other axes in C order. */
export function eachLine(a: NDArray, axis: number, fn: (off: number) => void): void {
  const shape = a.shape.filter((_, i) => i !== axis), st = a._strides.filter((_, i) => i !== axis);
  const nd = shape.length;
  for (const d of shape) if (d === 0) return;
  const idx = new Array<number>(nd).fill(0);
  let off = a._offset;
  for (;;) {
    fn(off);
    let d = nd - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      off += st[d]!;
      if (idx[d]! < shape[d]!) break;
      off -= st[d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** argmax (or argmin) of every line of `a` along `axis`, as an int64 array of the other axes' shape (C order). */
export function argAlong(a: NDArray, axis: number, min: boolean): NDArray {
  const shape = a.shape.filter((_, i) => i !== axis);
  const out = new BigInt64Array(shape.reduce((p, q) => p * q, 1));
  const n = a.shape[axis]!, s = a._strides[axis]!;
  const d = a.data as unknown as ArrayLike<number | bigint>;
  let k = 0;
  eachLine(a, axis, (off) => {
    out[k++] = BigInt(argRun(d, off, s, n, min));
  });
  return new NDArray(out, "int64", shape, cStrides(shape));
}

/**
 * Accumulate `r` in place along `axis` (NumPy's add/multiply.accumulate; r already holds the inputs in the result
 * dtype). Stores into the typed array give the dtype's rounding or wrap-around after every step.
 */
export function accumulateAlong(r: NDArray, axis: number, op: "add" | "multiply"): void {
  const n = r.shape[axis]!, s = r._strides[axis]!;
  const dt: DType = r.dtype;
  const I = DTYPE_INFO[dt];
  const kind = dt === "bool" ? "bool" : I.big ? "big" : dt === "float64" ? "f64" : dt === "float32" ? "f32" : "int";
  const loop = LOOPS[op][kind];
  eachLine(r, axis, (off) => loop(r.data as never, off, s, n));
}

type Line<T> = (d: T, o: number, s: number, n: number) => void;
type Nums = { [i: number]: number };
type Bigs = { [i: number]: bigint };

// Floats carry the running value in a register (float32 rounded after every step, as the stores would);
// integers go through the typed array, whose stores wrap to the dtype's width.
const LOOPS: Record<"add" | "multiply", Record<"bool" | "big" | "f64" | "f32" | "int", Line<never>>> = {
  add: {
    bool: ((d: Nums, o, s, n) => {
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = d[p - s]! | d[p]!;
    }) as Line<Nums>,
    big: ((d: Bigs, o, s, n) => {
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = d[p - s]! + d[p]!;
    }) as Line<Bigs>,
    f64: ((d: Nums, o, s, n) => {
      let acc = d[o]!;
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = acc = acc + d[p]!;
    }) as Line<Nums>,
    f32: ((d: Nums, o, s, n) => {
      let acc = d[o]!;
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = acc = Math.fround(acc + d[p]!);
    }) as Line<Nums>,
    int: ((d: Nums, o, s, n) => {
      // two 32-bit integers add exactly in a double; the store wraps
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = d[p - s]! + d[p]!;
    }) as Line<Nums>,
  },
  multiply: {
    bool: ((d: Nums, o, s, n) => {
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = d[p - s]! & d[p]!;
    }) as Line<Nums>,
    big: ((d: Bigs, o, s, n) => {
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = d[p - s]! * d[p]!;
    }) as Line<Bigs>,
    f64: ((d: Nums, o, s, n) => {
      let acc = d[o]!;
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = acc = acc * d[p]!;
    }) as Line<Nums>,
    f32: ((d: Nums, o, s, n) => {
      let acc = d[o]!;
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = acc = Math.fround(acc * d[p]!);
    }) as Line<Nums>,
    int: ((d: Nums, o, s, n) => {
      for (let i = 1, p = o + s; i < n; i++, p += s) d[p] = Math.imul(d[p - s]!, d[p]!);
    }) as Line<Nums>,
  },
};
