// sort.ts — np.sort, argsort, partition, argpartition, searchsorted and their ndarray methods, with NumPy 2.4's
// argument rules and messages. Every kind runs the stable kernel (src/kernels/sort.ts): NumPy leaves the order of
// ties to the implementation for its unstable kinds, so stable results are always valid — and they are NumPy's
// exact results for kind "stable". partition/argpartition return a full (stable) sort, which satisfies NumPy's
// partition contract for every kth.

import { pyType } from "../core/args.js";
import { castCopy, copyInto, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes, type DType } from "../core/dtype.js";
import { ValueError, normalizeAxis } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { argsortLane, sortLane } from "../kernels/sort.js";
import { arr, bind, cInt, contiguous, face, flat, int64Of, laneStarts, numbersOf, type Signature } from "./sort-util.js";

export type SortKind = "quicksort" | "mergesort" | "heapsort" | "stable";

export interface SortOptions {
  axis?: number | null;
  kind?: SortKind | string | null;
  order?: unknown;
  stable?: boolean | null;
}

export interface PartitionOptions {
  axis?: number | null;
  kind?: "introselect" | string;
  order?: unknown;
}

export interface SearchsortedOptions {
  side?: "left" | "right";
  sorter?: ArrayLike | null;
}

const SORT: Signature = { name: "sort", params: ["a", "axis", "kind", "order"], required: 1, keywords: ["stable"] };
const ARGSORT: Signature = { ...SORT, name: "argsort" };
const PARTITION: Signature = { name: "partition", params: ["a", "kth", "axis", "kind", "order"], required: 2 };
const ARGPARTITION: Signature = { ...PARTITION, name: "argpartition" };
const LEXSORT: Signature = { name: "lexsort", params: ["keys", "axis"], required: 1 };
const SEARCHSORTED: Signature = { name: "searchsorted", params: ["a", "v", "side", "sorter"], required: 2 };

/** NumPy's sortkind converter (any string starting with q, h, m or s, either case), then the kind/stable clash. */
function checkKind(o: Record<string, unknown>): void {
  const kind = o.kind ?? null, stable = o.stable ?? null;
  if (kind !== null) {
    if (typeof kind !== "string") throw new TypeError(`sort kind must be str, not ${pyType(kind)}`);
    if (!/^[qQhHmMsS]/.test(kind)) throw new ValueError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${kind}')`);
  }
  if (kind !== null && stable !== null) throw new ValueError("`kind` and keyword parameters can't be provided at the same time. Use only one of them.");
}

function checkOrder(o: Record<string, unknown>): void {
  if (o.order !== undefined && o.order !== null) throw new ValueError("Cannot specify order when the array has no fields.");
}

/** The array to work on and its axis (already converted to an int): null flattens (NumPy's axis=None). */
function target(x: NDArray, axis: number | null): { src: NDArray; axis: number } {
  if (axis === null) return { src: flat(x), axis: 0 };
  return { src: x, axis: normalizeAxis(axis, x.ndim) };
}

/** An axis argument converted as `how` (type errors only; bounds come later, as in NumPy); null stays null. */
const axisOrNull = (v: unknown, how: "arg" | "axis"): number | null => (v === null ? null : cInt(v ?? -1, how));

/** Sort every lane of `a` along `axis` in place (any strides). */
function sortAlong(a: NDArray, axis: number): void {
  const n = a.shape[axis]!, st = a._strides[axis]!;
  if (n <= 1) return;
  for (const s of laneStarts(a.shape, a._strides, axis)) sortLane(a.data, a._offset + s, st, n, a.dtype, a.data, a._offset + s, st);
}

/** A new C-contiguous array holding every lane of `src` along `axis`, sorted. */
function sortedCopy(src: NDArray, axis: number): NDArray {
  const out = empty(src.shape, src.dtype), n = src.shape[axis]!;
  if (out.size === 0) return out;
  if (n <= 1) {
    copyInto(out, src);
    return out;
  }
  const st = src._strides[axis]!, ost = out._strides[axis]!;
  const a = laneStarts(src.shape, src._strides, axis), b = laneStarts(out.shape, out._strides, axis);
  for (let l = 0; l < a.length; l++) sortLane(src.data, src._offset + a[l]!, st, n, src.dtype, out.data, b[l]!, ost);
  return out;
}

