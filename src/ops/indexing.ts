// indexing.ts — all of a[...] and a[...] = v: NumPy's basic indexing (views by stride arithmetic) and advanced
// indexing (integer/boolean arrays, copies), including where the advanced dimensions land. Rules as in NumPy's
// user guide "Indexing on ndarrays"; error texts as numpy 2.4 prints them.

import { array, asarray, castCopy, checkPyInt, copyInto, toStorage, type ArrayLike as Arr } from "../core/convert.js";
import { DTYPE_INFO } from "../core/dtype.js";
import { IndexError, ValueError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastStrides, shapeSize, shapeCompact } from "../core/shape.js";
import { fastGet } from "./indexing-fast.js";

export type IndexItem = number | string | null | readonly unknown[] | NDArray;

const BAD_INDEX = "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices";


/** Python's slice.indices(n): normalised start, step and the slice length. */
export function sliceIndices(text: string, n: number): { start: number; step: number; len: number } {
  const parts = text.split(":");
  if (parts.length > 3) throw new IndexError(BAD_INDEX);
  const num = (s: string | undefined): number | null => {
    if (s === undefined || s.trim() === "") return null;
    const v = Number(s);
    if (!Number.isInteger(v)) throw new IndexError(BAD_INDEX);
    return v;
  };
  const step = num(parts[2]) ?? 1;
  if (step === 0) throw new ValueError("slice step cannot be zero");
  let start = num(parts[0]), stop = num(parts[1]);
  if (step > 0) {
    start = start === null ? 0 : start < 0 ? Math.max(start + n, 0) : Math.min(start, n);
    stop = stop === null ? n : stop < 0 ? Math.max(stop + n, 0) : Math.min(stop, n);
  } else {
    start = start === null ? n - 1 : start < 0 ? Math.max(start + n, -1) : Math.min(start, n - 1);
    stop = stop === null ? -1 : stop < 0 ? Math.max(stop + n, -1) : Math.min(stop, n - 1);
  }
  const len = step > 0 ? Math.max(0, Math.ceil((stop - start) / step)) : Math.max(0, Math.ceil((start - stop) / -step));
  return { start, step, len };
}

type Norm =
  | { kind: "int"; value: number }
  | { kind: "slice"; text: string }
  | { kind: "new" }
  | { kind: "ellipsis" }
  | { kind: "array"; arr: NDArray } // integer index array
  | { kind: "mask"; arr: NDArray }; // boolean mask

function normalizeItem(it: unknown): Norm {
  if (it === null || it === undefined) return { kind: "new" };
  if (typeof it === "number") {
    if (!Number.isInteger(it)) throw new IndexError(BAD_INDEX);
    return { kind: "int", value: it };
  }
  if (typeof it === "bigint") return { kind: "int", value: Number(it) };
  if (typeof it === "string") {
    if (it === "...") return { kind: "ellipsis" };
    if (!it.includes(":")) {
      const v = Number(it);
      if (it.trim() !== "" && Number.isInteger(v)) return { kind: "int", value: v };
      throw new IndexError(BAD_INDEX);
    }
    return { kind: "slice", text: it };
  }
  if (it instanceof NDArray || Array.isArray(it)) {
    const arr = it instanceof NDArray ? it : jsIndexArray(it);
    const k = DTYPE_INFO[arr.dtype].kind;
    if (k === "b") return { kind: "mask", arr };
    if (k !== "i" && k !== "u") throw new IndexError("arrays used as indices must be of integer (or boolean) type");
    if (arr.ndim === 0) return { kind: "array", arr };
    return { kind: "array", arr };
  }
  throw new IndexError(BAD_INDEX);
}

/** A JS list used as an index: booleans make a mask, numbers an int64 index array ([] is an empty int index). */
function jsIndexArray(list: readonly unknown[]): NDArray {
  const flat = (list as unknown[]).flat(Infinity);
  if (flat.length === 0) return array(list as never, { dtype: "int64" });
  if (flat.every((x) => typeof x === "boolean")) return array(list as never, { dtype: "bool" });
  if (flat.some((x) => typeof x === "number" && !Number.isInteger(x))) throw new IndexError("arrays used as indices must be of integer (or boolean) type");
  return array(list as never, { dtype: "int64" });
}

/** Indices of true elements of a mask, one int array per mask axis (np.nonzero). */
function maskToIndices(mask: NDArray): NDArray[] {
  const nd = mask.ndim;
  const coords: number[][] = Array.from({ length: nd }, () => []);
  const idx = new Array<number>(nd).fill(0);
  for (const v of mask._values()) {
    if (v) for (let d = 0; d < nd; d++) coords[d]!.push(idx[d]!);
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d]! < mask.shape[d]!) break;
      idx[d] = 0;
    }
  }
  return coords.map((c) => {
    const t = new BigInt64Array(c.length);
    for (let i = 0; i < c.length; i++) t[i] = BigInt(c[i]!);
    return new NDArray(t, "int64", [c.length]);
  });
}

