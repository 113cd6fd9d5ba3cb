// entropy.ts — the seed's "derivative of Shannon's entropy" question (examples/py/entropy.py): np.unique counts.

import { np, type NDArray } from "../src/index.js";

export function entropy(X: NDArray): NDArray {
  const [, frequencies] = np.unique(X, { returnCounts: true }) as NDArray[];
  const probabilities = frequencies!.div(X.shape[0]!);
  return np.negative(np.sum(probabilities.mul(np.log2(probabilities))));
}

export function main(): string {
  const a = np.array([1, 1, 1, 3, 3, 2]);
  const b = np.array([1, 1, 1, 3, 3, 3]);
  const c = np.array([1, 1, 1, 1, 1, 1]);
  return [`entropy(a): ${entropy(a)}`, `entropy(b): ${entropy(b)}`, `entropy(c): ${entropy(c)}`].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
