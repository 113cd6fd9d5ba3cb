// take.ts — gathering and scattering by index: np.take, put, takeAlongAxis, putAlongAxis, compress, extract,
// choose and ix_, with NumPy 2.4's index modes ("raise", "wrap", "clip"), casting rules and messages.
// takeAlongAxis/putAlongAxis build NumPy's own fancy index and go through a[...] (src/ops/indexing.ts).

import { isOptions, pyType } from "../core/args.js";
import { asarray, castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, canCast, promoteTypes, type DType } from "../core/dtype.js";
import { IndexError, ValueError, normalizeAxis } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastStrides, isCContiguous, shapeRepr, shapeSize } from "../core/shape.js";
import { getItem, setItem } from "./indexing.js";
import { nonzero } from "./search.js";
import { AttributeError, arr, bind, cInt, contiguous, face, flat, indexInput, int64Of, numbersOf, truthOf, words, type Signature } from "./sort-util.js";

export type IndexMode = "raise" | "wrap" | "clip";

export interface TakeOptions {
  axis?: number | null;
  out?: NDArray | null;
  mode?: IndexMode;
}

const TAKE: Signature = { name: "take", params: ["a", "indices", "axis", "out", "mode"], required: 2 };
const PUT: Signature = { name: "put", params: ["a", "ind", "v", "mode"], required: 3 };
const TAKE_ALONG: Signature = { name: "take_along_axis", params: ["arr", "indices", "axis"], required: 2 };
const PUT_ALONG: Signature = { name: "put_along_axis", params: ["arr", "indices", "values", "axis"], required: 4 };
const COMPRESS: Signature = { name: "compress", params: ["condition", "a", "axis", "out"], required: 2 };
const EXTRACT: Signature = { name: "extract", params: ["condition", "arr"], required: 2 };
const CHOOSE: Signature = { name: "choose", params: ["a", "choices", "out", "mode"], required: 2 };

