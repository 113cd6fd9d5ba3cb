// errors.ts — Python's exception classes as NumPy raises them, so users can match on `name` and `instanceof`.

export class ValueError extends Error {
  override name = "ValueError";
}
export class IndexError extends Error {
  override name = "IndexError";
}
/** NumPy's AxisError is both a ValueError and an IndexError; JS has single inheritance, so it extends ValueError and reports both names via `isIndexError`. */
export class AxisError extends ValueError {
  override name = "AxisError";
  readonly isIndexError = true;
}
export class OverflowError extends Error {
  override name = "OverflowError";
}
export class ZeroDivisionError extends Error {
  override name = "ZeroDivisionError";
}
export class NotImplementedError extends Error {
  override name = "NotImplementedError";
}
export class LinAlgError extends ValueError {
  override name = "LinAlgError";
}
/** NumPy's UFuncTypeError (a TypeError subclass). */
export class UFuncTypeError extends TypeError {
  override name = "UFuncTypeError";
}

/** numpy.exceptions.AxisError's message: "axis 2 is out of bounds for array of dimension 2". */
export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`'${typeof axis === "number" ? "float" : typeof axis}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
  return axis < 0 ? axis + ndim : axis;
}

/** Normalise an axis argument (null | int | int[]) into a sorted unique list, with NumPy's errors. */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : [...axis];
  const out = list.map((a) => normalizeAxis(a, ndim));
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return out;
}
export class RuntimeError extends Error {
  override name = "RuntimeError";
}
export class MemoryError extends Error {
  override name = "MemoryError";
}
export class AttributeError extends Error {
  override name = "AttributeError";
}
