// take.ts — gathering and scattering by index: np.take, put, takeAlongAxis, putAlongAxis, compress, extract,
// choose and ix_, with NumPy 2.4's index modes ("raise", "wrap", "clip"), casting rules and messages.
// takeAlongAxis/putAlongAxis build NumPy's own fancy index and go through a[...] (src/ops/indexing.ts).

import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes, type DType } from "../core/dtype.js";
import { IndexError, ValueError, normalizeAxis } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastStrides, isCContiguous, shapeRepr, shapeSize } from "../core/shape.js";
import { getItem, setItem } from "./indexing.js";
import { nonzero } from "./search.js";
import { arr, argsOf, contiguous, face, flat, indexInput, int64Of, numbersOf, truthOf, words } from "./sort-util.js";

export type IndexMode = "raise" | "wrap" | "clip";

export interface TakeOptions {
  axis?: number | null;
  out?: NDArray | null;
  mode?: IndexMode;
}

function modeOf(m: unknown): IndexMode {
  if (m === undefined || m === null) return "raise";
  if (typeof m === "string") {
    const c = m[0]?.toLowerCase();
    if (c === "r") return "raise";
    if (c === "w") return "wrap";
    if (c === "c") return "clip";
  }
  throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${String(m)}')`);
}

/** Resolve index i into [0, n) under `mode`; null when it is out of bounds in raise mode. */
function resolve(i: number, n: number, mode: IndexMode): number | null {
  if (mode === "raise") return i < -n || i >= n ? null : i < 0 ? i + n : i;
  if (mode === "wrap") return ((i % n) + n) % n;
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/** Copy `count` elements' worth of words from src (contiguous, element offset s) into dst (element offset d). */
function copyElems(dw: globalThis.ArrayLike<number> & { [i: number]: number }, d: number, sw: globalThis.ArrayLike<number>, s: number, count: number, k: number): void {
  const a = d * k, b = s * k, n = count * k;
  for (let q = 0; q < n; q++) dw[a + q] = sw[b + q]!;
}

/** Integer indices as JS numbers, C order (int64 beyond 2^53 round, which only matters in messages). */
function indexValues(ind: NDArray): Float64Array {
  return numbersOf(ind);
}

/** np.take(a, indices, axis=None, out=None, mode='raise'). */
export function take(a: ArrayLike, indices: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions, mode?: IndexMode | TakeOptions): NDArray {
  const o = argsOf([axis, out, mode], ["axis", "out", "mode"]);
  const x0 = arr(a);
  const ind = indexInput(indices, "same_kind", true);
  const m = modeOf(o.mode);
  const x = o.axis === undefined || o.axis === null ? flat(x0) : x0;
  const ax = o.axis === undefined || o.axis === null ? 0 : normalizeAxis(o.axis as number, x.ndim);
  const n = x.shape[ax]!;
  const iv = indexValues(ind);
  if (n === 0 && iv.length > 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
  const pos = new Float64Array(iv.length);
  for (let i = 0; i < iv.length; i++) {
    const r = resolve(iv[i]!, n, m);
    if (r === null) throw new IndexError(`index ${iv[i]} is out of bounds for axis ${ax} with size ${n}`);
    pos[i] = r;
  }
  const outer = shapeSize(x.shape.slice(0, ax)), inner = shapeSize(x.shape.slice(ax + 1));
  const shape = [...x.shape.slice(0, ax), ...ind.shape, ...x.shape.slice(ax + 1)];
  const res = empty(shape, x.dtype);
  if (res.size > 0) {
    const c = contiguous(x);
    const { w: sw, k } = words(c.data), dw = words(res.data).w as Uint32Array;
    if (inner === 1 && k === 1)
      for (let p = 0, d = 0; p < outer; p++) {
        const base = c._offset + p * n;
        for (let i = 0; i < pos.length; i++, d++) dw[d] = sw[base + pos[i]!]!;
      }
    else if (inner === 1 && k === 2)
      for (let p = 0, d = 0; p < outer; p++) {
        const base = c._offset + p * n;
        for (let i = 0; i < pos.length; i++, d += 2) {
          const q = 2 * (base + pos[i]!);
          dw[d] = sw[q]!;
          dw[d + 1] = sw[q + 1]!;
        }
      }
    else
      for (let p = 0, d = 0; p < outer; p++)
        for (let i = 0; i < pos.length; i++, d += inner) copyElems(dw as never, d, sw, c._offset + (p * n + pos[i]!) * inner, inner, k);
  }
  const dest = (o.out ?? null) as NDArray | null;
  if (dest !== null) {
    if (dest.ndim !== res.ndim || dest.shape.some((d, i) => d !== res.shape[i])) throw new ValueError("output array does not match result of ndarray.take");
    copyInto(dest, res);
    return dest;
  }
  return face(res, x0);
}

/** np.put(a, ind, v, mode='raise'): a.flat[ind] = v, v repeated as needed; validated before any write. */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, mode?: IndexMode | { mode?: IndexMode }): void {
  const o = argsOf([mode], ["mode"]);
  if (!(a instanceof NDArray)) throw new TypeError(`argument 1 must be numpy.ndarray, not ${Array.isArray(a) ? "list" : typeof a}`);
  const m = modeOf(o.mode);
  if (!a._writeable) throw new ValueError("put: output array is read-only");
  const iv = indexValues(indexInput(ind, "safe", true));
  const vals = castCopy(asarray(v), a.dtype);
  const nv = vals.size, n = a.size;
  if (nv === 0 || iv.length === 0) return;
  if (n === 0) throw new IndexError("cannot replace elements of an empty array");
  const pos = new Float64Array(iv.length);
  for (let i = 0; i < iv.length; i++) {
    const r = resolve(iv[i]!, n, m);
    if (r === null) throw new IndexError(`index ${iv[i]} is out of bounds for axis 0 with size ${n}`);
    pos[i] = r;
  }
  // Element offset of each C-order position of a (any strides).
  const offsets = flatOffsets(a);
  const { w: dw, k } = words(a.data), sw = words(vals.data).w;
  for (let i = 0; i < pos.length; i++) copyElems(dw as never, offsets[pos[i]!]!, sw, i % nv, 1, k);
}

/** Element offsets into a.data of a's elements in C order. */
function flatOffsets(a: NDArray): Float64Array {
  const n = a.size, nd = a.ndim, out = new Float64Array(n);
  const idx = new Array<number>(nd).fill(0);
  let off = a._offset;
  for (let i = 0; i < n; i++) {
    out[i] = off;
    for (let d = nd - 1; d >= 0; d--) {
      off += a._strides[d]!;
      if (++idx[d]! < a.shape[d]!) break;
      off -= a._strides[d]! * a.shape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/** NumPy's _make_along_axis_idx: aranges on every other axis, `indices` on `axis`. */
function alongAxisIndex(shape: readonly number[], indices: ArrayLike, axis: number): NDArray[] {
  const ind = asarray(indices);
  const integral = DTYPE_INFO[ind.dtype].kind === "i" || DTYPE_INFO[ind.dtype].kind === "u";
  const jsInts = !(indices instanceof NDArray) && ind.dtype === "float64" && [...numbersOf(ind)].every(Number.isInteger);
  if (!integral && !jsInts) throw new IndexError("`indices` must be an integer array");
  const idx = jsInts ? ind.astype("int64") : ind;
  if (shape.length !== idx.ndim) throw new ValueError("`indices` and `arr` must have the same number of dimensions");
  return shape.map((n, d) => {
    if (d === axis) return idx;
    const s = shape.map(() => 1);
    s[d] = n;
    return int64Of(Array.from({ length: n }, (_, i) => i), s);
  });
}

/** np.take_along_axis(arr, indices, axis=-1): arr[fancy index along axis]. */
export function takeAlongAxis(a: ArrayLike, indices: ArrayLike, axis?: number | null | { axis?: number | null }): NDArray {
  const o = argsOf([axis], ["axis"]);
  let x = arr(a), ax: number;
  if (o.axis === null) {
    if (asarray(indices).ndim !== 1) throw new ValueError("when axis=None, `indices` must have a single dimension.");
    x = flat(x);
    ax = 0;
  } else ax = normalizeAxis(o.axis === undefined ? -1 : (o.axis as number), x.ndim);
  return face(getItem(x, alongAxisIndex(x.shape, indices, ax)), a, indices);
}

/** np.put_along_axis(arr, indices, values, axis): arr[fancy index along axis] = values, in place. */
export function putAlongAxis(a: NDArray, indices: ArrayLike, values: ArrayLike, axis: number | null | { axis?: number | null }): void {
  const o = argsOf([axis], ["axis"]);
  if (o.axis === null) {
    if (asarray(indices).ndim !== 1) throw new ValueError("when axis=None, `indices` must have a single dimension.");
    // arr.flat[...] = values. NumPy's flat iterator refuses fancy assignment unless arr is C-contiguous.
    if (!isCContiguous(a.shape, a._strides)) throw new ValueError("assignment destination is read-only");
    const f = castCopy(a, a.dtype);
    const f1 = new NDArray(f.data, f.dtype, [f.size]);
    setItem(f1, alongAxisIndex(f1.shape, indices, 0), values);
    if (!a._writeable) throw new ValueError("assignment destination is read-only");
    copyInto(a, f);
    return;
  }
  const ax = normalizeAxis(o.axis as number, a.ndim);
  setItem(a, alongAxisIndex(a.shape, indices, ax), values);
}

/** np.compress(condition, a, axis=None): the slices of a where the 1-d condition is true. */
export function compress(condition: ArrayLike, a: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions): NDArray {
  const o = argsOf([axis, out], ["axis", "out"]);
  const c = asarray(condition);
  if (c.ndim !== 1) throw new ValueError("condition must be a 1-d array");
  return take(a, nonzero(c)[0]!, { axis: (o.axis ?? null) as number | null, out: (o.out ?? null) as NDArray | null });
}

/** np.extract(condition, arr): ravel(arr) where ravel(condition) is true. */
export function extract(condition: ArrayLike, a: ArrayLike): NDArray {
  const t = truthOf(asarray(condition));
  const idx: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i]) idx.push(i);
  return take(flat(arr(a)), int64Of(idx, [idx.length]));
}

/** The broadcast shape of several arrays with np.broadcast's message ("Mismatch is between arg i ... and arg j"). */
function broadcastArgs(shapes: readonly (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1), setter = new Array<number>(nd).fill(-1);
  for (let i = 0; i < nd; i++)
    shapes.forEach((s, j) => {
      const k = i + s.length - nd;
      if (k < 0 || s[k] === 1) return;
      if (out[i] === 1) {
        out[i] = s[k]!;
        setter[i] = j;
      } else if (out[i] !== s[k])
        throw new ValueError(
          `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${setter[i]} with shape ${shapeRepr(shapes[setter[i]!]!)} and arg ${j} with shape ${shapeRepr(s)}.`,
        );
    });
  return out;
}

/** np.choose(a, choices, out=None, mode='raise'): out[i] = choices[a[i]][i], everything broadcast together. */
export function choose(a: ArrayLike, choices: ArrayLike | readonly ArrayLike[], out?: NDArray | null | { out?: NDArray | null; mode?: IndexMode }, mode?: IndexMode | { mode?: IndexMode }): NDArray {
  const o = argsOf([out, mode], ["out", "mode"]);
  const m = modeOf(o.mode);
  const list: NDArray[] =
    choices instanceof NDArray ? Array.from({ length: choices.shape[0] ?? 0 }, (_, i) => getItem(choices, [i])) : (choices as readonly ArrayLike[]).map((c) => asarray(c));
  if (list.length === 0) throw new ValueError("0-length sequence.");
  const ind = indexInput(a, "safe", false);
  let dtype: DType = list[0]!.dtype;
  for (const c of list) dtype = promoteTypes(dtype, c.dtype);
  const shape = broadcastArgs([...list.map((c) => c.shape), ind.shape]);
  const n = shapeSize(shape), nc = list.length;
  const bc = (x: NDArray, dt: DType): NDArray => {
    const b = new NDArray(x.data, x.dtype, shape, broadcastStrides(x.shape, x._strides, shape), x._offset);
    return castCopy(b, dt);
  };
  const sel = numbersOf(bc(ind, "int64"));
  const cs = list.map((c) => bc(c, dtype));
  const res = empty(shape, dtype);
  const { w: dw, k } = words(res.data), cw = cs.map((c) => words(c.data).w);
  for (let i = 0; i < n; i++) {
    const r = resolve(sel[i]!, nc, m);
    if (r === null || (m === "raise" && sel[i]! < 0)) throw new ValueError("invalid entry in choice array");
    copyElems(dw as never, i, cw[r]!, i, 1, k);
  }
  const dest = (o.out ?? null) as NDArray | null;
  if (dest !== null) {
    copyInto(dest, res);
    return dest;
  }
  return face(res, a, ...list);
}

/** np.ix_(*args): open-mesh index arrays, the i-th shaped (1, …, n_i, …, 1); boolean inputs become their nonzero. */
export function ix_(...args: ArrayLike[]): NDArray[] {
  const nd = args.length;
  if (nd === 0) throw new IndexError("list index out of range"); // NumPy 2.4's ix_() indexes its empty argument list
  return args.map((v, i) => {
    let x = asarray(v);
    if (!(v instanceof NDArray) && (x.size === 0 || (x.dtype === "float64" && [...numbersOf(x)].every(Number.isInteger)))) x = x.astype("int64");
    if (x.ndim !== 1) throw new ValueError("Cross index must be 1 dimensional");
    if (x.dtype === "bool") x = nonzero(x)[0]!;
    const shape = new Array<number>(nd).fill(1);
    shape[i] = x.size;
    const c = contiguous(x);
    const r = new NDArray(c.data, c.dtype, shape, undefined, c._offset, c, c._writeable);
    r._tensor = x._tensor;
    return r;
  });
}

// ---- methods ----------------------------------------------------------------------------------------------

declare module "../core/ndarray.js" {
  interface NDArray {
    take(indices: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions, mode?: IndexMode | TakeOptions): NDArray;
    put(ind: ArrayLike, v: ArrayLike, mode?: IndexMode | { mode?: IndexMode }): void;
    compress(condition: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions): NDArray;
    choose(choices: ArrayLike | readonly ArrayLike[], out?: NDArray | null | { out?: NDArray | null; mode?: IndexMode }, mode?: IndexMode | { mode?: IndexMode }): NDArray;
  }
}

Object.assign(NDArray.prototype, {
  take(this: NDArray, indices: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions, mode?: IndexMode | TakeOptions) {
    return take(this, indices, axis, out, mode);
  },
  put(this: NDArray, ind: ArrayLike, v: ArrayLike, mode?: IndexMode | { mode?: IndexMode }) {
    put(this, ind, v, mode);
  },
  compress(this: NDArray, condition: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions) {
    return compress(condition, this, axis, out);
  },
  choose(this: NDArray, choices: ArrayLike | readonly ArrayLike[], out?: NDArray | null | { out?: NDArray | null; mode?: IndexMode }, mode?: IndexMode | { mode?: IndexMode }) {
    return choose(this, choices, out, mode);
  },
});
