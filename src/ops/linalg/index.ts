// index.ts — the np.linalg namespace.

export { det, slogdet, inv, solve } from "./lu.js";
export { cholesky, qr } from "./factor.js";
export { eigh, eigvalsh, svd } from "./spectral.js";
export { eig, eigvals } from "./eig.js";
export { pinv, lstsq, matrixRank } from "./lstsq.js";
export { norm } from "./norm.js";
export { LinAlgError } from "../../core/errors.js";
