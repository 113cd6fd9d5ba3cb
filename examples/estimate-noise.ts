// estimate-noise.ts — the seed's "Convert array to a single float" question, ported line by line.
// Python (the accepted fix):
//   def estimDS(X, output_y, W):
//       n = X.shape[0]; d = X.shape[1]
//       matmul = np.matmul(X, W)
//       mult_left = 1 / (n - d)
//       mult_right = np.sum((output_y - matmul) ** 2, axis=0)
//       return mult_left * mult_right
//   print(estimDS(aug_x, output_y, W))

import { np, type NDArray } from "../src/index.js";

export function estimDS(X: NDArray, outputY: NDArray, W: NDArray): NDArray {
  const n = X.shape[0]!; // observations rows
  const d = X.shape[1]!; // number of features in columns
  const matmul = np.matmul(X, W);
  const multLeft = 1 / (n - d);
  const multRight = np.sum(outputY.sub(matmul).pow(2), { axis: 0 });
  return np.multiply(multLeft, multRight);
}

export function main(): string {
  const outputY = np.array([208500, 181500, 223500, 140000, 250000, 143000, 307000, 200000, 129900, 118000], { dtype: "int64" });
  const augX = np.array([
    [1, 1710, 2003], [1, 1262, 1976], [1, 1786, 2001], [1, 1717, 1915], [1, 2198, 2000],
    [1, 1362, 1993], [1, 1694, 2004], [1, 2090, 1973], [1, 1774, 1931], [1, 1077, 1939],
  ]);
  const W = np.array([-2.29223802e6, 5.92536529e1, 1.20780450e3]);
  const sig2 = estimDS(augX, outputY, W);
  return String(sig2);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(main());
