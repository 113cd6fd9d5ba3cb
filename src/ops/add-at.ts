// add-at.ts — np.addAt(a, indices, b): NumPy's unbuffered `np.add.at`, where repeated indices accumulate (a plain
// fancy `+=` keeps only the last write). Values are added in the promoted dtype and cast back unsafely, as NumPy.

import { asarray, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { broadcastStrides } from "../core/shape.js";
import { indexLayout, type IndexItem } from "./indexing.js";

/** `indices` follows a.set's rule: one index item, or a JS array of items (a tuple) — so NumPy's
 * `np.add.at(a, [0, 0, 1], 1)` is `np.addAt(a, [[0, 0, 1]], 1)` (or pass an NDArray of indices). */
export function addAt(a: NDArray, indices: IndexItem | readonly IndexItem[], b: ArrayLike): void {
  if (!(a instanceof NDArray)) throw new TypeError("at() argument 1 must be a numpy.ndarray");
  const items = Array.isArray(indices) ? (indices as unknown[]) : [indices];
  const { shape, offsets } = indexLayout(a, items);
  const weak = typeof b === "number" || typeof b === "bigint" || typeof b === "boolean";
  const v = asarray(b as ArrayLike);
  const fits = v.ndim <= shape.length && v.shape.every((d, i) => d === 1 || d === shape[shape.length - v.ndim + i]);
  if (!fits) throw new ValueError("array is not broadcastable to correct shape");
  if (!a._writeable) throw new ValueError("assignment destination is read-only");
  const loop = weak ? (typeof b === "number" && !Number.isInteger(b) && DTYPE_INFO[a.dtype].kind !== "f" ? "float64" : a.dtype) : promoteTypes(a.dtype, v.dtype);
  const bv = new NDArray(v.data, v.dtype, shape, broadcastStrides(v.shape, v._strides, shape), v._offset);
  const vals = [...bv._values()];
  const dst = a.data as unknown as (number | bigint)[];
  const aBig = DTYPE_INFO[a.dtype].big, loopKind = DTYPE_INFO[loop].kind;
  for (let k = 0; k < offsets.length; k++) {
    const o = offsets[k]!, x = vals[k]!;
    if (a.dtype === "bool") dst[o] = dst[o] || x ? 1 : 0;
    else if (loopKind === "f") {
      const s = Number(dst[o]!) + Number(x);
      dst[o] = aBig ? BigInt(Math.trunc(s)) : DTYPE_INFO[a.dtype].kind === "f" ? s : Math.trunc(s);
    } else if (aBig) dst[o] = (dst[o] as bigint) + BigInt(x);
    else dst[o] = (dst[o] as number) + Number(x);
  }
}