interface Plan {
  /** View after the basic part; advanced axes are kept whole in it. */
  view: NDArray;
  /** Advanced indices: axis in `view` and its index array (already broadcast-compatible, ints). */
  adv: { axis: number; arr: NDArray; fromInt?: boolean }[];
  /** True when advanced axes were adjacent (their result dims replace them in place). */
  adjacent: boolean;
}

function plan(a: NDArray, items: readonly unknown[]): Plan {
  let norm = items.map(normalizeItem);
  const ell = norm.filter((n) => n.kind === "ellipsis").length;
  if (ell > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  const consumed = norm.reduce((s, n) => s + (n.kind === "int" || n.kind === "slice" || n.kind === "array" ? 1 : n.kind === "mask" ? Math.max(n.arr.ndim, 1) : 0), 0);
  if (consumed > a.ndim) throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${consumed} were indexed`);
  const fill = Array.from({ length: a.ndim - consumed }, (): Norm => ({ kind: "slice", text: ":" }));
  const e = norm.findIndex((n) => n.kind === "ellipsis");
  norm = e >= 0 ? [...norm.slice(0, e), ...fill, ...norm.slice(e + 1)] : [...norm, ...fill];
  const hasAdv = norm.some((n) => n.kind === "array" || n.kind === "mask");

  const shape: number[] = [], strides: number[] = [];
  let offset = a._offset, axis = 0;
  const adv: Plan["adv"] = [];
  const advPositions: number[] = []; // positions in the item list, for the adjacency rule
  norm.forEach((n, pos) => {
    if (n.kind === "new") {
      shape.push(1);
      strides.push(0);
    } else if (n.kind === "int" && !hasAdv) {
      const size = a.shape[axis]!;
      let i = n.value;
      if (i < -size || i >= size) throw new IndexError(`index ${i} is out of bounds for axis ${axis} with size ${size}`);
      if (i < 0) i += size;
      offset += i * a._strides[axis]!;
      axis++;
    } else if (n.kind === "slice") {
      const { start, step, len } = sliceIndices(n.text, a.shape[axis]!);
      if (len > 0) offset += start * a._strides[axis]!;
      shape.push(len);
      strides.push(a._strides[axis]! * (len === 0 ? 1 : step)); // NumPy resets the step of an empty slice
      axis++;
    } else if (n.kind === "mask") {
      const m = n.arr;
      const dims = m.ndim === 0 ? 0 : m.ndim;
      for (let d = 0; d < dims; d++)
        if (m.shape[d] !== a.shape[axis + d])
          throw new IndexError(`boolean index did not match indexed array along axis ${axis + d}; size of axis is ${a.shape[axis + d]} but size of corresponding boolean axis is ${m.shape[d]}`);
      maskToIndices(m).forEach((ix, d) => {
        adv.push({ axis: shape.length, arr: ix });
        shape.push(a.shape[axis + d]!);
        strides.push(a._strides[axis + d]!);
      });
      advPositions.push(pos);
      axis += dims;
    } else {
      // integer array, or an integer scalar acting as a 0-d index array beside other advanced indices
      const arr = n.kind === "int" ? new NDArray(new BigInt64Array([BigInt(n.value)]), "int64", []) : (n as { arr: NDArray }).arr;
      adv.push({ axis: shape.length, arr, fromInt: n.kind === "int" });
      shape.push(a.shape[axis]!);
      strides.push(a._strides[axis]!);
      advPositions.push(pos);
      axis++;
    }
  });
  const view = new NDArray(a.data, a.dtype, shape, strides, offset, a, a._writeable);
  const adjacent = advPositions.every((p, i) => i === 0 || p === advPositions[i - 1]! + 1);
  return { view, adv, adjacent };
}

/** Broadcast the advanced index arrays and turn them into one element-offset table over the broadcast shape. */
function advancedOffsets(view: NDArray, adv: Plan["adv"]): { bshape: number[]; offs: Float64Array } {
  let bshape: number[];
  try {
    bshape = broadcastIndexShapes(adv.map((x) => x.arr.shape));
  } catch {
    throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${adv.filter((x) => !x.fromInt).map((x) => shapeCompact(x.arr.shape)).join(" ")} `);
  }
  const n = shapeSize(bshape);
  const offs = new Float64Array(n);
  for (const { axis, arr } of adv) {
    const size = view.shape[axis]!, stride = view._strides[axis]!;
    const b = new NDArray(arr.data, arr.dtype, bshape, broadcastStrides(arr.shape, arr._strides, bshape), arr._offset);
    let k = 0;
    for (const raw of b._values()) {
      let i = Number(raw);
      if (i < -size || i >= size) throw new IndexError(`index ${i} is out of bounds for axis ${axisInOriginal(axis)} with size ${size}`);
      if (i < 0) i += size;
      offs[k++] += i * stride;
    }
  }
  return { bshape, offs };
}

