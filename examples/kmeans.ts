// kmeans.ts — the seed's "k-means with NumPy" question (examples/py/kmeans.py), ported line by line.

import { np, type NDArray } from "../src/index.js";

export function euclideanDistance(x: NDArray, y: NDArray): NDArray {
  const dist: NDArray[] = [];
  for (const i of x) {
    for (const j of y) {
      const newList = np.sqrt(np.sum(i.sub(j).pow(2), { axis: 0 })); // Python's builtin sum() adds along axis 0
      dist.push(newList);
    }
  }
  const distance = np.reshape(np.array(dist), [x.shape[0]!, y.shape[0]!]);
  return distance;
}

export function kmeans(x: NDArray, centroids: NDArray, iterations = 30): [NDArray, NDArray] {
  let assignment: NDArray | null = null;
  for (let i = 0; i < iterations; i++) {
    const dist = euclideanDistance(x, centroids);
    assignment = np.argmin(dist, { axis: 1 });
    for (let c = 0; c < centroids.shape[0]!; c++) {
      centroids.set(c, np.mean(x.get(assignment.eq(c)), 0));
    }
  }
  return [centroids, assignment!];
}

export function main(): string {
  const out: string[] = [];
  const x = np.array([[1, 0], [0, 1], [0.5, 0.5]]);
  const y = np.array([[1, 0], [0, 1]]);
  out.push(String(euclideanDistance(x, y)));
  const [centroids, assignment] = kmeans(x, y.copy());
  out.push(String(centroids));
  out.push(np.arrayRepr(assignment));
  return out.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