/** int64 stable argsort of every lane of `src` along `axis`, as a new C-contiguous array of src's shape. */
function argsortAlong(src: NDArray, axis: number): NDArray {
  const out = empty(src.shape, "int64");
  const n = src.shape[axis]!;
  if (out.size === 0) return out;
  const w = new Int32Array(out.data.buffer, out.data.byteOffset, 2 * out.size);
  const ost = out._strides[axis]!, st = src._strides[axis]!;
  const perm = new Uint32Array(n);
  const srcStarts = laneStarts(src.shape, src._strides, axis), outStarts = laneStarts(out.shape, out._strides, axis);
  for (let l = 0; l < srcStarts.length; l++) {
    argsortLane(src.data, src._offset + srcStarts[l]!, st, n, src.dtype, perm);
    for (let i = 0, j = 2 * outStarts[l]!; i < n; i++, j += 2 * ost) w[j] = perm[i]!; // high words stay 0
  }
  return out;
}

/** np.sort(a, axis=-1, kind=None, order=None, *, stable=None): a sorted copy; NaNs last. */
export function sort(a: ArrayLike, axis?: number | null | SortOptions, kind?: SortKind | string | null | SortOptions, order?: unknown): NDArray {
  const o = bind(SORT, arguments);
  const x = arr(o.a as ArrayLike);
  const ax = axisOrNull(o.axis, "arg");
  checkKind(o);
  checkOrder(o);
  const t = target(x, ax);
  return face(sortedCopy(t.src, t.axis), x);
}

/** np.argsort(a, axis=-1, kind=None, order=None, *, stable=None): int64 indices that sort a (stably). */
export function argsort(a: ArrayLike, axis?: number | null | SortOptions, kind?: SortKind | string | null | SortOptions, order?: unknown): NDArray {
  const o = bind(ARGSORT, arguments);
  const x = arr(o.a as ArrayLike);
  const ax = axisOrNull(o.axis, "axis");
  checkKind(o);
  checkOrder(o);
  const t = target(x, ax);
  return face(argsortAlong(t.src, t.axis), x);
}

/** kth as NumPy's partition takes it (np.asarray of it, 0-d or 1-d ints), negatives from the end, each checked against n. */
function kthList(kth: unknown, n: number, empty = false): number[] {
  let list: unknown[];
  const notInt = (): TypeError => new TypeError("Partition index must be integer");
  if (typeof kth === "boolean") throw new ValueError("Booleans unacceptable as partition index");
  if (kth instanceof NDArray) {
    if (kth.ndim > 1) throw new ValueError("object too deep for desired array");
    if (kth.dtype === "bool") throw new ValueError("Booleans unacceptable as partition index");
    if (DTYPE_INFO[kth.dtype].kind === "f") throw notInt();
    list = [...numbersOf(kth)];
  } else if (Array.isArray(kth)) {
    if (kth.some((k) => Array.isArray(k) || k instanceof NDArray)) throw new ValueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
    if (kth.length === 0) throw notInt(); // np.asarray([]) is float64
    // np.asarray: all booleans give a bool array; booleans among ints are ints.
    if (kth.every((k) => typeof k === "boolean")) throw new ValueError("Booleans unacceptable as partition index");
    list = kth.map((k) => (typeof k === "boolean" ? Number(k) : k));
  } else list = [kth];
  return list.map((k) => {
    const v = typeof k === "bigint" ? Number(k) : k;
    if (typeof v !== "number" || !Number.isInteger(v) || Math.abs(v) >= 2 ** 63) throw notInt();
    const r = v < 0 ? v + n : v;
    if (!empty && (r < 0 || r >= n)) throw new ValueError(`kth(=${r}) out of bounds (${n})`); // empty arrays skip the check
    return r;
  });
}

/** NumPy's selectkind converter: only "introselect". */
function checkSelectKind(o: Record<string, unknown>): void {
  const kind = o.kind === undefined ? "introselect" : o.kind;
  if (typeof kind !== "string") throw new TypeError(`select kind must be str, not ${pyType(kind)}`);
  if (kind !== "introselect") throw new ValueError(`select kind must be 'introselect' (got '${kind}')`);
}

