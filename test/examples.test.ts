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

test("small float64 matrix products equal NumPy's bit for bit; matrix-vector within 1 ulp-ish", () => {
  // NumPy sends n×k·k×m with n, m ≥ 2 to dgemm, whose small-size kernel is one FMA chain per element (reproduced
  // exactly); single rows/columns go to dgemv, whose lane-split accumulation order we do not mimic.
  const { cases } = loadFixture<{ cases: { a: EncArray; b: EncArray; out: EncArray }[] }>("matmul-exact");
  let exact = 0;
  cases.forEach((c, i) => {
    const gemm = c.a.shape[0]! >= 2 && c.b.shape.length === 2 && c.b.shape[1]! >= 2;
    if (gemm) exact++;
    assertMatches(np.matmul(decode(c.a), decode(c.b)), c.out, { what: `case ${i}`, rtol: gemm ? 0 : 1e-14, atol: gemm ? 0 : 1e-12 });
  });
  assert.ok(exact > 40, `only ${exact} bit-exact cases`);
});
