// selection.ts — the "indexing, sorting and sets" family gathered for np.ts: sorting and searchsorted, finding
// elements and where, take/put and friends, diagonals and triangles, unique and set algebra, histograms.

export * from "./sort.js";
export * from "./search.js";
export * from "./take.js";
export * from "./diagonal.js";
export * from "./sets.js";
export * from "./histogram.js";
