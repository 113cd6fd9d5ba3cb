// reduce-stats.ts — the elementwise passes behind mean/var/std and the nan-functions, with the temporaries laid
// out in memory as NumPy lays them out (np.array(..., copy=True) keeps order 'K'; a ufunc allocates its output in
// iteration order), because the layout decides the order in which the following float sum adds.

import { DTYPE_INFO, type DType, type TypedArray } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { keepOrderStrides, ufuncOutStrides } from "./reduce-plan.js";

type Nums = { [i: number]: number; readonly length: number };

/**
 * The innermost runs of `shape` in C order, with every operand's offset at the start of the current run. Loops read
 * `offs`, `n` and `inner` and call next() (no callback per run, so each loop keeps its own type feedback).
 * A 0-d shape is one run of one element; a size-0 shape has none (`done` from the start).
 */
export class Runs {
  readonly n: number;
  readonly inner: number[];
  readonly offs: number[];
  done: boolean;
  private readonly idx: number[];
  constructor(private readonly shape: readonly number[], private readonly strides: readonly (readonly number[])[], offsets: readonly number[]) {
    const nd = shape.length;
    this.offs = [...offsets];
    this.n = nd === 0 ? 1 : shape[nd - 1]!;
    this.inner = strides.map((s) => (nd === 0 ? 0 : s[nd - 1]!));
    this.idx = new Array<number>(nd).fill(0);
    this.done = shape.some((d) => d === 0);
  }
  next(): boolean {
    const { shape, strides, idx, offs } = this;
    for (let d = shape.length - 2; d >= 0; d--) {
      const step = ++idx[d]! < shape[d]!;
      for (let k = 0; k < offs.length; k++) offs[k]! += step ? strides[k]![d]! : -strides[k]![d]! * (shape[d]! - 1);
      if (step) return true;
      idx[d] = 0;
    }
    this.done = true;
    return false;
  }
}

/**
 * Scratch storage for the temporaries of var/std and the nan-functions, which never escape the call that makes
 * them. Large fresh ArrayBuffers cost a page fault per 4 KiB on first touch (NumPy gets huge pages by madvise);
 * keeping the last buffer of each kind (weakly, so the GC may still take it) makes repeated calls touch warm memory.
 */
const POOL = new Map<Function, WeakRef<TypedArray>>();
const POOL_MIN = 1 << 16;

