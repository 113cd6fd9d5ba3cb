// split.ts — splitting into views: np.split / arraySplit (sections or indices, Python slice clamping) and the
// h/v/d variants, as numpy/lib/_shape_base_impl.py writes them (including which errors surface from where).

import { asarray, type ArrayLike } from "../core/convert.js";
import { IndexError, ValueError, ZeroDivisionError } from "../core/errors.js";
import { NDArray } from "../core/ndarray.js";
import { intArg, isOptions } from "./layout.js";
import { sliceAxis } from "./views.js";

type Sections = number | readonly number[] | NDArray;
type AxisOption = { axis?: number; dim?: number };

function axisOf(axis: number | AxisOption | undefined): number {
  if (isOptions(axis)) return intArg((axis as AxisOption).axis ?? (axis as AxisOption).dim ?? 0);
  return axis === undefined ? 0 : intArg(axis);
}

/** Python's ary.shape[axis]: negative indices wrap, anything else out of range is an IndexError. */
function lengthAlong(a: NDArray, axis: number): number {
  if (axis < -a.ndim || axis >= a.ndim) throw new IndexError("tuple index out of range");
  return a.shape[axis < 0 ? axis + a.ndim : axis]!;
}

function indicesOf(s: Sections): number[] | null {
  if (typeof s === "number" || typeof s === "bigint") return null;
  if (s instanceof NDArray) {
    if (s.ndim === 0) return null;
    return (s.tolist() as unknown[]).map(intArg);
  }
  return s.map(intArg);
}

/** Python's clamping of a[start:stop] with step 1. */
function clampIndex(i: number, n: number): number {
  return i < 0 ? Math.max(i + n, 0) : Math.min(i, n);
}

/** np.arraySplit(a, sectionsOrIndices, axis=0): views; unequal sections allowed (the first ones one longer). */
export function arraySplit(ary: ArrayLike, indicesOrSections: Sections, axis?: number | AxisOption): NDArray[] {
  const a = asarray(ary);
  const ax = axisOf(axis);
  const n = lengthAlong(a, ax);
  const axis0 = ax < 0 ? ax + a.ndim : ax;
  const indices = indicesOf(indicesOrSections);
  let points: number[];
  if (indices !== null) points = [0, ...indices, n];
  else {
    const sections = intArg(indicesOrSections instanceof NDArray ? indicesOrSections.item() : indicesOrSections);
    if (sections <= 0) throw new ValueError("number sections must be larger than 0.");
    const each = Math.floor(n / sections), extras = n % sections;
    points = [0];
    for (let i = 0; i < sections; i++) points.push(points[i]! + (i < extras ? each + 1 : each));
  }
  const out: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const st = clampIndex(points[i]!, n), end = clampIndex(points[i + 1]!, n);
    out.push(sliceAxis(a, axis0, st, Math.max(0, end - st)));
  }
  return out;
}

/** np.split(a, sectionsOrIndices, axis=0): as arraySplit, but a section count must divide the axis. */
export function split(ary: ArrayLike, indicesOrSections: Sections, axis?: number | AxisOption): NDArray[] {
  const a = asarray(ary);
  if (indicesOf(indicesOrSections) === null) {
    const sections = intArg(indicesOrSections instanceof NDArray ? indicesOrSections.item() : indicesOrSections);
    const n = lengthAlong(a, axisOf(axis));
    if (sections === 0) throw new ZeroDivisionError("integer modulo by zero");
    if (n % sections !== 0) throw new ValueError("array split does not result in an equal division");
  }
  return arraySplit(a, indicesOrSections, axis);
}

export function hsplit(ary: ArrayLike, indicesOrSections: Sections): NDArray[] {
  const a = asarray(ary);
  if (a.ndim === 0) throw new ValueError("hsplit only works on arrays of 1 or more dimensions");
  return split(a, indicesOrSections, a.ndim > 1 ? 1 : 0);
}

export function vsplit(ary: ArrayLike, indicesOrSections: Sections): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 2) throw new ValueError("vsplit only works on arrays of 2 or more dimensions");
  return split(a, indicesOrSections, 0);
}

export function dsplit(ary: ArrayLike, indicesOrSections: Sections): NDArray[] {
  const a = asarray(ary);
  if (a.ndim < 3) throw new ValueError("dsplit only works on arrays of 3 or more dimensions");
  return split(a, indicesOrSections, 2);
}
