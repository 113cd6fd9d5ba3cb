// creation.test.ts — array constructors against NumPy (test/fixtures/creation.json, from scripts/fixtures/creation.py):
// np.array of nested JS values and its errors, zeros/ones/full/*Like with dtypes, arange, linspace/logspace
// (bit-exact), eye/identity, copy; plus the tessera-only fromTyped and the no-copy rules of asarray.

import assert from "node:assert/strict";
import { test } from "node:test";
import { np } from "../src/index.js";
import { loadFixture } from "./helpers/fixtures.js";
import { checkSpec, type CallSpec, type SpecResult } from "./helpers/oracle.js";

interface Case extends SpecResult {
  call: CallSpec;
}
const { cases } = loadFixture<{ cases: Case[] }>("creation");

const byFn = new Map<string, Case[]>();
for (const c of cases) {
  if (!byFn.has(c.call.f)) byFn.set(c.call.f, []);
  byFn.get(c.call.f)!.push(c);
}

for (const [f, list] of byFn) {
  test(`np.${f} as NumPy`, () => {
    const failures: string[] = [];
    for (const c of list) {
      try {
        // logspace goes through pow, which NumPy computes with its own SIMD routine (not always correctly rounded,
        // e.g. 10.0 ** -5 is 9.999999999999999e-06 there) and V8 with another: within 2 ulp, not bit-exact.
        checkSpec(c.call, c, f === "logspace" ? { rtol: 5e-16 } : {});
      } catch (e) {
        failures.push((e as Error).message.split("\n")[0]!);
      }
    }
    if (failures.length) assert.fail(`${failures.length}/${list.length} cases failed:\n  ${failures.slice(0, 15).join("\n  ")}`);
  });
}

test("empty and emptyLike give the shape and dtype asked for", () => {
  const a = np.empty([2, 3], { dtype: "int16" });
  assert.deepEqual([a.dtype, ...a.shape], ["int16", 2, 3]);
  assert.equal(np.empty(4).dtype, "float64");
  const b = np.emptyLike(np.zeros([3, 1], { dtype: "uint8" }));
  assert.deepEqual([b.dtype, ...b.shape], ["uint8", 3, 1]);
});

test("asarray passes an NDArray of the same dtype through; array copies", () => {
  const a = np.zeros([2]);
  assert.equal(np.asarray(a), a);
  assert.notEqual(np.array(a), a);
  assert.equal(np.array(a, { copy: false }), a);
  assert.equal(np.asarray(a, { dtype: "float64" }), a);
  assert.notEqual(np.asarray(a, { dtype: "float32" }), a);
});

test("fromTyped wraps a typed array without copying", () => {
  const t = new Float32Array([1, 2, 3, 4, 5, 6]);
  const a = np.fromTyped(t, { shape: [2, 3] });
  assert.equal(a.dtype, "float32");
  assert.deepEqual(a.tolist(), [[1, 2, 3], [4, 5, 6]]);
  t[0] = 9;
  assert.equal(a.item(0, 0), 9);
  assert.equal(np.fromTyped(new BigInt64Array([1n, -2n])).dtype, "int64");
  assert.equal(np.fromTyped(new Uint8Array([1, 0]), { dtype: "bool" }).item(0), true);
  assert.throws(() => np.fromTyped(t, { shape: [4] }), { name: "ValueError", message: "cannot reshape array of size 6 into shape (4,)" });
  assert.throws(() => np.fromTyped(t, { dtype: "int32" }), TypeError);
});

test("creation results own their memory and are writeable", () => {
  for (const a of [np.zeros([2]), np.ones([2]), np.full([2], 1), np.arange(3), np.eye(2), np.linspace(0, 1, 3) as never as ReturnType<typeof np.zeros>]) {
    assert.equal(a.base, null);
    assert.equal(a.flags.writeable, true);
  }
});