export function scratch<T extends TypedArray>(ctor: { new (n: number): T }, n: number): T {
  if (n < POOL_MIN) return new ctor(n);
  let buf = POOL.get(ctor)?.deref() as T | undefined;
  if (buf === undefined || buf.length < n) {
    buf = new ctor(n);
    POOL.set(ctor, new WeakRef(buf));
  }
  return buf.subarray(0, n) as T;
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

/**
 * r[i] = f(r[i], b[i]) in place, b broadcast against r (both read as numbers; b may be null). For results and other
 * small arrays; the full-size passes below have their own loops.
 */
export function zipInPlace(r: NDArray, b: NDArray | null, f: (x: number, y: number) => number): void {
  const rd = r.data as unknown as (number | bigint)[], dt = r.dtype;
  const bd = (b?.data ?? null) as unknown as (number | bigint)[] | null;
  const it = new Runs(r.shape, [r._strides, b === null ? r.shape.map(() => 0) : bcast(b, r.shape)], [r._offset, b?._offset ?? 0]);
  const [rs, bs] = it.inner as [number, number];
  if (!it.done)
    do {
      for (let j = 0, p = it.offs[0]!, q = it.offs[1]!; j < it.n; j++, p += rs, q += bs) rd[p] = toCell(f(Number(rd[p]!), bd === null ? 0 : Number(bd[q]!)), dt);
    } while (it.next());
}

/**
 * ((x - m) ** 2) in dtype `dt`, laid out as NumPy's `subtract(x, m)` allocates it (m has keepdims shape). In scratch
 * storage: reduce it before the next call.
 */
export function squaredDeviations(x: NDArray, m: NDArray, dt: DType): NDArray {
  const ms = bcast(m, x.shape);
  const strides = ufuncOutStrides(x.shape, [x._strides, ms]);
  const out = scratch(DTYPE_INFO[dt].ctor as { new (n: number): TypedArray }, x.size);
  const it = new Runs(x.shape, [x._strides, ms, strides], [x._offset, m._offset, 0]);
  const [xs, mss, os] = it.inner as [number, number, number];
  const md = m.data as unknown as Nums, od = out as unknown as Nums;
  if (it.done) return new NDArray(out, dt, x.shape, strides);
  if (DTYPE_INFO[x.dtype].big) {
    // int64/uint64 inputs: float64 deviations of the values converted as C casts them.
    const xd = x.data as unknown as ArrayLike<bigint>;
    do {
      for (let j = 0, p = it.offs[0]!, q = it.offs[1]!, o = it.offs[2]!; j < it.n; j++, p += xs, q += mss, o += os) {
        const d = Number(xd[p]!) - md[q]!;
        od[o] = d * d;
      }
    } while (it.next());
  } else if (dt === "float32") {
    const xd = x.data as unknown as Nums;
    do {
      for (let j = 0, p = it.offs[0]!, q = it.offs[1]!, o = it.offs[2]!; j < it.n; j++, p += xs, q += mss, o += os) {
        const d = Math.fround(xd[p]! - md[q]!);
        od[o] = d * d;
      }
    } while (it.next());
  } else {
    const xd = x.data as unknown as Nums;
    do {
      for (let j = 0, p = it.offs[0]!, q = it.offs[1]!, o = it.offs[2]!; j < it.n; j++, p += xs, q += mss, o += os) {
        const d = xd[p]! - md[q]!;
        od[o] = d * d;
      }
    } while (it.next());
  }
  return new NDArray(out, dt, x.shape, strides);
}

/**
 * np.array(x, copy=True) with NaNs replaced by `val` (NumPy's _replace_nan), plus the NaN mask as a bool array of the
 * same layout. Both live in scratch storage: use them before the next call.
 */
export function replaceNaN(x: NDArray, val: number): { arr: NDArray; mask: NDArray } {
  const strides = keepOrderStrides(x.shape, x._strides);
  const out = scratch(DTYPE_INFO[x.dtype].ctor as { new (n: number): TypedArray }, x.size) as unknown as Nums;
  const mask = scratch(Uint8Array, x.size).fill(0);
  const xd = x.data as unknown as Nums;
  const it = new Runs(x.shape, [x._strides, strides], [x._offset, 0]);
  const [xs, os] = it.inner as [number, number];
  if (!it.done)
    do {
      for (let j = 0, p = it.offs[0]!, o = it.offs[1]!; j < it.n; j++, p += xs, o += os) {
        const v = xd[p]!;
        if (v === v) out[o] = v;
        else {
          out[o] = val;
          mask[o] = 1;
        }
      }
    } while (it.next());
  return {
    arr: new NDArray(out as unknown as TypedArray, x.dtype, x.shape, strides),
    mask: new NDArray(mask, "bool", x.shape, strides),
  };
}

/** nanvar's deviation pass, in place over the NaN-free copy: a = masked ? 0 : (a - m) ** 2, each step in a's dtype. */
export function nanSquaredDeviations(a: NDArray, mask: NDArray, m: NDArray): void {
  const ad = a.data as unknown as Nums, md = m.data as unknown as Nums, kd = mask.data as Uint8Array;
  const f32 = a.dtype === "float32";
  const it = new Runs(a.shape, [a._strides, bcast(m, a.shape)], [a._offset, m._offset]);
  const [as, ms] = it.inner as [number, number];
  if (!it.done)
    do {
      for (let j = 0, p = it.offs[0]!, q = it.offs[1]!; j < it.n; j++, p += as, q += ms) {
        const d = f32 ? Math.fround(ad[p]! - md[q]!) : ad[p]! - md[q]!;
        ad[p] = kd[p] ? 0 : d * d;
      }
    } while (it.next());
}
