// astype.ts — dtype conversion of whole arrays (ndarray.astype, torch's .type/.to-style casts) with NumPy's casting rules.

import { castCopy } from "../core/convert.js";
import { canCast, toDType, type Casting, type DType } from "../core/dtype.js";
import { NDArray } from "../core/ndarray.js";
import { pyType } from "../core/args.js";

export interface AstypeOptions {
  casting?: Casting;
  copy?: boolean;
}

export function astype(a: NDArray, dtype: DType | string, opts: AstypeOptions = {}): NDArray {
  if (!(a instanceof NDArray)) throw new TypeError(`Input should be a NumPy array or scalar. It is a <class '${pyType(a)}'> instead.`);
  opts = opts ?? {};
  const dt = toDType(dtype);
  const casting = opts.casting ?? "unsafe";
  if (!canCast(a.dtype, dt, casting))
    throw new TypeError(`Cannot cast array data from dtype('${a.dtype}') to dtype('${dt}') according to the rule '${casting}'`);
  if (dt === a.dtype && opts.copy === false) return a;
  const r = castCopy(a, dt);
  r._tensor = a._tensor;
  return r;
}

declare module "../core/ndarray.js" {
  interface NDArray {
    astype(dtype: DType | string, opts?: AstypeOptions): NDArray;
    copy(): NDArray;
  }
}

Object.assign(NDArray.prototype, {
  astype(this: NDArray, dtype: DType | string, opts?: AstypeOptions) {
    return astype(this, dtype, opts);
  },
  copy(this: NDArray) {
    const r = castCopy(this, this.dtype);
    r._tensor = this._tensor;
    return r;
  },
});
