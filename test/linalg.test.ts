// linalg.test.ts — np.linalg against NumPy (scripts/fixtures/linalg.py: 230 cases incl. stacks, float32, ints,
// singular and rank-deficient inputs, error texts), plus reconstruction checks for the sign-ambiguous factors.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertMatches, assertThrowsLike, decode, loadFixture, type EncArray, type EncError, type Encoded } from "./helpers/fixtures.js";

interface Case {
  fn: string;
  args: EncArray[];
  kw: Record<string, unknown>;
  out: Encoded;
}

const ordOf = (o: unknown) => (o === "inf" ? Infinity : o === "-inf" ? -Infinity : (o as never));

function call(c: Case): NDArray | NDArray[] {
  const [a, b] = c.args.map(decode) as [NDArray, NDArray];
  const L = np.linalg;
  switch (c.fn) {
    case "det": return L.det(a);
    case "slogdet": return L.slogdet(a);
    case "inv": return L.inv(a);
    case "solve": return L.solve(a, b);
    case "cholesky": return L.cholesky(a, { upper: Boolean(c.kw.upper) });
    case "eigvalsh": return L.eigvalsh(a);
    case "eigh_check": return L.eigh(a)[0];
    case "eigh": return L.eigh(a);
    case "svd": return L.svd(a) as NDArray[];
    case "qr": return L.qr(a, c.kw.mode as "reduced") as NDArray | NDArray[];
    case "svd_values": return L.svd(a, { computeUv: false }) as NDArray;
    case "pinv": return L.pinv(a);
    case "matrix_rank": return L.matrixRank(a);
    case "lstsq": {
      const [x, r, rank, s] = L.lstsq(a, b);
      return [x, r, np.array(rank, { dtype: "int64" }), s];
    }
    case "norm": return L.norm(a, { ord: ordOf(c.kw.ord ?? null), axis: c.kw.axis as number, keepdims: c.kw.keepdims as boolean });
  }
  throw new Error(`no mapping for ${c.fn}`);
}

const { cases } = loadFixture<{ cases: Case[] }>("linalg");

test("np.linalg matches NumPy on every fixture case", () => {
  cases.forEach((c, i) => {
    const what = `case ${i} ${c.fn} ${JSON.stringify(c.kw)} ${c.args.map((a) => `${a.dtype}(${a.shape})`).join(",")}`;
    if ("error" in c.out) return assertThrowsLike(() => call(c), c.out as EncError, what);
    const got = call(c);
    const tol = c.args.some((a) => a.dtype === "float32") ? { rtol: 1e-4, atol: 1e-5 } : { rtol: 1e-9, atol: 1e-11 };
    if ("tuple" in c.out) {
      const want = (c.out as { tuple: EncArray[] }).tuple;
      assert.ok(Array.isArray(got), `${what}: tuple expected`);
      want.forEach((w, j) => assertMatches((got as NDArray[])[j]!, w, { ...tol, what: `${what} [${j}]` }));
    } else assertMatches(got as NDArray, c.out as EncArray, { ...tol, what });
  });
});

function maxAbsDiff(a: NDArray, b: NDArray): number {
  let m = 0;
  for (const v of np.abs(np.subtract(a, b))._values()) m = Math.max(m, Number(v));
  return m;
}

test("svd reconstructs A = U·diag(S)·Vh with orthonormal factors (full and reduced)", () => {
  for (const shape of [[5, 3], [3, 5], [4, 4], [1, 3]]) {
    const A = np.array(Array.from({ length: shape[0]! }, (_, i) => Array.from({ length: shape[1]! }, (_, j) => Math.sin(i * 7 + j * 3 + 1))));
    for (const full of [true, false]) {
      const [U, S, Vh] = np.linalg.svd(A, { fullMatrices: full }) as NDArray[];
      const k = S!.shape[0]!;
      const Sm = np.zeros([U!.shape[1]!, Vh!.shape[0]!]);
      for (let i = 0; i < k; i++) Sm.set([i, i], S!.item(i));
      assert.ok(maxAbsDiff(np.matmul(np.matmul(U!, Sm), Vh!), A) < 1e-12, `reconstruct ${shape} full=${full}`);
      assert.ok(maxAbsDiff(np.matmul(transposed(U!), U!), np.eye(U!.shape[1]!)) < 1e-12, `U orthonormal ${shape}`);
    }
  }
});

function transposed(a: NDArray): NDArray {
  return new NDArray(a.data, a.dtype, [a.shape[1]!, a.shape[0]!], [a._strides[1]!, a._strides[0]!], a._offset, a);
}

test("eigh reconstructs A = V·diag(w)·Vᵀ", () => {
  const B = np.array([[4, 1, 2], [1, 3, 0], [2, 0, 5]]);
  const [w, V] = np.linalg.eigh(B);
  const D = np.zeros([3, 3]);
  for (let i = 0; i < 3; i++) D.set([i, i], w!.item(i));
  assert.ok(maxAbsDiff(np.matmul(np.matmul(V!, D), transposed(V!)), B) < 1e-12);
});

test("qr reconstructs A = Q·R", () => {
  const A = np.array([[1, 2], [3, 4], [5, 6]]);
  const [Q, R] = np.linalg.qr(A) as NDArray[];
  assert.ok(maxAbsDiff(np.matmul(Q!, R!), A) < 1e-12);
});
