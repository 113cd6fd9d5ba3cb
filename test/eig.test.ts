// eig.test.ts — np.linalg.eig / eigvals against NumPy (scripts/fixtures/eig.py, 134 cases: P·D·P⁻¹ up to 80×80,
// symmetric, triangular, Jordan/defective, balancing and dgeev-scaling cases, 1×1, stacks, empty, float32, ints,
// bool; complex spectra and NumPy's LinAlgErrors). Eigenvalues are compared in NumPy's order (LAPACK's dlahqr
// order, which tessera follows), except where the fixture says the order is not the algorithm's alone (n >= 75,
// where LAPACK switches to dlaqr0; exactly cancelling Hessenberg reductions): those compare as sorted sets.
// Eigenvectors are unique only up to sign (and not at all for repeated eigenvalues): they must satisfy A·v = λ·v
// with unit norm, and equal NumPy's up to sign to within the first-order bound ε·‖A‖/gap.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np, NDArray } from "../src/index.js";
import { assertThrowsLike, decode, loadFixture, type EncArray, type EncError } from "./helpers/fixtures.js";

interface Case {
  name: string;
  fn: "eig" | "eigvals";
  args: [EncArray];
  exactOrder: boolean;
  out: EncArray | EncError | { tuple: EncArray[] };
}

const { cases } = loadFixture<{ cases: Case[] }>("eig");
const values = (e: EncArray) => e.data.map(Number); // bool → 0/1, int64 strings → numbers
const flat = (a: NDArray) => [a.tolist()].flat(Infinity as 1) as number[];

function call(c: Case): NDArray[] {
  const a = decode(c.args[0]);
  return c.fn === "eig" ? np.linalg.eig(a) : [np.linalg.eigvals(a)];
}

/** One matrix of a stack: its entries, ‖A‖_F, and NumPy's / tessera's eigenvalues and vectors. */
function* matrices(c: Case, got: NDArray[]) {
  const want = "tuple" in c.out ? c.out.tuple : [c.out as EncArray];
  const n = want[0]!.shape.at(-1) ?? 0;
  const A = values(c.args[0]), wNp = values(want[0]!), w = flat(got[0]!);
  const VNp = want[1] ? values(want[1]) : [], V = got[1] ? flat(got[1]) : [];
  for (let b = 0; n > 0 && b < wNp.length / n; b++) {
    const Ab = A.slice(b * n * n, (b + 1) * n * n);
    yield {
      b, n, A: Ab, norm: Math.hypot(...Ab),
      wNp: wNp.slice(b * n, (b + 1) * n), w: w.slice(b * n, (b + 1) * n),
      VNp: VNp.slice(b * n * n, (b + 1) * n * n), V: V.slice(b * n * n, (b + 1) * n * n),
    };
  }
}

const isFloat32 = (c: Case) => c.args[0].dtype === "float32";
/** Relative to ‖A‖: float64 results agree to a few ulps (measured ≤ 2e-15), float32 ones to float32 rounding. */
const tolOf = (c: Case) => (isFloat32(c) ? 1e-6 : 1e-13);
const realCases = cases.filter((c) => !("error" in c.out));

test("eig/eigvals: dtype and shape as NumPy (float32 in → float32 out, everything else float64)", () => {
  for (const c of realCases) {
    const got = call(c), want = "tuple" in c.out ? c.out.tuple : [c.out as EncArray];
    assert.equal(got.length, want.length, c.name);
    got.forEach((g, j) => {
      assert.equal(g.dtype, want[j]!.dtype, `${c.name} ${c.fn} [${j}] dtype`);
      assert.deepEqual([...g.shape], want[j]!.shape, `${c.name} ${c.fn} [${j}] shape`);
    });
  }
});

test("eigenvalues match NumPy's, in NumPy's order (as sorted sets where the fixture says order is not exact)", () => {
  let ordered = 0;
  for (const c of realCases)
    for (const m of matrices(c, call(c))) {
      const inOrder = c.exactOrder;
      const [w, wNp] = inOrder ? [m.w, m.wNp] : [[...m.w].sort((x, y) => x - y), [...m.wNp].sort((x, y) => x - y)];
      w.forEach((x, j) => {
        const err = Math.abs(x - wNp[j]!);
        assert.ok(err <= tolOf(c) * m.norm, `${c.name} ${c.fn} [${m.b}] λ${j}: got ${x}, NumPy ${wNp[j]} (|A| ${m.norm})`);
      });
      if (inOrder) ordered++;
    }
  assert.ok(ordered > 100);
});

test("eigenvectors: A·v = λ·v, unit norm, NumPy's vectors up to sign", () => {
  for (const c of realCases.filter((c) => c.fn === "eig"))
    for (const { b, n, A, norm, w, wNp, V, VNp } of matrices(c, call(c))) {
      const what = `${c.name} [${b}]`, tol = tolOf(c);
      for (let j = 0; j < n; j++) {
        const v = Array.from({ length: n }, (_, i) => V[i * n + j]!);
        let residual = 0;
        for (let i = 0; i < n; i++) {
          let s = -w[j]! * v[i]!;
          for (let k = 0; k < n; k++) s += A[i * n + k]! * v[k]!;
          residual = Math.hypot(residual, s);
        }
        assert.ok(residual <= tol * norm, `${what} v${j}: ‖Av − λv‖ = ${residual}`);
        assert.ok(Math.abs(Math.hypot(...v) - 1) <= (isFloat32(c) ? 1e-6 : 1e-14), `${what} v${j}: norm ${Math.hypot(...v)}`);
        // NumPy's column for the same eigenvalue (its index differs only where the order may)
        let k = 0;
        for (let t = 1; t < n; t++) if (Math.abs(wNp[t]! - w[j]!) < Math.abs(wNp[k]! - w[j]!)) k = t;
        const gap = Math.min(...wNp.filter((_, t) => t !== k).map((x) => Math.abs(x - wNp[k]!)));
        if (!(gap > 0)) continue; // repeated eigenvalue: any basis of the eigenspace is right
        let same = 0, flipped = 0;
        for (let i = 0; i < n; i++) {
          same = Math.max(same, Math.abs(v[i]! - VNp[i * n + k]!));
          flipped = Math.max(flipped, Math.abs(v[i]! + VNp[i * n + k]!));
        }
        assert.ok(Math.min(same, flipped) <= (Number.isFinite(gap) ? (tol * norm) / gap : tol), `${what} v${j} vs NumPy's v${k}: differ by ${Math.min(same, flipped)}, gap ${gap}`);
      }
    }
});

test("complex spectra throw NotImplementedError; bad input throws NumPy's LinAlgError", () => {
  const errors = cases.filter((c) => "error" in c.out);
  assert.ok(errors.some((c) => (c.out as EncError).error === "NotImplementedError"));
  for (const c of errors) assertThrowsLike(() => call(c), c.out as EncError, `${c.name} ${c.fn}`);
});

test("nested JS arrays in, NumPy's order out", () => {
  const [w, v] = np.linalg.eig([[2, 0], [0, 3]]);
  assert.deepEqual(w.tolist(), [2, 3]);
  assert.deepEqual(v.tolist(), [[1, 0], [0, 1]]);
  assert.deepEqual(np.linalg.eigvals([[1, 2], [0, 3]]).tolist(), [1, 3]);
  assert.deepEqual(np.linalg.eigvals([[1, 0], [2, 3]]).tolist(), [3, 1]); // dgebal's permutation reorders
});
