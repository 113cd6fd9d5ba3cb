// histogram.ts — counting into bins: np.bincount, histogram (int, edges or estimator-name bins; range; density;
// weights), histogramBinEdges and digitize. The histogram follows lib/_histograms_impl.py step by step — including
// the dtype of every intermediate (float32 data with a Python-float range stays float32, NEP 50) and the 65536
// blocks of the weighted sums — so bin assignments and sums are NumPy's bit for bit.

import { asarray, castCopy, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes, type DType } from "../core/dtype.js";
import { checkAlloc, intArg, pyTruth, pyType } from "../core/args.js";
import { IndexError, OverflowError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { argsortLane } from "../kernels/sort.js";
import { searchsorted } from "./sort.js";
import { arr, bind, face, flat, indexInput, int64Of, numbersOf, pyFloat, type Signature } from "./sort-util.js";

export interface BincountOptions {
  weights?: ArrayLike | null;
  minlength?: number | null;
}

const BINCOUNT: Signature = { name: "bincount", params: ["x", "weights", "minlength"], required: 1, positionalOnly: 1 };
const HISTOGRAM: Signature = { name: "histogram", params: ["a", "bins", "range", "density", "weights"], required: 1 };
const HISTOGRAM_BIN_EDGES: Signature = { name: "histogram_bin_edges", params: ["a", "bins", "range", "weights"], required: 1 };
const DIGITIZE: Signature = { name: "digitize", params: ["x", "bins", "right"], required: 2 };

/** A 1-d input as PyArray_FromAny(op, 1, 1) takes it, with its depth errors (a nested JS list is "a sequence"). */
function oneD(v: NDArray, given: unknown): NDArray {
  if (v.ndim === 0) throw new ValueError("object of too small depth for desired array");
  if (v.ndim > 1) {
    if (given instanceof NDArray) throw new ValueError("object too deep for desired array");
    throw new ValueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
  }
  return v;
}

/** bincount's minlength: an int (bools refused), None refused with NumPy's hint. */
function minlengthArg(v: unknown): number {
  if (v === undefined) return 0;
  if (v === null) throw new TypeError("use 0 instead of None for minlength");
  if (typeof v === "boolean") throw new TypeError("an integer is required");
  return intArg(v);
}

/** np.bincount(x, /, weights=None, minlength=0): occurrences of each non-negative integer (weighted sums). */
export function bincount(x: ArrayLike, weights?: ArrayLike | null | BincountOptions, minlength?: number | null | BincountOptions): NDArray {
  const o = bind(BINCOUNT, arguments);
  x = o.x as ArrayLike;
  const minlen = minlengthArg(o.minlength);
  // bincount casts uint64 input to intp (values past int64 come out negative), unlike put and choose.
  const xs = oneD(indexInput(x instanceof NDArray && x.dtype === "uint64" ? castCopy(x, "int64") : x, "safe", true), x);
  if (minlen < 0) throw new ValueError("'minlength' must not be negative");
  const v = numbersOf(xs);
  let hi = -1;
  for (let i = 0; i < v.length; i++) {
    if (v[i]! < 0) throw new ValueError("'list' argument must have no negative elements");
    if (v[i]! > hi) hi = v[i]!;
  }
  const len = Math.max(hi + 1, minlen);
  const hasWeights = o.weights !== undefined && o.weights !== null;
  const w = hasWeights ? oneD(asarray(o.weights as ArrayLike), o.weights) : null;
  if (w !== null && w.size !== v.length) throw new ValueError("The weights and list don't have the same length.");
  checkAlloc([len], w === null ? "int64" : "float64");
  if (w === null) {
    const c = new Float64Array(len);
    for (let i = 0; i < v.length; i++) c[v[i]!]++;
    return face(int64Of(c, [len]), x);
  }
  const wv = numbersOf(w);
  const out = empty([len], "float64"), d = out.data as Float64Array;
  for (let i = 0; i < v.length; i++) d[v[i]!] += wv[i]!;
  return face(out, x, w);
}

// ---- scalars with NumPy types ---------------------------------------------------------------------------

/** A scalar as histogram's code holds it: a NumPy scalar of some dtype (strong) or a Python int/float (weak). */
interface Sc {
  v: number;
  t: DType | "pyint" | "pyfloat";
}

const isWeak = (s: Sc): boolean => s.t === "pyint" || s.t === "pyfloat";
const kindOf = (t: DType): string => DTYPE_INFO[t].kind;
const round = (v: number, t: DType): number => (t === "float32" ? Math.fround(v) : v);

/** np.result_type of scalars under NEP 50 (Python scalars weak). */
function resultType(...xs: (Sc | DType)[]): DType {
  let strong: DType | null = null, weak: "pyint" | "pyfloat" | null = null;
  for (const x of xs) {
    if (typeof x === "string") strong = strong === null ? x : promoteTypes(strong, x);
    else if (isWeak(x)) weak = weak === "pyfloat" || x.t === "pyfloat" ? "pyfloat" : "pyint";
    else strong = strong === null ? (x.t as DType) : promoteTypes(strong, x.t as DType);
  }
  if (strong === null) return weak === "pyfloat" ? "float64" : "int64";
  if (weak === "pyfloat" && kindOf(strong) !== "f") return "float64";
  if (weak === "pyint" && kindOf(strong) === "b") return "int64";
  return strong;
}

const UNSIGNED: Partial<Record<DType, DType>> = { int8: "uint8", int16: "uint16", int32: "uint32", int64: "uint64" };

/** _unsigned_subtract(a, b) for scalars: signed integer results reinterpreted as unsigned. */
function unsignedSubtract(a: Sc, b: Sc): Sc {
  const dt = resultType(a, b);
  const u = UNSIGNED[dt];
  if (u !== undefined) return { v: a.v - b.v, t: u };
  return { v: round(a.v - b.v, dt), t: dt };
}

// ---- bin edges ----------------------------------------------------------------------------------------------

interface Prepared {
  a: NDArray; // flat, bool converted to uint8
  w: NDArray | null;
}

function prepare(a: ArrayLike, weights: ArrayLike | null | undefined): Prepared {
  let x = arr(a);
  if (x.dtype === "bool") x = x.astype("uint8");
  let w: NDArray | null = null;
  if (weights !== undefined && weights !== null) {
    w = asarray(weights);
    if (w.ndim !== x.ndim || w.shape.some((d, i) => d !== x.shape[i])) throw new ValueError("weights should have the same shape as a.");
    w = flat(w);
  }
  return { a: flat(x), w };
}

/** repr of a Python value as f-strings print it: ints bare, floats as Python floats. */
const pyStr = (s: Sc): string => (s.t === "pyint" || (!isWeak(s) && kindOf(s.t as DType) !== "f") ? String(s.v) : pyFloat(s.v));

function minMax(a: NDArray): [number, number] {
  const v = numbersOf(a);
  let lo = v[0]!, hi = v[0]!;
  for (let i = 1; i < v.length; i++) {
    const t = v[i]!;
    if (t !== t) return [NaN, NaN];
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (lo !== lo) return [NaN, NaN];
  return [lo, hi];
}

function outerEdges(a: NDArray, range: readonly number[] | null): [Sc, Sc] {
  let first: Sc, last: Sc;
  if (range !== null) {
    const [f, l] = range as [number, number];
    first = { v: f, t: Number.isInteger(f) ? "pyint" : "pyfloat" };
    last = { v: l, t: Number.isInteger(l) ? "pyint" : "pyfloat" };
    if (f > l) throw new ValueError("max must be larger than min in range parameter.");
    if (!Number.isFinite(f) || !Number.isFinite(l)) throw new ValueError(`supplied range of [${pyStr(first)}, ${pyStr(last)}] is not finite`);
  } else if (a.size === 0) {
    first = { v: 0, t: "pyint" };
    last = { v: 1, t: "pyint" };
  } else {
    const [lo, hi] = minMax(a);
    first = { v: lo, t: a.dtype };
    last = { v: hi, t: a.dtype };
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new ValueError(`autodetected range of [${pyStr(first)}, ${pyStr(last)}] is not finite`);
  }
  if (first.v === last.v) {
    const t = (s: Sc): Sc["t"] => (s.t === "pyint" ? "pyfloat" : isWeak(s) ? s.t : kindOf(s.t as DType) === "f" ? s.t : "float64");
    first = { v: round(first.v - 0.5, t(first) as DType), t: t(first) };
    last = { v: round(last.v + 0.5, t(last) as DType), t: t(last) };
  }
  return [first, last];
}

/** np.linspace(first, last, num, dtype=binType) as NumPy computes it (in float32 when both ends are float32). */
function linspace(first: Sc, last: Sc, num: number, binType: DType): Float64Array {
  let dt = resultType(first, last);
  if (kindOf(dt) !== "f") dt = "float64";
  const r = (v: number): number => round(v, dt);
  const start = r(first.v), stop = r(last.v), div = num - 1;
  const delta = r(stop - start), step = r(delta / div);
  const y = new Float64Array(num);
  for (let i = 0; i < num; i++) y[i] = step === 0 ? r(r(r(i / div) * delta) + start) : r(r(i * step) + start);
  if (num > 1) y[num - 1] = stop;
  if (binType === "float32") for (let i = 0; i < num; i++) y[i] = Math.fround(y[i]!);
  return y;
}

interface Edges {
  edges: Float64Array;
  dtype: DType;
  uniform: { first: Sc; last: Sc; n: number } | null;
}

const SELECTORS = ["stone", "auto", "doane", "fd", "rice", "scott", "sqrt", "sturges"];

/** histogram's range: `first_edge, last_edge = range`, then `first_edge > last_edge` — Python's unpacking and comparison errors. */
function rangeArg(range: unknown): number[] | null {
  if (range === undefined || range === null) return null;
  let items: unknown[];
  if (Array.isArray(range)) items = range;
  else if (typeof range === "string") items = [...range];
  else if (range instanceof NDArray) {
    if (range.ndim === 0) throw new TypeError("iteration over a 0-d array");
    items = range.ndim === 1 ? (range.tolist() as unknown[]) : Array.from({ length: range.shape[0]! }, () => range);
  } else if (pyType(range) === "dict") items = Object.keys(range as object);
  else throw new TypeError(`cannot unpack non-iterable ${pyType(range)} object`);
  if (items.length > 2) throw new ValueError("too many values to unpack (expected 2)");
  if (items.length < 2) throw new ValueError(`not enough values to unpack (expected 2, got ${items.length})`);
  const num = (v: unknown): number | null => {
    if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return Number(v);
    if (v instanceof NDArray && v.ndim === 0) return Number(v.item());
    return null;
  };
  const [f, l] = items.map(num) as [number | null, number | null];
  if (f === null || l === null) {
    const [p, q] = items;
    if (p === null || q === null || p === undefined || q === undefined) throw new TypeError(`'>' not supported between instances of '${pyType(p)}' and '${pyType(q)}'`);
    if (items.some((v) => v instanceof NDArray)) throw new ValueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
    throw new TypeError("ufunc 'isfinite' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
  }
  if (f > l) throw new ValueError("max must be larger than min in range parameter.");
  // Python ints beyond uint64 make an object array, which isfinite refuses.
  if ([f, l].some((v) => Number.isInteger(v) && Math.abs(v) >= 2 ** 64)) throw new TypeError("ufunc 'isfinite' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
  return [f, l];
}

/** An integer number of equal-width bins (operator.index of bins), checked as NumPy's linspace allocation checks it. */
function binCount(bins: unknown): number {
  let n: number;
  try {
    n = typeof bins === "number" && Number.isInteger(bins) ? bins : typeof bins === "bigint" ? Number(bins) : intArg(bins);
  } catch {
    throw new TypeError("`bins` must be an integer, a string, or an array");
  }
  if (n < 1) throw new ValueError("`bins` must be positive, when an integer");
  if (n >= 2 ** 64) throw new ValueError("Maximum allowed size exceeded");
  if (n + 1 >= 2 ** 63) throw new IndexError("index -1 is out of bounds for axis 0 with size 0"); // linspace's num overflows intp
  checkAlloc([n + 1], "float64");
  return n;
}

function binEdges(a: NDArray, bins: unknown, rangeIn: unknown, w: NDArray | null): Edges {
  let n: number | null = null;
  let first: Sc | null = null, last: Sc | null = null;
  let data = a;
  if (typeof bins === "string") {
    if (!SELECTORS.includes(bins)) throw new ValueError(`'${bins}' is not a valid estimator for \`bins\``);
    if (w !== null) throw new TypeError("Automated estimation of the number of bins is not supported for weighted data");
    const range = rangeArg(rangeIn);
    [first, last] = outerEdges(a, range);
    if (range !== null) {
      const v = numbersOf(a), keep: number[] = [];
      for (let i = 0; i < v.length; i++) if (v[i]! >= first.v && v[i]! <= last.v) keep.push(i);
      if (keep.length !== v.length) data = castCopy(new NDArray(Float64Array.from(keep.map((i) => v[i]!)), "float64", [keep.length]), a.dtype);
    }
    if (data.size === 0) n = 1;
    else {
      let width = binWidth(bins, data, [first.v, last.v]);
      if (width) {
        if (kindOf(data.dtype) !== "f" && width < 1) width = 1;
        n = Math.ceil(unsignedSubtract(last, first).v / width);
      } else n = 1;
    }
    if (Number.isNaN(n)) throw new ValueError("cannot convert float NaN to integer");
    if (!Number.isFinite(n)) throw new OverflowError("cannot convert float infinity to integer");
    checkAlloc([n + 1], "float64");
  } else if (!Array.isArray(bins) && !(bins instanceof NDArray && bins.ndim > 0)) {
    n = binCount(bins);
    [first, last] = outerEdges(a, rangeArg(rangeIn));
  } else {
    const e = asarray(bins as ArrayLike);
    if (e.ndim !== 1) throw new ValueError("`bins` must be 1d, when an array");
    const ev = numbersOf(e);
    for (let i = 0; i + 1 < ev.length; i++) if (ev[i]! > ev[i + 1]!) throw new ValueError("`bins` must increase monotonically, when an array");
    return { edges: ev, dtype: e.dtype, uniform: null };
  }
  let bt = resultType(first!, last!, a.dtype);
  if (kindOf(bt) !== "f") bt = "float64";
  const edges = linspace(first!, last!, n + 1, bt);
  for (let i = 0; i < n; i++) if (edges[i]! >= edges[i + 1]!) throw new ValueError(`Too many bins for data range. Cannot create ${n} finite-sized bins.`);
  return { edges, dtype: bt, uniform: { first: first!, last: last!, n } };
}

// ---- bin-width estimators (float64 arithmetic, NumPy's formulas) ------------------------------------------

/** NumPy's pairwise summation (add.reduce on contiguous float64). */
function pairwiseSum(v: globalThis.ArrayLike<number>, lo: number, n: number): number {
  if (n < 8) {
    let s = -0;
    for (let i = 0; i < n; i++) s += v[lo + i]!;
    return s;
  }
  if (n <= 128) {
    const r = [v[lo]!, v[lo + 1]!, v[lo + 2]!, v[lo + 3]!, v[lo + 4]!, v[lo + 5]!, v[lo + 6]!, v[lo + 7]!];
    let i = 8;
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j]! += v[lo + i + j]!;
    let s = r[0]! + r[1]! + (r[2]! + r[3]!) + (r[4]! + r[5]! + (r[6]! + r[7]!));
    for (; i < n; i++) s += v[lo + i]!;
    return s;
  }
  let n2 = n >> 1;
  n2 -= n2 % 8;
  return pairwiseSum(v, lo, n2) + pairwiseSum(v, lo + n2, n - n2);
}

function std(v: Float64Array): number {
  const mean = pairwiseSum(v, 0, v.length) / v.length;
  const d = v.map((x) => (x - mean) * (x - mean));
  return Math.sqrt(pairwiseSum(d, 0, d.length) / v.length);
}

function percentile(sorted: Float64Array, q: number): number {
  const pos = (q / 100) * (sorted.length - 1), lo = Math.floor(pos), g = pos - lo;
  const a = sorted[lo]!, b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  const diff = b - a;
  return g >= 0.5 ? b - diff * (1 - g) : a + diff * g;
}

function binWidth(name: string, x: NDArray, range: [number, number]): number {
  const v = numbersOf(x), n = v.length;
  const [lo, hi] = minMax(x);
  const ptp = hi - lo;
  const sqrtW = ptp / Math.sqrt(n), sturges = ptp / (Math.log2(n) + 1.0);
  const fd = (): number => {
    const s = Float64Array.from(v).sort();
    return 2.0 * (percentile(s, 75) - percentile(s, 25)) * n ** (-1.0 / 3.0);
  };
  switch (name) {
    case "sqrt":
      return sqrtW;
    case "sturges":
      return sturges;
    case "rice":
      return ptp / (2.0 * n ** (1.0 / 3));
    case "scott":
      return ((24.0 * Math.PI ** 0.5) / n) ** (1.0 / 3.0) * std(v);
    case "fd":
      return fd();
    case "auto":
      return Math.min(Math.max(fd(), sqrtW / 2), sturges);
    case "doane": {
      if (n <= 2) return 0;
      const sg1 = Math.sqrt((6.0 * (n - 2)) / ((n + 1.0) * (n + 3)));
      const sigma = std(v);
      if (!(sigma > 0.0)) return 0;
      const mean = pairwiseSum(v, 0, n) / n;
      const t = v.map((x) => ((x - mean) / sigma) ** 3);
      const g1 = pairwiseSum(t, 0, n) / n;
      return ptp / (1.0 + Math.log2(n) + Math.log2(1.0 + Math.abs(g1) / sg1));
    }
    default: {
      // stone: minimise the estimated integrated squared error over 1..max(100, sqrt(n)) bins.
      if (n <= 1 || ptp === 0) return 0;
      const upper = Math.max(100, Math.floor(Math.sqrt(n)));
      let best = 1, bestVal = Infinity;
      for (let nb = 1; nb <= upper; nb++) {
        const hh = ptp / nb;
        const [counts] = histogram(x, nb, { range }) as [NDArray, NDArray];
        const p = numbersOf(counts).map((c) => c / n);
        let dot = 0;
        for (const q of p) dot += q * q;
        const val = (2 - (n + 1) * dot) / hh;
        if (val < bestVal) [best, bestVal] = [nb, val];
      }
      return ptp / best;
    }
  }
}

// ---- histogram --------------------------------------------------------------------------------------------

export interface HistogramOptions {
  bins?: number | string | ArrayLike;
  range?: readonly [number, number] | null;
  density?: boolean | null;
  weights?: ArrayLike | null;
}

const BLOCK = 65536;

/** Bin index of every kept element on uniform bins, NumPy's arithmetic and ±1 corrections; -1 for dropped ones. */
function uniformIndices(a: NDArray, e: Edges): Int32Array {
  const { first, last, n } = e.uniform!, bt = e.dtype, edges = e.edges;
  const v = numbersOf(a), out = new Int32Array(v.length);
  // Comparisons with the edges happen in the dtype NEP 50 gives (a float32 array against a Python float: float32).
  const cmpT = (s: Sc): DType => resultType(s, a.dtype);
  const f0 = round(first.v, cmpT(first)), l0 = round(last.v, cmpT(last));
  const r1 = resultType(first, bt); // dtype of tmp_a - first_edge
  const denom = unsignedSubtract(last, first);
  const r2 = resultType(r1, denom.t as DType);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!(round(x, cmpT(first)) >= f0 && round(x, cmpT(last)) <= l0)) {
      out[i] = -1;
      continue;
    }
    const t = round(x, bt);
    const sub = round(t - round(first.v, r1), r1);
    const f = round(round(sub / round(denom.v, r2), r2) * n, r2);
    let k = Math.trunc(f);
    if (k === n) k--;
    if (t < edges[k]!) k--;
    if (t >= edges[k + 1]! && k !== n - 1) k++;
    out[i] = k;
  }
  return out;
}

/** Add float64 block sums into an accumulator of dtype `nt` (NumPy's `n += bincount(...).astype(ntype)`). */
function accumulate(acc: Float64Array, block: Float64Array, nt: DType): void {
  const k = kindOf(nt);
  for (let i = 0; i < acc.length; i++) {
    const b = k === "f" ? round(block[i]!, nt) : k === "b" ? (block[i] !== 0 ? 1 : 0) : Math.trunc(block[i]!);
    acc[i] = k === "b" ? (acc[i] || b ? 1 : 0) : round(acc[i]! + b, nt);
  }
}

/**
 * np.histogram(a, bins=10, range=None, density=None, weights=None): [hist, binEdges]. hist is int64 counts,
 * weights' dtype sums, or float64 densities.
 */
export function histogram(a: ArrayLike, bins?: number | string | ArrayLike | HistogramOptions, range?: readonly [number, number] | null | HistogramOptions, density?: boolean | null | HistogramOptions, weights?: ArrayLike | null | HistogramOptions): NDArray[] {
  const o = bind(HISTOGRAM, arguments);
  a = o.a as ArrayLike;
  const { a: x, w } = prepare(a, o.weights as ArrayLike | null);
  const e = binEdges(x, o.bins === undefined ? 10 : o.bins, o.range, w);
  const nb = Math.max(0, e.edges.length - 1); // bins=[] gives no bins and no edges
  const nt: DType = w === null ? "int64" : w.dtype;
  const hist = new Float64Array(nb);
  const wv = w === null ? null : numbersOf(w);
  if (e.uniform !== null) {
    const idx = uniformIndices(x, e);
    for (let s = 0; s < idx.length; s += BLOCK) {
      const block = new Float64Array(nb), end = Math.min(s + BLOCK, idx.length);
      for (let i = s; i < end; i++) if (idx[i]! >= 0) block[idx[i]!] += wv === null ? 1 : wv[i]!;
      accumulate(hist, block, nt);
    }
  } else {
    // Cumulative counts by binary search, per block (weights: cumulative sums in sorted order, NumPy's way).
    const v = numbersOf(x), edges = e.edges, cum = new Float64Array(nb + 1);
    for (let s = 0; s < v.length; s += BLOCK) {
      const end = Math.min(s + BLOCK, v.length), m = end - s;
      const perm = new Uint32Array(m);
      argsortLane(x.data, x._offset + s, 1, m, x.dtype, perm);
      const sa = Float64Array.from(perm, (p) => v[s + p]!);
      const cw = new Float64Array(m + 1);
      if (wv !== null) for (let i = 0; i < m; i++) cw[i + 1] = round(cw[i]! + wv[s + perm[i]!]!, kindOf(nt) === "f" ? nt : "float64");
      const ss = numbersOf(searchsorted(sa, edges.subarray(0, nb)));
      const last = numbersOf(searchsorted(sa, edges.subarray(nb), "right"))[0]!;
      for (let i = 0; i <= nb; i++) {
        const j = i < nb ? ss[i]! : last;
        cum[i] = wv === null ? cum[i]! + j : round(cum[i]! + cw[j]!, kindOf(nt) === "f" ? nt : "float64");
      }
    }
    for (let i = 0; i < nb; i++) hist[i] = round(cum[i + 1]! - cum[i]!, kindOf(nt) === "f" ? nt : "float64");
  }
  const edgesArr = castCopy(new NDArray(e.edges, "float64", [e.edges.length]), e.dtype);
  let h: NDArray;
  if (pyTruth(o.density)) {
    const total = kindOf(nt) === "f" && nt === "float32" ? pairwiseSumF32(hist) : kindOf(nt) === "f" ? pairwiseSum(hist, 0, nb) : hist.reduce((p, q) => p + q, 0);
    h = empty([nb], "float64");
    const d = h.data as Float64Array, ed = numbersOf(edgesArr);
    for (let i = 0; i < nb; i++) d[i] = hist[i]! / round(ed[i + 1]! - ed[i]!, e.dtype) / total;
  } else if (nt === "int64" || kindOf(nt) !== "f") h = castCopy(int64Of(hist, [nb]), nt === "bool" ? "bool" : nt);
  else h = castCopy(new NDArray(hist, "float64", [nb]), nt);
  return [face(h, a), face(edgesArr, a)];
}

function pairwiseSumF32(v: Float64Array): number {
  // float32 accumulation: the same tree, rounding every partial sum to float32.
  const rec = (lo: number, n: number): number => {
    if (n < 8) {
      let s = -0;
      for (let i = 0; i < n; i++) s = Math.fround(s + v[lo + i]!);
      return s;
    }
    if (n <= 128) {
      const r = Array.from({ length: 8 }, (_, j) => v[lo + j]!);
      let i = 8;
      for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = Math.fround(r[j]! + v[lo + i + j]!);
      const f = Math.fround;
      let s = f(f(f(r[0]! + r[1]!) + f(r[2]! + r[3]!)) + f(f(r[4]! + r[5]!) + f(r[6]! + r[7]!)));
      for (; i < n; i++) s = f(s + v[lo + i]!);
      return s;
    }
    let n2 = n >> 1;
    n2 -= n2 % 8;
    return Math.fround(rec(lo, n2) + rec(lo + n2, n - n2));
  };
  return rec(0, v.length);
}

/** np.histogram_bin_edges(a, bins=10, range=None, weights=None). */
export function histogramBinEdges(a: ArrayLike, bins?: number | string | ArrayLike | HistogramOptions, range?: readonly [number, number] | null | HistogramOptions, weights?: ArrayLike | null | HistogramOptions): NDArray {
  const o = bind(HISTOGRAM_BIN_EDGES, arguments);
  a = o.a as ArrayLike;
  const { a: x, w } = prepare(a, o.weights as ArrayLike | null);
  const e = binEdges(x, o.bins === undefined ? 10 : o.bins, o.range, w);
  return face(castCopy(new NDArray(e.edges, "float64", [e.edges.length]), e.dtype), a);
}

/** numpy's check_array_monotonic on the bins as doubles: 1 increasing, -1 decreasing, 0 neither. */
function monotonicity(b: Float64Array): number {
  const n = b.length;
  if (n === 0) return 1;
  let last = b[0]!, i = 1;
  while (i < n && b[i] === last) i++;
  if (i === n) return 1;
  let next = b[i]!;
  if (last < next) {
    for (i++; i < n; i++) {
      last = next;
      next = b[i]!;
      if (last > next) return 0;
    }
    return 1;
  }
  for (i++; i < n; i++) {
    last = next;
    next = b[i]!;
    if (last < next) return 0;
  }
  return -1;
}

/** np.digitize(x, bins, right=False): the bin index of each x (bins increasing or decreasing). */
export function digitize(x: ArrayLike, bins: ArrayLike, right?: boolean | { right?: boolean }): NDArray {
  const o = bind(DIGITIZE, arguments);
  [x, bins] = [o.x as ArrayLike, o.bins as ArrayLike];
  const xs = asarray(x), b = asarray(bins);
  if (b.ndim === 0) throw new ValueError("object of too small depth for desired array");
  if (b.ndim > 1) throw new ValueError("object too deep for desired array");
  const mono = monotonicity(numbersOf(b));
  if (mono === 0) throw new ValueError("bins must be monotonically increasing or decreasing");
  const side = pyTruth(o.right) ? "left" : "right";
  if (mono === -1) {
    const rev = new NDArray(b.data, b.dtype, [b.size], [-b._strides[0]!], b._offset + (b.size - 1) * b._strides[0]!, b, false);
    const s = searchsorted(rev, xs, side);
    const r = numbersOf(s).map((k) => b.size - k);
    return face(int64Of(r, s.shape), x, bins);
  }
  return face(searchsorted(b, xs, side), x, bins);
}
