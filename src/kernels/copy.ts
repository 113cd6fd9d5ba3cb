// copy.ts — fast paths of copyInto (core/convert.ts) for copies that need no element conversion (same dtype):
// contiguous runs by TypedArray.set (memmove), broadcast scalars by fill, and strided 2-d copies — a transpose is
// the common one — by a cache-blocked loop. The generic strided loop in copyInto stays the reference (test/copy.test.ts).

import type { NDArray } from "../core/ndarray.js";
import type { TypedArray } from "../core/dtype.js";
import { collapse } from "./iter.js";

/** Runs shorter than this are copied by a plain loop: `set` on a subarray costs an allocation per call. */
const MIN_SET = 32;

/**
 * Tile of the blocked copy: one 64-byte cache line of the destination per row (8 float64), by OUTER rows.
 * The transposed source is then read as LINE rows of OUTER consecutive elements; those LINE lines stay cached
 * while the tile is walked, even when the row stride is a power of two and they all map to one cache set — square
 * 32 x 32 tiles overflow the set's 12 ways there and ran 2x slower (bench/NOTES.md).
 */
const LINE_BYTES = 64, OUTER = 256;

/** Element storage seen as same-width plain words, so a copy moves bits: no float canonicalisation, no BigInts. */
function words(a: NDArray): { data: TypedArray; width: number } {
  const d = a.data, n = d.byteLength;
  switch (d.BYTES_PER_ELEMENT) {
    case 1:
      return { data: new Uint8Array(d.buffer, d.byteOffset, n), width: 1 };
    case 2:
      return { data: new Uint16Array(d.buffer, d.byteOffset, n >> 1), width: 1 };
    case 4:
      return { data: new Int32Array(d.buffer, d.byteOffset, n >> 2), width: 1 };
    default:
      // float64 stays float64 (its own copy loops do the same); int64/uint64 move as two int32 words.
      return d instanceof Float64Array ? { data: d, width: 1 } : { data: new Int32Array(d.buffer, d.byteOffset, n >> 2), width: 2 };
  }
}

/**
 * Copy src into dst (same shape, same dtype) when a fast path applies; false leaves the work to the caller.
 * Operands sharing a buffer only take the memmove-safe 1-d paths.
 */
export function fastCopy(dst: NDArray, src: NDArray): boolean {
  if (dst.dtype !== src.dtype || dst.ndim !== src.ndim) return false;
  const plan = collapse(src.shape, [[...dst._strides], [...src._strides]]);
  if (plan === null) return true;
  const { shape } = plan;
  const [ds, ss] = plan.strides as [number[], number[]];
  const nd = shape.length;
  if (nd === 1 && copy1d(dst.data, dst._offset, ds[0]!, src.data, src._offset, ss[0]!, shape[0]!)) return true;
  if (dst.data.buffer === src.data.buffer) return false;
  const dw = words(dst), sw = words(src), w = dw.width;
  if (nd === 1) {
    (w === 1 ? tile1 : tile2)(dw.data, dst._offset * w, 0, ds[0]! * w, sw.data, src._offset * w, 0, ss[0]! * w, 1, shape[0]!);
    return true;
  }
  // The last two axes as one 2-d copy, repeated over the outer axes; offsets and strides in words.
  const rows = shape[nd - 2]!, cols = shape[nd - 1]!;
  const dr = ds[nd - 2]! * w, dc = ds[nd - 1]! * w, sr = ss[nd - 2]! * w, sc = ss[nd - 1]! * w;
  const outer = shape.slice(0, nd - 2);
  const idx = outer.map(() => 0);
  let total = 1;
  for (const n of outer) total *= n;
  let doff = dst._offset * w, soff = src._offset * w;
  for (let k = 0; k < total; k++) {
    copy2d(dw.data, doff, dr, dc, sw.data, soff, sr, sc, rows, cols, w);
    for (let j = outer.length - 1; j >= 0; j--) {
      idx[j]!++;
      doff += ds[j]! * w;
      soff += ss[j]! * w;
      if (idx[j]! < outer[j]!) break;
      doff -= ds[j]! * w * outer[j]!;
      soff -= ss[j]! * w * outer[j]!;
      idx[j] = 0;
    }
  }
  return true;
}

function copy1d(d: TypedArray, doff: number, dst: number, s: TypedArray, soff: number, sst: number, n: number): boolean {
  if (dst === 1 && sst === 1 && n >= MIN_SET) {
    d.set(s.subarray(soff, soff + n) as never, doff);
    return true;
  }
  if (dst === 1 && sst === 0 && n >= MIN_SET) {
    (d.fill as (v: number | bigint, start: number, end: number) => TypedArray)(s[soff]!, doff, doff + n);
    return true;
  }
  return false;
}

/** One 2-d copy of rows x cols elements of `w` words each; offsets and strides in words. */
export function copy2d(d: TypedArray, doff: number, dr: number, dc: number, s: TypedArray, soff: number, sr: number, sc: number, rows: number, cols: number, w: number): void {
  if (dc === w && sc === w && cols * w >= MIN_SET) {
    for (let i = 0; i < rows; i++) d.set(s.subarray(soff + i * sr, soff + i * sr + cols * w) as never, doff + i * dr);
    return;
  }
  // Walk the destination in memory order along the inner axis.
  if (Math.abs(dr) === w && Math.abs(dc) !== w) [rows, cols, dr, dc, sr, sc] = [cols, rows, dc, dr, sc, sr];
  const line = Math.max(1, LINE_BYTES / (d.BYTES_PER_ELEMENT * w));
  if (rows * cols <= OUTER * line || Math.abs(sc) === w) {
    (w === 1 ? tile1 : tile2)(d, doff, dr, dc, s, soff, sr, sc, rows, cols);
    return;
  }
  const tile = w === 1 ? tile1 : tile2;
  for (let i0 = 0; i0 < rows; i0 += OUTER) {
    const ni = Math.min(OUTER, rows - i0);
    for (let j0 = 0; j0 < cols; j0 += line) tile(d, doff + i0 * dr + j0 * dc, dr, dc, s, soff + i0 * sr + j0 * sc, sr, sc, ni, Math.min(line, cols - j0));
  }
}

function tile1(d: TypedArray, doff: number, dr: number, dc: number, s: TypedArray, soff: number, sr: number, sc: number, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    let di = doff + i * dr, si = soff + i * sr;
    for (let j = 0; j < cols; j++, di += dc, si += sc) d[di] = s[si]!;
  }
}

/** tile1 for two-word (int64) elements. */
function tile2(d: TypedArray, doff: number, dr: number, dc: number, s: TypedArray, soff: number, sr: number, sc: number, rows: number, cols: number): void {
  for (let i = 0; i < rows; i++) {
    let di = doff + i * dr, si = soff + i * sr;
    for (let j = 0; j < cols; j++, di += dc, si += sc) {
      d[di] = s[si]!;
      d[di + 1] = s[si + 1]!;
    }
  }
}