/** np.partition(a, kth, axis=-1, kind='introselect', order=None): every kth element in its sorted place. */
export function partition(a: ArrayLike, kth: number | readonly number[] | NDArray, axis?: number | null | PartitionOptions, kind?: string | PartitionOptions, order?: unknown): NDArray {
  const o = bind(PARTITION, arguments);
  const x = arr(o.a as ArrayLike);
  const ax = axisOrNull(o.axis, "arg");
  checkSelectKind(o);
  checkOrder(o);
  const t = target(x, ax);
  const ks = kthList(o.kth, t.src.shape[t.axis]!, t.src.size === 0);
  const out = castCopy(t.src, t.src.dtype);
  if (ks.length > 0) sortAlong(out, t.axis);
  return face(out, x);
}

/** np.argpartition(a, kth, axis=-1, kind='introselect', order=None): int64 indices that partition a. */
export function argpartition(a: ArrayLike, kth: number | readonly number[] | NDArray, axis?: number | null | PartitionOptions, kind?: string | PartitionOptions, order?: unknown): NDArray {
  const o = bind(ARGPARTITION, arguments);
  const x = arr(o.a as ArrayLike);
  const ax = axisOrNull(o.axis, "axis");
  checkSelectKind(o);
  checkOrder(o);
  const t = target(x, ax);
  const ks = kthList(o.kth, t.src.shape[t.axis]!, t.src.size === 0);
  if (ks.length > 0) return face(argsortAlong(t.src, t.axis), x);
  // No kth: NumPy leaves the order alone — the identity permutation along the axis.
  const out = empty(t.src.shape, "int64"), n = t.src.shape[t.axis]!;
  const w = new Int32Array(out.data.buffer, out.data.byteOffset, 2 * out.size);
  for (const s of laneStarts(out.shape, out._strides, t.axis)) for (let i = 0; i < n; i++) w[2 * (s + i * out._strides[t.axis]!)] = i;
  return face(out, x);
}

// ---- lexsort ----------------------------------------------------------------------------------------------

/** np.lexsort(keys, axis=-1): indices sorting by the last key first, then the one before, … (stable passes). */
export function lexsort(keys: ArrayLike | readonly ArrayLike[], axis?: number | { axis?: number }): NDArray {
  const o = bind(LEXSORT, arguments);
  const axisArg = cInt(o.axis === undefined ? -1 : o.axis, "arg");
  const k0 = o.keys;
  const list: NDArray[] = k0 instanceof NDArray ? (k0.ndim === 0 ? [] : Array.from({ length: k0.shape[0]! }, (_, i) => keyRow(k0, i))) : Array.isArray(k0) ? k0.map((k) => arr(k as ArrayLike)) : [];
  if (list.length === 0) throw new TypeError("need sequence of keys with len > 0 in lexsort");
  const shape = list[0]!.shape;
  if (list.some((k) => k.ndim !== shape.length || k.shape.some((d, i) => d !== shape[i]))) throw new ValueError("all keys need to be the same shape");
  if (shape.length === 0) return face(int64Of([0], []), ...list);
  const ax = normalizeAxis(axisArg, shape.length), n = shape[ax]!;
  const out = empty(shape, "int64");
  if (out.size === 0) return out;
  const w = new Int32Array(out.data.buffer, out.data.byteOffset, 2 * out.size), ost = out._strides[ax]!;
  const outStarts = laneStarts(out.shape, out._strides, ax), starts = list.map((k) => laneStarts(k.shape, k._strides, ax));
  const p = new Uint32Array(n), q = new Uint32Array(n), next = new Uint32Array(n);
  for (let l = 0; l < outStarts.length; l++) {
    for (let i = 0; i < n; i++) p[i] = i;
    list.forEach((k, j) => {
      // The key's lane in the current order, then a stable argsort of it.
      const lane = new DTYPE_INFO[k.dtype].ctor(n) as unknown as (number | bigint)[];
      const st = k._strides[ax]!, base = k._offset + starts[j]![l]!;
      for (let i = 0; i < n; i++) lane[i] = k.data[base + p[i]! * st]!;
      argsortLane(lane as never, 0, 1, n, k.dtype, q);
      for (let i = 0; i < n; i++) next[i] = p[q[i]!]!;
      p.set(next);
    });
    for (let i = 0, jj = 2 * outStarts[l]!; i < n; i++, jj += 2 * ost) w[jj] = p[i]!;
  }
  return face(out, ...list);
}

function keyRow(keys: NDArray, i: number): NDArray {
  return new NDArray(keys.data, keys.dtype, keys.shape.slice(1), keys._strides.slice(1), keys._offset + i * keys._strides[0]!, keys, false);
}

