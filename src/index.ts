// index.ts — the package entry: `import { np, NDArray } from "tessera"`.

import * as np from "./np.js";
export { np };
export { NDArray } from "./core/ndarray.js";
export * as errors from "./core/errors.js";
export type { DType } from "./core/dtype.js";
