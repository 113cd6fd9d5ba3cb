// search.ts — finding elements: np.nonzero, argwhere, flatnonzero, countNonzero and np.where (both forms), with
// NumPy 2.4's result dtypes (int64 indices; NEP 50 weak JS scalars in where) and messages.

import { pyTruth } from "../core/args.js";
import { asarray, toStorage, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO, promoteTypes, type DType } from "../core/dtype.js";
import { AxisError, ValueError, normalizeAxis } from "../core/errors.js";
import { NDArray, empty } from "../core/ndarray.js";
import { broadcastShapes, broadcastStrides, shapeSize } from "../core/shape.js";
import { collapse } from "../kernels/iter.js";
import { arr, bind, cInt, face, int64Of, truthOf, words, type Signature } from "./sort-util.js";

const one = (name: string, param = "a"): Signature => ({ name, params: [param], required: 1 });
const NONZERO = one("nonzero"), ARGWHERE = one("argwhere"), FLATNONZERO = one("flatnonzero");
const COUNT_NONZERO: Signature = { name: "count_nonzero", params: ["a", "axis"], required: 1, keywords: ["keepdims"] };
const WHERE: Signature = { name: "where", params: ["condition", "x", "y"], required: 1, positionalOnly: 3 };

/** np.nonzero(a): one int64 array of indices per dimension, in C order of the nonzero elements. */
export function nonzero(a: ArrayLike): NDArray[] {
  const x = arr(bind(NONZERO, arguments).a as ArrayLike);
  if (x.ndim === 0)
    throw new ValueError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  const t = truthOf(x);
  let count = 0;
  for (let i = 0; i < t.length; i++) count += t[i]!;
  const nd = x.ndim, shape = x.shape;
  const coords = Array.from({ length: nd }, () => new Float64Array(count));
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0, c = 0; i < t.length; i++) {
    if (t[i]) {
      for (let d = 0; d < nd; d++) coords[d]![c] = idx[d]!;
      c++;
    }
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d]! < shape[d]!) break;
      idx[d] = 0;
    }
  }
  return coords.map((c) => face(int64Of(c, [count]), x));
}

/** np.argwhere(a): (N, a.ndim) int64 coordinates of the nonzero elements. */
export function argwhere(a: ArrayLike): NDArray {
  const x = arr(bind(ARGWHERE, arguments).a as ArrayLike);
  if (x.ndim === 0) {
    // NumPy: argwhere(atleast_1d(a))[:, :0]
    const n = truthOf(x)[0]!;
    return face(empty([n, 0], "int64"), x);
  }
  const cols = nonzero(x), n = cols[0]!.size, nd = x.ndim;
  const flat = new Float64Array(n * nd);
  cols.forEach((c, d) => {
    const w = new Int32Array(c.data.buffer, c.data.byteOffset, 2 * n);
    for (let i = 0; i < n; i++) flat[i * nd + d] = w[2 * i]!;
  });
  return face(int64Of(flat, [n, nd]), x);
}

/** np.flatnonzero(a): indices of the nonzero elements of ravel(a). */
export function flatnonzero(a: ArrayLike): NDArray {
  const x = arr(bind(FLATNONZERO, arguments).a as ArrayLike), t = truthOf(x);
  const idx: number[] = [];
  for (let i = 0; i < t.length; i++) if (t[i]) idx.push(i);
  return face(int64Of(idx, [idx.length]), x);
}

