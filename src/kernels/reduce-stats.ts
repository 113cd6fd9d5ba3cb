// reduce-stats.ts — the elementwise passes behind mean/var/std and the nan-functions, with the temporaries laid
// out in memory as NumPy lays them out (np.array(..., copy=True) keeps order 'K'; a ufunc allocates its output in
// iteration order), because the layout decides the order in which the following float sum adds.

import { DTYPE_INFO, type DType, type TypedArray } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { keepOrderStrides, ufuncOutStrides } from "./reduce-plan.js";

type Cells = { [i: number]: number | bigint };

/**
 * Call fn(offsets, n, innerStrides) for every innermost run of `shape` (C order), with the running offsets of each
 * operand. A 0-d shape is one run of one element.
 */
export function eachRun(shape: readonly number[], strides: readonly (readonly number[])[], offsets: readonly number[], fn: (offs: number[], n: number, inner: number[]) => void): void {
  const nd = shape.length;
  for (const d of shape) if (d === 0) return;
  const offs = [...offsets];
  if (nd === 0) return fn(offs, 1, strides.map(() => 0));
  const n = shape[nd - 1]!, inner = strides.map((s) => s[nd - 1]!);
  const idx = new Array<number>(nd).fill(0);
  for (;;) {
    fn(offs, n, inner);
    let d = nd - 2;
    for (; d >= 0; d--) {
      idx[d]!++;
      for (let k = 0; k < offs.length; k++) offs[k]! += strides[k]![d]!;
      if (idx[d]! < shape[d]!) break;
      for (let k = 0; k < offs.length; k++) offs[k]! -= strides[k]![d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/** Strides of `b` broadcast to `shape` (b has the same ndim; size-1 axes get stride 0). */
function bcast(b: NDArray, shape: readonly number[]): number[] {
  return shape.map((d, i) => (b.shape[i] === 1 && d !== 1 ? 0 : b._strides[i]!));
}

/** A JS number as the stored value of `dtype` (C casts: floats truncate toward zero; NaN and inf give INT64_MIN). */
function toCell(v: number, dtype: DType): number | bigint {
  if (!DTYPE_INFO[dtype].big) return v;
  return Number.isFinite(v) ? BigInt(Math.trunc(v)) : -(2n ** 63n);
}

/** r[i] = f(r[i], b[i]) in place, b broadcast against r (both read as numbers; b may be null). */
export function zipInPlace(r: NDArray, b: NDArray | null, f: (x: number, y: number) => number): void {
  const rd = r.data as unknown as Cells, dt = r.dtype;
  const bd = (b?.data ?? null) as unknown as Cells | null;
  const bs = b === null ? r.shape.map(() => 0) : bcast(b, r.shape);
  eachRun(r.shape, [r._strides, bs], [r._offset, b?._offset ?? 0], ([ro, bo], n, [rs, bsi]) => {
    for (let j = 0, p = ro!, q = bo!; j < n; j++, p += rs!, q += bsi!) rd[p] = toCell(f(Number(rd[p]!), bd === null ? 0 : Number(bd[q]!)), dt);
  });
}

/** ((x - m) ** 2) in dtype `dt`, laid out as NumPy's `subtract(x, m)` allocates it (m has keepdims shape). */
export function squaredDeviations(x: NDArray, m: NDArray, dt: DType): NDArray {
  const ms = bcast(m, x.shape);
  const strides = ufuncOutStrides(x.shape, [x._strides, ms]);
  const out = new DTYPE_INFO[dt].ctor(x.size);
  const md = m.data as unknown as ArrayLike<number>;
  if (DTYPE_INFO[x.dtype].big) {
    // int64/uint64 inputs: float64 deviations of the values converted as C casts them.
    const xd = x.data as unknown as ArrayLike<bigint>, od = out as Float64Array;
    eachRun(x.shape, [x._strides, ms, strides], [x._offset, m._offset, 0], ([xo, mo, oo], n, [xs, mss, os]) => {
      for (let j = 0, p = xo!, q = mo!, o = oo!; j < n; j++, p += xs!, q += mss!, o += os!) {
        const d = Number(xd[p]!) - md[q]!;
        od[o] = d * d;
      }
    });
  } else if (dt === "float32") {
    const xd = x.data as unknown as ArrayLike<number>, od = out as Float32Array;
    eachRun(x.shape, [x._strides, ms, strides], [x._offset, m._offset, 0], ([xo, mo, oo], n, [xs, mss, os]) => {
      for (let j = 0, p = xo!, q = mo!, o = oo!; j < n; j++, p += xs!, q += mss!, o += os!) {
        const d = Math.fround(xd[p]! - md[q]!);
        od[o] = d * d;
      }
    });
  } else {
    const xd = x.data as unknown as ArrayLike<number>, od = out as Float64Array;
    eachRun(x.shape, [x._strides, ms, strides], [x._offset, m._offset, 0], ([xo, mo, oo], n, [xs, mss, os]) => {
      for (let j = 0, p = xo!, q = mo!, o = oo!; j < n; j++, p += xs!, q += mss!, o += os!) {
        const d = xd[p]! - md[q]!;
        od[o] = d * d;
      }
    });
  }
  return new NDArray(out, dt, x.shape, strides);
}

/**
 * np.array(x, copy=True) with NaNs replaced by `val` (NumPy's _replace_nan), plus the NaN mask as a bool array of the
 * same layout.
 */
export function replaceNaN(x: NDArray, val: number): { arr: NDArray; mask: NDArray } {
  const strides = keepOrderStrides(x.shape, x._strides);
  const out = new DTYPE_INFO[x.dtype].ctor(x.size) as unknown as number[];
  const mask = new Uint8Array(x.size);
  const xd = x.data as unknown as number[];
  eachRun(x.shape, [x._strides, strides], [x._offset, 0], ([xo, oo], n, [xs, os]) => {
    for (let j = 0, p = xo!, o = oo!; j < n; j++, p += xs!, o += os!) {
      const v = xd[p]!;
      if (v !== v) {
        out[o] = val;
        mask[o] = 1;
      } else out[o] = v;
    }
  });
  return {
    arr: new NDArray(out as unknown as TypedArray, x.dtype, x.shape, strides),
    mask: new NDArray(mask, "bool", x.shape, strides),
  };
}