// The view keeps advanced axes in their original order, with new axes inserted; NumPy reports the original axis.
let axisMap: number[] = [];
function axisInOriginal(viewAxis: number): number {
  return axisMap[viewAxis] ?? viewAxis;
}

function broadcastIndexShapes(shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes)
    s.forEach((d, i) => {
      const j = nd - s.length + i;
      if (d !== out[j] && d !== 1) {
        if (out[j] !== 1) throw new Error("mismatch");
        out[j] = d;
      }
    });
  return out;
}

/** Result layout of an advanced index: output shape and, per output element, its element offset in `view.data`. */
function gatherLayout(p: Plan): { shape: number[]; offsets: Float64Array } {
  const { view, adv } = p;
  axisMap = originalAxes(view, adv);
  const { bshape, offs } = advancedOffsets(view, adv);
  const advAxes = new Set(adv.map((x) => x.axis));
  const rest = view.shape.map((_, i) => i).filter((i) => !advAxes.has(i));
  const first = Math.min(...advAxes);
  const before = p.adjacent ? rest.filter((i) => i < first) : [];
  const after = p.adjacent ? rest.filter((i) => i > first) : rest;
  const shape = [...before.map((i) => view.shape[i]!), ...bshape, ...after.map((i) => view.shape[i]!)];
  const total = shapeSize(shape);
  const offsets = new Float64Array(total);
  if (total === 0) return { shape, offsets };
  const nb = offs.length;
  const beforeOffs = restOffsets(view, before), afterOffs = restOffsets(view, after);
  let k = 0;
  for (let i = 0; i < beforeOffs.length; i++)
    for (let j = 0; j < nb; j++) {
      const base = view._offset + beforeOffs[i]! + offs[j]!;
      for (let l = 0; l < afterOffs.length; l++) offsets[k++] = base + afterOffs[l]!;
    }
  return { shape, offsets };
}

function originalAxes(view: NDArray, adv: Plan["adv"]): number[] {
  // Only used for error messages: count non-new axes (stride 0 & size 1 from None) before each view axis.
  const map: number[] = [];
  let orig = 0;
  view.shape.forEach((d, i) => {
    map[i] = orig;
    const isNew = d === 1 && view._strides[i] === 0 && !adv.some((x) => x.axis === i);
    if (!isNew) orig++;
  });
  return map;
}

/** Element offsets (relative) of every position over the given axes of `view`, in C order. */
function restOffsets(view: NDArray, axes: number[]): Float64Array {
  const n = axes.reduce((p, i) => p * view.shape[i]!, 1);
  const out = new Float64Array(n);
  const idx = new Array<number>(axes.length).fill(0);
  let off = 0;
  for (let k = 0; k < n; k++) {
    out[k] = off;
    for (let d = axes.length - 1; d >= 0; d--) {
      const ax = axes[d]!;
      idx[d]!++;
      off += view._strides[ax]!;
      if (idx[d]! < view.shape[ax]!) break;
      off -= view._strides[ax]! * view.shape[ax]!;
      idx[d] = 0;
    }
  }
  return out;
}

/** Element offsets (into a.data) and result shape of a[index], for basic and advanced indices alike. */
export function indexLayout(a: NDArray, items: readonly unknown[]): { shape: number[]; offsets: Float64Array } {
  const p = plan(a, items);
  if (p.adv.length > 0) return gatherLayout(p);
  const v = p.view;
  const rel = restOffsets(v, v.shape.map((_, i) => i));
  for (let i = 0; i < rel.length; i++) rel[i] += v._offset;
  return { shape: [...v.shape], offsets: rel };
}

/** a[...]: a view for basic indices, a copy for advanced ones, a 0-d copy when every axis gets an integer. */
export function getItem(a: NDArray, items: readonly unknown[]): NDArray {
  const fast = fastGet(a, items);
  if (fast !== null) {
    if (a._tensor) fast._tensor = true;
    return fast;
  }
  return getItemGeneral(a, items);
}

