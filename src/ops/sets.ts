// sets.ts — np.unique (return_index/inverse/counts, axis, equal_nan), the array-API uniqueAll/Counts/Inverse/
// Values, isin, intersect1d, union1d, setdiff1d, setxor1d — NumPy 2.4's algorithms (lib/_arraysetops_impl.py)
// on the stable sort kernel, with a counting pass for integers of small range (the same results, linear time).
// uniqueValues of integers returns NumPy's hash-set order (src/kernels/sort-hashorder.ts).

import { castCopy, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes } from "../core/dtype.js";
import { axisTupleArg, isPyIndex, pyTruth, pyType } from "../core/args.js";
import { AxisError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { shapeSize } from "../core/shape.js";
import { fromKeys, is64, keysAndPerm, runStarts, sortLane, sortedKeys } from "../kernels/sort.js";
import { hashSetOrder } from "../kernels/sort-hashorder.js";
import { arr, bind, contiguous, face, flat, int64Of, words, type Signature } from "./sort-util.js";

export interface UniqueOptions {
  returnIndex?: boolean;
  returnInverse?: boolean;
  returnCounts?: boolean;
  axis?: number | null;
  equalNan?: boolean;
  sorted?: boolean;
}

interface Runs {
  /** Lane position (into the flat input) of the representative (first in sorted order) of each unique value. */
  first: Float64Array;
  counts: Float64Array;
  /** inverse[i]: the unique index of flat element i (only when asked). */
  inverse: Float64Array | null;
  /** The sorted keys and run starts, when the runs came from a sort (values can be rebuilt from them). */
  keys?: Uint32Array;
  starts?: Uint32Array;
}

/** Gather elements `pos` of a contiguous 1-d array into a new 1-d array of its dtype. */
function gather(x: NDArray, pos: globalThis.ArrayLike<number>, shape: readonly number[] = [pos.length]): NDArray {
  const out = empty(shape, x.dtype);
  const { w: sw, k } = words(x.data), dw = words(out.data).w;
  for (let i = 0; i < pos.length; i++) {
    const s = (x._offset + pos[i]!) * k, d = i * k;
    for (let q = 0; q < k; q++) dw[d + q] = sw[s + q]!;
  }
  return out;
}

/**
 * The elements of a contiguous 1-d integer array as int32 numbers — values[off + i*step] — when they all fit int32
 * (64-bit ones are read from their low words); null when some do not.
 */
function int32Reader(x: NDArray): { n: number; lo: number; hi: number; values: Int32Array | Uint8Array | Int8Array | Int16Array | Uint16Array | Uint32Array; step: number; off: number } | null {
  const n = x.size;
  let lo = 0x7fffffff, hi = -0x80000000;
  if (DTYPE_INFO[x.dtype].big) {
    // A 64-bit value fits int32 when its high word is its low word's sign (uint64: zero, low word < 2^31).
    const w = new Int32Array(x.data.buffer, x.data.byteOffset + 8 * x._offset, 2 * n);
    let bad = 0;
    if (x.dtype === "int64")
      for (let i = 0; i < n; i++) {
        const v = w[2 * i]!;
        bad |= w[2 * i + 1]! ^ (v >> 31);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    else
      for (let i = 0; i < n; i++) {
        const v = w[2 * i]!;
        bad |= w[2 * i + 1]! | (v >>> 31);
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    return bad !== 0 ? null : { n, lo, hi, values: w, step: 2, off: 0 };
  }
  if (x.dtype === "uint32") {
    const d = x.data as Uint32Array, o = x._offset;
    for (let i = 0; i < n; i++) if (d[o + i]! > 0x7fffffff) return null;
  }
  const d = x.data as Int32Array, o = x._offset;
  for (let i = 0; i < n; i++) {
    const v = d[o + i]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return { n, lo, hi, values: d, step: 1, off: o };
}

const WINDOW = 1 << 16;

/**
 * One counting pass for large int64 input (the default integer dtype): counts go into a window of 2^16 values
 * centred on the first element, range and int32-fit checks folded in branch-free; null when a value falls
 * outside (then the range is measured first). Measured about twice as fast as min/max + count.
 */
function windowCount64(x: NDArray): { lo: number; count: Int32Array; w: Int32Array } | null {
  const n = x.size, w = new Int32Array(x.data.buffer, x.data.byteOffset + 8 * x._offset, 2 * n);
  const base = w[0]! - (WINDOW >> 1), count = new Int32Array(WINDOW);
  let bad = 0;
  for (let j = 0; j < 2 * n; j += 2) {
    const v = w[j]!, b = v - base;
    bad |= (w[j + 1]! ^ (v >> 31)) | (b & ~(WINDOW - 1));
    count[b & (WINDOW - 1)]++;
  }
  if (bad !== 0) return null;
  let first = 0, last = WINDOW - 1;
  while (count[first] === 0) first++;
  while (count[last] === 0) last--;
  return { lo: base + first, count: count.subarray(first, last + 1), w };
}

/**
 * Unique runs by counting, when the integers span a small range (same results as the sort, linear time);
 * null when they do not. Values come out as `ints` (the run's value), first occurrences only when asked.
 */
function countingRuns(x: NDArray, wantFirst: boolean, wantInverse: boolean): (Runs & { ints: Float64Array }) | null {
  const kind = DTYPE_INFO[x.dtype].kind, n = x.size;
  if ((kind !== "i" && kind !== "u" && kind !== "b") || n === 0) return null;
  const win = x.dtype === "int64" && n >= WINDOW ? windowCount64(x) : null;
  let lo: number, d: globalThis.ArrayLike<number>, step: number, off: number, count: Int32Array;
  if (win !== null) [lo, d, step, off, count] = [win.lo, win.w, 2, 0, win.count];
  else {
    const rd = int32Reader(x);
    if (rd === null) return null;
    const span = rd.hi - rd.lo + 1;
    if (span > Math.max(4096, 2 * n) || span > 1 << 24) return null;
    ({ lo, values: d, step, off } = rd);
    count = new Int32Array(span);
    if (step === 2) {
      const w = d as Int32Array; // monomorphic loop for int64
      for (let j = 0; j < 2 * n; j += 2) count[w[j]! - lo]++;
    } else for (let i = 0, j = off; i < n; i++, j += step) count[d[j]! - lo]++;
  }
  const range = count.length;
  let u = 0;
  for (let b = 0; b < range; b++) if (count[b]! > 0) u++;
  const ints = new Float64Array(u), counts = new Float64Array(u), rank = new Int32Array(range);
  for (let b = 0, r = 0; b < range; b++)
    if (count[b]! > 0) {
      rank[b] = r;
      ints[r] = b + lo;
      counts[r++] = count[b]!;
    }
  const first = new Float64Array(u);
  if (wantFirst) {
    first.fill(-1);
    for (let i = 0, j = off; i < n; i++, j += step) {
      const r = rank[d[j]! - lo]!;
      if (first[r] === -1) first[r] = i;
    }
  }
  let inverse: Float64Array | null = null;
  if (wantInverse) {
    inverse = new Float64Array(n);
    for (let i = 0, j = off; i < n; i++, j += step) inverse[i] = rank[d[j]! - lo]!;
  }
  return { first, counts, inverse, ints };
}

/** Unique runs of a contiguous 1-d array through the stable sort (NumPy's _unique1d). */
function sortedRuns(x: NDArray, equalNan: boolean, wantInverse: boolean): Runs {
  const n = x.size;
  const { keys, perm } = sortedKeys(x.data, x._offset, n, x.dtype);
  const starts = runStarts(keys, n, is64(x.dtype), DTYPE_INFO[x.dtype].kind === "f", equalNan);
  const u = starts.length - 1;
  const first = new Float64Array(u), counts = new Float64Array(u);
  for (let r = 0; r < u; r++) {
    first[r] = perm[starts[r]!]!;
    counts[r] = starts[r + 1]! - starts[r]!;
  }
  let inverse: Float64Array | null = null;
  if (wantInverse) {
    inverse = new Float64Array(n);
    for (let r = 0; r < u; r++) for (let i = starts[r]!; i < starts[r + 1]!; i++) inverse[perm[i]!] = r;
  }
  return { first, counts, inverse, keys, starts };
}

/** The unique values: rebuilt from the sorted keys when there are any (the zero run keeps its first value's sign). */
function runValues(x: NDArray, runs: Runs & { ints?: Float64Array }): NDArray {
  if (runs.ints !== undefined) {
    const out = empty([runs.ints.length], x.dtype);
    if (DTYPE_INFO[x.dtype].big) {
      const w = new Int32Array(out.data.buffer, out.data.byteOffset, 2 * out.size);
      for (let r = 0; r < runs.ints.length; r++) {
        w[2 * r] = runs.ints[r]!;
        w[2 * r + 1] = runs.ints[r]! < 0 ? -1 : 0;
      }
    } else (out.data as Int32Array).set(runs.ints);
    return out;
  }
  if (runs.keys === undefined) return gather(x, runs.first);
  const u = runs.first.length, wide = is64(x.dtype);
  const ks = new Uint32Array(wide ? 2 * u : u);
  for (let r = 0; r < u; r++) {
    const i = runs.starts![r]!;
    if (wide) {
      ks[2 * r] = runs.keys[2 * i]!;
      ks[2 * r + 1] = runs.keys[2 * i + 1]!;
    } else ks[r] = runs.keys[i]!;
  }
  const out = empty([u], x.dtype);
  fromKeys(ks, u, x.dtype, out.data, 0, 1);
  if (DTYPE_INFO[x.dtype].kind === "f") {
    const d = out.data as Float64Array, src = x.data as Float64Array;
    for (let r = 0; r < u; r++) if (d[r] === 0) d[r] = src[x._offset + runs.first[r]!]!;
  }
  return out;
}

type UniqueResult = NDArray | NDArray[];

/**
 * Unique values and counts from a sort of the values alone (no permutation: NumPy's own path when neither index
 * nor inverse is asked). The sort keeps zeros in input order, so a zero run starts with the first zero seen.
 */
function valueRuns(x: NDArray, equalNan: boolean): { values: NDArray; counts: Float64Array } {
  const n = x.size, sorted = empty([n], x.dtype);
  sortLane(x.data, x._offset, 1, n, x.dtype, sorted.data, 0, 1);
  const starts = new Uint32Array(n + 1);
  let u = 0;
  if (n > 0) starts[u++] = 0;
  if (DTYPE_INFO[x.dtype].big) {
    const w = new Uint32Array(sorted.data.buffer, sorted.data.byteOffset, 2 * n);
    for (let i = 1; i < n; i++) if (w[2 * i] !== w[2 * i - 2] || w[2 * i + 1] !== w[2 * i - 1]) starts[u++] = i;
  } else if (DTYPE_INFO[x.dtype].kind === "f") {
    const d = sorted.data as Float64Array;
    for (let i = 1; i < n; i++) {
      const a = d[i - 1]!, b = d[i]!;
      if (a !== b && !(equalNan && a !== a && b !== b)) starts[u++] = i;
    }
  } else {
    const d = sorted.data as Int32Array;
    for (let i = 1; i < n; i++) if (d[i] !== d[i - 1]) starts[u++] = i;
  }
  starts[u] = n;
  const pos = new Float64Array(u), counts = new Float64Array(u);
  for (let r = 0; r < u; r++) {
    pos[r] = starts[r]!;
    counts[r] = starts[r + 1]! - starts[r]!;
  }
  return { values: u === n ? sorted : gather(sorted, pos), counts };
}

function unique1d(x0: NDArray, o: UniqueOptions, inverseShape: readonly number[]): NDArray[] {
  const x = flat(x0);
  const equalNan = o.equalNan ?? true;
  const byCount = countingRuns(x, Boolean(o.returnIndex), Boolean(o.returnInverse));
  if (byCount === null && !o.returnIndex && !o.returnInverse) {
    const { values, counts } = valueRuns(x, equalNan);
    return o.returnCounts ? [face(values, x0), int64Of(counts, [counts.length])] : [face(values, x0)];
  }
  const runs = byCount ?? sortedRuns(x, equalNan, Boolean(o.returnInverse));
  const out = [face(runValues(x, runs), x0)];
  if (o.returnIndex) out.push(int64Of(runs.first, [runs.first.length]));
  if (o.returnInverse) out.push(int64Of(runs.inverse!, inverseShape));
  if (o.returnCounts) out.push(int64Of(runs.counts, [runs.counts.length]));
  return out;
}

/** Lexicographic order of the rows of a contiguous (n, m) array (NumPy's structured-dtype view), stable. */
function rowRuns(x: NDArray, n: number, m: number): Runs & { order: Uint32Array } {
  const wide = is64(x.dtype), isFloat = DTYPE_INFO[x.dtype].kind === "f";
  const { keys } = keysAndPerm(x.data, x._offset, n * m, x.dtype);
  const cmp = (a: number, b: number): number => {
    for (let j = 0; j < m; j++) {
      const ea = a * m + j, eb = b * m + j;
      if (wide) {
        const ha = keys[2 * ea + 1]!, hb = keys[2 * eb + 1]!;
        if (ha !== hb) return ha < hb ? -1 : 1;
        const la = keys[2 * ea]!, lb = keys[2 * eb]!;
        if (la !== lb) return la < lb ? -1 : 1;
      } else if (keys[ea] !== keys[eb]) return keys[ea]! < keys[eb]! ? -1 : 1;
    }
    return 0;
  };
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => cmp(a, b) || a - b);
  // Rows compare as structured scalars with ==, so a row holding a NaN equals no other row.
  const hasNan = (r: number): boolean => {
    if (!isFloat) return false;
    for (let j = 0; j < m; j++) {
      const e = r * m + j;
      if (wide ? keys[2 * e + 1] === 0xffffffff && keys[2 * e] === 0xffffffff : keys[e] === 0xffffffff) return true;
    }
    return false;
  };
  const first: number[] = [], counts: number[] = [], inverse = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = order[i]!;
    if (i > 0 && cmp(order[i - 1]!, r) === 0 && !hasNan(r)) counts[counts.length - 1]!++;
    else {
      first.push(r);
      counts.push(1);
    }
    inverse[r] = first.length - 1;
  }
  return { first: Float64Array.from(first), counts: Float64Array.from(counts), inverse, order };
}

function uniqueAxis(x: NDArray, axis: number, o: UniqueOptions): NDArray[] {
  const n = x.shape[axis]!, rest = x.shape.filter((_, i) => i !== axis), m = shapeSize(rest);
  // np.moveaxis(ar, axis, 0) then a contiguous (n, m) copy.
  const perm = [axis, ...x.shape.map((_, i) => i).filter((i) => i !== axis)];
  const moved = castCopy(new NDArray(x.data, x.dtype, perm.map((i) => x.shape[i]!), perm.map((i) => x._strides[i]!), x._offset), x.dtype);
  const runs = rowRuns(moved, n, m);
  const u = runs.first.length;
  const rowsPos = new Float64Array(u * m);
  for (let r = 0; r < u; r++) for (let j = 0; j < m; j++) rowsPos[r * m + j] = runs.first[r]! * m + j;
  const rows = gather(moved, rowsPos, [u, ...rest]);
  // Move the unique axis back to `axis`.
  const shape = [...rest.slice(0, axis), u, ...rest.slice(axis)];
  const back = [...Array(axis).keys()].map((i) => i + 1).concat([0], [...Array(rest.length - axis).keys()].map((i) => i + 1 + axis));
  const values = castCopy(new NDArray(rows.data, rows.dtype, shape, back.map((i) => rows._strides[i]!), 0), x.dtype);
  const out = [face(values, x)];
  if (o.returnIndex) out.push(int64Of(runs.first, [u]));
  if (o.returnInverse) out.push(int64Of(runs.inverse!, [n]));
  if (o.returnCounts) out.push(int64Of(runs.counts, [u]));
  return out;
}

const UNIQUE: Signature = { name: "unique", params: ["ar", "returnIndex", "returnInverse", "returnCounts", "axis"], required: 1, keywords: ["equalNan", "sorted"] };
const one = (name: string): Signature => ({ name, params: ["x"], required: 1 });
const UNIQUE_VALUES = one("unique_values"), UNIQUE_COUNTS = one("unique_counts"), UNIQUE_INVERSE = one("unique_inverse"), UNIQUE_ALL = one("unique_all");
const ISIN: Signature = { name: "isin", params: ["element", "testElements", "assumeUnique", "invert"], required: 2, keywords: ["kind"] };
const INTERSECT1D: Signature = { name: "intersect1d", params: ["ar1", "ar2", "assumeUnique", "returnIndices"], required: 2 };
const UNION1D: Signature = { name: "union1d", params: ["ar1", "ar2"], required: 2 };
const SETDIFF1D: Signature = { name: "setdiff1d", params: ["ar1", "ar2", "assumeUnique"], required: 2 };
const SETXOR1D: Signature = { name: "setxor1d", params: ["ar1", "ar2", "assumeUnique"], required: 2 };

/** Python's str() of an axis argument as unique's AxisError quotes it. */
function pyStr(v: unknown): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === "string" ? `'${x}'` : pyStr(x))).join(", ")}]`;
  if (v !== null && typeof v === "object" && !(v instanceof NDArray)) return "{}";
  return String(v);
}

/**
 * unique's axis: NumPy moves it to the front with np.moveaxis(ar, axis, 0) (normalize_axis_tuple's texts, its
 * AxisError re-raised naming the whole argument) and then indexes the shape tuple with it, which only an int can.
 */
function uniqueAxisArg(axis: unknown, ndim: number): number {
  const outOfBounds = (): AxisError => new AxisError(`axis ${pyStr(axis)} is out of bounds for array of dimension ${ndim}`);
  if (typeof axis === "number" && !Number.isInteger(axis)) throw new TypeError("'float' object is not iterable");
  let source: number[];
  try {
    source = axisTupleArg(pyType(axis) === "dict" ? Object.keys(axis as object) : axis, ndim, "source");
  } catch (e) {
    throw e instanceof AxisError ? outOfBounds() : e;
  }
  if (ndim === 0) throw outOfBounds(); // the destination, axis 0
  if (source.length !== 1) throw new ValueError("`source` and `destination` arguments must have the same number of elements");
  if (Array.isArray(axis)) throw new TypeError("list indices must be integers or slices, not list");
  if (!isPyIndex(axis)) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
  return source[0]!;
}

/**
 * np.unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True,
 * sorted=True). Without extras the unique values; with any, a JS array [values, index?, inverse?, counts?].
 */
export function unique(ar: ArrayLike, returnIndex?: boolean | UniqueOptions, returnInverse?: boolean | UniqueOptions, returnCounts?: boolean | UniqueOptions, axis?: number | null | UniqueOptions): UniqueResult {
  const b = bind(UNIQUE, arguments);
  const x = arr(b.ar as ArrayLike);
  const o: UniqueOptions = {
    returnIndex: pyTruth(b.returnIndex),
    returnInverse: pyTruth(b.returnInverse),
    returnCounts: pyTruth(b.returnCounts),
    equalNan: b.equalNan === undefined || pyTruth(b.equalNan),
    sorted: b.sorted === undefined || pyTruth(b.sorted),
  };
  const extras = Boolean(o.returnIndex || o.returnInverse || o.returnCounts);
  let out: NDArray[];
  const kind = DTYPE_INFO[x.dtype].kind;
  const ax = b.axis === undefined || b.axis === null ? null : uniqueAxisArg(b.axis, x.ndim);
  // sorted=False without extras: NumPy 2.4 hashes integers (unique_values' order); everything else is sorted.
  if (!o.sorted && !extras && ax === null && (kind === "i" || kind === "u")) return uniqueValues(x);
  if (ax === null) out = unique1d(x, o, x.shape);
  else out = uniqueAxis(x, ax, o);
  return extras ? out : out[0]!;
}

/** np.unique_values(x): the distinct values; integers in NumPy 2.4's hash-set order, others sorted (NaNs kept apart). */
export function uniqueValues(x: ArrayLike): NDArray {
  const a = arr(bind(UNIQUE_VALUES, arguments).x as ArrayLike);
  const f = flat(a);
  const kind = DTYPE_INFO[a.dtype].kind;
  if (kind === "i" || kind === "u") {
    const runs = countingRuns(f, true, false) ?? sortedRuns(f, false, false);
    // Distinct values in first-occurrence order, then NumPy's std::unordered_set iteration order.
    const firstSeen = Float64Array.from(runs.first).sort();
    const order = hashSetOrder(f, firstSeen, f.size);
    return face(gather(f, order), a);
  }
  return unique1d(a, { equalNan: false }, a.shape)[0]!;
}

/** np.unique_counts(x): [values, counts] (NaNs kept apart). */
export function uniqueCounts(x: ArrayLike): NDArray[] {
  const a = arr(bind(UNIQUE_COUNTS, arguments).x as ArrayLike);
  return unique1d(a, { returnCounts: true, equalNan: false }, a.shape);
}

/** np.unique_inverse(x): [values, inverse_indices] (inverse in x's shape). */
export function uniqueInverse(x: ArrayLike): NDArray[] {
  const a = arr(bind(UNIQUE_INVERSE, arguments).x as ArrayLike);
  return unique1d(a, { returnInverse: true, equalNan: false }, a.shape);
}

/** np.unique_all(x): [values, indices, inverse_indices, counts]. */
export function uniqueAll(x: ArrayLike): NDArray[] {
  const a = arr(bind(UNIQUE_ALL, arguments).x as ArrayLike);
  return unique1d(a, { returnIndex: true, returnInverse: true, returnCounts: true, equalNan: false }, a.shape);
}

// ---- membership and set algebra ---------------------------------------------------------------------------

/** Both arrays flattened and cast to their common dtype, concatenated (np.concatenate(..., axis=None)). */
function concat(a: NDArray, b: NDArray): NDArray {
  const dt = promoteTypes(a.dtype, b.dtype);
  const fa = castCopy(flat(a), dt), fb = castCopy(flat(b), dt);
  const out = empty([fa.size + fb.size], dt);
  (out.data as Float64Array).set(fa.data as Float64Array, 0);
  (out.data as Float64Array).set(fb.data as Float64Array, fa.size);
  return out;
}

/** Flat, sorted (stably), with `==` between neighbours: NumPy's aux / aux[1:] == aux[:-1] building block. */
function sortedAux(x: NDArray): { aux: NDArray; perm: Uint32Array; eqNext: Uint8Array } {
  const c = contiguous(x), n = c.size;
  const { keys, perm } = sortedKeys(c.data, c._offset, n, c.dtype);
  const starts = runStarts(keys, n, is64(c.dtype), DTYPE_INFO[c.dtype].kind === "f", false);
  const eqNext = new Uint8Array(Math.max(0, n - 1)).fill(1);
  for (let r = 1; r + 1 < starts.length; r++) eqNext[starts[r]! - 1] = 0;
  return { aux: gather(c, perm), perm, eqNext };
}

export interface IsinOptions {
  assumeUnique?: boolean;
  invert?: boolean;
  kind?: "sort" | "table" | null;
}

/** np.isin(element, test_elements, assume_unique=False, invert=False, *, kind=None): membership, element's shape. */
export function isin(element: ArrayLike, testElements: ArrayLike, assumeUnique?: boolean | IsinOptions, invert?: boolean | IsinOptions): NDArray {
  const o = bind(ISIN, arguments);
  [element, testElements] = [o.element as ArrayLike, o.testElements as ArrayLike];
  const e = arr(element), t = arr(testElements);
  const kind = o.kind ?? null;
  if (Array.isArray(kind) || kind instanceof NDArray || pyType(kind) === "dict") throw new TypeError(`unhashable type: '${pyType(kind)}'`);
  if (kind !== null && kind !== "sort" && kind !== "table") throw new ValueError(`Invalid kind: '${pyStr(kind)}'. Please use None, 'sort' or 'table'.`);
  if (kind === "table" && (DTYPE_INFO[e.dtype].kind === "f" || DTYPE_INFO[t.dtype].kind === "f"))
    throw new ValueError("The 'table' method is only supported for boolean or integer arrays. Please select 'sort' or None for kind.");
  const dt = promoteTypes(e.dtype, t.dtype);
  const ev = castCopy(e, dt), tv = castCopy(t, dt);
  const member = new Set<number | bigint>();
  for (let i = 0; i < tv.size; i++) {
    const v = tv.data[i]!;
    if (v === v) member.add(v);
  }
  const res = empty(e.shape, "bool"), r = res.data as Uint8Array, inv = pyTruth(o.invert);
  for (let i = 0; i < ev.size; i++) {
    const v = ev.data[i]!;
    r[i] = member.has(v) !== inv ? 1 : 0; // Set's SameValueZero: -0 finds +0; NaN was never added
  }
  return face(res, element, testElements);
}

export interface Intersect1dOptions {
  assumeUnique?: boolean;
  returnIndices?: boolean;
}

/** np.intersect1d(ar1, ar2, assume_unique=False, return_indices=False). */
export function intersect1d(ar1: ArrayLike, ar2: ArrayLike, assumeUnique?: boolean | Intersect1dOptions, returnIndices?: boolean | Intersect1dOptions): NDArray | NDArray[] {
  const g = bind(INTERSECT1D, arguments);
  [ar1, ar2] = [g.ar1 as ArrayLike, g.ar2 as ArrayLike];
  let a = arr(ar1), b = arr(ar2);
  const o: Intersect1dOptions = { assumeUnique: pyTruth(g.assumeUnique), returnIndices: pyTruth(g.returnIndices) };
  let ind1: Float64Array | null = null, ind2: Float64Array | null = null;
  if (!o.assumeUnique) {
    if (o.returnIndices) {
      const ua = unique1d(a, { returnIndex: true }, a.shape), ub = unique1d(b, { returnIndex: true }, b.shape);
      [a, b] = [ua[0]!, ub[0]!];
      ind1 = Float64Array.from(ua[1]!.tolist() as number[]);
      ind2 = Float64Array.from(ub[1]!.tolist() as number[]);
    } else [a, b] = [unique1d(a, {}, a.shape)[0]!, unique1d(b, {}, b.shape)[0]!];
  } else [a, b] = [flat(a), flat(b)];
  const { aux, perm, eqNext } = sortedAux(concat(a, b));
  const pos: number[] = [], i1: number[] = [], i2: number[] = [];
  for (let i = 0; i < eqNext.length; i++)
    if (eqNext[i]) {
      pos.push(i);
      i1.push(perm[i]!);
      i2.push(perm[i + 1]! - a.size);
    }
  const int1d = face(gather(aux, pos), ar1, ar2);
  if (!o.returnIndices) return int1d;
  const r1 = ind1 ? i1.map((j) => ind1![j]!) : i1, r2 = ind2 ? i2.map((j) => ind2![j]!) : i2;
  return [int1d, int64Of(r1, [r1.length]), int64Of(r2, [r2.length])];
}

/** np.union1d(ar1, ar2): the sorted unique values of both (flattened). */
export function union1d(ar1: ArrayLike, ar2: ArrayLike): NDArray {
  const g = bind(UNION1D, arguments);
  [ar1, ar2] = [g.ar1 as ArrayLike, g.ar2 as ArrayLike];
  const c = concat(arr(ar1), arr(ar2));
  return face(unique1d(c, {}, c.shape)[0]!, ar1, ar2);
}

/** np.setdiff1d(ar1, ar2, assume_unique=False): values of ar1 not in ar2 (ar1's order when assume_unique). */
export function setdiff1d(ar1: ArrayLike, ar2: ArrayLike, assumeUnique?: boolean | { assumeUnique?: boolean }): NDArray {
  const o = bind(SETDIFF1D, arguments);
  [ar1, ar2] = [o.ar1 as ArrayLike, o.ar2 as ArrayLike];
  let a = arr(ar1), b = arr(ar2);
  if (pyTruth(o.assumeUnique)) a = contiguous(flat(a));
  else [a, b] = [unique1d(a, {}, a.shape)[0]!, unique1d(b, {}, b.shape)[0]!];
  const keep = isin(a, b, { invert: true }).data as Uint8Array;
  const pos: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) pos.push(i);
  return face(gather(contiguous(a), pos), ar1, ar2);
}

/** np.setxor1d(ar1, ar2, assume_unique=False): sorted values in exactly one of the inputs. */
export function setxor1d(ar1: ArrayLike, ar2: ArrayLike, assumeUnique?: boolean | { assumeUnique?: boolean }): NDArray {
  const o = bind(SETXOR1D, arguments);
  [ar1, ar2] = [o.ar1 as ArrayLike, o.ar2 as ArrayLike];
  let a = arr(ar1), b = arr(ar2);
  if (!pyTruth(o.assumeUnique)) [a, b] = [unique1d(a, {}, a.shape)[0]!, unique1d(b, {}, b.shape)[0]!];
  const c = concat(a, b);
  if (c.size === 0) return face(c, ar1, ar2);
  const { aux, eqNext } = sortedAux(c);
  const n = aux.size, pos: number[] = [];
  for (let i = 0; i < n; i++) if ((i === 0 || !eqNext[i - 1]) && (i === n - 1 || !eqNext[i])) pos.push(i);
  return face(gather(aux, pos), ar1, ar2);
}