// ---- searchsorted -----------------------------------------------------------------------------------------

type Cmp = (x: number | bigint, y: number | bigint) => boolean;
/** NumPy's Tag::less: NaN is larger than everything, and equal to itself. */
const lessNum: Cmp = (x, y) => x < y || (y !== y && x === x);
const lessBig: Cmp = (x, y) => x < y;

/** Values of `a` (C order) in the comparison domain: exact bigints when both sides are 64-bit-ish integers. */
function domainValues(a: NDArray, big: boolean): Float64Array | (bigint | number)[] {
  if (!big) return numbersOf(a);
  const c = contiguous(a);
  const out: (bigint | number)[] = new Array(a.size);
  for (let i = 0; i < a.size; i++) {
    const v = c.data[c._offset + i]!;
    out[i] = typeof v === "bigint" ? v : BigInt(v);
  }
  return out;
}

/** The dtype a searchsorted key takes: Python ints are int64, Python floats float64, as PyArray_DescrFromObject. */
function keyArray(v: ArrayLike): NDArray {
  if (typeof v === "number" && Number.isInteger(v)) {
    const k = empty([], "int64");
    (k.data as BigInt64Array)[0] = BigInt(v);
    return k;
  }
  return arr(v);
}

function sideOf(side: unknown): boolean {
  if (side === undefined || side === "left") return false;
  if (side === "right") return true;
  if (typeof side !== "string") throw new TypeError(`search side must be str, not ${pyType(side)}`);
  if (/^[lLrR]/.test(side)) throw new ValueError("search side must be one of 'left' or 'right'");
  throw new ValueError(`search side must be 'left' or 'right' (got '${side}')`);
}

/**
 * np.searchsorted(a, v, side='left', sorter=None): insertion points keeping `a` sorted, as int64 of v's shape.
 * The binary search is NumPy's (npysort/binsearch.cpp), including its reuse of the previous key's bounds, so
 * results on unsorted input and the lazily raised "Sorter index out of range." match NumPy's too.
 */
export function searchsorted(a: ArrayLike, v: ArrayLike, side?: "left" | "right" | SearchsortedOptions, sorter?: ArrayLike | null | SearchsortedOptions): NDArray {
  const o = bind(SEARCHSORTED, arguments);
  const x = arr(o.a as ArrayLike);
  if (x.ndim === 0) throw new ValueError("object of too small depth for desired array");
  if (x.ndim > 1) throw new ValueError("object too deep for desired array");
  const right = sideOf(o.side);
  const keys = keyArray(o.v as ArrayLike);
  const common: DType = promoteTypes(x.dtype, keys.dtype);
  const big = (common === "int64" || common === "uint64") && DTYPE_INFO[x.dtype].kind !== "f" && DTYPE_INFO[keys.dtype].kind !== "f";
  const av = domainValues(x, big), kv = domainValues(keys, big);
  if (common === "float32") for (const t of [av, kv] as Float64Array[]) for (let i = 0; i < t.length; i++) t[i] = Math.fround(t[i]!);
  const less = big ? lessBig : lessNum;
  const cmp: Cmp = right ? (m, k) => !less(k, m) : (m, k) => less(m, k);

  let sort: Float64Array | null = null;
  if (o.sorter !== undefined && o.sorter !== null) {
    const s = o.sorter instanceof NDArray || Array.isArray(o.sorter) ? arr(o.sorter as ArrayLike) : null;
    if (s === null || s.ndim !== 1) throw new TypeError("could not parse sorter argument");
    if (s.dtype === "uint64") throw new ValueError("could not parse sorter argument");
    if (DTYPE_INFO[s.dtype].kind === "f" || s.dtype === "bool") throw new TypeError("sorter must only contain integers");
    if (s.size !== x.size) throw new ValueError("sorter.size must equal a.size");
    sort = numbersOf(s);
  }
  const n = x.size, m = keys.size;
  const res = new Float64Array(m);
  if (!big && sort === null && !hasNaN(av as Float64Array) && !hasNaN(kv as Float64Array)) {
    binsearch(av as Float64Array, kv as Float64Array, right, res);
    return face(int64Of(res, keys.shape), x, o.v);
  }
  let lo = 0, hi = n;
  let last = m > 0 ? kv[0]! : 0;
  for (let i = 0; i < m; i++) {
    const key = kv[i]!;
    if (cmp(last, key)) hi = n;
    else {
      lo = 0;
      hi = hi < n ? hi + 1 : n;
    }
    last = key;
    while (lo < hi) {
      const mid = lo + ((hi - lo) >> 1);
      let j = mid;
      if (sort !== null) {
        j = sort[mid]!;
        if (j < 0 || j >= n) throw new ValueError("Sorter index out of range.");
      }
      if (cmp(av[j]!, key)) lo = mid + 1;
      else hi = mid;
    }
    res[i] = lo;
  }
  return face(int64Of(res, keys.shape), x, o.v);
}

