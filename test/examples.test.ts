// examples.test.ts — the seed programs in examples/ print exactly what their NumPy originals (examples/py/) print,
// and small matmuls equal NumPy's bit for bit (the FMA-chain path).

import { test } from "node:test";
import assert from "node:assert/strict";
import { np } from "../src/index.js";
import { assertMatches, decode, loadFixture, type EncArray } from "./helpers/fixtures.js";
import * as kmeans from "../examples/kmeans.js";
import * as estimateNoise from "../examples/estimate-noise.js";
import * as oneHot from "../examples/one-hot.js";
import * as identityFrames from "../examples/identity-frames.js";
import * as entropy from "../examples/entropy.js";

const printed = loadFixture<Record<string, string>>("examples");

test("seed: k-means distances, centroids and assignment print as NumPy's", () => {
  assert.equal(kmeans.main() + "\n", printed.kmeans);
});

test("seed: the noise estimate sums to NumPy's float", () => {
  assert.equal(estimateNoise.main() + "\n", printed.estimate_noise);
});

test("seed: one-hot by fancy assignment and by np.where/amax/concatenate", () => {
  assert.equal(oneHot.main() + "\n", printed.one_hot);
});

test("seed: the four identity-frame approaches agree and print as NumPy's", () => {
  assert.equal(identityFrames.main() + "\n", printed.identity_frames);
});

test("seed: entropy from np.unique counts prints NumPy's values", () => {
  assert.equal(entropy.main() + "\n", printed.entropy);
});

test("small float64 products equal NumPy's bit for bit where OpenBLAS's order is reproduced", () => {
  // dgemm (n, m ≥ 2): one FMA chain per element. dgemv (A·x, n ≥ 2): four FMA lanes plus the C tail — exact for
  // rows in OpenBLAS's blocks of four, and for the last n mod 4 rows while k < 8. Other rows: within 1e-14.
  const { cases } = loadFixture<{ cases: { a: EncArray; b: EncArray; out: EncArray }[] }>("matmul-exact");
  let exactRows = 0;
  cases.forEach((c, i) => {
    const [n, k] = c.a.shape as [number, number];
    const m = c.b.shape.length === 2 ? c.b.shape[1]! : 1;
    const got = np.matmul(decode(c.a), decode(c.b));
    const gemm = n >= 2 && m >= 2, gemv = n >= 2 && m === 1;
    if (!gemm && !gemv) return assertMatches(got, c.out, { what: `case ${i}`, rtol: 1e-14, atol: 1e-12 });
    const exactUpTo = gemm || k < 8 ? n : n - (n % 4);
    const want = decode(c.out).reshape(n, m), have = got.reshape(n, m);
    for (let r = 0; r < n; r++) {
      const tol = r < exactUpTo ? { rtol: 0, atol: 0 } : { rtol: 1e-14, atol: 1e-12 };
      assertMatches(have.get(r), { ...c.out, shape: [m], data: want.get(r).tolist() as number[] }, { what: `case ${i} row ${r}`, ...tol });
      if (r < exactUpTo) exactRows++;
    }
  });
  assert.ok(exactRows > 600, `only ${exactRows} bit-exact rows`);
});
