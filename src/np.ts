// np.ts — the NumPy face: NumPy's names in camelCase, NumPy's defaults (float64, NumPy promotion, NumPy repr).

import "./ops/astype.js";
export { NDArray } from "./core/ndarray.js";
export { broadcastShapes } from "./ops/broadcast-shapes.js";
export { promoteTypes, canCast } from "./core/dtype.js";
export type { DType } from "./core/dtype.js";
export * from "./ops/creation.js";
export * from "./ops/elementwise.js";
export * from "./ops/reduce.js";
export * from "./ops/shape.js";
export * from "./ops/join.js";
export * from "./core/print.js";
export { astype } from "./ops/astype.js";

export const bool = "bool", int8 = "int8", int16 = "int16", int32 = "int32", int64 = "int64";
export const uint8 = "uint8", uint16 = "uint16", uint32 = "uint32", uint64 = "uint64";
export const float32 = "float32", float64 = "float64";
export const pi = Math.PI, e = Math.E, inf = Infinity, nan = NaN, newaxis = null;
export { matmul } from "./ops/matmul.js";
export type { MatmulOptions } from "./ops/matmul.js";
export { copyto } from "./ops/assign.js";
import "./ops/indexing.js";
export type { IndexItem } from "./ops/indexing.js";
export * as linalg from "./ops/linalg/index.js";
export * from "./ops/einsum.js";
export * from "./ops/products.js";
export * from "./ops/selection.js";
export { addAt } from "./ops/add-at.js";
