// bulk.ts — whole-run kernels for unary ufuncs on contiguous float data (table-driven or Wasm SIMD),
// used by ops/ufunc.ts in place of the generated per-element loop when every operand is one contiguous run.
// Each entry must match the generated loop's results (tests compare them); see bench/NOTES.md for why each is here.

import { fastmathKernel, onFastmathReady, type FastmathName } from "./fastmath/wasm.js";

export type BulkUnary = (o: Float64Array | Float32Array, oo: number, a: Float64Array | Float32Array, ao: number, n: number) => void;

/** ufunc name → loop dtype → kernel. Filled once a kernel is measured to win (bench/NOTES.md) and tested accurate. */
export const BULK_UNARY: Record<string, Partial<Record<"float32" | "float64", BulkUnary>>> = {};

/** The Wasm f64x2 kernels (src/wasm/fastmath.as), ≤ 1.2 ulp; float32 runs are widened, computed and rounded back. */
const WASM_UNARY: FastmathName[] = ["exp", "log", "log2", "tanh", "sin", "cos"];

onFastmathReady(() => {
  for (const name of WASM_UNARY) {
    const k = fastmathKernel(name);
    BULK_UNARY[name] = { float64: k, float32: k };
  }
});