/** NumPy's clipmode converter: the exact names, or the C enum's ints (0 clip, 1 wrap, others raise). */
function modeOf(m: unknown): IndexMode {
  if (m === undefined || m === null || m === "raise") return "raise";
  if (m === "wrap") return "wrap";
  if (m === "clip") return "clip";
  if (typeof m === "string") {
    if (/^[cCrRwW]/.test(m)) throw new ValueError("Use one of 'clip', 'raise', or 'wrap' for clip mode");
    throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got '${m}')`);
  }
  const int = (typeof m === "number" && Number.isInteger(m)) || typeof m === "bigint" || (m instanceof NDArray && m.ndim === 0 && "iu".includes(DTYPE_INFO[m.dtype].kind));
  if (!int) throw new TypeError("clipmode not understood");
  const v = m instanceof NDArray ? Number(m.item()) : Number(m);
  return v === 0 ? "clip" : v === 1 ? "wrap" : "raise";
}

/** NumPy's output-array converter: None or an ndarray. */
function outOf(out: unknown): NDArray | null {
  if (out === undefined || out === null) return null;
  if (!(out instanceof NDArray)) throw new TypeError("output must be an array");
  return out;
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
  const o = bind(TAKE, arguments);
  const x0 = arr(o.a as ArrayLike);
  const axisArg = o.axis === undefined || o.axis === null ? null : cInt(o.axis, "axis");
  const dest = outOf(o.out);
  const m = modeOf(o.mode);
  const x = axisArg === null ? flat(x0) : x0;
  const ax = axisArg === null ? 0 : normalizeAxis(axisArg, x.ndim);
  const ind = indexInput(o.indices as ArrayLike, "same_kind", true);
  const n = x.shape[ax]!;
  const shape = [...x.shape.slice(0, ax), ...ind.shape, ...x.shape.slice(ax + 1)];
  if (dest !== null) {
    if (dest.ndim !== shape.length || dest.shape.some((d, i) => d !== shape[i])) throw new ValueError("output array does not match result of ndarray.take");
    if (!canCast(dest.dtype, x.dtype, "safe")) throw new TypeError(`Cannot cast array data from dtype('${dest.dtype}') to dtype('${x.dtype}') according to the rule 'safe'`);
    if (!dest._writeable) throw new ValueError("output array is read-only");
  }
  const iv = indexValues(ind);
  if (n === 0 && iv.length > 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
  const pos = new Float64Array(iv.length);
  for (let i = 0; i < iv.length; i++) {
    const r = resolve(iv[i]!, n, m);
    if (r === null) throw new IndexError(`index ${iv[i]} is out of bounds for axis ${ax} with size ${n}`);
    pos[i] = r;
  }
  const outer = shapeSize(x.shape.slice(0, ax)), inner = shapeSize(x.shape.slice(ax + 1));
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
  if (dest !== null) {
    copyInto(dest, res);
    return dest;
  }
  return face(res, x0);
}

/** np.put(a, ind, v, mode='raise'): a.flat[ind] = v, v repeated as needed; validated before any write. */
export function put(a: NDArray, ind: ArrayLike, v: ArrayLike, mode?: IndexMode | { mode?: IndexMode }): void {
  const o = bind(PUT, arguments);
  a = o.a as NDArray;
  if (!(a instanceof NDArray)) throw new TypeError(`argument 1 must be numpy.ndarray, not <class '${pyType(a)}'>`);
  const m = modeOf(o.mode);
  if (!a._writeable) throw new ValueError("put: output array is read-only");
  const iv = indexValues(indexInput(o.ind as ArrayLike, "safe", true));
  const vals = castCopy(asarray(o.v as ArrayLike), a.dtype);
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
function alongAxisIndex(shape: readonly number[], ind: NDArray, axis: number): NDArray[] {
  if (shape.length !== ind.ndim) throw new ValueError("`indices` and `arr` must have the same number of dimensions");
  return shape.map((n, d) => {
    if (d === axis) return ind;
    const s = shape.map(() => 1);
    s[d] = n;
    return int64Of(Array.from({ length: n }, (_, i) => i), s);
  });
}

/** The indices of take/put_along_axis: an integer array (JS lists of integral numbers count as ints). */
function alongIndices(indices: ArrayLike): NDArray {
  const ind = asarray(indices);
  const kind = DTYPE_INFO[ind.dtype].kind;
  if (kind === "i" || kind === "u") return ind;
  const jsInts = !(indices instanceof NDArray) && ind.dtype === "float64" && [...numbersOf(ind)].every(Number.isInteger);
  if (!jsInts) throw new IndexError("`indices` must be an integer array");
  return indexInput(indices, "same_kind", false);
}

/** np.take_along_axis(arr, indices, axis=-1): arr[fancy index along axis]. */
export function takeAlongAxis(a: ArrayLike, indices: ArrayLike, axis?: number | null | { axis?: number | null }): NDArray {
  const o = bind(TAKE_ALONG, arguments);
  const axisArg = o.axis === null ? null : cInt(o.axis ?? -1, "arg");
  let x = arr(o.arr as ArrayLike), ax: number;
  const ind = asarray(o.indices as ArrayLike);
  if (axisArg === null) {
    if (ind.ndim !== 1) throw new ValueError("when axis=None, `indices` must have a single dimension.");
    x = flat(x);
    ax = 0;
  } else ax = normalizeAxis(axisArg, x.ndim);
  return face(getItem(x, alongAxisIndex(x.shape, alongIndices(o.indices as ArrayLike), ax)), x, ind);
}

/** np.put_along_axis(arr, indices, values, axis): arr[fancy index along axis] = values, in place. */
export function putAlongAxis(a: NDArray, indices: ArrayLike, values: ArrayLike, axis: number | null | { axis?: number | null }): void {
  const o = bind(PUT_ALONG, arguments);
  a = o.arr as NDArray;
  if (!(a instanceof NDArray)) throw new AttributeError(`'${pyType(a)}' object has no attribute 'ndim'`);
  const axisArg = o.axis === null ? null : cInt(o.axis, "arg");
  const ind = asarray(o.indices as ArrayLike);
  if (axisArg === null) {
    if (ind.ndim !== 1) throw new ValueError("when axis=None, `indices` must have a single dimension.");
    // arr.flat[...] = values. NumPy's flat iterator refuses fancy assignment unless arr is C-contiguous.
    if (!isCContiguous(a.shape, a._strides)) throw new ValueError("assignment destination is read-only");
    const f = castCopy(a, a.dtype);
    const f1 = new NDArray(f.data, f.dtype, [f.size]);
    setItem(f1, alongAxisIndex(f1.shape, alongIndices(o.indices as ArrayLike), 0), o.values as ArrayLike);
    if (!a._writeable) throw new ValueError("assignment destination is read-only");
    copyInto(a, f);
    return;
  }
  const ax = normalizeAxis(axisArg, a.ndim);
  setItem(a, alongAxisIndex(a.shape, alongIndices(o.indices as ArrayLike), ax), o.values as ArrayLike);
}

/** np.compress(condition, a, axis=None): the slices of a where the 1-d condition is true. */
export function compress(condition: ArrayLike, a: ArrayLike, axis?: number | null | TakeOptions, out?: NDArray | null | TakeOptions): NDArray {
  const o = bind(COMPRESS, arguments);
  const x = arr(o.a as ArrayLike);
  const axisArg = o.axis === undefined || o.axis === null ? null : cInt(o.axis, "axis");
  outOf(o.out);
  if (axisArg !== null) normalizeAxis(axisArg, x.ndim);
  const c = asarray(o.condition as ArrayLike);
  if (c.ndim !== 1) throw new ValueError("condition must be a 1-d array");
  return take(x, nonzero(c)[0]!, { axis: axisArg, out: (o.out ?? null) as NDArray | null });
}

/** np.extract(condition, arr): ravel(arr) where ravel(condition) is true. */
export function extract(condition: ArrayLike, a: ArrayLike): NDArray {
  const o = bind(EXTRACT, arguments);
  [condition, a] = [o.condition as ArrayLike, o.arr as ArrayLike];
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
  const o = bind(CHOOSE, arguments);
  a = o.a as ArrayLike;
  const ch = o.choices;
  const dest = outOf(o.out);
  const m = modeOf(o.mode);
  if (ch instanceof NDArray && ch.ndim === 0) throw new TypeError("iteration over a 0-d array");
  if (!(ch instanceof NDArray) && !Array.isArray(ch) && typeof ch !== "string") throw new TypeError(pyType(ch) === "dict" ? "dict is not a sequence" : `'${pyType(ch)}' object is not iterable`);
  const list: NDArray[] = ch instanceof NDArray ? Array.from({ length: ch.shape[0]! }, (_, i) => getItem(ch, [i])) : [...(ch as Iterable<unknown>)].map((c) => asarray(c as ArrayLike));
  if (list.length === 0) throw new ValueError("0-length sequence.");
  const ind = indexInput(a, "safe", false);
  let dtype: DType = list[0]!.dtype;
  for (const c of list) dtype = promoteTypes(dtype, c.dtype);
  const shape = broadcastArgs([...list.map((c) => c.shape), ind.shape]);
  if (dest !== null && (dest.ndim !== shape.length || dest.shape.some((d, i) => d !== shape[i]))) throw new TypeError("choose: invalid shape for output array.");
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
  if (dest !== null) {
    copyInto(dest, res);
    return dest;
  }
  return face(res, ind, ...list);
}

/** np.ix_(*args): open-mesh index arrays, the i-th shaped (1, …, n_i, …, 1); boolean inputs become their nonzero. */
export function ix_(...args: ArrayLike[]): NDArray[] {
  const last = args.at(-1);
  if (isOptions(last)) {
    const k = Object.keys(last).find((key) => last[key] !== undefined);
    if (k !== undefined) throw new TypeError(`ix_() got an unexpected keyword argument '${k}'`);
    args = args.slice(0, -1);
  }
  const nd = args.length;
  return args.map((v, i) => {
    if (!Array.isArray(v) && !(v instanceof NDArray) && !ArrayBuffer.isView(v)) throw new ValueError("Cross index must be 1 dimensional");
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
