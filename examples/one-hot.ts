// one-hot.ts — the seed's "extra dimension depending on a where clause" question (examples/py/one_hot.py):
// fancy assignment with range()/argmax/~c, and the np.where/amax/[:, None]/concatenate answer.

import { np, type NDArray } from "../src/index.js";

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

export function createDistProbTarget(arr: NDArray): NDArray {
  const p_ = np.squeeze(arr, { axis: 1 });
  const a = np.expandDims(np.where(p_.eq(np.amax(p_, { axis: 1 }).get(":", null)), 1, 0), { axis: -1 });
  const b = np.expandDims(np.where(p_.eq(np.amax(p_, { axis: 1 }).get(":", null)), 0, 1), { axis: -1 });
  return np.concatenate([a, b], { axis: 2 });
}

export function main(): string {
  const out: string[] = [];
  const a = np.array([[1, 0], [1, 2], [1, 3]], { dtype: "int64" });
  const c = np.argmax(a, { axis: 1 });
  const b = np.empty([...a.shape, 2]);
  b.set([range(c.shape[0]!), c, ":"], [1, 0]);
  b.set([range(c.shape[0]!), c.invert(), ":"], [0, 1]);
  out.push(np.arrayRepr(b));
  out.push(String(createDistProbTarget(a.get(":", null, ":"))));
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
