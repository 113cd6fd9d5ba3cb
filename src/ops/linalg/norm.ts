// norm.ts — np.linalg.norm: vector p-norms and matrix norms (fro, nuc, ±1, ±2, ±inf) over chosen axes, keepdims.

import { asarray, castCopy, type ArrayLike } from "../../core/convert.js";
import { ValueError, normalizeAxis } from "../../core/errors.js";
import { NDArray } from "../../core/ndarray.js";
import { svdOne } from "./spectral.js";
import { resultDType } from "./stack.js";

export type NormOrd = number | "fro" | "nuc" | null;

function vectorNorm(x: Float64Array, ord: NormOrd): number {
  if (typeof ord === "string") throw new ValueError(`Invalid norm order '${ord}' for vectors`);
  let acc = 0;
  if (ord === null || ord === 2) {
    for (let i = 0; i < x.length; i++) acc += x[i]! * x[i]!;
    return Math.sqrt(acc);
  }
  if (ord === Infinity) return x.reduce((m, v) => Math.max(m, Math.abs(v)), x.length ? -Infinity : 0);
  if (ord === -Infinity) return x.reduce((m, v) => Math.min(m, Math.abs(v)), Infinity);
  if (ord === 0) return x.reduce((c, v) => c + (v !== 0 ? 1 : 0), 0);
  if (ord === 1) return x.reduce((c, v) => c + Math.abs(v), 0);
  for (let i = 0; i < x.length; i++) acc += Math.abs(x[i]!) ** ord;
  return acc ** (1 / ord);
}

function matrixNorm(x: Float64Array, m: number, n: number, ord: NormOrd): number {
  const colSums = (sign: number) => {
    const c = new Float64Array(n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c[j] += Math.abs(x[i * n + j]!);
    return sign > 0 ? Math.max(...c) : Math.min(...c);
  };
  const rowSums = (sign: number) => {
    const r = new Float64Array(m);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) r[i] += Math.abs(x[i * n + j]!);
    return sign > 0 ? Math.max(...r) : Math.min(...r);
  };
  switch (ord) {
    case null:
    case "fro":
      return Math.sqrt(x.reduce((a, v) => a + v * v, 0));
    case "nuc":
      return svdOne(x.slice(), m, n, false).s.reduce((a, v) => a + v, 0);
    case 1:
      return colSums(1);
    case -1:
      return colSums(-1);
    case Infinity:
      return rowSums(1);
    case -Infinity:
      return rowSums(-1);
    case 2:
      return svdOne(x.slice(), m, n, false).s[0] ?? 0;
    case -2: {
      const s = svdOne(x.slice(), m, n, false).s;
      return s[s.length - 1] ?? 0;
    }
    default:
      throw new ValueError("Invalid norm order for matrices.");
  }
}

export interface NormOptions {
  ord?: NormOrd;
  axis?: number | number[] | null;
  keepdims?: boolean;
}

export function norm(x: ArrayLike, ord: NormOrd | NormOptions = null, opts: NormOptions = {}): NDArray {
  if (ord !== null && typeof ord === "object") {
    opts = ord;
    ord = opts.ord ?? null;
  }
  const a = asarray(x);
  const dtype = resultDType(a.dtype);
  let axes: number[];
  if (opts.axis === null || opts.axis === undefined) {
    if (ord !== null && a.ndim > 2) throw new ValueError("Improper number of dimensions to norm.");
    axes = ord === null ? [...a.shape.keys()] : a.ndim === 1 ? [0] : [0, 1];
    if (ord === null && a.ndim !== 2) {
      // Flattened 2-norm of everything.
      const v = castCopy(a, "float64").data as Float64Array;
      return finish(new Float64Array([vectorNorm(v, null)]), a, axes, opts.keepdims ?? false, dtype);
    }
  } else axes = (typeof opts.axis === "number" ? [opts.axis] : opts.axis).map((ax) => normalizeAxis(ax, a.ndim));
  if (axes.length > 2) throw new ValueError("Improper number of dimensions to norm.");
  if (axes.length === 2 && axes[0] === axes[1]) throw new ValueError("Duplicate axes given.");
  const rest = [...a.shape.keys()].filter((d) => !axes.includes(d));
  const perm = [...rest, ...axes];
  const view = new NDArray(a.data, a.dtype, perm.map((d) => a.shape[d]!), perm.map((d) => a._strides[d]!), a._offset, a);
  const data = castCopy(view, "float64").data as Float64Array;
  const inner = axes.reduce((p, d) => p * a.shape[d]!, 1);
  const outer = rest.reduce((p, d) => p * a.shape[d]!, 1);
  const out = new Float64Array(outer);
  for (let i = 0; i < outer; i++) {
    const chunk = data.subarray(i * inner, (i + 1) * inner);
    out[i] = axes.length === 1 ? vectorNorm(chunk, ord) : matrixNorm(chunk, a.shape[axes[0]!]!, a.shape[axes[1]!]!, ord);
  }
  return finish(out, a, axes, opts.keepdims ?? false, dtype);
}

function finish(out: Float64Array, a: NDArray, axes: number[], keepdims: boolean, dtype: "float32" | "float64" | string): NDArray {
  const shape = keepdims ? a.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : a.shape.filter((_, i) => !axes.includes(i));
  const r = new NDArray(out, "float64", shape);
  const res = dtype === "float64" ? r : castCopy(r, "float32");
  res._tensor = a._tensor;
  return res;
}
