// bulk.ts — whole-run kernels for unary ufuncs on contiguous float data (table-driven or Wasm SIMD),
// used by ops/ufunc.ts in place of the generated per-element loop when every operand is one contiguous run.
// Each entry must match the generated loop's results (tests compare them).

export type BulkUnary = (o: Float64Array | Float32Array, oo: number, a: Float64Array | Float32Array, ao: number, n: number) => void;

/** ufunc name → loop dtype → kernel. Empty until a faster kernel is measured to win (see bench/NOTES.md). */
export const BULK_UNARY: Record<string, Partial<Record<"float32" | "float64", BulkUnary>>> = {};