/** The general path (also the reference the fast paths are tested against). */
export function getItemGeneral(a: NDArray, items: readonly unknown[]): NDArray {
  const p = plan(a, items);
  let r: NDArray;
  if (p.adv.length === 0) {
    r = p.view;
    if (r.ndim === 0 && items.every((it) => typeof it === "number" || typeof it === "bigint")) r = castCopy(r, r.dtype);
  } else {
    const { shape, offsets } = gatherLayout(p);
    r = empty(shape, a.dtype);
    const src = a.data as unknown as ArrayLike<number>, dst = r.data as unknown as (number | bigint)[];
    for (let i = 0; i < offsets.length; i++) dst[i] = src[offsets[i]!]!;
  }
  if (a._tensor) r._tensor = true;
  return r;
}

/** a[...] = value: value broadcasts to the indexed shape and is cast (unsafely, as NumPy's setitem); validated before any write. */
export function setItem(a: NDArray, index: unknown, value: Arr): void {
  const items = Array.isArray(index) ? (index as unknown[]) : [index];
  const p = plan(a, items);
  const isScalar = typeof value === "number" || typeof value === "bigint" || typeof value === "boolean";
  if (isScalar && typeof value !== "boolean") checkPyInt(value as number | bigint, a.dtype);
  const v = isScalar ? null : asarray(value);
  if (p.adv.length === 0) {
    const dst = p.view;
    if (v !== null && !fitsInto(v.shape, dst.shape)) throw new ValueError(`could not broadcast input array from shape ${shapeCompact(v.shape)} into shape ${shapeCompact(dst.shape)}`);
    if (!a._writeable) throw new ValueError("assignment destination is read-only");
    const src = v === null ? scalarArray(value as number, a) : v;
    let bsrc = new NDArray(src.data, src.dtype, dst.shape, broadcastStrides(src.shape, src._strides, dst.shape), src._offset);
    if (src.data.buffer === a.data.buffer) bsrc = castCopy(bsrc, src.dtype);
    copyInto(dst, bsrc);
    return;
  }
  const { shape, offsets } = gatherLayout(p);
  if (v !== null && !fitsInto(v.shape, shape)) throw new ValueError(`shape mismatch: value array of shape ${shapeCompact(v.shape)} could not be broadcast to indexing result of shape ${shapeCompact(shape)}`);
  if (!a._writeable) throw new ValueError("assignment destination is read-only");
  const src = v === null ? scalarArray(value as number, a) : v;
  // Cast the value to the target dtype in the broadcast shape, then scatter in C order (last write wins).
  const vals = castCopy(new NDArray(src.data, src.dtype, shape, broadcastStrides(src.shape, src._strides, shape), src._offset), a.dtype);
  const dst = a.data as unknown as (number | bigint)[], s = vals.data as unknown as ArrayLike<number | bigint>;
  for (let i = 0; i < offsets.length; i++) dst[offsets[i]!] = s[i]!;
}

function fitsInto(src: readonly number[], dst: readonly number[]): boolean {
  if (src.length > dst.length) {
    // NumPy allows leading 1s in the value beyond the target's ndim.
    const extra = src.slice(0, src.length - dst.length);
    if (extra.some((d) => d !== 1)) return false;
    src = src.slice(src.length - dst.length);
  }
  return src.every((d, i) => d === 1 || d === dst[dst.length - src.length + i]);
}

function scalarArray(v: number | bigint | boolean, a: NDArray): NDArray {
  const t = new DTYPE_INFO[a.dtype].ctor(1);
  (t as unknown as (number | bigint)[])[0] = toStorage(v, a.dtype);
  return new NDArray(t, a.dtype, []);
}

type ArrayLike<T> = globalThis.ArrayLike<T>;

declare module "../core/ndarray.js" {
  interface NDArray {
    /** a[i, j, ...]: numbers, slice strings ("1:3", "::-1"), "...", null (new axis), integer or boolean arrays. */
    get(...index: IndexItem[]): NDArray;
    /** a[index] = value; `index` is one item or a JS array of items (a tuple). */
    set(index: IndexItem | readonly IndexItem[], value: Arr): NDArray;
    /** `for (const row of a)`: iterates over the first axis like Python's `for row in a`. */
    [Symbol.iterator](): Iterator<NDArray>;
  }
}
Object.assign(NDArray.prototype, {
  get(this: NDArray, ...index: IndexItem[]) {
    return getItem(this, index);
  },
  set(this: NDArray, index: unknown, value: Arr) {
    setItem(this, index, value);
    return this;
  },
  *[Symbol.iterator](this: NDArray): Generator<NDArray> {
    if (this.ndim === 0) throw new TypeError("iteration over a 0-d array");
    for (let i = 0; i < this.shape[0]!; i++) yield getItem(this, [i]);
  },
});
