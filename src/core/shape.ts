// shape.ts — shape and stride arithmetic: C-order strides, broadcasting rules, contiguity tests.

import { isPyIndex, pyIndexBig, pyRepr } from "./args.js";
import { ValueError } from "./errors.js";
import { NDArray } from "./ndarray.js";

export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (const s of shape) n *= s;
  return n;
}

/** C-order strides in elements. */
export function cStrides(shape: readonly number[]): number[] {
  const st = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    st[i] = s;
    s *= Math.max(shape[i]!, 1);
  }
  return st;
}

/** Python's tuple repr of a shape: (3,), (2, 3), (). */
export function shapeRepr(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** NumPy's compact shape form used in broadcast and indexing errors: (3,2), (3,). */
export function shapeCompact(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/** A shape of plain non-negative ints that needs no conversion (every shape tessera builds itself). */
function isDims(s: unknown): s is readonly number[] {
  if (!Array.isArray(s) || s.length > 64) return false;
  for (const d of s) if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) return false;
  return true;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * np.broadcast_shapes: each argument is read as np.empty reads a shape; a mismatch raises the ufuncs' text (the
 * helper serves them too), a result past intp "broadcast dimensions too large.".
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  if (shapes.length === 2 && sameShape(shapes[0]!, shapes[1]!) && isDims(shapes[0])) return [...shapes[0]!];
  if (!shapes.every((s: unknown) => isDims(s))) {
    shapes = (shapes as unknown[]).map((s) => {
      const d = shapeOf(s);
      if (d.some((x) => x < 0)) throw new ValueError("negative dimensions are not allowed");
      return d;
    });
  }
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!, j = nd - s.length + i, cur = out[j]!;
      if (d === cur || d === 1) continue;
      if (cur === 1) out[j] = d;
      else throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(shapeCompact).join(" ")} `);
    }
  }
  let n = 1;
  for (const d of out) if ((n *= d) >= 2 ** 63) throw new ValueError("broadcast dimensions too large.");
  return out;
}

/** Strides (elements) that view an array of `shape`/`strides` as broadcast to `target` (stride 0 on new/stretched axes). */
export function broadcastStrides(shape: readonly number[], strides: readonly number[], target: readonly number[]): number[] {
  const nd = target.length, off = nd - shape.length;
  const out = new Array<number>(nd).fill(0);
  for (let i = 0; i < shape.length; i++) out[off + i] = shape[i] === 1 && target[off + i] !== 1 ? 0 : strides[i]!;
  return out;
}

export function isCContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = shape[i]!;
    if (d === 0) return true;
    if (d !== 1 && strides[i] !== s) return false;
    s *= d;
  }
  return true;
}

export function isFContiguous(shape: readonly number[], strides: readonly number[]): boolean {
  if (shape.includes(0)) return true;
  let s = 1;
  for (let i = 0; i < shape.length; i++) {
    const d = shape[i]!;
    if (d === 0) return true;
    if (d !== 1 && strides[i] !== s) return false;
    s *= d;
  }
  return true;
}

/** One dimension of a shape (PyArray_PyIntAsIntp in PyArray_IntpConverter): bools refused, intp range. */
function dimArg(x: unknown): number {
  if (typeof x === "number" && Number.isSafeInteger(x)) return x || 0;
  if (typeof x === "boolean") throw new TypeError("an integer is required");
  const b = pyIndexBig(x);
  if (b < -(2n ** 63n) || b >= 2n ** 63n) throw new ValueError("Maximum allowed dimension exceeded");
  return Number(b);
}

function dimsOf(items: readonly unknown[]): number[] {
  if (items.length > 64) throw new ValueError(`maximum supported dimension for an ndarray is currently 64, found ${items.length}`);
  return items.map(dimArg);
}

/** NumPy's PyArray_IntpConverter: a shape given as one int or a sequence of ints (a JS array, a string, a 1-d integer NDArray). */
export function shapeOf(v: unknown): number[] {
  if (v === null || v === undefined) throw new TypeError("Use () not None as shape arguments");
  if (Array.isArray(v)) return dimsOf(v);
  if (typeof v === "string") return dimsOf([...v]);
  if (v instanceof NDArray && v.ndim > 0) {
    if (v.shape[0] === 0) return [];
    if (v.ndim > 1) throw new TypeError("only integer scalar arrays can be converted to a scalar index");
    if (v.dtype === "bool") throw new TypeError("an integer is required");
    if (v.dtype === "float32" || v.dtype === "float64") throw new TypeError(`'numpy.${v.dtype}' object cannot be interpreted as an integer`);
    return dimsOf(v.tolist() as unknown[]);
  }
  if (typeof v !== "boolean" && isPyIndex(v)) return [dimArg(v)];
  throw new TypeError(`expected a sequence of integers or a single integer, got '${pyRepr(v)}'`);
}

/** Parse a shape given spread or as one argument: f(2, 3), f([2, 3]), f(6) — as NumPy's PyArray_IntpConverter. */
export function shapeArg(args: readonly unknown[]): number[] {
  return args.length === 1 ? shapeOf(args[0]) : dimsOf(args);
}

export function checkShape(shape: readonly number[]): void {
  for (const d of shape) if (d < 0) throw new ValueError("negative dimensions are not allowed");
  if (shapeSize(shape) > 2 ** 32) throw new ValueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
}
