// assign.ts — writing whole arrays: np.copyto (broadcast + casting rule) and ndarray.fill, with NumPy's errors.

import { pyType } from "../core/args.js";
import { asarray, castCopy, checkPyInt, copyInto, toStorage, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, canCast, type Casting, type DType } from "../core/dtype.js";
import { ValueError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { broadcastStrides } from "../core/shape.js";

function scalarKind(v: unknown): DType | null {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "bigint") return "int64";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return null;
}

/** np.copyto(dst, src, casting="same_kind"): src broadcasts to dst; JS scalars are weak (NEP 50). */
export function copyto(dst: NDArray, src: ArrayLike, opts: { casting?: Casting } = {}): void {
  if (!(dst instanceof NDArray)) throw new TypeError(`copyto() argument 1 must be a numpy.ndarray, not ${pyType(dst)}`);
  opts = opts ?? {};
  const casting = opts.casting ?? "same_kind";
  if (!["no", "equiv", "safe", "same_kind", "unsafe"].includes(casting as string))
    throw new ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
  const sk = scalarKind(src);
  if (sk !== null) {
    const v = src as number | bigint | boolean;
    const kind = DTYPE_INFO[dst.dtype].kind;
    // A weak Python int fits any int dtype it is in range of, and any float; a Python float needs a float target.
    const effective: DType = sk === "int64" && kind !== "b" ? dst.dtype : sk;
    if (!canCast(effective, dst.dtype, casting))
      throw new TypeError(`Cannot cast scalar from dtype('${sk}') to dtype('${dst.dtype}') according to the rule '${casting}'`);
    if (typeof v !== "boolean" && (kind === "i" || kind === "u")) checkPyInt(v, dst.dtype);
    if (!dst._writeable) throw new ValueError("assignment destination is read-only");
    fill(dst, v);
    return;
  }
  const s = asarray(src);
  if (!canCast(s.dtype, dst.dtype, casting))
    throw new TypeError(`Cannot cast array data from dtype('${s.dtype}') to dtype('${dst.dtype}') according to the rule '${casting}'`);
  const fits = s.ndim <= dst.ndim && s.shape.every((d, i) => d === 1 || d === dst.shape[dst.ndim - s.ndim + i]);
  if (!fits)
    throw new ValueError(`could not broadcast input array from shape (${s.shape.join(",")}${s.ndim === 1 ? "," : ""}) into shape (${dst.shape.join(",")}${dst.ndim === 1 ? "," : ""})`);
  if (!dst._writeable) throw new ValueError("assignment destination is read-only");
  let view = new NDArray(s.data, s.dtype, dst.shape, broadcastStrides(s.shape, s._strides, dst.shape), s._offset);
  // Overlapping source and destination: copy the source first, as NumPy does.
  if (s.data.buffer === dst.data.buffer) view = castCopy(view, s.dtype);
  copyInto(dst, view);
}


/** ndarray.fill(value): every element set to the value cast to the array's dtype (unsafe, as NumPy). */
export function fill(a: NDArray, value: number | bigint | boolean): NDArray {
  if (!a._writeable) throw new ValueError("assignment destination is read-only");
  const src = new DTYPE_INFO[a.dtype].ctor(1);
  (src as unknown as (number | bigint)[])[0] = toStorage(value, a.dtype);
  copyInto(a, new NDArray(src, a.dtype, a.shape, a.shape.map(() => 0), 0));
  return a;
}

declare module "../core/ndarray.js" {
  interface NDArray {
    fill(value: number | bigint | boolean): NDArray;
  }
}
Object.assign(NDArray.prototype, {
  fill(this: NDArray, value: number | bigint | boolean) {
    return fill(this, value);
  },
});
