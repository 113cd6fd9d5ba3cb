// split.ts — splitting into views: np.split / arraySplit (sections or indices, Python slice clamping) and the
// h/v/d variants, as numpy/lib/_shape_base_impl.py writes them (including which errors surface from where: the axis
// is a tuple index, a section count goes through int() and list repetition, split points are slice indices).

import { bindArgs, checkListLength, isPyIndex, pyIndexBig, pyInt, pyType, type Signature } from "../core/args.js";
import { asarray, type ArrayLike } from "../core/convert.js";
import { DTYPE_INFO } from "../core/dtype.js";
import { IndexError, ValueError, ZeroDivisionError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { sliceAxis } from "./views.js";

type Sections = number | bigint | readonly (number | null)[] | NDArray;
type AxisOption = { axis?: number; dim?: number };

const signature = (name: string): Signature => ({ name, pos: ["ary", "indices_or_sections", "axis"], required: 2, alias: { dim: "axis" } });
const SPLIT = signature("split"), ARRAY_SPLIT = signature("array_split");

/** Python's ary.shape[axis] (a tuple index: ints and bools, wrapped once): [length, normalised axis]. */
function lengthAlong(a: NDArray, axis: unknown): [number, number] {
  if (!isPyIndex(axis) && !(axis instanceof NDArray)) throw new TypeError(`tuple indices must be integers or slices, not ${pyType(axis)}`);
  const b = pyIndexBig(axis);
  if (b < -(2n ** 63n) || b >= 2n ** 63n) throw new IndexError("cannot fit 'int' into an index-sized integer");
  const ax = Number(b);
  if (ax < -a.ndim || ax >= a.ndim) throw new IndexError("tuple index out of range");
  const i = ax < 0 ? ax + a.ndim : ax;
  return [a.shape[i]!, i];
}

/** True when Python's len() works on the argument (a sequence of split points rather than a section count). */
function hasLen(s: unknown): boolean {
  return Array.isArray(s) || typeof s === "string" || (s instanceof NDArray && s.ndim > 0);
}

/** The split points a sequence holds, as Python's slice indices take them: ints (clamped later), None, or a TypeError. */
function splitPoints(s: readonly unknown[] | string | NDArray): (number | null)[] {
  let items: readonly unknown[];
  if (s instanceof NDArray) {
    if (s.shape[0] === 0) return [];
    if (s.ndim > 1) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
    const k = DTYPE_INFO[s.dtype].kind;
    if (k === "f" || k === "b") throw new TypeError("slice indices must be integers or None or have an __index__ method");
    items = s.tolist() as unknown[];
  } else items = typeof s === "string" ? [...s] : s;
  return items.map((v) => {
    if (v === null || v === undefined) return null;
    if (isPyIndex(v)) return Number(pyIndexBig(v));
    if (v instanceof NDArray) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
    throw new TypeError("slice indices must be integers or None or have an __index__ method");
  });
}

/** Python's clamping of a slice bound with step 1 (None is the default end). */
function clampIndex(i: number | null, n: number, dflt: number): number {
  if (i === null) return dflt;
  return i < 0 ? Math.max(i + n, 0) : Math.min(i, n);
}

function arraySplitArr(a: NDArray, sections: unknown, axis: unknown): NDArray[] {
  const [n, ax] = lengthAlong(a, axis === undefined ? 0 : axis);
  let points: (number | null)[];
  if (hasLen(sections)) points = [0, ...splitPoints(sections as readonly unknown[] | string | NDArray), n];
  else {
    const count = pyInt(sections);
    if (count <= 0n) throw new ValueError("number sections must be larger than 0.");
    const total = BigInt(n), each = total / count, extras = total % count;
    checkListLength(count - extras); // (Nsections - extras) * [Neach_section]
    const c = Number(count), e = Number(each), x = Number(extras);
    points = [0];
    for (let i = 0; i < c; i++) points.push(points[i]! + (i < x ? e + 1 : e));
  }
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const st = clampIndex(points[i]!, n, 0), end = clampIndex(points[i + 1]!, n, n);
    out.push(sliceAxis(a, ax, st, Math.max(0, end - st)));
  }
  return out;
}

/** Python's truth of `N % sections` (split's equal-division test) for a section count that has no len(). */
function remainderIsNonzero(n: number, s: unknown): boolean {
  if (s instanceof NDArray && s.ndim === 0) {
    const v = s.item();
    // NumPy's integer remainder by zero is 0 (with a warning); a float one is NaN.
    if (DTYPE_INFO[s.dtype].kind !== "f" && Number(v) === 0) return false;
    return remainderIsNonzero(n, typeof v === "boolean" ? Number(v) : v);
  }
  if ((typeof s === "number" && Number.isInteger(s)) || typeof s === "bigint" || typeof s === "boolean") {
    const d = BigInt(s);
    if (d === 0n) throw new ZeroDivisionError("integer modulo by zero");
    return BigInt(n) % d !== 0n;
  }
  if (typeof s === "number") return !(n % s === 0); // NaN stays truthy, as in Python
  throw new TypeError(`unsupported operand type(s) for %: 'int' and '${pyType(s)}'`);
}

function splitArr(a: NDArray, sections: unknown, axis: unknown): NDArray[] {
  if (!hasLen(sections) && remainderIsNonzero(lengthAlong(a, axis === undefined ? 0 : axis)[0], sections))
    throw new ValueError("array split does not result in an equal division");
  return arraySplitArr(a, sections, axis);
}

/** np.arraySplit(a, sectionsOrIndices, axis=0): views; unequal sections allowed (the first ones one longer). */
export function arraySplit(ary: ArrayLike, indicesOrSections: Sections, axis?: number | AxisOption): NDArray[] {
  const [x, s, ax] = bindArgs(ARRAY_SPLIT, arguments);
  return arraySplitArr(asarray(x as ArrayLike), s, ax);
}

/** np.split(a, sectionsOrIndices, axis=0): as arraySplit, but a section count must divide the axis. */
export function split(ary: ArrayLike, indicesOrSections: Sections, axis?: number | AxisOption): NDArray[] {
  const [x, s, ax] = bindArgs(SPLIT, arguments);
  return splitArr(asarray(x as ArrayLike), s, ax);
}

function splitAt(name: string, args: globalThis.ArrayLike<unknown>, minNdim: number, axis: (a: NDArray) => number): NDArray[] {
  const [x, s] = bindArgs({ name, pos: ["ary", "indices_or_sections"] }, args);
  const a = asarray(x as ArrayLike);
  if (a.ndim < minNdim) throw new ValueError(`${name} only works on arrays of ${minNdim} or more dimensions`);
  return splitArr(a, s, axis(a));
}

export function hsplit(ary: ArrayLike, indicesOrSections: Sections): NDArray[] {
  return splitAt("hsplit", arguments, 1, (a) => (a.ndim > 1 ? 1 : 0));
}

export function vsplit(ary: ArrayLike, indicesOrSections: Sections): NDArray[] {
  return splitAt("vsplit", arguments, 2, () => 0);
}

export function dsplit(ary: ArrayLike, indicesOrSections: Sections): NDArray[] {
  return splitAt("dsplit", arguments, 3, () => 2);
}
