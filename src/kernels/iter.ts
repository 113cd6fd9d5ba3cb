// iter.ts — prepares strided operands for the generated loops: broadcasting to one shape, dropping unit axes
// and merging axes that are contiguous in every operand, so most calls become one flat inner loop.

export interface Strided {
  data: ArrayLike<unknown>;
  offset: number;
  strides: number[];
}

/**
 * Collapse `shape` and the operands' strides (already broadcast to `shape`, in elements).
 * Returns at least one axis; a size-0 shape returns null (nothing to do).
 */
export function collapse(shape: readonly number[], strides: number[][]): { shape: number[]; strides: number[][] } | null {
  let n = 1;
  for (const d of shape) n *= d;
  if (n === 0) return null;
  const keep: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) keep.push(i);
  if (keep.length === 0) return { shape: [1], strides: strides.map(() => [0]) };
  const outShape: number[] = [shape[keep[0]!]!];
  const outStrides = strides.map((s) => [s[keep[0]!]!]);
  for (let k = 1; k < keep.length; k++) {
    const ax = keep[k]!, d = shape[ax]!;
    const last = outShape.length - 1;
    const mergeable = strides.every((s, j) => outStrides[j]![last] === s[ax]! * d);
    if (mergeable) {
      outShape[last] = outShape[last]! * d;
      strides.forEach((s, j) => (outStrides[j]![last] = s[ax]!));
    } else {
      outShape.push(d);
      strides.forEach((s, j) => outStrides[j]!.push(s[ax]!));
    }
  }
  return { shape: outShape, strides: outStrides };
}
