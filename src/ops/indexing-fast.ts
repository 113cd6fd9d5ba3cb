// indexing-fast.ts — the two advanced-indexing shapes that dominate real code, without building offset tables:
// a[intArray] on a 1-d array (a gather) and a[mask] with a mask of the array's own shape (a compress). Same
// results and errors as the general path in indexing.ts, which remains the reference (tests compare the two).

import { IndexError } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { isCContiguous } from "../core/shape.js";

/** Reads integer index k of a contiguous index array as a JS number (int64 via its two 32-bit halves, no BigInt). */
function indexReader(ix: NDArray): ((k: number) => number) | null {
  const d = ix.data, o = ix._offset;
  if (d instanceof BigInt64Array) {
    const w = new Int32Array(d.buffer, d.byteOffset, d.length * 2);
    return (k) => {
      const lo = w[2 * (o + k)]!, hi = w[2 * (o + k) + 1]!;
      return hi === lo >> 31 ? lo : Number(d[o + k]!);
    };
  }
  if (d instanceof BigUint64Array) return (k) => Number(d[o + k]!);
  if (ix.dtype === "bool" || !(ix.dtype.startsWith("int") || ix.dtype.startsWith("uint"))) return null;
  return (k) => d[o + k] as number;
}

/** Every int64 index (as 32-bit halves) lies in [-size, size). */
function allInBounds(w: Int32Array, n: number, size: number): boolean {
  let bad = 0;
  for (let k = 0; k < n; k++) {
    const i = w[2 * k]!;
    bad |= (w[2 * k + 1]! ^ (i >> 31)) | (i >= size ? 1 : 0) | (i < -size ? 1 : 0);
  }
  return bad === 0;
}

function gather1d(a: NDArray, ix: NDArray): NDArray | null {
  if (ix.ndim !== 1 || !isCContiguous(ix.shape, ix._strides)) return null;
  const read = indexReader(ix);
  if (read === null) return null;
  const n = ix.shape[0]!, size = a.shape[0]!, st = a._strides[0]!, off = a._offset;
  const r = empty([n], a.dtype);
  const src = a.data as unknown as ArrayLike<number>, dst = r.data as unknown as number[];
  const bad = (k: number): never => {
    throw new IndexError(`index ${read(k)} is out of bounds for axis 0 with size ${size}`);
  };
  if (ix.data instanceof BigInt64Array && size < 2 ** 31) {
    // int64 indices (the default): read the low 32-bit half; anything that does not fit 32 bits is out of bounds
    // here, so the loop stays in small-integer arithmetic.
    const d = ix.data, w = new Int32Array(d.buffer, d.byteOffset + ix._offset * 8, n * 2);
    if (st === 1 && off === 0 && allInBounds(w, n, size)) {
      // The common case (a fresh contiguous array, valid indices): one streaming check pass, then a gather with no
      // branches or offset arithmetic (negative indices wrap by adding size where the sign bit is set).
      for (let k = 0; k < n; k++) {
        const i = w[2 * k]!;
        dst[k] = src[i + ((i >> 31) & size)]!;
      }
      return r;
    }
    for (let k = 0; k < n; k++) {
      let i = w[2 * k]!;
      if (w[2 * k + 1]! !== i >> 31) bad(k);
      if (i < 0) i += size;
      if (i < 0 || i >= size) bad(k);
      dst[k] = src[off + i * st]!;
    }
    return r;
  }
  for (let k = 0; k < n; k++) {
    let i = read(k);
    if (i < 0) i += size;
    if (i < 0 || i >= size) bad(k);
    dst[k] = src[off + i * st]!;
  }
  return r;
}

function compress(a: NDArray, mask: NDArray): NDArray | null {
  if (!isCContiguous(a.shape, a._strides) || !isCContiguous(mask.shape, mask._strides)) return null;
  const m = mask.data as Uint8Array, mo = mask._offset, n = mask.size;
  let count = 0;
  for (let k = 0; k < n; k++) count += m[mo + k]!;
  const r = empty([count], a.dtype);
  const src = a.data as unknown as ArrayLike<number>, dst = r.data as unknown as number[], ao = a._offset;
  for (let k = 0, j = 0; j < count; k++) if (m[mo + k]) dst[j++] = src[ao + k]!;
  return r;
}

/** a.get(x) for the fast shapes, or null to take the general path. */
export function fastGet(a: NDArray, items: readonly unknown[]): NDArray | null {
  if (items.length !== 1 || !(items[0] instanceof NDArray)) return null;
  const x = items[0];
  if (x.dtype === "bool") {
    if (x.ndim === 0 || x.ndim !== a.ndim || x.shape.some((d, i) => d !== a.shape[i])) return null;
    return compress(a, x);
  }
  if (a.ndim !== 1) return null;
  return gather1d(a, x);
}