function hasNaN(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== v[i]) return true;
  return false;
}

/** searchsorted's loop for NaN-free numbers and no sorter: plain comparisons, the same probe sequence. */
function binsearch(av: Float64Array, kv: Float64Array, right: boolean, res: Float64Array): void {
  const n = av.length, m = kv.length;
  let lo = 0, hi = n, last = m > 0 ? kv[0]! : 0;
  for (let i = 0; i < m; i++) {
    const key = kv[i]!;
    if (right ? last <= key : last < key) hi = n;
    else {
      lo = 0;
      hi = hi < n ? hi + 1 : n;
    }
    last = key;
    if (right)
      while (lo < hi) {
        const mid = lo + ((hi - lo) >> 1);
        if (av[mid]! <= key) lo = mid + 1;
        else hi = mid;
      }
    else
      while (lo < hi) {
        const mid = lo + ((hi - lo) >> 1);
        if (av[mid]! < key) lo = mid + 1;
        else hi = mid;
      }
    res[i] = lo;
  }
}

// ---- methods ----------------------------------------------------------------------------------------------

declare module "../core/ndarray.js" {
  interface NDArray {
    /** ndarray.sort(axis=-1, kind=None, order=None): sorts in place. */
    sort(axis?: number | SortOptions, kind?: SortKind | string | null | SortOptions, order?: unknown): void;
    argsort(axis?: number | null | SortOptions, kind?: SortKind | string | null | SortOptions, order?: unknown): NDArray;
    /** ndarray.partition(kth, axis=-1, kind='introselect', order=None): partitions in place. */
    partition(kth: number | readonly number[] | NDArray, axis?: number | PartitionOptions, kind?: string | PartitionOptions, order?: unknown): void;
    argpartition(kth: number | readonly number[] | NDArray, axis?: number | null | PartitionOptions, kind?: string | PartitionOptions, order?: unknown): NDArray;
    searchsorted(v: ArrayLike, side?: "left" | "right" | SearchsortedOptions, sorter?: ArrayLike | null | SearchsortedOptions): NDArray;
  }
}

const SORT_METHOD: Signature = { name: "sort", params: ["axis", "kind", "order"], required: 0, keywords: ["stable"] };
const PARTITION_METHOD: Signature = { name: "partition", params: ["kth", "axis", "kind", "order"], required: 1 };

/** The in-place methods take an integer axis only (None raises, as ndarray.sort does). */
function inPlaceAxis(a: NDArray, axis: number): number {
  if (!a._writeable) throw new ValueError("sort array is read-only");
  return normalizeAxis(axis, a.ndim);
}

Object.assign(NDArray.prototype, {
  sort(this: NDArray, ...args: unknown[]) {
    const o = bind(SORT_METHOD, args);
    const ax = cInt(o.axis === undefined ? -1 : o.axis, "arg");
    checkKind(o);
    checkOrder(o);
    sortAlong(this, inPlaceAxis(this, ax));
  },
  argsort(this: NDArray, ...args: unknown[]) {
    return (argsort as (...a: unknown[]) => NDArray)(this, ...args);
  },
  partition(this: NDArray, ...args: unknown[]) {
    const o = bind(PARTITION_METHOD, args);
    const ax = cInt(o.axis === undefined ? -1 : o.axis, "arg");
    checkSelectKind(o);
    checkOrder(o);
    const axis = inPlaceAxis(this, ax);
    if (kthList(o.kth, this.shape[axis]!, this.size === 0).length > 0) sortAlong(this, axis);
  },
  argpartition(this: NDArray, ...args: unknown[]) {
    return (argpartition as (...a: unknown[]) => NDArray)(this, ...args);
  },
  searchsorted(this: NDArray, ...args: unknown[]) {
    return (searchsorted as (...a: unknown[]) => NDArray)(this, ...args);
  },
});