export interface CountNonzeroOptions {
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

/** np.count_nonzero(a, axis=None, *, keepdims=False): int64 counts (a 0-d array for the whole array). */
export function countNonzero(a: ArrayLike, axis?: number | readonly number[] | null | CountNonzeroOptions, opts?: CountNonzeroOptions): NDArray {
  const o = bind(COUNT_NONZERO, arguments);
  const x = arr(o.a as ArrayLike), nd = x.ndim;
  const ax = o.axis ?? null;
  // NumPy: `if axis is None and not keepdims` counts directly; otherwise sum(axis=axis, keepdims=keepdims).
  const keep = ax === null && !pyTruth(o.keepdims) ? false : cInt(o.keepdims === undefined ? false : o.keepdims, "arg") !== 0;
  const axes = countAxes(ax, nd);
  const t = truthOf(x);
  const outShape = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
  const counts = new Float64Array(shapeSize(outShape));
  // Output index of each C-order input element: the coordinates along reduced axes drop out.
  const ost = new Array<number>(nd);
  for (let d = nd - 1, s = 1; d >= 0; d--) {
    ost[d] = axes.includes(d) ? 0 : s;
    s *= outShape[d]!;
  }
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (let i = 0; i < t.length; i++) {
    counts[off] += t[i]!;
    for (let d = nd - 1; d >= 0; d--) {
      off += ost[d]!;
      if (++idx[d]! < x.shape[d]!) break;
      off -= ost[d]! * x.shape[d]!;
      idx[d] = 0;
    }
  }
  const shape = keep ? outShape : x.shape.filter((_, i) => !axes.includes(i));
  return face(int64Of(counts, shape), x);
}

/** sum's axis argument (None, an int or a tuple — a JS array) as count_nonzero passes it on, NumPy's texts. */
function countAxes(axis: unknown, nd: number): number[] {
  if (axis === null) return Array.from({ length: nd }, (_, i) => i);
  const one = (v: unknown): number => {
    if (typeof v === "boolean") throw new TypeError("an integer is required");
    return cInt(v, "axis");
  };
  if (!Array.isArray(axis)) {
    const v = one(axis);
    if (nd === 0 && (v === 0 || v === -1)) return []; // a 0-d array reduces over axis 0 or -1
    return [normalizeAxis(v, nd)];
  }
  const out = axis.map(one).map((v) => {
    if (nd === 0) throw new AxisError(`axis ${v} is out of bounds for array of dimension 0`);
    return normalizeAxis(v, nd);
  });
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return out;
}

// ---- where ------------------------------------------------------------------------------------------------

type Weak = "int" | "float";

/** The result dtype of values under NEP 50: JS numbers are weak Python ints/floats, bigints weak ints. */
function resultTypeWeak(values: readonly unknown[]): DType {
  let strong: DType | null = null;
  let weak: Weak | null = null;
  for (const v of values) {
    if (typeof v === "number" || typeof v === "bigint") {
      const w: Weak = typeof v === "number" && !Number.isInteger(v) ? "float" : "int";
      if (weak !== "float") weak = w;
    } else {
      const d = typeof v === "boolean" ? "bool" : asarray(v as ArrayLike).dtype;
      strong = strong === null ? d : promoteTypes(strong, d);
    }
  }
  if (strong === null) return weak === "float" ? "float64" : weak === "int" ? "int64" : "float64";
  const kind = DTYPE_INFO[strong].kind;
  if (weak === "float" && kind !== "f") return "float64";
  if (weak === "int" && kind === "b") return "int64";
  return strong;
}

/** An operand of where as an array of `dtype` (scalars C-cast as NumPy casts them: 1000 into int8 wraps). */
function operand(v: unknown, dtype: DType): NDArray {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") {
    const s = empty([], dtype);
    (s.data as unknown as (number | bigint)[])[0] = toStorage(v, dtype);
    return s;
  }
  const a = asarray(v as ArrayLike);
  return a.dtype === dtype ? a : a.astype(dtype);
}

/** np.where(condition) is np.nonzero(condition); np.where(condition, x, y) picks from x or y (broadcast). */
export function where(condition: ArrayLike): NDArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): NDArray;
export function where(condition: ArrayLike, ...xy: ArrayLike[]): NDArray | NDArray[] {
  const o = bind(WHERE, [condition, ...xy]);
  condition = o.condition as ArrayLike;
  if (o.x === undefined && o.y === undefined) return nonzero(asarray(condition));
  if (o.x === undefined || o.y === undefined) throw new ValueError("either both or neither of x and y should be given");
  const [xv, yv] = [o.x, o.y];
  const c = asarray(condition);
  const dtype = resultTypeWeak([xv, yv]);
  const X = operand(xv, dtype), Y = operand(yv, dtype);
  const shape = broadcastShapes(c.shape, X.shape, Y.shape);
  const out = empty(shape, dtype);
  const truth = truthOf(c);
  const cb = new NDArray(truth, "uint8", c.shape);
  const plan = collapse(shape, [[...out._strides], broadcastStrides(cb.shape, cb._strides, shape), broadcastStrides(X.shape, X._strides, shape), broadcastStrides(Y.shape, Y._strides, shape)]);
  if (plan !== null) {
    const { w: ow, k } = words(out.data), xw = words(X.data).w, yw = words(Y.data).w;
    const [so, sc, sx, sy] = plan.strides as [number[], number[], number[], number[]];
    const nd = plan.shape.length, inner = plan.shape[nd - 1]!;
    const idx = new Array<number>(nd).fill(0);
    let oo = 0, co = 0, xo = X._offset, yo = Y._offset;
    const total = shapeSize(plan.shape);
    const si = { o: so[nd - 1]!, c: sc[nd - 1]!, x: sx[nd - 1]!, y: sy[nd - 1]! };
    for (let done = 0; done < total; done += inner) {
      if (k === 1)
        for (let i = 0; i < inner; i++) ow[oo + i * si.o] = truth[co + i * si.c] ? xw[xo + i * si.x]! : yw[yo + i * si.y]!;
      else
        for (let i = 0; i < inner; i++) {
          const t = truth[co + i * si.c], src = t ? xw : yw, e = k * (t ? xo + i * si.x : yo + i * si.y), d = k * (oo + i * si.o);
          for (let q = 0; q < k; q++) ow[d + q] = src[e + q]!;
        }
      for (let d = nd - 2; d >= 0; d--) {
        oo += so[d]!;
        co += sc[d]!;
        xo += sx[d]!;
        yo += sy[d]!;
        if (++idx[d]! < plan.shape[d]!) break;
        oo -= so[d]! * plan.shape[d]!;
        co -= sc[d]! * plan.shape[d]!;
        xo -= sx[d]! * plan.shape[d]!;
        yo -= sy[d]! * plan.shape[d]!;
        idx[d] = 0;
      }
    }
  }
  return face(out, condition, xv, yv);
}

// ---- methods ----------------------------------------------------------------------------------------------

declare module "../core/ndarray.js" {
  interface NDArray {
    nonzero(): NDArray[];
  }
}

Object.assign(NDArray.prototype, {
  nonzero(this: NDArray, ...args: unknown[]) {
    return (nonzero as (...a: unknown[]) => NDArray[])(this, ...args);
  },
});
